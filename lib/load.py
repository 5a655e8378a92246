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
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lib import corrections, documents, edits, paths
from lib.store import schema, write
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
    files, problems = documents.find_articles(paths)
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
                in_flight = collections.deque()  # (changed, results): at most LOOKAHEAD batches ahead
                for first in range(0, len(files), BATCH):
                    changed = _read_changed(db, files[first:first + BATCH], root, report)
                    articles = [article for _, article in changed if isinstance(article, dict)]
                    in_flight.append((changed, extractors.map(articles)))
                    if len(in_flight) > extractors.lookahead:
                        done = _write_batch(db, in_flight.popleft(), report, fixes, lookup, geocoder, progress,
                                            done, len(files))
                while in_flight:
                    done = _write_batch(db, in_flight.popleft(), report, fixes, lookup, geocoder, progress,
                                        done, len(files))
                edits.apply_all(db, extractors.gazetteer() if fixes else None)
            finally:
                db.close()
        finally:
            extractors.close()
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

    def map(self, articles: list):
        """Extraction results of articles in their order, streamed (workers forked on first use)."""
        if not articles:
            return iter(())
        if self.workers > 1 and self.pool is None:
            self.pool = _pool(self.workers)
        if self.pool is None:
            self.gazetteer()  # the one extraction in this process then finds (lib.extract.gazetteer.load)
        return self.pool.imap(extract_article, articles, chunksize=CHUNK) if self.pool \
            else map(extract_article, articles)

    def close(self) -> None:
        if self.pool:
            self.pool.terminate()
            self.pool.join()


def _pool(workers: int):
    """Extraction workers forked with the gazetteer and the rules already in memory (shared, not reloaded)."""
    import multiprocessing

    from lib.extract import gazetteer

    gazetteer.load(full=True)
    extract_article({"text": "A bomb exploded in Kabul on Monday.", "published": None})  # rules, before forking
    return multiprocessing.get_context("fork").Pool(workers)


def _read_changed(db, chunk: list, root, report: LoadReport) -> list:
    """(path, article or outcome) for each file; the outcome ("unchanged" or "failed", detail) when there is
    nothing to extract. A file whose size and modification time match what its path stored is unchanged
    without being read; one read again whose text is stored under its path gets its new stamp recorded."""
    shown = {item: documents.shown_path(item, root) for item in chunk if not isinstance(item, dict)}
    stamps = write.stored_stamps(db, list(shown.values()))
    out, restamp = [], []
    for item in chunk:
        stored = isinstance(item, dict)  # a stored article (its text and metadata), not a file
        path = Path(item["path"] or item["id"]) if stored else item
        try:
            if not stored and shown[item] in stamps and documents.file_stamp(path) == stamps[shown[item]]:
                out.append((path, ("unchanged", None)))
                continue
            article = dict(item) if stored else documents.read_article(path, root=root)
        except (documents.ArticleError, OSError, UnicodeError, ValueError) as error:
            out.append((path, ("failed", str(error))))
            continue
        except Exception as error:  # one bad file must not stop the others
            out.append((path, ("failed", f"{type(error).__name__}: {error}")))
            continue
        report.warnings.extend((str(path), w) for w in article.pop("warnings"))
        if write.document_status(db, article["id"], article["path"]) == "unchanged":
            out.append((path, ("unchanged", None)))
            if article.get("file_size") is not None:
                restamp.append((article["file_size"], article["file_mtime_ns"], article["id"], article["path"]))
        else:
            out.append((path, article))
    write.remember_stamps(db, restamp)
    return out


def _write_batch(db, pending, report, fixes, lookup, geocoder, progress, done, total) -> int:
    """Store one batch of extracted articles in one transaction.

    The batch is first written without a savepoint per article (full-text tables flush at each one);
    when an article fails, that transaction is rolled back and the batch written again with each article
    in its own savepoint, so the failure costs only that article. Online geocoding always takes the
    second way, because its answers are cached in the same transaction.
    """
    changed, results = pending
    results = list(results)
    outcomes = None
    if geocoder is None:
        try:
            with write.batch(db):
                outcomes = [_store(db, path, article, result, fixes, lookup, None, strict=True)
                            for path, article, result in _pair(changed, results)]
        except _ArticleFailed:
            outcomes = None
    if outcomes is None:
        with write.batch(db):
            outcomes = [_store(db, path, article, result, fixes, lookup, geocoder, strict=False)
                        for path, article, result in _pair(changed, results)]
    for (path, _), (outcome, detail, result) in zip(changed, outcomes):
        done += 1
        if progress:
            progress(done, total, str(path))
        _tally(report, path, outcome, detail, result)
    return done


class _ArticleFailed(Exception):
    """An article could not be written in a batch without savepoints: write the batch again with them."""


def _pair(changed: list, results: list):
    """(path, article or outcome tuple, extraction result or None) in file order."""
    results = iter(results)
    for path, article in changed:
        yield path, article, (None if isinstance(article, tuple) else next(results))


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
