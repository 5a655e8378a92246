"""Rebuild a database from itself: every article it holds is extracted again from the text it stores, and
every correction, merge, split and figure fix a person made is carried over and applied again.

Nothing depends on the article files still existing. The old file is kept beside the new one (``.bak``).
A file that cannot be read at all is moved aside too; then only the paths given (or seeds/) are loaded,
and the corrections come back from data/corrections.csv.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lib import load
from lib import paths as where
from lib.store import edits as kept_sql
from lib.store import schema


@dataclass
class RebuildReport:
    stored: int = 0            # articles the old file held, extracted again from their stored text
    kept: dict = field(default_factory=dict)   # table -> rows of people's edits carried over
    unreadable: bool = False   # the old file could not be read: its articles could not be carried over
    load: load.LoadReport | None = None

    def summary(self) -> str:
        edits = ", ".join(f"{table} {n}" for table, n in self.kept.items() if n)
        return (f"rebuilt {self.stored} stored articles; kept {edits or 'no edits'}"
                + ("; the old file could not be read" if self.unreadable else ""))


def stored_articles(kept: dict) -> list[dict]:
    """The old file's articles as the loader reads them, in the order they were stored."""
    out = []
    for row in kept.get("documents") or []:
        if not row.get("text"):
            continue
        out.append({"id": row["id"], "path": row.get("path") or row["id"], "text": row["text"],
                    "title": row.get("title"), "published": row.get("published"), "source": row.get("source"),
                    "url": row.get("url"), "dateline": row.get("dateline"), "warnings": []})
    return out


def rebuild(db_path, paths=None, *, progress=None, workers=None, wait_seconds=60.0,
            online=False) -> RebuildReport:
    """Move the database aside, make a new one with its people's edits, and load its stored articles into it
    (then paths, when given; seeds/ when there was no database to rebuild from)."""
    db_path = Path(db_path)
    if not db_path.exists() and db_path.resolve() != where.DEFAULT_DB.resolve():
        raise schema.StoreError(
            f"No database at {db_path} to rebuild (is the name misspelt?). Check it, or load articles into a "
            f"new file on purpose without --rebuild: python -m lib.load FILES --db {db_path}")
    out = RebuildReport()
    kept = kept_sql.read_kept(db_path) if db_path.exists() else {}
    out.unreadable = db_path.exists() and not kept
    articles = stored_articles(kept)
    out.stored = len(articles)
    out.kept = {t: len(kept.get(t) or []) for t in ("corrections", "event_edits", "incident_fixes")}
    with load.exclusive(db_path, wait_seconds):
        load.rebuild(db_path)
        db = schema.connect(db_path)
        try:
            kept_sql.restore_kept(db, kept)
        finally:
            db.close()
    if not articles and not paths:
        paths = [load.DEFAULT_SEEDS]
    out.load = load.load_paths(paths or None, db_path, progress=progress, workers=workers,
                               wait_seconds=wait_seconds, articles=articles, online=online)
    return out
