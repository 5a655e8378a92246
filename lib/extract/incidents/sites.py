"""The incident's place: which of a clause's place mentions is the event's site, and how sites compare.

A mention after "at", "in", "near" ... is a site; one after "from", "to", "told reporters in", or followed by
"'s government", "said" ... is not (hostages "taken from" a place are the exception); a more specific kind wins.
"""
from __future__ import annotations

import re

from lib import geo
from lib.extract import gazetteer
from lib.geo import km

# How specific a kind is as an incident's site (higher is more specific): the gazetteer's kinds by their
# specificity, the words a text uses ("village", "province") as the kind they stand for; a named region of
# the gazetteer ("other": a sea, a strait) and an unknown kind rank 3, as they always have.
SITE_KIND_RANK = {**geo.SPECIFICITY, "other": 3, "airport": 6, "neighbourhood": 6, "village": 5, "district": 3,
                  "province": 2, "region": 0}
DISTRICT_REACH_KM = 80  # how far from a district's point a town inside it may lie
_SITE_PREP = re.compile(r"\b(?:at|in|near|outside|inside|on|into|through|towards|toward|across|of|around|hit|struck|rocked)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.I)
_NOT_SITE_BEFORE = re.compile(
    r"(?:\bfrom\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}|\bto\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}|\bfor\s+|\bborder\s+with\s+(?:the\s+)?"
    r"|\bbound\s+for\s+|\bsouth\s+of\s+|\bnorth\s+of\s+|\beast\s+of\s+|\bwest\s+of\s+|\bbacked\s+by\s+|\bcapital\s+of\s+"
    r"|\bmoved\s+to\s+(?:[\w'’-]+\s+){0,3}|\bhospitals?\s+in\s+|\bembassy\s+in\s+|\bofficials\s+in\s+|\bpolice\s+in\s+"
    r"|\bgovernment\s+in\s+|\bvisit\s+to\s+|\bfled\s+to\s+"
    # "a district administrator told reporters in Pemba": where a statement is made is not the event's site
    r"|\b(?:told|briefed|telling|briefing)\s+(?:reporters|journalists|the\s+press|the\s+media|a\s+news\s+agency)\s+in\s+"
    r"|\b(?:said|says|speaking|spoke)\s+in\s+|\b(?:news|press)\s+(?:conference|briefing)\s+in\s+"
    # "has been found unharmed near Ballarat", "were freed in Zamfara": where hostages came out, not were taken
    r"|\b(?:found\s+(?:safe|unharmed|unhurt|alive|safe\s+and\s+well)|freed|released|rescued)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:near|in|at|outside)\s+(?:the\s+)?)$", re.I)
# "on the road to Angol near Purén": a place right after "near" or "outside" is a site whatever came before it
_CAME_OUT = re.compile(r"\b(?:found|freed|released|rescued)\s+(?:[\w'’-]+\s+){0,3}?(?:near|in|at|outside)\s+(?:the\s+)?$", re.I)
_RIGHT_NEAR = re.compile(r"\b(?:near|outside)\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?$", re.I)
# "abducted from their school in X", "abducted Musa Abba, a district head, from his home in X": hostages are
# taken from the site
_TAKEN_FROM = re.compile(r"\b(?:kidnapp\w*|abduct\w*|seized|snatched|taken|stolen)\s+(?:[\w'’-]+,?\s+){0,9}from\s+"
                         r"(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
# "gunmen attacked Potiskum General Hospital in Potiskum": a facility struck, not one the wounded were taken to
_STRUCK_FACILITY = re.compile(r"\b(?:attack\w*|storm\w*|bomb\w*|raid\w*|struck|hit|targeted|shelled|set\s+fire\s+to|torched"
                              r"|burn\w*)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){0,5}(?:hospital|embassy|police\s+station"
                              r"|government\s+office)s?\s+in\s+$", re.I)
_MISSION_AFTER = re.compile(r"^\s+(?:embassy|consulate|high\s+commission|mission|legation|ambassador's\s+residence)\b", re.I)
# "15 km north of Dori", "west of Abala", "south-east of Mora": a town the event happened near
_BEARING = re.compile(r"(?:\b(?:about|some|around|nearly|roughly|just)\s+)?(?:\b(\d+(?:[.,]\d+)?)\s*(km|kilometres|kilometers"
                      r"|miles|mi)\b\s*)?\b(?:north|south|east|west)(?:[\s-]?(?:east|west))?(?:ern)?\s+of\s+$", re.I)
BEARING_SCORE = 3.5  # above a country or a province the clause merely names, below a place it puts the event in
BEARING_REACH_KM = 50  # a town further away than this by the text's own figure is no site


def _near_enough(bearing) -> bool:
    """True when the distance a bearing states (if any) is within BEARING_REACH_KM."""
    if not bearing.group(1):
        return True
    value = float(bearing.group(1).replace(",", "."))
    return value * (1.609 if bearing.group(2).lower().startswith("mi") else 1) <= BEARING_REACH_KM


_METONYM_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:foreign\s+ministry|ministry|government|embassy|ambassador|envoy|authorities|officials|president|prime|foreign|army|military"
    r"|police|border|interior|state\s+media|said|says|has\s+asked|has\s+been|had|told|urged|condemned)\b", re.I)


def kind_rank(mention) -> float:
    """How specific the mention's kind of place is (SITE_KIND_RANK)."""
    return SITE_KIND_RANK.get((mention.get("kind") or "").lower(), 3)


def distance_km(a, b) -> float | None:
    """Kilometres between two mentions, None when either lacks coordinates."""
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    return km(a["lat"], a["lon"], b["lat"], b["lon"])


def site_mentions(text, mentions, start, end, dateline_end):
    """Mentions in text[start:end] that may be an event's site, each with a score (higher is better)."""
    out = []
    for m in mentions:
        if m["start"] < start or m["end"] > end or m["start"] < dateline_end:
            continue
        before = text[max(start, m["start"] - 60): m["start"]]
        after = text[m["end"]: m["end"] + 30]
        taken_from = bool(_TAKEN_FROM.search(text[max(start, m["start"] - 100): m["start"]]))
        bearing = before[-3:] == "of " and _BEARING.search(before)
        if bearing and not taken_from:
            # "about 15 km north of Dori": near that town, below any place the event is said to be in
            if (m.get("kind") or "").lower() in geo.SETTLEMENTS + ("poi",) and _near_enough(bearing):
                out.append((BEARING_SCORE, m))
            continue
        if _NOT_SITE_BEFORE.search(before) and not taken_from and not _STRUCK_FACILITY.search(before) \
                and not (_RIGHT_NEAR.search(before) and not _CAME_OUT.search(before)):
            continue
        if _METONYM_AFTER.match(after) and not _SITE_PREP.search(before):
            continue
        if (m.get("kind") or "").lower() == "country" and _MISSION_AFTER.match(after):
            continue  # "the Netherlands embassy in Nairobi": the country owns the mission, the city hosts it
        score = kind_rank(m)
        if _SITE_PREP.search(before) or taken_from:
            score += 2
        if re.search(r"(?:'s|’s)\s*$", text[m["end"]: m["end"] + 2]):
            score += 0.5
        out.append((score, m))
    return out


# "Santa Rosa, a village in the department of Cauca", "Gandoi, in Kech district": the unit the text puts the place in
_IN_UNIT = re.compile(
    r"^\s*,\s+(?:(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:in|of)\s+|in\s+|near\s+[\w'’-]+(?:\s+[\w'’-]+)?,\s+in\s+)"
    r"(?:the\s+)?(?:(?:department|district|province|region|county|territory|state|cercle|prefecture|commune|municipality"
    r"|governorate)\s+of\s+)?$", re.I)
_UNIT_KINDS = ("admin1", "admin2", "district", "province")


def unit_named_for(text, mentions, site):
    """The administrative unit the text places site in ("X, a village in the Y department"), when site, as resolved,
    does not lie in it (another province or country): that namesake is not the place, the unit is the honest site."""
    if site is None or (site.get("kind") or "").lower() in _UNIT_KINDS + ("country",):
        return None
    for unit in mentions:
        if unit["start"] <= site["end"] or unit["start"] > site["end"] + 90:
            continue
        if (unit.get("kind") or "").lower() not in _UNIT_KINDS:
            continue
        if not _IN_UNIT.match(text[site["end"]: unit["start"]]):
            continue
        if site.get("country_code") and unit.get("country_code") and site["country_code"] != unit["country_code"]:
            # which of the two is the namesake: the one whose country the article's other places do not name
            others = [m.get("country_code") for m in mentions if m is not site and m is not unit]
            return unit if others.count(unit["country_code"]) > others.count(site["country_code"]) else None
        if site.get("admin1") and unit.get("admin1") and site["admin1"] != unit["admin1"]:
            return unit
        if site.get("admin1") and site["admin1"] == unit.get("admin1") and (unit.get("kind") or "").lower() != "admin1":
            # a town of the province the district lies in: the district's point is coarse, the town is the place
            return None
        d = distance_km(site, unit)
        reach = DISTRICT_REACH_KM if (unit.get("kind") or "").lower() in ("admin2", "district") else 400
        return unit if d is not None and d > reach else None
    return None


def best_site(text, mentions, start, end, dateline_end):
    """The best-scored site in text[start:end], the earliest of equals; None when there is none."""
    cands = site_mentions(text, mentions, start, end, dateline_end)
    if not cands:
        return None
    return max(cands, key=lambda c: (c[0], -c[1]["start"]))[1]


_ANAPHOR_PLACE = re.compile(r"\b(?:there|the\s+(city|town|village|country|province|region|district|capital|area))\b", re.I)


def anaphoric_place(text, mentions, start, end, dateline_end):
    """The place "there" or "the city", "the province" ... in text[start:end] refers to: the latest earlier mention
    of a fitting kind."""
    m = _ANAPHOR_PLACE.search(text[start:end])
    if not m:
        return None
    noun = (m.group(1) or "").lower()
    wanted = {"city": {"city", "town"}, "town": {"town", "city"}, "village": {"town"}, "capital": {"city"},
              "country": {"country"}, "province": {"admin1"}, "region": {"admin1", "region"}, "district": {"district", "admin2"},
              "area": None}.get(noun)
    # the country a dateline names ("BANGUI, Central African Republic —") is the one "the country" refers to
    # when the body names no other before it (read latest first); a dateline's city is where the story was filed
    earlier = [x for x in mentions if x["end"] <= start + m.start()
               and (x["start"] >= dateline_end or noun == "country" and x["start"] < dateline_end)]
    fitting = [x for x in earlier if not _METONYM_AFTER.match(text[x["end"]: x["end"] + 30])
               and not spoken_from(text, x) and (wanted is None or (x.get("kind") or "").lower() in wanted)]
    # "the city" of a story filed from TEGUCIGALPA is that country's city rather than a foreign one named since
    dateline = [x for x in mentions if x["start"] < dateline_end and "\n" not in text[x["start"]:dateline_end]]
    filed_in = {x.get("country_code") for x in dateline if x.get("country_code")}
    home = [x for x in fitting if x.get("country_code") in filed_in]
    return (home or fitting or [None])[-1]


_SPOKEN_FROM_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)(?:In|From)\s+$")
_SPOKEN_FROM_AFTER = re.compile(r"^,\s+(?:[\w'’.-]+\s+){0,5}?(?:said|says|announced|stated|told|added|insisted|warned)\b")


def spoken_from(text, mention) -> bool:
    """True for "In Ottawa, the foreign ministry said ...": the place a statement came from, not an event's."""
    return bool(_SPOKEN_FROM_BEFORE.search(text[max(0, mention["start"] - 6): mention["start"]])
                and _SPOKEN_FROM_AFTER.match(text[mention["end"]: mention["end"] + 60]))



def introduced_as_site(text: str, start: int, mention) -> bool:
    """True when a preposition of place ("at", "in", "near" ...) leads to the mention within text[start:]."""
    return bool(_SITE_PREP.search(text[max(start, mention["start"] - 40): mention["start"]]))


_SEVERAL_EVENTS = re.compile(r"\b(?:two|three|four|several|more)\s+(?:more\s+)?(?:\w+\s+)?(?:explosions|blasts|bombs|attacks|bombings)\b", re.I)
_AND_AT = re.compile(r"\s+and\s+(?=(?:at|in|on|near|outside)\s)")


def part_sites(text, mentions, cs, ce, dateline_end) -> list:
    """For "two more explosions went off at a guesthouse in A and at a house in B": the best site of each part of
    the clause (None for a part without one); [] unless a plural event is told at two sites or more."""
    clause = text[cs:ce]
    if not _SEVERAL_EVENTS.search(clause):
        return []
    parts = _AND_AT.split(clause)
    if len(parts) < 2:
        return []
    offset = cs
    sites = []
    for part in parts:
        pstart = text.find(part, offset)
        site = best_site(text, mentions, pstart, pstart + len(part), dateline_end)
        offset = pstart + len(part)
        sites.append(site)
    if sum(1 for x in sites if x) < 2 or len({x["start"] for x in sites if x}) < 2:
        return []
    return sites


def more_specific(new_site, old_site) -> bool:
    """True when new_site narrows old_site down: a more specific kind, in the same country, not far away."""
    if new_site is None:
        return False
    if old_site is None:
        return True
    if new_site.get("place_id") and new_site.get("place_id") == old_site.get("place_id"):
        return False
    if kind_rank(new_site) <= kind_rank(old_site):
        return False
    cc_new, cc_old = new_site.get("country_code"), old_site.get("country_code")
    if cc_new and cc_old and cc_new != cc_old:
        return False
    d = distance_km(new_site, old_site)
    if d is not None and kind_rank(old_site) >= 4 and d > 50:
        return False
    if d is not None and kind_rank(old_site) >= 3 and d > DISTRICT_REACH_KM:
        return False  # "officers in Bannu" is no narrowing of "in Tank district", 90 km away
    if d is not None and kind_rank(old_site) >= 2 and d > 400:
        return False
    return True



def same_place(a, b) -> bool:
    """True when two sites are one place: the same place id, or less than 2 km apart."""
    if a is None or b is None:
        return False
    if a.get("place_id") and a.get("place_id") == b.get("place_id"):
        return True
    d = distance_km(a, b)
    return d is not None and d < 2



def elsewhere(site, other) -> bool:
    """True when two known sites are more than 10 km apart."""
    if site is None or other is None or same_place(site, other):
        return False
    d = distance_km(site, other)
    return d is not None and d > 10



_FACILITY = (r"consulate|embassy|hospital|clinic|hotel|guesthouse|school|college|university|market|bazaar|mosque|church"
             r"|temple|shrine|police\s+lines|police\s+station|police\s+post|checkpoint|army\s+post|military\s+base|base"
             r"|camp|prison|jail|courthouse|court\s+complex|railway\s+station|bus\s+station|airport|mall|restaurant|pipeline"
             r"|telecom(?:munications?)?\s+tower|(?:mobile\s+)?(?:telephone|phone)\s+tower|compound|office|offices")
_NAMED_SITE = re.compile(
    r"\b(?:the|a|an|its|their)\s+((?:(?:[A-Z][\w'’.-]*|[a-z][a-z'’-]*)\s+){0,3}?(?:" + _FACILITY + r"))\b(?!\s+(?:of\s+)?(?:officials|staff|workers|guards|spokes\w*|director|chief)\b)")
_NOT_SITE_WORDS = re.compile(r"^(?:same|other|nearby|local|main\s+)?(?:same|other)\b", re.I)


def named_site(clause: str) -> str | None:
    """The facility a clause says the event struck ("the Pakistani consulate", "the police lines"), as written;
    the incident stays at the facility's city with the city's precision, and the site is named beside it."""
    for m in _NAMED_SITE.finditer(clause):
        before = clause[max(0, m.start() - 40): m.start()]
        if _NOT_SITE_BEFORE.search(before) and not _SITE_PREP.search(before):
            continue  # "taken to the hospital", "officials at the embassy in": not where it happened
        phrase = " ".join(m.group(1).split())
        if _NOT_SITE_WORDS.match(phrase):
            continue
        return phrase
    return None


_PLACE_FIELDS = ("name", "kind", "country_code", "admin1", "lat", "lon", "place_id", "population", "source")


def town_of_region(site):
    """The town a bare province's name means as an incident's site: "a bomb exploded in Kandahar", "Yala" said
    without "province" is the town of that name inside the province (the mention keeps its words); any other
    site is returned as it is."""
    if site is None or site.get("kind") not in ("admin1", "admin2") or not site.get("surface"):
        return site
    key = gazetteer.normalize_key(site["surface"])
    for c in gazetteer.load().candidates(site["surface"]):
        if c.get("primary_name") and c["kind"] in geo.SETTLEMENTS and c["country_code"] == site.get("country_code") \
                and c.get("admin1") == site.get("admin1") and gazetteer.normalize_key(c["name"]) == key:
            return {**site, **{k: c[k] for k in _PLACE_FIELDS if k in c}, "place_id": c["id"]}
    return site


_REFERS_BACK = re.compile(r"^\W*(?:The|This|That)\s+(?:[\w'’-]+\s+){0,2}?(?:" + _FACILITY + r"|post|attack|ambush|raid|blast"
                          r"|explosion|bombing|shooting|assault|kidnapping|abduction|village|convoy|patrol)\b", re.I)


def narrowing_site(text, mentions, start, end, dateline_end, site):
    """For "The post, at Malanville, ..." after "an attack in northern Benin": the place a sentence that refers back
    to the event puts it at, when that narrows the site down (None otherwise)."""
    if not _REFERS_BACK.match(text[start:end]):
        return None
    cands = [(score, m) for score, m in site_mentions(text, mentions, start, end, dateline_end)
             if introduced_as_site(text, start, m)]
    if not cands:
        return None
    best = max(cands, key=lambda c: (c[0], -c[1]["start"]))[1]
    return best if more_specific(best, site) else None
