"""Shared fixtures: the project's paths, a database built from seeds/, and article files on disk."""
import json
from pathlib import Path

import pytest

from lib import store
from lib.paths import ROOT, SEEDS

SHARED = ROOT.parent / "shared"

SEED_TEXT = (SEEDS / "000_7dc9aec6ccd02683.txt").read_text(encoding="utf-8")
BOMBING_SENTENCE = (
    "The push came after a bombing at the Karachi airport last October killed two Chinese engineers"
)


@pytest.fixture(scope="session")
def seed_db_path(tmp_path_factory):
    """A real SQLite file built from seeds/ by the loader, shared read-only by the tests of a run."""
    from lib.load import load_paths

    path = tmp_path_factory.mktemp("seed-db") / "atlas.db"
    report = load_paths([SEEDS], path)
    assert report.failed == 0, report.problems
    return path


def write_article(folder: Path, name: str, text: str, meta: dict | None = None) -> Path:
    """Write an article (and its sidecar metadata when given) into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if meta is not None:
        path.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    return path


def synthetic_article(number: int) -> str:
    """A short, distinct news-style article about an incident; used to build large folders quickly."""
    cities = ["Karachi", "Quetta", "Peshawar", "Kabul", "Lahore", "Islamabad", "Kunming", "Colombo",
              "Bangkok", "Dushanbe", "Bambari", "Mastung"]
    city = cities[number % len(cities)]
    killed = 1 + number % 17
    return (
        f"Blast in {city} kills {killed} (report {number})\n\n"
        f"A bomb exploded near a market in {city} on Monday, killing {killed} people and wounding "
        f"{killed * 2} others, officials said.\n\n"
        f"No group has claimed the attack, report number {number}. Security was tightened across the city.\n"
    )


def table_rows(path):
    """Every row of the content tables, without row ids or load times, for before/after comparisons."""
    db = store.connect(path, create=False)
    try:
        rows = {}
        for table, columns in {
            "documents": "id, path, title, published, source, url, text",
            "mentions": "document_id, place_id, surface, start, [end], sentence, confidence",
            "incidents": "document_id, place_id, type, date, killed, injured, sentence, start, [end]",
            "sentences": "document_id, start, [end], text",
            "places": "id, name, kind, country_code, lat, lon",
        }.items():
            rows[table] = sorted(db.execute(f"SELECT {columns} FROM [{table}]").fetchall(), key=repr)
        return rows
    finally:
        db.close()
