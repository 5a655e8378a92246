"""Untrusted article text is shown as text everywhere: no script runs, no HTML element or Markdown
directive from an article reaches the page as markup.

A database is built from one hostile article (and hostile metadata) and served by a second dashboard.
"""
import json
import sqlite3

import pytest

from tests.e2e.conftest import (build_database, click_marker, exception_texts, map_markers, marker_near, open_page,
                                open_place, shoot, start_dashboard, wait_for_app)

pytestmark = pytest.mark.e2e

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
LINK = "[click](javascript:window.__pwned=3)"
HANDLER = '<b onmouseover="window.__pwned=4">nothing</b>'
INCIDENT = "A bomb exploded in Quetta on Monday, killing five people."
ARTICLE = f"""Quetta blast {SCRIPT} :red[alert]

QUETTA, Pakistan — {INCIDENT}
In Quetta a poster read {SCRIPT} next to {IMG} and {LINK} with :red[alert] and :material/warning: and **bold** and $x^2$ in it
Police in Quetta said {HANDLER} more.
"""
META = {"published": "2025-03-26", "source": '<img src=x onerror="window.__pwned=5">',
        "url": "javascript:window.__pwned=6", "dateline": "QUETTA, Pakistan"}
QUETTA = (30.18, 67.00)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(base URL, document id) of a dashboard serving only the hostile article."""
    folder = tmp_path_factory.mktemp("hostile-seeds")
    (folder / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "hostile.json").write_text(json.dumps(META), encoding="utf-8")
    db_path = tmp_path_factory.mktemp("hostile-db") / "atlas.db"
    build_database(folder, db_path)
    with sqlite3.connect(db_path) as db:
        (doc_id,) = db.execute("SELECT id FROM documents").fetchone()
        places = {r[0] for r in db.execute("SELECT p.name FROM incidents i JOIN places p ON p.id = i.place_id")}
    assert places == {"Quetta"}, f"the extractor should find the Quetta bombing, found incidents at {places}"
    with start_dashboard(db_path, tmp_path_factory.mktemp("hostile-logs")) as url:
        yield url, doc_id


def assert_nothing_ran(page):
    for frame in page.frames:
        assert frame.evaluate("() => typeof window.__pwned") == "undefined", f"a script ran in {frame.url}"
        assert frame.locator('img[src="x"]').count() == 0, f"an <img src=x> element in {frame.url}"
        assert frame.locator('a[href^="javascript:" i]').count() == 0, f"a javascript: link in {frame.url}"
        assert frame.locator('[onmouseover], [onerror]').count() == 0, f"an event handler attribute in {frame.url}"
        assert frame.locator('[data-testid="stMain"] script, [data-testid="stSidebar"] script').count() == 0
    assert exception_texts(page) == []
    assert not page.js_errors, page.js_errors


def test_map_excerpts_show_hostile_text_as_text(page, hostile):
    url, _ = hostile
    open_page(page, f"{url}/Map")
    open_place(page, *QUETTA)
    panel = page.locator(".st-key-excerpt_panel")
    page.wait_for_function(
        "s => document.querySelector('.st-key-excerpt_panel')?.innerText.includes(s)", arg=SCRIPT)
    wait_for_app(page)
    panel.hover()
    shoot(page, "hostile-map-excerpts")
    text = panel.inner_text()
    assert INCIDENT in text
    for literal in (SCRIPT, IMG, LINK, ":red[alert]", ":material/warning:", "**bold**", "$x^2$", HANDLER):
        assert literal in text, f"{literal!r} is not shown literally in the excerpts"
    icons = panel.locator("[data-testid='stIconMaterial']").all_inner_texts()
    assert "warning" not in icons, icons  # the directive was not turned into an icon
    assert_nothing_ran(page)


def test_incident_panel_shows_hostile_text_as_text(page, hostile):
    url, _ = hostile
    open_page(page, f"{url}/Map")
    incident = marker_near(page, *QUETTA, layer="incident")
    same = tuple(m["customdata"] for m in map_markers(page)
                 if abs(m["x"] - incident["x"]) < 1 and abs(m["y"] - incident["y"]) < 1)
    click_marker(page, incident, or_any_of=same)
    page.wait_for_selector(".st-key-incident_panel, .st-key-same_spot")
    wait_for_app(page)
    if page.locator(".st-key-incident_panel").count() == 0:
        page.locator(".st-key-same_spot button", has_text="Incident:").first.click()
    card = page.locator(".st-key-incident_panel")
    card.wait_for()
    wait_for_app(page)
    card.hover()
    shoot(page, "hostile-map-incident")
    text = card.inner_text()
    assert INCIDENT in text and META["source"] in text
    assert card.locator('a[href^="javascript:" i]').count() == 0
    assert_nothing_ran(page)


def test_whole_article_view_shows_hostile_text_as_text(page, hostile):
    url, doc_id = hostile
    open_page(page, f"{url}/Sources?doc={doc_id}")
    article = page.locator(".atlas-article")
    article.wait_for()
    article.hover()
    shoot(page, "hostile-sources-article")
    text = article.inner_text()
    assert text.strip() == ARTICLE.strip()
    assert page.get_by_text(SCRIPT).count() >= 1  # visible as text, not consumed as an element
    meta = page.locator(".atlas-doc .atlas-meta").first.inner_text()
    assert META["source"] in meta  # the hostile source is text, and its javascript: url is not a link
    assert_nothing_ran(page)


@pytest.mark.parametrize("path", ["", "Counts", "Sources?q=pwned"], ids=["overview", "counts", "search"])
def test_other_pages_show_hostile_text_as_text(page, hostile, path):
    url, _ = hostile
    open_page(page, f"{url}/{path}")
    shoot(page, f"hostile-{path.split('?')[0].lower() or 'overview'}")
    assert_nothing_ran(page)
