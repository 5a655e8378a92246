"""What a person does in the dashboard, in a real browser with no network beyond 127.0.0.1.

The `page` fixture fails a test when any request tried to leave the machine.
"""
import csv
import io
import re
import sqlite3

import pytest

from tests.e2e.conftest import (click_marker, exception_texts, is_incident, map_markers, marker_near,
                                open_page, rendered_labels, shoot, wait_for_app)

pytestmark = pytest.mark.e2e

BOMBING_SENTENCE = (
    "The push came after a bombing at the Karachi airport last October killed two Chinese engineers"
)
KARACHI = (24.86, 67.01)
PAGES = [("", "overview", "Incident Atlas"), ("Map", "map", "Map"), ("Counts", "counts", "Counts"),
         ("Sources", "sources", "Sources")]


def grid(page, nth: int = 0) -> dict:
    """The accessible table behind the nth st.dataframe: header, rendered rows, and the total row count."""
    frame = page.locator('[data-testid="stDataFrame"]').nth(nth)
    frame.locator('table[role="grid"] td[role="gridcell"]').first.wait_for(state="attached")
    data = frame.evaluate("""el => {
        const table = el.querySelector('table[role="grid"]');
        const header = [...table.querySelectorAll('thead th')].map(th => th.innerText.trim());
        const rows = [...table.querySelectorAll('tbody tr')].map(tr =>
            [...tr.querySelectorAll('td')].map(td => td.innerText.trim()));
        return {header, rows, total: Number(table.getAttribute('aria-rowcount')) - 1,
                columns: Number(table.getAttribute('aria-colcount'))};
    }""")
    # the grid renders only the columns in view: scroll across for the names of the others
    names = {}
    for _ in range(20):
        for index, name in frame.evaluate("""el => [...el.querySelectorAll('table[role="grid"] thead th')]
                .map(th => [Number(th.getAttribute('aria-colindex')), th.innerText.trim()])"""):
            names[index] = name
        if len(names) >= data["columns"]:
            break
        frame.evaluate("el => { const s = el.querySelector('.dvn-scroller'); if (s) s.scrollLeft += 300; }")
        page.wait_for_timeout(100)
    frame.evaluate("el => { const s = el.querySelector('.dvn-scroller'); if (s) s.scrollLeft = 0; }")
    if len(names) >= data["columns"] > len(data["header"]):
        data["header"] = [names[k] for k in sorted(names)]
    return data


def row_count_caption(page, noun: str) -> int:
    text = page.locator('[data-testid="stMain"]').inner_text()
    match = re.search(rf"(\d[\d,]*) {noun} match the filters", text)
    assert match, f"no '{noun} match the filters' caption on the page"
    return int(match.group(1).replace(",", ""))


def multiselect_text(page, label: str) -> str:
    widget = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=re.compile(rf"^{re.escape(label)}$")))
    return widget.inner_text()


@pytest.mark.parametrize("path, name, heading", PAGES, ids=[p[1] for p in PAGES])
def test_every_page_opens_without_error_and_offline(page, seed_server, path, name, heading):
    open_page(page, f"{seed_server}/{path}")
    page.get_by_role("heading", name=heading, exact=True).first.wait_for()
    shoot(page, f"page-{name}")
    assert exception_texts(page) == []
    assert page.locator('[data-testid="stSidebar"]').get_by_text("Filters", exact=True).is_visible()
    assert not page.js_errors, page.js_errors


def test_base_map_draws_tiles_and_names_from_the_app_itself(page, seed_server):
    basemap_files = []
    page.on("response", lambda r: basemap_files.append((r.status, r.url)) if "/basemap/" in r.url else None)
    open_page(page, f"{seed_server}/Map")
    shoot(page, "map-basemap")
    box = page.locator(".js-plotly-plot").first.bounding_box()
    assert box["height"] >= 600 and box["width"] >= 900, box
    canvas = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.map._subplot.map"
                           ".getCanvas().getBoundingClientRect().height")
    assert canvas >= 600, canvas   # the map itself, not counting its legend
    key = page.locator(".atlas-legend-item")
    assert key.count() == 6 and "exact site" in key.first.inner_text() and key.first.is_visible()
    assert rendered_labels(page) > 0
    kinds = {url.rsplit("/", 1)[-1].rsplit(".", 1)[-1] for _, url in basemap_files}
    assert {"png", "json", "woff2"} <= kinds, basemap_files
    assert all(status == 200 and url.startswith(seed_server) for status, url in basemap_files), basemap_files
    assert "OpenStreetMap" in page.locator(".js-plotly-plot").first.inner_text()
    assert len(map_markers(page)) > 0


def test_the_map_redraws_when_filters_change(page, seed_server, seed_db):
    open_page(page, f"{seed_server}/Map")
    everything = {m["customdata"] for m in map_markers(page)}
    open_page(page, f"{seed_server}/Map?country=PK")
    with sqlite3.connect(seed_db) as db:
        in_pk = {r[0] for r in db.execute("SELECT id FROM places WHERE country_code = 'PK'")}
        in_pk |= {"event:" + r[0] for r in db.execute(
            "SELECT i.event_id FROM incidents i JOIN places p ON p.id = i.place_id WHERE p.country_code = 'PK'")}
    pakistan = {m["customdata"] for m in map_markers(page)}
    shoot(page, "map-filtered-pk-markers")
    assert pakistan and pakistan <= in_pk and pakistan < everything
    assert any(m.startswith("event:") for m in pakistan)
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Clear all filters").click()
    page.wait_for_function("n => { const p = document.querySelector('.js-plotly-plot');"
                           " return p && p.data.filter(t => t.hoverinfo !== 'skip')"
                           "              .reduce((k, t) => k + (t.lon || []).length, 0) === n; }",
                           arg=len(everything))
    wait_for_app(page)
    assert {m["customdata"] for m in map_markers(page)} == everything


def test_click_karachi_incident_then_its_place_on_the_same_spot(page, seed_server):
    open_page(page, f"{seed_server}/Map")
    assert page.locator(".st-key-excerpt_panel").count() == 0
    incident = marker_near(page, *KARACHI, layer="incident")
    assert incident["name"] == "Incident: bombing", incident
    places = [m for m in map_markers(page) if not is_incident(m)]
    assert incident["trace"] > max(m["trace"] for m in places)   # drawn above the places
    place = marker_near(page, incident["lat"], incident["lon"], within=1e-4, layer="place")
    # the airport's place marker lies on the same spot: plotly picks one of the two, and the list of
    # markers on that spot reaches each of them
    click_marker(page, incident, or_any_of=(place["customdata"],))
    spot = page.locator(".st-key-same_spot button")
    spot.first.wait_for()
    wait_for_app(page)
    assert [b.split(":")[0] for b in spot.all_inner_texts()] == ["Incident", "Place"]
    spot.filter(has_text="Incident:").click()
    card = page.locator(".st-key-incident_panel")
    card.wait_for()
    page.wait_for_function(
        "s => document.querySelector('.st-key-incident_panel')?.innerText.includes(s)", arg=BOMBING_SENTENCE)
    wait_for_app(page)
    shoot(page, "map-karachi-incident")
    text = card.inner_text()
    assert "Incident: bombing" in text and "Killed: 2" in text and "located to exact site" in text
    assert "event=" in page.url
    spot.filter(has_text="Place:").click()
    panel = page.locator(".st-key-excerpt_panel")
    panel.wait_for()
    wait_for_app(page)
    shoot(page, "map-karachi-excerpt")
    text = panel.inner_text()
    assert BOMBING_SENTENCE in text
    assert "bombing" in text and "killed 2" in text  # the incident line under the excerpt
    highlighted = panel.locator("mark.atlas-place").all_inner_texts()
    assert any("Karachi airport" in h for h in highlighted), highlighted
    assert exception_texts(page) == []
    # and from the excerpt to the whole article, on the Sources page
    panel.get_by_text("Open the whole article").first.click()
    page.wait_for_url(re.compile(r"/Sources\?.*doc="))
    article = page.locator(".atlas-article")
    article.wait_for()
    wait_for_app(page)
    shoot(page, "sources-karachi-article")
    assert BOMBING_SENTENCE in article.inner_text()
    assert any("Karachi airport" in h for h in article.locator("mark.atlas-place").all_inner_texts())
    assert exception_texts(page) == []


def test_csv_download_holds_exactly_the_filtered_tables_rows(page, seed_server):
    open_page(page, f"{seed_server}/Map?country=PK")
    shown = row_count_caption(page, "places")
    table = grid(page)
    markers = {m["customdata"] for m in map_markers(page) if not is_incident(m)}
    with page.expect_download() as info:
        page.get_by_role("button", name="Download places (CSV)").click()
    download = info.value
    assert download.suggested_filename.startswith("atlas-places-") and download.suggested_filename.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    shoot(page, "map-filtered-pk")
    assert len(rows) == shown == table["total"] > 0
    assert list(rows[0].keys()) == table["header"]
    # the rows the table renders are the file's first rows, cell for cell in the key columns
    key = table["header"].index("place_id")
    assert [r[key] for r in table["rows"]] == [r["place_id"] for r in rows[:len(table["rows"])]]
    assert {r["place_id"] for r in rows} == markers
    assert {r["country_code"] for r in rows} == {"PK"}


def test_link_with_filters_applies_them(page, seed_server, seed_db):
    open_page(page, f"{seed_server}/Map")
    all_places = row_count_caption(page, "places")
    open_page(page, f"{seed_server}/Map?country=PK&type=bombing")
    shoot(page, "map-link-pk-bombing")
    assert "Pakistan (PK)" in multiselect_text(page, "Country")
    assert "bombing" in multiselect_text(page, "Incident type")
    assert "PK" in page.url and "bombing" in page.url  # the filters stay in the address
    filtered = row_count_caption(page, "places")
    with sqlite3.connect(seed_db) as db:
        expected = db.execute(
            "SELECT count(DISTINCT p.id) FROM places p WHERE p.country_code = 'PK' AND p.id IN ("
            " SELECT place_id FROM mentions WHERE document_id IN (SELECT document_id FROM incidents WHERE type = 'bombing')"
            " UNION SELECT place_id FROM incidents WHERE type = 'bombing')").fetchone()[0]
    assert 0 < filtered == expected < all_places
    markers = [m for m in map_markers(page) if not is_incident(m)]
    assert len({m["customdata"] for m in markers}) == filtered
    assert exception_texts(page) == []


MAP_VIEW_JS = """() => { const map = document.querySelector('.js-plotly-plot')._fullLayout.map;
                        return [2 ** map.zoom, map.center.lat, map.center.lon]; }"""
MAP_IDLE_JS = """() => { const map = document.querySelector('.js-plotly-plot')._fullLayout.map._subplot.map;
                        return !map.isMoving() && !map.isZooming(); }"""


def zoom_in(page, factor: float) -> list:
    """Turn the mouse wheel over the map's upper middle until its scale has grown by factor (MapLibre eases
    each turn over several frames, fewer on a busy machine), then wait for the map and the app to settle."""
    start = page.evaluate(MAP_VIEW_JS)
    plot = page.locator(".js-plotly-plot").first.bounding_box()
    page.mouse.move(plot["x"] + plot["width"] / 2, plot["y"] + plot["height"] / 3)
    for _ in range(12):
        page.mouse.wheel(0, -200)
        page.wait_for_timeout(250)
        page.wait_for_function(MAP_IDLE_JS, polling=50)
        if page.evaluate(MAP_VIEW_JS)[0] > start[0] * factor:
            break
    page.wait_for_timeout(1200)   # the map reports where it was left, which reruns the page once
    wait_for_app(page)
    return page.evaluate(MAP_VIEW_JS)


def test_the_map_keeps_the_persons_zoom_while_filters_change(page, seed_server):
    open_page(page, f"{seed_server}/Map")
    before = row_count_caption(page, "places")
    start = page.evaluate(MAP_VIEW_JS)
    zoomed = zoom_in(page, 1.5)
    assert zoomed[0] > start[0] * 1.5, (start, zoomed)
    country = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=re.compile(r"^Country$")))
    country.locator("input").click()
    page.keyboard.type("Pakistan")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => !document.body.innerText.includes('{before} places match the filters')")
    wait_for_app(page)
    assert row_count_caption(page, "places") < before
    assert page.evaluate(MAP_VIEW_JS) == zoomed
    shoot(page, "map-zoom-kept")


def test_zoom_to_a_country_from_the_link_and_back_to_everywhere(page, seed_server):
    open_page(page, f"{seed_server}/Map")
    world = page.evaluate(MAP_VIEW_JS)
    open_page(page, f"{seed_server}/Map?zoom=country:PK")
    scale, lat, lon = page.evaluate(MAP_VIEW_JS)
    shoot(page, "map-zoom-to-pakistan")
    assert scale > world[0] * 4 and 23 < lat < 37 and 60 < lon < 78, (world, (scale, lat, lon))
    box = page.locator('[data-testid="stSelectbox"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=re.compile(r"^Zoom to$")))
    box.locator("input").click()
    page.keyboard.type("every place")
    page.keyboard.press("Enter")
    page.wait_for_function("z => { const m = document.querySelector('.js-plotly-plot')._fullLayout.map;"
                           " return 2 ** m.zoom < z; }", arg=scale / 2)
    wait_for_app(page)
    assert "zoom=" not in page.url
    assert abs(page.evaluate(MAP_VIEW_JS)[0] - world[0]) < world[0] * 0.05


CHOSEN_RING_JS = """() => { const plot = document.querySelector('.js-plotly-plot');
    return (plot?._fullData || []).filter(t => String(t.name).startsWith('Chosen marker'))
        .map(t => [t.lat[0], t.lon[0]]); }"""


def test_the_chosen_incident_is_ringed_on_the_map_and_the_view_stays(page, seed_server):
    open_page(page, f"{seed_server}/Map?zoom=country:PK")
    assert page.evaluate(CHOSEN_RING_JS) == []
    view = page.evaluate(MAP_VIEW_JS)
    incident = marker_near(page, *KARACHI, layer="incident")
    place = marker_near(page, incident["lat"], incident["lon"], within=1e-4, layer="place")
    click_marker(page, incident, or_any_of=(place["customdata"],))
    spot = page.locator(".st-key-same_spot button")
    spot.first.wait_for()
    wait_for_app(page)
    spot.filter(has_text="Incident:").click()
    page.locator(".st-key-incident_panel").wait_for()
    page.wait_for_function(f"() => ({CHOSEN_RING_JS})().length > 0")
    wait_for_app(page)
    rings = page.evaluate(CHOSEN_RING_JS)
    assert rings and all(abs(a - incident["lat"]) < 1e-6 and abs(o - incident["lon"]) < 1e-6 for a, o in rings)
    assert page.evaluate(MAP_VIEW_JS) == view     # choosing a marker does not move the map
    shoot(page, "map-chosen-incident-ringed")
    spot.filter(has_text="Place:").click()
    page.locator(".st-key-excerpt_panel").wait_for()
    wait_for_app(page)
    assert page.evaluate(CHOSEN_RING_JS)          # the place on the same spot is ringed in turn
    assert page.evaluate(MAP_VIEW_JS) == view
    assert exception_texts(page) == []
