"""The loader: idempotent reloads, edits that replace only their own rows, and bad files that lose nothing."""
import shutil

import pytest

from lib import store
from lib.load import load_paths, main
from tests.conftest import SEEDS, SEED_TEXT, table_rows, write_article


@pytest.fixture
def seeded(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    db_path = tmp_path / "atlas.db"
    report = load_paths([folder], db_path)
    assert (report.loaded, report.failed) == (1, 0), report.problems
    return folder, db_path


def test_loading_the_seeds_stores_the_article_its_places_and_its_incident(seed_db_path):
    db = store.connect(seed_db_path, create=False)
    doc = db.execute("SELECT title, published, source, dateline, text FROM documents").fetchone()
    assert doc[0].startswith("Pakistan, China in talks")
    assert doc[1] == "2025-03-26" and doc[2] == "Reuters" and doc[3] == "Boao, China"
    assert doc[4] == SEED_TEXT
    for start, end, surface in db.execute("SELECT start, [end], surface FROM mentions"):
        assert SEED_TEXT[start:end] == surface
    incident = db.execute("SELECT type, date, killed, sentence FROM incidents").fetchall()
    assert len(incident) == 1 and incident[0][0] == "bombing" and incident[0][2] == 2
    assert "Karachi airport" in incident[0][3]


def test_loading_the_same_text_again_changes_nothing(seeded):
    folder, db_path = seeded
    before = table_rows(db_path)
    report = load_paths([folder], db_path)
    assert (report.loaded, report.unchanged, report.replaced, report.failed) == (0, 1, 0, 0)
    assert table_rows(db_path) == before


def test_an_edited_article_replaces_its_own_rows_and_nothing_else(seeded):
    folder, db_path = seeded
    write_article(folder, "other.txt", "Floods in Lahore\n\nHeavy rain flooded Lahore on Monday.\n")
    load_paths([folder], db_path)
    other_before = [r for r in table_rows(db_path)["documents"] if r[1].endswith("other.txt")]
    seed = next(folder.glob("000_*.txt"))
    seed.write_text(SEED_TEXT.replace("Karachi airport", "Quetta railway station"), encoding="utf-8")
    report = load_paths([folder], db_path)
    assert (report.replaced, report.unchanged, report.failed) == (1, 1, 0)
    after = table_rows(db_path)
    assert [r for r in after["documents"] if r[1].endswith("other.txt")] == other_before
    assert len(after["documents"]) == 2
    sentences = " ".join(r[3] for r in after["sentences"])
    assert "Quetta railway station" in sentences and "Karachi airport" not in sentences


def test_an_article_without_metadata_loads_with_its_first_line_as_title(tmp_path):
    path = write_article(tmp_path / "in", "plain.md", "Attack in Peshawar\n\nGunmen attacked a checkpoint in Peshawar.\n")
    report = load_paths([path], tmp_path / "x.db")
    assert report.loaded == 1 and report.failed == 0
    db = store.connect(tmp_path / "x.db", create=False)
    assert db.execute("SELECT title, published FROM documents").fetchone() == ("Attack in Peshawar", None)


def test_front_matter_supplies_metadata_and_is_not_part_of_the_text(tmp_path):
    text = "---\npublished: 2024-11-09\nsource: Dawn\nurl: https://example.org/a\n---\nBlast in Quetta\n\nA bomb went off in Quetta.\n"
    path = write_article(tmp_path / "in", "fm.txt", text)
    load_paths([path], tmp_path / "x.db")
    db = store.connect(tmp_path / "x.db", create=False)
    row = db.execute("SELECT published, source, url, text FROM documents").fetchone()
    assert row[:3] == ("2024-11-09", "Dawn", "https://example.org/a")
    assert row[3].startswith("Blast in Quetta")


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "binary.txt": (bytes(range(256)) * 64, "binary file"),
    "huge.txt": (b"Karachi is a city. " * (20 * 1024 * 1024 // 19 + 1), "larger than"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_a_bad_file_is_reported_and_loses_nothing(seeded, name, capsys):
    folder, db_path = seeded
    before = table_rows(db_path)
    data, reason = BAD_INPUTS[name]
    (folder / name).write_bytes(data)
    write_article(folder, "zz_good.txt", "Blast in Quetta\n\nA bomb exploded in Quetta on Friday, killing five people.\n")
    status = main([str(folder), "--db", str(db_path)])
    err = capsys.readouterr().err
    assert status == 1
    assert f"failed: {folder / name}: " in err and reason in err
    after = table_rows(db_path)
    assert [r for r in after["documents"] if r in before["documents"]] == before["documents"]
    assert any(r[1].endswith("zz_good.txt") for r in after["documents"])


def test_a_latin1_file_loads_with_a_warning_and_keeps_its_accents(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "latin.txt").write_bytes("Attentat à Bogotá\n\nUne bombe a explosé à Bogotá.\n".encode("latin-1"))
    status = main([str(folder), "--db", str(tmp_path / "x.db")])
    err = capsys.readouterr().err
    assert status == 0
    assert "not valid UTF-8" in err and "latin.txt" in err
    db = store.connect(tmp_path / "x.db", create=False)
    assert db.execute("SELECT title FROM documents").fetchone()[0] == "Attentat à Bogotá"


@pytest.mark.parametrize("metadata", ["{not json", "[1, 2]", '{"published": "last Tuesday"}'])
def test_broken_metadata_is_reported_and_the_article_still_loads(tmp_path, capsys, metadata):
    folder = tmp_path / "in"
    write_article(folder, "a.txt", "Blast in Quetta\n\nA bomb exploded in Quetta.\n")
    (folder / "a.json").write_text(metadata, encoding="utf-8")
    status = main([str(folder), "--db", str(tmp_path / "x.db")])
    err = capsys.readouterr().err
    assert status == 0
    assert "warning:" in err and "a.txt" in err
    db = store.connect(tmp_path / "x.db", create=False)
    assert db.execute("SELECT count(*), max(published) FROM documents").fetchone() == (1, None)


def test_a_folder_that_does_not_exist_is_reported_and_the_rest_loads(tmp_path, capsys):
    missing = tmp_path / "nowhere"
    status = main([str(missing), str(SEEDS), "--db", str(tmp_path / "x.db")])
    captured = capsys.readouterr()
    assert status == 1
    assert f"failed: {missing}: no such file or folder" in captured.err
    assert captured.out.strip().startswith("loaded 1, unchanged 0, replaced 0, failed 1")


def test_the_summary_line_counts_and_exit_status_is_zero_when_nothing_failed(tmp_path, capsys):
    assert main([str(SEEDS), "--db", str(tmp_path / "x.db")]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith("loaded 1, unchanged 0, replaced 0, failed 0, mentions ")
    assert ", incidents 1, seconds " in line
    assert main([str(SEEDS), "--db", str(tmp_path / "x.db")]) == 0
    assert capsys.readouterr().out.strip().startswith("loaded 0, unchanged 1")


def test_the_schema_has_full_text_search_wal_and_filter_indexes(seed_db_path):
    db = store.connect(seed_db_path, create=False)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"documents_fts", "sentences_fts"} <= set(db.table_names())
    hits = db.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?", ['"engineers"']).fetchall()
    assert len(hits) == 1
    indexed = {tuple(i.columns) for t in ("incidents", "mentions", "documents", "places") for i in db[t].indexes}
    assert {("date",), ("type",), ("place_id",), ("country_code",), ("published",)} <= indexed


def test_an_article_whose_rows_cannot_be_written_fails_alone_and_the_rest_of_its_batch_is_stored(
        tmp_path, monkeypatch):
    from lib.load import load_paths
    from lib.store import write

    for number in range(5):
        (tmp_path / f"{number}.txt").write_text(f"Article {number}.\n\nA bomb exploded in Quetta.\n")
    real = write.write_document

    def failing_on_the_third(db, document, *args, **kwargs):
        if document["path"].endswith("2.txt"):
            raise ValueError("cannot store this one")
        return real(db, document, *args, **kwargs)

    monkeypatch.setattr(write, "write_document", failing_on_the_third)
    report = load_paths([tmp_path], tmp_path / "atlas.db", workers=1)
    assert (report.loaded, report.failed) == (4, 1)
    assert report.problems[0][0].endswith("2.txt") and "cannot store" in report.problems[0][1]
    db = store.connect(tmp_path / "atlas.db")
    assert sorted(r[0] for r in db.execute("SELECT path FROM documents")) == [f"{n}.txt" for n in (0, 1, 3, 4)]
    assert db.execute("SELECT count(*) FROM sentences WHERE document_id NOT IN (SELECT id FROM documents)"
                      ).fetchone()[0] == 0
