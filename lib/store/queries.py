"""The dashboard's queries: filters in (lib.filters.Filters), DataFrames out.

Every value is a parameter; lists travel as one JSON parameter read with json_each, so no SQL text is ever
built from data.
"""
import json
import os
import re
import sqlite3

import numpy as np
import pandas as pd

from lib import tally, timeline
from lib.filters import Filters
from lib.store import event_summary

_PLACE_COLUMNS = ("p.name AS place, p.kind, p.country_code, p.admin1, p.lat AS latitude, "
                  "p.lon AS longitude")
_INCIDENT_DAY = ("CASE WHEN length(i.date) = 4 THEN i.date || '-01-01' WHEN length(i.date) = 7 "
                 "THEN i.date || '-01' ELSE substr(i.date, 1, 10) END")
_INCIDENT_LAST_DAY = ("CASE WHEN length(i.date) = 4 THEN i.date || '-12-31' WHEN length(i.date) = 7 "
                      "THEN i.date || '-31' ELSE substr(i.date, 1, 10) END")


_COUNT_COLUMNS = ("killed", "injured", "attackers_killed", "start", "end", "sentence_start", "sentence_end", "chars", "mention_id",
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


def text_condition(db, text: str) -> tuple[str, list] | None:
    """The condition on documents d (and its parameters) that keeps the articles matching_documents finds: the
    full-text index read inside the query (no list of ids sent back and forth) when FTS5 accepts the words,
    else the ids of the literal scan. None: no text filter."""
    text = (text or "").strip()
    if not text:
        return None
    query = fts_query(text)
    if query is not None:
        try:
            db.execute("SELECT 1 FROM documents_fts WHERE documents_fts MATCH ? LIMIT 1", [query]).fetchall()
            return "d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", [query]
        except sqlite3.OperationalError:
            pass  # as matching_documents: the literal scan
    return "d.id IN (SELECT value FROM json_each(?))", [_json(matching_documents(db, text))]


# --- the filters' conditions ---
# One entry per filter of lib.filters.REGISTRY, by its name: (condition, on_incidents). condition(db, filters,
# alias) gives [(sql, params), ...] for the rows of alias, joined with d (documents) and p (places).
# A condition on_incidents is written for an incident alias; a mention then counts when its article
# reports one incident that meets every such condition.

def _dates(db, filters, alias: str) -> list:
    """Incidents overlap the range by their (possibly month- or year-precise) date, else the article's. A bound
    every row of the database already meets is left out: it selects the same rows, and without it the kept
    unfiltered summary serves the page."""
    if alias == "i":
        day_first, day_last = (f"coalesce({_INCIDENT_DAY}, d.published)",
                               f"coalesce({_INCIDENT_LAST_DAY}, d.published)")
    else:
        day_first = day_last = "d.published"
    date_from, date_to = _binding_dates(db, filters)
    out = []
    if date_from:
        out.append((f"{day_last} >= ?", [date_from]))
    if date_to:
        out.append((f"{day_first} <= ?", [date_to]))
    return out


def _binding_dates(db, filters) -> tuple[str | None, str | None]:
    """The filters' date bounds (ISO days) that leave out some row, else None for each: a from-day no later than
    every incident's and article's day, or a to-day no earlier, keeps every row."""
    date_from = filters.date_from.isoformat() if filters.date_from else None
    date_to = filters.date_to.isoformat() if filters.date_to else None
    if date_from is None and date_to is None:
        return None, None
    first, last = _remembered(db, "date_span", None, lambda: date_span(db))
    return (None if first is not None and date_from <= first else date_from) if date_from else None, \
           (None if last is not None and date_to >= last else date_to) if date_to else None


def date_span(db) -> tuple[str | None, str | None]:
    """(a day no later than the day any incident or article ends on, one no earlier than the day any begins on),
    by the days the date filter compares, read from the date indexes (the first day of the earliest and latest
    incident date: first days follow the dates' order); (None, None) when a row may have no such day (a blank
    date, an article without one), so that no bound is ever thought to keep it."""
    row = db.execute(f"""
        SELECT (SELECT min(date) FROM incidents), (SELECT max(date) FROM incidents),
               (SELECT min(published) FROM documents), (SELECT max(published) FROM documents),
               EXISTS (SELECT 1 FROM incidents WHERE date = '') OR EXISTS (SELECT 1 FROM documents
                       WHERE published IS NULL OR published = '')""").fetchone()
    low_date, high_date, low_published, high_published, blank = row
    if blank or low_published is None:
        return None, None
    days = [db.execute(f"SELECT {_INCIDENT_DAY} FROM (SELECT ? AS date) i", [d]).fetchone()[0]
            for d in (low_date, high_date) if d is not None]
    return min(days + [low_published]), max(days + [high_published])


def _countries(db, filters, alias: str) -> list:
    return [(f"{alias}.place_id IN (SELECT id FROM places WHERE country_code IN (SELECT value FROM json_each(?)))",
             [_json(filters.countries)])] if filters.countries else []


def _places(db, filters, alias: str) -> list:
    return [(f"{alias}.place_id IN (SELECT value FROM json_each(?))", [_json(filters.places)])] \
        if filters.places else []


def _types(db, filters, alias: str) -> list:
    return [(f"{alias}.type IN (SELECT value FROM json_each(?))", [_json(filters.types)])] if filters.types else []


def _nationalities(db, filters, alias: str) -> list:
    if not filters.nationalities:
        return []
    return [(f"EXISTS (SELECT 1 FROM json_each(?) n WHERE instr(',' || coalesce({alias}.victim_nationality, '') "
             "|| ',', ',' || n.value || ',') > 0)", [_json(filters.nationalities)])]


def _confidence(db, filters, alias: str) -> list:
    return [(f"coalesce({alias}.confidence, 1.0) >= ?", [filters.min_confidence])] if filters.min_confidence else []


def _text(db, filters, alias: str) -> list:
    found = text_condition(db, filters.text)
    return [] if found is None else [found]


def _reviewed(db, filters, alias: str) -> list:
    """A mention is reviewed when a person's fix placed it (lib.edits: confirmed or corrected); an incident
    when a reviewed mention of its article names its place."""
    if not filters.reviewed:
        return []
    if alias == "i":
        return [("EXISTS (SELECT 1 FROM mentions r WHERE r.document_id = i.document_id AND r.place_id = i.place_id "
                 "AND r.source = 'correction')", [])]
    return [(f"{alias}.source = 'correction'", [])]


_ON_ARTICLE = ("dates", "q")  # the filters that documents() applies to the article itself
CONDITIONS = {
    "dates": (_dates, False),
    "country": (_countries, False),
    "place": (_places, False),
    "type": (_types, True),
    "nat": (_nationalities, True),
    "conf": (_confidence, False),
    "q": (_text, False),
    "reviewed": (_reviewed, False),
}


def _conditions(db, filters, alias: str) -> tuple[list[str], list]:
    """WHERE conditions and their parameters for mentions (alias 'm') or incidents (alias 'i')."""
    if filters is None:
        return [], []
    parts, on_article_incidents, at = [], [], None
    for condition, on_incidents in CONDITIONS.values():
        if on_incidents and alias != "i":
            found = condition(db, filters, "x")
            at = len(parts) if found and at is None else at
            on_article_incidents.extend(found)
        else:
            parts.extend(condition(db, filters, alias))
    if on_article_incidents:
        # when places already narrow the mentions (through their index), the article test is checked on each of
        # them ('+': no index): walked through the document index too, SQLite pairs every place with every article
        by_place = "+" if filters.countries or filters.places else ""
        parts.insert(at, (f"{by_place}m.document_id IN (SELECT x.document_id FROM incidents x WHERE "
                          + " AND ".join(sql for sql, _ in on_article_incidents) + ")",
                          [v for _, values in on_article_incidents for v in values]))
    return [sql for sql, _ in parts], [v for _, values in parts for v in values]


def _where(conditions: list[str]) -> str:
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


_MENTIONS_FROM = ("FROM mentions m JOIN documents d ON d.id = m.document_id "
                  "LEFT JOIN places p ON p.id = m.place_id")
_INCIDENTS_FROM = ("FROM incidents i JOIN documents d ON d.id = i.document_id "
                   "LEFT JOIN places p ON p.id = i.place_id")


def _lean_from(alias: str, where: list[str], reads: str = "") -> str:
    """The FROM of mentions (alias 'm') or incidents ('i') joining documents d and places p only when the
    conditions (or reads, the rest of the query) name them: every row has its article (the loader deletes an
    article with its rows) and a left join of places adds none, so the rows are the same, found faster."""
    text = " ".join(where) + " " + reads
    out = f"FROM {'mentions' if alias == 'm' else 'incidents'} {alias}"
    if re.search(r"\bd\.", text):
        out += f" JOIN documents d ON d.id = {alias}.document_id"
    if re.search(r"\bp\.", text):
        out += f" LEFT JOIN places p ON p.id = {alias}.place_id"
    return out


def _in_documents(alias: str, document_ids, where: list, params: list) -> None:
    """Keep only the rows of these articles (None: every article)."""
    if document_ids is not None:
        where.append(f"{alias}.document_id IN (SELECT value FROM json_each(?))")
        params.append(_json(document_ids))


def _mentions_sql(db, filters, place_id, document_ids) -> tuple[str, list]:
    """The SELECT of mentions() and its parameters."""
    where, params = _conditions(db, filters, "m")
    if place_id is not None:
        where.append("m.place_id = ?")
        params.append(place_id)
    _in_documents("m", document_ids, where, params)
    return f"""
        SELECT m.id AS mention_id, d.published, m.place_id, {_PLACE_COLUMNS}, m.surface, m.start, m."end",
               m.sentence, m.sentence_start, m.sentence_end, m.confidence, d.id AS document_id, d.title,
               d.source, d.url
        {_MENTIONS_FROM} {_where(where)}
        ORDER BY d.published IS NULL, d.published DESC, d.id, m.start""", params


def mentions(db, filters=None, place_id: str | None = None, document_ids=None) -> pd.DataFrame:
    """Every place mention the filters select (of one place, of some articles), newest article first, with
    its place and article."""
    return _frame(db, *_mentions_sql(db, filters, place_id, document_ids))


def mention_rows(db, filters=None, place_id: str | None = None, document_ids=None) -> tuple[list[str], object]:
    """The rows of mentions() as they come from SQLite: (column names, a cursor of row tuples), for an export
    written row by row without a DataFrame; the columns _frame makes Int64 are named by INTEGER_COLUMNS."""
    cursor = db.execute(*_mentions_sql(db, filters, place_id, document_ids))
    return [c[0] for c in cursor.description], cursor


INTEGER_COLUMNS = frozenset(_COUNT_COLUMNS)  # the columns _frame reads as integers (Int64)


def incidents(db, filters=None, place_id: str | None = None, limit: int | None = None,
              document_ids=None) -> pd.DataFrame:
    """Every incident the filters select (of one place, of some articles), newest first, with its place and
    article."""
    where, params = _conditions(db, filters, "i")
    if place_id is not None:
        where.append("i.place_id = ?")
        params.append(place_id)
    _in_documents("i", document_ids, where, params)
    sql = f"""
        SELECT i.id AS incident_id, i.date, i.date_precision, i.type, i.killed, i.injured, i.attackers_killed,
               i.victims, i.victim_nationality, i.perpetrator, i.place_id, {_PLACE_COLUMNS}, i.place_surface,
               i.sentence, i.start, i."end", i.confidence, i.event_id, i.part_of,
               (SELECT count(*) FROM incidents e WHERE e.event_id = i.event_id) AS reports,
               d.id AS document_id, d.title, d.published, d.source, d.url
        {_INCIDENTS_FROM} {_where(where)}
        ORDER BY coalesce({_INCIDENT_DAY}, d.published) IS NULL, coalesce({_INCIDENT_DAY}, d.published) DESC,
                 i.id DESC"""
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return _frame(db, sql, params)


def place_articles(db, filters, place_id: str, limit: int) -> tuple[list[str], int]:
    """The newest limit articles (ids, newest first) with a mention or an incident the filters select at one
    place, and how many such articles there are: the excerpt panel reads a page of them, not every row."""
    m_where, m_params = _conditions(db, filters, "m")
    i_where, i_params = _conditions(db, filters, "i")
    rows = db.execute(f"""
        WITH chosen AS (
            SELECT m.document_id AS id {_lean_from("m", m_where)} {_where(m_where + ["m.place_id = ?"])}
            UNION
            SELECT i.document_id {_lean_from("i", i_where)} {_where(i_where + ["i.place_id = ?"])})
        SELECT d.id, count(*) OVER () FROM chosen c JOIN documents d ON d.id = c.id
        ORDER BY coalesce(d.published, '') DESC, d.id LIMIT ?""",
        m_params + [place_id] + i_params + [place_id, int(limit)]).fetchall()
    return [r[0] for r in rows], (rows[0][1] if rows else 0)


# the figure fixes of a report (lib.edits), in words: "killed 3 → 5 (note)", joined with "; "
_CORRECTED = ("""(SELECT group_concat(f.field || ' ' || coalesce(f.was, 'unknown') || ' → ' || coalesce(f.value, """
              """'unknown') || coalesce(' (' || nullif(f.note, '') || ')', ''), '; ') FROM incident_fixes f """
              """WHERE f.report = i.document_id || ':' || coalesce(i.start, '') || ':' || coalesce(i."end", ''))""")


def incident_reports(db, filters=None) -> pd.DataFrame:
    """Every report the filters select, one row each in the order they were stored (so an incident's sources
    are listed in that order), with what lib.tally needs to make incidents of them."""
    where, params = _conditions(db, filters, "i")
    return _frame(db, f"""
        SELECT i.id AS incident_id, i.event_id, i.part_of, i.date, i.date_precision, i.type, i.killed, i.injured,
               i.attackers_killed, i.victims, i.perpetrator, i.confidence, i.place_id, {_PLACE_COLUMNS},
               d.id AS document_id, d.title, d.published, d.source, d.url, {_CORRECTED} AS corrected
        {_INCIDENTS_FROM} {_where(where)} ORDER BY i.id""", params)


def series_links(db, filters=None) -> dict:
    """{a part's event_id: its series' event_id} over the reports the filters select, each part's link taken
    from its first stored report."""
    where, params = _selected_reports(db, filters)
    # the few linked reports are found first (materialized): grouped in place, SQLite walks the event_id index
    # and reads every report's row to find them
    return dict((event, series) for event, series, _ in db.execute(f"""
        WITH linked AS MATERIALIZED (
            SELECT i.id, i.event_id, i.part_of
            {_lean_from("i", where)} {_where(where + ["i.event_id IS NOT NULL", "i.part_of IS NOT NULL",
                                               "i.part_of != i.event_id"])})
        SELECT event_id, part_of, min(id) FROM linked GROUP BY event_id""", params))


def event_summaries(db, filters=None) -> pd.DataFrame:
    """lib.tally.incidents(incident_reports(db, filters)) computed in SQL: one row per incident (event) with
    its most confident report's fields, its highest figures, reports, articles, sources and part_of, newest
    first. The same frame, without building a frame of every report and looping over it in Python."""
    return _summaries(db, filters)[0].copy()


def _summaries(db, filters) -> tuple[pd.DataFrame, np.ndarray]:
    """event_summaries and, per row, whether it is a stored event (not a report without one); remembered per
    database state and filters, since the incident table and the map's events both start from it. With no
    filters (or none that leaves a report out), read from the table the database keeps (lib.store.event_summary)
    while it is up to date."""
    return _remembered(db, "summaries", filters, lambda: _stored_or_built_summaries(db, filters))


def _stored_or_built_summaries(db, filters) -> tuple[pd.DataFrame, np.ndarray]:
    if filters is None or filters == Filters() or not _conditions(db, filters, "i")[0]:
        rows = event_summary.stored(db)
        if rows is not None:
            return _typed_summaries(rows)
    return _build_summaries(db, filters)[:2]


def build_summary_rows(db, only=None) -> tuple[pd.DataFrame, np.ndarray, list]:
    """The unfiltered summary rows of these incidents (event ids, or 'report-<id>'; None: all), whether each is a
    stored event, and the day it is ordered by: what lib.store.event_summary keeps."""
    return _build_summaries(db, None, only)


def _summary_dtypes(frame: pd.DataFrame) -> None:
    """Give a summary frame's coordinates, counts and figures the dtypes lib.tally.incidents gives, in place."""
    for column in ("latitude", "longitude"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    for column in ("reports", "articles"):
        frame[column] = frame[column].astype("int64")
    for column in tally.FIGURES:  # int64, or float64 when one is missing
        frame[column] = frame[column].astype("Int64").to_numpy()


def _typed_summaries(frame: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """The summary frame with the dtypes lib.tally.incidents gives, and its is_event column apart."""
    if frame.empty:
        return tally.incidents(None), np.zeros(0, dtype=bool)
    is_event = frame.pop("is_event").to_numpy(dtype=bool)
    _summary_dtypes(frame)
    for column in ("sources", "corrected", "parts"):
        frame[column] = frame[column].fillna("").tolist()
    frame["part_of"] = np.array([v if isinstance(v, str) else None for v in frame["part_of"]], dtype=object)
    return frame, is_event


def _selected_reports(db, filters) -> tuple[list[str], list]:
    """The condition on incidents i (and its parameter) for the reports the filters select, as their ids found
    once (remembered per database state and filters): the summary reads those reports four times, and testing
    the text and date conditions on every report each time costs more than looking rows up by id."""
    where, params = _conditions(db, filters, "i")
    if not where:
        return where, params
    ids = _remembered(db, "report_ids", filters, lambda: _json(
        r[0] for r in db.execute(f"SELECT i.id {_lean_from('i', where)} {_where(where)} ORDER BY i.id", params)))
    return ["i.id IN (SELECT value FROM json_each(?))"], [ids]


def _build_summaries(db, filters, only=None) -> tuple[pd.DataFrame, np.ndarray, list]:
    where, params = _conditions(db, filters, "i") if only is not None else _selected_reports(db, filters)
    if only is not None:  # events through their index, reports without one by id: no scan of every report
        where.append("(i.event_id IN (SELECT value FROM json_each(?)) OR (i.event_id IS NULL AND i.id IN (SELECT "
                     "CAST(substr(value, 8) AS INTEGER) AS n FROM json_each(?) WHERE value = 'report-' || n)))")
        params += [_json(only)] * 2
    day = "CASE WHEN i.date != '' THEN i.date WHEN d.published != '' THEN d.published ELSE '' END"
    sql = f"""
        WITH r AS (
            SELECT i.id, coalesce(i.event_id, 'report-' || i.id) AS ev, coalesce(i.confidence, 1.0) AS conf,
                   i.killed, i.injured, i.attackers_killed,
                   row_number() OVER (PARTITION BY coalesce(i.event_id, 'report-' || i.id), i.document_id) AS in_article
            {_lean_from("i", where)} {_where(where)}),
        ranked AS (
            SELECT id, ev, row_number() OVER (PARTITION BY ev ORDER BY conf DESC, id) AS rank,
                   max(killed) OVER event AS killed, max(injured) OVER event AS injured,
                   max(attackers_killed) OVER event AS attackers_killed, count(*) OVER event AS reports,
                   sum(in_article = 1) OVER event AS articles
            FROM r WINDOW event AS (PARTITION BY ev))
        SELECT e.ev AS incident, i.date, i.date_precision, i.type, {_PLACE_COLUMNS}, i.victims, i.perpetrator,
               d.title, d.id AS document_id, d.url, i.place_id, e.killed, e.injured, e.attackers_killed,
               e.reports, e.articles, i.event_id IS NOT NULL AS is_event, {day} AS day
        FROM ranked e JOIN incidents i ON i.id = e.id JOIN documents d ON d.id = i.document_id
             LEFT JOIN places p ON p.id = i.place_id
        WHERE e.rank = 1
        ORDER BY {day} DESC, e.ev"""
    frame = _frame(db, sql, params)
    if frame.empty:
        return tally.incidents(None), np.zeros(0, dtype=bool), []
    days = frame.pop("day").tolist()
    is_event = frame.pop("is_event").to_numpy(dtype=bool)
    sources: dict = {}
    for ev, source in db.execute(f"""
            SELECT coalesce(i.event_id, 'report-' || i.id) AS ev, d.source
            {_lean_from("i", where + ["d.source IS NOT NULL"])} {_where(where + ["d.source IS NOT NULL"])}
            GROUP BY 1, 2 ORDER BY 1, min(i.id)""", params):
        name = source.strip()
        if name and name not in sources.setdefault(ev, []):
            sources[ev].append(name)
    part_of = dict(db.execute(f"""
        SELECT ev, part_of FROM (
            SELECT coalesce(i.event_id, 'report-' || i.id) AS ev, i.part_of,
                   row_number() OVER (PARTITION BY coalesce(i.event_id, 'report-' || i.id)
                                      ORDER BY coalesce(i.confidence, 1.0) DESC, i.id) AS k
            {_lean_from("i", where)} {_where(where + ["i.part_of IS NOT NULL",
                                               "i.part_of != coalesce(i.event_id, 'report-' || i.id)"])})
        WHERE k = 1""", params))
    _summary_dtypes(frame)
    incidents = frame["incident"].tolist()  # a list, walked three times (quicker than the column)
    frame["sources"] = ["; ".join(sources.get(ev, ())) for ev in incidents]
    corrected: dict = {}
    for ev, text in db.execute(f"""
            SELECT coalesce(i.event_id, 'report-' || i.id) AS ev, {_CORRECTED} AS corrected
            {_lean_from("i", where)} {_where(where + ["EXISTS (SELECT 1 FROM incident_fixes)"])} ORDER BY i.id""", params):
        if isinstance(text, str) and text.strip() and text.strip() not in corrected.setdefault(ev, []):
            corrected[ev].append(text.strip())
    frame["corrected"] = ["; ".join(corrected.get(ev, ())) for ev in incidents]
    frame["parts"] = ""
    frame["part_of"] = np.array([part_of.get(ev) for ev in incidents], dtype=object)
    return frame, is_event, days


def incident_table(db, filters=None) -> pd.DataFrame:
    """The incidents the filters select, one row per incident (lib.tally.table): what every headline, chart,
    table and CSV of incidents counts. Remembered per database state and filters, since the headline, places,
    counts and tables of one page all start from it; callers get a copy."""
    return _table(db, filters).copy()


def _table(db, filters) -> pd.DataFrame:
    """incident_table, remembered (not a copy: read it, never change it)."""
    return _remembered(db, "table", filters, lambda: tally.fold_series(_summaries(db, filters)[0]))


def forget() -> None:
    """Drop every remembered table (after a write, or to time a query from scratch)."""
    _TABLES.clear()


_TABLES: dict = {}
_TABLES_KEPT = 40  # eight filter states' report ids, summaries, incident tables, mentions and place counts


def _remembered(db, kind: str, filters, build):
    """build() kept per database state, kind and filters (no filters and empty Filters are one key), for a
    file database; a database in memory is built every time."""
    state = _state(db)
    if state is None:
        return build()
    key = state, kind, Filters() if filters is None else filters
    if key not in _TABLES:
        _TABLES[key] = build()
        while len(_TABLES) > _TABLES_KEPT:
            _TABLES.pop(next(iter(_TABLES)))
    return _TABLES[key]


def _state(db):
    """What identifies the database's content: its file and the file's (and its log's) size and time, or None
    for a database in memory; another writer's commit changes it."""
    row = next((r for r in db.execute("PRAGMA database_list") if r[1] == "main"), None)
    if not row or not row[2]:
        return None
    stats = []
    for suffix in ("", "-wal"):
        try:
            info = os.stat(row[2] + suffix)
            stats.append((info.st_mtime_ns, info.st_size))
        except OSError:
            stats.append(None)
    return row[2], tuple(stats)


def incident_timeline(db, filters=None, by: str = "month") -> tuple[pd.DataFrame, int]:
    """The filters' incidents per week or month (lib.timeline.table): the periods, and how many incidents
    are left off for want of a date that precise."""
    return timeline.table(incident_table(db, filters), by)


_PLACE_COUNT_COLUMNS = ["place_id", "name", "kind", "country_code", "admin1", "latitude", "longitude",
                        "mentions", "articles", "incidents", "killed", "killed_unknown", "injured",
                        "injured_unknown", "attackers_killed", "reviewed"]


def place_counts(db, filters=None) -> pd.DataFrame:
    """One row per place with coordinates: mentions, articles, and the incidents placed there (lib.tally), their
    killed, injured and attackers killed (sums of known figures; '*_unknown': incidents without one), and
    reviewed: how many of its mentions a person's fix placed (confirmed or corrected). Remembered per database
    state and filters (the headline counts the places the map draws); callers get a copy."""
    return _place_rows(db, filters).copy()


def _place_rows(db, filters) -> pd.DataFrame:
    """place_counts, remembered (not a copy: read it, never change it)."""
    return _remembered(db, "places", filters, lambda: _build_place_counts(db, filters))


def _mention_groups(db, filters) -> pd.DataFrame:
    """The mentions the filters select per place (place_id missing: those without one): mentions, articles
    and reviewed, remembered, since the place counts, the headline and the counts per country all read them.
    When the conditions join the articles anyway, per place and month of publication too (month; else None):
    an article has one month, so the rows of a place still add up to its articles."""
    def build():
        where, params = _conditions(db, filters, "m")
        joined = "JOIN documents d" in _lean_from("m", where)
        month = "substr(d.published, 1, 7)" if joined else "NULL"
        return _frame(db, f"""SELECT m.place_id, {month} AS month, count(*) AS mentions,
                                     count(DISTINCT m.document_id) AS articles, sum(m.source = 'correction') AS reviewed
                              {_lean_from("m", where)} {_where(where)} GROUP BY 1, 2""", params)
    return _remembered(db, "mention_groups", filters, build)


def _mentions_per_place(db, filters) -> pd.DataFrame:
    """_mention_groups summed over months: one row per place (and one for mentions without a place)."""
    groups = _mention_groups(db, filters)
    if groups["month"].notna().any():
        groups = groups.groupby("place_id", dropna=False, sort=False, as_index=False)[
            ["mentions", "articles", "reviewed"]].sum()
    return groups


def _build_place_counts(db, filters) -> pd.DataFrame:
    m = _mentions_per_place(db, filters)
    m = m[m["place_id"].notna()][["place_id", "mentions", "articles", "reviewed"]]
    table = _table(db, filters)
    table = table[table["place_id"].notna()]
    i = tally.grouped(table, table["place_id"], "place_id")
    ids = sorted(set(m["place_id"]) | set(i["place_id"]))
    places = _frame(db, """SELECT id AS place_id, name, kind, country_code, admin1, lat AS latitude,
                                  lon AS longitude
                           FROM places WHERE id IN (SELECT value FROM json_each(?))
                             AND lat IS NOT NULL AND lon IS NOT NULL""", [_json(ids)])
    out = places.merge(m, on="place_id", how="left").merge(i, on="place_id", how="left")
    for column in ("mentions", "articles", "incidents", "killed_unknown", "injured_unknown", "reviewed"):
        out[column] = out[column].fillna(0).astype("int64")
    for column in tally.FIGURES:  # blank where no incident gives the figure
        out[column] = out[column].astype("Int64")
    out = out.sort_values(["incidents", "mentions", "name"], ascending=[False, False, True], kind="stable")
    return out[_PLACE_COUNT_COLUMNS].reset_index(drop=True)


def located_places(db) -> pd.DataFrame:
    """Every place with coordinates that a mention or an incident names, whatever the filters (place_id, name,
    kind, country_code, latitude, longitude): what frames a map and tells which sites lie on a city, read
    through the place indexes (a few milliseconds) rather than by counting every mention."""
    return _frame(db, """SELECT id AS place_id, name, kind, country_code, lat AS latitude, lon AS longitude
                         FROM places p WHERE lat IS NOT NULL AND lon IS NOT NULL
                           AND (EXISTS (SELECT 1 FROM mentions m WHERE m.place_id = p.id)
                                OR EXISTS (SELECT 1 FROM incidents i WHERE i.place_id = p.id))
                         ORDER BY id""")


def country_names(db) -> dict:
    """Country code -> name, from the country places the database holds."""
    return {code: name for code, name in db.execute(
        "SELECT country_code, name FROM places WHERE kind = 'country' AND country_code IS NOT NULL "
        "ORDER BY name")}


def counts_by(db, filters, by: str) -> pd.DataFrame:
    """Incidents (lib.tally: series counted once), their killed, injured and attackers killed (sums of known
    figures, with '*_unknown' counts), and mentions, grouped by 'place', 'country', 'type' or 'month'."""
    if by == "place":
        return place_counts(db, filters)
    m_where, m_params = _conditions(db, filters, "m")
    table = _table(db, filters)  # read only: tally.grouped counts a copy
    if by == "country":
        key_m, key = "coalesce(p.country_code, '')", table["country_code"].fillna("")
    elif by == "month":
        key_m, key = "substr(d.published, 1, 7)", pd.Series([tally.month_of(d) for d in table["date"].tolist()],
                                                             index=table.index)
    elif by == "type":
        key_m, key = None, table["type"].fillna("")
    else:
        raise ValueError(f"cannot count by {by!r}")
    out = tally.grouped(table, key, by)
    groups = _mention_groups(db, filters) if by == "month" else None
    if groups is not None and groups["month"].notna().any():  # counted per month with the places' mentions
        m = groups.groupby("month", dropna=False, as_index=False)["mentions"].sum()
    elif by == "month":  # mentions counted per article first: each article's date is then looked up once
        m = _frame(db, f"""SELECT {key_m} AS {by}, sum(c.n) AS mentions
                           FROM (SELECT m.document_id, count(*) AS n {_lean_from("m", m_where)} {_where(m_where)}
                                 GROUP BY m.document_id) c JOIN documents d ON d.id = c.document_id
                           GROUP BY 1""", m_params)
    elif by == "country":  # the mentions counted per place (shared with the place counts), then per country
        per_place = _mentions_per_place(db, filters)
        codes = dict(db.execute("SELECT id, country_code FROM places WHERE id IN (SELECT value FROM json_each(?))",
                                [_json(per_place["place_id"].dropna().tolist())]).fetchall())
        m = pd.DataFrame({by: [codes.get(p) or "" if isinstance(p, str) else "" for p in per_place["place_id"].tolist()],
                          "mentions": per_place["mentions"].astype("int64").to_numpy()}) \
            .groupby(by, sort=False, as_index=False)["mentions"].sum()
    if key_m is not None:
        m[by] = m[by].fillna("").astype(str)
        out = out.merge(m, on=by, how="outer")
    for column in out.columns:
        if column != by and column not in tally.FIGURES:
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


def _documents_where(db, filters) -> tuple[list[str], list]:
    """WHERE conditions on documents d (and their parameters) for the articles the filters select."""
    narrowing = filters is not None and any(
        condition(db, filters, "x") for name, (condition, _) in CONDITIONS.items() if name not in _ON_ARTICLE)
    where, params = [], []
    if narrowing:
        m_where, m_params = _conditions(db, filters, "m")
        i_where, i_params = _conditions(db, filters, "i")
        where.append(f"""(d.id IN (SELECT m.document_id {_lean_from("m", m_where)} {_where(m_where)})
                          OR d.id IN (SELECT i.document_id {_lean_from("i", i_where)} {_where(i_where)}))""")
        params.extend(m_params + i_params)
    elif filters is not None:
        _published_between(filters, where, params)
        found = text_condition(db, filters.text)
        if found is not None:
            where.append(found[0])
            params.extend(found[1])
    return where, params


def documents(db, filters=None, limit: int | None = None) -> pd.DataFrame:
    """The articles the filters select (newest first; the first limit of them) with their numbers of mentions
    and incidents.

    Dates and text apply to the article itself; country, place, type, nationality and confidence keep the
    articles that hold a matching mention or incident (those carry the date and text conditions too).
    """
    where, params = _documents_where(db, filters)
    sql = f"""
        SELECT d.id AS document_id, d.published, d.title, d.source, d.url, d.dateline, d.path, d.chars,
               (SELECT count(*) FROM mentions WHERE document_id = d.id) AS mentions,
               (SELECT count(*) FROM incidents WHERE document_id = d.id) AS incidents
        FROM documents d {_where(where)}
        ORDER BY d.published IS NULL, d.published DESC, d.title"""
    if limit is not None:
        sql += " LIMIT ?"
        params = params + [int(limit)]
    return _frame(db, sql, params)


def document_titles(db) -> list[tuple[str, str]]:
    """(id, title) of every article, in documents' order (newest first): what a box to choose one needs."""
    return db.execute("SELECT d.id, d.title FROM documents d "
                      "ORDER BY d.published IS NULL, d.published DESC, d.title").fetchall()


def document_count(db, filters=None) -> int:
    """How many articles documents(db, filters) lists."""
    where, params = _documents_where(db, filters)
    return db.execute(f"SELECT count(*) FROM documents d {_where(where)}", params).fetchone()[0]


def overview(db, filters=None) -> dict:
    """Headline numbers of what the filters select, and what the data covers: incidents and their figures are
    lib.tally.totals of incident_table, so they equal the sums of that table and its CSV; the articles'
    numbers are counted in SQL over the rows documents() would list."""
    d_where, d_params = _documents_where(db, filters)
    articles, sources, first_published, last_published = db.execute(
        f"SELECT count(*), count(DISTINCT d.source), min(d.published), max(d.published) FROM documents d "
        f"{_where(d_where)}", d_params).fetchone()
    table = _table(db, filters)
    places = _place_rows(db, filters)
    n_mentions = _mention_groups(db, filters)["mentions"].sum()
    totals = tally.totals(table)
    s_where, s_params = _selected_reports(db, filters)
    first, last = db.execute(f"SELECT min(i.date), max(i.date) {_lean_from('i', s_where)} {_where(s_where)}",
                             s_params).fetchone()
    return {
        "articles": articles, "places": len(places), "mentions": int(n_mentions), **totals,
        "sources": sources, "first_published": first_published, "last_published": last_published,
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
        SELECT i.id AS incident_id, i.type, i.date, i.date_precision, i.killed, i.injured, i.attackers_killed,
               i.victims, i.victim_nationality, i.perpetrator, i.place_id, {_PLACE_COLUMNS}, i.sentence, i.start,
               i."end", i.confidence, i.event_id, i.part_of
        FROM incidents i LEFT JOIN places p ON p.id = i.place_id
        WHERE i.document_id = ? ORDER BY i.start""", [document_id])


def search_sentences(db, text: str, filters=None, limit: int = 200) -> pd.DataFrame:
    """Sentences that hold every word of text (searched literally), newest article first."""
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
    # a place counts when one row names it: one index look-up a place, not a walk through every mention
    places = _frame(db, """SELECT id AS place_id, name, kind, country_code FROM places p
                           WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.place_id = p.id)
                              OR EXISTS (SELECT 1 FROM incidents i WHERE i.place_id = p.id)
                           ORDER BY name, country_code""")
    countries = sorted({c for c in places["country_code"].tolist() if isinstance(c, str) and c})
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


def counts(db) -> dict:
    """Row counts of the main tables."""
    return {t: db.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
            for t in ("documents", "places", "mentions", "incidents")}


def fts_query(text: str) -> str | None:
    """An FTS5 query that finds every word a person typed, with no operator meaning.

    Each whitespace-separated token becomes a quoted string (double quotes doubled), so AND, OR, NOT,
    NEAR, *, ^, parentheses, a lone '-' and column filters are searched as plain words.
    Returns None when nothing searchable remains.
    """
    tokens = [t for t in text.split() if any(ch.isalnum() for ch in t)]
    if not tokens:
        return None
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens[:64])


def like_pattern(text: str) -> str:
    """A LIKE pattern that matches text literally (use with ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_EVENT_COLUMNS = ["event_id", "type", "date", "date_precision", "place_id", "name", "kind", "country_code",
                  "latitude", "longitude", "reports", "killed", "injured", "attackers_killed", "victims",
                  "perpetrator"]


def events(db, filters=None) -> pd.DataFrame:
    """One row per event (lib.events) the filters select that has a located place, for the map's incident layer,
    newest first.

    Its type, date, place, victims and perpetrator are those of its most confident report (then the first);
    killed and injured the highest any selected report gives; reports how many selected reports tell of it:
    the rows of event_summaries that are stored events with coordinates, so the map and the tables agree.
    """
    frame = _located_events(db, filters)
    order = frame.sort_values(["date", "event_id"], ascending=[False, True], na_position="last", kind="stable")
    return order.reset_index(drop=True)


def gravest_events(db, filters=None, limit: int = 1000) -> tuple[pd.DataFrame, int]:
    """The limit events of events(db, filters) with the most killed (then the most reports, the newest), and
    how many events() holds in all: a map of a few thousand markers, saying how many it leaves out."""
    frame = _located_events(db, filters)
    order = frame.sort_values(["killed", "reports", "date", "event_id"], ascending=[False, False, False, True],
                              na_position="last", kind="stable")
    return order.head(int(limit)).reset_index(drop=True), len(frame)


def _located_events(db, filters) -> pd.DataFrame:
    """The stored events of _summaries with coordinates, in _EVENT_COLUMNS (any order)."""
    frame, is_event = _summaries(db, filters)
    keep = is_event & frame["latitude"].notna().to_numpy() & frame["longitude"].notna().to_numpy()
    rows = frame[keep].rename(columns={"incident": "event_id", "place": "name"})
    out = rows[_EVENT_COLUMNS].reset_index(drop=True)
    for column in tally.FIGURES:
        out[column] = out[column].astype("Int64")
    out["reports"] = out["reports"].astype("int64")
    return out


def event_reports(db, event_id: str) -> pd.DataFrame:
    """Every report of one event, whatever the filters, with its own figures and its article (newest first)."""
    return _frame(db, f"""
        SELECT i.id AS incident_id, i.type, i.date, i.date_precision, i.killed, i.injured, i.victims,
               i.victim_nationality, i.perpetrator, i.place_id, {_PLACE_COLUMNS}, i.place_surface, i.sentence,
               i.confidence, d.id AS document_id, d.title, d.published, d.source, d.url
        {_INCIDENTS_FROM} WHERE i.event_id = ?
        ORDER BY d.published IS NULL, d.published DESC, i.id""", [event_id])
