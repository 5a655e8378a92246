"""The SQLite database: schema, writes and queries. The only module that knows SQL.

Every statement takes its values as parameters; table and column names come only from this module.
"""
import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

import sqlite_utils

SCHEMA_VERSION = 1
DEFAULT_DB = Path(os.environ.get("ATLAS_DB", Path(__file__).resolve().parent.parent / "data" / "atlas.db"))

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
         "place_surface": str, "confidence": float},
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
    "incidents": [["document_id"], ["place_id"], ["date"], ["type"]],
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
        if not readonly:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        check_schema(db, path)
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
        db["incidents"].insert_all(_incident_row(document["id"], i) for i in incidents)
    return status


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
