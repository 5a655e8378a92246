#!/usr/bin/env python3
"""Evaluate lib.places.find_places on GeoVirus and on the incident development articles.

Run from the project root:
    .venv/bin/python benchmarks/geovirus_eval.py [--worst N] [--fp N] [--fn N] [--no-incidents]
                                                 [--incidents-only] [--geovirus PATH] [--dir DIR ...]

GeoVirus (Gritta et al. 2018): recognition precision/recall/F1 (a predicted span matches a gold span when
they overlap, one-to-one), resolution Acc@161, mean and median error in km and AUC of the log error curve
over the gold mentions found, and articles per second. Incident-style corpora (``--dir``, repeatable; by
default the shared development articles, the project's own ``benchmarks/articles`` and the held-out
``benchmarks/articles_blind``): document-level place
precision/recall as the shared corpus's README scores them (surface match first, then distance by kind),
each corpus on its own, with micro P/R/F1, resolution accuracy and the count of not-places found.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.geo import km  # noqa: E402
from lib.extract.places import find_places  # noqa: E402
from lib.extract import gazetteer  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks"
GEOVIRUS = SHARED / "geovirus" / "GeoVirus.xml"
INCIDENTS = SHARED / "incidents"
ARTICLES = ROOT / "benchmarks" / "articles"
BLIND = ROOT / "benchmarks" / "articles_blind"
TOLERANCE = {"country": 500, "admin1": 300, "admin2": 100, "district": 100, "city": 30, "town": 30,
             "poi": 10, "region": 500}


def load_geovirus(path: Path):
    root = ET.parse(path).getroot()
    arts = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for loc in art.iter("location"):
            s = int(loc.findtext("start")) - 1
            e = int(loc.findtext("end")) - 1
            gold.append({"name": loc.findtext("name"), "start": s, "end": e,
                         "lat": float(loc.findtext("lat")), "lon": float(loc.findtext("lon"))})
        arts.append({"source": art.findtext("source"), "text": text, "gold": gold})
    return arts


def eval_geovirus(arts, worst=10, show_fp=0, show_fn=0):
    tp = fp = fn = 0
    errors = []  # (km, gold name, predicted name, article idx)
    fps, fns = [], []
    t0 = time.perf_counter()
    preds_all = [find_places(a["text"]) for a in arts]
    elapsed = time.perf_counter() - t0
    for ai, (a, preds) in enumerate(zip(arts, preds_all)):
        used = set()
        for g in a["gold"]:
            hit = None
            for pi, p in enumerate(preds):
                if pi in used:
                    continue
                if p["start"] < g["end"] and g["start"] < p["end"]:
                    hit = pi
                    break
            if hit is None:
                fn += 1
                fns.append((a["text"][max(0, g["start"] - 40):g["end"] + 40].replace("\n", " "), g["name"], ai))
                continue
            used.add(hit)
            tp += 1
            p = preds[hit]
            d = km(g["lat"], g["lon"], p["lat"], p["lon"])
            errors.append((d, g["name"], f'{p["name"]} ({p["kind"]}, {p["country_code"]}, '
                                         f'{p["lat"]:.2f},{p["lon"]:.2f})', g, ai))
        for pi, p in enumerate(preds):
            if pi not in used:
                fp += 1
                fps.append((a["text"][max(0, p["start"] - 40):p["end"] + 40].replace("\n", " "),
                            p["surface"], p["name"], p["kind"], p["country_code"], ai))
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    dists = [e[0] for e in errors]
    acc = sum(d <= 161 for d in dists) / len(dists) if dists else 0.0
    mean = statistics.mean(dists) if dists else float("nan")
    median = statistics.median(dists) if dists else float("nan")
    # AUC of the error curve on a log scale, normalised by log(20039 km) (Gritta et al. 2018)
    maxe = math.log(20039)
    auc = statistics.mean(math.log(d + 1) / maxe for d in dists) if dists else float("nan")
    gold_n = sum(len(a["gold"]) for a in arts)
    print(f"GeoVirus: {len(arts)} articles, {gold_n} gold mentions, {tp + fp} predicted")
    print(f"  recognition  P={P:.3f} R={R:.3f} F1={F:.3f}  (tp={tp} fp={fp} fn={fn})")
    print(f"  resolution   Acc@161={acc:.3f}  mean={mean:.0f} km  median={median:.1f} km  AUC={auc:.3f}"
          f"  (over {len(dists)} found gold mentions, recall {R:.3f})")
    print(f"  speed        {len(arts) / elapsed:.0f} articles/s  ({elapsed:.2f} s, warm gazetteer)")
    if worst:
        print(f"  worst {worst} resolution errors:")
        for d, gname, pname, g, ai in sorted(errors, key=lambda e: -e[0])[:worst]:
            print(f"    {d:7.0f} km  gold {gname!r} ({g['lat']:.2f},{g['lon']:.2f}) -> {pname}  [art {ai}]")
    if show_fp:
        print(f"  false positives ({len(fps)}), first {show_fp}:")
        for ctx, surf, name, kind, cc, ai in fps[:show_fp]:
            print(f"    {surf!r} -> {name} ({kind}, {cc})  [art {ai}] …{ctx}…")
    if show_fn:
        print(f"  missed gold ({len(fns)}), first {show_fn}:")
        for ctx, name, ai in fns[:show_fn]:
            print(f"    {name!r}  [art {ai}] …{ctx}…")
    return {"P": P, "R": R, "F1": F, "acc161": acc, "mean_km": mean, "median_km": median, "auc": auc,
            "articles_per_s": len(arts) / elapsed}


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def eval_incidents(folder: Path, verbose=False):
    files = sorted(folder.glob("*.json"))
    tot = {"all": [0, 0, 0], "literal": [0, 0, 0]}  # matched, predictions, gold
    res_ok = res_n = notp = 0
    far = {}  # article -> surface-matched places resolved beyond tolerance
    print(f"Incident articles: {len(files)} in {folder}")
    print(f"  {'article':40s} {'P':>5s} {'R':>5s} {'pred':>4s} {'gold':>4s} {'not-pl':>6s}")
    for jf in files:
        gold = json.loads(jf.read_text(encoding="utf-8"))
        text = jf.with_suffix(".txt").read_text(encoding="utf-8")
        ments = find_places(text)
        preds = {}
        for m in ments:  # one prediction per resolved place, first surface wins
            preds.setdefault(m["place_id"], m)
        preds = list(preds.values())
        notp_here = [m["surface"] for m in ments if m["surface"] in set(gold.get("not_places", []))]
        notp += len(set(notp_here))
        for variant in ("all", "literal"):
            gplaces = [g for g in gold["places"] if variant == "all" or not g.get("metonymic")]
            ignored = [g for g in gold["places"] if variant == "literal" and g.get("metonymic")]
            unmatched_p = list(range(len(preds)))
            unmatched_g = list(range(len(gplaces)))
            matched = 0
            # 1. by surface
            for gi in list(unmatched_g):
                forms = {_norm(f) for f in gplaces[gi]["surface_forms"]}
                for pi in unmatched_p:
                    if _norm(preds[pi]["surface"]) in forms:
                        matched += 1
                        unmatched_p.remove(pi)
                        unmatched_g.remove(gi)
                        if variant == "all":
                            g = gplaces[gi]
                            tol = max(TOLERANCE.get(g["kind"], 30), 50 if g.get("coord_approx") else 0)
                            res_n += 1
                            d = km(g["lat"], g["lon"], preds[pi]["lat"], preds[pi]["lon"])
                            res_ok += d <= tol
                            if d > tol:
                                p = preds[pi]
                                far.setdefault(jf.stem, []).append(
                                    f"{p['surface']!r} -> {p['name']} ({p['kind']}, {p['country_code']}) {d:.0f} km off")
                        break
            # 2. by distance
            for gi in list(unmatched_g):
                g = gplaces[gi]
                tol = max(TOLERANCE.get(g["kind"], 30), 50 if g.get("coord_approx") else 0)
                for pi in unmatched_p:
                    if km(g["lat"], g["lon"], preds[pi]["lat"], preds[pi]["lon"]) <= tol:
                        matched += 1
                        unmatched_p.remove(pi)
                        unmatched_g.remove(gi)
                        break
            # literal: ignore predictions that match a metonymic gold place
            n_pred = len(preds)
            if ignored:
                for pi in list(unmatched_p):
                    p = preds[pi]
                    for g in ignored:
                        if _norm(p["surface"]) in {_norm(f) for f in g["surface_forms"]}:
                            n_pred -= 1
                            break
            tot[variant][0] += matched
            tot[variant][1] += n_pred
            tot[variant][2] += len(gplaces)
            if variant == "all":
                P = matched / n_pred if n_pred else 0.0
                R = matched / len(gplaces) if gplaces else 0.0
                print(f"  {jf.stem:40s} {P:5.2f} {R:5.2f} {n_pred:4d} {len(gplaces):4d} {len(set(notp_here)):6d}")
                if verbose:
                    for pi in unmatched_p:
                        p = preds[pi]
                        print(f"      extra: {p['surface']!r} -> {p['name']} ({p['kind']}, {p['country_code']})")
                    for gi in unmatched_g:
                        print(f"      missed: {gplaces[gi]['name']!r} ({gplaces[gi]['kind']})")
                    for s in sorted(set(notp_here)):
                        print(f"      NOT A PLACE: {s!r}")
                    for s in far.get(jf.stem, []):
                        print(f"      far: {s}")
    for variant, (m, p, g) in tot.items():
        P = m / p if p else 0.0
        R = m / g if g else 0.0
        F = 2 * P * R / (P + R) if P + R else 0.0
        print(f"  micro ({variant:7s}) P={P:.3f} R={R:.3f} F1={F:.3f}  (matched {m}, predicted {p}, gold {g})")
    print(f"  resolution accuracy of surface-matched places: {res_ok}/{res_n}"
          f" = {res_ok / res_n if res_n else 0:.3f};  not-places found: {notp}")
    m, p, g = tot["all"]
    P = m / p if p else 0.0
    R = m / g if g else 0.0
    return {"P": P, "R": R, "F1": 2 * P * R / (P + R) if P + R else 0.0,
            "acc": res_ok / res_n if res_n else 0.0, "not_places": notp, "articles": len(files)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worst", type=int, default=10, help="print the N worst resolution errors")
    ap.add_argument("--fp", type=int, default=0, help="print N false positives")
    ap.add_argument("--fn", type=int, default=0, help="print N missed gold mentions")
    ap.add_argument("--geovirus", type=Path, default=GEOVIRUS)
    ap.add_argument("--dir", "--incidents", dest="dirs", type=Path, action="append", metavar="DIR",
                    help="an incident-style corpus to score places on (repeatable; default: "
                         f"{INCIDENTS}, {ARTICLES} and {BLIND})")
    ap.add_argument("--no-incidents", action="store_true")
    ap.add_argument("--incidents-only", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="per-article extras/misses for incidents")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    gazetteer.load()
    print(f"gazetteer loaded in {time.perf_counter() - t:.2f} s")
    if not args.incidents_only:
        if not args.geovirus.exists():
            print(f"GeoVirus not found at {args.geovirus}: skipped")
        else:
            eval_geovirus(load_geovirus(args.geovirus), args.worst, args.fp, args.fn)
    if not args.no_incidents:
        summary = []
        for folder in args.dirs or [INCIDENTS, ARTICLES, BLIND]:
            if not folder.exists():
                print(f"incident articles not found at {folder}: skipped")
                continue
            summary.append((folder, eval_incidents(folder, args.verbose)))
        if len(summary) > 1:
            print("Places per corpus (micro, all gold places):")
            for folder, f in summary:
                print(f"  {str(folder):45s} P={f['P']:.3f} R={f['R']:.3f} F1={f['F1']:.3f}"
                      f"  resolution acc={f['acc']:.3f}  not-places={f['not_places']}  ({f['articles']} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
