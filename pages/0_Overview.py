"""Overview: headline counts, the map, the latest incidents and what the data covers."""
import streamlit as st

from lib import charts, filters
from lib.dashboard import map_panel, page, render, sidebar
from lib.store import queries

ctx = page.start("Overview")
if ctx is None:
    st.stop()

st.title("Incident Atlas")
st.caption("Security incidents and the places named in news articles. Filters: "
           + render.esc_md(filters.describe(ctx.filters, ctx.place_names)))
overview = ctx.run(queries.overview, ctx.filters)
cols = st.columns(6)
EVENT_HELP = ("An incident reported by several articles counts once, with the highest toll any report gives: "
              "reports of the same type family, with agreeing dates and places within 50 km, are one incident.")
for col, (label, key) in zip(cols, [("Articles", "articles"), ("Places", "places"), ("Mentions", "mentions"),
                                    ("Incidents", "incidents"), ("Killed", "killed"), ("Injured", "injured")]):
    col.metric(label, f"{overview[key]:,}", help=EVENT_HELP if key in ("incidents", "killed", "injured") else None)

first, last = overview["first_published"], overview["last_published"]
coverage = (f"Articles published {first} to {last}" if first else "No publication dates")
coverage += f" from {overview['sources']} source{'s' if overview['sources'] != 1 else ''}"
if overview["first_incident"]:
    coverage += (f"; {overview['incidents']:,} incidents from {overview['reports']:,} reports, dated "
                 f"{overview['first_incident']} to {overview['last_incident']}")
st.caption(render.esc_md(coverage) + f" · {overview['total_articles']} articles in the database.")

if overview["articles"] == 0:
    page.nothing_matches("articles")
else:
    places = ctx.run(queries.place_counts, ctx.filters)
    st.subheader("Map")
    events = ctx.run(queries.events, ctx.filters)
    event = st.plotly_chart(charts.map_figure(places, events, height=480,
                                             view=charts.view_of(ctx.run(queries.place_counts, None))),
                            config=charts.MAP_CONFIG, key="overview_map", width="stretch",
                            on_select="rerun", selection_mode="points")
    clicked = map_panel.picked_from_selection(event, places, events)
    if clicked is not None:  # a click opens the Map page with that incident or that place's excerpts
        param = map_panel.EVENT_PARAM if clicked[0] == "event" else map_panel.SEL_PARAM
        st.switch_page("pages/1_Map.py", query_params={**sidebar.filter_params(ctx), param: clicked[1]})
    render.page_link("pages/1_Map.py", "Click a place to read its excerpts on the Map page, or open the map",
                 sidebar.filter_params(ctx), icon=":material/map:")

    st.subheader("Latest incidents")
    incidents = ctx.run(queries.incidents, ctx.filters)
    page.row_count(len(incidents), "incidents")
    if incidents.empty:
        page.nothing_matches("incidents")
    else:
        st.dataframe(incidents[["date", "type", "place", "country_code", "killed", "injured", "victims",
                                "reports", "title", "source"]].head(10), hide_index=True, width="stretch")
    page.download(incidents, "incidents", "Download incidents (CSV)", key="dl_incidents")

render.footer()
