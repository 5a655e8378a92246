"""The dashboard's filters: one immutable model, read from and written to URL query parameters.

Every page shares the same filters. A copied link reopens the same view because the filters live in the
URL. Values read from a URL are validated: what cannot be used is dropped and reported in plain words,
never raised.

Query parameters (repeat a key for several values)::

    from=YYYY-MM-DD  to=YYYY-MM-DD  country=PK  place=<place id>  type=bombing
    nat=CN (victims' nationality)  q=<free text>  conf=0.5 (minimum confidence, 0..1)
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

PARAMS = ("from", "to", "country", "place", "type", "nat", "q", "conf")
MAX_TEXT = 10_000          # characters of free text a person may search for
MAX_VALUES = 50            # values of one multi-valued parameter
MAX_VALUE_CHARS = 200      # characters of one country, place, type or nationality value
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
_COUNTRY = re.compile(r"[A-Z]{2}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    countries: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    text: str = ""
    min_confidence: float = 0.0

    def is_empty(self) -> bool:
        return self == Filters()

    def without(self, name: str) -> "Filters":
        return replace(self, **{name: Filters.__dataclass_fields__[name].default})


@dataclass
class Choices:
    """What the database holds, to validate values against (None: accept any well-formed value)."""
    countries: set[str] | None = None
    places: set[str] | None = None
    types: set[str] | None = None
    nationalities: set[str] | None = None


def _values(params: Mapping, key: str) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _short(value: str, limit: int = 40) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[:limit] + "…"


def _parse_date(raw: str, name: str, notices: list[str]) -> dt.date | None:
    raw = raw.strip()
    if not raw:
        return None
    if len(raw) > 10 or not _DATE.fullmatch(raw):
        notices.append(f"Ignored the {name} date {_short(raw)!r}: not a YYYY-MM-DD date.")
        return None
    try:
        value = dt.date.fromisoformat(raw)
    except ValueError:
        notices.append(f"Ignored the {name} date {raw!r}: no such day.")
        return None
    if not MIN_DATE <= value <= MAX_DATE:
        notices.append(f"Ignored the {name} date {raw!r}: outside {MIN_DATE.year}–{MAX_DATE.year}.")
        return None
    return value


def _parse_list(params, key, label, known, notices, normalise=lambda v: v.strip()) -> tuple[str, ...]:
    raw = _values(params, key)
    if len(raw) > MAX_VALUES:
        notices.append(f"Ignored the {label} filter: {len(raw)} values, at most {MAX_VALUES} are allowed.")
        return ()
    out = []
    for value in raw:
        # one parameter may also hold several values separated by commas
        for part in value.split(",") if key in ("country", "nat") else [value]:
            item = normalise(part)
            if not item:
                continue
            if len(item) > MAX_VALUE_CHARS:
                notices.append(f"Ignored a {label} value of {len(item)} characters: too long.")
                continue
            if key in ("country", "nat") and not _COUNTRY.fullmatch(item):
                notices.append(f"Ignored the {label} {_short(item)!r}: not a two-letter country code.")
                continue
            if known is not None and item not in known:
                notices.append(f"Ignored the unknown {label} {_short(item)!r}.")
                continue
            if item not in out:
                out.append(item)
    return tuple(out)


def parse(params: Mapping, choices: Choices | None = None) -> tuple[Filters, list[str]]:
    """Filters from query parameters ({key: str or [str, ...]}); returns (filters, notices).

    Never raises: each unusable value is dropped and described in a notice a person can read.
    """
    choices = choices or Choices()
    notices: list[str] = []
    date_from = _parse_date((_values(params, "from") or [""])[-1], "from", notices)
    date_to = _parse_date((_values(params, "to") or [""])[-1], "to", notices)
    if date_from and date_to and date_from > date_to:
        notices.append(f"Ignored the date range {date_from} to {date_to}: it ends before it starts.")
        date_from = date_to = None
    countries = _parse_list(params, "country", "country", choices.countries, notices, lambda v: v.strip().upper())
    places = _parse_list(params, "place", "place", choices.places, notices)
    types = _parse_list(params, "type", "incident type", choices.types, notices, lambda v: v.strip().lower())
    nats = _parse_list(params, "nat", "victims' nationality", choices.nationalities, notices,
                       lambda v: v.strip().upper())
    text = (_values(params, "q") or [""])[-1]
    if len(text) > MAX_TEXT:
        notices.append(f"Ignored the search text: {len(text):,} characters, at most {MAX_TEXT:,} are allowed.")
        text = ""
    min_confidence = 0.0
    raw_conf = (_values(params, "conf") or [""])[-1].strip()
    if raw_conf:
        try:
            if len(raw_conf) > 20:
                raise ValueError
            value = float(raw_conf)
            if not math.isfinite(value) or not 0.0 <= value <= 1.0:
                raise ValueError
            min_confidence = round(value, 2)
        except ValueError:
            notices.append(f"Ignored the minimum confidence {_short(raw_conf)!r}: give a number from 0 to 1.")
    return Filters(date_from, date_to, countries, places, types, nats, text, min_confidence), notices


def to_params(filters: Filters) -> dict[str, str | list[str]]:
    """Query parameters for filters: only the set ones, so an unfiltered view has a clean URL."""
    out: dict[str, str | list[str]] = {}
    if filters.date_from:
        out["from"] = filters.date_from.isoformat()
    if filters.date_to:
        out["to"] = filters.date_to.isoformat()
    for key, values in (("country", filters.countries), ("place", filters.places),
                        ("type", filters.types), ("nat", filters.nationalities)):
        if values:
            out[key] = list(values)
    if filters.text:
        out["q"] = filters.text
    if filters.min_confidence:
        out["conf"] = f"{filters.min_confidence:g}"
    return out


def describe(filters: Filters, place_names: Mapping[str, str] | None = None) -> str:
    """The filters in words, for captions and file notes ('all data' when none is set)."""
    parts = []
    if filters.date_from or filters.date_to:
        parts.append(f"dates {filters.date_from or '…'} to {filters.date_to or '…'}")
    if filters.countries:
        parts.append("country " + ", ".join(filters.countries))
    if filters.places:
        names = place_names or {}
        parts.append("place " + ", ".join(names.get(p, p) for p in filters.places))
    if filters.types:
        parts.append("type " + ", ".join(filters.types))
    if filters.nationalities:
        parts.append("victims from " + ", ".join(filters.nationalities))
    if filters.text:
        parts.append(f"text “{_short(filters.text, 60)}”")
    if filters.min_confidence:
        parts.append(f"confidence ≥ {filters.min_confidence:g}")
    return "; ".join(parts) if parts else "all data"


def fts_query(text: str) -> str | None:
    """An FTS5 query that finds every word a person typed, with no operator meaning.

    Each whitespace-separated token becomes a quoted string (double quotes doubled), so AND, OR, NOT,
    NEAR, *, ^, parentheses, a lone '-' and column filters are searched as plain words.
    Returns None when nothing searchable remains.
    """
    tokens = [t for t in text.split() if any(ch.isalnum() for ch in t)]
    if not tokens:
        return None
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens[:64])


def like_pattern(text: str) -> str:
    """A LIKE pattern that matches text literally (use with ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
