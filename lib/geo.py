"""Geography shared by every module: great-circle distance, and the one table of place kinds."""
import math
from typing import NamedTuple

_RAD = math.pi / 180
EARTH_DIAMETER_KM = 12742


def km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance in kilometres."""
    p = _RAD
    h = math.sin((lat2 - lat1) * p / 2) ** 2 + \
        math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return EARTH_DIAMETER_KM * math.asin(min(1.0, math.sqrt(h)))


class PlaceKind(NamedTuple):
    """One kind of place and what every module needs to know about it."""
    name: str           # the kind as places carry it
    rank: int           # order of same-named places, best known first (countries first)
    prior: float        # the resolver's base score for a bearer of the name before any context
    specificity: int    # how small an area it names: a site is the most specific, a country the least
    precision: str      # how precisely a place of this kind locates what happened there (the map's words)
    tier: str           # kinds a generic word may mean interchangeably ("X district" may be a region)


# Most precise first: the map lists its precisions in this order.
KINDS = (
    PlaceKind("poi", 6, 4.0, 6, "exact site", "site"),
    PlaceKind("town", 5, 1.0, 5, "city or town", "settlement"),
    PlaceKind("city", 3, 3.0, 4, "city or town", "settlement"),
    PlaceKind("admin2", 4, 2.5, 3, "district", "division"),
    PlaceKind("admin1", 2, 6.0, 2, "province", "division"),
    PlaceKind("other", 1, 8.0, 0, "region", "other"),  # continents, islands, curated regions ("the Sahel")
    PlaceKind("country", 0, 14.0, 1, "country", "country"),
)
BY_NAME = {k.name: k for k in KINDS}

RANK = {k.name: k.rank for k in KINDS}
UNKNOWN_RANK = len(KINDS) + 2  # a kind outside the table sorts after every kind in it
PRIOR = {k.name: k.prior for k in KINDS}
SPECIFICITY = {k.name: k.specificity for k in KINDS}
PRECISION = {k.name: k.precision for k in KINDS}
PRECISION_ORDER = list(dict.fromkeys(k.precision for k in KINDS))
SETTLEMENTS = tuple(k.name for k in sorted(KINDS, key=lambda k: k.rank) if k.tier == "settlement")


def same_tier(kind: str) -> tuple[str, ...]:
    """The kind first, then the other kinds of its tier best known first: ("admin1", "admin2")."""
    tier = BY_NAME[kind].tier
    return (kind,) + tuple(k.name for k in sorted(KINDS, key=lambda k: k.rank) if k.tier == tier and k.name != kind)


def listing_rank(kind: str, capital: bool = False) -> float:
    """Order of same-named places in the gazetteer's list: the table's rank, except that a capital city
    comes right after the countries (it often bears its country's name: "Kuwait", "Djibouti")."""
    if kind == "city" and capital:
        return RANK["country"] + 0.5
    return RANK.get(kind, UNKNOWN_RANK)


def query_rank(kind: str | None, capital: bool = False) -> float:
    """Order of the places a bare query names: regions before the continents and islands of kind "other",
    then capitals, then the table's rank (cities, districts, towns, sites). A missing kind is "other"."""
    kind = kind or "other"
    if kind == "other":
        return RANK["admin1"] + 0.25
    if kind == "city" and capital:
        return RANK["admin1"] + 0.5
    return RANK.get(kind, UNKNOWN_RANK)
