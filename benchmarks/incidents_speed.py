#!/usr/bin/env python3
"""Time lib.incidents.find_incidents alone, with place mentions and sentence spans computed beforehand.

    .venv/bin/python benchmarks/incidents_speed.py [--repeat N] [--published YYYY-MM-DD]

Prints milliseconds per passage on GeoVirus (229 passages) and on the incident development articles
(their own publication dates), best of N repeats after one warm-up pass.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.geovirus_eval import load_geovirus  # noqa: E402
from lib.extract import places  # noqa: E402
from lib.extract.incidents import find_incidents  # noqa: E402
from lib.extract.text import sentence_at, sentence_spans  # noqa: E402

SHARED = ROOT.parent / "shared" / "benchmarks"


def _prepare(text, published):
    spans = sentence_spans(text)
    mentions = places.find_places(text)
    for mention in mentions:
        start, end = sentence_at(spans, mention["start"])
        mention.update(sentence=text[start:end], sentence_start=start, sentence_end=end)
    return text, mentions, published, spans


def _time(cases, repeat):
    for case in cases:
        find_incidents(*case)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for case in cases:
            find_incidents(*case)
        best = min(best, time.perf_counter() - t0)
    return 1000 * best / len(cases), sum(len(find_incidents(*c)) for c in cases)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--published", default=None, help="publication date given with GeoVirus passages")
    args = parser.parse_args(argv)
    geovirus = [_prepare(a["text"], args.published) for a in load_geovirus(SHARED / "geovirus" / "GeoVirus.xml")]
    articles = []
    for path in sorted((SHARED / "incidents").glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        articles.append(_prepare(path.read_text(encoding="utf-8"), meta.get("published")))
    for name, cases in (("GeoVirus", geovirus), ("incident articles", articles)):
        ms, found = _time(cases, args.repeat)
        chars = sum(len(c[0]) for c in cases) / len(cases)
        print(f"{name:18s} {len(cases):4d} passages  mean {chars:6.0f} chars  find_incidents {ms:.3f} ms/passage"
              f"  ({found} incidents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
