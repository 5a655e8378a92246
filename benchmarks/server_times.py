"""Server-side times of the dashboard's heavy reads on one database, and its CSV export against other tools.

    python -m benchmarks.server_times DB [--repeat 3]

Queries and exports run in this process through lib.store.queries and lib.export, as the pages call them
(best of --repeat, milliseconds); the CSV of mentions is written from the query's rows (lib.export.rows_csv),
the same bytes as lib.export.to_csv of queries.mentions' frame; search_page is what the Sources page reads for a search (the count, the
first 1,000 articles and the first sentences), search_documents every matching article. The CSV of every mention is also made by the sqlite3 command-line shell
from the very SQL queries.mentions runs (caught with a trace callback), and fetched over HTTP on 127.0.0.1
from Datasette serving the same file, both for that SQL and for its mentions table, with _stream=on.
GeoJSON: lib.export has no GeoJSON writer yet, so the benchmark builds one FeatureCollection from the
same rows (one Point feature per mention with coordinates).
"""
from __future__ import annotations

import argparse
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from lib.paths import ROOT

SQLITE3 = shutil.which("sqlite3") or "/usr/bin/sqlite3"
SEARCH = "bomb killed"


def best(call, repeat: int) -> tuple[float, object]:
    """The shortest of repeat runs of call() in seconds, and its last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return min(times), result


def geojson(frame) -> bytes:
    """A GeoJSON FeatureCollection of the mentions in frame that have coordinates (built here, see above)."""
    located = frame[frame["latitude"].notna() & frame["longitude"].notna()]
    keep = [c for c in ("mention_id", "place", "country_code", "surface", "published", "document_id", "title")
            if c in located]
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
         "properties": dict(zip(keep, values))}
        for lon, lat, *values in zip(located["longitude"], located["latitude"],
                                     *(located[c].astype(object).where(located[c].notna(), None) for c in keep))
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}, default=str).encode("utf-8")


def mentions_sql(db) -> str:
    """The SELECT that queries.mentions runs without filters, as SQLite expands it."""
    from lib.store import queries

    seen = []
    db.conn.set_trace_callback(seen.append)
    try:
        queries.mentions(db)
    finally:
        db.conn.set_trace_callback(None)
    return next(s for s in reversed(seen) if s.lstrip().upper().startswith("SELECT"))


def top_country(db) -> str:
    row = db.execute("SELECT p.country_code FROM mentions m JOIN places p ON p.id = m.place_id "
                     "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()
    return row[0] if row else "PK"


def sqlite3_csv(db_path: Path, sql: str) -> int:
    """Bytes of the CSV (with header) the sqlite3 shell writes for sql."""
    out = subprocess.run([SQLITE3, "-readonly", "-csv", "-header", str(db_path), sql], capture_output=True,
                         check=True)
    return len(out.stdout)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Datasette:
    """Datasette serving db_path read-only on 127.0.0.1 (started and stopped by this benchmark)."""

    def __init__(self, db_path: Path):
        self.db_path, self.port, self.process = db_path, _free_port(), None

    def __enter__(self):
        exe = Path(sys.executable).with_name("datasette")
        self.process = subprocess.Popen(
            [str(exe), "serve", "-i", str(self.db_path), "-h", "127.0.0.1", "-p", str(self.port),
             "--setting", "max_csv_mb", "0", "--setting", "sql_time_limit_ms", "600000",
             "--setting", "max_returned_rows", "100000000"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.base}/-/versions.json", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("datasette did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def fetch(self, path: str) -> int:
        """Bytes of the whole response body of path."""
        size = 0
        with urllib.request.urlopen(self.base + path, timeout=600) as response:
            while chunk := response.read(1 << 20):
                size += len(chunk)
        return size


def _search_page(db, filters) -> list:
    """What the Sources page reads for a search: how many articles match, the first of them for its table (as
    pages/3_Sources.py does when lib.store.queries can count them), and the first sentences."""
    from lib.store import queries

    if not hasattr(queries, "document_count"):  # older code: the page read every matching article
        return [queries.documents(db, filters), queries.search_sentences(db, filters.text, filters)]
    return [queries.document_count(db, filters), queries.documents(db, filters, SOURCES_ROWS),
            queries.search_sentences(db, filters.text, filters)]


SOURCES_ROWS = 1000  # the articles table of the Sources page


def _mentions_csv(db, filters) -> bytes:
    """The CSV of the mentions the filters select, written from the query's rows (lib.export.rows_csv, the
    bytes export.to_csv writes for queries.mentions' frame); older code without it made the frame first."""
    from lib import export
    from lib.store import queries

    if not hasattr(queries, "mention_rows"):
        return export.to_csv(queries.mentions(db, filters))
    return export.rows_csv(*queries.mention_rows(db, filters), queries.INTEGER_COLUMNS)


def measure(db_path: Path, repeat: int = 3) -> dict:
    """Milliseconds of each read (and byte counts of the exports) on db_path."""
    from lib import export, store
    from lib.filters import Filters
    from lib.store import queries

    db_path = Path(db_path)
    db = store.connect(db_path, readonly=True)
    out = {}
    try:
        country = top_country(db)
        filtered = Filters(countries=(country,))
        out["filter"] = f"country={country}"
        for key, call in [
            ("search_documents", lambda: queries.documents(db, Filters(text=SEARCH))),
            ("search_page", lambda: _search_page(db, Filters(text=SEARCH))),
            ("search_sentences", lambda: queries.search_sentences(db, SEARCH)),
            ("csv_filtered", lambda: _mentions_csv(db, filtered)),
            ("geojson_filtered", lambda: geojson(queries.mentions(db, filtered))),
            ("csv_all", lambda: _mentions_csv(db, None)),
        ]:
            seconds, result = best(call, repeat)
            out[key] = seconds * 1000
            out[key + "_bytes"] = len(result)
        sql = mentions_sql(db)
    finally:
        db.close()
    out["sqlite3_csv_all"] = best(lambda: sqlite3_csv(db_path, sql), repeat)[0] * 1000
    with Datasette(db_path) as ds:
        query = "/" + db_path.stem + ".csv?" + urllib.parse.urlencode({"sql": sql, "_stream": "on"})
        table = f"/{db_path.stem}/mentions.csv?_stream=on&_size=max"
        ds.fetch(table)  # the first request opens the file and warms Datasette's caches
        out["datasette_csv_all"] = best(lambda: ds.fetch(query), repeat)[0] * 1000
        out["datasette_csv_table"] = best(lambda: ds.fetch(table), repeat)[0] * 1000
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.server_times", description=__doc__.split("\n")[0])
    parser.add_argument("db", help="database to read (not changed)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each read; the best is kept (default 3)")
    args = parser.parse_args(argv)
    print(json.dumps(measure(Path(args.db), args.repeat)))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
