"""A year of news on one machine: load time, memory and the dashboard's server times as the corpus grows.

    python -m benchmarks.scale [--sizes 1000,10000,100000] [--workers 1,2] [--repeat 2] [--no-dashboard]

For each size, N article files (benchmarks.synthetic.write_corpus, same seed, cached under data/scale/) are
loaded by `python -m lib.load` into a new database:
- cold: the gazetteer cache (data/cache/) is removed first, so the load rebuilds it, with the most workers;
- warm: the cache is there, once for each --workers count (the last warm load's database is kept).
Each load reports wall seconds, articles per second, CPU seconds of the loader and its workers (the machine
is shared, so wall time is noisy and CPU time less so), the peak memory of the loader and its workers
together (the sum of their proportional set sizes, sampled every 0.2 s, so shared pages count once) and the
database's size. Then, on that database: adding 1 and then 100 new articles, and loading the whole folder
again with nothing changed. Then the dashboard's server-side times on it (benchmarks.dashboard_speed for the
pages with AppTest, benchmarks.server_times for search and exports), and the CSV export of every mention
against the sqlite3 shell and Datasette, as ratios. Every figure is printed in one table, a column per size;
the figures are also kept in data/scale/results.json as they come.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from benchmarks.corpora import ROOT
from benchmarks.synthetic import write_corpus

CACHE = ROOT / "data" / "scale"
GAZETTEER_CACHE = ROOT / "data" / "cache"
RESULTS = CACHE / "results.json"


def corpus(n: int, first: int = 0) -> Path:
    """The folder of n synthetic articles numbered from first, written once and reused."""
    folder = CACHE / f"articles_{first}_{n}"
    if not (folder / ".complete").exists():
        write_corpus(folder, n, first=first)
        (folder / ".complete").write_text("")
    return folder


def _pss_kb(pid: int) -> int:
    """The proportional set size of a process in kB (0 when it has gone)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    found = re.search(r"^Pss:\s+(\d+)", text, re.M)
    return int(found.group(1)) if found else 0


def _family(pid: int) -> list[int]:
    """pid and its living child processes."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    return [pid, *(int(c) for c in children)]


class PeakMemory(threading.Thread):
    """Samples the summed PSS of a process and its children until stopped; peak_mb is the largest sum."""

    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_kb = pid, every, 0
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _family(self.pid)))
            self.done.wait(self.every)

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024


def run_load(folder: Path, db_path: Path, workers: int | None = None) -> dict:
    """Load folder into db_path in a new process: wall and CPU seconds, peak memory, and its summary line."""
    extra = ["--workers", str(workers)] if workers else []
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "lib.load", str(folder), "--db", str(db_path), *extra],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    sampler = PeakMemory(process.pid)
    sampler.start()
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"load of {folder} failed with status {code}")
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": sampler.peak_mb,
            "rss_mb": usage.ru_maxrss / 1024, "summary": out.strip()}


def db_megabytes(db_path: Path) -> float:
    return sum(Path(str(db_path) + s).stat().st_size for s in ("", "-wal") if Path(str(db_path) + s).exists()) / 1e6


def fresh(db_path: Path) -> Path:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    return db_path


def measure_size(n: int, workers: list[int], dashboard: bool, repeat: int, log) -> dict:
    """Every figure of one corpus size."""
    folder = corpus(n)
    work = CACHE / "db"
    work.mkdir(parents=True, exist_ok=True)
    out = {"articles": n}
    shutil.rmtree(GAZETTEER_CACHE, ignore_errors=True)
    most = max(workers)
    out["cold"] = run_load(folder, fresh(work / f"atlas_{n}_cold.db"), most)
    log(f"{n}: cold load, {most} workers: {out['cold']['seconds']:.1f} s")
    fresh(work / f"atlas_{n}_cold.db")
    db_path = work / f"atlas_{n}.db"
    for count in workers:
        out[f"warm_{count}"] = run_load(folder, fresh(db_path), count)
        log(f"{n}: warm load, {count} workers: {out[f'warm_{count}']['seconds']:.1f} s")
    out["db_mb"] = db_megabytes(db_path)
    out["add_1"] = run_load(corpus(1, first=n), db_path)
    out["add_100"] = run_load(corpus(100, first=n + 1), db_path)
    out["rerun"] = run_load(folder, db_path)
    log(f"{n}: add 1 {out['add_1']['seconds']:.2f} s, add 100 {out['add_100']['seconds']:.2f} s, "
        f"re-run {out['rerun']['seconds']:.2f} s ({out['rerun']['summary'].split(', seconds')[0]})")
    if dashboard:
        from benchmarks import dashboard_speed, server_times

        out["pages"] = dashboard_speed.pages_in_subprocess(db_path)
        log(f"{n}: pages timed")
        out["reads"] = server_times.measure(db_path, repeat)
        log(f"{n}: reads and exports timed")
    return out


def _is_page(label: str, prefix: str) -> bool:
    """Whether a row of dashboard_speed's pages is the case prefix names ('place' or 'incident': a Map row
    with a place or an incident chosen)."""
    if prefix == "place":
        return label.startswith("1_Map.py, ") and "incident" not in label
    if prefix == "incident":
        return label.startswith("1_Map.py, incident")
    return label.startswith(prefix)


# (label, how to get the figure from one size's results, format)
def _page(prefix: str, kind: str):
    def get(r):
        row = next((p for p in r.get("pages", []) if _is_page(p["page"], prefix)), None)
        value = row.get(kind) if row else None
        return None if value is None else value * 1000
    return get


def _ratio(a: str, b: str):
    return lambda r: r["reads"][a] / r["reads"][b] if r.get("reads") else None


def rows(workers: list[int]) -> list[tuple]:
    most = max(workers)
    out = [("Loading (new database)", None, "")]
    for key, name in [("cold", f"cold gazetteer, {most} workers")] + [
            (f"warm_{w}", f"warm gazetteer, {w} worker{'s' if w > 1 else ''}") for w in workers]:
        out += [(f"  {name}: seconds", lambda r, k=key: r[k]["seconds"], "{:.1f}"),
                ("    articles/s", lambda r, k=key: r["articles"] / r[k]["seconds"], "{:.0f}"),
                ("    CPU seconds, all processes", lambda r, k=key: r[k]["cpu"], "{:.1f}"),
                ("    peak memory, loader+workers PSS MB", lambda r, k=key: r[k]["peak_mb"], "{:.0f}")]
    last = f"warm_{workers[-1]}"
    out += [
        ("  peak RSS of the loader process MB", lambda r: r[last]["rss_mb"], "{:.0f}"),
        ("  database MB", lambda r: r["db_mb"], "{:.1f}"),
        ("Changes to that database", None, ""),
        ("  add 1 new article: seconds", lambda r: r["add_1"]["seconds"], "{:.2f}"),
        ("  add 100 new articles: seconds", lambda r: r["add_100"]["seconds"], "{:.2f}"),
        ("  re-run, nothing changed: seconds", lambda r: r["rerun"]["seconds"], "{:.2f}"),
        ("Dashboard server time, ms (cold / warm)", None, ""),
    ]
    for label, prefix in [("Overview page", "pages/0_Overview"), ("Map page", "pages/1_Map"),
                          ("Map, a marker's excerpts", "place"),
                          ("Map, an incident's panel", "incident"),
                          ("Counts page", "pages/2_Counts"), ("Sources page", "pages/3_Sources")]:
        out += [(f"  {label}, cold", _page(prefix, "cold"), "{:.0f}"),
                (f"  {label}, warm", _page(prefix, "warm"), "{:.0f}")]
    reads = lambda key: (lambda r: r["reads"].get(key) if r.get("reads") else None)  # noqa: E731
    out += [
        ("Reads and exports, ms (best of --repeat)", None, ""),
        ("  full-text search, the Sources page's reads", reads("search_page"), "{:.0f}"),
        ("  full-text search, every matching article", reads("search_documents"), "{:.0f}"),
        ("  full-text search, sentences (200)", reads("search_sentences"), "{:.0f}"),
        ("  CSV of the mentions of the top country", reads("csv_filtered"), "{:.0f}"),
        ("  GeoJSON of the same (built in the benchmark)", reads("geojson_filtered"), "{:.0f}"),
        ("  CSV of every mention (queries + export)", reads("csv_all"), "{:.0f}"),
        ("  same SQL, sqlite3 shell -csv", reads("sqlite3_csv_all"), "{:.0f}"),
        ("  same SQL, Datasette .csv?_stream=on", reads("datasette_csv_all"), "{:.0f}"),
        ("  mentions table, Datasette .csv?_stream=on", reads("datasette_csv_table"), "{:.0f}"),
        ("  ratio: ours / sqlite3 shell", _ratio("csv_all", "sqlite3_csv_all"), "{:.2f}"),
        ("  ratio: ours / Datasette, same SQL", _ratio("csv_all", "datasette_csv_all"), "{:.2f}"),
        ("  ratio: ours / Datasette, its table", _ratio("csv_all", "datasette_csv_table"), "{:.2f}"),
    ]
    return out


def table(results: list[dict], workers: list[int]) -> str:
    """One table: a row per figure, a column per corpus size."""
    width = 46
    lines = [f"{'articles':<{width}}" + "".join(f"{r['articles']:>11,}" for r in results)]
    for label, get, fmt in rows(workers):
        if get is None:
            lines.append(label)
            continue
        cells = []
        for r in results:
            try:
                value = get(r)
            except (KeyError, TypeError, ZeroDivisionError):
                value = None
            cells.append(f"{'-' if value is None else fmt.format(value):>11}")
        lines.append(f"{label:<{width}}" + "".join(cells))
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated corpus sizes")
    parser.add_argument("--workers", default="1,2", help="comma-separated extraction process counts (warm loads)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each read; the best is kept (default 2)")
    parser.add_argument("--no-dashboard", action="store_true", help="time the loads only")
    parser.add_argument("--print", dest="reprint", action="store_true",
                        help="print the table of data/scale/results.json and stop")
    args = parser.parse_args(argv)
    workers = [int(w) for w in args.workers.split(",")]
    if args.reprint:
        print(table(json.loads(RESULTS.read_text()), workers))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    log = lambda text: print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)  # noqa: E731
    results = []
    for n in sizes:
        results.append(measure_size(n, workers, not args.no_dashboard, args.repeat, log))
        CACHE.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=1))
    print(table(results, workers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
