"""Map: one marker per place; click one (or choose it in "Place") to read the excerpts behind it."""
from functools import partial

import streamlit as st

from lib import basemap, charts
from lib.dashboard import map_panel, page, render
from lib.store import queries

ctx = page.start("Map")
if ctx is None:
    st.stop()

st.title("Map")
places = ctx.run(queries.place_counts, ctx.filters)
if places.empty:
    page.nothing_matches("places")
    render.footer()
    st.stop()

controls = st.columns([2, 2, 3])
size_by = controls[0].radio("Marker size", ["mentions", "incidents"], horizontal=True, key="map_size",
                            format_func=lambda v: f"by number of {v}")
ids = list(places["place_id"])
if st.session_state.get(map_panel.PLACE_KEY) not in ids:
    st.session_state[map_panel.PLACE_KEY] = None
map_panel.place_from_url(ids)
st.session_state["map_place"] = st.session_state[map_panel.PLACE_KEY]
labels = {r.place_id: f"{r.name} ({r.kind}, {r.country_code or '?'}) · {r.mentions} mentions, "
          f"{r.incidents} incidents" for r in places.itertuples()}
# The visible area is chosen here, not taken from the filtered places, so it stays put while filters change.
everywhere = ctx.run(queries.place_counts, None)
countries = ctx.choices.get("country_names", {})
views = ["all", "chosen"] + [f"country:{c}" for c in ctx.choices["countries"]]
view_name = controls[1].selectbox(
    "Zoom to", views, key="map_view",
    format_func=lambda v: {"all": "every place in the database", "chosen": "the chosen place, close up"}.get(
        v, f"{countries.get(v[8:], v[8:])} ({v[8:]})" if v.startswith("country:") else v))
chosen = st.session_state[map_panel.PLACE_KEY]
if view_name == "chosen" and chosen is not None:
    row = places[places["place_id"] == chosen].iloc[0]
    view = charts.view_around(float(row["latitude"]), float(row["longitude"]))
elif view_name.startswith("country:"):
    view = charts.view_of(everywhere[everywhere["country_code"] == view_name[8:]])
else:
    view = charts.view_of(everywhere)

fig = charts.map_figure(places, size_by, view=view, revision=view_name)
st.plotly_chart(fig, config=charts.MAP_CONFIG, key=map_panel.MAP_KEY, on_select=partial(map_panel.map_selected, places),
                selection_mode="points", width="stretch")
st.caption("Red: incident sites; blue: places only mentioned. The paler the marker, the less precisely the place is "
           "located (exact site, city or town, district, province, region, country: see the legend). Scroll or "
           "use +/− to zoom; markers close together separate when zoomed in, or choose them under “Place”. "
           f"“Zoom to” sets a new view. {basemap.attribution()}; place names GeoNames.")
page.row_count(len(places), "places")
st.selectbox("Place", [None] + ids, key="map_place", on_change=map_panel.place_chosen,
             format_func=lambda pid: "— choose a place, or click a marker —" if pid is None else labels[pid])
chosen = st.session_state[map_panel.PLACE_KEY]
if chosen is None:
    st.info("Click a marker on the map, or choose a place above, to read the excerpts behind it.")
else:
    map_panel.excerpts(ctx, chosen)

st.subheader("Places on the map")
st.dataframe(places, hide_index=True, width="stretch")
page.download(places, "places", "Download places (CSV)", key="dl_places")
render.footer()
