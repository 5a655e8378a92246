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

import pandas as pd

FIGURES = ("killed", "injured", "attackers_killed")

# the columns of the incidents table and its CSV, in order
COLUMNS = ["incident", "date", "date_precision", "type", "place", "kind", "country_code", "admin1", "latitude",
           "longitude", "killed", "injured", "attackers_killed", "victims", "perpetrator", "reports", "articles",
           "sources", "parts", "title", "document_id", "url", "place_id"]


def _text(values) -> str:
    """Distinct non-empty texts joined with '; ', in order of first appearance."""
    seen = dict.fromkeys(str(v).strip() for v in values if isinstance(v, str) and v.strip())
    return "; ".join(seen)


def _most(values: pd.Series):
    """The highest known figure, or missing when no report gives one."""
    known = values.dropna()
    return known.max() if len(known) else pd.NA


def incidents(reports: pd.DataFrame) -> pd.DataFrame:
    """One row per incident (event_id) of reports, newest first, with the COLUMNS of the incidents table.

    Type, date, place, victims, perpetrator and the article named are those of the most confident report (then
    the first); killed, injured and attackers_killed the highest any report gives (missing when none does);
    sources the distinct sources of its reports; part_of the series it is a part of (kept for folding).
    """
    if reports is None or reports.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS + ["part_of"]})
    frame = reports.copy()
    frame["event_id"] = frame["event_id"].fillna("report-" + frame["incident_id"].astype(str))
    frame["_confidence"] = frame["confidence"].astype("float64").fillna(1.0)
    ordered = frame.sort_values(["event_id", "_confidence", "incident_id"], ascending=[True, False, True],
                                kind="stable")
    groups = ordered.groupby("event_id", sort=False)
    first = groups.head(1).set_index("event_id")
    out = pd.DataFrame({
        "incident": first.index,
        "date": first["date"].values, "date_precision": first["date_precision"].values,
        "type": first["type"].values, "place": first["place"].values, "kind": first["kind"].values,
        "country_code": first["country_code"].values, "admin1": first["admin1"].values,
        "latitude": first["latitude"].values, "longitude": first["longitude"].values,
    })
    for figure in FIGURES:
        column = figure if figure in frame else None
        values = groups[column].agg(_most) if column else pd.Series(pd.NA, index=first.index)
        out[figure] = pd.array(values.reindex(first.index).tolist(), dtype="Int64")
    out["victims"] = first["victims"].values
    out["perpetrator"] = first["perpetrator"].values
    out["reports"] = groups.size().reindex(first.index).astype("int64").values
    out["articles"] = groups["document_id"].nunique().reindex(first.index).astype("int64").values
    out["sources"] = groups["source"].agg(_text).reindex(first.index).values
    out["parts"] = ""
    out["title"] = first["title"].values
    out["document_id"] = first["document_id"].values
    out["url"] = first["url"].values
    out["place_id"] = first["place_id"].values
    part_of = pd.Series(None, index=first.index, dtype="object")
    if "part_of" in frame:  # the series this incident is a part of (never itself: a report may join its series)
        linked = ordered[ordered["part_of"].notna() & (ordered["part_of"] != ordered["event_id"])]
        linked = linked.drop_duplicates("event_id").set_index("event_id")["part_of"]
        part_of = linked.reindex(first.index).astype("object")
    out["part_of"] = part_of.values
    out["_day"] = [_sort_day(d, p) for d, p in zip(out["date"], first["published"].values)]
    out = out.sort_values(["_day", "incident"], ascending=[False, True], kind="stable", na_position="last")
    return out.drop(columns="_day").reset_index(drop=True)


def _sort_day(date, published) -> str | None:
    """The day an incident sorts by: its date (a month or year as its first day), else its article's."""
    value = date if isinstance(date, str) and date else published
    return value if isinstance(value, str) and value else None


def _part_label(row) -> str:
    figures = ", ".join(f"{row[f]} {f.replace('_', ' ')}" for f in ("killed", "injured") if not pd.isna(row[f]))
    return f"{row['place'] or 'place unknown'}" + (f" ({figures})" if figures else "")


def fold_series(table: pd.DataFrame) -> pd.DataFrame:
    """The incidents that count: each part whose series is in the table leaves it, named in the series' parts.

    Columns are COLUMNS (part_of dropped); a part whose series is not in the table stays a row of its own.
    """
    if table.empty:
        return table.drop(columns=["part_of"], errors="ignore").reindex(columns=COLUMNS)
    present = set(table["incident"])
    is_part = pd.Series([isinstance(s, str) and s in present and s != own
                         for s, own in zip(table["part_of"], table["incident"])], index=table.index)
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
    for figure in FIGURES:
        known = groups[figure].agg(lambda v: int(v.dropna().sum()) if v.notna().any() else pd.NA)
        out[figure] = pd.array(known.tolist(), dtype="Int64")  # blank when no incident of the group gives it
        out[f"{figure}_unknown"] = groups[figure].agg(lambda v: int(v.isna().sum()))
    out = out.reset_index()
    out[name] = out[name].fillna("").astype(str)
    return out[columns]


def month_of(date) -> str:
    """The month an incident is counted in: 'YYYY-MM', 'YYYY (month unknown)' or '(date unknown)'."""
    if not isinstance(date, str) or not date:
        return "(date unknown)"
    return date[:7] if len(date) >= 7 else f"{date[:4]} (month unknown)"
