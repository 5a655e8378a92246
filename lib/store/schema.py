"""The database's tables, opening it, and checking or creating its schema."""
import datetime as dt
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from lib import paths
from lib.store import event_summary

SCHEMA_VERSION = 3
DEFAULT_DB = paths.database()

TABLES = {
    "meta": ({"key": str, "value": str}, "key"),
    "documents": (
        {"id": str, "path": str, "title": str, "published": str, "source": str, "url": str,
         "dateline": str, "text": str, "chars": int, "loaded_at": str, "file_size": int, "file_mtime_ns": int},
        "id",
    ),
    "places": (
        {"id": str, "name": str, "kind": str, "country_code": str, "admin1": str, "lat": float,
         "lon": float, "population": int, "source": str},
        "id",
    ),
    "sentences": (
        {"id": int, "document_id": str, "start": int, "end": int, "text": str},
        "id",
    ),
    "mentions": (
        {"id": int, "document_id": str, "place_id": str, "surface": str, "start": int, "end": int,
         "sentence": str, "sentence_start": int, "sentence_end": int, "confidence": float,
         "source": str},
        "id",
    ),
    "incidents": (
        {"id": int, "document_id": str, "place_id": str, "type": str, "date": str,
         "date_precision": str, "killed": int, "injured": int, "victims": str,
         "victim_nationality": str, "perpetrator": str, "sentence": str, "start": int, "end": int,
         "place_surface": str, "confidence": float, "event_id": str, "attackers_killed": int,
         "part_of": str},
        "id",
    ),
    "geocode_cache": (
        {"provider": str, "query": str, "answer": str, "fetched_at": str},
        ("provider", "query"),
    ),
    "corrections": (
        {"id": int, "document_id": str, "surface": str, "place_id": str, "note": str,
         "created_at": str, "start": int, "name": str, "lat": float, "lon": float},
        "id",
    ),
    # a person's merge or split of incident reports, keyed by stable report keys (lib.edits)
    "event_edits": (
        {"id": int, "action": str, "report": str, "other": str, "note": str, "created_at": str},
        "id",
    ),
    # a person's correction of one report's figure (killed, injured, type, date), with the value it replaced
    "incident_fixes": (
        {"id": int, "report": str, "field": str, "value": str, "was": str, "note": str, "created_at": str},
        "id",
    ),
}
FOREIGN_KEYS = {
    "sentences": [("document_id", "documents", "id")],
    "mentions": [("document_id", "documents", "id"), ("place_id", "places", "id")],
    "incidents": [("document_id", "documents", "id"), ("place_id", "places", "id")],
}
INDEXES = {
    "documents": [["published"], ["path"]],
    # the last: a place's mentions, articles and reviewed mentions counted from the index alone
    "mentions": [["document_id"], ["place_id"], ["place_id", "document_id", "source"]],
    "incidents": [["document_id"], ["place_id"], ["date"], ["type"], ["event_id"]],
    "places": [["country_code"], ["kind"]],
    "sentences": [["document_id"]],
}
_REPLACED_INDEXES = ["idx_mentions_place_id_document_id"]  # a prefix of a newer index: dropped as that is made


class StoreError(Exception):
    """The database cannot be used as it is; the message says what is wrong and how to fix it."""


def connect(path=DEFAULT_DB, *, create=True, readonly=False) -> sqlite_utils.Database:
    """Open the database, creating its schema when create is true; raise StoreError when unusable."""
    path = Path(path)
    if readonly:
        if not path.exists():
            raise StoreError(f"No database at {path}. Build it with: python -m lib.load")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=30)
        db = sqlite_utils.Database(conn)
    else:
        if not create and not path.exists():
            raise StoreError(f"No database at {path}. Build it with: python -m lib.load")
        if path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
            raise StoreError(
                f"{path} is read-only for this user, so nothing can be loaded into it. "
                f"Fix its permissions, or load into a copy with --db OTHER.db"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        db = sqlite_utils.Database(conn)
    try:
        db.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            migrate(db)
        check_schema(db, path)
        if not readonly:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        if not readonly and create:
            ensure_schema(db)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreError(
            f"{path} is not a readable Incident Atlas database ({error}). "
            f"Move it aside and rebuild with: python -m lib.load --rebuild"
        ) from error
    except StoreError:
        conn.close()
        raise
    return db


def check_schema(db: sqlite_utils.Database, path="the database") -> None:
    """Raise StoreError when the file holds another schema version or another program's tables."""
    names = set(db.table_names())
    if not names:
        return
    if "meta" not in names or "documents" not in names:
        raise StoreError(
            f"{path} holds tables of another program ({', '.join(sorted(names)[:5])}). "
            f"Point --db elsewhere, or move it aside and rebuild with: python -m lib.load --rebuild"
        )
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else None
    if version != SCHEMA_VERSION:
        raise StoreError(
            f"{path} has schema version {version}, this program needs {SCHEMA_VERSION}. "
            f"Rebuild it with: python -m lib.load --rebuild (corrections and curated places are kept)"
        )


# Columns each version added, by the version that had them not yet: an older file gains them (empty:
# unknown) when it is next opened for writing, so its rows stay and only new loads fill them in.
MIGRATIONS = {
    2: [("incidents", "attackers_killed", int), ("incidents", "part_of", str)],
}


def stored_version(db: sqlite_utils.Database) -> int | None:
    """The schema version the file records, or None (no meta table or no version row)."""
    if "meta" not in db.table_names():
        return None
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else None


def migrate(db: sqlite_utils.Database) -> int | None:
    """Bring a file of an older known version up to SCHEMA_VERSION by adding columns; returns the version
    it had. Files of unknown or newer versions are left for check_schema to refuse."""
    version = stored_version(db)
    if version is None or version >= SCHEMA_VERSION or any(v not in MIGRATIONS for v in
                                                           range(version, SCHEMA_VERSION)):
        return version
    with db.atomic():
        for step in range(version, SCHEMA_VERSION):
            for table, column, kind in MIGRATIONS[step]:
                if table in db.table_names() and column not in db[table].columns_dict:
                    db[table].add_column(column, kind)
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
    return version


def upgrade(path) -> None:
    """Migrate the file at path when it is of an older version and writable (the dashboard opens files
    read-only, so it calls this first); otherwise leave it for check_schema to explain."""
    path = Path(path)
    if not path.exists() or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return
    try:  # read the version without writing: a writable open would touch the file (and the dashboard's cache key)
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            version = stored_version(sqlite_utils.Database(probe))
        finally:
            probe.close()
    except sqlite3.DatabaseError:
        return  # not a database: opening it says so
    if version is None or version > SCHEMA_VERSION:
        return
    if version == SCHEMA_VERSION:
        _keep_up(path)
        return
    conn = sqlite3.connect(str(path), timeout=30)
    try:
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA busy_timeout = 30000")
        version = stored_version(db)
        if version is not None and version < SCHEMA_VERSION:
            migrate(db)
    except sqlite3.DatabaseError:
        pass  # not a database: opening it says so
    finally:
        conn.close()
    _keep_up(path)


def _missing_indexes(db) -> list[tuple[str, list[str]]]:
    """The INDEXES the file lacks (an index added since it was made), as (table, columns)."""
    have = set()
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'"):
        have.add(name)
    tables = set(db.table_names())
    return [(table, columns) for table, indexes in INDEXES.items() if table in tables for columns in indexes
            if f"idx_{table}_{'_'.join(columns)}" not in have]


def _keep_up(path: Path) -> None:
    """Give a writable file of this version what readers expect of it: the indexes added since it was made and
    an up-to-date incident summary (lib.store.event_summary). Read first, written only when something is
    missing or stale; while another writer holds the file, left for the next open (never waited for long)."""
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            db = sqlite_utils.Database(probe)
            work = bool(_missing_indexes(db)) or event_summary.needs_work(db)
        finally:
            probe.close()
        if not work:
            return
        conn = sqlite3.connect(str(path), timeout=1)
        try:
            db = sqlite_utils.Database(conn)
            db.execute("PRAGMA busy_timeout = 1000")
            for table, columns in _missing_indexes(db):
                db[table].create_index(columns, if_not_exists=True)
            for name in _REPLACED_INDEXES:
                db.execute(f"DROP INDEX IF EXISTS [{name}]")
            event_summary.refresh(db)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass  # locked by a writer, or not a database: readers compute what is missing, opening says the rest


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index and full-text index that is missing."""
    with db.atomic():
        for name, (columns, pk) in TABLES.items():
            db[name].create(columns, pk=pk, foreign_keys=FOREIGN_KEYS.get(name, []), if_not_exists=True)
            have = db[name].columns_dict
            for column, kind in columns.items():  # a column added since the file was made (nullable)
                if column not in have:
                    db[name].add_column(column, kind)
        for name, indexes in INDEXES.items():
            for columns in indexes:
                db[name].create_index(columns, if_not_exists=True)
        db.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
        )
    event_summary.install(db)
    if not db["documents_fts"].exists():
        db["documents"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    if not db["sentences_fts"].exists():
        db["sentences"].enable_fts(["text"], create_triggers=True, tokenize="porter")


def now() -> str:
    """The current UTC time to the second, as ISO text: when a row was written."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()

