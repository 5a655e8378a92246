"""Small test databases built by hand from the real seed article (no extraction code needed)."""
from __future__ import annotations

from pathlib import Path

from lib import documents
from lib.store import event_summary, schema, write
from lib.extract.text import sentence_spans

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_7dc9aec6ccd02683.txt"
BOMBING = ("The push came after a bombing at the Karachi airport last October killed two Chinese engineers "
           "who were returning there to work at a power plant.")
AIRPORT_ID = "user:karachi-airport"

# place_id, name, kind, country_code, admin1, lat, lon, population
PLACES = {
    "Pakistan": ("geonames:1168579", "Pakistan", "country", "PK", None, 30.0, 70.0, 220_000_000),
    "China": ("geonames:1814991", "China", "country", "CN", None, 35.0, 105.0, 1_400_000_000),
    "India": ("geonames:1269750", "India", "country", "IN", None, 22.0, 79.0, 1_400_000_000),
    "US": ("geonames:6252001", "United States", "country", "US", None, 39.76, -98.5, 330_000_000),
    "Islamabad": ("geonames:1176615", "Islamabad", "city", "PK", "Islamabad", 33.72, 73.04, 1_000_000),
    "Beijing": ("geonames:1816670", "Beijing", "city", "CN", "Beijing", 39.91, 116.40, 20_000_000),
    "Hainan": ("geonames:1809054", "Hainan", "admin1", "CN", "Hainan", 19.2, 109.6, 9_000_000),
    "Boao": ("geonames:1816176", "Boao", "town", "CN", "Hainan", 19.16, 110.58, 20_000),
    "Karachi airport": (AIRPORT_ID, "Jinnah International Airport, Karachi", "poi", "PK", "Sindh",
                        24.9065, 67.1608, None),
}


def seed_article(**overrides) -> dict:
    article = documents.read_article(SEED, root=ROOT)
    article.pop("warnings", None)
    article.update(overrides)
    return article


def mention(text: str, spans, surface: str, nth: int = 0, place: str | None = None, confidence=0.9) -> dict:
    """A mention of the nth occurrence of surface in text, resolved to PLACES[place or surface]."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    end = start + len(surface)
    s_start, s_end = next((s, e) for s, e in spans if s <= start < e)
    place_id, name, kind, cc, admin1, lat, lon, population = PLACES[place or surface]
    return {"place_id": place_id, "name": name, "kind": kind, "country_code": cc, "admin1": admin1,
            "lat": lat, "lon": lon, "population": population, "source": "test", "surface": surface,
            "start": start, "end": end, "sentence": text[s_start:s_end], "sentence_start": s_start,
            "sentence_end": s_end, "confidence": confidence}


def bombing(text: str, **overrides) -> dict:
    start = text.index(BOMBING)
    place_id, name, kind, cc, admin1, lat, lon, _ = PLACES["Karachi airport"]
    incident = {"type": "bombing", "date": "2024-10", "date_precision": "month", "place_id": place_id,
                "name": name, "kind": kind, "country_code": cc, "lat": lat, "lon": lon, "killed": 2,
                "injured": None, "victims": "two Chinese engineers", "victim_nationality": ["CN"],
                "perpetrator": None, "sentence": BOMBING, "start": start, "end": start + len(BOMBING),
                "place_surface": "Karachi airport", "confidence": 0.8}
    incident.update(overrides)
    return incident


def seed_rows(article: dict | None = None):
    """(document, sentences, mentions, incidents) for the seed article."""
    article = article or seed_article()
    text = article["text"]
    spans = sentence_spans(text)
    found = [
        mention(text, spans, "Pakistan", 0), mention(text, spans, "Pakistan", 1), mention(text, spans, "Pakistan", 2),
        mention(text, spans, "China", 0), mention(text, spans, "China", 1),
        mention(text, spans, "Islamabad"), mention(text, spans, "Beijing", 0), mention(text, spans, "Beijing", 1),
        mention(text, spans, "India"), mention(text, spans, "US", confidence=0.5),
        mention(text, spans, "Boao"), mention(text, spans, "Hainan"),
        mention(text, spans, "Karachi airport", confidence=0.95),
    ]
    return article, spans, found, [bombing(text)]


def build_seed_db(path) -> Path:
    """The seed article with hand-made mentions and its one incident (a bombing at Karachi airport)."""
    db = schema.connect(path)
    try:
        write.write_document(db, *seed_rows())
        event_summary.refresh(db)  # as the loader does after its writes
    finally:
        db.close()
    return Path(path)


def build_two_article_db(path) -> Path:
    """The seed article plus a second, hostile one: markup in title and text, a formula-like source,
    a javascript: URL, an older date and an armed attack at Islamabad injuring 5."""
    build_seed_db(path)
    text = ("=HYPERLINK(\"http://x\") <script>alert(1)</script> **bold** [link](http://x)\n"
            "Gunmen attacked a checkpoint in Islamabad on Monday, injuring 5 police officers.\n")
    article = {"id": documents.document_id(text), "path": "hostile.txt",
               "title": "<b>Attack</b> in Islamabad =1+1", "published": "2023-05-10", "source": "@evil",
               "url": "javascript:alert(1)", "dateline": None, "text": text}
    spans = sentence_spans(text)
    m = mention(text, spans, "Islamabad", confidence=0.7)
    sentence = text[spans[1][0]:spans[1][1]]
    attack = {"type": "armed attack", "date": "2023-05-08", "date_precision": "day",
              "place_id": m["place_id"], "name": m["name"], "kind": m["kind"], "country_code": "PK",
              "lat": m["lat"], "lon": m["lon"], "killed": None, "injured": 5, "victims": "police officers",
              "victim_nationality": ["PK"], "perpetrator": "-gunmen", "sentence": sentence,
              "start": spans[1][0], "end": spans[1][1], "place_surface": "Islamabad", "confidence": 0.6}
    db = schema.connect(path)
    try:
        write.write_document(db, article, spans, [m], [attack])
    finally:
        db.close()
    return Path(path)


def build_empty_db(path) -> Path:
    db = schema.connect(path)
    db.close()
    return Path(path)
