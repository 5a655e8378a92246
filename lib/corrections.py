"""People's fixes of geocodes, kept both in the database and in a CSV file beside it.

The file (``data/corrections.csv`` by default) survives a rebuild of the database; every load restores
from it what the database lacks, so a correction is never lost and applies to every later load.

    python -m lib.corrections add SURFACE PLACE_ID [--document ID] [--note TEXT] [--db data/atlas.db]
    python -m lib.corrections list [--db data/atlas.db]
"""
import argparse
import csv
import sys
from pathlib import Path

from lib.store import schema, write

FIELDS = ["document_id", "surface", "place_id", "note", "created_at"]


def csv_path_for(db_path) -> Path:
    return Path(db_path).with_name("corrections.csv")


def add(db, csv_path: Path, surface: str, place_id: str, document_id=None, note="") -> dict:
    """Record a correction in the database and append it to the CSV file."""
    row = {"document_id": document_id or "", "surface": surface, "place_id": place_id, "note": note,
           "created_at": schema.now()}
    write.add_correction(db, surface, place_id, document_id or None, note)
    new_file = not csv_path.exists()
    with open(csv_path, "a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        if new_file:
            writer.writeheader()
        writer.writerow(row)
    return row


def read_file(csv_path: Path) -> list[dict]:
    if not csv_path.exists():
        return []
    with open(csv_path, newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row.get("surface") and row.get("place_id")]


def restore(db, csv_path: Path) -> int:
    """Copy into the database every correction of the file that it lacks; returns how many."""
    have = {(r["document_id"] or "", r["surface"], r["place_id"]) for r in write.corrections(db)}
    restored = 0
    for row in read_file(csv_path):
        key = (row.get("document_id") or "", row["surface"], row["place_id"])
        if key not in have:
            write.add_correction(db, row["surface"], row["place_id"], row.get("document_id") or None, row.get("note", ""))
            have.add(key)
            restored += 1
    return restored


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.corrections", description=__doc__.split("\n")[0])
    parser.add_argument("--db", default=str(schema.DEFAULT_DB))
    sub = parser.add_subparsers(dest="command", required=True)
    adding = sub.add_parser("add", help="map a surface form to a place id on every later load")
    adding.add_argument("surface")
    adding.add_argument("place_id")
    adding.add_argument("--document", help="only in this document")
    adding.add_argument("--note", default="")
    sub.add_parser("list", help="show every correction")
    args = parser.parse_args(argv)
    try:
        db = schema.connect(args.db)
    except schema.StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    path = csv_path_for(args.db)
    restore(db, path)
    if args.command == "add":
        add(db, path, args.surface, args.place_id, args.document, args.note)
        print(f"added: {args.surface!r} -> {args.place_id}; run python -m lib.load --rebuild to apply it to stored articles")
    for row in write.corrections(db):
        print(f"{row['surface']!r} -> {row['place_id']}  document={row['document_id'] or 'any'}  {row['note'] or ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
