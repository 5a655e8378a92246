"""The Overview's headline: what the filters select, each figure saying what it counts (incidents or reports)
and how many incidents give no figure, so an unknown is never shown as zero."""
from __future__ import annotations

import streamlit as st

from lib import tally
from lib.charts import counted

INCIDENT_HELP = ("An incident is one event: the reports of it in several articles (same type family, agreeing "
                 "dates, places within 50 km) count once, with the highest figure any report gives. A part of a "
                 "series (one site of coordinated attacks) counts within its series.")
FIGURE_HELP = {
    "killed": "Victims killed, summed over the incidents that give a figure; attackers killed are apart.",
    "injured": "People injured, summed over the incidents that give a figure.",
    "attackers_killed": "Attackers or militants killed (by security forces, or by their own attack): never "
                        "counted as victims.",
}
LABELS = {"killed": "Killed", "injured": "Injured", "attackers_killed": "Attackers killed"}


def figure_value(total: int, unknown: int, incidents: int) -> str:
    """A headline figure: the sum of the known ones, or '–' when no incident gives one."""
    return "–" if incidents and unknown >= incidents else f"{total:,}"


def metrics(overview: dict) -> None:
    """The row of headline numbers, with a note under each figure some incidents lack."""
    cols = st.columns(7)
    plain = [("Articles", "articles", None), ("Places", "places", "Places with coordinates that the selected "
              "articles mention or where a selected incident happened"),
             ("Mentions", "mentions", "Place names found in the selected articles"),
             ("Incidents", "incidents", INCIDENT_HELP)]
    for col, (label, key, help_text) in zip(cols, plain):
        col.metric(label, f"{overview[key]:,}", help=help_text)
    for col, figure in zip(cols[len(plain):], tally.FIGURES):
        unknown = overview.get(f"{figure}_unknown", 0)
        col.metric(LABELS[figure], figure_value(overview[figure], unknown, overview["incidents"]),
                   help=FIGURE_HELP[figure])
        if figure != "attackers_killed" and unknown:
            col.caption(tally.without_figure(unknown))


def table_note(table) -> str:
    """The incidents table's caption note: its totals, and how many incidents give no figure."""
    if table is None or table.empty:
        return ""
    totals = tally.totals(table)
    parts = [f"from {counted(totals['reports'], 'report')}"]
    for figure in ("killed", "injured"):
        missing = totals[f"{figure}_unknown"]
        known = figure_value(totals[figure], missing, totals["incidents"])
        note = f" ({tally.without_figure(missing)})" if missing and known != "–" else ""
        parts.append(f"{figure} {known}{note}" if known != "–" else f"{figure} unknown")
    if totals["attackers_killed"]:
        parts.append(f"attackers killed {totals['attackers_killed']:,}")
    return ", ".join(parts)
