"""Freeze and compare the extractor's output over every corpus: a refactoring must leave it byte-identical.

    python -m benchmarks.golden --write    # save the output of `python -m lib.extract --jsonl` per corpus
    python -m benchmarks.golden            # extract again and print the differences; exit 1 when any

The corpora are GeoVirus, LGL and the shared incident articles (read from ../shared/benchmarks, skipped
when absent), the project's own articles (own, blind, held-out, wire, local, summaries) and the seeds. A dump of the
database that `python -m lib.load` builds from the project's own articles is frozen beside it. The frozen output lives in data/golden/ (ignored
by git: it is rebuilt from the code of the commit you compare against).
"""
from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from benchmarks.corpora import GEOVIRUS, INCIDENTS, LGL, ROOT, SEEDS

GOLDEN = ROOT / "data" / "golden"


def _xml_documents(path: Path, text_tag: str = "text") -> list[dict]:
    root = ET.parse(path).getroot()
    return [{"id": f"{path.stem}:{number}", "text": article.findtext(text_tag) or "", "published": None}
            for number, article in enumerate(root.iter("article"))]


def _folder_documents(folder: Path) -> list[dict]:
    """Articles of a folder as the loader reads them (text without front matter, metadata's date)."""
    from lib import documents

    files, _ = documents.find_articles([folder])
    out = []
    for path in files:
        try:
            article = documents.read_article(path)
        except documents.ArticleError:
            continue
        out.append({"id": path.name, "text": article["text"], "published": article["published"]})
    return out


def corpora() -> dict[str, list[dict]]:
    """Every corpus this machine has, as lists of {id, text, published}."""
    found = {}
    if GEOVIRUS.exists():
        found["geovirus"] = _xml_documents(GEOVIRUS)
    if LGL.exists():
        found["lgl"] = _xml_documents(LGL)
    if INCIDENTS.is_dir():
        found["incidents"] = _folder_documents(INCIDENTS)
    for name in ("articles", "articles_blind", "articles_heldout", "articles_wire", "articles_local",
                 "articles_summaries"):
        found[name] = _folder_documents(ROOT / "benchmarks" / name)
    found["seeds"] = _folder_documents(SEEDS)
    return found


def extract_jsonl(documents: list[dict]) -> str:
    """Run the extraction CLI, as a user would, over the documents; return its stdout."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as handle:
        for document in documents:
            handle.write(json.dumps(document, ensure_ascii=False) + "\n")
    try:
        done = subprocess.run([sys.executable, "-m", "lib.extract", "--jsonl", handle.name], cwd=ROOT,
                              capture_output=True, text=True, check=True)
    finally:
        Path(handle.name).unlink()
    return done.stdout


def store_dump() -> str:
    """Load the project's own articles with `python -m lib.load` into a new database; dump every row."""
    import sqlite3

    folders = [SEEDS] + [ROOT / "benchmarks" / name
                                  for name in ("articles", "articles_blind", "articles_heldout")]
    with tempfile.TemporaryDirectory() as scratch:
        db_path = Path(scratch) / "golden.db"
        subprocess.run([sys.executable, "-m", "lib.load", *map(str, folders), "--db", str(db_path)],
                       cwd=ROOT, capture_output=True, text=True)
        db = sqlite3.connect(db_path)
        lines = []
        for table in ("documents", "places", "sentences", "mentions", "incidents"):
            cursor = db.execute(f"select * from [{table}] order by 1")
            names = [column[0] for column in cursor.description]
            for row in cursor:
                record = {k: v for k, v in zip(names, row) if k not in ("loaded_at", "path")}
                lines.append(table + " " + json.dumps(record, ensure_ascii=False, sort_keys=True))
        db.close()
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.golden", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="save the current output as the golden files")
    parser.add_argument("--dir", type=Path, default=GOLDEN, help="folder of the golden files")
    args = parser.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)
    differing = 0
    outputs = {name: (len(documents), lambda documents=documents: extract_jsonl(documents))
               for name, documents in corpora().items()}
    outputs["store"] = (0, store_dump)
    for name, (count, produce) in outputs.items():
        output = produce()
        golden = args.dir / f"{name}.jsonl"
        if args.write:
            golden.write_text(output, encoding="utf-8")
            print(f"{name}: {count} documents written to {golden}")
            continue
        if not golden.exists():
            print(f"{name}: no golden file; run with --write on the reference commit first")
            differing += 1
            continue
        expected = golden.read_text(encoding="utf-8")
        if expected == output:
            print(f"{name}: {count} documents, identical")
            continue
        differing += 1
        diff = list(difflib.unified_diff(expected.splitlines(), output.splitlines(), "golden", "now", n=0,
                                         lineterm=""))
        print(f"{name}: {len(diff)} diff lines")
        for line in diff[:20]:
            print("  " + line[:400])
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
