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

FIELDS = ["document_id", "surface", "place_id", "note", "created_at", "start", "name", "lat", "lon"]
EXTRA = ("start", "name", "lat", "lon")  # one mention's position; a place entered by its coordinates


def csv_path_for(db_path) -> Path:
    return Path(db_path).with_name("corrections.csv")


def add(db, csv_path: Path, surface: str, place_id: str, document_id=None, note="", **extra) -> dict:
    """Record a correction in the database and append it to the CSV file (extra: start, name, lat, lon)."""
    extra = {k: extra.get(k) for k in EXTRA}
    row = {"document_id": document_id or "", "surface": surface, "place_id": place_id, "note": note,
           "created_at": schema.now(), **{k: "" if v is None else v for k, v in extra.items()}}
    write.add_correction(db, surface, place_id, document_id or None, note, **extra)
    _widen(csv_path)
    new_file = not csv_path.exists()
    with open(csv_path, "a", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        if new_file:
            writer.writeheader()
        writer.writerow(row)
    return row


def _widen(csv_path: Path) -> None:
    """Rewrite a file written before the extra columns existed with every column, keeping its rows."""
    if not csv_path.exists():
        return
    with open(csv_path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or set(FIELDS) <= set(reader.fieldnames):
            return
        rows = list(reader)
    with open(csv_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def read_file(csv_path: Path) -> list[dict]:
    if not csv_path.exists():
        return []
    with open(csv_path, newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row.get("surface") and row.get("place_id")]


def restore(db, csv_path: Path) -> int:
    """Copy into the database every correction of the file that it lacks; returns how many."""
    def key(r):
        return (r.get("document_id") or "", r["surface"], r["place_id"], _number(r.get("start"), int))

    have = {key(r) for r in write.corrections(db)}
    restored = 0
    for row in read_file(csv_path):
        if key(row) not in have:
            write.add_correction(db, row["surface"], row["place_id"], row.get("document_id") or None, row.get("note", ""),
                                 start=_number(row.get("start"), int), name=row.get("name") or None,
                                 lat=_number(row.get("lat"), float), lon=_number(row.get("lon"), float))
            have.add(key(row))
            restored += 1
    return restored


def _number(value, kind):
    """A number from a CSV cell or a row ('' or None: none)."""
    return None if value in (None, "") else kind(value)


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
        from lib import edits

        try:
            edits.fix_place(db, path, args.surface, "article" if args.document else "everywhere",
                            place_id=args.place_id, document_id=args.document, note=args.note)
        except edits.EditError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        print(f"added: {args.surface!r} -> {args.place_id}; applied to the stored articles and every later load")
    for row in write.corrections(db):
        print(f"{row['surface']!r} -> {row['place_id']}  document={row['document_id'] or 'any'}  {row['note'] or ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
