"""Load articles into the database: read, extract, geocode, store; whole articles in batched transactions.

    python -m lib.load [PATH ...] [--db data/atlas.db] [--rebuild] [--online] [--workers N]

Loading the same text again changes nothing; an edited article replaces its own rows; a file that cannot
be loaded is reported with its path and the reason while the others still load. The exit status is 1
only when something failed.
"""
import argparse
import collections
import fcntl
import os
import sqlite3
import sys
import time
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lib import corrections, documents, edits, paths
from lib.store import event_summary, schema, write
from lib.extract.text import sentence_spans

DEFAULT_SEEDS = paths.SEEDS


@dataclass
class LoadReport:
    loaded: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    mentions: int = 0
    incidents: int = 0
    seconds: float = 0.0
    problems: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    fallbacks: list = field(default_factory=list)

    def summary(self) -> str:
        return (f"loaded {self.loaded}, unchanged {self.unchanged}, replaced {self.replaced}, "
                f"failed {self.failed}, mentions {self.mentions}, incidents {self.incidents}, "
                f"seconds {self.seconds:.2f}")


class LoadBusy(Exception):
    """Another load holds the database."""


@contextmanager
def exclusive(db_path: Path, wait_seconds: float):
    """Hold the database's load lock; raise LoadBusy when another load keeps it longer than wait_seconds."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock_path = db_path.with_name(db_path.name + ".lock")
    try:
        handle = open(lock_path, "a+")
    except OSError as error:
        raise schema.StoreError(
            f"cannot write beside {db_path} ({error.strerror}); the folder is read-only for this user. "
            f"Fix its permissions, or load into another file with --db OTHER.db"
        ) from error
    with handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LoadBusy(
                        f"another load is writing to {db_path}; waited {wait_seconds:.0f} s. "
                        f"Try again when it has finished."
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def apply_corrections(mentions: list, doc_id: str, fixes: list, lookup) -> None:
    """Give each mention the place a person chose for it (lib.edits.fix_for: the most specific fix wins)."""
    if not fixes:
        return
    for mention in mentions:
        fix = edits.fix_for(mention, doc_id, fixes)
        place = (edits.place_of(None, fix) if fix.get("lat") is not None else lookup(fix["place_id"])) if fix else None
        if place:
            mention.update({k: place.get(k) for k in ("name", "kind", "country_code", "admin1", "lat", "lon", "population")})
            mention.update(place_id=fix["place_id"], confidence=1.0, source="correction")


def _correct_incidents(incidents: list, doc_id: str, fixes: list, lookup) -> None:
    """Give each incident the place a person chose for the name that located it (before it is grouped)."""
    for incident in incidents:
        if incident.get("place_surface"):
            named = {"surface": incident["place_surface"], "start": incident.get("place_start")}
            apply_corrections([named], doc_id, fixes, lookup)
            if named.get("source") == "correction":
                incident.update({k: named.get(k) for k in ("place_id", "name", "country_code", "lat", "lon")})


BATCH = 200          # articles per transaction: a kill loses at most one uncommitted batch of whole articles
POOL_FROM = 200      # loads of fewer changed files extract in this process
CHUNK = 8            # articles per task sent to a worker
LOOKAHEAD = 2        # batches read and being extracted by workers while one is written: memory stays bounded
CACHE_KB = 64 * 1024  # the writer's page cache: the id indexes of a large database stay in memory


def extract_article(article: dict) -> dict:
    """Sentences and extractions of one read article (runs in a worker process for large loads)."""
    from lib.extract import extract

    try:
        spans = sentence_spans(article["text"])
        result = extract(article["text"], article["published"], spans)
    except (ValueError, UnicodeError, OSError) as error:
        return {"error": str(error)}
    except Exception as error:  # one bad article must not stop the others
        return {"error": f"{type(error).__name__}: {error}"}
    return {"spans": spans, "mentions": result["mentions"], "incidents": result["incidents"]}


def prepare(task: tuple) -> tuple:
    """Read one file (or take a stored article) and extract it unless its text is already stored:
    (article or None, (outcome, detail) or None, extraction or None). Runs in a worker for large loads,
    so that the one writer neither reads nor hashes; the writer still checks before it writes."""
    item, root, db_path = task
    try:
        article = dict(item) if isinstance(item, dict) else documents.read_article(Path(item), root=root)
    except (documents.ArticleError, OSError, UnicodeError, ValueError) as error:
        return None, ("failed", str(error)), None
    except Exception as error:  # one bad file must not stop the others
        return None, ("failed", f"{type(error).__name__}: {error}"), None
    if _stored_ids.has(db_path, article["id"]):
        del article["text"]
        return article, ("unchanged", None), None
    return article, None, extract_article(article)


class _StoredIds:
    """Whether a text is stored, asked of a read-only connection of this process (a fork opens its own)."""

    def __init__(self):
        self.pid, self.connections = None, {}

    def has(self, db_path: str, doc_id: str) -> bool:
        if self.pid != os.getpid():
            self.pid, self.connections = os.getpid(), {}  # a forked worker must not use its parent's
        if db_path not in self.connections:
            address = urllib.parse.quote(os.path.abspath(db_path))  # a '?' or '#' in a name is not a URI's
            self.connections[db_path] = sqlite3.connect(f"file:{address}?mode=ro", uri=True, timeout=30)
        found = self.connections[db_path].execute("SELECT 1 FROM documents WHERE id = ?", [doc_id])
        return found.fetchone() is not None

    def close(self) -> None:
        if self.pid == os.getpid():
            for connection in self.connections.values():
                connection.close()
        self.connections = {}


_stored_ids = _StoredIds()


def load_paths(paths=None, db_path=schema.DEFAULT_DB, *, progress=None, online=False, wait_seconds=60.0,
               workers=None, articles=None) -> LoadReport:
    """Load every article under paths into db_path; progress(done, total, path) is called per file.

    articles: already-read article dicts (the text a database stores, for a rebuild) loaded after the files;
    paths then default to none instead of seeds/. People's edits (lib.edits) are applied once at the end.

    Worker processes extract (workers, default one per core) while this process reads, checks and writes,
    in file order, BATCH articles per transaction.
    """
    started = time.perf_counter()
    report = LoadReport()
    db_path = Path(db_path)
    paths = [Path(p) for p in (paths or ([] if articles else [DEFAULT_SEEDS]))]
    files, problems = documents.find_article_names(paths)
    files += [dict(a, warnings=list(a.get("warnings") or [])) for a in articles or ()]
    for path, reason in problems:
        report.failed += 1
        report.problems.append((path, reason))
    workers = (os.cpu_count() or 1) if workers is None else workers
    root = _common_root(paths)
    with exclusive(db_path, wait_seconds):
        few = len(files) < POOL_FROM
        extractors = _Extractors(1 if few else workers, indexed=few)
        try:
            db = schema.connect(db_path)
            db.execute(f"PRAGMA cache_size = -{CACHE_KB}")
            try:
                corrections.restore(db, corrections.csv_path_for(db_path))
                with db.atomic():
                    edits.restore_files(db, db_path)
                fixes = write.corrections(db)
                geocoder = _online_geocoder(db) if online else None
                lookup = lambda pid: extractors.gazetteer().place(pid) or write.place(db, pid)  # noqa: E731
                done = 0
                in_flight = collections.deque()  # (checked, results): at most LOOKAHEAD batches ahead
                for first in range(0, len(files), BATCH):
                    checked = _skip_stamped(db, files[first:first + BATCH], root)
                    tasks = [(item, root, str(db_path))
                             for item, outcome in checked if outcome is None]
                    in_flight.append((checked, extractors.map(tasks)))
                    if len(in_flight) > extractors.lookahead:
                        done = _write_batch(db, in_flight.popleft(), report, fixes, lookup, geocoder, progress,
                                            done, len(files))
                while in_flight:
                    done = _write_batch(db, in_flight.popleft(), report, fixes, lookup, geocoder, progress,
                                        done, len(files))
                edits.apply_all(db, extractors.gazetteer() if fixes else None)
                event_summary.refresh(db)  # the incidents this load touched, summarised for the dashboard
            finally:
                # the writer closes last, so that SQLite folds the write-ahead log into the file itself
                extractors.close()
                _stored_ids.close()
                db.close()
        finally:
            extractors.close()
            _stored_ids.close()
    report.seconds = time.perf_counter() - started
    return report


class _Extractors:
    """The gazetteer and the extraction workers, made when the first changed article needs them: a load
    with nothing changed reads neither (about a second and a half of a small load).

    indexed: a load of few files reads the gazetteer's SQLite index name by name (lib.extract.gazetteer_index)
    instead of all of it, which takes longer than extracting a few articles.
    """

    def __init__(self, workers: int, indexed: bool = False):
        self.workers, self.indexed, self.pool, self._gazetteer = workers, indexed, None, None

    def gazetteer(self):
        if self._gazetteer is None:
            from lib.extract import gazetteer

            self._gazetteer = gazetteer.load(indexed=self.indexed)
        return self._gazetteer

    @property
    def lookahead(self) -> int:
        """Batches to read ahead of the one being written: none when this process extracts (nothing would
        run meanwhile, and the first commit would only come later)."""
        return LOOKAHEAD if self.workers > 1 else 0

    def map(self, tasks: list):
        """prepare() of each task in their order, streamed (workers forked on first use)."""
        if not tasks:
            return iter(())
        if self.workers > 1 and self.pool is None:
            self.pool = _pool(self.workers)
        if self.pool is None:
            self.gazetteer()  # the one extraction in this process then finds (lib.extract.gazetteer.load)
        return self.pool.imap(prepare, tasks, chunksize=CHUNK) if self.pool else map(prepare, tasks)

    def close(self) -> None:
        if self.pool:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def _pool(workers: int):
    """Extraction workers forked with the gazetteer and the rules already in memory (shared, not reloaded)."""
    import multiprocessing

    from lib.extract import gazetteer

    gazetteer.load(full=True)
    extract_article({"text": "A bomb exploded in Kabul on Monday.", "published": None})  # rules, before forking
    return multiprocessing.get_context("fork").Pool(workers)


def _skip_stamped(db, chunk: list, root) -> list:
    """(item, outcome or None) for each file or stored article: ("unchanged", None) for a file whose size and
    modification time match what its path stored (not read), ("failed", reason) when it cannot be examined,
    None when it must be read."""
    shown = {item: documents.shown_path(item, root) for item in chunk if not isinstance(item, dict)}
    stamps = write.stored_stamps(db, list(shown.values()))
    out = []
    for item in chunk:
        try:
            same = not isinstance(item, dict) and stamps.get(shown[item]) == documents.file_stamp(item)
        except OSError as error:
            out.append((item, ("failed", error.strerror or str(error))))
            continue
        out.append((item, ("unchanged", None) if same else None))
    return out


def _write_batch(db, pending, report, fixes, lookup, geocoder, progress, done, total) -> int:
    """Store one batch of extracted articles in one transaction.

    The batch is first written without a savepoint per article (full-text tables flush at each one);
    when an article fails, that transaction is rolled back and the batch written again with each article
    in its own savepoint, so the failure costs only that article. Online geocoding always takes the
    second way, because its answers are cached in the same transaction.
    """
    checked, results = pending
    changed, restamp = _checked_articles(checked, results, report)
    outcomes = None
    if geocoder is None:
        try:
            with write.batch(db):
                outcomes = [_store(db, path, article, result, fixes, lookup, None, strict=True)
                            for path, article, result in changed]
        except _ArticleFailed:
            outcomes = None
    if outcomes is None:
        with write.batch(db):
            outcomes = [_store(db, path, article, result, fixes, lookup, geocoder, strict=False)
                        for path, article, result in changed]
    write.remember_stamps(db, restamp)
    for (path, _, _), (outcome, detail, result) in zip(changed, outcomes):
        done += 1
        if progress:
            progress(done, total, str(path))
        _tally(report, path, outcome, detail, result)
    return done


def _checked_articles(checked: list, results, report: LoadReport) -> tuple[list, list]:
    """(path, article or outcome tuple, extraction or None) in file order, the warnings of the files read,
    and the new stamps of files read again whose text their path already stored."""
    results, out, restamp = iter(results), [], []
    for item, outcome in checked:
        path = Path(item["path"] or item["id"]) if isinstance(item, dict) else item
        if outcome is not None:
            out.append((path, outcome, None))
            continue
        article, outcome, result = next(results)
        if article is not None:
            report.warnings.extend((str(path), w) for w in article.pop("warnings"))
        if outcome is not None:
            out.append((path, outcome, None))
            if outcome[0] == "unchanged" and article.get("file_size") is not None:
                restamp.append((article["file_size"], article["file_mtime_ns"], article["id"], article["path"]))
        else:
            out.append((path, article, result))
    return out, restamp


class _ArticleFailed(Exception):
    """An article could not be written in a batch without savepoints: write the batch again with them."""


def _store(db, path, article, result, fixes, lookup, geocoder, *, strict: bool) -> tuple:
    """Write one article; return (outcome, detail, result). strict: raise _ArticleFailed on an error."""
    if isinstance(article, tuple):
        return article[0], article[1], None
    if "error" in result:
        return "failed", result["error"], None
    try:
        apply_corrections(result["mentions"], article["id"], fixes, lookup)
        _correct_incidents(result["incidents"], article["id"], fixes, lookup)
        fallbacks = list(geocoder.refine(result["mentions"])) if geocoder else []
        status = write.write_document(db, article, result["spans"], result["mentions"], result["incidents"],
                                      isolated=not strict)
    except (OSError, UnicodeError, ValueError) as error:
        if strict:
            raise _ArticleFailed() from error
        return "failed", str(error), None
    except Exception as error:  # one bad article must not stop the others
        if strict:
            raise _ArticleFailed() from error
        return "failed", f"{type(error).__name__}: {error}", None
    return status, fallbacks, result


def _tally(report: LoadReport, path, outcome: str, detail, result) -> None:
    """Count one article's outcome in the report."""
    if outcome == "failed":
        report.failed += 1
        report.problems.append((str(path), detail))
    elif outcome == "unchanged":  # unchanged on disk, or the same text twice in one batch
        report.unchanged += 1
    else:
        report.fallbacks.extend((str(path), s) for s in detail or [])
        if outcome == "replaced":
            report.replaced += 1
        elif outcome == "new":
            report.loaded += 1
        report.mentions += len(result["mentions"])
        report.incidents += len(result["incidents"])


def _online_geocoder(db):
    from lib.extract import geocoders
    return geocoders.OnlineRefiner(db)


def _common_root(paths):
    folders = [p if p.is_dir() else p.parent for p in paths]
    try:
        return Path(os.path.commonpath([str(f.resolve()) for f in folders])) if folders else None
    except ValueError:
        return None


def rebuild(db_path: Path) -> None:
    """Move the old database aside (kept as .bak) so that the next load starts afresh."""
    for suffix in ("", "-wal", "-shm"):
        old = Path(str(db_path) + suffix)
        if old.exists():
            old.replace(Path(str(db_path) + suffix + ".bak"))


def _print_progress(done: int, total: int, path: str) -> None:
    if total >= 20 and (done % max(1, total // 20) == 0 or done == total):
        print(f"  {done}/{total} articles ({100 * done // total}%)", file=sys.stderr, flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.load", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", help="article files or folders (default: seeds/)")
    parser.add_argument("--db", default=str(schema.DEFAULT_DB), help="SQLite file (default: data/atlas.db)")
    parser.add_argument("--rebuild", action="store_true",
                        help="extract every stored article again from its stored text, keeping people's edits "
                             "(the old file is kept as .bak)")
    parser.add_argument("--online", action="store_true",
                        help="also ask an online geocoder (cached, rate-limited; offline answers stay when it fails)")
    parser.add_argument("--wait", type=float, default=60.0, help="seconds to wait for another load to finish")
    parser.add_argument("--workers", type=int, default=None,
                        help="extraction processes (default: one per core; loads of few files use this one)")
    args = parser.parse_args(argv)
    db_path = Path(args.db)
    try:
        if args.rebuild:
            from lib import rebuild as rebuilding

            done = rebuilding.rebuild(db_path, args.paths or None, progress=_print_progress, workers=args.workers,
                                      wait_seconds=args.wait, online=args.online)
            print(done.summary(), file=sys.stderr)
            report = done.load
        else:
            report = load_paths(args.paths or None, db_path, progress=_print_progress, online=args.online,
                                wait_seconds=args.wait, workers=args.workers)
    except (LoadBusy, schema.StoreError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for path, warning in report.warnings:
        print(f"warning: {path}: {warning}", file=sys.stderr)
    for path, reason in report.fallbacks:
        print(f"fallback: {path}: {reason}", file=sys.stderr)
    for path, reason in report.problems:
        print(f"failed: {path}: {reason}", file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
