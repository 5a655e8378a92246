"""Load articles into the database: read, extract, geocode, store; one transaction per article.

    python -m lib.load [PATH ...] [--db data/atlas.db] [--rebuild] [--online]

Loading the same text again changes nothing; an edited article replaces its own rows; a file that cannot
be loaded is reported with its path and the reason while the others still load. The exit status is 1
only when something failed.
"""
import argparse
import fcntl
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from lib import corrections, documents, paths
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
    """Give each mention the place a person chose for its surface (document-specific fixes first)."""
    if not fixes:
        return
    chosen = {}
    for fix in fixes:
        if fix.get("document_id") in (None, "", doc_id):
            key = fix["surface"].casefold()
            if fix.get("document_id") or key not in chosen:
                chosen[key] = fix["place_id"]
    for mention in mentions:
        place_id = chosen.get(mention["surface"].casefold())
        place = lookup(place_id) if place_id else None
        if place:
            mention.update({k: place.get(k) for k in ("name", "kind", "country_code", "admin1", "lat", "lon", "population")})
            mention.update(place_id=place_id, confidence=1.0, source="correction")


def load_paths(paths=None, db_path=schema.DEFAULT_DB, *, progress=None, online=False, wait_seconds=60.0) -> LoadReport:
    """Load every article under paths into db_path; progress(done, total, path) is called per file."""
    from lib.extract import extract
    from lib.extract import gazetteer

    started = time.perf_counter()
    report = LoadReport()
    db_path = Path(db_path)
    paths = [Path(p) for p in (paths or [DEFAULT_SEEDS])]
    files, problems = documents.find_articles(paths)
    for path, reason in problems:
        report.failed += 1
        report.problems.append((path, reason))
    with exclusive(db_path, wait_seconds):
        db = schema.connect(db_path)
        try:
            corrections.restore(db, corrections.csv_path_for(db_path))
            fixes = write.corrections(db)
            geocoder = _online_geocoder(db) if online else None
            gaz = gazetteer.load()
            for done, path in enumerate(files, start=1):
                if progress:
                    progress(done, len(files), str(path))
                try:
                    article = documents.read_article(path, root=_common_root(paths))
                    report.warnings.extend((str(path), w) for w in article.pop("warnings"))
                    if write.document_status(db, article["id"], article["path"]) == "unchanged":
                        report.unchanged += 1
                        continue
                    spans = sentence_spans(article["text"])
                    result = extract(article["text"], article["published"], spans)
                    apply_corrections(result["mentions"], article["id"], fixes,
                                      lambda pid: gaz.place(pid) or write.place(db, pid))
                    if geocoder:
                        report.fallbacks.extend((str(path), s) for s in geocoder.refine(result["mentions"]))
                    status = write.write_document(db, article, spans, result["mentions"], result["incidents"])
                except (documents.ArticleError, OSError, UnicodeError, ValueError) as error:
                    report.failed += 1
                    report.problems.append((str(path), str(error)))
                    continue
                except Exception as error:  # one bad article must not stop the others
                    report.failed += 1
                    report.problems.append((str(path), f"{type(error).__name__}: {error}"))
                    continue
                if status == "replaced":
                    report.replaced += 1
                elif status == "new":
                    report.loaded += 1
                report.mentions += len(result["mentions"])
                report.incidents += len(result["incidents"])
        finally:
            db.close()
    report.seconds = time.perf_counter() - started
    return report


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
    parser.add_argument("--rebuild", action="store_true", help="move the database aside and load afresh")
    parser.add_argument("--online", action="store_true",
                        help="also ask an online geocoder (cached, rate-limited; offline answers stay when it fails)")
    parser.add_argument("--wait", type=float, default=60.0, help="seconds to wait for another load to finish")
    args = parser.parse_args(argv)
    db_path = Path(args.db)
    if args.rebuild:
        rebuild(db_path)
    try:
        report = load_paths(args.paths or None, db_path, progress=_print_progress, online=args.online,
                            wait_seconds=args.wait)
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
