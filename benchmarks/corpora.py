"""Where the evaluation corpora live and how to read them: GeoVirus and incident-style folders.

The shared corpora sit in ../shared/benchmarks (read there, never copied); the project's own incident
articles in benchmarks/articles*. Readers return plain dicts; callers check that a corpus exists first.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from lib.paths import ROOT, SEEDS

SHARED = ROOT.parent / "shared" / "benchmarks"
GEOVIRUS = SHARED / "geovirus" / "GeoVirus.xml"
LGL = SHARED / "lgl" / "lgl.xml"
INCIDENTS = SHARED / "incidents"
ARTICLES = ROOT / "benchmarks" / "articles"
BLIND = ROOT / "benchmarks" / "articles_blind"
HELDOUT = ROOT / "benchmarks" / "articles_heldout"

def geovirus(path: Path = GEOVIRUS) -> list[dict]:
    """GeoVirus passages: {source, text, gold: [{name, start, end, lat, lon}]}, offsets made 0-based."""
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        gold = [{"name": loc.findtext("name"), "start": int(loc.findtext("start")) - 1,
                 "end": int(loc.findtext("end")) - 1,
                 "lat": float(loc.findtext("lat")), "lon": float(loc.findtext("lon"))}
                for loc in article.iter("location")]
        articles.append({"source": article.findtext("source"), "text": article.findtext("text") or "",
                         "gold": gold})
    return articles


def incident_articles(folder: Path) -> list[dict]:
    """The articles of an incident-style folder: {name (file stem), text, gold (its .json)}, by name."""
    return [{"name": path.stem, "text": path.with_suffix(".txt").read_text(encoding="utf-8"),
             "gold": json.loads(path.read_text(encoding="utf-8"))}
            for path in sorted(folder.glob("*.json"))]
