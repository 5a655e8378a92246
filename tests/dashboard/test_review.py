"""The Review page under AppTest: a person splits a wrong group, merges two incidents, corrects a toll with a
note and fixes a geocode; each change shows at once and is still there on a fresh session."""
import csv
import shutil
from pathlib import Path

import pytest

from lib import store
from lib.load import load_paths
from tests.dashboard.test_pages import open_page
from tests.test_rebuild import FIXTURES, bombing

PAGE = "pages/5_Review.py"


def shown(element) -> str:
    return element.value.replace("\\", "")


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "atlas.db"
    report = load_paths([FIXTURES], path, workers=1)
    assert report.failed == 0
    monkeypatch.setenv("ATLAS_DB", str(path))
    return path


def event_of(db_path, name):
    db = store.connect(db_path, create=False)
    try:
        return bombing(db, name)
    finally:
        db.close()


def choose_event(db_path, name):
    at = open_page(PAGE)
    at.selectbox(key="rv_event").set_value(event_of(db_path, name)["event"]).run()
    return at


def test_every_report_of_an_incident_is_listed_with_its_own_figures(db_path):
    at = choose_event(db_path, "a_wire.txt")
    table = at.dataframe[0].value
    assert len(table) == 4 and set(table["source"]) >= {"Example Wire", "Example Daily"}
    assert len(set(table["killed"])) > 1  # each report keeps its own toll


def test_a_person_splits_a_wrong_group_and_it_stays_split(db_path):
    at = choose_event(db_path, "a_wire.txt")
    at.selectbox(key="rv_split_report").set_value(event_of(db_path, "d_other.txt")["key"])
    at.text_input(key="rv_split_note").set_value("the fruit market bomb")
    at.button(key="rv_split").click().run()
    assert not at.exception and any("Split" in s.value for s in at.success)
    assert len(at.dataframe[0].value) == 3
    assert event_of(db_path, "d_other.txt")["event"] != event_of(db_path, "a_wire.txt")["event"]
    again = choose_event(db_path, "a_wire.txt")
    assert len(again.dataframe[0].value) == 3
    split_off = choose_event(db_path, "d_other.txt")
    assert any("Split by a person: the fruit market bomb" in shown(c) for c in split_off.caption)


def test_a_person_merges_two_incidents(db_path):
    at = choose_event(db_path, "e_followup.txt")
    at.selectbox(key="rv_merge_other").set_value(event_of(db_path, "a_wire.txt")["event"])
    at.text_input(key="rv_merge_note").set_value("same bus station bombing")
    at.button(key="rv_merge").click().run()
    assert not at.exception and any("Merged" in s.value for s in at.success)
    assert event_of(db_path, "e_followup.txt")["event"] == event_of(db_path, "a_wire.txt")["event"]
    assert len(choose_event(db_path, "a_wire.txt").dataframe[0].value) == 5


def test_a_corrected_toll_shows_with_its_note(db_path):
    at = choose_event(db_path, "c_summary.txt")
    report = event_of(db_path, "c_summary.txt")
    at.selectbox(key="rv_fix_report").set_value(report["key"])
    at.selectbox(key="rv_fix_field").set_value("killed")
    at.text_input(key="rv_fix_value").set_value("7")
    at.text_input(key="rv_fix_note").set_value("the text says seven")
    at.button(key="rv_fix").click().run()
    assert not at.exception and any("Corrected killed" in s.value for s in at.success)
    assert any(f"killed {report['killed']} → 7" in shown(c) and "the text says seven" in shown(c) for c in at.caption)
    assert event_of(db_path, "c_summary.txt")["killed"] == 7


def test_a_figure_that_cannot_be_is_refused_on_the_page(db_path):
    at = choose_event(db_path, "c_summary.txt")
    at.selectbox(key="rv_fix_field").set_value("date")
    at.text_input(key="rv_fix_value").set_value("last week")
    at.button(key="rv_fix").click().run()
    assert at.error and "YYYY" in shown(at.error[0])


def open_mention(db_path, name, surface):
    db = store.connect(db_path, create=False)
    doc, mention = db.execute("SELECT d.id, m.id FROM mentions m JOIN documents d ON d.id = m.document_id "
                              "WHERE d.path LIKE ? AND m.surface = ?", [f"%{name}", surface]).fetchone()
    db.close()
    at = open_page(PAGE)
    at.selectbox(key="rv_doc").set_value(doc).run()
    at.selectbox(key="rv_mention").set_value(mention).run()
    return at, doc


def test_a_place_shows_why_it_was_chosen_among_its_candidates(db_path):
    at, _ = open_mention(db_path, "c_summary.txt", "Quetta")
    why = next(shown(m) for m in at.markdown if "Why it was placed there" in m.value)
    assert "PK" in why and "population" in why
    table = next(d.value for d in at.dataframe if "country_named" in d.value)
    assert table.iloc[0]["chosen"] and table.iloc[0]["country_code"] == "PK"


def test_a_person_enters_coordinates_for_every_mention_in_an_article(db_path):
    at, doc = open_mention(db_path, "c_summary.txt", "Turbat")
    at.radio(key="rv_how").set_value("coordinates").run()
    at.number_input(key="rv_lat").set_value(26.0031)
    at.number_input(key="rv_lon").set_value(63.0544)
    at.text_input(key="rv_name").set_value("Turbat police checkpoint")
    at.radio(key="rv_scope").set_value("article")
    at.text_input(key="rv_note").set_value("the checkpoint")
    at.button(key="rv_apply").click().run()
    assert not at.exception and any("Fixed" in s.value for s in at.success)
    assert "A person chose" in next(shown(m) for m in at.markdown if "Why it was placed there" in m.value)
    with open(db_path.parent / "corrections.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["surface"], r["document_id"], r["name"], r["note"]) for r in rows] == \
        [("Turbat", doc, "Turbat police checkpoint", "the checkpoint")]
    db = store.connect(db_path, create=False)
    assert db.execute("SELECT p.name FROM mentions m JOIN places p ON p.id = m.place_id WHERE m.surface = 'Turbat'"
                      ).fetchall() == [("Turbat police checkpoint",)]


def test_a_person_picks_a_gazetteer_search_result_everywhere(db_path):
    at, _ = open_mention(db_path, "c_summary.txt", "Turbat")
    at.radio(key="rv_how").set_value("a gazetteer search").run()
    at.text_input(key="rv_search").set_value("Quetta, PK").run()
    assert any(o.startswith("Quetta (city, PK") for o in at.selectbox(key="rv_found").options)
    at.selectbox(key="rv_found").set_value("geonames:1167528")
    at.radio(key="rv_scope").set_value("everywhere")
    at.button(key="rv_apply").click().run()
    assert not at.exception and any("Fixed" in s.value for s in at.success)
    db = store.connect(db_path, create=False)
    assert {r[0] for r in db.execute("SELECT place_id FROM mentions WHERE surface = 'Turbat'")} == {"geonames:1167528"}


def test_coordinates_left_empty_are_refused_with_the_reason(db_path):
    at, _ = open_mention(db_path, "c_summary.txt", "Turbat")
    at.radio(key="rv_how").set_value("coordinates").run()
    at.button(key="rv_apply").click().run()
    assert at.error and "latitude and a longitude" in shown(at.error[0])


def test_an_incident_links_each_report_to_its_place_mention(db_path):
    at = choose_event(db_path, "c_summary.txt")
    link = next(m.value for m in at.markdown if m.value.startswith("Fix where a report is placed"))
    doc, mention = link.split("doc=")[1].split(")")[0].split("&mention=")
    at = open_page(PAGE, params={"doc": doc, "mention": mention})
    assert at.selectbox(key="rv_doc").value == doc and at.selectbox(key="rv_mention").value == int(mention)
    assert any("Why it was placed there" in m.value for m in at.markdown)
