"""Counts: incidents and mentions by place, country and incident type, each chart beside its table, and the
timeline of incidents by week or month."""
import streamlit as st

from lib import charts, filters
from lib.dashboard import page, render, tables, timeline_panel
from lib.store import queries

ctx = page.start("Counts")
if ctx is None:
    st.stop()

st.title("Counts")
st.caption("Filters: " + render.esc_md(filters.describe(ctx.filters, ctx.place_names)) + ". " + render.esc_md(
    "Incidents are events (their reports grouped, a series counted once); killed and injured are summed over the "
    "incidents that give a figure, and the columns ending in _unknown count those that do not. Every table "
    "downloads with exactly its rows."))

SECTIONS = [
    ("place", "By place", ["place_id", "name", "kind", "country_code", "admin1", "latitude", "longitude",
                           "incidents", "killed", "killed_unknown", "injured", "injured_unknown", "attackers_killed",
                           "mentions", "articles"],
     ["incidents", "mentions"], "name", "places"),
    ("country", "By country", None, ["incidents", "mentions"], "country_name", "countries"),
    ("type", "By incident type", None, ["incidents", "killed", "injured"], None, "incident types"),
]
any_rows = False
for by, heading, columns, measures, label, noun in SECTIONS:
    table = ctx.run(queries.counts_by, ctx.filters, by)
    if columns:
        table = table[columns]
    st.subheader(heading)
    page.row_count(len(table), noun)
    if table.empty:
        page.nothing_matches(noun)
        continue
    any_rows = True
    chart_col, table_col = st.columns([1, 1], gap="medium")
    with chart_col:
        fig = charts.bar_chart(table, by if by != "place" else "place_id", measures, heading, label=label)
        st.plotly_chart(fig, key=f"chart_{by}", width="stretch", config={"displaylogo": False})
    with table_col:
        st.dataframe(table, hide_index=True, width="stretch", height=tables.height(len(table)),
                     placeholder=tables.BLANK)
        page.download(table, f"counts-by-{by}", f"Download counts by {by} (CSV)", key=f"dl_{by}")

timeline_panel.draw(ctx)
render.footer()
