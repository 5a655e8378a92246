"""Overview: headline counts, the map, every incident the filters select and what the data covers."""
import streamlit as st

from lib import charts, export, filters
from lib.dashboard import headline, map_panel, page, render, sidebar, tables
from lib.store import queries

MAP_INCIDENTS = 2000   # incident markers on this map (those with the most killed); the Map page draws all
TABLE_ROWS = 1000      # rows of the incidents table (the newest); its downloads hold every one

ctx = page.start("Overview")
if ctx is None:
    st.stop()

st.title("Incident Atlas")
st.caption("Security incidents and the places named in news articles. Filters: "
           + render.esc_md(filters.describe(ctx.filters, ctx.place_names)))
overview = ctx.run(queries.overview, ctx.filters)
headline.metrics(overview)

first, last = overview["first_published"], overview["last_published"]
coverage = (f"Articles published {first} to {last}" if first else "No publication dates")
if overview["sources"]:  # no "from 0 sources" when no article names its source
    coverage += f" from {charts.counted(overview['sources'], 'named source')}"
if overview["first_incident"]:
    coverage += (f"; {charts.counted(overview['incidents'], 'incident')} from "
                 f"{charts.counted(overview['reports'], 'report')}, dated "
                 f"{overview['first_incident']} to {overview['last_incident']}")
st.caption(render.esc_md(coverage) + f" · {charts.counted(overview['total_articles'], 'article')} in the database.")

if overview["articles"] == 0:
    page.nothing_matches("articles")
else:
    places = ctx.run(queries.place_counts, ctx.filters)
    st.subheader("Map")
    events, located = ctx.run(queries.gravest_events, ctx.filters, MAP_INCIDENTS)
    clicked = map_panel.overview_map(ctx, places, events, ctx.run(queries.located_places), 480)
    if clicked is not None:  # a click opens the Map page with that incident or that place's excerpts
        param = map_panel.EVENT_PARAM if clicked[0] == "event" else map_panel.SEL_PARAM
        st.switch_page("pages/1_Map.py", query_params={**sidebar.filter_params(ctx), param: clicked[1]})
    if located > len(events):
        st.caption(f"The map shows the {len(events):,} incidents with the most killed of the {located:,} with "
                   "a located place, and every place; the Map page draws every incident.")
    render.page_link("pages/1_Map.py", "Click a place to read its excerpts on the Map page, or open the map",
                 sidebar.filter_params(ctx), icon=":material/map:")

    st.subheader("Incidents")
    incidents = ctx.run(queries.incident_table, ctx.filters)
    page.row_count(len(incidents), "incidents", headline.table_note(incidents), shown=TABLE_ROWS)
    if incidents.empty:
        page.nothing_matches("incidents")
    else:
        tables.show(tables.incidents_view(incidents.head(TABLE_ROWS), sidebar.filter_params(ctx)), "open incident",
                    key="incidents_table")
    page.download(incidents, "incidents", "Download incidents (CSV)", key="dl_incidents",
                  prepare=export.incidents_export)
    page.brief_download(incidents, filters.describe(ctx.filters, ctx.place_names), key="dl_brief")

render.footer()
