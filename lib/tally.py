"""Counting incidents: reports in, one row per incident out, and totals every page agrees on.

The vocabulary of every headline, chart, table and CSV:

- a *report* is one article's account of an incident (a row of the store's incidents table);
- an *incident* is an event: its reports grouped by lib.events (their shared event_id).

An incident's figures are the highest its reports give; a figure no report gives is unknown (missing), never
zero, and a total skips it and says how many incidents had none. Attackers killed (militants killed by the
security forces, or attackers who died) are a figure apart, never inside killed. A part of a series (one
site of coordinated blasts, whose toll the series' toll already holds) is folded into its series when the
series is among the rows, so the totals count its dead once; alone (the series filtered out) it counts.
Pure functions of DataFrames: no Streamlit, no SQL.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

FIGURES = ("killed", "injured", "attackers_killed")

# the columns of the incidents table and its CSV, in order
COLUMNS = ["incident", "date", "date_precision", "type", "place", "kind", "country_code", "admin1", "latitude",
           "longitude", "killed", "injured", "attackers_killed", "victims", "perpetrator", "reports", "articles",
           "sources", "parts", "corrected", "title", "document_id", "url", "place_id"]


_FIRST = {"date": "date", "date_precision": "date_precision", "type": "type", "place": "place", "kind": "kind",
          "country_code": "country_code", "admin1": "admin1", "latitude": "latitude", "longitude": "longitude",
          "victims": "victims", "perpetrator": "perpetrator", "title": "title", "document_id": "document_id",
          "url": "url", "place_id": "place_id"}


def _as_object(values) -> np.ndarray:
    """Plain Python values (None for missing): text columns as object arrays, which take fast."""
    return np.array([None if v is None or v is pd.NA or (isinstance(v, float) and v != v) else v
                     for v in values], dtype=object)


def incidents(reports: pd.DataFrame) -> pd.DataFrame:
    """One row per incident (event_id) of reports, newest first, with the COLUMNS of the incidents table.

    Type, date, place, victims, perpetrator and the article named are those of the most confident report (then
    the first); killed, injured and attackers_killed the highest any report gives (missing when none does);
    sources the distinct sources of its reports; corrected the figure fixes people made to them (words, '' for
    none); part_of the series it is a part of (kept for folding).
    """
    if reports is None or reports.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS + ["part_of"]})
    n = len(reports)
    ids = reports["incident_id"].to_numpy(dtype="int64", na_value=0)
    events = _as_object(reports["event_id"])
    events = np.array([e if e is not None else f"report-{i}" for e, i in zip(events, ids)], dtype=object)
    codes, uniques = pd.factorize(events)
    confidence = reports["confidence"].astype("float64").fillna(1.0).to_numpy()
    order = np.lexsort((ids, -confidence, codes))           # by event, most confident first, then lowest id
    firsts = order[np.r_[True, codes[order][1:] != codes[order][:-1]]]  # one report per event, in code order
    out = pd.DataFrame({"incident": uniques.astype(object)})
    for column, source in _FIRST.items():
        values = reports[source].to_numpy(dtype=object) if source in reports else np.full(n, None, dtype=object)
        out[column] = _as_object(values[firsts]) if column not in ("latitude", "longitude") else \
            pd.to_numeric(pd.Series(values[firsts]), errors="coerce").to_numpy()
    for figure in FIGURES:  # the highest known figure; missing when no report gives one
        if figure in reports:
            out[figure] = pd.Series(reports[figure].astype("Int64").to_numpy()).groupby(codes).max() \
                .reindex(range(len(uniques))).astype("Int64").to_numpy()
        else:
            out[figure] = pd.array([pd.NA] * len(uniques), dtype="Int64")
    out["reports"] = np.bincount(codes, minlength=len(uniques)).astype("int64")
    docs = pd.DataFrame({"c": codes, "d": _as_object(reports["document_id"])}).drop_duplicates()
    out["articles"] = np.bincount(docs["c"].to_numpy(), minlength=len(uniques)).astype("int64")
    out["sources"] = _sources(codes, _as_object(reports["source"]) if "source" in reports else
                              np.full(n, None, dtype=object), len(uniques))
    out["corrected"] = _sources(codes, _as_object(reports["corrected"]) if "corrected" in reports else
                                np.full(n, None, dtype=object), len(uniques))
    out["parts"] = ""
    part_of = np.full(len(uniques), None, dtype=object)
    if "part_of" in reports:  # the series this incident is a part of (never itself: a report may join its series)
        links = _as_object(reports["part_of"])
        for code, link in zip(codes[order], links[order]):
            if link is not None and link != uniques[code] and part_of[code] is None:
                part_of[code] = link
    out["part_of"] = part_of
    published = _as_object(reports["published"])[firsts] if "published" in reports else np.full(len(firsts), None)
    day = [d if isinstance(d, str) and d else (p if isinstance(p, str) and p else "") for d, p in
           zip(out["date"], published)]
    out["_day"] = day
    out = out.sort_values(["_day", "incident"], ascending=[False, True], kind="stable")
    return out.drop(columns="_day").reset_index(drop=True)


def _sources(codes: np.ndarray, sources: np.ndarray, size: int) -> list[str]:
    """Per event code, the distinct texts (sources, corrections) of its reports joined with '; ' (in report order)."""
    out = [[] for _ in range(size)]
    for code, source in zip(codes, sources):
        if isinstance(source, str) and source.strip() and source.strip() not in out[code]:
            out[code].append(source.strip())
    return ["; ".join(names) for names in out]


def _part_label(row) -> str:
    figures = ", ".join(f"{row[f]} {f.replace('_', ' ')}" for f in ("killed", "injured") if not pd.isna(row[f]))
    return f"{row['place'] or 'place unknown'}" + (f" ({figures})" if figures else "")


def fold_series(table: pd.DataFrame) -> pd.DataFrame:
    """The incidents that count: each part whose series is in the table leaves it, named in the series' parts.

    Columns are COLUMNS (part_of dropped); a part whose series is not in the table stays a row of its own.
    """
    if table.empty:
        return table.drop(columns=["part_of"], errors="ignore").reindex(columns=COLUMNS)
    # plain lists: walking an Arrow-backed column element by element costs microseconds a cell
    incidents, links = table["incident"].tolist(), table["part_of"].tolist()
    present = set(incidents)
    is_part = np.array([isinstance(s, str) and s in present and s != own for s, own in zip(links, incidents)],
                       dtype=bool)
    if not is_part.any():
        return table[COLUMNS].reset_index(drop=True)
    parts = table[is_part]
    out = table[~is_part].copy()
    if not parts.empty:
        labels = {series: "; ".join(_part_label(r) for _, r in rows.iterrows())
                  for series, rows in parts.groupby("part_of", sort=False)}
        out["parts"] = [labels.get(i, "") for i in out["incident"]]
    return out[COLUMNS].reset_index(drop=True)


def table(reports: pd.DataFrame) -> pd.DataFrame:
    """The incidents table: one row per incident that counts (series folded), newest first."""
    return fold_series(incidents(reports))


def figure_total(values: pd.Series) -> tuple[int, int]:
    """(sum of the known figures, number of rows without one)."""
    values = pd.Series(values, dtype="Int64") if not isinstance(values, pd.Series) else values
    return int(values.dropna().sum()), int(values.isna().sum())


def totals(table: pd.DataFrame) -> dict:
    """Headline numbers of an incidents table: incidents, reports, and each figure's sum with the number of
    incidents that give none (key '<figure>_unknown')."""
    out = {"incidents": int(len(table)), "reports": int(table["reports"].sum()) if len(table) else 0}
    for figure in FIGURES:
        out[figure], out[f"{figure}_unknown"] = figure_total(table[figure]) if len(table) else (0, 0)
    return out


def without_figure(n_unknown: int) -> str:
    """'1 incident without a figure', '3 incidents without a figure', '' for none."""
    if not n_unknown:
        return ""
    return f"{n_unknown} incident{'s' if n_unknown != 1 else ''} without a figure"


def grouped(table: pd.DataFrame, key: pd.Series, name: str) -> pd.DataFrame:
    """Per value of key (one per row of table): incidents, reports, and each figure summed over the incidents
    that give it (blank when none does), with '<figure>_unknown' counts; the groups' sums are table's totals."""
    columns = [name, "incidents", "reports"] + [c for f in FIGURES for c in (f, f"{f}_unknown")]
    if table.empty:
        return pd.DataFrame({c: pd.Series(dtype="object" if c == name else "int64") for c in columns})
    frame = table.assign(**{name: key.values})
    groups = frame.groupby(name, sort=False, dropna=False)
    out = pd.DataFrame({"incidents": groups.size(), "reports": groups["reports"].sum()})
    for figure in FIGURES:  # blank when no incident of the group gives the figure
        values = frame[figure].astype("Int64")
        out[figure] = values.groupby(frame[name], sort=False, dropna=False).sum(min_count=1).astype("Int64")
        out[f"{figure}_unknown"] = values.isna().groupby(frame[name], sort=False, dropna=False).sum().astype("int64")
    out = out.reset_index()
    out[name] = out[name].fillna("").astype(str)
    return out[columns]


def month_of(date) -> str:
    """The month an incident is counted in: 'YYYY-MM', 'YYYY (month unknown)' or '(date unknown)'."""
    if not isinstance(date, str) or not date:
        return "(date unknown)"
    return date[:7] if len(date) >= 7 else f"{date[:4]} (month unknown)"
