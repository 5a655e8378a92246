"""Time the loader on synthetic corpora of growing size: does the cost per article stay flat?

    python -m benchmarks.scale [--sizes 1000,10000] [--workers N]

For each size, N article files (benchmarks.synthetic.write_corpus, same seed, cached under data/scale/)
are loaded by `python -m lib.load` into a new database. The table gives the load's wall time, articles per
second, the loader's peak resident memory, the database's size, then for the largest size: adding 1 and
100 new articles, and loading the whole folder again with nothing changed.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpora import ROOT
from benchmarks.synthetic import write_corpus

CACHE = ROOT / "data" / "scale"


def corpus(n: int, first: int = 0) -> Path:
    """The folder of n synthetic articles numbered from first, written once and reused."""
    folder = CACHE / f"articles_{first}_{n}"
    if not (folder / ".complete").exists():
        write_corpus(folder, n, first=first)
        (folder / ".complete").write_text("")
    return folder


def run_load(folder: Path, db_path: Path, extra=()) -> tuple[float, float, str]:
    """Load folder into db_path in a new process; return wall seconds, peak memory in MB and the summary."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "lib.load", str(folder), "--db", str(db_path), *extra],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"load of {folder} failed with status {process.returncode}")
    return seconds, usage.ru_maxrss / 1024, out.strip()


def db_megabytes(db_path: Path) -> float:
    return sum(Path(str(db_path) + s).stat().st_size for s in ("", "-wal") if Path(str(db_path) + s).exists()) / 1e6


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--workers", type=int, help="passed to the loader as --workers")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    extra = ["--workers", str(args.workers)] if args.workers else []
    work = CACHE / "db"
    work.mkdir(parents=True, exist_ok=True)
    print(f"{'articles':>9} {'seconds':>9} {'art/s':>8} {'peak MB':>8} {'db MB':>8}")
    largest = None
    for n in sizes:
        folder = corpus(n)
        db_path = work / f"atlas_{n}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        seconds, peak, _ = run_load(folder, db_path, extra)
        print(f"{n:>9} {seconds:>9.1f} {n / seconds:>8.0f} {peak:>8.0f} {db_megabytes(db_path):>8.1f}", flush=True)
        largest = (n, folder, db_path)
    n, folder, db_path = largest
    for added in (1, 100):
        seconds, peak, _ = run_load(corpus(added, first=n + (0 if added == 1 else 1)), db_path, extra)
        print(f"add {added} to {n}: {seconds:.2f} s, peak {peak:.0f} MB", flush=True)
    seconds, peak, summary = run_load(folder, db_path, extra)
    print(f"re-run of {n} unchanged: {seconds:.2f} s, peak {peak:.0f} MB ({summary.split(', seconds')[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
