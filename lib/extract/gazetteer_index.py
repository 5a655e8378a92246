"""The compiled gazetteer as a SQLite file that is read name by name, for loads of a few articles.

Reading the whole gazetteer takes about half a second (millions of objects); one article asks for a few
hundred names and places. ``open_index`` gives a Gazetteer whose name index, prefix set and records are
looked up in the file when first asked for and then kept, so it answers exactly as the full one does.
Worker processes and large loads keep using the full gazetteer (lib.extract.gazetteer.load).
"""
from __future__ import annotations

import marshal
import os
import sqlite3
from pathlib import Path

INDEX_FILE = "gazetteer.sqlite"
_SMALL = ("acronyms", "admin1_names", "demonyms", "curated", "common_words", "max_tokens", "fingerprint")


def write_index(cache: Path, data: dict) -> Path:
    """Write data (the compiled gazetteer: records, index, prefixes and the small parts) as the index file."""
    path = cache / INDEX_FILE
    tmp = path.with_name(f"{INDEX_FILE}.tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        # columns without a type keep every value exactly as written (no conversion by affinity)
        conn.execute("CREATE TABLE records (i INTEGER PRIMARY KEY, id, name, kind, country_code, admin1, lat, lon,"
                     " population, source, capital)")
        conn.execute("CREATE TABLE names (key TEXT PRIMARY KEY, codes BLOB) WITHOUT ROWID")
        conn.execute("CREATE TABLE prefixes (key TEXT PRIMARY KEY) WITHOUT ROWID")
        conn.execute("CREATE TABLE small (data BLOB)")
        conn.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         ((i, *rec) for i, rec in enumerate(data["records"])))
        conn.execute("CREATE INDEX records_id ON records (id)")
        conn.executemany("INSERT INTO names VALUES (?, ?)",
                         ((key, marshal.dumps(tuple(codes))) for key, codes in sorted(data["index"].items())))
        conn.executemany("INSERT INTO prefixes VALUES (?)", ((key,) for key in sorted(data["prefixes"])))
        small = {name: data.get(name) for name in _SMALL}
        small.update(acronyms=sorted(data["acronyms"]), curated=sorted(data["curated"]), count=len(data["records"]))
        conn.execute("INSERT INTO small VALUES (?)", [marshal.dumps(small)])
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp, path)
    return path


def _flag(value):
    """A stored flag as the full gazetteer holds it (SQLite keeps True and False as 1 and 0)."""
    return value if value is None else bool(value)


class _Lookup:
    """A read-only mapping over one table of the index file: each key is read once, then remembered."""

    def __init__(self, conn, sql: str, convert):
        self._conn, self._sql, self._convert, self._memo = conn, sql, convert, {}

    def _find(self, key):
        try:
            return self._memo[key]
        except KeyError:
            pass
        row = self._conn.execute(self._sql, (key,)).fetchone()
        value = self._memo[key] = None if row is None else self._convert(row)
        return value

    def get(self, key, default=None):
        value = self._find(key)
        return default if value is None else value

    def __contains__(self, key) -> bool:
        return self._find(key) is not None

    def __getitem__(self, key):
        value = self._find(key)
        if value is None:
            raise KeyError(key)
        return value


class _Records(_Lookup):
    """The place records by their number, as the full gazetteer's list gives them."""

    def __init__(self, conn, count: int, make):
        super().__init__(conn, "SELECT id, name, kind, country_code, admin1, lat, lon, population, source, capital"
                               " FROM records WHERE i = ?", lambda row: make(row[:9] + (_flag(row[9]),)))
        self._count, self._make = count, make

    def __getitem__(self, i):
        if not -self._count <= i < self._count:
            raise IndexError(i)
        return super().__getitem__(i % self._count)

    def __len__(self) -> int:
        return self._count

    def __iter__(self):
        for i in range(self._count):
            yield self[i]


def open_index(cache: Path, fingerprint: str, gazetteer_class, record_class):
    """A gazetteer_class reading the index file of cache, or None when the file is missing or stale."""
    path = cache / INDEX_FILE
    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        small = marshal.loads(conn.execute("SELECT data FROM small").fetchone()[0])
    except (sqlite3.Error, TypeError, ValueError, EOFError):
        return None
    if small.get("fingerprint") != fingerprint:
        conn.close()
        return None
    gaz = gazetteer_class({"records": [], "index": {}, "prefixes": set(), **small})
    gaz.indexed = True
    gaz.acronyms = set(small["acronyms"])
    gaz.records = _Records(conn, small["count"], record_class._make)
    gaz.index = _Lookup(conn, "SELECT codes FROM names WHERE key = ?", lambda row: marshal.loads(row[0]))
    gaz.prefixes = _Lookup(conn, "SELECT 1 FROM prefixes WHERE key = ?", lambda row: True)
    gaz._by_id = _Lookup(conn, "SELECT i FROM records WHERE id = ?", lambda row: row[0])
    return gaz
