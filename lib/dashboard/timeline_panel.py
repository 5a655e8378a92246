"""The Counts page's timeline: incidents per week or month; a click on a bar sets the date filter to that period."""
from __future__ import annotations

import dataclasses

import streamlit as st

from lib import timeline
from lib.dashboard import page, tables
from lib.dashboard.context import Context
from lib.dashboard.sidebar import FILTERS_KEY, NOTICES_KEY
from lib.filters import Filters
from lib.store import queries

BY_KEY = "timeline_by"


def filter_to_period(chart_key: str) -> None:
    """The chart's callback: the clicked bar's period becomes the date filter (the other filters stay)."""
    period = timeline.selected_period(st.session_state.get(chart_key))
    if period is None:
        return
    current = st.session_state.get(FILTERS_KEY) or Filters()
    st.session_state[FILTERS_KEY] = dataclasses.replace(current, date_from=period[0], date_to=period[1])
    st.session_state[NOTICES_KEY] = []


def draw(ctx: Context) -> bool:
    """The timeline section; True when it had incidents to draw."""
    st.subheader("Timeline")
    by = st.segmented_control("Bars by", list(timeline.PERIODS), default="month", key=BY_KEY,
                              format_func=str.capitalize) or "month"
    periods, left_off = ctx.run(queries.incident_timeline, ctx.filters, by)
    note = (f"{left_off:,} incident{'s' if left_off != 1 else ''} not on the timeline: "
            f"{'its' if left_off == 1 else 'their'} date is not known to the {by}") if left_off else ""
    page.row_count(len(periods), f"{by}s with incidents", note, one=f"{by} with incidents")
    if periods.empty:
        page.nothing_matches(f"dated incidents")
        return False
    # a key per filter set: a new chart (with no bar selected) whenever the filters change
    chart_key = f"timeline_{by}_{abs(hash(ctx.filters)) % 10**8}"
    st.plotly_chart(timeline.figure(periods, by, f"Incidents, killed and injured by {by}"), key=chart_key,
                    width="stretch", on_select=lambda: filter_to_period(chart_key), selection_mode="points",
                    config={"displaylogo": False})
    st.caption("Click a bar to filter every page to that period; bars are incidents (a series counts once), "
               "killed and injured summed over the incidents that give a figure.")
    st.dataframe(periods, hide_index=True, width="stretch", height=tables.height(len(periods)),
                 placeholder=tables.BLANK)
    page.download(periods, f"counts-by-{by}", f"Download counts by {by} (CSV)", key=f"dl_{by}")
    return True
