"""The dashboard's pages under Streamlit's AppTest (no browser): every page, empty and error states,
filters, URL parameters and a simulated marker click."""
import json
import re
import shutil
from html import unescape

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from tests.helpers_db import AIRPORT_ID, BOMBING, ROOT, build_empty_db, build_two_article_db

PAGES = ["app.py", "pages/1_Map.py", "pages/2_Counts.py", "pages/3_Sources.py"]
TIMEOUT = 30


def walk(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from walk(child)


def elements(at, kind):
    return [e for e in walk(at._tree) if getattr(e, "type", None) == kind]


def html_text(at) -> str:
    return "\n".join(e.proto.body for e in elements(at, "html"))


def plain(html: str) -> str:
    """The text a person reads: tags removed, entities decoded."""
    return unescape(re.sub(r"<[^>]+>", "", html))


def metrics(at) -> dict:
    """Headline numbers by label; None for a figure shown as unknown ('–')."""
    return {m.label: None if m.value == "–" else int(m.value.replace(",", "")) for m in at.metric}


def open_page(page="app.py", params=None) -> AppTest:
    """Start at the overview (as a browser does) and move to page."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page != "app.py":
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def map_component(at, key="atlas_map"):
    """A map drawn by the atlas_map custom component: the Map page's (key atlas_map) or the Overview's."""
    return next(e for e in elements(at, "bidi_component") if e.key == key)


def click_marker(at, place_id, lat, lon, key="atlas_map") -> AppTest:
    """What the browser sends when a marker is clicked: the map (the Map page's, or the Overview's with key
    overview_map) sends the clicked points as its 'click' trigger value."""
    states = at._tree.get_widget_states()
    point = {"curve": 0, "index": 0, "lat": lat, "lon": lon, "customdata": place_id}
    trigger_id = f"$$STREAMLIT_INTERNAL_KEY_{map_component(at, key).proto.id}__events"
    states.widgets.append(WidgetState(id=trigger_id, json_trigger_value=json.dumps(
        [{"event": "click", "value": [point]}])))
    at._run(states)
    assert not at.exception, at.exception
    return at


@pytest.fixture
def seed_db(tmp_path, monkeypatch):
    path = build_two_article_db(tmp_path / "atlas.db")
    monkeypatch.setenv("ATLAS_DB", str(path))
    return path


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_seed_database(seed_db, page):
    at = open_page(page)
    assert not at.error
    assert "GeoNames" in " ".join(c.value for c in at.caption)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_when_the_database_is_empty(tmp_path, monkeypatch, page):
    monkeypatch.setenv("ATLAS_DB", str(build_empty_db(tmp_path / "empty.db")))
    at = open_page(page)
    assert any("no articles" in i.value for i in at.info)


def test_missing_database_without_building(tmp_path, monkeypatch):
    monkeypatch.delenv("ATLAS_DB", raising=False)
    monkeypatch.setattr("lib.paths.DEFAULT_DB", tmp_path / "missing.db")
    monkeypatch.setenv("ATLAS_NO_BUILD", "1")
    at = open_page("pages/1_Map.py")
    assert any("No database yet" in i.value and "lib.load" in i.value for i in at.info)


@pytest.mark.parametrize("page", PAGES)
def test_a_misspelt_atlas_db_is_reported_and_nothing_is_created(tmp_path, monkeypatch, page):
    monkeypatch.setenv("ATLAS_DB", str(tmp_path / "atlsa.db"))
    at = open_page(page)
    assert at.error and "No database at" in at.error[0].value and "ATLAS_DB" in at.error[0].value
    assert not (tmp_path / "atlsa.db").exists()


def test_unreadable_database_is_explained(tmp_path, monkeypatch):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not a database at all" * 100)
    monkeypatch.setenv("ATLAS_DB", str(bad))
    for page in PAGES:
        at = open_page(page)
        assert at.error and "not a readable Incident Atlas database" in at.error[0].value


def test_missing_database_is_built_from_seeds_with_progress(tmp_path, monkeypatch):
    path = tmp_path / "new" / "atlas.db"
    monkeypatch.delenv("ATLAS_DB", raising=False)
    monkeypatch.setattr("lib.paths.DEFAULT_DB", path)  # only the default database is built on first start
    at = open_page()
    assert path.exists()
    assert any("First start" in i.value and "seeds/" in i.value for i in at.info)
    first = next(i.value for i in at.info if "First start" in i.value)
    assert f"`{path}`" in first and "from the 1 article in seeds/" in first  # the path as typed, no escapes
    assert [s.proto.label for s in elements(at, "expandable") if "Database built" in s.proto.label] \
        or any("Database built" in str(e.proto) for e in walk(at._tree) if hasattr(e, "proto"))
    assert metrics(at)["Articles"] == 1 and metrics(at)["Incidents"] >= 1


def test_overview_counts_and_filters_change_them(seed_db):
    at = open_page()
    assert metrics(at) == {"Articles": 2, "Places": 9, "Mentions": 14, "Incidents": 2, "Killed": 2, "Injured": 5,
                           "Attackers killed": None}
    assert any(c.value.startswith("2 incidents match the filters") for c in at.caption)
    # each figure one incident lacks says so: the attack gives no dead, the bombing no injured
    assert sum(c.value == "1 incident without a figure" for c in at.caption) == 2
    at.multiselect(key="f_country").set_value(["CN"]).run()
    assert metrics(at)["Mentions"] == 6 and metrics(at)["Incidents"] == 0
    assert at.query_params["country"] == "CN"
    at.multiselect(key="f_country").set_value([])
    at.multiselect(key="f_type").set_value(["armed attack"]).run()
    assert metrics(at)["Injured"] == 5 and metrics(at)["Killed"] is None  # unknown, not zero
    at.slider(key="f_conf").set_value(0.9).run()
    assert metrics(at)["Incidents"] == 0
    assert any("No articles match the filters" in i.value for i in at.info)
    at.button(key="f_clear").click().run()
    assert metrics(at)["Mentions"] == 14 and dict(at.query_params) == {}


def test_url_parameters_apply_and_invalid_ones_are_reported(seed_db):
    at = open_page(params={"country": ["PK", "XX"], "from": "2024-02-30", "to": "2026-01-01",
                           "type": "bombing", "q": "x" * 20_000})
    warnings = " ".join(w.value for w in at.warning)
    assert "XX" in warnings and "2024" in warnings and "search text" in warnings
    assert metrics(at)["Incidents"] == 1 and metrics(at)["Killed"] == 2
    assert at.multiselect(key="f_country").value == ["PK"]
    assert at.query_params["country"] == "PK" and "q" not in at.query_params  # the URL keeps what was used


def test_impossible_date_range_in_the_url(seed_db):
    at = open_page("pages/2_Counts.py", params={"from": "2025-01-01", "to": "2020-01-01"})
    assert any("ends before it starts" in w.value for w in at.warning)
    assert any(c.value == "2 incident types match the filters" for c in at.caption)


def test_filters_follow_the_person_from_page_to_page(seed_db):
    at = open_page(params={"country": "CN"})
    at.switch_page("pages/2_Counts.py").run()
    assert at.multiselect(key="f_country").value == ["CN"]
    assert any(c.value == "0 incident types match the filters" for c in at.caption)
    assert at.query_params["country"] == "CN"


def test_clicking_the_karachi_marker_shows_the_bombing_sentence(seed_db):
    at = open_page("pages/1_Map.py")
    assert BOMBING not in html_text(at)
    click_marker(at, AIRPORT_ID, 24.9065, 67.1608)
    assert at.session_state["atlas_place"] == AIRPORT_ID
    assert at.selectbox(key="map_place").value == AIRPORT_ID
    text = html_text(at)
    assert '<mark class="atlas-place">Karachi airport</mark> last October killed two Chinese engineers' in text
    assert "bombing</b> · 2024-10 · killed 2" in text
    assert any("Excerpts: Jinnah International Airport" in m.value for m in at.markdown)
    links = [e.proto for e in elements(at, "page_link")]
    assert any("doc=" in p.query_string and "Sources" in p.page for p in links), links


def test_choosing_a_place_in_the_select_box(seed_db):
    at = open_page("pages/1_Map.py")
    at.selectbox(key="map_place").set_value("geonames:1816176").run()   # Boao, next to Hainan
    assert '<mark class="atlas-place">Boao</mark> Forum' in html_text(at)
    at.selectbox(key="map_place").set_value("geonames:1809054").run()   # Hainan
    assert '<mark class="atlas-place">Hainan</mark> province' in html_text(at)
    at.radio(key="map_size").set_value("injured").run()
    assert not at.exception and at.session_state["atlas_place"] == "geonames:1809054"
    at.selectbox(key="map_view").set_value("chosen").run()   # close up: Hainan and Boao apart
    geo = map_figure(at)["layout"]["map"]
    assert abs(geo["center"]["lat"] - 19.1) < 0.5 and geo["zoom"] > 5
    at.multiselect(key="f_country").set_value(["CN"]).run()   # the view stays while filters change
    geo2 = map_figure(at)["layout"]["map"]
    assert geo2["center"] == geo["center"] and geo2["zoom"] == geo["zoom"]


def test_untrusted_article_text_is_escaped(seed_db):
    at = open_page("pages/3_Sources.py")
    options = at.selectbox(key="src_doc").options
    assert len(options) == 3 and any("<b>Attack</b>" in o for o in options)  # plain text, not markup
    at.query_params["doc"] = "c87f22167428f7b6"
    at.run()
    text = html_text(at)
    assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;b&gt;Attack&lt;/b&gt;" in text
    assert "javascript:" not in text           # a link only for http(s) URLs
    table = at.dataframe[0].value
    assert table["url"].isna().all()
    assert '<mark class="atlas-incident atlas-place" title="incident: armed attack; Islamabad (city, PK)">' \
           'Islamabad</mark>' in text
    assert "=HYPERLINK" in plain(text) and "**bold** [link](http://x)" in plain(text)


def test_sources_page_search_and_unknown_document(seed_db):
    at = open_page("pages/3_Sources.py", params={"doc": "no-such-doc", "q": 'karachi "airport" NEAR( -'})
    assert any("No article with id" in w.value for w in at.warning)
    assert any(c.value == "0 articles match the filters" for c in at.caption)
    at.text_input(key="f_q").set_value("Karachi airport").run()
    assert any(c.value == "1 sentence matches the filters" for c in at.caption)


@pytest.mark.parametrize("text", ['"', "NEAR(a b) OR *", "-", "🙂 مرحبا", "x" * 10_000])
def test_free_text_accepts_anything(seed_db, text):
    at = open_page("pages/3_Sources.py")
    at.text_input(key="f_q").set_value(text).run()
    assert not at.exception and not at.error


def test_downloads_hold_every_filtered_row(seed_db):
    at = open_page("pages/2_Counts.py", params={"country": "PK"})
    labels = [e.proto.label for e in elements(at, "download_button")]
    assert labels == [f"Download counts by {by} ({kind})" for by in ("place", "country", "type", "month")
                      for kind in ("CSV", "GeoJSON")]


# --- the same pages on a database the real loader built from seeds/ ---

def test_pages_on_the_loaded_seed_database(seed_db_path, tmp_path, monkeypatch):
    path = tmp_path / "atlas.db"
    shutil.copy(seed_db_path, path)
    monkeypatch.setenv("ATLAS_DB", str(path))
    for page in PAGES:
        at = open_page(page)
        assert not at.error and not at.warning
    at = open_page("pages/1_Map.py")
    assert metrics(open_page())["Incidents"] >= 1
    from lib.store import queries, schema
    db = schema.connect(path, readonly=True)
    places = queries.place_counts(db)
    db.close()
    site = places[places["incidents"] > 0].iloc[0]
    click_marker(at, site["place_id"], float(site["latitude"]), float(site["longitude"]))
    text = plain(html_text(at))
    assert "bombing at the Karachi airport last October killed two Chinese engineers" in text
    assert "bombing · 2024-10 · killed 2" in text


def test_a_link_with_the_chosen_place_reopens_its_excerpts(seed_db):
    at = open_page("pages/1_Map.py", {"sel": AIRPORT_ID})
    assert at.session_state["atlas_place"] == AIRPORT_ID
    assert '<mark class="atlas-place">Karachi airport</mark> last October' in html_text(at)
    at.selectbox(key="map_place").set_value("geonames:1816176").run()   # Boao
    assert at.query_params["sel"] == "geonames:1816176"


def test_a_link_with_an_unknown_place_says_so_and_shows_the_map(seed_db):
    at = open_page("pages/1_Map.py", {"sel": "geonames:0"})
    assert any("not among the places" in w.value for w in at.warning)
    assert at.session_state["atlas_place"] is None
    assert "sel" not in at.query_params


def test_a_click_on_the_overview_map_opens_that_place_on_the_map_page(seed_db):
    at = open_page("app.py", {"country": "PK"})
    click_marker(at, AIRPORT_ID, 24.9065, 67.1608, key="overview_map")
    assert at.session_state["atlas_place"] == AIRPORT_ID
    assert '<mark class="atlas-place">Karachi airport</mark> last October' in html_text(at)
    assert at.query_params["sel"] == AIRPORT_ID and at.query_params["country"] == "PK"


def test_coming_back_to_the_overview_after_a_map_click_stays_on_the_overview(seed_db):
    at = open_page("app.py")
    click_marker(at, AIRPORT_ID, 24.9065, 67.1608, key="overview_map")
    at.switch_page("pages/0_Overview.py").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Incident Atlas"]


def map_figure(at) -> dict:
    """The figure the Map page hands its map."""
    return json.loads(json.loads(map_component(at).proto.json)["figure"])


def map_traces(at) -> list[dict]:
    """The map's marker traces (not the circles under them that show precision)."""
    from lib import charts
    return [t for t in map_figure(at)["data"] if charts.is_marker(t)]




def test_clicking_an_incident_shows_it_with_every_report(seed_db):
    at = open_page("pages/1_Map.py")
    events = [c for t in map_traces(at) for c in t["customdata"] if c.startswith("event:")]
    assert len(events) == 2      # the bombing in Karachi and the attack in Islamabad, one marker each
    bombing = next(c for t in map_traces(at) if t["name"] == "Incident: bombing" for c in t["customdata"])
    click_marker(at, bombing, 24.9065, 67.1608)
    assert at.session_state["atlas_event"] == bombing[len("event:"):] and at.session_state["atlas_place"] is None
    assert at.query_params["event"] == bombing[len("event:"):]
    panel = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert "Incident: bombing" in panel and "2024-10 (known to the month)" in panel
    assert "located to exact site" in panel and "**Killed:** 2" in panel and "two Chinese engineers" in panel
    text = html_text(at)
    assert 'class="atlas-excerpt atlas-report"' in text and "killed 2" in text
    assert "Karachi airport last October killed two Chinese engineers" in plain(text)


def test_every_marker_on_one_spot_is_reachable(seed_db):
    at = open_page("pages/1_Map.py")
    bombing = next(c for t in map_traces(at) if t["name"] == "Incident: bombing" for c in t["customdata"])
    click_marker(at, bombing, 24.9065, 67.1608)   # the incident lies on the airport's place marker
    spot = [b for b in at.button if b.key and b.key.startswith("spot_")]
    assert [b.label.split(":")[0] for b in spot] == ["Incident", "Place"]
    spot[1].click().run()
    assert at.session_state["atlas_place"] == AIRPORT_ID and at.session_state["atlas_event"] is None
    assert BOMBING in plain(html_text(at))
    next(b for b in at.button if b.key == "spot_0").click().run()
    assert at.session_state["atlas_event"] == bombing[len("event:"):]


def test_the_maps_view_is_in_the_address(seed_db):
    at = open_page("pages/1_Map.py", {"size": "injured", "places": "off", "zoom": "country:PK"})
    assert at.radio(key="map_size").value == "injured" and at.toggle(key="map_places").value is False
    assert at.selectbox(key="map_view").value == "country:PK"
    assert {t["legendgroup"] for t in map_traces(at)} == {"Incidents"}
    at.toggle(key="map_places").set_value(True).run()
    assert "places" not in at.query_params and "Places mentioned" in {t["legendgroup"] for t in map_traces(at)}
    at.radio(key="map_size").set_value("reports").run()
    assert at.query_params["size"] == "reports" and at.query_params["zoom"] == "country:PK"


def test_a_link_with_an_unknown_size_keeps_the_default(seed_db):
    at = open_page("pages/1_Map.py", {"size": "<script>", "zoom": "country:ZZ"})
    assert at.radio(key="map_size").value == "killed" and at.selectbox(key="map_view").value == "all"


def test_a_report_without_a_source_names_none_and_counts_read_in_the_singular(seed_db):
    import sqlite3
    with sqlite3.connect(seed_db) as db:
        db.execute("UPDATE documents SET source = NULL, url = NULL")
    at = open_page("pages/1_Map.py")
    bombing = next(c for t in map_traces(at) if t["name"] == "Incident: bombing" for c in t["customdata"])
    click_marker(at, bombing, 24.9065, 67.1608)
    text = plain(html_text(at))
    assert "source not named" in text and " · source<" not in html_text(at)
    captions = " ".join(c.value for c in at.caption)
    assert "1 incidents" not in captions and "1 places" not in captions and "1 mentions" not in captions
    assert all(not re.search(r"\b1 (mention|incident|article)s\b", o) for o in at.selectbox(key="map_place").options)


@pytest.fixture
def series_db(tmp_path, monkeypatch):
    """The seed article telling of a series of blasts (20 killed) with a part in Islamabad (5 killed)."""
    from lib.store import schema, write
    from tests.helpers_db import bombing, seed_rows
    article, spans, found, _ = seed_rows()
    series = bombing(article["text"], killed=20)
    part = bombing(article["text"], killed=5, part_of=0, place_id="geonames:1176615", name="Islamabad",
                   kind="city", lat=33.72, lon=73.04)
    path = tmp_path / "series.db"
    db = schema.connect(path)
    try:
        write.write_document(db, article, spans, found, [series, part])
    finally:
        db.close()
    monkeypatch.setenv("ATLAS_DB", str(path))
    return path


def test_a_part_of_a_series_is_drawn_small_and_opens_its_series(series_db):
    from lib import charts
    at = open_page("pages/1_Map.py")
    incidents = [t for t in map_traces(at) if t["legendgroup"] == "Incidents"]
    parts = [t for t in map_traces(at) if t["legendgroup"] == charts.PART_GROUP]
    assert sum(len(t["customdata"]) for t in incidents) == 1      # the series counts once, as in the totals
    assert len(parts) == 1 and parts[0]["customdata"] == incidents[0]["customdata"]   # the part opens its series
    assert parts[0]["lat"] == [33.72] and parts[0]["marker"]["size"] == charts.PART_SIZE
    assert any("1 incident matches" in c.value and "1 part of a series" in c.value for c in at.caption)
    click_marker(at, parts[0]["customdata"][0], 33.72, 73.04)
    panel = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert "(a series)" in panel and "**Killed:** 20 (its one report's figure" in panel
    assert "**Parts of this series** (1 part;" in panel
    assert "Islamabad" in plain(html_text(at)) and "killed 5" in html_text(at)


def test_the_chosen_marker_is_ringed_and_the_ring_moves_with_the_choice(seed_db):
    from lib import charts
    at = open_page("pages/1_Map.py")
    assert not [t for t in map_figure(at)["data"] if t["name"].startswith("Chosen marker")]
    bombing = next(c for t in map_traces(at) if t["name"] == "Incident: bombing" for c in t["customdata"])
    click_marker(at, bombing, 24.9065, 67.1608)
    rings = [t for t in map_figure(at)["data"] if t["name"].startswith("Chosen marker")]
    assert len(rings) == 2 and rings[0]["lat"] == [24.9065] and not any(charts.is_marker(t) for t in rings)
    assert map_figure(at)["data"][:2] == rings   # drawn under every other marker
    at.selectbox(key="map_place").set_value("geonames:1176615").run()
    rings = [t for t in map_figure(at)["data"] if t["name"].startswith("Chosen marker")]
    assert rings[0]["lat"] == [33.72]


EVERY_PAGE = ["pages/0_Overview.py", "pages/1_Map.py", "pages/2_Counts.py", "pages/3_Sources.py",
              "pages/4_Add_articles.py", "pages/5_Review.py"]
TITLES = {"pages/0_Overview.py": "Incident Atlas", "pages/1_Map.py": "Map", "pages/2_Counts.py": "Counts",
          "pages/3_Sources.py": "Sources", "pages/4_Add_articles.py": "Add articles", "pages/5_Review.py": "Review"}


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_every_page_of_the_app_opens_on_the_seed_with_its_title_and_no_error(seed_db, page):
    at = open_page(page)
    assert [t.value for t in at.title] == [TITLES[page]] and not at.error and not at.exception


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_every_page_of_the_app_on_an_empty_database_says_so_or_offers_to_add_articles(tmp_path, monkeypatch, page):
    monkeypatch.setenv("ATLAS_DB", str(build_empty_db(tmp_path / "empty.db")))
    at = open_page(page)
    assert not at.error and not at.exception
    if page == "pages/4_Add_articles.py":
        assert [t.value for t in at.title] == ["Add articles"] and at.text_area(key="add_text")
    else:
        assert any("no articles" in i.value for i in at.info)
