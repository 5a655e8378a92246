"""Map: one marker per incident above one marker per place; click one to read the incident or the excerpts."""
from functools import partial

import streamlit as st

from lib import basemap, charts
from lib.dashboard import map_panel, map_view, page, render, tables
from lib.store import queries

ctx = page.start("Map")
if ctx is None:
    st.stop()

st.title("Map")
places = ctx.run(queries.place_counts, ctx.filters)
events = ctx.run(queries.events, ctx.filters)
# a part of a series (one site of coordinated blasts) counts within its series, as in every total: drawn small
events, parts = charts.split_parts(events, ctx.run(queries.series_links, ctx.filters))
if places.empty and events.empty:
    page.nothing_matches("places")
    render.footer()
    st.stop()

countries = ctx.choices.get("country_names", {})
views = ["all", "chosen"] + [f"country:{c}" for c in ctx.choices["countries"]]
map_panel.view_from_url(views)
ids = places["place_id"].tolist()
if st.session_state.get(map_panel.PLACE_KEY) not in ids:
    st.session_state[map_panel.PLACE_KEY] = None
map_panel.place_from_url(ids)
map_panel.event_from_url(events["event_id"].tolist())
st.session_state["map_place"] = st.session_state[map_panel.PLACE_KEY]
labels = {pid: f"{name} ({kind}, {code or '?'}) · {charts.counted(mentions, 'mention')}, "
          f"{charts.counted(incidents, 'incident')}"
          for pid, name, kind, code, mentions, incidents in zip(*(places[c].tolist() for c in (
              "place_id", "name", "kind", "country_code", "mentions", "incidents")))}

controls = st.columns([3, 2, 3])
controls[0].radio("Incident size", charts.SIZE_BY, horizontal=True, key="map_size",
                  format_func=lambda v: f"by {v}")
controls[1].toggle("Show places mentioned", key="map_places")
# The visible area is chosen here, not taken from the filtered markers, so it stays put while filters change.
everywhere = ctx.run(queries.located_places)
view_name = controls[2].selectbox(
    "Zoom to", views, key="map_view",
    format_func=lambda v: {"all": "every place in the database", "chosen": "the chosen marker, close up"}.get(
        v, f"{countries.get(v[8:], v[8:])} ({v[8:]})" if v.startswith("country:") else v))
map_panel.view_to_url()
chosen, chosen_event = st.session_state[map_panel.PLACE_KEY], st.session_state[map_panel.EVENT_KEY]
focus = places[places["place_id"] == chosen] if chosen else events[events["event_id"] == chosen_event]
view = charts.view_named(view_name, everywhere, focus)

show_places = bool(st.session_state["map_places"])
# A new "Zoom to" choice (or, close up, a new chosen marker) frames its view; anything else keeps the person's.
revision = f"{view_name}:{chosen or chosen_event}" if view_name == "chosen" else view_name
figure = map_panel.figure_json(ctx, places, events, everywhere, st.session_state["map_size"], show_places, view,
                              revision, parts,
                              chosen if chosen else charts.EVENT_PREFIX + chosen_event if chosen_event else None)
map_view.draw(figure, charts.MAP_CONFIG, charts.MAP_HEIGHT, map_panel.MAP_KEY,
              on_click=partial(map_panel.map_clicked, places, events), on_view=map_panel.map_moved,
              seen=map_panel.seen_view())
st.html(map_panel.precision_legend())
st.caption("Incidents: one marker per event, coloured by type, its area by the chosen count; small grey markers "
           "linked by a line to their series: parts of a series (coordinated attacks), counted within the series "
           "and opening it; a yellow halo: the chosen marker; blue: places "
           "mentioned, by number of mentions (hide them with the switch). How precisely a marker's coordinates "
           "locate it shows in the circle around it (key above: a dark ring for an exact site, a white ring for "
           "a city or town, a wider pale halo and a paler marker the vaguer the place); the hover says how "
           "precisely each date and place is known. Scroll or use +/− to zoom. "
           f"{basemap.attribution()}; place names GeoNames.")
page.row_count(len(events), "incidents", f"and {charts.counted(len(parts), 'part')} of a series, counted "
              "within it" if len(parts) else "")
page.row_count(len(places), "places")
st.selectbox("Place", [None] + ids, key="map_place", on_change=map_panel.place_chosen,
             format_func=lambda pid: "— choose a place, or click a marker —" if pid is None else labels[pid])
if chosen is not None:
    map_panel.spot_chooser(ctx, "place", chosen, places if show_places else places.iloc[0:0], events)
    map_panel.excerpts(ctx, chosen)
elif chosen_event is not None:
    map_panel.spot_chooser(ctx, "event", chosen_event, places if show_places else places.iloc[0:0], events)
    map_panel.incident(ctx, chosen_event, events, parts)
else:
    st.info("Click a marker on the map, or choose a place above, to read the incident or the excerpts behind it.")

st.subheader("Places on the map")
st.dataframe(places, hide_index=True, width="stretch", height=tables.height(len(places)),
             placeholder=tables.BLANK, key="places_table")
page.download(places, "places", "Download places (CSV)", key="dl_places")
render.footer()
