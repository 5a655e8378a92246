"""Writes of the loader: one article and its extractions, geocoder answers and people's corrections.

Every statement takes its values as parameters; table and column names come only from lib.store.
"""
import functools
import json
import math

from lib import events
from lib.geo import EARTH_DIAMETER_KM
from lib.store.schema import TABLES, now

def document_status(db, doc_id: str, path: str) -> str:
    """'unchanged' when this text is stored, 'replaced' when the path holds other text, else 'new'."""
    if db.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone():
        return "unchanged"
    if db.execute("SELECT 1 FROM documents WHERE path = ?", [path]).fetchone():
        return "replaced"
    return "new"


def stored_stamps(db, paths: list[str]) -> dict[str, tuple[int, int]]:
    """path -> (file size, modification time in ns) recorded when each of these paths was last read."""
    if not paths:
        return {}
    marks = ", ".join("?" for _ in paths)
    rows = db.execute(f"SELECT path, file_size, file_mtime_ns FROM documents WHERE path IN ({marks}) "
                      f"AND file_size IS NOT NULL AND file_mtime_ns IS NOT NULL", list(paths))
    return {path: (size, mtime_ns) for path, size, mtime_ns in rows}


def remember_stamps(db, stamps: list[tuple]) -> None:
    """Record (size, mtime_ns, id, path) of files read again whose text was already stored under that path,
    so that the next re-run skips them without reading."""
    if stamps:
        with db.atomic():
            db.conn.executemany("UPDATE documents SET file_size = ?, file_mtime_ns = ? WHERE id = ? AND path = ?",
                                stamps)


def write_document(db, document: dict, sentences: list, mentions: list, incidents: list, *,
                   isolated: bool = True) -> str:
    """Store one article and its extractions in one transaction, replacing what its path held before.

    Returns 'new', 'replaced' or 'unchanged'. Nothing is written when the same text is already stored.
    isolated=False writes into the caller's open transaction without a savepoint of its own (cheaper:
    full-text tables flush at every savepoint); the caller then rolls the whole transaction back on error.
    """
    doc_id = document["id"]
    held = [r[0] for r in db.execute("SELECT id FROM documents WHERE id = ? OR path = ?", [doc_id, document["path"]])]
    if doc_id in held:
        return "unchanged"
    if isolated:
        with db.atomic():
            _write_rows(db, document, sentences, mentions, incidents, held)
    else:
        _write_rows(db, document, sentences, mentions, incidents, held)
    return "replaced" if held else "new"


def _write_rows(db, document: dict, sentences: list, mentions: list, incidents: list, old_ids: list) -> None:
    """The article's rows after deleting those of the texts its path held before (old_ids)."""
    for old_id in old_ids:
        _delete_document_rows(db, old_id)
    doc_id, text = document["id"], document["text"]
    row = {key: document.get(key) for key in TABLES["documents"][0]}
    row["chars"] = len(text)
    row["loaded_at"] = now()
    _insert(db, "documents", [row])
    executemany = db.conn.executemany
    executemany(_statement("sentences", _SENTENCE_COLUMNS), [(doc_id, s, e, text[s:e]) for s, e in sentences])
    places = {}
    for item in (*mentions, *incidents):
        place_id = item.get("place_id")
        if place_id and place_id not in places and item.get("lat") is not None:
            places[place_id] = _place_values(item)
    _upsert_places(db, list(places.values()))
    executemany(_statement("mentions", _MENTION_COLUMNS), [_mention_values(doc_id, m) for m in mentions])
    rows = [_incident_row(doc_id, i) for i in incidents]
    for number, (row, incident) in enumerate(zip(rows, incidents)):
        row["event_id"] = _matching_event(db, doc_id, incident) or f"{doc_id}-{number}"
    for row, incident in zip(rows, incidents):
        row["part_of"] = _series_event(rows, incident)
    _insert(db, "incidents", rows)


def batch(db):
    """One transaction around many write_document calls: a commit per batch, a savepoint per article."""
    return db.atomic()


@functools.lru_cache(maxsize=64)
def _statement(table: str, names: tuple, upsert: bool = False) -> str:
    """The INSERT of these columns (made once: the loader runs it for every article)."""
    sql = (f"INSERT INTO [{table}] ({', '.join(f'[{n}]' for n in names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    if upsert:
        sql += f" ON CONFLICT(id) DO UPDATE SET {', '.join(f'[{n}] = excluded.[{n}]' for n in names if n != 'id')}"
    return sql


def _insert(db, table: str, rows: list[dict]) -> None:
    """Insert rows that all have the same keys with one prepared statement (no table introspection)."""
    if not rows:
        return
    names = tuple(rows[0])
    db.conn.executemany(_statement(table, names), [tuple(row[n] for n in names) for row in rows])


def _upsert_places(db, rows: list[tuple]) -> None:
    """Insert places (values in _PLACE_COLUMNS order), or give stored ones the values of the newest article
    (what an upsert by id does)."""
    if rows:
        db.conn.executemany(_statement("places", _PLACE_COLUMNS, upsert=True), rows)


def _date_candidates(date: str) -> tuple[list[str], str, str]:
    """The coarser dates that agree with date (its year, its month) and the range of equal or finer ones."""
    parts = date.split("-")
    coarser = ["-".join(parts[:n]) for n in range(1, len(parts))]
    return coarser, date, date + "~"


def _near_box(lat: float, lon: float) -> tuple[float, float, float, float] | None:
    """Latitude and longitude bounds holding every point within events.MERGE_KM of (lat, lon), or None
    when the box would reach a pole or cross the antimeridian (then longitude is not narrowed)."""
    radius = events.MERGE_KM / (EARTH_DIAMETER_KM / 2)  # the distance as an angle, in radians
    dlat = math.degrees(radius) + 0.01
    spread = math.sin(radius) / max(math.cos(math.radians(lat)), 1e-9)
    if abs(lat) + dlat >= 90 or spread >= 1:
        return None
    dlon = math.degrees(math.asin(spread)) + 0.01
    if lon - dlon < -180 or lon + dlon > 180:
        return None
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def _candidate_filter(incident: dict) -> tuple[list[str], list] | None:
    """SQL conditions that every report events.same_event could accept passes (a superset: same_event
    still decides), or None when no report can be this incident's event."""
    place_id, lat, lon = incident.get("place_id"), incident.get("lat"), incident.get("lon")
    places, params = [], []
    if place_id:
        places.append("i.place_id = ?")
        params.append(place_id)
    if lat is not None and lon is not None:
        box = _near_box(lat, lon)
        if box is None:
            places.append("p.lat IS NOT NULL")
        else:
            places.append("(p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?)")
            params.extend(box)
    if not places:
        return None
    types, exclusive = events.family_types(incident.get("type"))
    marks = ", ".join("?" for _ in types)
    # the unary + keeps SQLite on the date index: a type matches a large share of all reports
    kinds = f"+i.type IN ({marks})" if exclusive else f"(i.type IS NULL OR +i.type NOT IN ({marks}))"
    return [f"({' OR '.join(places)})", kinds], params + list(types)


def _matching_event(db, doc_id: str, incident: dict) -> str | None:
    """The event of another article's report of this same incident (lib.events), or None.

    Only reports whose date can agree are read (by the date index): the coarser dates of this one, and
    this date with every finer date it begins; of those, SQL keeps the ones of the type's family at the
    same place or within a box around it, so the cost does not grow with the reports of that day.
    """
    date = incident.get("date")
    narrowed = _candidate_filter(incident) if date else None
    if narrowed is None:
        return None
    conditions, params = narrowed
    coarser, low, high = _date_candidates(date)
    marks = ", ".join("?" for _ in coarser) or "NULL"
    rows = db.execute(
        f"""SELECT i.event_id, i.type, i.date, i.place_id, p.lat, p.lon FROM incidents i
           LEFT JOIN places p ON p.id = i.place_id
           WHERE i.document_id != ? AND (i.date IN ({marks}) OR (i.date >= ? AND i.date < ?))
             AND {' AND '.join(conditions)}
           ORDER BY i.id""",
        [doc_id, *coarser, low, high, *params],
    )
    for event_id, type_, other_date, place_id, lat, lon in rows:
        other = {"type": type_, "date": other_date, "place_id": place_id, "lat": lat, "lon": lon}
        if events.same_event(incident, other):
            return event_id
    return None


def _series_event(rows: list[dict], incident: dict) -> str | None:
    """The event of the series this report is a part of (its 'part_of' index among the article's incidents)."""
    index = incident.get("part_of")
    if not isinstance(index, int) or not 0 <= index < len(rows) or rows[index] is None:
        return None
    return rows[index]["event_id"]


def _delete_document_rows(db, doc_id: str) -> None:
    for table in ("mentions", "incidents", "sentences"):
        db.execute(f"DELETE FROM [{table}] WHERE document_id = ?", [doc_id])
    db.execute("DELETE FROM documents WHERE id = ?", [doc_id])


_SENTENCE_COLUMNS = ("document_id", "start", "end", "text")
_PLACE_COLUMNS = ("id", "name", "kind", "country_code", "admin1", "lat", "lon", "population", "source")
_MENTION_COLUMNS = ("document_id", "place_id", "surface", "start", "end", "sentence", "sentence_start",
                    "sentence_end", "confidence", "source")


def _place_values(item: dict) -> tuple:
    """A place row in _PLACE_COLUMNS order, from a mention or incident that located it."""
    get = item.get
    return (item["place_id"], get("name"), get("kind"), get("country_code"), get("admin1"), get("lat"), get("lon"),
            get("population"), get("source"))


def _mention_values(doc_id: str, m: dict) -> tuple:
    """A mention row in _MENTION_COLUMNS order."""
    get = m.get
    return (doc_id, get("place_id"), m["surface"], m["start"], m["end"], get("sentence"), get("sentence_start"),
            get("sentence_end"), get("confidence"), get("source"))


def _incident_row(doc_id: str, i: dict) -> dict:
    return {
        "document_id": doc_id, "place_id": i.get("place_id"), "type": events.stored_type(i), "date": i.get("date"),
        "date_precision": i.get("date_precision"), "killed": events.stored_figures(i)[0], "injured": i.get("injured"),
        "attackers_killed": events.stored_figures(i)[1],
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


def add_correction(db, surface: str, place_id: str, document_id=None, note="", **extra) -> None:
    """Store a geocode fix; extra may give start (one mention), and name, lat, lon (entered coordinates)."""
    with db.atomic():
        db["corrections"].insert(
            {"document_id": document_id, "surface": surface, "place_id": place_id, "note": note,
             "created_at": now(), **{k: extra.get(k) for k in ("start", "name", "lat", "lon")}}
        )


def place(db, place_id: str) -> dict | None:
    """A stored place by id, or None: the place a correction names, when the gazetteer lacks it."""
    row = db.execute("SELECT * FROM places WHERE id = ?", [place_id]).fetchone()
    return dict(zip([c[0] for c in db.execute("SELECT * FROM places LIMIT 0").description], row)) if row else None
