"""Resolution (toponym disambiguation): choose one gazetteer place for each recognised mention.

Evidence, strongest first: an explicit qualifier in the text ("Hyderabad, Sindh", "Hainan province",
"China's Hainan"), the states and counties the article names (or a town of one state names for it), the
countries it names, a bearer lying beside a bearer of another of its names ("Dublin" with "Columbus"),
nearness to the other places it names, then the kind
of place (country > region > capital > admin1 > city > admin2 > town) and its population. A name that
is a place's own name counts more than one that is only an alternate name.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from lib.extract import gazetteer, rules
from lib import geo
from lib.geo import PRIOR, SETTLEMENTS

_RAD = math.pi / 180
REGIME_WORDS = frozenset(rules.words("regime_words"))
LOCAL_ROLE_AFTER = frozenset(rules.words("local_role_after"))
STREET_WORDS = frozenset(rules.words("street_words"))
GIVEN_NAMES = frozenset(rules.words("given_names"))
PARTY_LETTERS = frozenset(("r", "d", "i", "dfl", "gop"))
CITY_BODIES = frozenset(("council", "manager", "hall", "commission", "schools", "attorney", "clerk", "administrator"))

# A generic word's kind, then the other kind it may mean ("X district" may be a first-level region); a village
# is looked for among towns, a seat (a dateline, a bare name beside "X province") among cities.
HINT_KINDS = {kind: geo.same_tier(kind) for kind in ("admin1", "admin2", "city", "town")}
HINT_KINDS.update(village=HINT_KINDS["town"], seat=HINT_KINDS["city"])
LOCAL_WEIGHT = 4.0  # a country named twice (2.0 a mention)
FOREIGN_NAMESAKE = 4.0
TOWN_REGION_WEIGHT = 1.0  # a town whose every bearer lies in one state names that state as often as the state
REGION_CAP = 10.0
SMALL_PLACE_PENALTY = 10.0  # a capital or a city of a million the text calls a town or a village  # the most a named state or county adds to its same-named towns


@dataclass(frozen=True)
class Tokens:
    """The text a resolver's mentions come from, as the recognizer split it: word i is ``keys[i]`` (folded),
    ``caps[i]`` tells whether it is capitalised, ``gaps[i]`` is the text before it ("" for the first word);
    ``states[i]`` is the key of the state a postal abbreviation starting at word i names ("Conn." ->
    "connecticut"); ``org_keys`` are the keys of the names kept out as part of an organisation's name
    ("Georgia Bureau of Investigation"), no mentions but a sign of the article's state."""
    text: str
    keys: list[str]
    caps: list[bool]
    gaps: list[str]
    states: dict = field(default_factory=dict)
    org_keys: tuple = ()


def _base_score(rec, primary: bool) -> float:
    kind = rec.kind
    s = PRIOR.get(kind, 1.0)
    if kind == "city":
        s += 2.0 * (rec.population >= 1_000_000) + 2.0 * (rec.population >= 5_000_000)
    if rec.capital:
        s += 4.0
    if rec.source == "curated":
        s += 4.0
    s += 0.9 * math.log10(rec.population + 1)
    if not primary:
        s -= 2.5
    return s


def _qualifiers(tokens: Tokens, m, gaz):
    """Text evidence right around a mention: (set of country codes, set of (cc, admin1) pairs, the name keys
    that gave it, the record indices of the regions and countries the name after a comma names)."""
    keys, gaps = tokens.keys, tokens.gaps
    n = len(keys)
    ccs, adm, by, areas = set(), set(), [], []
    j = m["j"]
    # "Hyderabad, Sindh" / "Paris, France" / "Springfield, Illinois"
    if j + 1 < n:
        k = j + 1
        g = gaps[k]
        if g != " " and g.strip() in (",", "(") and tokens.caps[k]:  # (a plain space, the common gap, is neither)
            key = keys[k]
            # longest key there ("Fairfield, Conn.": the state the abbreviation names)
            state = tokens.states.get(k)
            kk, best = (n, state) if state else (k, None)
            while kk < n:
                if key in gaz.index:
                    best = key
                if key not in gaz.prefixes or kk + 1 >= n:
                    break
                kk += 1
                key = key + " " + keys[kk]
            if best:
                by.append(best)
                for code in gaz.index[best]:
                    r = gaz.records[code >> 1]
                    if r.kind == "country":
                        ccs.add(r.country_code)
                    elif r.kind == "admin1" or r.kind == "admin2" and r.admin1 and best.endswith(_AREA_GENERICS):
                        # "Bara, Khyber Agency": a district named with its generic places the town inside it
                        adm.add((r.country_code, r.admin1))
                    else:
                        continue
                    areas.append(code >> 1)
    # "China's Hainan", "Pakistan's Sindh province"
    i = m["i"]
    if i >= 2 and keys[i - 1] == "s" and gaps[i - 1] in ("'", "’"):
        pk = keys[i - 2]
        if pk in gaz.index:
            by.append(pk)
        for code in gaz.index.get(pk, ()):
            r = gaz.records[code >> 1]
            if r.kind == "country":
                ccs.add(r.country_code)
            elif r.kind == "admin1":
                adm.add((r.country_code, r.admin1))
    return ccs, adm, by, areas


_AREA_GENERICS = (" district", " agency", " county", " parish", " province", " tehsil", " governorate")
_DISTRICT_SUFFIX_RE = re.compile(r".+ (?:district|agency|tehsil)")
_CACHES: dict[int, tuple] = {}


def _caches(gaz) -> tuple:
    """Per-gazetteer memo (the gazetteer is read-only): (gaz, key -> candidates, (idx, primary) -> score,
    key -> the context its first-pass choice gives, key -> its colocating points, candidates -> their facts)."""
    c = _CACHES.get(id(gaz))
    if c is None or c[0] is not gaz:
        c = _CACHES[id(gaz)] = (gaz, {}, {}, {}, {}, {})
    return c


def _candidates(gaz, key: str, memo: dict, scores: dict) -> tuple:
    """The records that compete for a key: ((index, is primary name), ...) with their base scores."""
    hit = memo.get(key)
    if hit is not None:
        return hit
    recs = gaz.records
    single = " " not in key
    cs = []
    for code in gaz.index.get(key, ()):
        r = recs[code >> 1]
        primary = bool(code & 1)
        if not primary and r.kind in ("town", "admin2", "poi", "city") and r.source != "curated" \
                and r.population < (100_000 if single else 5_000) and (single or r.kind != "admin2") \
                and not (r.kind == "admin2" and _DISTRICT_SUFFIX_RE.fullmatch(gazetteer.normalize_key(r.name))
                         and gazetteer.normalize_key(r.name).rsplit(" ", 1)[0] == key) \
                and not _last_letter_variant(key, r.name):
            continue  # alternate names of small places are mostly noise ("Taliban", "Samples"), but a district's
            # name without its generic ("Bajaur" for "Bājaur Agency") is the district's own name, and a
            # spelling that differs in the last letter only ("Leposavic" for "Leposaviq") is the place's
        cs.append((code >> 1, primary))
    if not single:
        cs.extend(_compass_area(gaz, key, cs))
    for c in cs:
        if c not in scores:
            scores[c] = _base_score(recs[c[0]], c[1])
    if len(cs) > 12 and not all(recs[c[0]].kind == "admin2" for c in cs):
        # only the best-known bearers of a common name compete; every county of a name does ("Franklin
        # County": 24 states, none better known, the article's state decides)
        cs.sort(key=lambda c: -scores[c])
        cs = cs[:12]
    hit = (tuple(cs), tuple(scores[c] for c in cs))
    if len(memo) < 100_000:
        memo[key] = hit
    return hit


def _context_facts(cs: tuple, base: tuple, recs) -> tuple:
    """What a name's context-free best bearer tells of the article, the same for every mention of the name:
    (cs, (country, weight) or None, (cc, admin1) for admin_weight or None, ((cc, admin1), weight) of region
    context or None, (lat, lon, cos(lat)) of an anchor or None)."""
    r = recs[cs[base.index(max(base))][0]]
    kind = r.kind
    cw = aw = rw = anchor = None
    if kind == "country":
        cw = (r.country_code, 2.0)
    elif len(cs) == 1 or kind in ("admin1",) or r.capital or r.population >= 1_000_000:
        if r.country_code:
            cw = (r.country_code, 1.0 if len(cs) == 1 else 0.6)
        if kind not in ("other", "admin1"):
            aw = (r.country_code, r.admin1)
    elif r.country_code and len({recs[idx].country_code for idx, _ in cs}) == 1:
        # a name every bearer of which lies in one country ("Henry County") names that country, though
        # not which of its regions
        cw = (r.country_code, 1.0)
    if r.admin1 and (kind == "admin1" or kind == "admin2" and len({
            (recs[idx].country_code, recs[idx].admin1) for idx, _ in cs}) == 1):
        # a state, province or county the article names is region context for its same-named towns
        # ("Rapides Parish" ... "Alexandria"; "Kansas" ... "Garden City"); a county name many states
        # share ("Franklin County") says nothing
        rw = ((r.country_code, r.admin1), 1.0)
        if kind not in ("other",):
            anchor = (r.lat, r.lon, math.cos(r.lat * _RAD))
    elif kind in SETTLEMENTS and r.admin1 and len({(recs[idx].country_code, recs[idx].admin1)
                                                   for idx, _ in cs}) == 1:
        # a town whose every bearer lies in one state ("Puryear", "Mounds") tells the article's region
        rw = ((r.country_code, r.admin1), TOWN_REGION_WEIGHT)
    return cs, cw, aw, rw, anchor


def _last_letter_variant(key: str, name: str) -> bool:
    """Whether a one-word key of seven letters or more spells a place's own name but for its last letter."""
    own = gazetteer.normalize_key(name)
    return len(key) >= 7 and " " not in key and len(own) == len(key) and own[:-1] == key[:-1]


def _district_of(gaz, key: str | None, country_weight: dict) -> int | None:
    """The district a key names (its bearer in the country the article gives most sign of), or None."""
    if key is None:
        return None
    recs = gaz.records
    found = [code >> 1 for code in gaz.index.get(key, ()) if code & 1 and recs[code >> 1].kind == "admin2"]
    return max(found, key=lambda i: country_weight.get(recs[i].country_code, 0), default=None)


_COMPASS = frozenset(("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                      "northeast", "northwest", "southeast", "southwest"))


def _compass_area(gaz, key: str, cs: list) -> list:
    """A part of a country or region named by a direction ("North Wales", "South West England") is placed in
    that country or region, at its precision, when the only bearers of the whole name are small towns."""
    words = key.split(" ")
    lead = 1
    while lead < len(words) - 1 and words[lead] in _COMPASS:
        lead += 1  # "south west england"
    if words[0] not in _COMPASS or lead == len(words):
        return []
    recs = gaz.records
    if any(recs[i].kind not in ("town", "poi") or recs[i].population >= 100_000 for i, _ in cs):
        return []
    have = {i for i, _ in cs}
    return [(code >> 1, True) for code in gaz.index.get(" ".join(words[lead:]), ())
            if code & 1 and recs[code >> 1].kind in ("country", "admin1") and (code >> 1) not in have]


_NO_CODES = frozenset()  # the qualifiers of a bare mention, shared rather than built for each
# an anchor more than this many degrees of latitude away is more than 400 km away (R * 3.7 deg = 411 km)
_NEAR_LAT = 3.7


def resolve(tokens: Tokens, raw: list[dict], gaz, late_regions: dict | None = None) -> list[dict]:
    """Pick a place for each raw mention (i, j: its first and last word; key, hint, start, end, dateline)
    and return the finished mention dicts.

    A state first taken for a same-named country ("ATLANTA - ... Georgia residents") that the article's
    context makes the state after all is region context too: the article is resolved once more with it
    (``late_regions``: (cc, admin1) -> the key that names it)."""
    recs = gaz.records
    _, memo, scores, key_facts, points_memo, facts_memo = _caches(gaz)
    raw = [_city_body(tokens, m, gaz) for m in raw]
    cands = [_candidates(gaz, m["key"], memo, scores) for m in raw]
    quals = [_qualifiers(tokens, m, gaz) for m in raw]

    # pass 1: context-free choice; collect the article's countries and regions
    country_weight: dict[str, float] = {}
    admin_weight: dict[tuple, float] = {}
    own_weight: dict[tuple, float] = {}  # (key, cc) -> weight that key gave to cc
    region_weight: dict[tuple, float] = {}  # (cc, admin1) -> times the article names that region
    own_region: dict[tuple, float] = {}  # (key, (cc, admin1)) -> the part of it that key gave
    anchors = []  # (lat, lon, cos(lat), key) of the places named unambiguously enough to anchor others
    anchored = set()  # the keys of anchors
    for m, (cs, base) in zip(raw, cands):
        if not cs:
            continue
        key = m["key"]
        facts = key_facts.get(key)
        if facts is None or facts[0] is not cs:
            facts = _context_facts(cs, base, recs)
            if len(key_facts) < 100_000:
                key_facts[key] = facts
        _, cw, aw, rw, anchor = facts
        if cw is not None:
            cc, w = cw
            country_weight[cc] = country_weight.get(cc, 0) + w
            own_weight[(key, cc)] = own_weight.get((key, cc), 0) + w
        if aw is not None:
            admin_weight[aw] = admin_weight.get(aw, 0) + 1.0
        if rw is not None:
            reg, w = rw
            region_weight[reg] = region_weight.get(reg, 0) + w
            own_region[(key, reg)] = own_region.get((key, reg), 0) + w
            if anchor is not None and key not in anchored:
                anchored.add(key)  # a name's anchor is the same at every mention: once is enough for a nearest
                anchors.append(anchor + (key,))
    for okey in set(tokens.org_keys):
        # a state named inside an organisation's name ("the Georgia Bureau of Investigation", "Kansas State
        # University") is no mention, but it is region context for the article's towns
        states = {(recs[idx].country_code, recs[idx].admin1) for idx, p in _candidates(gaz, okey, memo, scores)[0]
                  if p and recs[idx].kind == "admin1" and recs[idx].admin1}
        if len(states) == 1:
            reg = states.pop()
            region_weight[reg] = region_weight.get(reg, 0) + ORG_REGION_WEIGHT
    for reg, rkey in (late_regions or {}).items():
        region_weight[reg] = region_weight.get(reg, 0) + 1.0
        own_region[(rkey, reg)] = own_region.get((rkey, reg), 0) + 1.0
    for ccs, adm, by, _ in quals:
        for c in ccs:
            country_weight[c] = country_weight.get(c, 0) + 2.0
        for a in adm:
            admin_weight[a] = admin_weight.get(a, 0) + 1.0
            country_weight[a[0]] = country_weight.get(a[0], 0) + 1.0
        # the evidence a qualifier gives is its own: "Atlanta, Georgia" is no sign of the country Georgia
        # that could outweigh the state for "Georgia" itself
        for qkey in by:
            for c in ccs:
                own_weight[(qkey, c)] = own_weight.get((qkey, c), 0) + 2.0
            for a in adm:
                own_weight[(qkey, a[0])] = own_weight.get((qkey, a[0]), 0) + 1.0

    # "Hpakant township", "the town of X": a name the text itself marks as a place may be an alternate name of
    # a small place (left out above as mostly noise), when that place lies in a country the article names
    # ("Riyadh, a small town west of Hawija" in a story on Iraq: beside the bearers abroad of its own name)
    for mi, m in enumerate(raw):
        abroad = m["hint"] in ("town", "village") and not any(
            country_weight.get(recs[idx].country_code, 0) - own_weight.get((m["key"], recs[idx].country_code), 0) > 0
            for idx, _ in cands[mi][0])
        if cands[mi][0] and not abroad or m["key"] not in gaz.index:
            continue
        had = {idx for idx, _ in cands[mi][0]}
        if m["hint"]:
            # beside bearers abroad, a country the article names lends the alternate name to a place the text calls
            # a town or a village ("Riyadh, a village"); to a generic after the name only if named twice
            least = LOCAL_WEIGHT if had and not m.get("told_small") else 2.0
            alt = [(code >> 1, False) for code in gaz.index[m["key"]]
                   if recs[code >> 1].country_code and country_weight.get(recs[code >> 1].country_code, 0) >= least
                   and code >> 1 not in had]
        else:
            alt = _placed_alternates(tokens, m, quals[mi], gaz.index[m["key"]], recs, country_weight)
        if alt:
            alt = alt[:12]
            cands[mi] = (cands[mi][0] + tuple(alt), cands[mi][1] + tuple(_base_score(recs[c[0]], False) for c in alt))

    hints = _discourse_hints(raw, cands, recs)
    local_keys = {m["key"] for m in raw if _local_role(tokens, m)}

    near_memo: dict[tuple, float | None] = {}

    def nearest(idx, key, lat, lon):
        """Distance from a candidate to the closest anchor of another name, when under 400 km."""
        got = near_memo.get((idx, key), False)
        if got is not False:
            return got
        best = None
        cos1 = None
        for alat, alon, acos, akey in anchors:
            if akey != key and -_NEAR_LAT <= alat - lat <= _NEAR_LAT:
                # km(lat, lon, alat, alon), with the cosines computed once
                if cos1 is None:
                    cos1 = math.cos(lat * _RAD)
                h = math.sin((alat - lat) * _RAD / 2) ** 2 + cos1 * acos * math.sin((alon - lon) * _RAD / 2) ** 2
                d = 12742 * math.asin(min(1.0, math.sqrt(h)))
                if best is None or d < best:
                    best = d
        near_memo[(idx, key)] = best
        return best

    # one place per name in an article: a bare name takes the qualifier the article gives it elsewhere
    # ("PALESTINE, Texas" ... "in Palestine"), when some bearer of the name lies inside that qualifier
    given: dict[str, tuple] = {}
    for m, (cs, _), (qcc, qadm, _, _) in zip(raw, cands, quals):
        if (qcc or qadm) and m["key"] not in given and any(
                recs[idx].country_code in qcc or (recs[idx].country_code, recs[idx].admin1) in qadm
                for idx, _ in cs):
            given[m["key"]] = (qcc, qadm)
    if given:
        quals = [q if q[0] or q[1] or m["key"] not in given else given[m["key"]] + (q[2], q[3])
                 for m, q in zip(raw, quals)]

    colocated = _colocated(raw, cands, recs, points_memo)
    strong_country = any(w >= LOCAL_WEIGHT for w in country_weight.values())
    chosen: dict[tuple, tuple] = {}  # (key, hint, qualifiers) -> (record index, confidence)
    out = []
    out_keys = []  # (key, candidates) of each mention of out
    for mi, (m, (cs, base), (qcc, qadm, _, areas)) in enumerate(zip(raw, cands, quals)):
        if not cs:
            district = _district_of(gaz, m.get("area_key"), country_weight)
            if district is not None:
                # a town the gazetteer lacks, placed at the district named after it
                r = recs[district]
                out.append({
                    "start": m["start"], "end": m["end"], "surface": tokens.text[m["start"]:m["end"]],
                    "name": r.name, "kind": r.kind, "country_code": r.country_code, "admin1": r.admin1,
                    "lat": r.lat, "lon": r.lon, "place_id": r.id, "population": r.population,
                    "confidence": 0.4, "source": r.source,
                })
                out_keys.append((m["key"], ()))
            continue
        key = m["key"]
        hint = hints.get(mi, m["hint"]) if hints else m["hint"]
        memo_key = (key, hint, frozenset(qcc) if qcc else _NO_CODES, frozenset(qadm) if qadm else _NO_CODES)
        pick = chosen.get(memo_key)
        if pick is None and areas and _outside_its_qualifier(cs, qcc, qadm, recs):
            # "an outpost in Chora, Uruzgan": a town the gazetteer lacks inside the region named after it is
            # placed at that region (its kind tells the precision), never at a namesake abroad
            area = max(areas, key=lambda a: (recs[a].kind == "admin1", country_weight.get(recs[a].country_code, 0)))
            pick = chosen[memo_key] = (area, 0.5)
        if pick is None:
            if hint == "village":
                # "the village of X": a village the gazetteer lacks must not become a namesake in a country
                # the article gives no sign of
                keep = [t for t in zip(cs, base) if recs[t[0][0]].country_code
                        and country_weight.get(recs[t[0][0]].country_code, 0) - own_weight.get((key, recs[t[0][0]].country_code), 0) > 0]
                if not keep:
                    chosen[memo_key] = None
                    continue
                cs2, base2 = tuple(t[0] for t in keep), tuple(t[1] for t in keep)
            elif hint == "town" and strong_country and not any(
                    recs[idx].capital or recs[idx].population >= 1_000_000
                    or country_weight.get(recs[idx].country_code, 0) - own_weight.get((key, recs[idx].country_code), 0) > 0
                    for idx, _ in cs):
                # "the town of X" in an article about one country, where no X lies in a country the article
                # gives a sign of: the town is one the gazetteer lacks, not a namesake abroad
                chosen[memo_key] = None
                continue
            elif hint is None and strong_country and not qcc and not qadm and all(
                    recs[idx].kind in ("town", "admin2")
                    and country_weight.get(recs[idx].country_code, 0) - own_weight.get((key, recs[idx].country_code), 0) <= 0
                    and nearest(idx, key, recs[idx].lat, recs[idx].lon) is None
                    for idx, _ in cs):
                # a bare name in an article about one country whose only bearers are small towns far from
                # every place the article names, in countries it gives no sign of: a name that is no place
                # here (a surname, a bridge, a word), or a place the gazetteer lacks
                chosen[memo_key] = None
                continue
            else:
                cs2, base2 = cs, base
            pick = chosen[memo_key] = _choose(m, cs2, base2, qcc, qadm, recs, country_weight, own_weight,
                                              admin_weight, anchors, nearest, hint,
                                              (region_weight, own_region), colocated, key in local_keys,
                                              facts_memo)
        if pick is None or _alias_not_place(tokens, m, pick[0], cs, recs, country_weight, own_weight):
            continue
        idx, conf = pick
        r = recs[idx]
        surface = tokens.text[m["start"]:m["end"]]
        out.append({
            "start": m["start"], "end": m["end"], "surface": surface, "name": r.name, "kind": r.kind,
            "country_code": r.country_code, "admin1": r.admin1, "lat": r.lat, "lon": r.lon, "place_id": r.id,
            "population": r.population, "confidence": conf, "source": r.source,
        })
        out_keys.append((key, cs))
    if late_regions is None:
        late = {(d["country_code"], d["admin1"]): k for d, (k, _) in zip(out, out_keys)
                if d["kind"] == "admin1" and d["admin1"] and (d["country_code"], d["admin1"]) not in region_weight}
        if late and any(len(cs) > 1 and any((recs[idx].country_code, recs[idx].admin1) in late
                                            and late[(recs[idx].country_code, recs[idx].admin1)] != m["key"]
                                            for idx, _ in cs) for m, (cs, _) in zip(raw, cands)):
            return resolve(tokens, raw, gaz, late)  # only when another name has a bearer in that state
    def support(key, cc, admin1):
        """The signs other names give of a country and of a region: (country's, region's)."""
        reg = (cc, admin1)
        return (country_weight.get(cc, 0) - own_weight.get((key, cc), 0),
                region_weight.get(reg, 0) - own_region.get((key, reg), 0) if admin1 else 0)

    out = _nearest_namesakes(out, out_keys, recs, support)
    return _short_country_names(_listed_alike(tokens.text, out, out_keys, recs))


_LIST_GAP = re.compile(r",? (?:and|or) |, ")
_LIST_KINDS = ("country", "admin1")


def _listed_alike(text: str, out: list[dict], out_keys: list[tuple], recs) -> list[dict]:
    """In a list of three or more names most of which are countries (or states of one country), a name with
    a bearer of that kind is that one ("Benin, Ghana, Guinea, Niger, and Senegal": the country, not
    Nigeria's Niger state; "Georgia, Oklahoma, Pennsylvania": the state, not a town in Pennsylvania)."""
    if len(out) < 3 or len(out_keys) != len(out):
        return out
    runs, run = [], [0]
    for k in range(1, len(out)):
        if _LIST_GAP.fullmatch(text[out[k - 1]["end"]:out[k]["start"]]):
            run.append(k)
        else:
            runs.append(run)
            run = [k]
    runs.append(run)
    for run in runs:
        if len(run) < 3:
            continue
        kinds = [(out[k]["kind"], out[k]["country_code"] if out[k]["kind"] == "admin1" else None) for k in run]
        kind, cc = max(set(kinds), key=kinds.count)
        if kind not in _LIST_KINDS or kinds.count((kind, cc)) * 2 < len(run):
            continue
        for k, have in zip(run, kinds):
            if have == (kind, cc) or kind == "admin1" and have[0] not in ("town", "admin2"):
                continue  # (a city among provinces stays a city: "Kabul, Kandahar and Herat")
            alike = [idx for idx, primary in out_keys[k][1] if primary and recs[idx].kind == kind
                     and (cc is None or recs[idx].country_code == cc)]
            if len(alike) == 1:
                r = recs[alike[0]]
                out[k].update(name=r.name, kind=r.kind, country_code=r.country_code, admin1=r.admin1, lat=r.lat,
                              lon=r.lon, place_id=r.id, population=r.population, source=r.source)
    return out


_LOCATIVES = frozenset(("in", "at", "near", "outside", "around"))
NAMESAKE_NEAR_KM = 60.0  # a namesake this close to another place the article names ...
NAMESAKE_FAR_KM = 250.0  # ... beats the chosen bearer when that lies this far from every one of them


def _nearest_namesakes(out: list[dict], out_keys: list[tuple], recs, support) -> list[dict]:
    """A town, city or county whose chosen bearer lies far from every other settlement the article names,
    while a namesake lies right beside one of them ("Paris" beside "Murray": Paris, Tennessee, not
    Paris, France): that namesake, for every mention of the name. Not when the chosen bearer's region or
    country has more signs in the article than the namesake's (``support(key, cc, admin1)``: the
    neighbour may be a namesake chosen wrongly itself)."""
    points = [(d["lat"], d["lon"], k, math.cos(d["lat"] * _RAD)) for d, (k, _) in zip(out, out_keys)
              if d["kind"] in _COLOCATING]  # (each point's cosine once, not once a namesake)
    if not points:
        return out
    switched: dict[str, int | None] = {}

    def gap(lat, lon, key):
        cos1 = math.cos(lat * _RAD)
        best = None
        for plat, plon, pkey, pcos in points:
            if pkey == key or abs(plat - lat) > 4.0:
                continue
            h = math.sin((plat - lat) * _RAD / 2) ** 2 + cos1 * pcos * math.sin(
                (plon - lon) * _RAD / 2) ** 2
            d = 12742 * math.asin(min(1.0, math.sqrt(h)))
            if best is None or d < best:
                best = d
        return best

    for d, (key, cs) in zip(out, out_keys):
        # a region or a country abroad gives way only to a namesake in another country ("Berea" beside
        # "Richmond": the Kentucky town, not Lesotho's district; but "Washington" the state stays the state)
        abroad = d["kind"] in ("admin1", "country")
        if d["kind"] not in _COLOCATING and not abroad or len(cs) < 2:
            continue
        if key not in switched:
            switched[key] = None
            cur = gap(d["lat"], d["lon"], key)
            here = support(key, d["country_code"], d["admin1"])
            if cur is None or cur > NAMESAKE_FAR_KM:
                best = None
                for idx, primary in cs:
                    r = recs[idx]
                    if not primary or r.kind not in _COLOCATING or r.id == d["place_id"] \
                            or abroad and r.country_code == d["country_code"]:
                        continue
                    g = gap(r.lat, r.lon, key)
                    if g is not None and g <= NAMESAKE_NEAR_KM and (best is None or g < best[0]) \
                            and support(key, r.country_code, r.admin1) >= here:
                        best = (g, idx)
                if best:
                    switched[key] = best[1]
        idx = switched[key]
        if idx is not None:
            r = recs[idx]
            d.update({"name": r.name, "kind": r.kind, "country_code": r.country_code, "admin1": r.admin1,
                      "lat": r.lat, "lon": r.lon, "place_id": r.id, "population": r.population,
                      "source": r.source})
    return out


def _placed_alternates(tokens: Tokens, m, qual, codes, recs, country_weight) -> list:
    """Small settlements a bare name is only an alternate spelling of ("Galkayo" for Gaalkacyo) that the text
    places for it: inside the region or country named right after it ("Galkayo, Mudug region"), or, after
    "in", "at", "near" or "outside", in a country the article names at least twice."""
    qcc, qadm = qual[0], qual[1]
    i = m["i"]
    located = i > 0 and tokens.keys[i - 1] in _LOCATIVES and not tokens.caps[i - 1]
    out = []
    for code in codes:
        r = recs[code >> 1]
        if r.kind not in SETTLEMENTS or not r.country_code:
            continue
        if r.country_code in qcc or (r.country_code, r.admin1) in qadm or \
                located and not qcc and not qadm and country_weight.get(r.country_code, 0) >= LOCAL_WEIGHT:
            out.append((code >> 1, False))
    return out


def _alias_not_place(tokens: Tokens, m, idx, cs, recs, country_weight, own_weight) -> bool:
    """Whether a settlement reached only through another of its names is no place here: a name after a
    lower-case "the" ("the White House" is no Casablanca), or a name no bearer of which has its own name
    and lies in a country the article gives a sign of ("Hamas said" is no Hamm); not a short form of the
    place's own name. A small town's name before "administration" is a leader's ("the Obama administration")."""
    r = recs[idx]
    j = m["j"] + 1
    if j < len(tokens.keys) and tokens.keys[j] in REGIME_WORDS and tokens.gaps[j] == " " and not m["hint"] \
            and r.kind in SETTLEMENTS and not r.capital and r.population < 100_000 and r.source != "curated":
        return True  # "the Obama administration": a leader's name, not a small town's
    if r.kind not in SETTLEMENTS or r.source == "curated" or m["hint"] or dict(cs).get(idx, True):
        return False  # (a name the text marks as a place is one: "the Khormaksar district")
    if gazetteer.normalize_key(r.name).split(" ", 1)[0] == m["key"].split(" ", 1)[0]:
        return False  # a short form of the place's own name ("Marawi" for Marawi City)
    i = m["i"]
    if i > 0 and tokens.keys[i - 1] == "the" and (not tokens.caps[i - 1] or i == 1 or _sentence_gap(tokens.gaps[i - 1])):
        return True  # "the White House", "The White House said" at a sentence's start
    return r.population < 1_000_000 and not any(
        p or country_weight.get(recs[c].country_code, 0) - own_weight.get((m["key"], recs[c].country_code), 0) > 0
        for c, p in cs)


def _sentence_gap(gap: str) -> bool:
    """Whether the text between two words ends a sentence or a line ("He left. The ...")."""
    return "\n" in gap or gap.rstrip()[-1:] in (".", "!", "?", "\"", "”", ":")


def _outside_its_qualifier(cs, qcc, qadm, recs) -> bool:
    """Whether a settlement's name has no bearer at all in the country its qualifier names (and no bearer so
    well known, a capital or a city of a million, that the qualifier is more likely the next item of a list)."""
    wanted = set(qcc) | {a[0] for a in qadm}
    for idx, _ in cs:
        r = recs[idx]
        if r.kind not in SETTLEMENTS and r.kind != "admin2" or r.country_code in wanted or r.capital \
                or r.population >= 1_000_000:
            return False
    return True


_COPY = ("name", "kind", "country_code", "admin1", "lat", "lon", "place_id", "population", "source")


def _short_country_names(out: list[dict]) -> list[dict]:
    """"Congo" in an article that also says "Democratic Republic of Congo": the country of the full name.

    A one-word country name that is the last word of a longer country name the same article uses, for
    another country, takes that country (the headline's short name included), unless it is the own name of
    the country it resolved to ("Sudan" beside "South Sudan")."""
    full = {}
    for d in out:
        if d["kind"] == "country" and " " in d["surface"]:
            full.setdefault(d["surface"].rsplit(" ", 1)[1].lower(), d)
    if not full:
        return out
    for d in out:
        if d["kind"] == "country" and " " not in d["surface"]:
            f = full.get(d["surface"].lower())
            if f is not None and f["country_code"] != d["country_code"] \
                    and gazetteer.normalize_key(d["name"]) != gazetteer.normalize_key(d["surface"]):
                d.update({k: f[k] for k in _COPY})
    return out


def _discourse_hints(raw, cands, recs) -> dict[int, str]:
    """Hints a bare name takes from the rest of the article: mention index -> hint.

    A dateline names a city. A name the article also gives with a regional generic ("Kirkuk province",
    "Kaduna state") is, bare, the same-named city of that region when there is one ("Kirkuk"), else the
    region itself ("Sulu province" ... "Sulu")."""
    out = {}
    regional = {}
    for m, (cs, _) in zip(raw, cands):
        if m["hint"] in ("admin1", "admin2") and cs:
            regional.setdefault(m["key"].rsplit(" ", 1)[0] if m["key"].endswith(
                (" province", " state", " region", " district", " county", " governorate", " department", " township"))
                else m["key"], (m["hint"], [recs[idx] for idx, _ in cs if recs[idx].kind == m["hint"]]))
    for mi, (m, (cs, _)) in enumerate(zip(raw, cands)):
        if m["hint"] is not None or not cs:
            continue
        if m.get("dateline"):
            if any(recs[idx].kind in SETTLEMENTS for idx, _ in cs):
                out[mi] = "seat"
            continue
        reg = regional.get(m["key"])
        if reg is None:
            continue
        hint, regions = reg
        # a primary-named city or town inside one of the regions the name with its generic may be
        if any(p and recs[idx].kind in SETTLEMENTS and any(
                r.country_code == recs[idx].country_code and r.admin1 == recs[idx].admin1 for r in regions) for idx, p in cs):
            out[mi] = "seat"
        else:
            out[mi] = hint
    return out


def _colocating_points(key: str, cs: tuple, recs) -> list:
    """The primary-named towns, cities and counties among a name's candidates, once each:
    [(half-degree cell, (idx, key, lat, lon)), ...]."""
    out, seen = [], set()
    for idx, primary in cs:
        r = recs[idx]
        if not primary or r.kind not in _COLOCATING or idx in seen:
            continue
        seen.add(idx)
        out.append(((int(r.lat // 0.5), int(r.lon // 0.5)), (idx, key, r.lat, r.lon)))
    return out


def _colocated(raw, cands, recs, memo: dict | None = None) -> set[int]:
    """The candidate towns, cities and counties that lie within COLOCATED_KM of a candidate of another name
    the article uses ("Dublin" and "Columbus": the Ohio pair, 15 km apart, not Ireland's capital).

    ``memo`` (key -> its points) may be kept across articles of one gazetteer: the primary-named candidates
    of a key are always the same (added alternates are never primary)."""
    cells: dict[tuple, list] = {}
    seen = set()
    for m, (cs, _) in zip(raw, cands):
        key = m["key"]
        if key in seen:
            continue
        seen.add(key)
        points = memo.get(key) if memo is not None else None
        if points is None:
            points = _colocating_points(key, cs, recs)
            if memo is not None and len(memo) < 100_000:
                memo[key] = points
        for cell, point in points:
            cells.setdefault(cell, []).append(point)
    if len(cells) < 2 and sum(len(v) for v in cells.values()) < 2:
        return set()
    out = set()
    get = cells.get
    for (ci, cj), members in cells.items():
        # the points of the cell and of its eight neighbours (one list display: no loops in Python)
        west, east, south, north = ci - 1, ci + 1, cj - 1, cj + 1
        near = [*get((west, south), ()), *get((west, cj), ()), *get((west, north), ()),
                *get((ci, south), ()), *members, *get((ci, north), ()),
                *get((east, south), ()), *get((east, cj), ()), *get((east, north), ())]
        for idx, key, lat, lon in members:
            if idx in out:
                continue
            for idx2, key2, lat2, lon2 in near:
                if key2 != key and idx2 != idx and geo.km(lat, lon, lat2, lon2) <= COLOCATED_KM:
                    out.add(idx)
                    break
    return out


_COLOCATING = ("city", "town", "admin2")
COLOCATED_KM = 50.0
REGION_OVER_COUNTRY = 1.0
ORG_REGION_WEIGHT = 1.0  # a state named inside an organisation's name, as region context
LOCAL_ROLE_BONUS = 6.0  # a town of a country the article gives a sign of, for a name used as a town's own  # the times other names must name a town's state before it beats a same-named country
PAIRED_BONUS = 4.0  # on top of COLOCATED_BONUS, for a pair in a country the article gives a sign of
COLOCATED_BONUS = 4.0  # a bearer near a bearer of another name of the article: the pair that fits


def _city_body(tokens: Tokens, m, gaz) -> dict:
    """"Dublin City Council", "Paris City Manager": the council of the town named before "City", whichever
    town that is, not the place whose alternate name is "Dublin City"; the mention is keyed by the bare name."""
    key, j = m["key"], m["j"]
    if key.endswith(" city") and j + 1 < len(tokens.keys) and tokens.keys[j + 1] in CITY_BODIES \
            and tokens.gaps[j + 1] == " " and key[:-5] in gaz.index:
        return dict(m, key=key[:-5], city_body=True)
    return m


def _local_role(tokens: Tokens, m) -> bool:
    """Whether the text uses a name as a town's own: its force, council or people ("Paris Police Department",
    "Dublin City Council", "a Lebanon woman"), a person's home ("Jessica Kay, 18, of Paris", "Galen Miller of
    Palestine") or an address's town ("420 Augusta St., Alexandria")."""
    keys, caps, gaps = tokens.keys, tokens.caps, tokens.gaps
    i, j, n = m["i"], m["j"], len(tokens.keys)
    if m.get("city_body"):
        return True
    if j + 1 < n and gaps[j + 1] == " ":
        after = keys[j + 1]
        if after in LOCAL_ROLE_AFTER or after == "city" and j + 2 < n and keys[j + 2] in CITY_BODIES:
            return True
    if i >= 1 and keys[i - 1] in STREET_WORDS and caps[i - 1] and gaps[i] in (", ", "., "):
        return True
    if i >= 1 and gaps[i] == "-" and keys[i - 1] in PARTY_LETTERS and caps[i - 1]:
        return True  # a legislator's home: "Hugh Leatherman, R-Florence"
    if i >= 2 and keys[i - 1] == "of" and not caps[i - 1]:
        before = keys[i - 2]
        if before.isdigit() and gaps[i - 1] == ", " and len(before) <= 3:
            return True  # "Jessica Kay, 18, of Paris"
        if before == "also" or before == "city" and i >= 3 and keys[i - 3] == "the":
            return True  # "also of Paris", "the City of Paris"
        if i >= 3 and caps[i - 2] and caps[i - 3] and keys[i - 3] in GIVEN_NAMES and gaps[i - 2] == " ":
            return True  # "Galen Miller of Palestine"
    return False


_SETTLED = SETTLEMENTS + ("admin2",)


def _candidate_facts(cs: tuple, recs) -> tuple:
    """What a candidate list says whatever the article: (its records, the country codes of its countries,
    whether a bearer's own name is a state's, whether one is a country's)."""
    rs = tuple(recs[idx] for idx, _ in cs)
    country_names = [r.country_code for r in rs if r.kind == "country"]
    state_name = any(p and r.kind == "admin1" for (_, p), r in zip(cs, rs))
    country_name = any(p and r.kind == "country" for (_, p), r in zip(cs, rs))
    return rs, country_names, state_name, country_name


def _choose(m, cs, base, qcc, qadm, recs, country_weight, own_weight, admin_weight, anchors, nearest,
            hint=None, regions=({}, {}), colocated=frozenset(), local_role=False, facts_memo=None):
    """Score the candidates of one mention in the article's context: (record index, confidence).

    ``facts_memo`` (candidate list -> _candidate_facts) may be kept across articles of one gazetteer."""
    key = m["key"]
    hint_kinds = HINT_KINDS.get(hint, ()) if hint else ()
    scored = []
    facts = facts_memo.get(cs) if facts_memo is not None else None
    if facts is None:
        facts = _candidate_facts(cs, recs)
        if facts_memo is not None and len(facts_memo) < 100_000:
            facts_memo[cs] = facts
    rs, country_names, state_name, country_name = facts
    pairs = tuple(zip(cs, rs))
    # a town of a country the article names several times: its namesakes in countries the article gives no
    # sign of weigh less, unless they are capitals or large cities
    local = len(cs) > 1 and any(
        p and r.kind in SETTLEMENTS and r.country_code
        and country_weight.get(r.country_code, 0) - own_weight.get((key, r.country_code), 0) >= LOCAL_WEIGHT
        for (_, p), r in pairs)
    region_weight, own_region = regions
    # a name that is itself a state's ("Washington, Oregon"): a list of states, not a town in the second one

    def named_region(r):
        """How often the article names the state or province of a place, by names other than this one."""
        reg = (r.country_code, r.admin1)
        return region_weight.get(reg, 0) - own_region.get((key, reg), 0) if region_weight and r.admin1 else 0

    def supported(cc):
        return bool(cc) and country_weight.get(cc, 0) - own_weight.get((key, cc), 0) > 0

    # a town of a region the article names ("Louisiana" ... "Alexandria"): its namesakes elsewhere weigh less
    # (not for a name that is itself a state's or a country's: "California, Oregon and Washington")
    regional = len(cs) > 1 and any(p and r.kind in _SETTLED and named_region(r) > 0 for (_, p), r in pairs) \
        and not state_name \
        and not any(p and r.kind == "country" and (supported(r.country_code) or not any(
            p2 and r2.kind in SETTLEMENTS and named_region(r2) >= REGION_OVER_COUNTRY for (_, p2), r2 in pairs))
            for (_, p), r in pairs)

    # a bearer beside a bearer of another name the article uses, in a country the article gives a sign of
    # ("Paris and Henry County": the Tennessee pair): its namesakes in countries with no sign weigh less
    paired = len(cs) > 1 and not regional and not state_name and any(
        p and idx in colocated and supported(r.country_code) for (idx, p), r in pairs) \
        and not country_name \
        and not all(supported(r.country_code) for r in rs)
    # a name the text uses as a town's own ("Paris Police Department", "Jessica Kay, 18, of Paris"), with a
    # bearer in a country the article gives a sign of by other names: that town, not a capital abroad
    # (for a state's own name, the state: "Indiana residents" are the state's, not a town Indiana's)
    home_kinds = ("admin1",) if state_name else SETTLEMENTS
    homely = local_role and len(cs) > 1 and any(
        p and r.kind in home_kinds and supported(r.country_code) for (_, p), r in pairs)
    for ((idx, primary), r), s in zip(pairs, base):
        kind = r.kind
        if homely:
            if not supported(r.country_code):
                s -= FOREIGN_NAMESAKE
            elif kind in home_kinds and primary:
                s += LOCAL_ROLE_BONUS
        if paired and kind in _SETTLED:
            if idx in colocated and supported(r.country_code):
                s += PAIRED_BONUS
            elif not supported(r.country_code):
                s -= FOREIGN_NAMESAKE
        if regional and kind in _SETTLED:
            if named_region(r) > 0:
                s += min(REGION_CAP, 6.0 + 2.0 * named_region(r))
            elif r.country_code and country_weight.get(r.country_code, 0) - own_weight.get((key, r.country_code), 0) <= 0:
                # "Paris" in a Tennessee story that names nothing French: however large, the namesake abroad
                # is no sign the article gives
                s -= FOREIGN_NAMESAKE
        if len(cs) > 1 and not hint and idx in colocated:
            s += COLOCATED_BONUS
        if hint == "seat":  # a dateline, or a bare name beside "<name> province": the city or town
            if kind in hint_kinds:
                s += 9.0
        elif hint:
            if kind in hint_kinds:
                s += 6.0 if kind == hint_kinds[0] else 3.0
            elif kind == "country":
                s -= 4.0
            if m.get("told_small") and kind == "city" and (r.capital or r.population >= 1_000_000):
                s -= SMALL_PLACE_PENALTY  # "Riyadh, a small town west of Hawija" is no capital of millions
        if qcc and r.country_code in qcc:
            s += 8.0
        if qadm and (r.country_code, r.admin1) in qadm:
            s += 8.0
            if kind in SETTLEMENTS and not state_name and (not hint or kind in hint_kinds):
                s += 12.0  # "Palestine, Texas", "Lebanon, Pennsylvania": the town of that state, not the country
        if kind == "country":
            w = country_weight.get(r.country_code, 0)
            if len(country_names) > 1 or regional:
                # "Congo" after "Democratic Republic of Congo", "Palestine" in a story on Texas towns: only the
                # evidence of other names decides, not how often the name itself is repeated
                w -= own_weight.get((key, r.country_code), 0)
            s += min(5.0, 2.5 * w)
        elif kind != "other" and r.country_code:
            w = country_weight.get(r.country_code, 0) - own_weight.get((key, r.country_code), 0)
            s += min(5.0, 2.5 * w)
            if local and w <= 0 and kind in ("city", "town", "admin2") and (
                    not primary or not r.capital and r.population < 1_000_000):
                # a namesake abroad; an alternate name ("Garden City" for Singapore) however large its bearer
                s -= FOREIGN_NAMESAKE
            if kind == "admin1" and w >= 2 and country_names:
                # "Georgia" in an article about the United States: a region of the country the
                # article is about beats a same-named country the article gives no other sign of
                other = [c for c in country_names if c != r.country_code]
                if other and all(country_weight.get(c, 0) - own_weight.get((key, c), 0) <= 0
                                 for c in other):
                    s += 10.0
            aw = admin_weight.get((r.country_code, r.admin1), 0)
            if aw:
                s += min(3.0, 1.5 * aw)
            if len(cs) > 1 and anchors:
                near = nearest(idx, key, r.lat, r.lon)
                if near is not None and near < 400:
                    s += 2.0 * (1 - near / 400)
        scored.append((s, idx))
    scored.sort(reverse=True)
    s1, idx = scored[0]
    margin = s1 - scored[1][0] if len(scored) > 1 else 6.0
    conf = 1 / (1 + math.exp(-(margin - 1.0) / 1.5))
    if not dict(cs)[idx]:
        conf *= 0.85
    return idx, round(0.3 + 0.69 * conf, 3)


# ----------------------------------------------------------------------------------------- bare names

CITY_NEAR_KM = 100.0  # "Saddar, Karachi": places within this distance of the qualifying city


def query_order(place: dict) -> tuple:
    """Sort key among the places a bare query names: kind (geo.query_rank), own names before alternate
    names, then population."""
    return (geo.query_rank(place.get("kind"), bool(place.get("capital"))),
            0 if place.get("primary_name", True) else 1, -(place.get("population") or 0))


def places_named(query: str, gaz=None, country_codes=None) -> list[dict]:
    """The places a bare query names, best first, with no text around it.

    Qualifiers after commas narrow it ("Hyderabad, Pakistan", "Hyderabad, Sindh", "Hyderabad, PK",
    "Saddar, Karachi"): one naming a known country, first-level region or city must match, one naming
    nothing known is ignored; a query that is itself a name with a comma ("Washington, D.C.") is that name.
    ``country_codes`` (a code or a list of ISO alpha-2 codes) keeps only places in those countries.
    ``gaz`` is any object with ``candidates(name) -> list[dict]`` (default: the gazetteer).
    """
    query = " ".join(str(query or "").split())
    if not query:
        return []
    gaz = gaz or gazetteer.load()
    parts = [p.strip() for p in query.split(",") if p.strip()]
    found = list(gaz.candidates(query)) if len(parts) > 1 else []
    if found:
        qualifiers = []
    else:
        found = list(gaz.candidates(parts[0])) if parts else []
        qualifiers = parts[1:]
    for qualifier in qualifiers:
        found = _qualified(found, qualifier, gaz)
    if country_codes:
        if isinstance(country_codes, str):
            country_codes = [country_codes]
        wanted = {c.upper() for c in country_codes}
        found = [p for p in found if (p.get("country_code") or "").upper() in wanted]
    found = [p for p in found if p.get("lat") is not None and p.get("lon") is not None]
    unique = {}
    for place in sorted(found, key=query_order):
        unique.setdefault(place["id"], place)
    return list(unique.values())


def _qualified(found: list[dict], qualifier: str, gaz) -> list[dict]:
    """The places of ``found`` inside what the qualifier names (all of them when it names nothing known)."""
    if re.fullmatch(r"[A-Za-z]{2}", qualifier) and qualifier.isupper():
        return [p for p in found if (p.get("country_code") or "").upper() == qualifier]
    areas = gaz.candidates(qualifier)
    if not areas:
        return found
    return [place for place in found if any(_inside(place, area) for area in areas)]


def _inside(place: dict, area: dict) -> bool:
    """A country or first-level region contains its places; a city those of its country within CITY_NEAR_KM."""
    if place.get("id") == area.get("id"):
        return False
    kind = area.get("kind")
    same_country = bool(place.get("country_code")) and place.get("country_code") == area.get("country_code")
    if kind == "country":
        return same_country
    if kind == "admin1":
        return same_country and bool(area.get("admin1")) and place.get("admin1") == area.get("admin1")
    if area.get("lat") is None or place.get("lat") is None:
        return False
    return same_country and geo.km(place["lat"], place["lon"], area["lat"], area["lon"]) <= CITY_NEAR_KM
