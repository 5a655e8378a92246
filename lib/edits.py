"""What a person changes by hand, recorded and applied on top of what the extractor found.

Three kinds of change, each kept in its own table and applied again after every load and rebuild, so a
re-extraction never undoes them:

- geocode fixes (the corrections table, mirrored to data/corrections.csv): a surface means another place,
  in one mention, in one article, or everywhere; the most specific fix wins;
- merges and splits of incidents (event_edits): applied in the order made, after reports are grouped;
- figure fixes (incident_fixes): one report's killed, injured, type or date, with a note and the value it replaced.

Reports are named by stable keys, ``document_id:start:end`` (the article's content hash and the report's
offsets in its text), so a choice still finds its report when the article is extracted again.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from contextlib import contextmanager
from pathlib import Path

from lib import corrections
from lib.store import edits as sql
from lib.store import schema, write

TYPES = ("bombing", "suicide_bombing", "armed_attack", "assassination", "kidnapping", "hijacking", "other")
NUMBER_FIELDS = ("killed", "injured")
FIELDS = NUMBER_FIELDS + ("type", "date")
SCOPES = ("mention", "article", "everywhere")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class EditError(ValueError):
    """A change that cannot be made as asked; the message says why and what to do."""


def report_key(document_id: str, start, end) -> str:
    """The stable name of an incident report: its article's id and its offsets in the article's text."""
    return f"{document_id}:{'' if start is None else int(start)}:{'' if end is None else int(end)}"


def _parse_key(key: str) -> tuple[str, int | None, int | None]:
    doc, _, rest = key.partition(":")
    start, _, end = rest.partition(":")
    return doc, int(start) if start else None, int(end) if end else None


def find_report(db, key: str) -> int | None:
    """The incident row a stable key names now: the same offsets, else the report of that article whose
    text overlaps them most (an extractor change may move a report's edges), else None."""
    doc, start, end = _parse_key(key)
    rows = sql.document_reports(db, doc)
    for row in rows:
        if row["start"] == start and row["end"] == end:
            return row["id"]
    if start is None or end is None:
        return None
    overlap = [(min(end, r["end"]) - max(start, r["start"]), r["id"]) for r in rows
               if r["start"] is not None and r["end"] is not None]
    best = max(overlap, default=(0, None))
    return best[1] if best[0] > 0 else None


@contextmanager
def writing(db_path):
    """The database opened for writing under the loader's lock, so a person's edit never races a load."""
    from lib import load

    db_path = Path(db_path)
    if not db_path.exists():
        raise EditError(f"No database at {db_path}; nothing to edit. Build it with: python -m lib.load")
    with load.exclusive(db_path, 30.0):
        db = schema.connect(db_path)
        try:
            yield db
        finally:
            db.close()


# --- files beside the database: a copy of every merge, split and figure fix ---

MIRRORED = {"event_edits": ("action", "report", "other", "note", "created_at"),
            "incident_fixes": ("report", "field", "value", "was", "note", "created_at")}


def csv_path_for(db_path, table: str) -> Path:
    """data/event_edits.csv, data/incident_fixes.csv: beside the database, like data/corrections.csv."""
    return Path(db_path).with_name(f"{table}.csv")


def _db_file(db) -> Path | None:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


def _mirror(db, table: str) -> None:
    """Append the newest row of table to its file, so a database that is lost or damaged loses no edit."""
    path = _db_file(db)
    if path is None:
        return
    rows = sql.event_edits(db) if table == "event_edits" else sql.incident_fixes(db)
    target = csv_path_for(path, table)
    new_file = not target.exists()
    with open(target, "a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, MIRRORED[table], extrasaction="ignore")
        if new_file:
            writer.writeheader()
        writer.writerow({k: "" if v is None else v for k, v in rows[-1].items()})


def restore_files(db, db_path) -> int:
    """Copy into the database every merge, split and figure fix of the files that it lacks; returns how many."""
    restored = 0
    for table, columns in MIRRORED.items():
        path = csv_path_for(db_path, table)
        if not path.exists():
            continue
        have = {tuple(str(r.get(c) or "") for c in columns) for r in db[table].rows}
        with open(path, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = tuple(row.get(c) or "" for c in columns)
                if key not in have:
                    db[table].insert({c: row.get(c) or None for c in columns})
                    have.add(key)
                    restored += 1
    return restored


# --- merges and splits ---

def merge(db, report: str, other: str, note: str = "") -> None:
    """Record that other's incident is the same as report's, and apply it at once."""
    a, b = find_report(db, report), find_report(db, other)
    if a is None or b is None:
        raise EditError("one of the two reports is no longer in the database; reload the page")
    if sql.event_of(db, a) == sql.event_of(db, b):
        raise EditError("these reports are already one incident")
    with db.atomic():
        sql.add_event_edit(db, "merge", report, other, note)
        apply_event_edits(db)
    _mirror(db, "event_edits")


def split(db, report: str, note: str = "") -> None:
    """Record that this report is an incident of its own, not one with the others of its group, and apply it."""
    found = find_report(db, report)
    if found is None:
        raise EditError("this report is no longer in the database; reload the page")
    if len(sql.event_report_keys(db, sql.event_of(db, found))) < 2:
        raise EditError("this report is already an incident of its own")
    with db.atomic():
        sql.add_event_edit(db, "split", report, None, note)
        apply_event_edits(db)
    _mirror(db, "event_edits")


def apply_event_edits(db) -> int:
    """Apply every merge and split in the order they were made; returns how many still found their reports."""
    applied = 0
    for edit in sql.event_edits(db):
        first = find_report(db, edit["report"])
        if first is None:
            continue
        if edit["action"] == "split":
            sql.set_event(db, first, f"split:{edit['report']}")
            applied += 1
        elif edit["action"] == "merge" and edit["other"]:
            second = find_report(db, edit["other"])
            if second is None:
                continue
            keep, gone = sql.event_of(db, first), sql.event_of(db, second)
            if keep != gone:
                sql.move_event(db, gone, keep)
            applied += 1
    return applied


# --- figures ---

def check_figure(field: str, value) -> tuple:
    """(value to store, date precision or None) for a person's figure; EditError says what is wrong."""
    if field not in FIELDS:
        raise EditError(f"{field!r} cannot be corrected; choose one of {', '.join(FIELDS)}")
    text = "" if value is None else str(value).strip()
    if field in NUMBER_FIELDS:
        if text == "":
            return None, None
        if not text.isdigit():
            raise EditError(f"{field} must be a whole number of people (0 or more), or empty for unknown; got {text!r}")
        return int(text), None
    if field == "type":
        if text not in TYPES:
            raise EditError(f"unknown incident type {text!r}; choose one of {', '.join(TYPES)}")
        return text, None
    if text == "":
        return None, None
    if not _DATE.fullmatch(text):
        raise EditError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD; got {text!r}")
    try:
        dt.date.fromisoformat(text + "-01" * (2 - text.count("-")))
    except ValueError:
        raise EditError(f"{text!r} is not a real date") from None
    return text, ("year", "month", "day")[text.count("-")]


def fix_figure(db, report: str, field: str, value, note: str = "") -> None:
    """Record a person's value for one report's figure (with the value it replaces) and apply it at once."""
    stored, _ = check_figure(field, value)
    found = find_report(db, report)
    if found is None:
        raise EditError("this report is no longer in the database; reload the page")
    with db.atomic():
        sql.add_incident_fix(db, report, field, stored, sql.figure(db, found, field), note)
        apply_figure_fixes(db)
    _mirror(db, "incident_fixes")


def apply_figure_fixes(db) -> int:
    """Give every report the figures people set for it (the newest fix of a field wins)."""
    applied = 0
    for fix in sql.incident_fixes(db):
        found = find_report(db, fix["report"])
        if found is None:
            continue
        value, precision = check_figure(fix["field"], fix["value"])
        sql.set_figure(db, found, fix["field"], value)
        if fix["field"] == "date":
            sql.set_figure(db, found, "date_precision", precision)
        applied += 1
    return applied


# --- geocodes ---

def user_place_id(name: str, lat: float, lon: float) -> str:
    """The id of a place a person enters by its coordinates: readable, and the same for the same entry."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40] or "place"
    return f"user:{slug}-{lat:.4f}-{lon:.4f}".replace("--", "-")


def place_of(db, fix: dict, gaz=None) -> dict | None:
    """The place a geocode fix names: entered coordinates, a stored place, or a gazetteer place."""
    if fix.get("lat") is not None and fix.get("lon") is not None:
        return {"id": fix["place_id"], "name": fix.get("name") or fix["surface"], "kind": "poi",
                "country_code": None, "admin1": None, "lat": float(fix["lat"]), "lon": float(fix["lon"]),
                "population": None, "source": "user"}
    found = write.place(db, fix["place_id"])
    if found and found.get("lat") is not None:
        return found
    gaz = gaz or _gazetteer()
    found = gaz.place(fix["place_id"])
    if found:
        return {k: found.get(k) for k in ("id", "name", "kind", "country_code", "admin1", "lat", "lon",
                                           "population", "source")}
    return None


def _gazetteer():
    from lib.extract import gazetteer
    return gazetteer.load()


def check_place(db, place_id: str | None, lat=None, lon=None, gaz=None) -> None:
    """Refuse a geocode fix whose place cannot be found, or whose coordinates are not on the Earth."""
    if lat is not None or lon is not None:
        if lat is None or lon is None:
            raise EditError("enter both a latitude and a longitude")
        if not (-90 <= float(lat) <= 90 and -180 <= float(lon) <= 180):
            raise EditError(f"({lat}, {lon}) is not on the Earth: latitude is -90 to 90, longitude -180 to 180")
        return
    if not place_id:
        raise EditError("choose a place, or enter coordinates")
    if place_of(db, {"place_id": place_id, "surface": ""}, gaz) is None:
        raise EditError(f"unknown place id {place_id!r}: neither the gazetteer nor the database holds it. "
                        "Search the gazetteer for the place, or enter its coordinates")


def fix_place(db, csv_path, surface: str, scope: str, *, place_id: str | None = None, document_id=None,
              start=None, name: str | None = None, lat=None, lon=None, note: str = "", gaz=None) -> str:
    """Record that surface means another place (in one mention, its article, or everywhere) in the database
    and the CSV file, and apply it at once to the stored articles; returns the place id."""
    if scope not in SCOPES:
        raise EditError(f"scope must be one of {', '.join(SCOPES)}")
    if not surface.strip():
        raise EditError("the name in the text is empty")
    if scope != "everywhere" and not document_id:
        raise EditError("a fix for one article or one mention needs the article")
    if scope == "mention" and start is None:
        raise EditError("a fix for one mention needs its position")
    check_place(db, place_id, lat, lon, gaz)
    if lat is not None:
        lat, lon = float(lat), float(lon)
        place_id = user_place_id(name or surface, lat, lon)
    with db.atomic():
        corrections.add(db, Path(csv_path), surface, place_id, document_id if scope != "everywhere" else None,
                        note, start=start if scope == "mention" else None, name=name, lat=lat, lon=lon)
        apply_place_fixes(db, gaz)
    return place_id


def _specificity(fix: dict) -> int:
    return 2 if fix.get("start") is not None else 1 if fix.get("document_id") else 0


def apply_place_fixes(db, gaz=None) -> int:
    """Place every stored mention (and the incidents located by it) as people's fixes say; the most specific
    fix wins, then the newest. Returns how many mentions a fix placed."""
    fixes = sorted(write.corrections(db), key=_specificity)
    if not fixes:
        return 0
    mentions, incidents = {}, {}
    for mid, doc, surface, start in sql.mentions_named(db):
        mentions.setdefault(surface.casefold(), []).append((mid, doc, start))
    for iid, doc, surface, start, end in sql.incidents_placed(db):
        if surface:
            incidents.setdefault(surface.casefold(), []).append((iid, doc, start, end))
    placed = 0
    places = {}
    for fix in fixes:
        key = fix["surface"].casefold()
        doc, at = fix.get("document_id") or None, fix.get("start")
        m_ids = [mid for mid, d, s in mentions.get(key, ()) if (not doc or d == doc) and (at is None or s == at)]
        i_ids = [iid for iid, d, s, e in incidents.get(key, ()) if (not doc or d == doc)
                 and (at is None or (s is not None and e is not None and s <= at < e))]
        if not m_ids and not i_ids:
            continue
        place = places.get(fix["place_id"]) or place_of(db, fix, gaz)
        if place is None:
            continue
        if fix["place_id"] not in places:
            sql.upsert_place(db, place)
            places[fix["place_id"]] = place
        sql.place_mentions(db, m_ids, fix["place_id"])
        sql.place_incidents(db, i_ids, fix["place_id"])
        placed += len(m_ids)
    if places:
        sql.drop_unused_places(db)
    return placed


def fix_for(mention: dict, doc_id: str, fixes: list) -> dict | None:
    """The fix that decides one freshly extracted mention's place: the most specific, then the newest."""
    key = mention["surface"].casefold()
    best = None
    for fix in sorted(fixes, key=_specificity):
        if fix["surface"].casefold() != key or fix.get("document_id") not in (None, "", doc_id):
            continue
        if fix.get("start") is not None and (fix.get("document_id") != doc_id or fix["start"] != mention["start"]):
            continue
        best = fix
    return best


def apply_all(db, gaz=None) -> dict:
    """Every person's change applied to the stored rows, geocodes first (in one transaction)."""
    with db.atomic():
        return {"places": apply_place_fixes(db, gaz), "figures": apply_figure_fixes(db),
                "events": apply_event_edits(db)}
