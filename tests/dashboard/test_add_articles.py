"""The Add articles page under AppTest: a person uploads files or pastes text; each is added, recognised as
a duplicate, or refused with the reason; the new rows show on the other pages at once."""
from pathlib import Path

import pytest

from lib import uploads
from tests.dashboard.test_pages import metrics, open_page
from tests.helpers_db import build_two_article_db

FIXTURES = Path(__file__).parent.parent / "fixtures" / "one_incident"
PAGE = "pages/4_Add_articles.py"


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = build_two_article_db(tmp_path / "atlas.db")
    monkeypatch.setenv("ATLAS_DB", str(path))
    return path


def shown(element) -> str:
    """A message as a person reads it (Markdown escapes removed)."""
    return element.value.replace("\\", "")


def fixture_files(*names):
    return [(name, (FIXTURES / name).read_bytes(), "text/plain") for name in names]


def test_uploaded_files_are_added_and_counted_at_once(db_path):
    at = open_page()
    assert metrics(at)["Articles"] == 2
    at.switch_page(PAGE).run()
    at.file_uploader(key="add_files").set_value(fixture_files("a_wire.txt", "b_local.txt"))
    at.text_input(key="add_source").set_value("Analyst upload")
    at.button(key="add_go").click().run()
    assert not at.exception and not at.error
    assert any("Added 2 articles" in s.value for s in at.success)
    kept = sorted(p.name for p in uploads.uploads_dir(db_path).glob("*.txt"))
    assert len(kept) == 2 and any(n.endswith("_a_wire.txt") for n in kept)
    at.switch_page("app.py").run()
    assert metrics(at)["Articles"] == 4


def test_a_duplicate_is_recognised_and_an_unreadable_file_refused_with_the_reason(db_path):
    at = open_page(PAGE)
    at.file_uploader(key="add_files").set_value(fixture_files("a_wire.txt"))
    at.button(key="add_go").click().run()
    at.file_uploader(key="add_files").set_value(
        fixture_files("a_wire.txt") + [("empty.txt", b"", "text/plain"),
                                       ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "text/plain"),
                                       ("too-big.md", b"word " * (uploads.MAX_BYTES // 5 + 1), "text/markdown")])
    at.button(key="add_go").click().run()
    assert not at.exception
    assert any("a_wire.txt" in shown(w) and "duplicate" in shown(w) and "Bomb at Quetta" in shown(w)
               for w in at.warning)
    errors = " ".join(shown(e) for e in at.error)
    assert "empty.txt" in errors and "empty file" in errors
    assert "picture.txt" in errors and "binary" in errors
    assert "too-big.md" in errors and "limit" in errors
    assert len(list(uploads.uploads_dir(db_path).glob("*_a_wire.txt"))) == 1  # the first upload is still kept
    at.switch_page("app.py").run()
    assert metrics(at)["Articles"] == 3


def test_pasted_text_with_its_metadata_is_added(db_path):
    at = open_page(PAGE)
    at.text_area(key="add_text").set_value((FIXTURES / "d_other.txt").read_text().split("---\n")[-1])
    at.text_input(key="add_title").set_value("Market bomb, pasted")
    at.date_input(key="add_published").set_value("2025-02-11")
    at.text_input(key="add_source").set_value("Radio transcript")
    at.button(key="add_go").click().run()
    assert any("Added 1 article" in s.value for s in at.success)
    at.switch_page("pages/3_Sources.py").run()
    docs = at.dataframe[0].value
    row = docs[docs["title"] == "Market bomb, pasted"].iloc[0]
    assert row["published"] == "2025-02-11" and row["source"] == "Radio transcript" and row["incidents"] >= 1


def test_the_size_limits_are_stated_and_match_the_server_setting(db_path):
    at = open_page(PAGE)
    assert any(uploads.LIMITS in c.value for c in at.caption)
    config = (Path(__file__).parents[2] / ".streamlit" / "config.toml").read_text()
    assert f"maxUploadSize = {uploads.MAX_BYTES // (1024 * 1024)}" in config


def test_nothing_chosen_says_what_to_do(db_path):
    at = open_page(PAGE)
    at.button(key="add_go").click().run()
    assert any("Choose files or paste" in w.value for w in at.warning)
