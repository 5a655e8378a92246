"""Articles a person adds from the dashboard: uploaded .txt/.md files or pasted text, with optional metadata.

Each is checked (lib.documents: empty, binary, too large, not text), kept as a file under
``data/uploads/`` (beside the database, with a JSON sidecar of its metadata) and loaded into the database,
which stores its text too, so a rebuild never needs the file. A text the database already holds is
recognised and reported as a duplicate, not loaded twice.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from lib import documents, load
from lib.store import schema

MAX_BYTES = documents.MAX_BYTES          # one article (the loader refuses larger ones too)
MAX_FILES = 50                           # files in one upload
SUFFIXES = documents.ARTICLE_SUFFIXES
META_KEYS = ("title", "published", "source", "url")
LIMITS = (f"Up to {MAX_FILES} files at once, each a .txt or .md file of at most "
          f"{MAX_BYTES // (1024 * 1024)} MB of text (UTF-8 preferred).")


@dataclass
class Outcome:
    """What became of one added article: status 'added', 'duplicate' or 'refused', and why."""
    name: str
    status: str
    reason: str = ""
    document_id: str | None = None
    title: str | None = None


def uploads_dir(db_path) -> Path:
    """Where added articles are kept: data/uploads/ beside the database."""
    return Path(db_path).parent / "uploads"


def clean_meta(meta: dict | None) -> dict:
    """The metadata a person typed, without empty fields; a date as YYYY-MM-DD."""
    out = {}
    for key in META_KEYS:
        value = (meta or {}).get(key)
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()[:10]
        if value not in (None, "") and str(value).strip():
            out[key] = str(value).strip()
    return out


def check(name: str, data: bytes) -> str | None:
    """Why this file cannot be an article (None when it can): its kind, size and text, as the loader sees them."""
    if Path(name).suffix.lower() not in SUFFIXES:
        return f"not a {' or '.join(SUFFIXES)} file"
    if not data:
        return "empty file"
    if len(data) > MAX_BYTES:
        return f"{len(data) / 1e6:.1f} MB is larger than the {MAX_BYTES / 1e6:.0f} MB limit for one article; split it"
    try:
        text, _ = documents.decode(data)
    except documents.ArticleError as error:
        return str(error)
    _, body, _ = documents.parse_front_matter(documents.normalise(text))
    if not body.strip():
        return "no text (empty apart from whitespace or metadata)"
    return None


def text_id(data: bytes) -> str:
    """The id the loader gives this file's text (lib.documents.document_id of the text after front matter)."""
    text, _ = documents.decode(data)
    _, body, _ = documents.parse_front_matter(documents.normalise(text))
    return documents.document_id(body)


def _file_name(name: str, data: bytes) -> str:
    """A name that cannot escape the folder or clash: the content's hash and the original stem."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(name).stem).strip("-.")[:60] or "article"
    suffix = Path(name).suffix.lower() if Path(name).suffix.lower() in SUFFIXES else ".txt"
    return f"{hashlib.sha256(data).hexdigest()[:12]}_{stem}{suffix}"


def save(folder: Path, name: str, data: bytes, meta: dict | None = None) -> Path:
    """Keep one checked article (and its metadata as a sidecar) in folder; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / _file_name(name, data)
    path.write_bytes(data)
    meta = clean_meta(meta)
    sidecar = path.with_suffix(".json")
    if meta:
        sidecar.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    elif sidecar.exists():
        sidecar.unlink()
    return path


def pasted(text: str, meta: dict | None = None) -> tuple[str, bytes]:
    """A pasted article as (file name, bytes): named after its title or its first line."""
    meta = clean_meta(meta)
    first = next((line.strip() for line in (text or "").splitlines() if line.strip()), "pasted")
    return f"{meta.get('title') or first[:60]}.txt", (text or "").encode("utf-8")


def _stored(db_path: Path, doc_id: str) -> str | None:
    """The title of the stored article with this text, or None."""
    db = schema.connect(db_path, readonly=True)
    try:
        row = db.execute("SELECT coalesce(title, id) FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row[0] if row else None
    finally:
        db.close()


def add(db_path, items: list[tuple[str, bytes]], meta: dict | None = None, progress=None) -> list[Outcome]:
    """Check, keep and load articles given as (name, bytes); the same metadata applies to each.

    progress(done, total, name) is called as they load. Returns one Outcome per item, in order.
    """
    db_path = Path(db_path)
    folder = uploads_dir(db_path)
    out, keep, seen = [], [], {}
    if len(items) > MAX_FILES:
        return [Outcome(name, "refused", f"more than {MAX_FILES} files at once; add them in smaller groups")
                for name, _ in items]
    for name, data in items:
        reason = check(name, data)
        if reason:
            out.append(Outcome(name, "refused", reason))
            continue
        doc_id = text_id(data)
        title = _stored(db_path, doc_id) if db_path.exists() else None
        if title is not None or doc_id in seen:
            twin = title or seen[doc_id]
            out.append(Outcome(name, "duplicate", f"the same text is already in the database, as “{twin}”",
                               doc_id, twin))
            continue  # nothing is written: the stored copy (and its kept file) stay as they are
        path = save(folder, name, data, meta)
        article = documents.read_article(path, root=folder)
        seen[article["id"]] = article["title"]
        keep.append((path, len(out)))
        out.append(Outcome(name, "added", "", article["id"], article["title"]))
    if keep:
        report = load.load_paths([p for p, _ in keep], db_path, progress=progress, workers=1)
        failed = dict(report.problems)
        for path, index in keep:
            reason = failed.get(str(path))
            if reason:
                out[index] = Outcome(out[index].name, "refused", reason)
    return out
