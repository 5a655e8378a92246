"""The machine-readable interface of the extractor: article text in, JSON lines of mentions and incidents out.

    python -m lib.extract --jsonl IN.jsonl          # lines of {"id", "text", "published"}
    python -m lib.extract [--published YYYY-MM-DD] FILE ...

Writes one JSON object per document per line to stdout: {"id", "mentions": [...], "incidents": [...]}.
Offsets are 0-based indices into the text, end exclusive (for FILE input: into the text as the loader
stores it, see lib.documents).
"""
import argparse
import json
import sys

from lib import documents
from lib.extract import extract


def _jsonl_documents(path):
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                yield str(item["id"]), item["text"], item.get("published")
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                print(f"{path}:{number}: skipped, not a {{id, text, published}} object ({error})", file=sys.stderr)


def _file_documents(paths, published):
    files, problems = documents.find_articles(paths)
    for path, reason in problems:
        print(f"{path}: skipped, {reason}", file=sys.stderr)
    for path in files:
        try:
            article = documents.read_article(path)
        except (documents.ArticleError, OSError) as error:
            print(f"{path}: skipped, {error}", file=sys.stderr)
            continue
        yield str(path), article["text"], published or article["published"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.extract", description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", help="article files or folders")
    parser.add_argument("--jsonl", help="read documents from this JSON-lines file ('-' for stdin)")
    parser.add_argument("--published", help="publication date YYYY-MM-DD for FILE input")
    args = parser.parse_args(argv)
    if not args.jsonl and not args.files:
        parser.error("give --jsonl IN.jsonl or one or more FILEs")
    source = _jsonl_documents(args.jsonl) if args.jsonl else _file_documents(args.files, args.published)
    out = sys.stdout
    for doc_id, text, published in source:
        result = extract(text, published)
        out.write(json.dumps({"id": doc_id, **result}, ensure_ascii=False) + "\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
