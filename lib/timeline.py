"""The timeline: incidents per week or month on a real time axis, and the period a clicked bar names.

Pure functions: an incidents table (lib.tally) in, a DataFrame or a plotly figure out. Only incidents dated
at least as precisely as the period are placed (a month-precise date is not put in one of its weeks); the
rest are counted apart, so the bars never pretend to know more than the text says. Periods without an
incident have no bar: on a date axis a gap is a gap.
"""
from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go

from lib import tally

PERIODS = ("month", "week")
MEASURES = ("incidents", "killed", "injured")
COLOURS = {"incidents": "#2166ac", "killed": "#c0392b", "injured": "#e67e22"}
COLUMNS = ["period_start", "period_end", "incidents", "reports", "killed", "killed_unknown", "injured",
           "injured_unknown", "attackers_killed"]


def _day(date) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if isinstance(date, str) and len(date) >= 10 else None
    except ValueError:
        return None


def period_of(date, precision, by: str) -> tuple[dt.date, dt.date] | None:
    """The (first, last) day of the week (Monday to Sunday) or month an incident's date falls in, or None
    when the date is not precise enough for that period."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {PERIODS}, not {by!r}")
    if not isinstance(date, str) or len(date) < 7:
        return None
    if by == "week":
        day = _day(date) if precision in (None, "day") or len(date) >= 10 else None
        if day is None:
            return None
        first = day - dt.timedelta(days=day.weekday())
        return first, first + dt.timedelta(days=6)
    try:
        first = dt.date(int(date[:4]), int(date[5:7]), 1)
    except ValueError:
        return None
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def table(incidents: pd.DataFrame, by: str = "month") -> tuple[pd.DataFrame, int]:
    """(one row per period with incidents, oldest first; the number of incidents left off for want of a date
    that precise). Figures are sums of the known ones, blank when no incident of the period gives one."""
    periods, known = [], {}
    if len(incidents):  # dates repeat: each (date, precision) is worked out once, from plain lists
        for pair in zip(incidents["date"].tolist(), incidents["date_precision"].tolist()):
            if pair not in known:
                found = period_of(*pair, by)
                known[pair] = None if found is None else (found[0].isoformat(), found[1].isoformat())
            periods.append(known[pair])
    placed = [p is not None for p in periods]
    left_off = len(periods) - sum(placed)
    if not any(placed):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS}), left_off
    rows = incidents if left_off == 0 else incidents[placed]
    starts = pd.Series([p[0] for p in periods if p is not None], index=rows.index)
    out = tally.grouped(rows, starts, "period_start")
    ends = dict(p for p in known.values() if p is not None)
    out["period_end"] = out["period_start"].map(ends)
    return out[COLUMNS].sort_values("period_start", kind="stable").reset_index(drop=True), left_off


def figure(periods: pd.DataFrame, by: str = "month", title: str = "") -> go.Figure:
    """Grouped bars of incidents, killed and injured per period on a date axis; each bar's customdata is its
    period as 'first|last' ISO days, which selected_period reads back from a click."""
    fig = go.Figure()
    x = pd.to_datetime(periods["period_start"]).tolist() if len(periods) else []
    span = [f"{a}|{b}" for a, b in zip(periods["period_start"], periods["period_end"])] if len(periods) else []
    label = "week of %{x|%d %b %Y}" if by == "week" else "%{x|%B %Y}"
    for measure in MEASURES:
        values = periods[measure].astype("Float64").fillna(0).astype(float).tolist() if len(periods) else []
        fig.add_trace(go.Bar(x=x, y=values, name=measure, customdata=span, marker={"color": COLOURS[measure]},
                             hovertemplate=f"{label}: %{{y:d}} {measure}<extra></extra>"))
    fig.update_layout(
        title={"text": html.escape(title)}, barmode="group", height=340, bargap=0.15,
        margin={"l": 10, "r": 10, "t": 40, "b": 10}, legend={"orientation": "h", "y": -0.2},
        xaxis={"type": "date", "title": {"text": by}, "tickformat": "%d %b %Y" if by == "week" else "%b %Y"},
        yaxis={"title": {"text": "number"}, "rangemode": "tozero"},
        clickmode="event+select", dragmode="zoom", hovermode="x",  # a click near a thin bar still picks it
    )
    return fig


def selected_period(selection) -> tuple[dt.date, dt.date] | None:
    """The (first, last) day of the period of the first bar in a plotly_chart selection, or None."""
    points = []
    try:
        points = list(selection["selection"]["points"])
    except (KeyError, TypeError):
        try:
            points = list(selection.selection.points)
        except AttributeError:
            return None
    for point in points:
        custom = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(custom, list) and custom:
            custom = custom[0]
        if isinstance(custom, str) and "|" in custom:
            first, last = custom.split("|", 1)
            try:
                return dt.date.fromisoformat(first), dt.date.fromisoformat(last)
            except ValueError:
                continue
    return None
