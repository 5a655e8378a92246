"""The excerpt panel on a busy place: the newest articles first, a page at a time, each sentence once."""
import sqlite3

from streamlit.testing.v1 import AppTest

from lib.load import load_paths
from lib.dashboard.map_panel import EXCERPT_PAGE
from tests.conftest import ROOT, synthetic_article, write_article



def _html_bodies(at):
    stack = list(at._tree.children.values())
    while stack:
        node = stack.pop()
        stack.extend(getattr(node, "children", {}).values())
        if getattr(node, "type", None) == "html":
            yield node.proto.body


def test_a_busy_place_shows_a_page_of_its_newest_articles_and_more_on_request(tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    articles = EXCERPT_PAGE + 7
    for number in range(articles):
        # every article names Quetta; twelve cities rotate, so use only the ones about Quetta
        write_article(folder, f"a{number:03d}.txt", synthetic_article(number * 12 + 1),
                      {"published": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}"})
    db_path = tmp_path / "atlas.db"
    assert load_paths([folder], db_path).failed == 0
    place_id = sqlite3.connect(db_path).execute(
        "SELECT place_id FROM mentions WHERE surface = 'Quetta' GROUP BY place_id").fetchone()[0]
    monkeypatch.setenv("ATLAS_DB", str(db_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/1_Map.py").run()
    at.selectbox(key="map_place").set_value(place_id).run()
    assert not at.exception
    bodies = "".join(_html_bodies(at))
    assert bodies.count('class="atlas-excerpt"') == EXCERPT_PAGE
    assert any(f"Showing the newest {EXCERPT_PAGE} of {articles} articles" in c.value for c in at.caption)
    at.button(key=f"more_{place_id}").click().run()
    assert "".join(_html_bodies(at)).count('class="atlas-excerpt"') == articles


def test_a_sentence_naming_a_place_twice_is_shown_once_with_both_names_marked(tmp_path, monkeypatch):
    text = "Blast in Quetta\n\nA bomb exploded in Quetta on Monday, and Quetta police sealed the area.\n"
    folder = tmp_path / "articles"
    write_article(folder, "a.txt", text, {"published": "2024-11-09"})
    db_path = tmp_path / "atlas.db"
    load_paths([folder], db_path)
    place_id = sqlite3.connect(db_path).execute("SELECT place_id FROM mentions WHERE surface = 'Quetta'").fetchone()[0]
    monkeypatch.setenv("ATLAS_DB", str(db_path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/1_Map.py").run()
    at.selectbox(key="map_place").set_value(place_id).run()
    bodies = "".join(_html_bodies(at))
    assert bodies.count("sealed the area") == 1
    assert ('exploded in <mark class="atlas-place">Quetta</mark> on Monday, and '
            '<mark class="atlas-place">Quetta</mark> police') in bodies
