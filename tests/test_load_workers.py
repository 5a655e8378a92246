"""Large loads: workers read and extract, one process writes; the rows do not depend on the number of workers."""
from lib import load
from lib.load import load_paths
from tests.conftest import synthetic_article, table_rows, write_article


def test_a_two_worker_load_stores_the_same_rows_as_a_one_worker_load(tmp_path):
    folder = tmp_path / "articles"
    count = load.POOL_FROM + 40  # enough for the workers to be used
    for number in range(count):
        write_article(folder, f"{number:04d}.txt", synthetic_article(number % 150))  # some texts twice
    one = load_paths([folder], tmp_path / "one.db", workers=1)
    two = load_paths([folder], tmp_path / "two.db", workers=2)
    assert (one.loaded, one.unchanged, one.failed) == (150, count - 150, 0)
    assert (two.loaded, two.unchanged, two.failed, two.mentions, two.incidents) == \
        (one.loaded, one.unchanged, one.failed, one.mentions, one.incidents)
    assert table_rows(tmp_path / "two.db") == table_rows(tmp_path / "one.db")


def test_a_file_whose_text_is_stored_is_not_extracted_again(tmp_path, monkeypatch):
    path = write_article(tmp_path / "in", "a.txt", synthetic_article(1))
    db_path = tmp_path / "atlas.db"
    load_paths([path], db_path)
    monkeypatch.setattr(load, "extract_article", lambda article: {"error": "extracted again"})
    article, outcome, result = load.prepare((str(path), None, str(db_path)))
    assert outcome == ("unchanged", None) and result is None
    assert "text" not in article and article["file_size"] == path.stat().st_size


def test_a_file_that_cannot_be_read_is_reported_by_the_worker(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    from lib.store import schema

    schema.connect(tmp_path / "atlas.db").close()
    assert load.prepare((str(tmp_path / "empty.txt"), None, str(tmp_path / "atlas.db"))) == \
        (None, ("failed", "empty file"), None)


def test_a_database_whose_name_has_uri_characters_is_checked_by_the_workers(tmp_path):
    path = write_article(tmp_path / "in", "a.txt", synthetic_article(2))
    db_path = tmp_path / "odd #1 ?x% name.db"
    load_paths([path], db_path)
    article, outcome, result = load.prepare((str(path), None, str(db_path)))
    assert outcome == ("unchanged", None)


def test_a_finished_load_leaves_every_row_in_the_database_file_itself(tmp_path):
    folder = tmp_path / "articles"
    for number in range(load.POOL_FROM + 10):
        write_article(folder, f"{number:04d}.txt", synthetic_article(number))
    for workers in (1, 2):
        db_path = tmp_path / f"atlas{workers}.db"
        load_paths([folder], db_path, workers=workers)
        assert not (tmp_path / f"atlas{workers}.db-wal").exists()
        copy = tmp_path / f"copy{workers}.db"
        copy.write_bytes(db_path.read_bytes())  # what a person copying the file gets
        assert table_rows(copy) == table_rows(db_path)
        assert table_rows(copy)["documents"]
