"""Score lib.extract.incidents on the incidents development corpus (../shared/benchmarks/incidents/) and the
project's own corpora (benchmarks/articles*/: own, blind, held-out, wire, local, summaries).

    python -m benchmarks.incidents_eval [--verbose] [--gold-places] [--dir DIR ...] [--json]

Without --dir every corpus with gold is scored (GOLD_CORPORA), one after the other, and a summary line for each is printed at the end;
--dir (repeatable) scores only the folders given. Each corpus also gets the measures of issue 9's
table (killed, injured, date and type exact, perpetrator found when named, placed within 25/50 km,
attackers_killed exact), over matched pairs and over every gold incident.

Follows the corpus README's scoring: predictions and gold incidents are matched one to one within an
article when their sentences overlap (token Jaccard >= 0.5, or one contains the other), ties broken by place
then date; precision, recall and F1 for all incidents and for the primary ones; attribute accuracies over
matched pairs; the number of incidents predicted in the two articles without incidents (13, 14).

Place mentions come from lib.extract.places.find_places; --gold-places builds them from the gold places
instead (their surface forms in the text), which separates incident extraction from place recognition.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys

from benchmarks import corpora
from benchmarks.scoring import prf, tolerance_km
from lib.extract.incidents import find_incidents
from lib.extract.places import find_places
from lib.geo import km


# Every incident corpus with gold: the shared development articles and the project's own.
GOLD_CORPORA = [corpora.INCIDENTS, corpora.ARTICLES, corpora.BLIND, corpora.HELDOUT] + [
    corpora.ROOT / "benchmarks" / f"articles_{style}" for style in ("wire", "local", "summaries", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7")]


def tokens(s: str) -> set[str]:
    return set(re.sub(r"[^\w\s]", " ", (s or "").lower()).split())


def sentences_overlap(a: str, b: str) -> bool:
    if not a or not b:
        return False
    na, nb = " ".join(sorted(tokens(a))), " ".join(sorted(tokens(b)))
    if not na or not nb:
        return False
    flat_a = " ".join(re.sub(r"[^\w\s]", " ", a.lower()).split())
    flat_b = " ".join(re.sub(r"[^\w\s]", " ", b.lower()).split())
    if flat_a in flat_b or flat_b in flat_a:
        return True
    ta, tb = tokens(a), tokens(b)
    return len(ta & tb) / len(ta | tb) >= 0.5


def gold_place(gold_doc, canonical):
    for p in gold_doc["places"]:
        if p["canonical"] == canonical:
            return p
    return None


def place_ok(pred, gold_inc, gold_doc) -> bool:
    gp = gold_place(gold_doc, gold_inc.get("place"))
    names = {(gold_inc.get("place") or "").lower()}
    kind = "city"
    approx = False
    if gp:
        names |= {s.lower() for s in gp["surface_forms"]} | {gp["canonical"].lower(), gp["name"].lower()}
        kind, approx = gp["kind"], gp.get("coord_approx", False)
    for key in ("place_surface", "name"):
        v = pred.get(key)
        if v and " ".join(v.lower().split()) in names:
            return True
    if pred.get("lat") is None or pred.get("lon") is None or gold_inc.get("lat") is None:
        return False
    return km(pred["lat"], pred["lon"], gold_inc["lat"], gold_inc["lon"]) <= tolerance_km(kind, approx)


def date_ok(pred, gold) -> bool:
    g, gp = gold.get("date"), gold.get("date_precision")
    p, pp = pred.get("date"), pred.get("date_precision")
    if g is None:
        return p is None
    if p is None:
        return False
    rank = {"year": 1, "month": 2, "day": 3}
    if rank.get(pp, 0) < rank.get(gp, 0):
        return False
    return p[: len(g)] == g


def type_ok(pred, gold) -> bool:
    return pred.get("type") == gold["type"] or pred.get("type") in gold.get("type_alternatives", [])


def norm_perp(s):
    if s is None:
        return None
    s = re.sub(r"\([^)]*\)", "", s.lower())
    s = re.sub(r"^\s*the\s+", "", s)
    return " ".join(s.split())


_NAME_WORD = r"(?:[A-Z][\w'’\-]*|of|for|the|and|al|el|de|du|la)"
_DEFINED_ACRONYM = re.compile(rf"\b([A-Z][\w'’\-]*(?:\s+{_NAME_WORD}){{0,8}})\s+\(([A-Z][A-Za-z0-9\-]{{1,9}})\)")


def defined_acronyms(text: str) -> list[tuple[str, str]]:
    """(name, acronym) pairs the text itself defines ("the Free Aceh Movement (GAM)"), normalised as norm_perp does."""
    return [(norm_perp(m.group(1)), norm_perp(m.group(2))) for m in _DEFINED_ACRONYM.finditer(text or "")]


def _same_name(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def perp_ok(pred, gold) -> bool:
    """Whether the predicted perpetrator names the gold one: one inside the other, or a name and the acronym the
    article defines for it (the text says they are one group; evaluate() puts its pairs in "defined_acronyms")."""
    acronyms = gold.get("defined_acronyms", ())
    a, b = norm_perp(pred.get("perpetrator")), norm_perp(gold.get("perpetrator"))
    if a is None or b is None:
        return a is None and b is None
    names = {a}
    for name, acronym in acronyms:
        if a == acronym or _same_name(a, name):
            names |= {name, acronym}
    return any(_same_name(n, b) for n in names)


def near(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(1, 0.1 * b)


def within_km(pred, gold, limit) -> bool:
    """Whether the predicted incident's point lies within limit km of the gold incident's point."""
    if pred.get("lat") is None or pred.get("lon") is None or gold.get("lat") is None or gold.get("lon") is None:
        return False
    return km(pred["lat"], pred["lon"], gold["lat"], gold["lon"]) <= limit


# The measures of issue 9's table: name, which gold incidents count (None: every one), the check of a pair.
MEASURES = [
    ("killed exact (victims only)", None, lambda p, g: p.get("killed") == g.get("killed")),
    ("injured exact", None, lambda p, g: p.get("injured") == g.get("injured")),
    ("incident date exact", None, lambda p, g: date_ok(p, g)),
    ("type exact", None, lambda p, g: p.get("type") == g.get("type")),
    ("perpetrator found (when named)", lambda g: g.get("perpetrator") is not None, lambda p, g: perp_ok(p, g)),
    ("placed within 25 km", lambda g: g.get("lat") is not None, lambda p, g: within_km(p, g, 25)),
    ("placed within 50 km", lambda g: g.get("lat") is not None, lambda p, g: within_km(p, g, 50)),
    ("attackers_killed exact", lambda g: "attackers_killed" in g,
     lambda p, g: p.get("attackers_killed") == g.get("attackers_killed")),
]


def measures(scored) -> dict:
    """The issue's measures over (prediction or None, gold) pairs: {name: (right, over matched, over gold)}.

    Over matched pairs is the attribute's accuracy; over gold also counts a missed incident as wrong."""
    out = {}
    for name, counts, check in MEASURES:
        golds = [(p, g) for p, g in scored if counts is None or counts(g)]
        right = sum(1 for p, g in golds if p is not None and check(p, g))
        matched = sum(1 for p, _ in golds if p is not None)
        out[name] = (right, matched, len(golds))
    return out


def print_measures(table: dict, out=print) -> None:
    """The measures table: each figure over matched pairs and over every gold incident that counts."""
    out(f"  {'measure':32} {'of matched':>16} {'of gold':>16}")
    for name, (right, matched, total) in table.items():
        a = f"{right / matched:.3f} ({right}/{matched})" if matched else "-"
        b = f"{right / total:.3f} ({right}/{total})" if total else "-"
        out(f"  {name:32} {a:>16} {b:>16}")


def match(preds, golds, gold_doc):
    """One-to-one pairs (pred_index, gold_index), greedy on overlap, then place, then date."""
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if sentences_overlap(p.get("sentence"), g["sentence"]):
                ta, tb = tokens(p.get("sentence")), tokens(g["sentence"])
                jac = len(ta & tb) / max(1, len(ta | tb))
                cands.append(((place_ok(p, g, gold_doc), date_ok(p, g), jac), i, j))
    cands.sort(key=lambda c: c[0], reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return pairs


def gold_mentions(text, gold_doc):
    """Mentions built from the gold places' surface forms (longest first, whole words, case-sensitive)."""
    forms = []
    for p in gold_doc["places"]:
        for f in p["surface_forms"]:
            forms.append((f, p))
    forms.sort(key=lambda x: -len(x[0]))
    taken, out = [], []
    for f, p in forms:
        for m in re.finditer(r"(?<![\w-])" + re.escape(f) + r"(?![\w])", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append({"start": m.start(), "end": m.end(), "surface": f, "name": p["canonical"], "kind": p["kind"],
                        "country_code": p["country"], "lat": p["lat"], "lon": p["lon"],
                        "place_id": "gold:" + p["canonical"], "confidence": 1.0})
    out.sort(key=lambda m: m["start"])
    return out


def evaluate(directory: pathlib.Path, verbose=False, use_gold_places=False, out=print) -> dict:
    """Score find_incidents on one incident-style folder; prints a report through out, returns the summary."""
    totals = {"tp": 0, "pred": 0, "gold": 0, "ptp": 0, "ppred": 0, "pgold": 0}
    attrs = {k: [] for k in ("type", "date", "place", "killed", "injured", "nationality", "perpetrator")}
    near_k, near_i, jac_nat = [], [], []
    no_incident_counts = {}
    places_source = "gold places" if use_gold_places else "lib.extract.places.find_places"
    per_article = []
    scored = []  # (prediction or None, gold) for every gold incident
    for article in corpora.incident_articles(directory):
        gold, text = article["gold"], article["text"]
        mentions = gold_mentions(text, gold) if use_gold_places else find_places(text)
        preds = find_incidents(text, mentions, gold.get("published"))
        acronyms = defined_acronyms(text)
        golds = [dict(g, defined_acronyms=acronyms) for g in gold["incidents"]]
        pairs = match(preds, golds, gold)
        tp = len(pairs)
        totals["tp"] += tp
        totals["pred"] += len(preds)
        totals["gold"] += len(golds)
        pp = [i for i, p in enumerate(preds) if p.get("primary")]
        gp = [j for j, g in enumerate(golds) if g.get("primary")]
        ptp = sum(1 for i in pp for j in gp if sentences_overlap(preds[i]["sentence"], golds[j]["sentence"]))
        ptp = min(ptp, len(pp), len(gp))
        totals["ptp"] += ptp
        totals["ppred"] += len(pp)
        totals["pgold"] += len(gp)
        stem = article["name"]
        if not golds:  # an article without incidents: every prediction is a false alarm
            no_incident_counts[stem[:2]] = len(preds)
        by_gold = {j: preds[i] for i, j in pairs}
        scored.extend((by_gold.get(j), g) for j, g in enumerate(golds))
        art_attr_ok = 0
        art_attr_n = 0
        for i, j in pairs:
            p, g = preds[i], golds[j]
            checks = {
                "type": type_ok(p, g), "date": date_ok(p, g), "place": place_ok(p, g, gold),
                "killed": p.get("killed") == g.get("killed"), "injured": p.get("injured") == g.get("injured"),
                "nationality": set(p.get("victim_nationality") or []) == set(g.get("victim_nationality") or []),
                "perpetrator": perp_ok(p, g),
            }
            for k, v in checks.items():
                attrs[k].append(v)
                art_attr_ok += v
                art_attr_n += 1
            near_k.append(near(p.get("killed"), g.get("killed")))
            near_i.append(near(p.get("injured"), g.get("injured")))
            a, b = set(p.get("victim_nationality") or []), set(g.get("victim_nationality") or [])
            jac_nat.append(1.0 if not a and not b else len(a & b) / len(a | b))
            if verbose:
                for k, v in checks.items():
                    if not v:
                        gv = {"type": g["type"], "date": (g["date"], g["date_precision"]), "place": g["place"],
                              "killed": g["killed"], "injured": g["injured"], "nationality": g["victim_nationality"],
                              "perpetrator": g["perpetrator"]}[k]
                        pv = {"type": p.get("type"), "date": (p.get("date"), p.get("date_precision")),
                              "place": (p.get("place_surface"), p.get("name")), "killed": p.get("killed"),
                              "injured": p.get("injured"), "nationality": p.get("victim_nationality"),
                              "perpetrator": p.get("perpetrator")}[k]
                        out(f"  {stem}: {k}: predicted {pv!r}, gold {gv!r}   [{g['sentence'][:60]}...]")
                if checks["type"] and p.get("type") != g["type"]:
                    # an accepted alternative: right for the attribute, wrong for the measure "type exact"
                    out(f"  {stem}: type (exact): predicted {p.get('type')!r}, gold {g['type']!r}   "
                        f"[{g['sentence'][:60]}...]")
        if verbose:
            matched_p = {i for i, _ in pairs}
            matched_g = {j for _, j in pairs}
            for i, p in enumerate(preds):
                if i not in matched_p:
                    out(f"  {stem}: EXTRA {p['type']} {p.get('date')} {p.get('place_surface')!r} "
                        f"k={p.get('killed')} i={p.get('injured')}: {p['sentence'][:100]!r}")
            for j, g in enumerate(golds):
                if j not in matched_g:
                    out(f"  {stem}: MISSED {g['type']} {g['date']} {g['place']!r}: {g['sentence'][:100]!r}")
        per_article.append((stem, len(preds), len(golds), tp, ptp, art_attr_ok, art_attr_n))

    out(f"place mentions from: {places_source}")
    out(f"{'article':42} {'pred':>4} {'gold':>4} {'match':>5} {'P':>5} {'R':>5} {'F1':>5} {'prim':>4} {'attr':>7}")
    for stem, npred, ngold, tp, ptp, aok, an in per_article:
        p, r, f = prf(tp, npred, ngold, empty_is_perfect=True)
        out(f"{stem:42} {npred:4d} {ngold:4d} {tp:5d} {p:5.2f} {r:5.2f} {f:5.2f} {ptp:4d} {aok:3d}/{an:<3d}")
    p, r, f = prf(totals["tp"], totals["pred"], totals["gold"], empty_is_perfect=True)
    pp, pr, pf = prf(totals["ptp"], totals["ppred"], totals["pgold"], empty_is_perfect=True)
    out(f"incidents (micro): P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({totals['tp']} matched, {totals['pred']} predicted, "
        f"{totals['gold']} gold)")
    out(f"primary incidents: P {pp:.3f}  R {pr:.3f}  F1 {pf:.3f}  ({totals['ptp']} matched, {totals['ppred']} predicted, "
        f"{totals['pgold']} gold)")
    n = len(attrs["type"])
    out(f"attributes over {n} matched pairs:")
    for k, v in attrs.items():
        acc = sum(v) / len(v) if v else 0.0
        out(f"  {k:12} {acc:.3f}  ({sum(v)}/{len(v)})")
    if n:
        out(f"  killed within 10%/1: {sum(near_k) / n:.3f}   injured within 10%/1: {sum(near_i) / n:.3f}   "
            f"nationality mean Jaccard: {sum(jac_nat) / n:.3f}")
    table = measures(scored)
    out("measures (issue 9):")
    print_measures(table, out)
    out("incidents predicted in articles without incidents: "
        + ", ".join(f"{k}: {v}" for k, v in sorted(no_incident_counts.items())) + " (gold 0)")
    return {"precision": p, "recall": r, "f1": f, "primary_f1": pf, "matched": totals["tp"],
            "predicted": totals["pred"], "gold": totals["gold"],
            "attributes": {k: (sum(v) / len(v) if v else 0.0) for k, v in attrs.items()},
            "no_incident_predictions": no_incident_counts,
            "measures": {k: (r / t if t else None) for k, (r, _, t) in table.items()}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.incidents_eval", description=__doc__.split("\n")[0])
    ap.add_argument("--dir", action="append", default=None,
                    help="corpus folder; repeatable (default: ../shared/benchmarks/incidents, benchmarks/articles and benchmarks/articles_blind)")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="print every mismatch (a type that is only an accepted alternative too), extra and missed incident")
    ap.add_argument("--gold-places", action="store_true", help="use the gold places as the mentions")
    ap.add_argument("--json", action="store_true", help="print the summary as JSON at the end")
    args = ap.parse_args(argv)
    directories = [pathlib.Path(d) for d in args.dir] if args.dir else GOLD_CORPORA
    summaries = {}
    for directory in directories:
        if not directory.is_dir() or not any(directory.glob("*.json")):
            print(f"skipped: no incidents corpus at {directory}")
            continue
        print(f"== {directory}")
        summaries[str(directory)] = evaluate(directory, verbose=args.verbose, use_gold_places=args.gold_places)
        print()
    if len(summaries) > 1:
        for name, s in summaries.items():
            a = s["attributes"]
            print(f"{pathlib.Path(name).name:12} incidents P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}  "
                  f"primary F1 {s['primary_f1']:.3f}  " + " ".join(f"{k} {v:.3f}" for k, v in a.items()))
        print("measures over every gold incident (a missed incident counts as wrong):")
        names = [m[0] for m in MEASURES]
        short = ["killed", "injured", "date", "type", "perp", "25km", "50km", "att.k"]
        print(f"{'corpus':18} " + " ".join(f"{n:>7}" for n in short))
        for name, s in summaries.items():
            row = [s["measures"][n] for n in names]
            print(f"{pathlib.Path(name).name:18} " + " ".join(f"{v:7.3f}" if v is not None else f"{'-':>7}" for v in row))
    if args.json:
        print(json.dumps(summaries if len(summaries) > 1 else next(iter(summaries.values()), {})))
    return 0


if __name__ == "__main__":
    sys.exit(main())
