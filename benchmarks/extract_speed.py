#!/usr/bin/env python3
"""Speed and memory of place extraction on the GeoVirus passages (one core, after start-up).

Run from the project root:  python -m benchmarks.extract_speed [--repeat N] [--no-build]
Prints: gazetteer cold build time (into a temporary cache), warm load time (fresh process), find_places
articles/s, full lib.extract.extract articles/s when that module exists (in wall time, and in CPU time with
the load average), and peak memory (ru_maxrss).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

from benchmarks import corpora
from lib.paths import ROOT


def passages() -> list[str]:
    """The GeoVirus passages, or the seed articles when GeoVirus is absent."""
    if not corpora.GEOVIRUS.exists():
        print(f"GeoVirus not found at {corpora.GEOVIRUS}: using the seed article only")
        return [p.read_text(encoding="utf-8") for p in sorted(corpora.SEEDS.glob("*.txt"))]
    return [a["text"] for a in corpora.geovirus()]


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m benchmarks.extract_speed", description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="passes over the passages")
    ap.add_argument("--no-build", action="store_true", help="skip the cold build measurement")
    args = ap.parse_args(argv)
    from lib.extract import gazetteer

    if not args.no_build:
        with tempfile.TemporaryDirectory() as tmp:
            code = ("import sys, time; t=time.perf_counter(); from lib.extract import gazetteer; "
                    "gazetteer.build(sys.argv[1]); print(f'{time.perf_counter()-t:.1f}')")
            out = subprocess.run([sys.executable, "-c", code, tmp], cwd=ROOT, capture_output=True, text=True)
            print(f"gazetteer cold build (fresh process, temporary cache): {out.stdout.strip() or out.stderr[-300:]} s")
    gazetteer.load()  # make sure the default cache is fresh before timing a warm load
    code = ("import time; t=time.perf_counter(); from lib.extract import gazetteer; gazetteer.load(); "
            "print(f'{time.perf_counter()-t:.2f}')")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    print(f"gazetteer warm load (fresh process): {out.stdout.strip()} s")

    from lib.extract.places import find_places
    texts = passages()
    find_places(texts[0])
    n = 0
    passes = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        for text in texts:
            find_places(text)
            n += 1
        passes.append(time.perf_counter() - t)
    dt = sum(passes)
    chars = sum(map(len, texts)) * args.repeat
    print(f"find_places: {n / dt:.0f} articles/s, {chars / dt / 1e6:.2f} M chars/s, {dt / n * 1000:.3f} ms per "
          f"passage ({n} passages, mean {chars // max(n, 1)} chars, one core); fastest pass "
          f"{min(passes) / len(texts) * 1000:.3f} ms per passage")
    try:
        from lib import extract as extract_mod
        fn = getattr(extract_mod, "extract", None)
    except Exception as exc:  # the extractor is someone else's module and may not exist yet
        fn = None
        print(f"lib.extract not available ({exc.__class__.__name__}): full extract not timed")
    if fn is not None:
        try:
            for text in texts:  # one warm-up pass: first-use caches of every name in the corpus
                fn(text, "2020-01-01")
            passes, cpu = [], []
            for _ in range(args.repeat):
                t, c = time.perf_counter(), time.process_time()
                for text in texts:
                    fn(text, "2020-01-01")
                passes.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
            print(f"full extract: {len(texts) * len(passes) / sum(passes):.0f} articles/s over {len(passes)} passes "
                  f"after a warm-up pass; fastest pass {len(texts) / min(passes):.0f} articles/s")
            # CPU time is less disturbed than wall time by other work on a shared machine
            print(f"full extract in CPU time: {len(texts) * len(cpu) / sum(cpu):.0f} articles per CPU second; "
                  f"fastest pass {len(texts) / min(cpu):.0f}; load average "
                  + " ".join(f"{x:.2f}" for x in os.getloadavg()))
        except Exception as exc:
            print(f"full extract could not be timed: {exc!r}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (ru_maxrss): {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
