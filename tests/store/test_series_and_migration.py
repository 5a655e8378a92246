"""Attackers killed and series parts reach the store, and a file of the previous schema still opens."""
import sqlite3

from lib.store import schema, write
from tests.helpers_db import bombing, build_seed_db, seed_rows


def _write(path, incidents):
    article, spans, mentions, _ = seed_rows()
    db = schema.connect(path)
    try:
        write.write_document(db, article, spans, mentions, incidents)
        return [dict(zip(("killed", "attackers_killed", "event_id", "part_of"), r)) for r in db.execute(
            "SELECT killed, attackers_killed, event_id, part_of FROM incidents ORDER BY id")]
    finally:
        db.close()


def test_attackers_killed_is_stored_apart_from_killed(tmp_path):
    text = seed_rows()[0]["text"]
    rows = _write(tmp_path / "a.db", [bombing(text, killed=2, attackers_killed=3)])
    assert (rows[0]["killed"], rows[0]["attackers_killed"]) == (2, 3)


def test_a_part_of_a_series_links_to_the_series_event(tmp_path):
    text = seed_rows()[0]["text"]
    series = bombing(text, killed=20)
    part = bombing(text, killed=5, part_of=0, place_id="geonames:1176615", name="Islamabad", kind="city",
                   lat=33.72, lon=73.04)
    rows = _write(tmp_path / "a.db", [series, part])
    assert rows[0]["part_of"] is None
    assert rows[1]["part_of"] == rows[0]["event_id"] != rows[1]["event_id"]


def _as_version_2(path):
    """Make a current file look like one written before attackers killed and series parts were stored."""
    with sqlite3.connect(path) as raw:
        raw.execute("ALTER TABLE incidents DROP COLUMN part_of")
        raw.execute("ALTER TABLE incidents DROP COLUMN attackers_killed")
        raw.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")


def test_a_version_2_file_is_migrated_when_opened_for_writing_and_keeps_its_rows(tmp_path):
    path = build_seed_db(tmp_path / "old.db")
    _as_version_2(path)
    db = schema.connect(path)
    try:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == \
            str(schema.SCHEMA_VERSION)
        assert db.execute("SELECT killed, attackers_killed, part_of FROM incidents").fetchall() == [(2, None, None)]
    finally:
        db.close()


def test_upgrade_lets_a_read_only_open_read_a_version_2_file(tmp_path):
    path = build_seed_db(tmp_path / "old.db")
    _as_version_2(path)
    schema.upgrade(path)
    db = schema.connect(path, readonly=True)
    try:
        assert db.execute("SELECT count(*) FROM incidents WHERE attackers_killed IS NULL").fetchone()[0] == 1
    finally:
        db.close()


def test_a_security_operation_is_its_own_type_and_its_dead_are_not_victims(tmp_path):
    text = seed_rows()[0]["text"]
    article, spans, mentions, _ = seed_rows()
    db = schema.connect(tmp_path / "a.db")
    try:
        write.write_document(db, article, spans, mentions, [bombing(text, type="other", operation=True, killed=12)])
        row = db.execute("SELECT type, killed, attackers_killed FROM incidents").fetchone()
    finally:
        db.close()
    assert row == ("security_operation", None, 12)


def test_upgrade_leaves_a_current_file_untouched(tmp_path):
    """The dashboard calls upgrade() on every run: on a current file it must not change what keys its cache."""
    from lib.dashboard.context import signature

    path = build_seed_db(tmp_path / "new.db")
    schema.connect(path, readonly=True).close()  # what every dashboard run does anyway
    before = signature(path)
    schema.upgrade(path)
    schema.connect(path, readonly=True).close()
    assert signature(path) == before
