"""Evaluate lib.extract.places.find_places on GeoVirus, LGL and the incident-style articles.

    python -m benchmarks.places_eval [--worst N] [--fp N] [--fn N] [--no-incidents] [--incidents-only]
                                     [--geovirus PATH] [--lgl PATH] [--dir DIR ...] [-v]

GeoVirus (Gritta et al. 2018) and LGL (Lieberman et al. 2010): recognition precision/recall/F1 (a predicted
span matches a gold span when they overlap, one-to-one), resolution Acc@161, mean and median error in km and
AUC of the log error curve over the gold mentions found (that have coordinates), and articles per second.
LGL is reported twice: without the toponyms whose phrase is a demonym or adjective ('American'; the usual
headline, predictions on them neither right nor wrong) and with every toponym.
Incident-style corpora (``--dir``, repeatable; by default every one with gold: the shared development
articles and the project's own ``benchmarks/articles*``): document-level place
precision/recall as the shared corpus's README scores them (surface match first, then distance by kind),
each corpus on its own, with micro P/R/F1, resolution accuracy and the count of not-places found.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from benchmarks import corpora
from benchmarks.scoring import distance_figures, gold_tolerance_km, match_places, overlap_pairs, prf, \
    surface_key
from benchmarks.incidents_eval import GOLD_CORPORA
from lib.extract import gazetteer
from lib.extract.places import find_places
from lib.geo import km


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 40):end + 40].replace("\n", " ")


def score_toponyms(title: str, articles: list[dict], worst=10, show_fp=0, show_fn=0, drop_demonyms=False,
                   out=print) -> dict:
    """Recognition and resolution figures of find_places over articles with gold toponyms; prints a report.

    With drop_demonyms, gold toponyms marked demonym are left out, and so are the predictions on them."""
    errors = []  # (km, gold name, predicted description, gold, article index)
    fps, fns = [], []
    tp = predicted_n = gold_n = 0
    started = time.perf_counter()
    predictions = [find_places(a["text"]) for a in articles]
    elapsed = time.perf_counter() - started
    for ai, (article, preds) in enumerate(zip(articles, predictions)):
        gold = article["gold"]
        if drop_demonyms:
            on_demonyms = {pi for gi, pi in overlap_pairs(gold, preds) if gold[gi]["demonym"]}
            preds = [p for pi, p in enumerate(preds) if pi not in on_demonyms]
            gold = [g for g in gold if not g["demonym"]]
        pairs = overlap_pairs(gold, preds)
        found = {gi: pi for gi, pi in pairs}
        tp += len(pairs)
        predicted_n += len(preds)
        gold_n += len(gold)
        for gi, g in enumerate(gold):
            if gi not in found:
                fns.append((_context(article["text"], g["start"], g["end"]), g["name"], ai))
            elif g["lat"] is not None:
                p = preds[found[gi]]
                errors.append((km(g["lat"], g["lon"], p["lat"], p["lon"]), g["name"],
                               f'{p["name"]} ({p["kind"]}, {p["country_code"]}, {p["lat"]:.2f},{p["lon"]:.2f})',
                               g, ai))
        taken = set(found.values())
        for pi, p in enumerate(preds):
            if pi not in taken:
                fps.append((_context(article["text"], p["start"], p["end"]), p["surface"], p["name"], p["kind"],
                            p["country_code"], ai))
    P, R, F = prf(tp, predicted_n, gold_n)
    figures = distance_figures([e[0] for e in errors])
    without = sum(g["lat"] is None for a in articles for g in a["gold"])
    out(f"{title}: {len(articles)} articles, {gold_n} gold mentions, {predicted_n} predicted")
    out(f"  recognition  P={P:.3f} R={R:.3f} F1={F:.3f}  (tp={tp} fp={predicted_n - tp} fn={gold_n - tp})")
    out(f"  resolution   Acc@161={figures['acc161']:.3f}  mean={figures['mean_km']:.0f} km  "
        f"median={figures['median_km']:.1f} km  AUC={figures['auc']:.3f}"
        f"  (over {len(errors)} found gold mentions{' with coordinates' if without else ''}, recall {R:.3f})")
    out(f"  measures (issue 9): recall {R:.3f}  Acc@161 {figures['acc161']:.3f}")
    out(f"  speed        {len(articles) / elapsed:.0f} articles/s  ({elapsed:.2f} s, warm gazetteer)")
    if worst:
        out(f"  worst {worst} resolution errors:")
        for d, gname, pname, g, ai in sorted(errors, key=lambda e: -e[0])[:worst]:
            out(f"    {d:7.0f} km  gold {gname!r} ({g['lat']:.2f},{g['lon']:.2f}) -> {pname}  [art {ai}]")
    if show_fp:
        out(f"  false positives ({len(fps)}), first {show_fp}:")
        for ctx, surf, name, kind, cc, ai in fps[:show_fp]:
            out(f"    {surf!r} -> {name} ({kind}, {cc})  [art {ai}] …{ctx}…")
    if show_fn:
        out(f"  missed gold ({len(fns)}), first {show_fn}:")
        for ctx, name, ai in fns[:show_fn]:
            out(f"    {name!r}  [art {ai}] …{ctx}…")
    return {"P": P, "R": R, "F1": F, **figures, "articles_per_s": len(articles) / elapsed}


def _describe(p: dict) -> str:
    return f"{p['surface']!r} -> {p['name']} ({p['kind']}, {p['country_code']})"


def score_incident_places(folder: Path, verbose=False, out=print) -> dict:
    """Document-level place P/R/F1 of an incident-style folder as its README scores them; prints a report."""
    articles = corpora.incident_articles(folder)
    tot = {"all": [0, 0, 0], "literal": [0, 0, 0]}  # matched, predictions, gold
    res_ok = res_n = notp = 0
    errors_km = []  # distance of every surface-matched place to its gold point
    out(f"Incident articles: {len(articles)} in {folder}")
    out(f"  {'article':40s} {'P':>5s} {'R':>5s} {'pred':>4s} {'gold':>4s} {'not-pl':>6s}")
    for article in articles:
        gold = article["gold"]
        ments = find_places(article["text"])
        first = {}
        for m in ments:  # one prediction per resolved place, first surface wins
            first.setdefault(m["place_id"], m)
        preds = list(first.values())
        not_places = {m["surface"] for m in ments if m["surface"] in set(gold.get("not_places", []))}
        notp += len(not_places)
        far = []  # surface-matched places resolved beyond tolerance
        for variant in ("all", "literal"):
            gplaces = [g for g in gold["places"] if variant == "all" or not g.get("metonymic")]
            ignored = [g for g in gold["places"] if variant == "literal" and g.get("metonymic")]
            by_surface, by_distance, unmatched_p, unmatched_g = match_places(preds, gplaces)
            matched = len(by_surface) + len(by_distance)
            if variant == "all":
                for pi, gi in by_surface:
                    g, p = gplaces[gi], preds[pi]
                    d = km(g["lat"], g["lon"], p["lat"], p["lon"])
                    errors_km.append(d)
                    res_n += 1
                    res_ok += d <= gold_tolerance_km(g)
                    if d > gold_tolerance_km(g):
                        far.append(f"{_describe(p)} {d:.0f} km off")
            # literal: predictions that match a metonymic gold place are not counted
            ignored_forms = [{surface_key(f) for f in g["surface_forms"]} for g in ignored]
            n_pred = len(preds) - sum(1 for pi in unmatched_p
                                      if any(surface_key(preds[pi]["surface"]) in forms for forms in ignored_forms))
            tot[variant][0] += matched
            tot[variant][1] += n_pred
            tot[variant][2] += len(gplaces)
            if variant == "all":
                P, R, _ = prf(matched, n_pred, len(gplaces))
                out(f"  {article['name']:40s} {P:5.2f} {R:5.2f} {n_pred:4d} {len(gplaces):4d} {len(not_places):6d}")
                if verbose:
                    for pi in unmatched_p:
                        out(f"      extra: {_describe(preds[pi])}")
                    for gi in unmatched_g:
                        out(f"      missed: {gplaces[gi]['name']!r} ({gplaces[gi]['kind']})")
                    for s in sorted(not_places):
                        out(f"      NOT A PLACE: {s!r}")
                    for s in far:
                        out(f"      far: {s}")
    for variant, (m, p, g) in tot.items():
        P, R, F = prf(m, p, g)
        out(f"  micro ({variant:7s}) P={P:.3f} R={R:.3f} F1={F:.3f}  (matched {m}, predicted {p}, gold {g})")
    out(f"  resolution accuracy of surface-matched places: {res_ok}/{res_n}"
        f" = {res_ok / res_n if res_n else 0:.3f};  not-places found: {notp}")
    P, R, F = prf(*tot["all"])
    acc161 = distance_figures(errors_km)["acc161"]
    out(f"  measures (issue 9): recall {R:.3f}  Acc@161 {acc161:.3f} (over {len(errors_km)} surface-matched places)")
    return {"P": P, "R": R, "F1": F, "acc": res_ok / res_n if res_n else 0.0, "acc161": acc161,
            "not_places": notp, "articles": len(articles)}


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m benchmarks.places_eval", description=__doc__.splitlines()[0])
    ap.add_argument("--worst", type=int, default=10, help="print the N worst resolution errors")
    ap.add_argument("--fp", type=int, default=0, help="print N false positives")
    ap.add_argument("--fn", type=int, default=0, help="print N missed gold mentions")
    ap.add_argument("--geovirus", type=Path, default=corpora.GEOVIRUS)
    ap.add_argument("--lgl", type=Path, default=corpora.LGL)
    ap.add_argument("--dir", "--incidents", dest="dirs", type=Path, action="append", metavar="DIR",
                    help="an incident-style corpus to score places on (repeatable; default: "
                         "every incident corpus with gold, benchmarks.incidents_eval.GOLD_CORPORA)")
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
            score_toponyms("GeoVirus", corpora.geovirus(args.geovirus), args.worst, args.fp, args.fn)
        if not args.lgl.exists():
            print(f"LGL not found at {args.lgl}: skipped")
        else:
            articles = corpora.lgl(args.lgl)
            score_toponyms("LGL, demonyms dropped", articles, args.worst, args.fp, args.fn, drop_demonyms=True)
            score_toponyms("LGL, every toponym", articles, 0, 0, 0)
    if not args.no_incidents:
        summary = []
        for folder in args.dirs or GOLD_CORPORA:
            if not folder.exists():
                print(f"incident articles not found at {folder}: skipped")
                continue
            summary.append((folder, score_incident_places(folder, args.verbose)))
        if len(summary) > 1:
            print("Places per corpus (micro, all gold places):")
            for folder, f in summary:
                print(f"  {folder.name:20s} P={f['P']:.3f} R={f['R']:.3f} F1={f['F1']:.3f}"
                      f"  resolution acc={f['acc']:.3f}  Acc@161={f['acc161']:.3f}  not-places={f['not_places']}  ({f['articles']} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
