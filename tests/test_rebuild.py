"""Nothing a person did is lost: edits apply at once, and a rebuild re-extracts the stored text and keeps
every correction, merge, split and figure fix, with no article file left on disk."""
import shutil
from pathlib import Path

import pytest

from lib import corrections, edits, store
from lib.load import load_paths, main
from lib.store import edits as edit_sql
from tests.conftest import table_rows

FIXTURES = Path(__file__).parent / "fixtures" / "one_incident"


@pytest.fixture
def loaded(tmp_path):
    """The five reports of one bus-station bombing (and a market bombing, and an attack in Turbat) loaded
    from a folder that the test may delete."""
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES, folder)
    db_path = tmp_path / "atlas.db"
    report = load_paths([folder], db_path, workers=1)
    assert report.failed == 0, report.problems
    return folder, db_path


def reports(db, name: str) -> list[dict]:
    """The incident rows of the article whose path ends with name, with their stable keys."""
    rows = db.execute('SELECT i.id, i.document_id, i.start, i."end", i.type, i.killed, i.event_id FROM incidents i '
                      "JOIN documents d ON d.id = i.document_id WHERE d.path LIKE ? ORDER BY i.start",
                      [f"%{name}"]).fetchall()
    return [{"id": r[0], "key": edits.report_key(r[1], r[2], r[3]), "type": r[4], "killed": r[5], "event": r[6]}
            for r in rows]


def bombing(db, name: str) -> dict:
    return next(r for r in reports(db, name) if r["type"] == "bombing")


def person_edits(db_path) -> None:
    """What an analyst does: split off the market bombing, merge the late report, fix a toll and a place."""
    with edits.writing(db_path) as db:
        edits.split(db, bombing(db, "d_other.txt")["key"], note="a different bomb, at the fruit market")
        edits.merge(db, bombing(db, "a_wire.txt")["key"], bombing(db, "e_followup.txt")["key"],
                    note="the funerals are of the bus station victims")
        edits.fix_figure(db, bombing(db, "c_summary.txt")["key"], "killed", "7", note="the text says seven")
        doc = db.execute("SELECT id FROM documents WHERE path LIKE '%c_summary.txt'").fetchone()[0]
        edits.fix_place(db, corrections.csv_path_for(db_path), "Turbat", "article", document_id=doc,
                        name="Turbat police checkpoint", lat=26.0031, lon=63.0544, note="the checkpoint itself")


def choices(db_path) -> dict:
    db = store.connect(db_path, create=False)
    try:
        return {"events": edit_sql.event_partition(db),
                "figures": db.execute("SELECT i.killed, i.injured, i.type, i.date FROM incidents i ORDER BY "
                                      "i.document_id, i.start").fetchall(),
                "places": db.execute("SELECT m.document_id, m.surface, m.start, m.place_id, m.source FROM mentions m "
                                     "ORDER BY 1, 3").fetchall(),
                "edits": [(e["action"], e["report"], e["other"], e["note"]) for e in edit_sql.event_edits(db)],
                "fixes": [(f["report"], f["field"], f["value"], f["was"], f["note"]) for f in edit_sql.incident_fixes(db)],
                "corrections": [(c["surface"], c["place_id"], c["document_id"], c["lat"], c["lon"], c["note"])
                                for c in store.corrections(db)]}
    finally:
        db.close()


def test_the_reports_of_one_bombing_are_grouped_before_any_edit(loaded):
    _, db_path = loaded
    db = store.connect(db_path, create=False)
    events = {bombing(db, name)["event"] for name in ("a_wire.txt", "b_local.txt", "c_summary.txt")}
    assert len(events) == 1


def test_a_split_a_merge_and_a_toll_fix_apply_at_once(loaded):
    _, db_path = loaded
    person_edits(db_path)
    db = store.connect(db_path, create=False)
    bus = bombing(db, "a_wire.txt")["event"]
    assert bombing(db, "e_followup.txt")["event"] == bus
    assert bombing(db, "d_other.txt")["event"] != bus
    assert bombing(db, "b_local.txt")["event"] == bus
    assert bombing(db, "c_summary.txt")["killed"] == 7
    fixes = edit_sql.event_fixes(db, bus)
    assert list(fixes[["field", "value", "note"]].itertuples(index=False, name=None)) == \
        [("killed", "7", "the text says seven")]
    turbat = db.execute("SELECT p.name, p.lat, m.source FROM mentions m JOIN places p ON p.id = m.place_id "
                        "WHERE m.surface = 'Turbat'").fetchall()
    assert turbat == [("Turbat police checkpoint", 26.0031, "correction")]
    attack = next(r for r in reports(db, "c_summary.txt") if r["type"] == "armed_attack")
    assert db.execute("SELECT place_id FROM incidents WHERE id = ?", [attack["id"]]).fetchone()[0].startswith("user:")


def test_a_rebuild_without_any_article_file_keeps_every_row_and_choice(loaded):
    folder, db_path = loaded
    person_edits(db_path)
    rows, chosen = table_rows(db_path), choices(db_path)
    shutil.rmtree(folder)
    for name in ("corrections.csv", "event_edits.csv", "incident_fixes.csv"):
        (db_path.parent / name).unlink()  # the database alone must be enough
    assert main(["--db", str(db_path), "--rebuild", "--workers", "1"]) == 0
    assert table_rows(db_path) == rows
    assert choices(db_path) == chosen
    assert Path(str(db_path) + ".bak").exists()


def test_a_rebuild_reports_what_it_carried_over(loaded, capsys):
    _, db_path = loaded
    person_edits(db_path)
    assert main(["--db", str(db_path), "--rebuild", "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "rebuilt 5 stored articles" in err and "event_edits 2" in err and "incident_fixes 1" in err


def test_an_unknown_place_id_is_refused_with_the_reason(loaded):
    _, db_path = loaded
    with edits.writing(db_path) as db:
        with pytest.raises(edits.EditError, match="unknown place id 'geonames:0'"):
            edits.fix_place(db, corrections.csv_path_for(db_path), "Quetta", "everywhere", place_id="geonames:0")
        assert store.corrections(db) == []


def test_the_corrections_command_refuses_an_unknown_place_and_applies_a_known_one(loaded, capsys):
    from lib.corrections import main as corrections_main

    _, db_path = loaded
    assert corrections_main(["--db", str(db_path), "add", "Turbat", "user:nowhere-at-all"]) == 2
    assert "unknown place id" in capsys.readouterr().err
    assert corrections_main(["--db", str(db_path), "add", "Turbat", "geonames:1167528", "--note", "test"]) == 0
    db = store.connect(db_path, create=False)
    assert {r[0] for r in db.execute("SELECT place_id FROM mentions WHERE surface = 'Turbat'")} == {"geonames:1167528"}


def test_a_mention_fix_changes_that_mention_only(loaded):
    _, db_path = loaded
    with edits.writing(db_path) as db:
        doc, start = db.execute("SELECT document_id, start FROM mentions WHERE surface = 'Quetta' "
                                "ORDER BY document_id, start").fetchone()
        before = db.execute("SELECT count(*) FROM mentions WHERE surface = 'Quetta'").fetchone()[0]
        edits.fix_place(db, corrections.csv_path_for(db_path), "Quetta", "mention", document_id=doc, start=start,
                        lat=30.2, lon=67.0, name="Quetta outskirts")
        moved = db.execute("SELECT document_id, start FROM mentions WHERE source = 'correction'").fetchall()
    assert moved == [(doc, start)] and before > 1


@pytest.mark.parametrize("field, value, reason", [
    ("killed", "-1", "whole number"), ("killed", "many", "whole number"), ("type", "riot", "unknown incident type"),
    ("date", "2025-02-30", "not a real date"), ("date", "Feb 10", "YYYY"), ("perpetrator", "x", "cannot be corrected"),
])
def test_a_figure_that_cannot_be_is_refused_with_the_reason(field, value, reason):
    with pytest.raises(edits.EditError, match=reason):
        edits.check_figure(field, value)


def test_rebuilding_a_database_that_does_not_exist_says_what_to_do(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "atlsa.db"), "--rebuild"]) == 2
    err = capsys.readouterr().err
    assert "No database at" in err and "misspelt" in err
    assert not (tmp_path / "atlsa.db").exists()


def test_uploaded_articles_and_their_edits_survive_a_rebuild_after_their_files_are_deleted(tmp_path):
    from lib import uploads

    db_path = tmp_path / "atlas.db"
    items = [(p.name, p.read_bytes()) for p in sorted(FIXTURES.glob("*.txt"))]
    outcomes = uploads.add(db_path, items, {"source": "Analyst upload"})
    assert [o.status for o in outcomes] == ["added"] * len(items)
    person_edits(db_path)
    rows, chosen = table_rows(db_path), choices(db_path)
    shutil.rmtree(uploads.uploads_dir(db_path))
    assert main(["--db", str(db_path), "--rebuild", "--workers", "1"]) == 0
    assert table_rows(db_path) == rows
    assert choices(db_path) == chosen


def test_a_damaged_database_loses_no_edit_when_its_articles_are_loaded_again(loaded):
    folder, db_path = loaded
    person_edits(db_path)
    chosen = choices(db_path)
    assert (db_path.parent / "event_edits.csv").exists() and (db_path.parent / "incident_fixes.csv").exists()
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    db_path.write_bytes(b"not a database" * 100)
    assert main([str(folder), "--db", str(db_path), "--rebuild", "--workers", "1"]) == 0
    assert choices(db_path) == chosen
