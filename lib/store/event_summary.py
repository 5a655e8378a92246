"""The unfiltered per-incident summary (queries.event_summaries with no filters) kept as a table.

Ranking every report with window functions costs seconds at 100,000 articles, and every unfiltered page
starts from that summary. So the database keeps it: triggers note the incidents (events, or reports without
one) that a write may have changed in event_summary_stale, whatever wrote (the loader, a person's edit, a
rebuild), and refresh() computes those rows again. The rows are kept as Arrow record batches too, one a month of
their day (reading 65,000 rows one by one costs more than half a second; the batches, a few milliseconds):
a refresh writes again only the months its incidents were or are in, not the whole summary, and since the
summary is ordered by day, newest first, the months read newest first are already in its order. A reader
uses them only while nothing is stale, so it never shows a summary older than the reports.
"""
from __future__ import annotations

import functools
import json
import sqlite3

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

TABLE = "event_summary"
STALE = "event_summary_stale"
FRAME = "event_summary_frame"  # the table as Arrow record batches, one a month: read in milliseconds, not row by row
# a row's month: a prefix of its day, so months in descending order hold the days in descending order
MONTH = "substr(day, 1, 7)"

# the summary frame's columns, in its order, then is_event (a stored event, not a report without one) and
# day (the date the rows are ordered by, newest first)
FRAME_COLUMNS = ["incident", "date", "date_precision", "type", "place", "kind", "country_code", "admin1",
                 "latitude", "longitude", "victims", "perpetrator", "title", "document_id", "url", "place_id",
                 "killed", "injured", "attackers_killed", "reports", "articles", "sources", "corrected", "parts",
                 "part_of"]
_REAL = {"latitude", "longitude"}
_INTEGER = {"killed", "injured", "attackers_killed", "reports", "articles"}

_EV = "coalesce({0}.event_id, 'report-' || {0}.id)"
_TRIGGERS = {
    "event_summary_incident_added": f"""AFTER INSERT ON incidents BEGIN
        INSERT INTO {STALE} (ev) VALUES ({_EV.format('NEW')}); END""",
    "event_summary_incident_changed": f"""AFTER UPDATE ON incidents BEGIN
        INSERT INTO {STALE} (ev) VALUES ({_EV.format('OLD')}), ({_EV.format('NEW')}); END""",
    "event_summary_incident_removed": f"""AFTER DELETE ON incidents BEGIN
        INSERT INTO {STALE} (ev) VALUES ({_EV.format('OLD')}); END""",
    # an article's title, address, source or date is part of its incidents' rows
    "event_summary_article_changed": f"""AFTER UPDATE OF title, url, source, published ON documents
        WHEN OLD.title IS NOT NEW.title OR OLD.url IS NOT NEW.url OR OLD.source IS NOT NEW.source
             OR OLD.published IS NOT NEW.published BEGIN
        INSERT INTO {STALE} (ev)
            SELECT {_EV.format('i')} FROM incidents i WHERE i.document_id IN (OLD.id, NEW.id); END""",
    # a place's name, kind, country, region or coordinates are too (an upsert that changes nothing is no change)
    "event_summary_place_changed": f"""AFTER UPDATE ON places
        WHEN OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.kind IS NOT NEW.kind
             OR OLD.country_code IS NOT NEW.country_code OR OLD.admin1 IS NOT NEW.admin1
             OR OLD.lat IS NOT NEW.lat OR OLD.lon IS NOT NEW.lon BEGIN
        INSERT INTO {STALE} (ev)
            SELECT {_EV.format('i')} FROM incidents i WHERE i.place_id IN (OLD.id, NEW.id); END""",
    "event_summary_place_added": f"""AFTER INSERT ON places BEGIN
        INSERT INTO {STALE} (ev)
            SELECT {_EV.format('i')} FROM incidents i WHERE i.place_id = NEW.id; END""",
    "event_summary_place_removed": f"""AFTER DELETE ON places BEGIN
        INSERT INTO {STALE} (ev)
            SELECT {_EV.format('i')} FROM incidents i WHERE i.place_id = OLD.id; END""",
}
_REPORT_KEY = "i.document_id || ':' || coalesce(i.start, '') || ':' || coalesce(i.\"end\", '')"
for _when, _row in (("INSERT", "NEW"), ("DELETE", "OLD"), ("UPDATE", "NEW")):
    # a figure fix names its report by key: that report's incident shows the fix in its corrected column
    _TRIGGERS[f"event_summary_fix_{_when.lower()}"] = f"""AFTER {_when} ON incident_fixes BEGIN
        INSERT INTO {STALE} (ev) SELECT {_EV.format('i')} FROM incidents i
            WHERE {_REPORT_KEY} IN ({_row}.report{", OLD.report" if _when == "UPDATE" else ""}); END"""


def _columns_sql() -> str:
    kinds = {c: "REAL" if c in _REAL else "INTEGER" if c in _INTEGER else "TEXT" for c in FRAME_COLUMNS}
    return ", ".join(f"[{c}] {kinds[c]}" + (" PRIMARY KEY" if c == "incident" else "") for c in FRAME_COLUMNS) \
        + ", is_event INTEGER, day TEXT"


def install(db) -> bool:
    """Create the table, its list of stale incidents and the triggers that fill it, when missing; a new table
    starts with every incident stale (refresh() fills it). True when anything was created."""
    have = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    if "incidents" not in have or "incident_fixes" not in have or "places" not in have:
        return False
    made = False
    with db.conn:
        # no key on the list: an upsert's DO UPDATE overrides the OR IGNORE of the statements its triggers run, so a
        # key would fail the write that notes one incident twice; the list is read with DISTINCT
        listed = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [STALE]).fetchone()
        if listed and "PRIMARY KEY" in listed[0]:  # a file made with the keyed list: made again, all stale
            for name in _TRIGGERS:
                db.execute(f"DROP TRIGGER IF EXISTS {name}")
            have -= set(_TRIGGERS)
            db.execute(f"DROP TABLE {STALE}")
            db.execute(f"CREATE TABLE {STALE} (ev TEXT)")
            db.execute(f"INSERT INTO {STALE} (ev) SELECT {_EV.format('i')} FROM incidents i")
            made = True
        elif not listed:
            db.execute(f"CREATE TABLE {STALE} (ev TEXT)")
            made = True
        framed = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [FRAME]).fetchone()
        if framed and _FRAME_FORM not in framed[0]:  # the whole summary in one stream, or months in another
            db.execute(f"DROP TABLE {FRAME}")         # form: written again from the kept rows by the next refresh
            framed = None
        if not framed:
            db.execute(f"CREATE TABLE {FRAME} (month TEXT PRIMARY KEY NOT NULL, {_FRAME_FORM} NOT NULL)")
            made = True
        if TABLE not in have:
            db.execute(f"CREATE TABLE {TABLE} ({_columns_sql()})")
            db.execute(f"DELETE FROM {FRAME}")  # batches of rows no longer kept
            db.execute(f"INSERT INTO {STALE} (ev) SELECT {_EV.format('i')} FROM incidents i")
            made = True
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [_MONTH_INDEX]).fetchone():
            db.execute(f"CREATE INDEX {_MONTH_INDEX} ON {TABLE} ({MONTH})")
            made = True
        for name, body in _TRIGGERS.items():
            if name not in have:
                db.execute(f"CREATE TRIGGER {name} {body}")
                made = True
    return made


def needs_work(db) -> bool:
    """Whether install() or refresh() has anything to do (a cheap read, for a file opened read-only)."""
    have = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index')")}
    if "incidents" not in have:
        return False
    if any(name not in have for name in (TABLE, STALE, FRAME, _MONTH_INDEX, *_TRIGGERS)):
        return True
    if _FRAME_FORM not in db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [FRAME]).fetchone()[0]:
        return True
    return db.execute(f"SELECT EXISTS (SELECT 1 FROM {STALE})").fetchone()[0] == 1 or not _framed(db)


def _framed(db) -> bool:
    """Whether the batches are written: some are, or there is no row to write."""
    return db.execute(f"SELECT EXISTS (SELECT 1 FROM {FRAME}) OR NOT EXISTS (SELECT 1 FROM {TABLE})") \
        .fetchone()[0] == 1


def refresh(db) -> int:
    """Compute the stale incidents' rows again (those with no report left are dropped) in one write
    transaction; returns how many incidents were refreshed."""
    from lib.store import queries  # queries reads this table: imported here, not at the top

    install(db)
    conn = db.conn
    if conn.in_transaction:
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")  # no writer can add stale rows between reading and clearing them
    try:
        stale = [r[0] for r in conn.execute(f"SELECT DISTINCT ev FROM {STALE}")]
        # every month written from the kept rows when the batches are missing; else only the stale incidents'
        # months, patched
        whole = set() if _framed(db) else {r[0] for r in conn.execute(f"SELECT DISTINCT {MONTH} FROM {TABLE}")}
        months = set()
        if stale:
            everything = conn.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {TABLE})").fetchone()[0] == 1
            frame, is_event, days = queries.build_summary_rows(db, None if everything else stale)
            months |= _months_of(conn, stale)  # the months the stale incidents were in...
            conn.execute(f"DELETE FROM {TABLE} WHERE incident IN (SELECT value FROM json_each(?))",
                         [_json(stale)])
            conn.executemany(
                f"INSERT OR REPLACE INTO {TABLE} ({', '.join(f'[{c}]' for c in FRAME_COLUMNS)}, is_event, day) "
                f"VALUES ({', '.join('?' for _ in range(len(FRAME_COLUMNS) + 2))})",
                _rows(frame, is_event, days))
            months |= _months_of(conn, stale)  # ...and the months they are in now
            conn.execute(f"DELETE FROM {STALE}")
        for month in sorted(whole):
            _keep_batch(conn, month, pa.Table.from_pandas(queries._frame(db, _SELECT_MONTH, [month]),
                                                          schema=_schema(), preserve_index=False))
        if months - whole:
            _patch(db, months - whole, stale)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return len(stale)


def _rows(frame, is_event, days):
    """The frame's rows as plain Python values (None for missing) for executemany."""
    columns = []
    for c in FRAME_COLUMNS:
        values = frame[c].astype(object).tolist()
        columns.append([None if v is None or v is pd.NA or (isinstance(v, float) and v != v)
                        else int(v) if c in _INTEGER else float(v) if c in _REAL else v for v in values])
    return list(zip(*columns, (int(bool(x)) for x in is_event), days))


def _json(values) -> str:
    return json.dumps(list(values))


def _months_of(conn, incidents) -> set:
    """The months these incidents' kept rows are in."""
    return {r[0] for r in conn.execute(f"SELECT DISTINCT {MONTH} FROM {TABLE} "
                                       "WHERE incident IN (SELECT value FROM json_each(?))", [_json(incidents)])}


def _patch(db, months: set, stale: list) -> None:
    """Write these months' batches again from what they held, less the stale incidents' rows, plus those
    incidents' rows now kept: a few rows read from the table, not every row of the months (5,000 a month in the
    benchmark's 100,000 articles)."""
    from lib.store import queries

    fresh = queries._frame(db, f"SELECT {_KEPT}, {MONTH} AS month FROM {TABLE} "
                               "WHERE incident IN (SELECT value FROM json_each(?))", [_json(stale)])
    held = dict(db.execute(f"SELECT month, rows FROM {FRAME} WHERE month IN (SELECT value FROM json_each(?))",
                           [_json(months)]).fetchall())
    gone = pa.array(stale, pa.large_string())
    for month in sorted(months):
        parts = [pa.Table.from_pandas(fresh[fresh["month"] == month].drop(columns="month"), schema=_schema(),
                                      preserve_index=False)]
        if month in held:
            kept = _tables([held[month]])
            parts.append(kept.filter(pc.invert(pc.is_in(kept["incident"], value_set=gone))))
        # the order of _SELECT_MONTH: Arrow compares text byte by byte, as SQLite's BINARY collation does
        rows = pa.concat_tables(parts).sort_by([("day", "descending"), ("incident", "ascending")])
        _keep_batch(db.conn, month, rows)


def _keep_batch(conn, month: str, table: pa.Table) -> None:
    """Keep table (of _schema(), in the summary's order) as the month's batch, or drop the month when empty."""
    if table.num_rows == 0:  # no incident left in that month
        conn.execute(f"DELETE FROM {FRAME} WHERE month = ?", [month])
        return
    sink = pa.BufferOutputStream()
    with pa.CompressedOutputStream(sink, CODEC) as packed:
        packed.write(table.combine_chunks().to_batches()[0].serialize())
    conn.execute(f"INSERT OR REPLACE INTO {FRAME} (month, rows) VALUES (?, ?)",
                 [month, sink.getvalue().to_pybytes()])


_MONTH_INDEX = f"idx_{TABLE}_month"
_SELECT = f"SELECT {', '.join(f'[{c}]' for c in FRAME_COLUMNS)}, is_event FROM {TABLE}"
_KEPT = f"{', '.join(f'[{c}]' for c in FRAME_COLUMNS)}, is_event, day"  # a batch's columns: day to order by
_SELECT_MONTH = f"SELECT {_KEPT} FROM {TABLE} WHERE {MONTH} = ? ORDER BY day DESC, incident"


_FRAME_FORM = "rows BLOB"  # a month's rows as one Arrow record batch of _schema(), compressed whole (CODEC)
# compressed whole, not buffer by buffer: Arrow's own compression starts again for each of a batch's 80-odd
# buffers, and that costs more than the reading when there are a hundred months
CODEC = "lz4"


@functools.cache
def _schema() -> pa.Schema:
    """The Arrow type of every column of a batch, with pandas' metadata for the dtype lib.store.queries reads it
    as (Int64 for its counts, which may be missing); day, last, only orders the rows and is not read."""
    from lib.store import queries

    dtypes = {c: "float64" if c in _REAL else "Int64" if c in queries._COUNT_COLUMNS else "int64"
              if c in _INTEGER else "str" for c in FRAME_COLUMNS}
    frame = pd.DataFrame({c: pd.Series([], dtype=d) for c, d in {**dtypes, "is_event": "int64"}.items()})
    return pa.Schema.from_pandas(frame, preserve_index=False).append(pa.field("day", pa.large_string()))


_COUNTED = _INTEGER | {"is_event"}  # never Arrow's null type: pandas reads them as int64 or Int64


def _tables(batches: list) -> pa.Table:
    """The months' batches (_keep_batch) as one table of _schema()."""
    return pa.Table.from_batches(
        [pa.ipc.read_record_batch(pa.CompressedInputStream(pa.BufferReader(b), CODEC).read(), _schema())
         for b in batches], schema=_schema())


def _read(batches: list) -> pa.Table:
    """The months' batches as the table of their rows, typed as Arrow types the frame of all of them: a text or
    real column with no value at all has Arrow's null type (pandas then reads it as None, not NaN)."""
    table = _tables(batches).drop_columns(["day"])
    empty = [k for k, field in enumerate(table.schema)
             if field.name not in _COUNTED and table.column(k).null_count == table.num_rows]
    if not empty:
        return table
    meta = json.loads(table.schema.metadata[b"pandas"])
    for k in empty:
        table = table.set_column(k, pa.field(table.schema.field(k).name, pa.null()), pa.nulls(table.num_rows))
        meta["columns"][k].update(pandas_type="empty", numpy_type="object")  # what pandas writes for it
    return table.replace_schema_metadata({b"pandas": json.dumps(meta).encode()})


def stored(db) -> pd.DataFrame | None:
    """Every stored row (FRAME_COLUMNS then is_event, in the summary's order, as lib.store.queries reads rows),
    or None when the table is missing or any incident is stale: then the summary must be computed from the
    reports."""
    try:
        if db.execute(f"SELECT EXISTS (SELECT 1 FROM {STALE})").fetchone()[0]:
            return None
        batches = [r[0] for r in db.execute(f"SELECT rows FROM {FRAME} ORDER BY month DESC")]
        if not batches and not _framed(db):
            return None
    except sqlite3.OperationalError:  # no such table or column: an older file, or one never opened for writing
        return None
    if not batches:  # no incident at all
        from lib.store import queries

        return pa.Table.from_pandas(queries._frame(db, f"{_SELECT} LIMIT 0"), preserve_index=False).to_pandas()
    return _read(batches).to_pandas()
