"""Lexicons and pattern tables of the extractor, kept as data files under rules/<language>/.

Two formats, both read once and validated on load; a malformed file raises RuleError naming its path and line:
- word lists (`NAME.txt`): one entry a line; `#` starts a comment; blank lines are skipped; an entry
  listed twice is an error (it is almost always a typo or a merge gone wrong).
- tables (`NAME.csv`): a header row, then one row a rule; every row has every column of the header, and the
  columns a caller requires must be in the header.
"""
from __future__ import annotations

import csv
import functools
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
LANGUAGE = "en"


class RuleError(ValueError):
    """A rule file is missing or malformed; the message names the file and the line."""


def path_of(name: str, suffix: str, language: str = LANGUAGE) -> Path:
    return FOLDER / language / f"{name}{suffix}"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(f"{path}: rule file not found") from None
    except UnicodeDecodeError as error:
        raise RuleError(f"{path}: not UTF-8 ({error})") from None


def parse_words(text: str, origin: str = "<text>") -> tuple[str, ...]:
    """The entries of a word list, in file order."""
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if entry in seen:
            raise RuleError(f"{origin}:{number}: {entry!r} is already listed on line {seen[entry]}")
        seen[entry] = number
    return tuple(seen)


def parse_table(text: str, required: tuple[str, ...] = (), origin: str = "<text>") -> tuple[dict, ...]:
    """The rows of a CSV table as dicts; lines starting with '#' are comments."""
    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1)
             if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        raise RuleError(f"{origin}: empty table, a header row is needed")
    rows = list(csv.reader(line for _, line in lines))
    header = [column.strip() for column in rows[0]]
    missing = [column for column in required if column not in header]
    if missing:
        raise RuleError(f"{origin}:{lines[0][0]}: header lacks column(s) {', '.join(missing)}")
    out = []
    for (number, _), row in zip(lines[1:], rows[1:]):
        if len(row) != len(header):
            raise RuleError(f"{origin}:{number}: {len(row)} fields where the header has {len(header)}")
        out.append({column: value.strip() for column, value in zip(header, row)})
    return tuple(out)


@functools.cache
def words(name: str, language: str = LANGUAGE) -> tuple[str, ...]:
    """The word list rules/<language>/<name>.txt."""
    path = path_of(name, ".txt", language)
    return parse_words(_read(path), str(path))


@functools.cache
def table(name: str, required: tuple[str, ...] = (), language: str = LANGUAGE) -> tuple[dict, ...]:
    """The table rules/<language>/<name>.csv, checked to have the required columns."""
    path = path_of(name, ".csv", language)
    return parse_table(_read(path), required, str(path))
