"""The SQLite database: schema, writes and queries. The only module that knows SQL.

Every statement takes its values as parameters; table and column names come only from this module.
"""
import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

import sqlite_utils

from lib import events, paths

SCHEMA_VERSION = 2
DEFAULT_DB = paths.database()

TABLES = {
    "meta": ({"key": str, "value": str}, "key"),
    "documents": (
        {"id": str, "path": str, "title": str, "published": str, "source": str, "url": str,
         "dateline": str, "text": str, "chars": int, "loaded_at": str},
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
         "place_surface": str, "confidence": float, "event_id": str},
        "id",
    ),
    "geocode_cache": (
        {"provider": str, "query": str, "answer": str, "fetched_at": str},
        ("provider", "query"),
    ),
    "corrections": (
        {"id": int, "document_id": str, "surface": str, "place_id": str, "note": str,
         "created_at": str},
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
    "mentions": [["document_id"], ["place_id"]],
    "incidents": [["document_id"], ["place_id"], ["date"], ["type"], ["event_id"]],
    "places": [["country_code"], ["kind"]],
    "sentences": [["document_id"]],
}


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


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index and full-text index that is missing."""
    with db.atomic():
        for name, (columns, pk) in TABLES.items():
            db[name].create(columns, pk=pk, foreign_keys=FOREIGN_KEYS.get(name, []), if_not_exists=True)
        for name, indexes in INDEXES.items():
            for columns in indexes:
                db[name].create_index(columns, if_not_exists=True)
        db.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
        )
    if not db["documents_fts"].exists():
        db["documents"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")
    if not db["sentences_fts"].exists():
        db["sentences"].enable_fts(["text"], create_triggers=True, tokenize="porter")


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


# --- writes -------------------------------------------------------------------------------------

def document_status(db, doc_id: str, path: str) -> str:
    """'unchanged' when this text is stored, 'replaced' when the path holds other text, else 'new'."""
    if db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone():
        return "unchanged"
    if db.execute("SELECT 1 FROM documents WHERE path = ?", [path]).fetchone():
        return "replaced"
    return "new"


def write_document(db, document: dict, sentences: list, mentions: list, incidents: list) -> str:
    """Store one article and its extractions in one transaction, replacing what its path held before.

    Returns 'new', 'replaced' or 'unchanged'. Nothing is written when the same text is already stored.
    """
    status = document_status(db, document["id"], document["path"])
    if status == "unchanged":
        return status
    with db.atomic():
        old_ids = [r[0] for r in db.execute("SELECT id FROM documents WHERE path = ?", [document["path"]])]
        for old_id in old_ids:
            _delete_document_rows(db, old_id)
        row = {key: document.get(key) for key in TABLES["documents"][0]}
        row["chars"] = len(document["text"])
        row["loaded_at"] = now()
        db["documents"].insert(row)
        db["sentences"].insert_all(
            {"document_id": document["id"], "start": s, "end": e, "text": document["text"][s:e]}
            for s, e in sentences
        )
        places = {}
        for item in list(mentions) + list(incidents):
            if item.get("place_id") and item.get("lat") is not None:
                places.setdefault(item["place_id"], _place_row(item))
        if places:
            db["places"].upsert_all(places.values(), pk="id")
        db["mentions"].insert_all(_mention_row(document["id"], m) for m in mentions)
        rows = [_incident_row(document["id"], i) for i in incidents]
        for number, (row, incident) in enumerate(zip(rows, incidents)):
            row["event_id"] = _matching_event(db, document["id"], incident) or f"{document['id']}-{number}"
        db["incidents"].insert_all(rows)
    return status


def _matching_event(db, doc_id: str, incident: dict) -> str | None:
    """The event of another article's report of this same incident (lib.events), or None."""
    date = incident.get("date")
    if not date:
        return None
    rows = db.execute(
        """SELECT i.event_id, i.type, i.date, i.place_id, p.lat, p.lon FROM incidents i
           LEFT JOIN places p ON p.id = i.place_id
           WHERE i.document_id != ? AND substr(i.date, 1, 4) = ? ORDER BY i.id""",
        [doc_id, date[:4]],
    )
    for event_id, type_, other_date, place_id, lat, lon in rows:
        other = {"type": type_, "date": other_date, "place_id": place_id, "lat": lat, "lon": lon}
        if events.same_event(incident, other):
            return event_id
    return None


def _delete_document_rows(db, doc_id: str) -> None:
    for table in ("mentions", "incidents", "sentences"):
        db.execute(f"DELETE FROM [{table}] WHERE document_id = ?", [doc_id])
    db.execute("DELETE FROM documents WHERE id = ?", [doc_id])


def _place_row(item: dict) -> dict:
    return {
        "id": item["place_id"], "name": item.get("name"), "kind": item.get("kind"),
        "country_code": item.get("country_code"), "admin1": item.get("admin1"),
        "lat": item.get("lat"), "lon": item.get("lon"), "population": item.get("population"),
        "source": item.get("source"),
    }


def _mention_row(doc_id: str, m: dict) -> dict:
    return {
        "document_id": doc_id, "place_id": m.get("place_id"), "surface": m["surface"],
        "start": m["start"], "end": m["end"], "sentence": m.get("sentence"),
        "sentence_start": m.get("sentence_start"), "sentence_end": m.get("sentence_end"),
        "confidence": m.get("confidence"), "source": m.get("source"),
    }


def _incident_row(doc_id: str, i: dict) -> dict:
    return {
        "document_id": doc_id, "place_id": i.get("place_id"), "type": i["type"], "date": i.get("date"),
        "date_precision": i.get("date_precision"), "killed": i.get("killed"), "injured": i.get("injured"),
        "victims": i.get("victims"), "victim_nationality": ",".join(i.get("victim_nationality") or []),
        "perpetrator": i.get("perpetrator"), "sentence": i.get("sentence"), "start": i.get("start"),
        "end": i.get("end"), "place_surface": i.get("place_surface"), "confidence": i.get("confidence"),
    }


# --- geocoder answers and corrections -----------------------------------------------------------

def cached_answer(db, provider: str, query: str):
    """The stored answer of an online geocoder (decoded JSON, possibly None for 'no result'), or KeyError."""
    row = db.execute(
        "SELECT answer FROM geocode_cache WHERE provider = ? AND query = ?", [provider, query]
    ).fetchone()
    if row is None:
        raise KeyError(query)
    return json.loads(row[0])


def save_answer(db, provider: str, query: str, answer) -> None:
    """Keep an online geocoder's answer (JSON-serialisable; None records 'no result')."""
    with db.atomic():
        db["geocode_cache"].upsert(
            {"provider": provider, "query": query, "answer": json.dumps(answer), "fetched_at": now()},
            pk=("provider", "query"),
        )


def corrections(db) -> list[dict]:
    """Every correction a person made, oldest first."""
    return [dict(r) for r in db["corrections"].rows_where(order_by="id")]


def add_correction(db, surface: str, place_id: str, document_id=None, note="") -> None:
    with db.atomic():
        db["corrections"].insert(
            {"document_id": document_id, "surface": surface, "place_id": place_id, "note": note,
             "created_at": now()}
        )


def place(db, place_id: str) -> dict | None:
    """A stored place by id, or None."""
    row = db.execute("SELECT * FROM places WHERE id = ?", [place_id]).fetchone()
    return dict(zip([c[0] for c in db.execute("SELECT * FROM places LIMIT 0").description], row)) if row else None


def counts(db) -> dict:
    """Row counts of the main tables."""
    return {t: db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
            for t in ("documents", "places", "mentions", "incidents")}


# --- queries for the dashboard ---
# Filters in (lib.filters.Filters), DataFrames out. Every value is a parameter; lists travel as one JSON
# parameter read with json_each, so no SQL text is ever built from data.

import pandas as pd  # noqa: E402  (only the dashboard's queries need pandas)

_DOC_COLUMNS = "d.id AS document_id, d.title, d.published, d.source, d.url"
_PLACE_COLUMNS = ("p.name AS place, p.kind, p.country_code, p.admin1, p.lat AS latitude, "
                  "p.lon AS longitude")
_INCIDENT_DAY = ("CASE WHEN length(i.date) = 4 THEN i.date || '-01-01' WHEN length(i.date) = 7 "
                 "THEN i.date || '-01' ELSE substr(i.date, 1, 10) END")
_INCIDENT_LAST_DAY = ("CASE WHEN length(i.date) = 4 THEN i.date || '-12-31' WHEN length(i.date) = 7 "
                      "THEN i.date || '-31' ELSE substr(i.date, 1, 10) END")


_COUNT_COLUMNS = ("killed", "injured", "start", "end", "sentence_start", "sentence_end", "chars", "mention_id",
                  "incident_id")


def _frame(db, sql: str, params=()) -> pd.DataFrame:
    """Rows as a DataFrame; counts and offsets stay integers even when some are missing (Int64)."""
    cursor = db.execute(sql, list(params))
    columns = [c[0] for c in cursor.description]
    frame = pd.DataFrame(cursor.fetchall(), columns=columns)
    for column in _COUNT_COLUMNS:
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    return frame


def _json(values) -> str:
    return json.dumps(list(values))


def matching_documents(db, text: str) -> list[str] | None:
    """Ids of the articles whose title or text holds every word of text (None: no text filter).

    Words are searched literally: each is quoted for FTS5, so operators and punctuation a person types
    keep no special meaning. Text with no searchable word (a lone '-', emoji) is matched with LIKE.
    """
    from lib.filters import fts_query, like_pattern

    text = (text or "").strip()
    if not text:
        return None
    query = fts_query(text)
    if query is not None:
        try:
            return [r[0] for r in db.execute(
                "SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                "WHERE documents_fts MATCH ?", [query])]
        except sqlite3.OperationalError:
            pass  # e.g. a query too complex for FTS5: fall back to a literal scan
    pattern = like_pattern(text)
    return [r[0] for r in db.execute(
        "SELECT id FROM documents WHERE text LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\'",
        [pattern, pattern])]


def _conditions(db, filters, alias: str) -> tuple[list[str], list]:
    """WHERE conditions for mentions (alias 'm') or incidents (alias 'i') joined with d and p."""
    where, params = [], []
    if filters is None:
        return where, params
    if alias == "i":
        day_first, day_last = (f"coalesce({_INCIDENT_DAY}, d.published)",
                               f"coalesce({_INCIDENT_LAST_DAY}, d.published)")
    else:
        day_first = day_last = "d.published"
    if filters.date_from:
        where.append(f"{day_last} >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        where.append(f"{day_first} <= ?")
        params.append(filters.date_to.isoformat())
    if filters.countries:
        where.append("p.country_code IN (SELECT value FROM json_each(?))")
        params.append(_json(filters.countries))
    if filters.places:
        where.append(f"{alias}.place_id IN (SELECT value FROM json_each(?))")
        params.append(_json(filters.places))
    incident_conditions, incident_params = [], []
    if filters.types:
        incident_conditions.append("x.type IN (SELECT value FROM json_each(?))")
        incident_params.append(_json(filters.types))
    if filters.nationalities:
        incident_conditions.append(
            "EXISTS (SELECT 1 FROM json_each(?) n WHERE instr(',' || coalesce(x.victim_nationality, '') "
            "|| ',', ',' || n.value || ',') > 0)")
        incident_params.append(_json(filters.nationalities))
    if incident_conditions:
        if alias == "i":
            where.extend(c.replace("x.", "i.") for c in incident_conditions)
            params.extend(incident_params)
        else:
            # a mention counts when its article reports an incident of the chosen kind
            where.append("m.document_id IN (SELECT x.document_id FROM incidents x WHERE "
                         + " AND ".join(incident_conditions) + ")")
            params.extend(incident_params)
    if filters.min_confidence:
        where.append(f"coalesce({alias}.confidence, 1.0) >= ?")
        params.append(filters.min_confidence)
    ids = matching_documents(db, filters.text)
    if ids is not None:
        where.append("d.id IN (SELECT value FROM json_each(?))")
        params.append(_json(ids))
    return where, params


def _where(conditions: list[str]) -> str:
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


_MENTIONS_FROM = ("FROM mentions m JOIN documents d ON d.id = m.document_id "
                  "LEFT JOIN places p ON p.id = m.place_id")
_INCIDENTS_FROM = ("FROM incidents i JOIN documents d ON d.id = i.document_id "
                   "LEFT JOIN places p ON p.id = i.place_id")


def mentions(db, filters=None, place_id: str | None = None) -> pd.DataFrame:
    """Every place mention the filters select, newest article first, with its place and article."""
    where, params = _conditions(db, filters, "m")
    if place_id is not None:
        where.append("m.place_id = ?")
        params.append(place_id)
    return _frame(db, f"""
        SELECT m.id AS mention_id, d.published, m.place_id, {_PLACE_COLUMNS}, m.surface, m.start, m."end",
               m.sentence, m.sentence_start, m.sentence_end, m.confidence, d.id AS document_id, d.title,
               d.source, d.url
        {_MENTIONS_FROM} {_where(where)}
        ORDER BY d.published IS NULL, d.published DESC, d.id, m.start""", params)


def incidents(db, filters=None, place_id: str | None = None, limit: int | None = None) -> pd.DataFrame:
    """Every incident the filters select, newest first, with its place and article."""
    where, params = _conditions(db, filters, "i")
    if place_id is not None:
        where.append("i.place_id = ?")
        params.append(place_id)
    sql = f"""
        SELECT i.id AS incident_id, i.date, i.date_precision, i.type, i.killed, i.injured, i.victims,
               i.victim_nationality, i.perpetrator, i.place_id, {_PLACE_COLUMNS}, i.place_surface,
               i.sentence, i.start, i."end", i.confidence, i.event_id,
               (SELECT count(*) FROM incidents e WHERE e.event_id = i.event_id) AS reports,
               d.id AS document_id, d.title, d.published, d.source, d.url
        {_INCIDENTS_FROM} {_where(where)}
        ORDER BY coalesce({_INCIDENT_DAY}, d.published) IS NULL, coalesce({_INCIDENT_DAY}, d.published) DESC,
                 i.id DESC"""
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _frame(db, sql, params)


_PLACE_COUNT_COLUMNS = ["place_id", "name", "kind", "country_code", "admin1", "latitude", "longitude",
                        "mentions", "articles", "incidents", "killed", "injured"]


def place_counts(db, filters=None) -> pd.DataFrame:
    """One row per place with coordinates: mentions, articles, incidents, killed, injured."""
    where, params = _conditions(db, filters, "m")
    m = _frame(db, f"""SELECT m.place_id, count(*) AS mentions, count(DISTINCT m.document_id) AS articles
                       {_MENTIONS_FROM} {_where(where + ['m.place_id IS NOT NULL'])} GROUP BY m.place_id""",
               params)
    where, params = _conditions(db, filters, "i")
    i = _event_totals(db, "i.place_id", "place_id", where + ["i.place_id IS NOT NULL"], params)
    ids = sorted(set(m["place_id"]) | set(i["place_id"]))
    places = _frame(db, """SELECT id AS place_id, name, kind, country_code, admin1, lat AS latitude,
                                  lon AS longitude
                           FROM places WHERE id IN (SELECT value FROM json_each(?))
                             AND lat IS NOT NULL AND lon IS NOT NULL""", [_json(ids)])
    out = places.merge(m, on="place_id", how="left").merge(i, on="place_id", how="left")
    for column in ("mentions", "articles", "incidents", "killed", "injured"):
        out[column] = out[column].fillna(0).astype("int64")
    out = out.sort_values(["incidents", "mentions", "name"], ascending=[False, False, True], kind="stable")
    return out[_PLACE_COUNT_COLUMNS].reset_index(drop=True)


def _event_totals(db, key_sql: str, key: str, where: list, params: list) -> pd.DataFrame:
    """Per key: distinct events (lib.events), their reports, and killed and injured summed over events.

    An event reported by several articles counts once, with the highest toll any report gives for it.
    """
    return _frame(db, f"""
        SELECT [{key}], count(*) AS incidents, sum(reports) AS reports, sum(killed) AS killed,
               sum(injured) AS injured
        FROM (SELECT {key_sql} AS [{key}], i.event_id, count(*) AS reports,
                     max(coalesce(i.killed, 0)) AS killed, max(coalesce(i.injured, 0)) AS injured
              {_INCIDENTS_FROM} {_where(where)} GROUP BY 1, 2)
        GROUP BY 1""", params)


def country_names(db) -> dict:
    """Country code -> name, from the country places the database holds."""
    return {code: name for code, name in db.execute(
        "SELECT country_code, name FROM places WHERE kind = 'country' AND country_code IS NOT NULL "
        "ORDER BY name")}


def counts_by(db, filters, by: str) -> pd.DataFrame:
    """Incidents, killed, injured and mentions grouped by 'place', 'country', 'type' or 'month'."""
    if by == "place":
        return place_counts(db, filters)
    m_where, m_params = _conditions(db, filters, "m")
    i_where, i_params = _conditions(db, filters, "i")
    if by == "country":
        key_m, key_i = "coalesce(p.country_code, '')", "coalesce(p.country_code, '')"
    elif by == "month":
        key_m = "substr(d.published, 1, 7)"
        key_i = ("CASE WHEN length(coalesce(i.date, d.published)) >= 7 THEN substr(coalesce(i.date, "
                 "d.published), 1, 7) ELSE coalesce(i.date, '') || ' (month unknown)' END")
    elif by == "type":
        key_m, key_i = None, "i.type"
    else:
        raise ValueError(f"cannot count by {by!r}")
    i = _event_totals(db, key_i, by, i_where, i_params)
    if key_m is None:
        out = i
    else:
        m = _frame(db, f"""SELECT {key_m} AS {by}, count(*) AS mentions
                           {_MENTIONS_FROM} {_where(m_where)} GROUP BY 1""", m_params)
        out = m.merge(i, on=by, how="outer")
    for column in ("incidents", "reports", "killed", "injured", "mentions"):
        if column in out:
            out[column] = out[column].fillna(0).astype("int64")
    out[by] = out[by].fillna("").astype(str)
    if by == "country":
        names = country_names(db)
        out.insert(1, "country_name", [names.get(c, "") for c in out["country"]])
    if by == "month":
        return out.sort_values(by, kind="stable").reset_index(drop=True)
    order = [c for c in ("incidents", "mentions") if c in out]
    return out.sort_values(order + [by], ascending=[False] * len(order) + [True], kind="stable") \
              .reset_index(drop=True)


def documents(db, filters=None) -> pd.DataFrame:
    """The articles the filters select (newest first) with their numbers of mentions and incidents.

    Dates and text apply to the article itself; country, place, type, nationality and confidence keep the
    articles that hold a matching mention or incident (those carry the date and text conditions too).
    """
    narrowing = filters is not None and bool(filters.countries or filters.places or filters.types
                                             or filters.nationalities or filters.min_confidence)
    where, params = [], []
    if narrowing:
        m_where, m_params = _conditions(db, filters, "m")
        i_where, i_params = _conditions(db, filters, "i")
        where.append(f"""(d.id IN (SELECT m.document_id {_MENTIONS_FROM} {_where(m_where)})
                          OR d.id IN (SELECT i.document_id {_INCIDENTS_FROM} {_where(i_where)}))""")
        params.extend(m_params + i_params)
    elif filters is not None:
        _published_between(filters, where, params)
        ids = matching_documents(db, filters.text)
        if ids is not None:
            where.append("d.id IN (SELECT value FROM json_each(?))")
            params.append(_json(ids))
    return _frame(db, f"""
        SELECT d.id AS document_id, d.published, d.title, d.source, d.url, d.dateline, d.path, d.chars,
               (SELECT count(*) FROM mentions WHERE document_id = d.id) AS mentions,
               (SELECT count(*) FROM incidents WHERE document_id = d.id) AS incidents
        FROM documents d {_where(where)}
        ORDER BY d.published IS NULL, d.published DESC, d.title""", params)


def overview(db, filters=None) -> dict:
    """Headline numbers of what the filters select, and what the data covers."""
    docs = documents(db, filters)
    places = place_counts(db, filters)
    m_where, m_params = _conditions(db, filters, "m")
    i_where, i_params = _conditions(db, filters, "i")
    n_mentions = db.execute(f"SELECT count(*) {_MENTIONS_FROM} {_where(m_where)}", m_params).fetchone()[0]
    totals = _event_totals(db, "''", "all", i_where, i_params)
    n_incidents, killed, injured, reports = (
        (int(totals.at[0, c]) for c in ("incidents", "killed", "injured", "reports")) if len(totals) else (0, 0, 0, 0))
    first, last = db.execute(f"SELECT min(i.date), max(i.date) {_INCIDENTS_FROM} {_where(i_where)}",
                             i_params).fetchone()
    published = docs["published"].dropna()
    return {
        "articles": len(docs), "places": len(places), "mentions": int(n_mentions),
        "incidents": n_incidents, "reports": reports, "killed": killed, "injured": injured,
        "sources": int(docs["source"].dropna().nunique()),
        "first_published": published.min() if len(published) else None,
        "last_published": published.max() if len(published) else None,
        "first_incident": first, "last_incident": last,
        "total_articles": db.execute("SELECT count(*) FROM documents").fetchone()[0],
    }


def document(db, document_id: str) -> dict | None:
    """One article with its text and metadata, or None."""
    row = db.execute("SELECT id, path, title, published, source, url, dateline, text FROM documents "
                     "WHERE id = ?", [document_id]).fetchone()
    if row is None:
        return None
    return dict(zip(("id", "path", "title", "published", "source", "url", "dateline", "text"), row))


def document_mentions(db, document_id: str) -> pd.DataFrame:
    """Every place mention in one article, in text order, with its place."""
    return _frame(db, f"""
        SELECT m.id AS mention_id, m.surface, m.start, m."end", m.place_id, {_PLACE_COLUMNS}, m.confidence,
               m.source AS resolved_by
        FROM mentions m LEFT JOIN places p ON p.id = m.place_id
        WHERE m.document_id = ? ORDER BY m.start""", [document_id])


def document_incidents(db, document_id: str) -> pd.DataFrame:
    """Every incident in one article, in text order, with its place."""
    return _frame(db, f"""
        SELECT i.id AS incident_id, i.type, i.date, i.date_precision, i.killed, i.injured, i.victims,
               i.victim_nationality, i.perpetrator, i.place_id, {_PLACE_COLUMNS}, i.sentence, i.start,
               i."end", i.confidence
        FROM incidents i LEFT JOIN places p ON p.id = i.place_id
        WHERE i.document_id = ? ORDER BY i.start""", [document_id])


def search_sentences(db, text: str, filters=None, limit: int = 200) -> pd.DataFrame:
    """Sentences that hold every word of text (searched literally), newest article first."""
    from lib.filters import fts_query, like_pattern

    columns = ("SELECT s.document_id, d.title, d.published, d.source, d.url, s.start, s.\"end\", "
               "s.text AS sentence")
    text = (text or "").strip()
    if not text:
        return _frame(db, columns + " FROM sentences s JOIN documents d ON d.id = s.document_id LIMIT 0")
    where, params = [], []
    if filters is not None:
        _published_between(filters, where, params)
    order = " ORDER BY d.published IS NULL, d.published DESC, s.document_id, s.start LIMIT ?"
    query = fts_query(text)
    if query is not None:
        try:
            return _frame(db, columns + " FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid "
                          "JOIN documents d ON d.id = s.document_id "
                          + _where(["sentences_fts MATCH ?"] + where) + order,
                          [query] + params + [int(limit)])
        except sqlite3.OperationalError:
            pass
    return _frame(db, columns + " FROM sentences s JOIN documents d ON d.id = s.document_id "
                  + _where(["s.text LIKE ? ESCAPE '\\'"] + where) + order,
                  [like_pattern(text)] + params + [int(limit)])


def filter_choices(db) -> dict:
    """What a person can filter on: countries, places, incident types, victims' nationalities, dates."""
    countries = [r[0] for r in db.execute(
        "SELECT DISTINCT p.country_code FROM places p WHERE p.country_code IS NOT NULL AND p.country_code != '' "
        "AND (p.id IN (SELECT place_id FROM mentions) OR p.id IN (SELECT place_id FROM incidents)) "
        "ORDER BY 1")]
    places = _frame(db, """SELECT id AS place_id, name, kind, country_code FROM places
                           WHERE id IN (SELECT place_id FROM mentions) OR id IN (SELECT place_id FROM incidents)
                           ORDER BY name, country_code""")
    types = [r[0] for r in db.execute("SELECT DISTINCT type FROM incidents WHERE type IS NOT NULL ORDER BY 1")]
    nationalities = set()
    for (value,) in db.execute("SELECT DISTINCT victim_nationality FROM incidents WHERE victim_nationality != ''"):
        nationalities.update(v.strip() for v in value.split(",") if v.strip())
    first, last = db.execute("SELECT min(published), max(published) FROM documents").fetchone()
    return {"countries": countries, "country_names": country_names(db), "places": places, "types": types,
            "nationalities": sorted(nationalities), "first_published": first, "last_published": last}


def _published_between(filters, where: list, params: list) -> None:
    """Add the filters' date range as conditions on the article's publication date."""
    if filters.date_from:
        where.append("d.published >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        where.append("d.published <= ?")
        params.append(filters.date_to.isoformat())
