"""Downloads: exactly the rows a table shows, as CSV (safe to open in a spreadsheet) or as GeoJSON.

Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
get a leading single quote, as the OWASP guidance on CSV injection recommends. Numeric columns are left
alone, so a negative longitude stays a number. The file is UTF-8 with a header row and ISO dates, and
reads back with pandas.read_csv. The GeoJSON is a FeatureCollection with one feature per row: a point at the
row's longitude and latitude (no geometry when it has none) and the CSV's columns as its properties.
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import json
import io
import math

import pandas as pd

from lib import filters as F
from lib import precision

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
        if pd.api.types.is_string_dtype(series) and not pd.api.types.is_object_dtype(series):
            # text only (no dates to write): quote the formula cells column-wise, not one cell at a time
            starts = series.str.startswith(FORMULA_STARTS).fillna(False).astype(bool)
            if starts.any():
                out[column] = series.where(~starts, "'" + series)
            continue
        out[column] = series.map(lambda v: neutralise(v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v))
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def _cells(series: pd.Series) -> list:
    """A column's cells as CSV text, as pandas writes them: missing as empty, numbers in their shortest form."""
    if pd.api.types.is_float_dtype(series) and not isinstance(series.dtype, pd.api.extensions.ExtensionDtype):
        values = series.to_numpy()
        text = values.astype(str).tolist()
        return ["" if v != v else t for v, t in zip(values.tolist(), text)]
    if pd.api.types.is_integer_dtype(series) or pd.api.types.is_bool_dtype(series):
        if not series.hasnans:
            return series.astype(str).tolist() if isinstance(series.dtype, pd.api.extensions.ExtensionDtype) \
                else series.to_numpy().astype(str).tolist()
        return ["" if v is pd.NA else str(v) for v in series.astype(object).tolist()]
    if pd.api.types.is_string_dtype(series) and not pd.api.types.is_object_dtype(series):
        return series.fillna("").tolist()
    if pd.api.types.is_object_dtype(series):
        return ["" if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v) else str(v)
                for v in series.tolist()]
    return None  # anything else: pandas writes it


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a header row (no index) of a neutralised copy of frame."""
    # CRLF rows (RFC 4180): cells holding \r or \n get quoted, so the file reads back row for row
    safe = safe_frame(frame)
    columns = [_cells(safe.iloc[:, i]) for i in range(safe.shape[1])]
    if not columns or any(c is None for c in columns):
        return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8")
    # text, numbers and counts (the tables' columns): rows written by the csv module, which pandas also uses
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(safe.columns)
    writer.writerows(zip(*columns))
    return out.getvalue().encode("utf-8")


CHUNK_ROWS = 5000  # rows a CSV written from a cursor holds in memory at once


def csv_chunks(columns: list[str], rows, integers=frozenset()):
    """The bytes to_csv writes for the DataFrame of these rows (as lib.store.queries reads them: columns named
    in integers as Int64), made chunk by chunk straight from the rows (a cursor's tuples) without one: text
    that could start a formula gets its quote, every other value is written by the csv module as pandas
    would (None as empty, numbers in their shortest form)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(str(c)) for c in columns])
    # a whole float in an integer column is written as the integer it stands for (Int64 reads it so)
    whole = [n for n, c in enumerate(columns) if c in integers]
    chunk = []
    for row in rows:
        if any(v.__class__ is str and v.startswith(FORMULA_STARTS) for v in row):
            row = [neutralise(v) for v in row]
        if whole and any(row[n].__class__ is float for n in whole):
            row = [int(v) if n in whole and v.__class__ is float and v.is_integer() else v
                   for n, v in enumerate(row)]
        chunk.append(row)
        if len(chunk) >= CHUNK_ROWS:
            writer.writerows(chunk)
            chunk.clear()
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    writer.writerows(chunk)
    yield out.getvalue().encode("utf-8")


def rows_csv(columns: list[str], rows, integers=frozenset()) -> bytes:
    """csv_chunks joined: the whole file."""
    return b"".join(csv_chunks(columns, rows, integers))


def _slug(text: str) -> str:
    slug = "".join(ch if ch.isalnum() or ch in "._" else "-" for ch in str(text)).strip("-")
    while "--" in slug:
        slug = slug.replace("--", "-")
    return slug


def filters_slug(filters: F.Filters | None) -> str:
    """The filters in a file name: 'PK-bombing-2024-01-01_2024-12-31', 'all' when none is set."""
    if filters is None or filters.is_empty():
        return "all"
    parts = list(filters.countries) + list(filters.types) + [p.split(":")[-1] for p in filters.places]
    parts += [f"victims-{n}" for n in filters.nationalities]
    if filters.text:
        parts.append("text-" + filters.text[:24])
    if filters.min_confidence:
        parts.append(f"conf-{filters.min_confidence:g}")
    if filters.reviewed:
        parts.append("reviewed")
    if filters.date_from or filters.date_to:
        parts.append(f"{filters.date_from or 'start'}_{filters.date_to or 'end'}")
    return _slug("-".join(parts))[:120].strip("-") or "filtered"


def file_name(what: str, filters: F.Filters | None = None, ext: str = "csv") -> str:
    """e.g. atlas-incidents-PK-2024-01-01_2024-12-31.csv: what the file holds and the filters that chose it."""
    what = _slug(what.lower()).replace(".", "-").strip("-") or "rows"
    return f"atlas-{what}-{filters_slug(filters)}.{ext}"


def _plain(value):
    """A JSON value of a cell: missing as null, numbers as numbers, dates as ISO text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (dt.date, dt.datetime, pd.Timestamp)):
        return value.isoformat().replace("T00:00:00", "")
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def to_geojson(frame: pd.DataFrame) -> bytes:
    """A UTF-8 GeoJSON FeatureCollection of frame: a Point at (longitude, latitude) per row, or no geometry, and
    every column (the CSV's) as properties."""
    has_point = {"latitude", "longitude"} <= set(frame.columns)
    features = []
    for row in frame.to_dict("records"):
        props = {str(k): _plain(v) for k, v in row.items()}
        lat, lon = (props.get("latitude"), props.get("longitude")) if has_point else (None, None)
        geometry = {"type": "Point", "coordinates": [float(lon), float(lat)]} \
            if isinstance(lat, (int, float)) and isinstance(lon, (int, float)) else None
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False).encode("utf-8")


def date_span(date) -> tuple[str | None, str | None]:
    """The first and last ISO day a (possibly month- or year-precise) date covers: '2024-10' -> 1st to 31st."""
    if not isinstance(date, str) or len(date) < 4 or not date[:4].isdigit():
        return None, None
    year = int(date[:4])
    if len(date) >= 10:
        return date[:10], date[:10]
    if len(date) >= 7 and date[5:7].isdigit():
        month = int(date[5:7])
        return f"{date[:7]}-01", f"{date[:7]}-{calendar.monthrange(year, month)[1]:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def incidents_export(table: pd.DataFrame) -> pd.DataFrame:
    """The incidents table as exported: its columns with ISO date_start/date_end and the ACLED-style
    time_precision beside the date, geo_precision beside the place (lib.precision)."""
    out = table.copy()
    spans = [date_span(d) for d in out["date"]]
    at = list(out.columns).index("date_precision") + 1
    out.insert(at, "date_start", [a for a, _ in spans])
    out.insert(at + 1, "date_end", [b for _, b in spans])
    out.insert(at + 2, "time_precision", pd.array([precision.time_code(p) for p in out["date_precision"]],
                                                  dtype="Int64"))
    out.insert(list(out.columns).index("kind") + 1, "geo_precision",
               pd.array([precision.geo_code(k) for k in out["kind"]], dtype="Int64"))
    return out
