#!/usr/bin/env python3
"""Time lib.extract.incidents.find_incidents alone, with place mentions and sentence spans computed beforehand.

    python -m benchmarks.incidents_speed [--repeat N] [--published YYYY-MM-DD]

Prints milliseconds per passage on GeoVirus (229 passages) and on the incident development articles
(their own publication dates), best of N repeats after one warm-up pass.
"""
from __future__ import annotations

import argparse
import sys
import time

from benchmarks import corpora
from lib.extract import places
from lib.extract.incidents import find_incidents
from lib.extract.text import sentence_at, sentence_spans


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
    parser = argparse.ArgumentParser(prog="python -m benchmarks.incidents_speed", description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--published", default=None, help="publication date given with GeoVirus passages")
    args = parser.parse_args(argv)
    corpus = []
    if corpora.GEOVIRUS.exists():
        corpus.append(("GeoVirus", [_prepare(a["text"], args.published) for a in corpora.geovirus()]))
    else:
        print(f"GeoVirus not found at {corpora.GEOVIRUS}: skipped")
    if corpora.INCIDENTS.is_dir():
        corpus.append(("incident articles", [_prepare(a["text"], a["gold"].get("published"))
                                             for a in corpora.incident_articles(corpora.INCIDENTS)]))
    else:
        print(f"incident articles not found at {corpora.INCIDENTS}: skipped")
    for name, cases in corpus:
        ms, found = _time(cases, args.repeat)
        chars = sum(len(c[0]) for c in cases) / len(cases)
        print(f"{name:18s} {len(cases):4d} passages  mean {chars:6.0f} chars  find_incidents {ms:.3f} ms/passage"
              f"  ({found} incidents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
