"""The dashboard's filters: one immutable model, and a registry saying how each filter is read from the
URL, written back to it and put in words.

Every page shares the same filters. A copied link reopens the same view because the filters live in the
URL. Values read from a URL are validated: what cannot be used is dropped and reported in plain words,
never raised. Each filter's SQL condition is lib.store.queries.CONDITIONS[filter name], so that every SQL
statement stays in lib.store.

Query parameters (repeat a key for several values)::

    from=YYYY-MM-DD  to=YYYY-MM-DD  country=PK  place=<place id>  type=bombing
    nat=CN (victims' nationality)  q=<free text>  conf=0.5 (minimum confidence, 0..1)
    reviewed=1 (only places a person confirmed or corrected, and the incidents placed there)
"""
from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Callable, Mapping

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
    reviewed: bool = False

    def is_empty(self) -> bool:
        return self == Filters()


@dataclass
class Choices:
    """What the database holds, to validate values against (None: accept any well-formed value)."""
    countries: set[str] | None = None
    places: set[str] | None = None
    types: set[str] | None = None
    nationalities: set[str] | None = None


@dataclass(frozen=True)
class Filter:
    """One filter: the URL parameters it owns, how it reads and writes them, and how it reads in words."""
    name: str
    params: tuple[str, ...]
    parse: Callable[[Mapping, Choices, list], dict]      # -> the Filters fields it sets; notices appended
    to_params: Callable[[Filters], dict]                 # -> only the parameters that are set
    describe: Callable[[Filters, Mapping], str | None]   # -> words, or None when it is not set


def _values(params: Mapping, key: str) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _last(params: Mapping, key: str) -> str:
    return (_values(params, key) or [""])[-1]


def _short(value: str, limit: int = 40) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[:limit] + "…"


# --- dates ----------------------------------------------------------------------------------------

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


def _parse_dates(params: Mapping, choices: Choices, notices: list[str]) -> dict:
    date_from = _parse_date(_last(params, "from"), "from", notices)
    date_to = _parse_date(_last(params, "to"), "to", notices)
    if date_from and date_to and date_from > date_to:
        notices.append(f"Ignored the date range {date_from} to {date_to}: it ends before it starts.")
        date_from = date_to = None
    return {"date_from": date_from, "date_to": date_to}


def _dates_params(filters: Filters) -> dict:
    out = {}
    if filters.date_from:
        out["from"] = filters.date_from.isoformat()
    if filters.date_to:
        out["to"] = filters.date_to.isoformat()
    return out


def _describe_dates(filters: Filters, place_names: Mapping) -> str | None:
    if filters.date_from or filters.date_to:
        return f"dates {filters.date_from or '…'} to {filters.date_to or '…'}"
    return None


# --- values chosen from what the database holds -------------------------------------------------------

def _list_filter(param: str, field: str, label: str, words: str, codes: bool = False,
                 lowercase: bool = False, named: bool = False) -> Filter:
    """A filter of several values of one parameter (codes: two-letter country codes, commas allowed)."""

    def normalise(value: str) -> str:
        value = value.strip()
        return value.upper() if codes else value.lower() if lowercase else value

    def parse(params: Mapping, choices: Choices, notices: list[str]) -> dict:
        known = getattr(choices, field)
        raw = _values(params, param)
        if len(raw) > MAX_VALUES:
            notices.append(f"Ignored the {label} filter: {len(raw)} values, at most {MAX_VALUES} are allowed.")
            return {field: ()}
        out = []
        for value in raw:
            for part in value.split(",") if codes else [value]:
                item = normalise(part)
                if not item:
                    continue
                if len(item) > MAX_VALUE_CHARS:
                    notices.append(f"Ignored a {label} value of {len(item)} characters: too long.")
                    continue
                if codes and not _COUNTRY.fullmatch(item):
                    notices.append(f"Ignored the {label} {_short(item)!r}: not a two-letter country code.")
                    continue
                if known is not None and item not in known:
                    notices.append(f"Ignored the unknown {label} {_short(item)!r}.")
                    continue
                if item not in out:
                    out.append(item)
        return {field: tuple(out)}

    def to_params(filters: Filters) -> dict:
        values = getattr(filters, field)
        return {param: list(values)} if values else {}

    def describe(filters: Filters, place_names: Mapping) -> str | None:
        values = getattr(filters, field)
        if not values:
            return None
        return f"{words} " + ", ".join(place_names.get(v, v) if named else v for v in values)

    return Filter(param, (param,), parse, to_params, describe)


# --- free text and confidence -------------------------------------------------------------------------

def _parse_text(params: Mapping, choices: Choices, notices: list[str]) -> dict:
    text = _last(params, "q")
    if len(text) > MAX_TEXT:
        notices.append(f"Ignored the search text: {len(text):,} characters, at most {MAX_TEXT:,} are allowed.")
        text = ""
    return {"text": text}


def _parse_confidence(params: Mapping, choices: Choices, notices: list[str]) -> dict:
    raw = _last(params, "conf").strip()
    if not raw:
        return {"min_confidence": 0.0}
    try:
        if len(raw) > 20:
            raise ValueError
        value = float(raw)
        if not math.isfinite(value) or not 0.0 <= value <= 1.0:
            raise ValueError
        return {"min_confidence": round(value, 2)}
    except ValueError:
        notices.append(f"Ignored the minimum confidence {_short(raw)!r}: give a number from 0 to 1.")
        return {"min_confidence": 0.0}


_YES, _NO = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")


def _parse_reviewed(params: Mapping, choices: Choices, notices: list[str]) -> dict:
    raw = _last(params, "reviewed").strip().lower()
    if raw in _YES:
        return {"reviewed": True}
    if raw not in _NO:
        notices.append(f"Ignored reviewed={_short(raw)!r}: give 1 for reviewed places only, or leave it out.")
    return {"reviewed": False}


REGISTRY: tuple[Filter, ...] = (
    Filter("dates", ("from", "to"), _parse_dates, _dates_params, _describe_dates),
    _list_filter("country", "countries", "country", "country", codes=True),
    _list_filter("place", "places", "place", "place", named=True),
    _list_filter("type", "types", "incident type", "type", lowercase=True),
    _list_filter("nat", "nationalities", "victims' nationality", "victims from", codes=True),
    Filter("q", ("q",), _parse_text, lambda f: {"q": f.text} if f.text else {},
           lambda f, names: f"text “{_short(f.text, 60)}”" if f.text else None),
    Filter("conf", ("conf",), _parse_confidence,
           lambda f: {"conf": f"{f.min_confidence:g}"} if f.min_confidence else {},
           lambda f, names: f"confidence ≥ {f.min_confidence:g}" if f.min_confidence else None),
    Filter("reviewed", ("reviewed",), _parse_reviewed, lambda f: {"reviewed": "1"} if f.reviewed else {},
           lambda f, names: "reviewed places only" if f.reviewed else None),
)
PARAMS = tuple(param for f in REGISTRY for param in f.params)


def parse(params: Mapping, choices: Choices | None = None) -> tuple[Filters, list[str]]:
    """Filters from query parameters ({key: str or [str, ...]}); returns (filters, notices).

    Never raises: each unusable value is dropped and described in a notice a person can read.
    """
    choices = choices or Choices()
    notices: list[str] = []
    fields = {}
    for f in REGISTRY:
        fields.update(f.parse(params, choices, notices))
    return Filters(**fields), notices


def to_params(filters: Filters) -> dict[str, str | list[str]]:
    """Query parameters for filters: only the set ones, so an unfiltered view has a clean URL."""
    out: dict[str, str | list[str]] = {}
    for f in REGISTRY:
        out.update(f.to_params(filters))
    return out


def describe(filters: Filters, place_names: Mapping[str, str] | None = None) -> str:
    """The filters in words, for captions and file notes ('all data' when none is set)."""
    parts = [f.describe(filters, place_names or {}) for f in REGISTRY]
    return "; ".join(p for p in parts if p) or "all data"
