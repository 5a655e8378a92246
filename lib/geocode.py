"""Resolution (toponym disambiguation): choose one gazetteer place for each recognised mention.

Evidence, strongest first: an explicit qualifier in the text ("Hyderabad, Sindh", "Hainan province",
"China's Hainan"), the countries the article names, nearness to the other places it names, then the kind
of place (country > region > capital > admin1 > city > admin2 > town) and its population. A name that
is a place's own name counts more than one that is only an alternate name.
"""
from __future__ import annotations

import math

from lib import gazetteer
from lib.gazetteer import ADMIN1, CAPITAL, CC, ID, KIND, LAT, LON, NAME, POP, SOURCE

KIND_PRIOR = {"country": 14.0, "other": 8.0, "admin1": 6.0, "city": 3.0, "admin2": 2.5, "town": 1.0,
              "poi": 4.0}
HINT_KINDS = {"admin1": ("admin1", "admin2"), "admin2": ("admin2", "admin1"), "city": ("city", "town"),
              "town": ("town", "city")}


def km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    h = math.sin((lat2 - lat1) * p / 2) ** 2 + \
        math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def _base_score(rec, primary: bool) -> float:
    kind = rec[KIND]
    s = KIND_PRIOR.get(kind, 1.0)
    if kind == "city":
        s += 2.0 * (rec[POP] >= 1_000_000) + 2.0 * (rec[POP] >= 5_000_000)
    if rec[CAPITAL]:
        s += 4.0
    if rec[SOURCE] == "curated":
        s += 4.0
    s += 0.9 * math.log10(rec[POP] + 1)
    if not primary:
        s -= 2.5
    return s


def _qualifiers(ctx, m, gaz):
    """Text evidence right around a mention: (set of country codes, set of (cc, admin1) pairs)."""
    toks, keys, n = ctx.toks, ctx.keys, ctx.n
    ccs, adm = set(), set()
    j = m["j"]
    # "Hyderabad, Sindh" / "Paris, France" / "Springfield, Illinois"
    if j + 2 <= n - 1 or j + 1 <= n - 1:
        k = j + 1
        if k < n and ctx.gap(k).strip() in (",", "(") and toks[k][2][:1].isupper():
            key = keys[k]
            # longest key there
            kk, best = k, None
            while kk < n:
                if key in gaz.index:
                    best = key
                if key not in gaz.prefixes or kk + 1 >= n:
                    break
                kk += 1
                key = key + " " + keys[kk]
            if best:
                for code in gaz.index[best]:
                    r = gaz.records[code >> 1]
                    if r[KIND] == "country":
                        ccs.add(r[CC])
                    elif r[KIND] == "admin1":
                        adm.add((r[CC], r[ADMIN1]))
    # "China's Hainan", "Pakistan's Sindh province"
    i = m["i"]
    if i >= 2 and keys[i - 1] == "s" and ctx.gap(i - 1) in ("'", "’"):
        pk = keys[i - 2]
        for code in gaz.index.get(pk, ()):
            r = gaz.records[code >> 1]
            if r[KIND] == "country":
                ccs.add(r[CC])
            elif r[KIND] == "admin1":
                adm.add((r[CC], r[ADMIN1]))
    return ccs, adm


def resolve(ctx, raw: list[dict], gaz) -> list[dict]:
    """Pick a place for each raw mention and return the finished mention dicts."""
    recs = gaz.records
    cands = []
    for m in raw:
        codes = gaz.index.get(m["key"], ())
        single = " " not in m["key"]
        cs = []
        for code in codes:
            r = recs[code >> 1]
            primary = bool(code & 1)
            if not primary and r[KIND] in ("town", "admin2", "poi", "city") and r[SOURCE] != "curated" \
                    and r[POP] < (100_000 if single else 5_000):
                continue  # alternate names of small places are mostly noise ("Taliban", "Samples")
            cs.append((code >> 1, primary))
        if len(cs) > 12:  # only the best-known bearers of a common name compete
            cs.sort(key=lambda c: -_base_score(recs[c[0]], c[1]))
            cs = cs[:12]
        cands.append(cs)
    quals = [_qualifiers(ctx, m, gaz) for m in raw]

    # pass 1: context-free choice; collect the article's countries and regions
    first = []
    for m, cs in zip(raw, cands):
        best = max(cs, key=lambda c: _base_score(recs[c[0]], c[1]), default=None)
        first.append(best)
    country_weight: dict[str, float] = {}
    admin_weight: dict[tuple, float] = {}
    own_weight: dict[tuple, float] = {}  # (key, cc) -> weight that key gave to cc
    anchors = []
    for m, cs, b in zip(raw, cands, first):
        if b is None:
            continue
        r = recs[b[0]]
        kind = r[KIND]
        if kind == "country":
            country_weight[r[CC]] = country_weight.get(r[CC], 0) + 2.0
            own_weight[(m["key"], r[CC])] = own_weight.get((m["key"], r[CC]), 0) + 2.0
        elif len(cs) == 1 or kind in ("admin1",) or r[CAPITAL] or r[POP] >= 1_000_000:
            if r[CC]:
                w = 1.0 if len(cs) == 1 else 0.6
                country_weight[r[CC]] = country_weight.get(r[CC], 0) + w
                own_weight[(m["key"], r[CC])] = own_weight.get((m["key"], r[CC]), 0) + w
            if kind not in ("other", "admin1"):
                admin_weight[(r[CC], r[ADMIN1])] = admin_weight.get((r[CC], r[ADMIN1]), 0) + 1.0
            if kind not in ("other",):
                anchors.append((r[LAT], r[LON], m["key"]))
    for ccs, adm in quals:
        for c in ccs:
            country_weight[c] = country_weight.get(c, 0) + 2.0
        for a in adm:
            admin_weight[a] = admin_weight.get(a, 0) + 1.0
            country_weight[a[0]] = country_weight.get(a[0], 0) + 1.0

    out = []
    for m, cs, (qcc, qadm) in zip(raw, cands, quals):
        if not cs:
            continue
        scored = []
        country_names = [recs[idx][CC] for idx, _ in cs if recs[idx][KIND] == "country"]
        for idx, primary in cs:
            r = recs[idx]
            s = _base_score(r, primary)
            kind = r[KIND]
            if m["hint"]:
                if kind in HINT_KINDS.get(m["hint"], ()):
                    s += 6.0 if kind == HINT_KINDS[m["hint"]][0] else 3.0
                elif kind == "country":
                    s -= 4.0
            if qcc and r[CC] in qcc:
                s += 8.0
            if qadm and (r[CC], r[ADMIN1]) in qadm:
                s += 8.0
            if kind == "country":
                s += min(5.0, 2.5 * country_weight.get(r[CC], 0))
            elif kind != "other" and r[CC]:
                w = country_weight.get(r[CC], 0) - own_weight.get((m["key"], r[CC]), 0)
                s += min(5.0, 2.5 * w)
                if kind == "admin1" and w >= 2 and country_names:
                    # "Georgia" in an article about the United States: a region of the country the
                    # article is about beats a same-named country the article gives no other sign of
                    other = [c for c in country_names if c != r[CC]]
                    if other and all(country_weight.get(c, 0) - own_weight.get((m["key"], c), 0) <= 0
                                     for c in other):
                        s += 10.0
                aw = admin_weight.get((r[CC], r[ADMIN1]), 0)
                if aw:
                    s += min(3.0, 1.5 * aw)
                if len(cs) > 1 and anchors:
                    near = min((km(r[LAT], r[LON], a[0], a[1]) for a in anchors if a[2] != m["key"]),
                               default=None)
                    if near is not None and near < 400:
                        s += 2.0 * (1 - near / 400)
            scored.append((s, idx))
        scored.sort(reverse=True)
        s1, idx = scored[0]
        margin = s1 - scored[1][0] if len(scored) > 1 else 6.0
        conf = 1 / (1 + math.exp(-(margin - 1.0) / 1.5))
        r = recs[idx]
        primary = dict(cs)[idx]
        if not primary:
            conf *= 0.85
        conf = round(0.3 + 0.69 * conf, 3)
        surface = ctx.text[m["start"]:m["end"]]
        out.append({
            "start": m["start"], "end": m["end"], "surface": surface, "name": r[NAME], "kind": r[KIND],
            "country_code": r[CC], "admin1": r[ADMIN1], "lat": r[LAT], "lon": r[LON], "place_id": r[ID],
            "population": r[POP], "confidence": conf, "source": r[SOURCE],
        })
    return out


def geocode_name(name: str, country_code: str | None = None, gaz=None) -> dict | None:
    """Best place for a bare name, optionally within one country (no text context)."""
    gaz = gaz or gazetteer.load()
    cands = gaz.candidates(name)
    if country_code:
        cands = [c for c in cands if c["country_code"] == country_code] or cands
    return cands[0] if cands else None
