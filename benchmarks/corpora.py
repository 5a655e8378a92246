"""Where the evaluation corpora live and how to read them: GeoVirus, LGL and incident-style folders.

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

# Names of peoples LGL annotates that countryinfo's demonyms (one per country) do not give.
MORE_DEMONYMS = {"abkhaz", "african", "dagestani", "european", "floridian", "gazan", "iowan", "maori",
                 "minnesotan", "north american", "north ossetian", "ohioan", "ontarian", "ossetian", "saudi",
                 "s.ossetian", "sinhalese", "south ossetian", "texan"}


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


def demonyms() -> set[str]:
    """Lower-case names of peoples ('american', 'sri lankan'): countryinfo's and MORE_DEMONYMS."""
    from countryinfo import CountryInfo

    found = set(MORE_DEMONYMS)
    for info in CountryInfo.all().values():
        for name in (info.get("demonym") or "").replace("/", ",").split(","):
            if name.strip():
                found.add(name.strip().lower())
    return found


def is_demonym(phrase: str, peoples: set[str]) -> bool:
    """Whether a phrase names a people or is its adjective ('Russian', 'Russians'), not a place."""
    key = phrase.lower()
    return key in peoples or (key.endswith("s") and key[:-1] in peoples)


def lgl(path: Path = LGL) -> list[dict]:
    """LGL articles: {source, text, gold: [{name, start, end, lat, lon, demonym}]}; lat and lon are None
    for the toponyms LGL gives no coordinates (scored for recognition only)."""
    peoples = demonyms()
    articles = []
    for article in ET.parse(path).getroot().iter("article"):
        gold = []
        for toponym in article.iter("toponym"):
            tag = toponym.find("gaztag")
            lat = tag.findtext("lat") if tag is not None else None
            lon = tag.findtext("lon") if tag is not None else None
            phrase = toponym.findtext("phrase")
            gold.append({"name": phrase, "start": int(toponym.findtext("start")),
                         "end": int(toponym.findtext("end")),
                         "lat": float(lat) if lat else None, "lon": float(lon) if lon else None,
                         "demonym": is_demonym(phrase, peoples)})
        articles.append({"source": article.findtext("domain"), "text": article.findtext("text") or "",
                         "gold": gold})
    return articles


def incident_articles(folder: Path) -> list[dict]:
    """The articles of an incident-style folder: {name (file stem), text, gold (its .json)}, by name."""
    return [{"name": path.stem, "text": path.with_suffix(".txt").read_text(encoding="utf-8"),
             "gold": json.loads(path.read_text(encoding="utf-8"))}
            for path in sorted(folder.glob("*.json"))]
