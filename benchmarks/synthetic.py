"""Build a synthetic Incident Atlas database of N generated articles, for speed measurements.

    python -m benchmarks.synthetic OUT.db [-n 10000] [--seed 7]

Each article is a short news-style text about one or two incidents in real places taken from the offline
gazetteer (cities of the countries where such news usually comes from, plus a long tail of others), with
publication dates spread over ten years. Rows go straight through ``lib.store.write.write_document`` with the
mentions and incidents the generator knows it wrote (offsets exact), so no extractor runs and 10,000
articles take seconds. Same seed, same database.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

from lib import documents, store
from lib.extract import gazetteer
from lib.extract.text import sentence_spans

# Countries weighted roughly like the news this project reads; every other country gets a small share.
FOCUS = {"PK": 30, "AF": 15, "CN": 6, "IN": 6, "IQ": 6, "SY": 5, "NG": 5, "SO": 4, "ML": 3, "YE": 3,
         "CF": 2, "TJ": 2, "LK": 2, "TH": 2, "PH": 2, "CD": 3, "MZ": 2, "BF": 2, "KE": 2, "LY": 2}
TYPES = {"bombing": 30, "suicide bombing": 12, "armed attack": 30, "kidnapping": 15, "hijacking": 3,
         "rocket attack": 6, "arson": 4}
VERBS = {"bombing": "A bomb exploded", "suicide bombing": "A suicide bomber blew himself up",
         "armed attack": "Gunmen opened fire", "kidnapping": "Armed men kidnapped a group of workers",
         "hijacking": "Militants hijacked a bus", "rocket attack": "Rockets struck",
         "arson": "Attackers set fire to a police post"}
SOURCES = ["Reuters", "AP", "AFP", "Dawn", "Al Jazeera", "The Express Tribune", "BBC", "Xinhua"]
NATIONALITIES = ["CN", "PK", "US", "GB", None, None, None]
FILLER = [
    "Officials said an investigation had begun.",
    "No group immediately claimed responsibility.",
    "Security was tightened across the region after the attack.",
    "Police cordoned off the area and ambulances took the wounded to hospital.",
    "The government condemned the violence and promised to find those responsible.",
    "Residents said they heard gunfire for about an hour.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def people(n: int) -> str:
    return "one person" if n == 1 else f"{n} people"


def pick_places(gaz: gazetteer.Gazetteer, rng: random.Random, per_focus: int = 40, others: int = 400) -> list[dict]:
    """Real cities: the largest of each focus country, and a spread of cities elsewhere."""
    by_country: dict[str, list[tuple]] = {}
    for rec in gaz.records:
        if rec.kind == "city" and rec.country_code:
            by_country.setdefault(rec.country_code, []).append(rec)
    chosen: list[tuple[dict, float]] = []
    for cc, recs in by_country.items():
        recs.sort(key=lambda r: -(r.population or 0))
        if cc in FOCUS:
            for rank, rec in enumerate(recs[:per_focus]):
                chosen.append((gaz.as_dict(rec), FOCUS[cc] / (rank + 1)))
    rest = [r for cc, recs in by_country.items() if cc not in FOCUS for r in recs[:5]]
    for rec in rng.sample(rest, min(others, len(rest))):
        chosen.append((gaz.as_dict(rec), 0.05))
    return chosen


class Writer:
    """Builds one article's text while recording the offsets of what it writes."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.mentions: list[dict] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def place(self, place: dict, confidence: float) -> dict:
        start = self.length
        self.add(place["name"])
        mention = {"place_id": place["id"], "surface": place["name"], "start": start, "end": self.length,
                   "confidence": confidence, "source": "synthetic",
                   **{k: place[k] for k in ("name", "kind", "country_code", "admin1", "lat", "lon", "population")}}
        self.mentions.append(mention)
        return mention

    @property
    def text(self) -> str:
        return "".join(self.parts)


def article(number: int, rng: random.Random, places: list[dict], weights: list[float],
            start: dt.date, days: int) -> tuple[dict, list, list, list]:
    published = start + dt.timedelta(days=rng.randrange(days))
    w = Writer()
    main = rng.choices(places, weights)[0]
    kind = rng.choices(list(TYPES), list(TYPES.values()))[0]
    killed = rng.choice([0, 1, 2, 3, 4, 5, 7, 9, 12, 20])
    injured = killed * rng.randint(0, 3)
    w.add(f"{kind.capitalize()} in ")
    w.place(main, 0.9)
    w.add(f" leaves {killed} dead (report {number})\n\n")
    incidents = []
    for n in range(rng.choice([1, 1, 1, 2])):
        where = main if n == 0 else rng.choices(places, weights)[0]
        kind = kind if n == 0 else rng.choices(list(TYPES), list(TYPES.values()))[0]
        ago = rng.randint(0, 6)
        date = published - dt.timedelta(days=ago)
        sentence_start = w.length
        w.add(f"{VERBS[kind]} in ")
        mention = w.place(where, round(rng.uniform(0.5, 1.0), 2))
        w.add(f" on {WEEKDAYS[date.weekday()]}, killing {people(killed)} and wounding {injured}, officials said.")
        nationality = rng.choice(NATIONALITIES)
        incidents.append({
            "place_id": where["id"], "type": kind, "date": date.isoformat(), "date_precision": "day",
            "killed": killed, "injured": injured, "victims": "people",
            "victim_nationality": [nationality] if nationality else [],
            "perpetrator": None, "start": sentence_start, "end": w.length, "place_surface": mention["surface"],
            "confidence": mention["confidence"],
            **{k: where[k] for k in ("name", "kind", "country_code", "admin1", "lat", "lon", "population")},
        })
        w.add(" " + rng.choice(FILLER) + "\n")
        killed = rng.choice([0, 1, 2, 3, 6])
        injured = killed * rng.randint(0, 2)
    w.add("\n" + rng.choice(FILLER) + " The attack in ")
    w.place(main, 0.8)
    w.add(" was the latest in a string of incidents in the area.")
    if rng.random() < 0.5:
        w.add(" Talks are due in ")
        w.place(rng.choices(places, weights)[0], 0.7)
        w.add(" next month.")
    w.add("\n")
    text = w.text
    spans = sentence_spans(text)
    for item in w.mentions + incidents:
        anchor = item["start"]
        s, e = next(((s, e) for s, e in spans if s <= anchor < e), (anchor, item["end"]))
        item.update(sentence=text[s:e], sentence_start=s, sentence_end=e)
    doc = {"id": documents.document_id(text), "path": f"synthetic/{number:06d}.txt", "text": text,
           "title": text.split("\n", 1)[0], "published": published.isoformat(),
           "source": rng.choice(SOURCES), "url": None, "dateline": None}
    return doc, spans, w.mentions, incidents


def build(db_path, n: int = 10_000, seed: int = 7, progress: bool = False) -> dict:
    """Write n synthetic articles into a new database at db_path; return counts and seconds."""
    started = time.perf_counter()
    db_path = Path(db_path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    rng = random.Random(seed)
    gaz = gazetteer.load()
    chosen = pick_places(gaz, rng)
    places = [p for p, _ in chosen]
    weights = [w for _, w in chosen]
    db = store.connect(db_path)
    try:
        first = dt.date(2015, 1, 1)
        days = (dt.date(2025, 3, 31) - first).days
        db.execute("PRAGMA synchronous = OFF")
        for number in range(n):
            doc, spans, mentions, incidents = article(number, rng, places, weights, first, days)
            store.write_document(db, doc, spans, mentions, incidents)
            if progress and (number + 1) % 1000 == 0:
                print(f"  {number + 1}/{n} articles", file=sys.stderr, flush=True)
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = store.counts(db)
    finally:
        db.close()
    counts["seconds"] = round(time.perf_counter() - started, 2)
    return counts


def write_corpus(folder, n: int, seed: int = 7, first: int = 0, days: int = 365) -> list[Path]:
    """Write articles first..first+n-1 as text files with front matter (published, source) into folder.

    The same seed gives the same files; the places and dates come from one year, like a year of news.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    chosen = pick_places(gazetteer.load(), rng)
    places = [p for p, _ in chosen]
    weights = [w for _, w in chosen]
    start = dt.date(2024, 1, 1)
    written = []
    for number in range(first + n):
        doc, _, _, _ = article(number, rng, places, weights, start, days)
        if number < first:
            continue
        path = folder / f"{number:06d}.txt"
        path.write_text(f"---\npublished: {doc['published']}\nsource: {doc['source']}\n---\n{doc['text']}",
                        encoding="utf-8")
        written.append(path)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synthetic", description=__doc__.split("\n")[0])
    parser.add_argument("db", help="SQLite file to create (replaced when it exists)")
    parser.add_argument("-n", type=int, default=10_000, help="number of articles (default 10000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    args = parser.parse_args(argv)
    counts = build(args.db, args.n, args.seed, progress=True)
    print(", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
