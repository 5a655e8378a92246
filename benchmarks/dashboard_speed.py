"""How long the dashboard takes: server time of each page, and of the main queries, on two databases.

    python -m benchmarks.dashboard_speed [-n 10000] [--repeat 3] [--keep DIR]
    python -m benchmarks.dashboard_speed --db PATH [--repeat 3] [--filters "country=PK&type=bombing&from=2020-01-01"]

Databases: one built from seeds/ by the loader, and a synthetic one of N articles (benchmarks.synthetic).
Pages are run with ``streamlit.testing.v1.AppTest`` (the script's server-side time, no browser): a cold
run (Streamlit's caches and the tables lib.store.queries remembers cleared) and a warm second run, plus
the Map page with its busiest place chosen; wall and CPU time of this process (the page's thread does the
work) are both given, since wall time on a shared machine depends on the others' load. What only the first
run of a server process pays (imports, Streamlit's first use of its elements) is timed apart, as the first
row: the Overview run once before any other, its figure that of a person opening a newly started server.
Each database is measured in its own process because the app reads ATLAS_DB, and Streamlit's caches
live for the whole process.
With --db, only that existing database is measured (it is opened, and migrated if its schema is old).
With --filters (the filter part of a page address, as lib.filters writes it), every page is opened with
those filters, as a person following a copied link would.
Queries are timed directly with lib.store, unfiltered and filtered, each from the database (no remembered
table); the figure is the best of --repeat.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lib.paths import ROOT

PAGES = ["pages/0_Overview.py", "pages/1_Map.py", "pages/2_Counts.py", "pages/3_Sources.py"]
PAGE_TIMEOUT = 120


def _pages() -> list[str]:
    found = [p for p in PAGES if (ROOT / p).exists()]
    extra = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py") if str(p.relative_to(ROOT)) not in PAGES) \
        if (ROOT / "pages").is_dir() else []
    return found + extra


def _busiest_place(db_path: str):
    import sqlite3

    with sqlite3.connect(db_path) as db:
        row = db.execute("SELECT place_id FROM mentions WHERE place_id IS NOT NULL GROUP BY 1 "
                         "ORDER BY count(*) DESC LIMIT 1").fetchone()
    return row[0] if row else None


def _busiest_event(db_path: str):
    """The event with the most reports (the incident whose panel has most to show), or None."""
    import sqlite3

    with sqlite3.connect(db_path) as db:
        row = db.execute("SELECT event_id FROM incidents WHERE event_id IS NOT NULL AND place_id IS NOT NULL "
                         "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").fetchone()
    return row[0] if row else None


def time_pages(db_path: str, params: dict | None = None) -> list[dict]:
    """In this process: run each page with AppTest against db_path (ATLAS_DB must already be set).

    cold: Streamlit's caches cleared first (every query runs); warm: the same page again at once.
    First row: the first page run in this process, which alone pays for the imports and Streamlit's first
    use of its elements; the same page follows as a row of its own, cold with those paid. Last rows:
    the Map page with the place that has the most mentions chosen, so its excerpt panel is drawn, and with
    the most reported incident chosen.
    """
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.chdir(ROOT)
    pages = _pages()
    cases = [(f"{pages[0]}, first in process", pages[0], {})] if pages else []
    cases += [(page, page, {}) for page in pages]
    busiest = _busiest_place(db_path)
    if busiest and "pages/1_Map.py" in _pages():
        cases.append((f"1_Map.py, {busiest} chosen", "pages/1_Map.py", {"atlas_place": busiest}))
    event = _busiest_event(db_path)
    if event and "pages/1_Map.py" in _pages():
        cases.append((f"1_Map.py, incident {event} chosen", "pages/1_Map.py", {"atlas_event": event}))
    rows = []
    for label_, page, state in cases:
        row = {"page": label_}
        st.cache_data.clear()
        _forget_tables()
        for label in ("cold", "warm"):
            at = AppTest.from_file(str(ROOT / page), default_timeout=PAGE_TIMEOUT)
            for key, value in (params or {}).items():
                at.query_params[key] = value
            for key, value in state.items():
                at.session_state[key] = value
            started, cpu = time.perf_counter(), time.process_time()
            try:
                at.run()
                row[label] = time.perf_counter() - started
                row[f"{label}_cpu"] = time.process_time() - cpu
                if at.exception:
                    row["error"] = str(at.exception[0].message)[:120]
            except Exception as error:  # a page that times out or fails still gets a row
                row[label] = None
                row["error"] = f"{type(error).__name__}: {error}"[:120]
        if "atlas_place" in state:
            row["note"] = f"{len(at.get('html'))} st.html elements (style and excerpts)"
        rows.append(row)
    return rows


def _forget_tables() -> None:
    """Drop the tables lib.store.queries remembers per database state, so a cold run or a timed query starts
    from the database (older code kept them in _TABLES)."""
    from lib.store import queries

    if hasattr(queries, "forget"):
        queries.forget()
    elif isinstance(getattr(queries, "_TABLES", None), dict):
        queries._TABLES.clear()


def url_params(text: str) -> dict[str, str | list[str]]:
    """The filter part of a page address as query parameters: one value a name, or a list of several."""
    from urllib.parse import parse_qs

    return {key: values[0] if len(values) == 1 else values
            for key, values in parse_qs(text.lstrip("?"), keep_blank_values=False).items()}


def pages_in_subprocess(db_path: Path, filters: str = "") -> list[dict]:
    env = dict(os.environ, ATLAS_DB=str(db_path))
    out = subprocess.run([sys.executable, "-m", "benchmarks.dashboard_speed", "--pages-of", str(db_path)]
                         + (["--filters", filters] if filters else []),
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    if out.returncode != 0:
        raise RuntimeError(f"page timing failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def time_queries(db_path: Path, repeat: int) -> list[dict]:
    from lib import store
    from lib.store import queries
    from lib.filters import Filters

    db = store.connect(db_path, readonly=True)
    top_country = db.execute(
        "SELECT p.country_code FROM incidents i JOIN places p ON p.id = i.place_id "
        "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()
    top_place = db.execute(
        "SELECT place_id FROM mentions WHERE place_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    country = top_country[0] if top_country else "PK"
    place_id = top_place[0] if top_place else None
    filtered = Filters(date_from=dt.date(2020, 1, 1), countries=(country,), types=("bombing",))
    searched = Filters(text="bomb killed")
    cases = [
        ("overview", lambda: queries.overview(db, Filters())),
        (f"overview country={country} type=bombing from=2020", lambda: queries.overview(db, filtered)),
        ("place_counts (map markers)", lambda: queries.place_counts(db, Filters())),
        (f"place_counts filtered", lambda: queries.place_counts(db, filtered)),
        ("mentions of the top place", lambda: queries.mentions(db, Filters(), place_id=place_id)),
        ("incidents (all)", lambda: queries.incidents(db, Filters())),
        ("incidents limit 20", lambda: queries.incidents(db, Filters(), limit=20)),
        ("counts_by country", lambda: queries.counts_by(db, Filters(), "country")),
        ("counts_by type", lambda: queries.counts_by(db, Filters(), "type")),
        ("counts_by month", lambda: queries.counts_by(db, Filters(), "month")),
        ("documents (all)", lambda: queries.documents(db, Filters())),
        ("documents filtered", lambda: queries.documents(db, filtered)),
        ("full-text search 'bomb killed'", lambda: queries.documents(db, searched)),
        ("  as the Sources page reads it", lambda: _search_page(queries, db, searched)),
    ]
    rows = []
    for name, call in cases:
        best, best_cpu, result = None, None, None
        for _ in range(repeat):
            _forget_tables()
            started, cpu = time.perf_counter(), time.process_time()
            result = call()
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            best = elapsed if best is None else min(best, elapsed)
            best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        size = len(result) if hasattr(result, "__len__") and not isinstance(result, dict) else "-"
        rows.append({"query": name, "seconds": best, "cpu": best_cpu, "rows": size})
    db.close()
    return rows


def _search_page(queries, db, filters) -> list:
    """What the Sources page reads for a search: how many articles match, the first 1,000 for its table, and
    the first sentences (older code without document_count read every matching article)."""
    if not hasattr(queries, "document_count"):
        return [queries.documents(db, filters), queries.search_sentences(db, filters.text, filters)]
    return [queries.document_count(db, filters), queries.documents(db, filters, 1000),
            queries.search_sentences(db, filters.text, filters)]


def _fmt(seconds) -> str:
    return "   fail" if seconds is None else f"{seconds * 1000:7.0f}"


def print_pages(title: str, rows: list[dict]) -> None:
    print(f"\nPages, server time in ms ({title})")
    print(f"  {'page':<42} {'cold':>7} {'warm':>7} {'cpu c':>7} {'cpu w':>7}  note")
    for row in rows:
        note = row.get("error") or row.get("note", "")
        print(f"  {row['page']:<42} {_fmt(row.get('cold'))} {_fmt(row.get('warm'))} "
              f"{_fmt(row.get('cold_cpu'))} {_fmt(row.get('warm_cpu'))}  {note}")


def print_queries(title: str, rows: list[dict]) -> None:
    print(f"\nQueries, best of runs in ms ({title})")
    print(f"  {'query':<46} {'ms':>7} {'cpu ms':>7} {'rows':>7}")
    for row in rows:
        print(f"  {row['query']:<46} {_fmt(row['seconds'])} {_fmt(row.get('cpu'))} {row['rows']!s:>7}")


def _print_load() -> None:
    """The load average beside the figures, since wall times on a shared machine depend on it."""
    one, five, fifteen = os.getloadavg()
    print(f"load average: {one:.2f} {five:.2f} {fifteen:.2f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dashboard_speed", description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="articles in the synthetic database (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each query (default 3)")
    parser.add_argument("--keep", help="build the databases in this folder and keep them")
    parser.add_argument("--db", help="measure this existing database instead of building two")
    parser.add_argument("--filters", default="", help="open every page with these filters, written as in a page "
                        "address: country=PK&type=bombing&from=2020-01-01 (with --db)")
    parser.add_argument("--pages-of", help=argparse.SUPPRESS)  # internal: time pages in this process
    args = parser.parse_args(argv)
    if args.pages_of:
        print(json.dumps(time_pages(args.pages_of, url_params(args.filters))))
        return 0

    if args.db:
        _print_load()
        title = Path(args.db).name + (f", filters {args.filters}" if args.filters else "")
        print_queries(title, time_queries(Path(args.db), args.repeat))
        print_pages(title, pages_in_subprocess(Path(args.db), args.filters))
        _print_load()
        return 0

    from benchmarks import synthetic
    from lib.load import load_paths

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="atlas-speed-"))
    folder.mkdir(parents=True, exist_ok=True)
    seed_db, synthetic_db = folder / "seeds.db", folder / f"synthetic-{args.n}.db"
    for path in (seed_db,):
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    databases = []
    started = time.perf_counter()
    try:
        report = load_paths([ROOT / "seeds"], seed_db)
        print(f"seed database: {report.summary()} ({time.perf_counter() - started:.1f} s) -> {seed_db}")
        databases.append(("seeds", seed_db))
    except ImportError as error:  # the extractor is not complete yet: measure the synthetic data only
        print(f"seed database: cannot load seeds ({error})")
    counts = synthetic.build(synthetic_db, args.n)
    print(f"synthetic database: {', '.join(f'{k} {v}' for k, v in counts.items())} -> {synthetic_db}")
    databases.append((f"synthetic, {args.n:,} articles", synthetic_db))

    for title, db_path in databases:
        print_queries(title, time_queries(db_path, args.repeat))
        if _pages():
            print_pages(title, pages_in_subprocess(db_path))
        else:
            print("\n(no dashboard pages found to time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
