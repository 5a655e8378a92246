"""The analyst's workflow in a real browser: add articles by upload, merge two incidents, correct a toll and
fix a geocode, each visible at once; no request leaves 127.0.0.1."""
import sqlite3
from pathlib import Path

import pytest

from lib import edits
from tests.e2e.conftest import ARTIFACTS, build_database, exception_texts, shoot, start_dashboard, wait_for_app, wait_for_maps

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "one_incident"


@pytest.fixture(scope="module")
def workflow_server(tmp_path_factory):
    """A dashboard over the reports of the bus-station bombing (all but the follow-up, which is uploaded)."""
    folder = tmp_path_factory.mktemp("workflow-articles")
    for path in FIXTURES.glob("*.txt"):
        if path.name != "e_followup.txt":
            (folder / path.name).write_bytes(path.read_bytes())
    db_path = tmp_path_factory.mktemp("workflow-db") / "atlas.db"
    build_database(folder, db_path)
    with start_dashboard(db_path, tmp_path_factory.mktemp("workflow-logs")) as url:
        yield url, db_path


def rows(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def report(db_path, name):
    doc, start, end, event = rows(db_path, 'SELECT i.document_id, i.start, i."end", i.event_id FROM incidents i '
                                  "JOIN documents d ON d.id = i.document_id WHERE d.path LIKE ? AND i.type = 'bombing'",
                                  [f"%{name}"])[0]
    return edits.report_key(doc, start, end), event


def choose(page, key: str, option_text: str) -> None:
    """Open the select box of this widget key and pick the option holding option_text."""
    page.locator(f'.st-key-{key} [role="combobox"]').click()
    page.get_by_role("option").filter(has_text=option_text).first.click()
    wait_for_app(page)


def test_1_uploaded_articles_are_added_and_a_duplicate_said_to_be_one(page, workflow_server):
    url, db_path = workflow_server
    page.goto(f"{url}/Add_articles", wait_until="domcontentloaded")
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(FIXTURES / "e_followup.txt"), str(FIXTURES / "a_wire.txt")])
    page.get_by_text("e_followup.txt").first.wait_for()
    page.get_by_role("button", name="Add articles").click()
    page.get_by_text("Added 1 article").wait_for(timeout=60_000)
    wait_for_app(page)
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "a_wire.txt is a duplicate" in text and "Bomb at Quetta bus station kills six" in text
    shoot(page, "workflow-add-articles")
    assert exception_texts(page) == []
    assert rows(db_path, "SELECT count(*) FROM documents WHERE title LIKE 'Mourners%'") == [(1,)]


def test_2_a_person_merges_the_late_report_into_the_bombing(page, workflow_server):
    url, db_path = workflow_server
    _, late_event = report(db_path, "e_followup.txt")
    _, bus_event = report(db_path, "a_wire.txt")
    assert late_event != bus_event
    page.goto(f"{url}/Review?event={late_event}", wait_until="domcontentloaded")
    wait_for_app(page)
    choose(page, "rv_merge_other", "Quetta bus station")
    page.locator(".st-key-rv_merge_note input").fill("the funerals are of the bus station victims")
    page.locator(".st-key-rv_merge_note input").press("Enter")
    wait_for_app(page)
    page.locator(".st-key-rv_merge button").click()
    page.get_by_text("Merged: the two are one incident now.").wait_for()
    shoot(page, "workflow-merge")
    assert report(db_path, "e_followup.txt")[1] == report(db_path, "a_wire.txt")[1]


def test_3_a_person_corrects_a_toll_with_a_note(page, workflow_server):
    url, db_path = workflow_server
    key, event = report(db_path, "c_summary.txt")
    page.goto(f"{url}/Review?event={event}", wait_until="domcontentloaded")
    wait_for_app(page)
    choose(page, "rv_fix_report", "Balochistan security roundup")
    for field, value in (("rv_fix_value", "7"), ("rv_fix_note", "the text says seven")):
        page.locator(f".st-key-{field} input").fill(value)
        page.locator(f".st-key-{field} input").press("Enter")
        wait_for_app(page)
    page.locator(".st-key-rv_fix button").click()
    page.get_by_text("the text says seven").first.wait_for()
    wait_for_app(page)
    assert "→ 7" in page.locator('[data-testid="stMain"]').inner_text()
    shoot(page, "workflow-correct-toll")
    assert rows(db_path, "SELECT value, note FROM incident_fixes") == [("7", "the text says seven")]


def test_4_a_person_places_a_mention_by_its_coordinates(page, workflow_server):
    url, db_path = workflow_server
    page.goto(f"{url}/Review", wait_until="domcontentloaded")
    wait_for_app(page)
    page.get_by_role("tab", name="Places").click()
    choose(page, "rv_doc", "Balochistan security roundup")
    choose(page, "rv_mention", "Turbat")
    assert "Why it was placed there" in page.locator('[data-testid="stMain"]').inner_text()
    page.get_by_text("coordinates", exact=True).click()
    wait_for_app(page)
    for field, value in (("rv_lat", "26.0031"), ("rv_lon", "63.0544"), ("rv_name", "Turbat police checkpoint")):
        page.locator(f".st-key-{field} input").fill(value)
        page.locator(f".st-key-{field} input").press("Enter")
        wait_for_app(page)
    page.locator(".st-key-rv_apply button").click()
    page.get_by_text("kept in the database and in corrections.csv").wait_for()
    shoot(page, "workflow-fix-place")
    assert rows(db_path, "SELECT p.name FROM mentions m JOIN places p ON p.id = m.place_id "
                         "WHERE m.surface = 'Turbat'") == [("Turbat police checkpoint",)]
    assert (db_path.parent / "corrections.csv").exists()


def confirmable_mention(db_path) -> tuple[int, str, str]:
    """A mention of Quetta whose article places its bombing at Quetta: (mention id, article, place id)."""
    return rows(db_path, "SELECT m.id, m.document_id, m.place_id FROM mentions m WHERE m.surface = 'Quetta' "
                         "AND m.source != 'correction' AND m.place_id IN (SELECT place_id FROM incidents i "
                         "WHERE i.document_id = m.document_id) ORDER BY m.document_id, m.start")[0]


PLACE_HOVERS_JS = """() => {
    const plot = document.querySelector('.js-plotly-plot');
    const out = {};
    (plot._fullData || []).forEach(trace => {
        if (trace.type !== 'scattermap' || trace.hoverinfo === 'skip') return;
        (trace.customdata || []).forEach((custom, i) => {
            const id = Array.isArray(custom) ? custom[0] : custom;
            if (!String(id).startsWith('event:')) out[id] = trace.hovertext[i];
        });
    });
    return out;
}"""


def test_5_a_person_confirms_a_place_and_the_reviewed_map_shows_only_reviewed_places(page, workflow_server):
    url, db_path = workflow_server
    mention_id, doc, place_id = confirmable_mention(db_path)
    page.goto(f"{url}/Review?doc={doc}&mention={mention_id}", wait_until="domcontentloaded")
    wait_for_app(page)
    assert "Unreviewed: the extractor placed this mention" in page.locator('[data-testid="stMain"]').inner_text()
    page.locator(".st-key-rv_confirm button").click()
    page.get_by_text("it counts as reviewed on the map").wait_for()
    wait_for_app(page)
    shoot(page, "workflow-confirm-place")
    assert rows(db_path, "SELECT place_id, source FROM mentions WHERE id = ?", [mention_id]) == \
        [(place_id, "correction")]
    reviewed = {r[0] for r in rows(db_path, "SELECT DISTINCT place_id FROM mentions WHERE source = 'correction'")}
    everywhere = {r[0] for r in rows(db_path, "SELECT DISTINCT place_id FROM mentions WHERE place_id IS NOT NULL")}
    assert place_id in reviewed and everywhere - reviewed  # some places stay unreviewed

    page.goto(f"{url}/Map", wait_until="domcontentloaded")
    wait_for_app(page)
    wait_for_maps(page)
    hovers = page.evaluate(PLACE_HOVERS_JS)
    assert any("unreviewed" in text for text in hovers.values())
    assert "unreviewed" not in hovers[place_id] and "reviewed" in hovers[place_id]

    page.goto(f"{url}/Map?reviewed=1", wait_until="domcontentloaded")
    wait_for_app(page)
    wait_for_maps(page)
    hovers = page.evaluate(PLACE_HOVERS_JS)
    assert place_id in hovers and set(hovers) <= reviewed
    assert page.locator(".st-key-f_reviewed input").is_checked()
    shoot(page, "workflow-reviewed-map")
    assert exception_texts(page) == []


GRID_TEXT_JS = """el => [...el.querySelectorAll('table[role="grid"] td')].map(td => td.innerText.trim())"""


def grid_cells(page, wanted: str, nth: int = 0) -> list:
    """The cells of the nth st.dataframe's rendered rows that hold wanted, scrolled across its columns (and
    left scrolled to the first place it shows)."""
    frame = page.locator('[data-testid="stDataFrame"]').nth(nth)
    frame.locator('table[role="grid"] td[role="gridcell"]').first.wait_for(state="attached")
    cells, found_at = set(), None
    for step in range(20):
        found = {c for c in frame.evaluate(GRID_TEXT_JS) if wanted in c}
        found_at = step if found and found_at is None else found_at
        cells.update(found)
        frame.evaluate("el => { const s = el.querySelector('.dvn-scroller'); if (s) s.scrollLeft += 300; }")
        page.wait_for_timeout(100)
    frame.evaluate(f"el => {{ const s = el.querySelector('.dvn-scroller'); if (s) s.scrollLeft = {300 * (found_at or 0)}; }}")
    page.wait_for_timeout(200)
    return sorted(cells)


def test_6_a_corrected_toll_is_marked_with_its_note_on_the_overview_and_the_incident(page, workflow_server):
    url, db_path = workflow_server
    _, event = report(db_path, "c_summary.txt")
    page.goto(url, wait_until="domcontentloaded")
    wait_for_app(page)
    wait_for_maps(page)
    marked = grid_cells(page, "the text says seven")
    assert marked and all("killed" in c and "→ 7" in c for c in marked)
    shoot(page, "workflow-corrected-overview")
    page.goto(f"{url}/Map?event={event}", wait_until="domcontentloaded")
    wait_for_app(page)
    page.locator(".st-key-incident_panel").get_by_text("Corrected by a person").first.wait_for()
    assert "the text says seven" in page.locator(".st-key-incident_panel").inner_text()
    shoot(page, "workflow-corrected-incident")
    page.locator(".st-key-incident_panel").screenshot(path=str(ARTIFACTS / "workflow-corrected-incident-panel.png"))
    assert exception_texts(page) == []


def test_7_words_typed_narrow_the_review_boxes_to_the_matching_articles(page, workflow_server):
    url, db_path = workflow_server
    titles = [t for (t,) in rows(db_path, "SELECT title FROM documents")]
    word = "roundup"
    matching = [t for t in titles if word in t.lower()]
    assert matching and len(matching) < len(titles)
    page.goto(f"{url}/Review", wait_until="domcontentloaded")
    wait_for_app(page)
    page.get_by_role("tab", name="Places").click()
    page.locator(".st-key-rv_doc_find input").fill(word)
    page.locator(".st-key-rv_doc_find input").press("Enter")
    wait_for_app(page)
    assert f"{len(matching)} article{'s' if len(matching) != 1 else ''} matching “{word}”" in page.locator('[data-testid="stMain"]').inner_text()
    page.locator('.st-key-rv_doc [role="combobox"]').click()
    listed = page.get_by_role("option").all_inner_texts()
    assert sorted(listed) == sorted(matching)
    shoot(page, "workflow-find-article")
    assert exception_texts(page) == []
