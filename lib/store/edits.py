"""SQL of what people change by hand: merges and splits of incidents, figure fixes, geocode fixes applied
to stored rows, and reading everything a rebuild must keep out of an old database file.

Reports are named by stable keys (``document_id:start:end``, lib.edits.report_key), never by row ids,
which change whenever an article is extracted again.
"""
import sqlite3

import pandas as pd

from lib.store.schema import now

FIGURES = ("killed", "injured", "type", "date", "date_precision")
_KEY_SQL = "i.document_id || ':' || coalesce(i.start, '') || ':' || coalesce(i.\"end\", '')"


# --- incidents and their events ---

def document_reports(db, document_id: str) -> list[dict]:
    """Every incident row of one article: id, start, end, event_id, in text order."""
    rows = db.execute('SELECT id, start, "end", event_id FROM incidents WHERE document_id = ? ORDER BY start, id',
                      [document_id]).fetchall()
    return [{"id": r[0], "start": r[1], "end": r[2], "event_id": r[3]} for r in rows]


def event_of(db, incident_id: int) -> str | None:
    row = db.execute("SELECT event_id FROM incidents WHERE id = ?", [incident_id]).fetchone()
    return row[0] if row else None


def move_event(db, from_event: str, to_event: str) -> int:
    """Give every report of from_event the id to_event; returns how many moved."""
    return db.execute("UPDATE incidents SET event_id = ? WHERE event_id = ?", [to_event, from_event]).rowcount


def set_event(db, incident_id: int, event_id: str) -> None:
    db.execute("UPDATE incidents SET event_id = ? WHERE id = ?", [event_id, incident_id])


def event_report_keys(db, event_id: str) -> list[str]:
    """The stable keys of every report of one event."""
    return [r[0] for r in db.execute(f"SELECT {_KEY_SQL} FROM incidents i WHERE i.event_id = ? ORDER BY i.id",
                                     [event_id])]


def event_partition(db) -> list[frozenset]:
    """Every event as the set of its reports' stable keys (row ids and event ids aside): what grouping chose."""
    groups: dict = {}
    for event_id, key in db.execute(f"SELECT i.event_id, {_KEY_SQL} FROM incidents i"):
        groups.setdefault(event_id, set()).add(key)
    return sorted((frozenset(g) for g in groups.values()), key=sorted)


def figure(db, incident_id: int, field: str):
    if field not in FIGURES:
        raise ValueError(f"{field!r} is not a figure that can be corrected")
    row = db.execute(f"SELECT [{field}] FROM incidents WHERE id = ?", [incident_id]).fetchone()
    return row[0] if row else None


def set_figure(db, incident_id: int, field: str, value) -> None:
    if field not in FIGURES:
        raise ValueError(f"{field!r} is not a figure that can be corrected")
    db.execute(f"UPDATE incidents SET [{field}] = ? WHERE id = ?", [value, incident_id])


def add_event_edit(db, action: str, report: str, other: str | None, note: str) -> None:
    with db.atomic():
        db["event_edits"].insert({"action": action, "report": report, "other": other, "note": note,
                                  "created_at": now()})


def event_edits(db) -> list[dict]:
    """Every merge and split a person made, oldest first."""
    return [dict(r) for r in db["event_edits"].rows_where(order_by="id")]


def add_incident_fix(db, report: str, field: str, value, was, note: str) -> None:
    with db.atomic():
        db["incident_fixes"].insert({"report": report, "field": field, "value": None if value is None else str(value),
                                     "was": None if was is None else str(was), "note": note, "created_at": now()})


def incident_fixes(db) -> list[dict]:
    """Every figure correction a person made, oldest first."""
    return [dict(r) for r in db["incident_fixes"].rows_where(order_by="id")]


def event_fixes(db, event_id: str) -> pd.DataFrame:
    """The figure corrections of one event's reports (newest last), with the article each report is from."""
    cursor = db.execute(f"""
        SELECT i.id AS incident_id, d.title, f.field, f.was, f.value, f.note, f.created_at
        FROM incidents i JOIN incident_fixes f ON f.report = {_KEY_SQL} JOIN documents d ON d.id = i.document_id
        WHERE i.event_id = ? ORDER BY f.id""", [event_id])
    return pd.DataFrame(cursor.fetchall(), columns=[c[0] for c in cursor.description])


def event_edit_notes(db, event_id: str) -> pd.DataFrame:
    """The merges and splits that name a report of this event, oldest first."""
    cursor = db.execute(f"""
        SELECT e.action, e.note, e.created_at FROM event_edits e
        WHERE e.report IN (SELECT {_KEY_SQL} FROM incidents i WHERE i.event_id = ?)
           OR e.other IN (SELECT {_KEY_SQL} FROM incidents i WHERE i.event_id = ?)
        ORDER BY e.id""", [event_id, event_id])
    return pd.DataFrame(cursor.fetchall(), columns=[c[0] for c in cursor.description])


# --- geocode fixes on stored rows ---

def mentions_named(db, document_id: str | None = None) -> list[tuple]:
    """(id, document_id, surface, start) of the mentions of one article, or of every article."""
    if document_id:
        return db.execute("SELECT id, document_id, surface, start FROM mentions WHERE document_id = ?",
                          [document_id]).fetchall()
    return db.execute("SELECT id, document_id, surface, start FROM mentions").fetchall()


def incidents_placed(db, document_id: str | None = None) -> list[tuple]:
    """(id, document_id, place_surface, start, end) of the incidents of one article, or of every article."""
    if document_id:
        return db.execute('SELECT id, document_id, place_surface, start, "end" FROM incidents WHERE document_id = ?',
                          [document_id]).fetchall()
    return db.execute('SELECT id, document_id, place_surface, start, "end" FROM incidents').fetchall()


def place_mentions(db, ids: list[int], place_id: str) -> None:
    db.conn.executemany("UPDATE mentions SET place_id = ?, confidence = 1.0, source = 'correction' WHERE id = ?",
                        [[place_id, i] for i in ids])


def place_incidents(db, ids: list[int], place_id: str) -> None:
    db.conn.executemany("UPDATE incidents SET place_id = ? WHERE id = ?", [[place_id, i] for i in ids])


def drop_unused_places(db) -> None:
    """Forget the places no mention or incident names any more (a fix moved them all elsewhere)."""
    db.execute("DELETE FROM places WHERE id NOT IN (SELECT place_id FROM mentions WHERE place_id IS NOT NULL) "
               "AND id NOT IN (SELECT place_id FROM incidents WHERE place_id IS NOT NULL)")


def upsert_place(db, place: dict) -> None:
    """Store a place a correction names (from the gazetteer, or entered by a person with its coordinates)."""
    columns = ("id", "name", "kind", "country_code", "admin1", "lat", "lon", "population", "source")
    row = [place.get(c) for c in columns]
    db.execute(f"INSERT INTO places ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)}) "
               f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in columns[1:])}", row)


def mention_context(db, mention_id: int) -> dict | None:
    """One mention with its article and place: what a person checks before fixing its geocode."""
    cursor = db.execute("""
        SELECT m.id AS mention_id, m.document_id, m.surface, m.start, m."end", m.sentence, m.confidence,
               m.source AS resolved_by, m.place_id, p.name, p.kind, p.country_code, p.admin1, p.lat, p.lon,
               p.population
        FROM mentions m LEFT JOIN places p ON p.id = m.place_id WHERE m.id = ?""", [mention_id])
    row = cursor.fetchone()
    return dict(zip([c[0] for c in cursor.description], row)) if row else None


def article_places(db, document_id: str) -> list[dict]:
    """The located places one article names, with how often: the context that decided its geocodes."""
    cursor = db.execute("""
        SELECT m.surface, p.id, p.kind, p.country_code, p.lat, p.lon FROM mentions m JOIN places p ON p.id = m.place_id
        WHERE m.document_id = ? AND p.lat IS NOT NULL""", [document_id])
    return [dict(zip(("surface", "place_id", "kind", "country_code", "lat", "lon"), r)) for r in cursor.fetchall()]


# --- what a rebuild keeps ---

_KEPT = {
    "documents": ("id", "path", "title", "published", "source", "url", "dateline", "text", "loaded_at"),
    "corrections": ("document_id", "surface", "place_id", "note", "created_at", "start", "name", "lat", "lon"),
    "event_edits": ("action", "report", "other", "note", "created_at"),
    "incident_fixes": ("report", "field", "value", "was", "note", "created_at"),
    "geocode_cache": ("provider", "query", "answer", "fetched_at"),
}


def read_kept(path) -> dict:
    """Everything a rebuild must carry over, read from an old file of any schema version: the articles
    (their stored text and metadata) and people's edits. A table or column the file lacks reads as empty;
    an unreadable file gives {}."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        out = {}
        for table, columns in _KEPT.items():
            if table not in tables:
                out[table] = []
                continue
            have = {r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")}
            chosen = [c for c in columns if c in have]
            order = "ORDER BY rowid"
            rows = conn.execute(f"SELECT {', '.join(f'[{c}]' for c in chosen)} FROM [{table}] {order}").fetchall()
            out[table] = [{**dict.fromkeys(columns), **dict(zip(chosen, r))} for r in rows]
        return out
    except sqlite3.Error:
        return {}
    finally:
        conn.close()


def restore_kept(db, kept: dict) -> None:
    """Write people's edits (not the articles: those are extracted again) into a new database."""
    with db.atomic():
        for table in ("corrections", "event_edits", "incident_fixes", "geocode_cache"):
            rows = kept.get(table) or []
            if table == "geocode_cache":
                rows = [r for r in rows if r.get("provider") and r.get("query")]
                if rows:
                    db[table].upsert_all(rows, pk=("provider", "query"))
            elif rows:
                db[table].insert_all(rows)


# --- what the Review page lists ---

def _frame(db, sql: str, params=()) -> pd.DataFrame:
    cursor = db.execute(sql, list(params))
    return pd.DataFrame(cursor.fetchall(), columns=[c[0] for c in cursor.description])


def event_list(db) -> pd.DataFrame:
    """Every event (located or not), newest first: the date most of its reports give, its types, place,
    reports and highest toll."""
    return _frame(db, """
        SELECT i.event_id, (SELECT x.date FROM incidents x WHERE x.event_id = i.event_id AND x.date IS NOT NULL
                            GROUP BY x.date ORDER BY count(*) DESC, x.date LIMIT 1) AS date,
               group_concat(DISTINCT i.type) AS type,
               max(p.name) AS place, count(*) AS reports, max(i.killed) AS killed, max(i.injured) AS injured
        FROM incidents i LEFT JOIN places p ON p.id = i.place_id
        WHERE i.event_id IS NOT NULL
        GROUP BY i.event_id ORDER BY date IS NULL, date DESC, i.event_id""")


def event_reports_keyed(db, event_id: str) -> pd.DataFrame:
    """Every report of one event with its own figures, its article, its stable key and its place's mention."""
    frame = _frame(db, f"""
        SELECT {_KEY_SQL} AS report, i.id AS incident_id, i.type, i.date, i.killed, i.injured, i.victims,
               i.perpetrator, p.name AS place, i.place_surface, d.title, d.source, d.published, i.sentence,
               d.id AS document_id, i.start
        FROM incidents i JOIN documents d ON d.id = i.document_id LEFT JOIN places p ON p.id = i.place_id
        WHERE i.event_id = ? ORDER BY d.published IS NULL, d.published, i.id""", [event_id])
    frame["mention_id"] = [_nearest_mention(db, r.document_id, r.place_surface, r.start) for r in frame.itertuples()]
    return frame


def _nearest_mention(db, document_id: str, surface, start) -> int | None:
    """The mention of the name that located a report nearest to it: what a person fixes to move the report."""
    if not surface:
        return None
    row = db.execute("SELECT id FROM mentions WHERE document_id = ? AND surface = ? ORDER BY abs(start - ?), id "
                     "LIMIT 1", [document_id, surface, start or 0]).fetchone()
    return row[0] if row else None


def correction_list(db) -> pd.DataFrame:
    """Every geocode fix, newest first, with the title of its article."""
    return _frame(db, """
        SELECT c.surface, c.place_id, p.name AS place, CASE WHEN c.start IS NOT NULL THEN 'mention'
               WHEN coalesce(c.document_id, '') != '' THEN 'article' ELSE 'everywhere' END AS scope,
               d.title, c.note, c.created_at
        FROM corrections c LEFT JOIN places p ON p.id = c.place_id LEFT JOIN documents d ON d.id = c.document_id
        ORDER BY c.id DESC""")


# --- short lists to choose from: the newest or best matching, never every row ---

def _words(text: str | None) -> list[str]:
    """The words of a filter a person typed, each matched as a part of a field (LIKE wildcards escaped)."""
    escaped = (text or "").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [f"%{w}%" for w in escaped.split()]


def _event_where(text: str | None) -> tuple[str, list]:
    """Reports whose event, date, type, place or place name as written hold every word typed."""
    fields = ("i.event_id", "i.date", "i.type", "p.name", "i.place_surface")
    parts, params = [], []
    for word in _words(text):
        parts.append("(" + " OR ".join(f"{f} LIKE ? ESCAPE '\\'" for f in fields) + ")")
        params += [word] * len(fields)
    return " AND ".join(["i.event_id IS NOT NULL"] + parts), params


def event_choices(db, text: str | None = "", limit: int = 200, include: tuple = ()) -> tuple[pd.DataFrame, int]:
    """(the newest limit events a report of which matches text, as event_list has them, with the events of
    include that exist put first; how many events match): a list short enough for a box to send."""
    where, params = _event_where(text)
    joins = "LEFT JOIN places p ON p.id = i.place_id" if text and text.strip() else ""
    if not joins:
        where = where.replace("p.name", "NULL")
    total = db.execute(f"SELECT count(DISTINCT i.event_id) FROM incidents i {joins} WHERE {where}", params).fetchone()[0]
    newest: dict = {}  # reports newest first (the date index): an event first seen has its latest date there
    for (event_id,) in db.execute(f"SELECT i.event_id FROM incidents i {joins} WHERE {where} ORDER BY i.date DESC",
                                  params):
        newest[event_id] = None
        if len(newest) >= limit:
            break
    wanted = [e for e in include if e and e not in newest]
    chosen = wanted + list(newest)
    if not chosen:
        return _events_of(db, []), total
    frame = _events_of(db, chosen)
    first = frame["event_id"].isin(wanted)
    return pd.concat([frame[first], frame[~first]], ignore_index=True), total


def _events_of(db, event_ids: list[str]) -> pd.DataFrame:
    """event_list's rows of these events only, newest first."""
    marks = ", ".join("?" for _ in event_ids) or "NULL"
    return _frame(db, f"""
        SELECT i.event_id, (SELECT x.date FROM incidents x WHERE x.event_id = i.event_id AND x.date IS NOT NULL
                            GROUP BY x.date ORDER BY count(*) DESC, x.date LIMIT 1) AS date,
               group_concat(DISTINCT i.type) AS type,
               max(p.name) AS place, count(*) AS reports, max(i.killed) AS killed, max(i.injured) AS injured
        FROM incidents i LEFT JOIN places p ON p.id = i.place_id
        WHERE i.event_id IN ({marks})
        GROUP BY i.event_id ORDER BY date IS NULL, date DESC, i.event_id""", event_ids)


def document_choices(db, text: str | None = "", limit: int = 200,
                     include: tuple = ()) -> tuple[list[tuple[str, str]], int]:
    """(id, title) of the newest limit articles whose title, source or id holds every word typed, with the
    articles of include that exist put first; and how many match."""
    parts, params = ["1"], []
    for word in _words(text):
        parts.append("(d.title LIKE ? ESCAPE '\\' OR d.source LIKE ? ESCAPE '\\' OR d.id LIKE ? ESCAPE '\\')")
        params += [word] * 3
    where = " AND ".join(parts)
    total = db.execute(f"SELECT count(*) FROM documents d WHERE {where}", params).fetchone()[0]
    rows = db.execute(f"SELECT d.id, d.title FROM documents d WHERE {where} "
                      "ORDER BY d.published IS NULL, d.published DESC, d.title LIMIT ?", params + [int(limit)]).fetchall()
    have = {r[0] for r in rows}
    wanted = [d for d in include if d and d not in have]
    extra = db.execute(f"SELECT id, title FROM documents WHERE id IN ({', '.join('?' for _ in wanted)})",
                       wanted).fetchall() if wanted else []
    return [tuple(r) for r in extra] + [tuple(r) for r in rows], total
