"""CSV downloads: exactly the rows a table shows, safe to open in a spreadsheet.

Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
get a leading single quote, as the OWASP guidance on CSV injection recommends. Numeric columns are left
alone, so a negative longitude stays a number. The file is UTF-8 with a header row and ISO dates, and
reads back with pandas.read_csv.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell that cannot start a formula; other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with text columns neutralised and dates written as ISO text; numbers untouched."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_bool_dtype(series) or pd.api.types.is_numeric_dtype(series):
            continue
        if pd.api.types.is_datetime64_any_dtype(series):
            out[column] = series.dt.strftime("%Y-%m-%dT%H:%M:%S").str.replace("T00:00:00", "", regex=False)
            continue
        out[column] = series.map(lambda v: neutralise(v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v))
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a header row (no index) of a neutralised copy of frame."""
    # CRLF rows (RFC 4180): cells holding \r or \n get quoted, so the file reads back row for row
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def file_name(what: str, day: dt.date | None = None) -> str:
    """e.g. atlas-incidents-2026-11-27.csv: what the file holds and the day it was made."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in what.lower()).strip("-") or "rows"
    while "--" in slug:
        slug = slug.replace("--", "-")
    return f"atlas-{slug}-{(day or dt.date.today()).isoformat()}.csv"
