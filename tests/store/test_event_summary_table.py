"""The kept per-incident summary is the very frame lib.tally makes from every report, and never out of date."""
import shutil

import pandas as pd
import pyarrow as pa
import pytest

from benchmarks.synthetic import write_corpus
from lib import store, tally
from lib.load import load_paths
from lib.store import event_summary, queries, schema


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 160)
    path = folder / "atlas.db"
    assert load_paths([folder], path, workers=1).failed == 0
    return folder, path


@pytest.fixture
def db(corpus, tmp_path):
    path = tmp_path / "atlas.db"
    shutil.copy(corpus[1], path)
    database = store.connect(path)
    yield database
    database.close()


def expected(db) -> pd.DataFrame:
    return tally.incidents(queries.incident_reports(db))


def stored(db) -> pd.DataFrame:
    assert event_summary.stored(db) is not None, "the kept summary is stale or missing"
    queries.forget()
    return queries.event_summaries(db)


def test_a_load_leaves_the_summary_kept_and_equal_to_the_tally_of_every_report(db):
    assert db.execute(f"SELECT count(*) FROM {event_summary.TABLE}").fetchone()[0] > 0
    pd.testing.assert_frame_equal(stored(db), expected(db), check_exact=True)


@pytest.mark.parametrize("change", [
    "UPDATE incidents SET killed = coalesce(killed, 0) + 7 WHERE id = (SELECT min(id) FROM incidents)",
    "UPDATE incidents SET event_id = NULL WHERE id = (SELECT min(id) FROM incidents WHERE event_id IS NOT NULL)",
    "UPDATE incidents SET part_of = (SELECT max(event_id) FROM incidents) WHERE id = (SELECT min(id) FROM incidents)",
    "UPDATE incidents SET event_id = NULL, date = '1999-01-02' WHERE id = (SELECT max(id) FROM incidents)",
    "UPDATE incidents SET date = '1999-01-02' WHERE event_id = (SELECT min(event_id) FROM incidents)",
    "DELETE FROM incidents WHERE id = (SELECT max(id) FROM incidents)",
    "UPDATE documents SET source = 'Other Wire', title = 'New title' WHERE rowid = 1",
    "UPDATE places SET name = 'Renamed', lat = lat + 0.5 WHERE id = (SELECT place_id FROM incidents LIMIT 1)",
    "INSERT INTO incident_fixes (report, field, value, was, note, created_at) SELECT document_id || ':' || "
    "start || ':' || \"end\", 'killed', '99', killed, 'checked', '2026-01-01' FROM incidents LIMIT 1",
])
def test_a_write_makes_the_summary_stale_until_refreshed(db, change):
    with db.conn:
        db.execute(change)
    assert event_summary.stored(db) is None
    queries.forget()
    pd.testing.assert_frame_equal(queries.event_summaries(db), expected(db), check_exact=True)
    assert event_summary.refresh(db) >= 1
    pd.testing.assert_frame_equal(stored(db), expected(db), check_exact=True)
    pd.testing.assert_frame_equal(event_summary.stored(db), whole_table_as_one_stream(db), check_exact=True)
    patched = months_read(db)
    with db.conn:
        db.execute(f"DELETE FROM {event_summary.FRAME}")
    assert event_summary.refresh(db) == 0  # every month written from the kept rows
    written = months_read(db)
    assert set(written) == set(patched) and all(written[m].equals(patched[m]) for m in written)


def test_a_place_upsert_that_changes_nothing_leaves_the_summary_fresh(db):
    with db.conn:
        db.execute("UPDATE places SET name = name, lat = lat WHERE id IN (SELECT place_id FROM incidents)")
    assert event_summary.stored(db) is not None


def test_loading_more_articles_into_a_file_keeps_its_summary_up_to_date(corpus, tmp_path):
    path = tmp_path / "atlas.db"
    shutil.copy(corpus[1], path)
    write_corpus(tmp_path / "new", 12, first=160)
    assert load_paths([tmp_path / "new"], path, workers=1).failed == 0
    db = store.connect(path)
    try:
        pd.testing.assert_frame_equal(stored(db), expected(db), check_exact=True)
    finally:
        db.close()


def test_an_older_file_gets_the_summary_and_the_covering_index_when_the_dashboard_opens_it(db, tmp_path):
    with db.conn:
        db.execute(f"DROP TABLE {event_summary.TABLE}")
        db.execute("DROP INDEX idx_mentions_place_id_document_id_source")
    path = db.execute("PRAGMA database_list").fetchone()[2]
    db.close()
    schema.upgrade(path)
    reopened = store.connect(path, readonly=True)
    try:
        indexes = {r[0] for r in reopened.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "idx_mentions_place_id_document_id_source" in indexes
        pd.testing.assert_frame_equal(stored(reopened), expected(reopened), check_exact=True)
    finally:
        reopened.close()


def test_an_upsert_of_a_place_whose_event_has_several_reports_there_is_written(db):
    """An upsert's DO UPDATE overrides the conflict policy of the statements its triggers run: the list of stale
    incidents must take the same incident twice."""
    place = db.execute("SELECT place_id FROM incidents WHERE event_id IS NOT NULL GROUP BY event_id, place_id "
                       "HAVING count(*) > 1 LIMIT 1").fetchone()
    if place is None:  # make one: a second report of an event at its place
        with db.conn:
            db.execute("UPDATE incidents SET event_id = (SELECT min(event_id) FROM incidents), place_id = "
                       "(SELECT place_id FROM incidents WHERE event_id = (SELECT min(event_id) FROM incidents)) "
                       "WHERE id = (SELECT max(id) FROM incidents)")
        place = db.execute("SELECT place_id FROM incidents WHERE event_id = (SELECT min(event_id) FROM incidents)"
                           ).fetchone()
    columns = [r[1] for r in db.execute("PRAGMA table_info(places)")]
    row = db.execute(f"SELECT {', '.join(columns)} FROM places WHERE id = ?", [place[0]]).fetchone()
    changed = dict(zip(columns, row), name="Renamed by a later article")
    names = ", ".join(columns)
    with db.conn:
        db.execute(f"INSERT INTO places ({names}) VALUES ({', '.join('?' for _ in columns)}) ON CONFLICT(id) DO UPDATE "
                   f"SET name = excluded.name", [changed[c] for c in columns])
    assert event_summary.stored(db) is None
    event_summary.refresh(db)
    pd.testing.assert_frame_equal(stored(db), expected(db), check_exact=True)


def test_a_file_made_with_a_keyed_list_of_stale_incidents_gets_the_list_without_a_key(db):
    with db.conn:
        for name in event_summary._TRIGGERS:
            db.execute(f"DROP TRIGGER {name}")
        db.execute(f"DROP TABLE {event_summary.STALE}")
        db.execute(f"CREATE TABLE {event_summary.STALE} (ev TEXT PRIMARY KEY)")
    assert event_summary.install(db)
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [event_summary.STALE]).fetchone()[0]
    assert "PRIMARY KEY" not in sql
    event_summary.refresh(db)
    pd.testing.assert_frame_equal(stored(db), expected(db), check_exact=True)


INCIDENT = "coalesce(event_id, 'report-' || id)"  # the incident a report is part of


def batches(db) -> dict:
    return dict(db.execute(f"SELECT month, rows FROM {event_summary.FRAME}").fetchall())


def months_read(db) -> dict:
    """Each month's batch, decoded (with the day the rows are ordered by)."""
    return {month: event_summary._tables([rows]) for month, rows in batches(db).items()}


def month_of(db, incident: str) -> str:
    return db.execute(f"SELECT substr(day, 1, 7) FROM {event_summary.TABLE} WHERE incident = ?",
                      [incident]).fetchone()[0]


def whole_table_as_one_stream(db) -> pd.DataFrame:
    """What the summary read when it was kept in one stream: every kept row, in its order, through Arrow."""
    rows = queries._frame(db, f"{event_summary._SELECT} ORDER BY day DESC, incident")
    return pa.Table.from_pandas(rows, preserve_index=False).to_pandas()


def test_the_summary_is_kept_a_month_a_batch_and_read_in_its_order(db):
    months = {r[0] for r in db.execute(f"SELECT substr(day, 1, 7) FROM {event_summary.TABLE}")}
    assert len(months) > 1 and set(batches(db)) == months
    pd.testing.assert_frame_equal(event_summary.stored(db), whole_table_as_one_stream(db), check_exact=True)


def test_a_refresh_writes_again_only_the_months_of_the_incidents_it_refreshed(db):
    before = batches(db)
    incident = db.execute(f"SELECT incident FROM {event_summary.TABLE} LIMIT 1 OFFSET 7").fetchone()[0]
    with db.conn:
        db.execute(f"UPDATE incidents SET killed = coalesce(killed, 0) + 5 WHERE {INCIDENT} = ?", [incident])
    assert event_summary.refresh(db) == 1
    after = batches(db)
    assert set(after) == set(before)
    assert [m for m in after if after[m] != before[m]] == [month_of(db, incident)]
    pd.testing.assert_frame_equal(stored(db), expected(db), check_exact=True)


def test_an_incident_moved_to_another_month_leaves_one_and_joins_the_other(db):
    before = batches(db)
    incident = db.execute(f"SELECT incident FROM {event_summary.TABLE} LIMIT 1 OFFSET 7").fetchone()[0]
    was = month_of(db, incident)
    with db.conn:
        db.execute(f"UPDATE incidents SET date = '1999-01-02' WHERE {INCIDENT} = ?", [incident])
    event_summary.refresh(db)
    after = batches(db)
    assert set(after) == set(before) | {"1999-01"}
    assert {m for m in before if after[m] != before[m]} == {was}
    pd.testing.assert_frame_equal(event_summary.stored(db), whole_table_as_one_stream(db), check_exact=True)


def test_a_month_whose_incidents_are_all_removed_has_no_batch_left(db):
    month = db.execute(f"SELECT substr(day, 1, 7) FROM {event_summary.TABLE} "
                       "GROUP BY 1 ORDER BY count(*) LIMIT 1").fetchone()[0]
    with db.conn:
        db.execute(f"""DELETE FROM incidents WHERE {INCIDENT} IN (
            SELECT incident FROM {event_summary.TABLE} WHERE substr(day, 1, 7) = ?)""", [month])
    event_summary.refresh(db)
    assert month not in batches(db)
    pd.testing.assert_frame_equal(stored(db), expected(db), check_exact=True)


def test_a_column_empty_in_the_newest_month_reads_as_it_did_in_one_stream(db):
    """Arrow types a column with no value in a month as null: read with the other months it takes their type."""
    oldest = db.execute(f"SELECT incident FROM {event_summary.TABLE} ORDER BY day LIMIT 1").fetchone()[0]
    with db.conn:
        db.execute("UPDATE incidents SET perpetrator = NULL, victims = NULL")
        db.execute(f"UPDATE incidents SET perpetrator = 'a militia', victims = 'farmers' WHERE {INCIDENT} = ?",
                   [oldest])
    event_summary.refresh(db)
    read = event_summary.stored(db)
    assert read["perpetrator"].notna().sum() == 1
    pd.testing.assert_frame_equal(read, whole_table_as_one_stream(db), check_exact=True)
    pd.testing.assert_frame_equal(stored(db), expected(db), check_exact=True)


def one_zstd_stream(frame: pd.DataFrame) -> bytes:
    """The summary as the file kept it first: one Arrow IPC stream, compressed buffer by buffer."""
    table = pa.Table.from_pandas(frame, preserve_index=False)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema, options=pa.ipc.IpcWriteOptions(compression="zstd")) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


@pytest.mark.parametrize("form", ["id INTEGER PRIMARY KEY CHECK (id = 1), arrow BLOB NOT NULL",
                                  "month TEXT PRIMARY KEY NOT NULL, arrow BLOB NOT NULL",
                                  "month TEXT PRIMARY KEY NOT NULL, batch BLOB NOT NULL"])
def test_a_file_with_the_summary_kept_in_another_form_gets_its_months_without_computing_them_again(db, form):
    whole = whole_table_as_one_stream(db)
    key = "1" if form.startswith("id") else "'2024-01'"
    with db.conn:
        db.execute(f"DROP TABLE {event_summary.FRAME}")
        db.execute(f"DROP INDEX {event_summary._MONTH_INDEX}")
        db.execute(f"CREATE TABLE {event_summary.FRAME} ({form})")
        db.execute(f"INSERT INTO {event_summary.FRAME} VALUES ({key}, ?)",
                   [one_zstd_stream(queries._frame(db, f"{event_summary._SELECT} ORDER BY day DESC, incident"))])
    assert event_summary.needs_work(db)
    assert event_summary.stored(db) is None
    assert event_summary.install(db)
    assert event_summary.refresh(db) == 0  # the kept rows are written a month a batch, none computed again
    assert not event_summary.needs_work(db)
    pd.testing.assert_frame_equal(event_summary.stored(db), whole, check_exact=True)
    pd.testing.assert_frame_equal(stored(db), expected(db), check_exact=True)


def test_a_file_with_no_incident_reads_an_empty_summary(tmp_path):
    db = store.connect(tmp_path / "empty.db")
    try:
        event_summary.refresh(db)
        assert not event_summary.needs_work(db)
        assert event_summary.stored(db).empty
        queries.forget()
        pd.testing.assert_frame_equal(queries.event_summaries(db), expected(db), check_exact=True)
    finally:
        db.close()
