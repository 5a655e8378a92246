"""Hand-made place mentions for the incident tests, and where the seed article and the benchmarks are."""
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seeds" / "000_7dc9aec6ccd02683.txt"
BENCH = ROOT.parent / "shared" / "benchmarks" / "incidents"
OWN = ROOT / "benchmarks" / "articles"

PLACES = {
    "Karachi": ("city", "PK", 24.86, 67.01), "the Karachi airport": ("poi", "PK", 24.9065, 67.1608),
    "Pakistan": ("country", "PK", 30.0, 70.0), "China": ("country", "CN", 35.0, 105.0),
    "Beijing": ("city", "CN", 39.91, 116.40), "Islamabad": ("city", "PK", 33.72, 73.04),
    "Hainan": ("admin1", "CN", 19.2, 109.6), "India": ("country", "IN", 22.0, 79.0), "US": ("country", "US", 39.76, -98.5),
    "Peshawar": ("city", "PK", 34.01, 71.58), "Kocha Risaldar": ("poi", "PK", 34.006, 71.57),
    "Quetta": ("city", "PK", 30.19, 67.0), "QUETTA": ("city", "PK", 30.19, 67.0),
    "Tajikistan": ("country", "TJ", 38.5, 71.0), "Afghanistan": ("country", "AF", 34.0, 66.0),
    "Kabul": ("city", "AF", 34.53, 69.17), "KABUL": ("city", "AF", 34.53, 69.17),
}


def mentions_for(text):
    """Mentions of the PLACES names in text, longest first, whole words."""
    out, taken = [], []
    for name in sorted(PLACES, key=len, reverse=True):
        kind, cc, lat, lon = PLACES[name]
        for m in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append({"start": m.start(), "end": m.end(), "surface": name, "name": name, "kind": kind,
                        "country_code": cc, "lat": lat, "lon": lon, "place_id": "test:" + name, "confidence": 0.9})
    return sorted(out, key=lambda m: m["start"])


def extracted_incidents(text, published):
    """The incidents the whole extractor finds in text."""
    from lib.extract import extract
    return extract(text, published)["incidents"]


def lead_incident(text, published):
    """The first incident the whole extractor finds in text (the test fails when there is none)."""
    found = extracted_incidents(text, published)
    assert found, f"no incident in {text!r}"
    return found[0]
