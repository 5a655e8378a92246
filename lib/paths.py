"""Where the project's files live: the root, seeds/, data/ and the database. ATLAS_DB is read here only."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
STATIC = ROOT / "static"
CACHE = DATA / "cache"
PLACES_CSV = DATA / "places.csv"
DEFAULT_DB = DATA / "atlas.db"


def database() -> Path:
    """The database file: $ATLAS_DB when set (read on every call, so tests and servers can point elsewhere)."""
    value = os.environ.get("ATLAS_DB")
    return Path(value) if value else DEFAULT_DB
