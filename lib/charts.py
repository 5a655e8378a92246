"""Figures for the dashboard: pure functions from DataFrames to plotly figures (no Streamlit, no I/O).

The map is a ``scattermap`` (MapLibre) over the base map lib.basemap describes, whose tiles, labels and font
the app serves itself, so it draws with no network. Text from articles reaches plotly only HTML-escaped: its
hover labels render HTML.
"""
from __future__ import annotations

import collections
import html
import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lib import basemap, geo

MAP_CONFIG = {"displaylogo": False, "scrollZoom": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
MAP_UIREVISION = "atlas-map"  # with the view name: the map keeps its zoom and pan while filters change
MAP_HEIGHT = 720              # the Map page's map: its main element (the map itself over 600 px, legend below)
MAP_WIDTH = 940               # about the width of the full-width map beside the sidebar, to frame a view
LEGEND_ROOM = 130             # pixels of the figure its legend (below the map) takes: not map to frame in

# How precisely a marker's coordinates locate it, from its place's kind (a site placed at its city's
# coordinates is located to the city: see located_to). MapLibre draws only round markers without a sprite
# sheet, so each precision has its own look made of circles: a ring drawn under the marker (dark for an exact
# site, white for a city or town) or a wide pale halo around it (the vaguer, the wider), and a paler marker.
PRECISION = geo.PRECISION
PRECISION_ORDER = geo.PRECISION_ORDER
OPACITY = {"exact site": 0.95, "city or town": 0.85, "district": 0.7, "province": 0.6, "region": 0.5,
           "country": 0.4}
# precision -> (what lies under the marker: "ring" or "halo", its colour, extra diameter in px or scale,
# its opacity); a ring's extra is pixels, a halo's a factor of the marker's diameter
LOOK = {"exact site": ("ring", "#111111", 5, 0.95), "city or town": ("ring", "#ffffff", 5, 0.95),
        "district": ("halo", None, 1.7, 0.22), "province": ("halo", None, 2.1, 0.18),
        "region": ("halo", None, 2.6, 0.14), "country": ("halo", None, 2.6, 0.14)}
PLACE_COLOUR = "#2166ac"      # place markers; incidents take their type's colour
SITE_PREFIX = "site:"         # a site the extractor found by name, placed at its host's coordinates:
                              # "site:<name>@<host place_id>"; hosts are cities, towns or districts
SAME_COORDINATES = 1e-4       # degrees: coordinates closer than this are the same point


def precision(kind) -> str:
    return PRECISION.get(str(kind or "").lower(), "region")


def _located(row) -> str:
    """The precision of a row's coordinates: its 'located' column (from located_to) or its kind's."""
    located = row.get("located") if hasattr(row, "get") else None
    return located if isinstance(located, str) and located else precision(row["kind"])


def located_to(frame: pd.DataFrame, reference: pd.DataFrame | None = None) -> list[str]:
    """How precisely each row's coordinates locate its place: its kind's precision, except that a site (kind
    poi) lying on the coordinates of a vaguer place of reference (a city it was placed at) takes that place's
    precision, and a site the extractor placed at a host ("site:...@host") takes its host's (a city or town
    when the host is not in reference). reference: places with place_id, kind, latitude and longitude."""
    if frame is None or frame.empty:
        return []
    kinds = [str(k or "").lower() for k in frame["kind"]]
    out = [precision(k) for k in kinds]
    if "poi" not in kinds:
        return out
    ref = reference if reference is not None and not reference.empty else frame
    ref = ref[ref["kind"].astype(str).str.lower() != "poi"]
    rank = {level: n for n, level in enumerate(PRECISION_ORDER)}
    at_point: dict = {}
    for kind, lat, lon in zip(ref["kind"], ref["latitude"].astype(float), ref["longitude"].astype(float)):
        point = (round(lat / SAME_COORDINATES), round(lon / SAME_COORDINATES))
        level = precision(kind)
        if point not in at_point or rank[level] < rank[at_point[point]]:
            at_point[point] = level
    kind_of = dict(zip(ref["place_id"].astype(str), ref["kind"]))
    for n, (kind, place_id, lat, lon) in enumerate(zip(kinds, frame["place_id"].astype(str),
                                                       frame["latitude"].astype(float),
                                                       frame["longitude"].astype(float))):
        if kind != "poi":
            continue
        point = (round(lat / SAME_COORDINATES), round(lon / SAME_COORDINATES))
        if point in at_point:
            out[n] = at_point[point]
        elif place_id.startswith(SITE_PREFIX) and "@" in place_id:
            host = place_id.rsplit("@", 1)[1]
            out[n] = precision(kind_of[host]) if host in kind_of else "city or town"
    return out


def marker_sizes(values, smallest: float = 9, largest: float = 38) -> list[float]:
    """Marker diameters in pixels, to a hundredth (the figure is sent for every marker): area grows with the
    count (square-root scale)."""
    values = [max(0.0, float(v or 0)) for v in values]
    top = max(values, default=0) or 1.0
    return [round(smallest + (largest - smallest) * math.sqrt(v / top), 2) for v in values]


def counted(n, noun: str, plural: str | None = None) -> str:
    """'1 article', '2 articles': a count with its noun in the right number."""
    n = int(n)
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def hover_text(row) -> str:
    e = _e
    lines = [f"<b>{e(row['name'])}</b>",
             f"{e(row['kind'])} · {e(row['country_code'])} · located to {_located(row)}",
             f"{counted(row['mentions'], 'mention')} in {counted(row['articles'], 'article')}",
             toll_words(row, counted(row['incidents'], 'incident'))]
    review = review_words(row)
    if review:
        lines.append(review)
    return "<br>".join(lines)


def review_words(row) -> str:
    """'reviewed by a person', 'unreviewed' or '1 of 3 mentions reviewed' ('' when the row does not say)."""
    reviewed, mentions = row.get("reviewed"), int(row.get("mentions") or 0)
    if reviewed is None or reviewed is pd.NA or (isinstance(reviewed, float) and math.isnan(reviewed)):
        return ""
    reviewed = int(reviewed)
    if reviewed == 0:
        return "unreviewed"
    if reviewed >= mentions:
        return "reviewed by a person"
    return f"{reviewed} of {counted(mentions, 'mention')} reviewed"


def _figure_words(value, unknown: int, word: str, incidents: int) -> str:
    """'12 killed', '12 killed (1 incident without a figure)', 'killed unknown': a missing figure is not zero."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or \
            (unknown and unknown >= incidents):
        return f"{word} unknown"
    note = f" ({counted(unknown, 'incident')} without a figure)" if unknown else ""
    return f"{int(value)} {word}{note}"


def toll_words(row, lead: str) -> str:
    """A hover line of tolls: lead, then killed and injured (unknown when no incident gives one), and attackers
    killed apart when any (lib.tally's figures; row may lack the '*_unknown' counts of one incident)."""
    n = int(row.get("incidents", 1) or 0)
    if n == 0:
        return lead
    parts = [lead] + [_figure_words(row.get(f), int(row.get(f"{f}_unknown", 0) or 0), w, n)
                      for f, w in (("killed", "killed"), ("injured", "injured"))]
    attackers = row.get("attackers_killed")
    if attackers is not None and attackers is not pd.NA and not (isinstance(attackers, float) and math.isnan(attackers)) \
            and int(attackers) > 0:
        parts.append(f"{int(attackers)} attackers killed")
    return ", ".join(parts)


def _view(places: pd.DataFrame) -> dict:
    """Longitude and latitude ranges that frame every place with a margin."""
    if places.empty:
        return {"lonaxis_range": [-180, 180], "lataxis_range": [-60, 75]}
    lat, lon = places["latitude"].astype(float), places["longitude"].astype(float)
    lat_pad = max(1.0, (lat.max() - lat.min()) * 0.15)
    lon_pad = max(1.5, (lon.max() - lon.min()) * 0.15)
    return {"lataxis_range": [max(-80.0, lat.min() - lat_pad), min(84.0, lat.max() + lat_pad)],
            "lonaxis_range": [max(-180.0, lon.min() - lon_pad), min(180.0, lon.max() + lon_pad)]}


def view_around(lat: float, lon: float, lat_span: float = 4.0) -> dict:
    """A close view centred on one point (about lat_span degrees high, as wide as the chart)."""
    lon_span = lat_span * MAP_WIDTH / MAP_HEIGHT
    return {"lataxis_range": [lat - lat_span / 2, lat + lat_span / 2],
            "lonaxis_range": [lon - lon_span / 2, lon + lon_span / 2]}


def view_of(places: pd.DataFrame) -> dict:
    """The view that frames every place of places (the whole world when there is none)."""
    return _view(places)


def view_named(name: str, everywhere: pd.DataFrame, focus: pd.DataFrame | None = None) -> dict:
    """The view a "Zoom to" choice names: 'chosen' (close around focus's first row, when there is one),
    'country:XX' (that country's places in everywhere) or anything else (every place in everywhere)."""
    if name == "chosen" and focus is not None and not focus.empty:
        return view_around(float(focus.iloc[0]["latitude"]), float(focus.iloc[0]["longitude"]))
    if name.startswith("country:"):
        return view_of(everywhere[everywhere["country_code"] == name[len("country:"):]])
    return view_of(everywhere)


def map_layout(view: dict | None, height: int, revision: str) -> dict:
    """The layout of a map figure: the app-served base map framing view, kept while revision is unchanged."""
    return {
        "map": basemap.map_layout(view, width=MAP_WIDTH, height=max(200, height - LEGEND_ROOM)),
        "height": height, "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "uirevision": f"{MAP_UIREVISION}:{revision}", "clickmode": "event+select", "dragmode": "pan",
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.01, "x": 0, "title": {"text": ""},
                   "itemdoubleclick": False},
    }


PLACE_GROUP, INCIDENT_GROUP = "Places mentioned", "Incidents"
SIZE_BY = ("killed", "reports", "injured")   # what an incident marker's area tells, chosen on the page
EVENT_PREFIX = "event:"                      # customdata of an incident marker: EVENT_PREFIX + event_id
# Incident types take colours in alphabetical order, so a type keeps its colour whatever else is shown.
TYPE_PALETTE = ["#c0392b", "#e67e22", "#8e44ad", "#16a085", "#d4ac0d", "#6d4c41", "#e84393", "#2c3e50",
                "#7cb342", "#00838f"]


def type_colours(types) -> dict:
    """A colour for every incident type (alphabetical order through TYPE_PALETTE, repeating past its end)."""
    return {t: TYPE_PALETTE[i % len(TYPE_PALETTE)] for i, t in enumerate(sorted({str(t) for t in types}))}


def _e(value) -> str:
    missing = value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))
    return "–" if missing else html.escape(str(value))


def incident_hover(row) -> str:
    """An incident marker's hover label: what, when (and how precisely), where (and how precisely), the toll."""
    when = f"{_e(row['date'])} (to the {_e(row['date_precision'])})" if _e(row["date"]) != "–" else "date unknown"
    lines = [f"<b>{_e(row['type'])}</b> · {when}",
             f"{_e(row['name'])} · {_e(row['country_code'])} · located to {_located(row)}",
             toll_words(dict(row, incidents=1), counted(row['reports'], 'report'))]
    return "<br>".join(lines)


def incident_hovers(rows: list[dict]) -> list[str]:
    """incident_hover of each row, the same words, made in one loop (the Map page labels every incident)."""
    escape = html.escape

    def e(value) -> str:
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            return "–"
        return escape(str(value))

    def figure(value, word: str) -> str:
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            return f"{word} unknown"
        return f"{int(value)} {word}"

    out = []
    for row in rows:
        date = e(row["date"])
        when = f"{date} (to the {e(row['date_precision'])})" if date != "–" else "date unknown"
        reports = int(row["reports"])
        toll = [f"{reports} {'report' if reports == 1 else 'reports'}", figure(row.get("killed"), "killed"),
                figure(row.get("injured"), "injured")]
        attackers = row.get("attackers_killed")
        if attackers is not None and attackers is not pd.NA and not (isinstance(attackers, float) and
                                                                     math.isnan(attackers)) and int(attackers) > 0:
            toll.append(f"{int(attackers)} attackers killed")
        more = row.get("_more") or 0
        hidden = (f"<br>and {more} more {'incident' if more == 1 else 'incidents'} of this type here: click to "
                  "list them") if more else ""
        out.append(f"<b>{e(row['type'])}</b> · {when}<br>{e(row['name'])} · {e(row['country_code'])} · located to "
                   f"{_located(row)}<br>{', '.join(toll)}{hidden}")
    return out


def event_of(customdata) -> str | None:
    """The event_id an incident marker's customdata names, or None for a place marker."""
    if isinstance(customdata, str) and customdata.startswith(EVENT_PREFIX):
        return customdata[len(EVENT_PREFIX):]
    return None


def _records(frame: pd.DataFrame) -> list[dict]:
    """The rows of frame as plain dicts (much faster than to_dict("records") on Arrow-backed columns)."""
    columns = list(frame.columns)
    return [dict(zip(columns, values)) for values in zip(*(frame[c].tolist() for c in columns))]


def _under(part: pd.DataFrame, level: str, colour: str, name: str, group: str) -> dict:
    """The circles drawn under part's markers to show their precision (a ring or a halo), in their legend
    group so they hide with them."""
    return _under_points(part["_size"].tolist(), part["latitude"].astype(float).tolist(),
                         part["longitude"].astype(float).tolist(), level, colour, name, group)


def _under_points(sizes: list, lat: list, lon: list, level: str, colour: str, name: str, group: str) -> dict:
    """_under of markers given as lists of their sizes and coordinates."""
    shape, ring_colour, extra, opacity = LOOK[level]
    return {"type": "scattermap", "mode": "markers", "name": f"{name} · located to {level}", "legendgroup": group,
            "lat": lat, "lon": lon, "hoverinfo": "skip", "showlegend": False,
            "marker": {"size": [round(s + extra, 2) for s in sizes] if shape == "ring"
                       else [round(s * extra, 2) for s in sizes],
                       "color": ring_colour or colour, "opacity": opacity}}


def _marker_trace(part: pd.DataFrame, customdata: list, hovertext: list, name: str, group: str,
                  marker: dict) -> dict:
    return {"type": "scattermap", "mode": "markers", "name": name, "legendgroup": group,
            "lat": part["latitude"].astype(float).tolist(), "lon": part["longitude"].astype(float).tolist(),
            "customdata": customdata, "hovertext": hovertext, "hovertemplate": "%{hovertext}<extra></extra>",
            "marker": marker}


def place_traces(places: pd.DataFrame, reference: pd.DataFrame | None = None) -> list[dict]:
    """Place markers sized by mentions, one trace per precision (paler when vaguer, over the circles that
    show its precision), largest first. Traces are plain plotly dicts (no validation: thousands of points)."""
    if places.empty:
        return []
    places = places.copy()
    places["_size"] = marker_sizes(places["mentions"], 7, 30)
    places["located"] = located_to(places, reference)
    places = places.sort_values("_size", ascending=False, kind="stable")
    unders, traces = [], []
    for level in PRECISION_ORDER:
        part = places[places["located"] == level]
        if part.empty:
            continue
        name = f"Place mentioned · located to {level}"
        unders.append(_under(part, level, PLACE_COLOUR, "Place mentioned", PLACE_GROUP))
        traces.append(_marker_trace(
            part, part["place_id"].tolist(), [hover_text(r) for r in _records(part)], name,
            PLACE_GROUP, {"size": part["_size"].tolist(), "color": PLACE_COLOUR, "opacity": OPACITY[level] * 0.8}))
    return unders + traces


def incident_traces(events: pd.DataFrame, size_by: str = "killed",
                    reference: pd.DataFrame | None = None) -> list[dict]:
    """One marker per event, one trace per type (its colour), area by size_by, paler when its place is vaguer,
    over the circles that show how precisely each is located. Plain plotly dicts, as place_traces."""
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {SIZE_BY}, not {size_by!r}")
    if events is None or events.empty:
        return []
    # plain lists grouped in Python: a map draws thousands of incidents, and each pandas filter of an
    # Arrow-backed frame (a type, then a precision) costs more than the markers it keeps
    sizes = marker_sizes(events[size_by].fillna(0), 10, 40)
    located = located_to(events, reference)
    types = events["type"].fillna("unknown").astype(str).tolist()
    lat, lon = events["latitude"].astype(float).tolist(), events["longitude"].astype(float).tolist()
    rows = _records(events)
    for row, level in zip(rows, located):
        row["located"] = level
    by_type: dict = {}
    for n in sorted(range(len(rows)), key=lambda n: -sizes[n]):  # largest first (a stable sort, as before)
        by_type.setdefault(types[n], []).append(n)
    colours = type_colours(types)
    unders, traces = [], []
    for kind in sorted(by_type):
        members = by_type[kind]
        for level in PRECISION_ORDER:
            here = [n for n in members if located[n] == level]
            if here:
                unders.append(_under_points([sizes[n] for n in here], [lat[n] for n in here], [lon[n] for n in here],
                                            level, colours[kind], f"Incident: {html.escape(kind)}", INCIDENT_GROUP))
        traces.append({"type": "scattermap", "mode": "markers", "name": f"Incident: {html.escape(kind)}",
                       "legendgroup": INCIDENT_GROUP, "lat": [lat[n] for n in members],
                       "lon": [lon[n] for n in members],
                       "customdata": [EVENT_PREFIX + str(rows[n]["event_id"]) for n in members],
                       "hovertext": incident_hovers([rows[n] for n in members]),
                       "hovertemplate": "%{hovertext}<extra></extra>",
                       "marker": {"size": [sizes[n] for n in members], "color": colours[kind],
                                  "opacity": [OPACITY[located[n]] for n in members]}})
    return unders + traces


def topmost_per_spot(events: pd.DataFrame, size_by: str = "killed", keep=()) -> tuple[pd.DataFrame, dict]:
    """The markers worth drawing: of the incidents of one type on one spot (within SAME_SPOT_DEGREES), only the
    largest by size_by (then the first in events' order), the only one a person can see or click there, with
    '_more' saying how many it hides; and {each hidden event_id: the event_id drawn over it}. Events in keep
    (series that have parts linked to them) are always drawn. Every incident stays reachable: a click on a spot
    lists all of its markers (lib.dashboard.map_panel.spot_chooser)."""
    if events is None or events.empty:
        return events, {}
    ids = [str(e) for e in events["event_id"].tolist()]
    keep = {str(k) for k in keep}
    ranked = pd.DataFrame({
        "lat": (events["latitude"].astype(float) / SAME_SPOT_DEGREES).round().to_numpy(),
        "lon": (events["longitude"].astype(float) / SAME_SPOT_DEGREES).round().to_numpy(),
        "type": events["type"].fillna("unknown").astype(str).to_numpy(dtype=object),
        "size": events[size_by].astype("Float64").fillna(0).to_numpy(dtype=float),
        "row": np.arange(len(events))}).sort_values(["size", "row"], ascending=[False, True], kind="stable")
    first_row = ranked.groupby(["lat", "lon", "type"], sort=False)["row"].transform("first").to_numpy()
    rows = ranked["row"].to_numpy()
    under = rows != first_row  # the markers under another (compared as arrays: most markers of a busy map)
    hidden = list(zip(rows[under].tolist(), first_row[under].tolist()))
    if keep:
        hidden = [(row, top) for row, top in hidden if ids[row] not in keep]
    over = {ids[row]: ids[top] for row, top in hidden}
    shown = np.ones(len(events), dtype=bool)
    shown[[row for row, _ in hidden]] = False
    more = collections.Counter(top for _, top in hidden)
    drawn = events[shown].copy()
    drawn["_more"] = [more.get(n, 0) for n in np.flatnonzero(shown).tolist()]
    return drawn, over


SAME_SPOT_DEGREES = 1e-4                     # markers closer than this lie on the same spot


PART_GROUP = "Parts of a series"
PART_SIZE = 8                                # a part of a series: a small marker linked to its series
HIGHLIGHT = ("#111111", "#ffd400")           # the chosen marker's halo: a dark edge round a bright yellow ring


def split_parts(events: pd.DataFrame, links: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(the incidents that count, the parts of a series whose series is among events), as lib.tally folds
    them: links maps a part's event_id to its series' event_id; a part alone (its series not shown) counts."""
    if events is None or events.empty or not links:
        return events, (events.iloc[0:0] if events is not None else events)
    present = set(events["event_id"])
    is_part = [links.get(e) in present and links.get(e) != e for e in events["event_id"]]
    is_part = pd.Series(is_part, index=events.index, dtype=bool)
    parts = events[is_part].copy()
    parts["series"] = [links[e] for e in parts["event_id"]]
    return events[~is_part], parts


def part_hover(row) -> str:
    """A part's hover label: it is a part of a series, its own place and figures, and what a click opens."""
    return "<br>".join([f"<b>Part of a series</b> · {_e(row['type'])}",
                        f"{_e(row['name'])} · {_e(row['country_code'])}",
                        toll_words(dict(row, incidents=1), counted(row['reports'], 'report')),
                        "counted within its series; click to open the series"])


def part_traces(parts: pd.DataFrame | None, events: pd.DataFrame | None) -> list[dict]:
    """Each part of a series as a small marker that opens its series (customdata EVENT_PREFIX + the series'
    event_id), and a thin line from the series' marker to each of its parts."""
    if parts is None or parts.empty or events is None or events.empty:
        return []
    where = {e: (float(a), float(o)) for e, a, o in zip(events["event_id"], events["latitude"], events["longitude"])}
    lat, lon = [], []
    for series, a, o in zip(parts["series"], parts["latitude"], parts["longitude"]):
        if series in where:
            lat += [where[series][0], float(a), None]
            lon += [where[series][1], float(o), None]
    lines = {"type": "scattermap", "mode": "lines", "name": "Part of a series · link to its series",
             "legendgroup": PART_GROUP, "lat": lat, "lon": lon, "hoverinfo": "skip", "showlegend": False,
             "line": {"width": 1.5, "color": "#555555"}}
    markers = _marker_trace(parts, [EVENT_PREFIX + str(s) for s in parts["series"]],
                            [part_hover(r) for r in _records(parts)], "Part of a series (opens the series)",
                            PART_GROUP, {"size": PART_SIZE, "color": "#555555", "opacity": 0.9})
    return [lines, markers]


def highlight_traces(lat: float, lon: float, size: float) -> list[dict]:
    """The halo drawn under the chosen marker (a dark edge round a bright ring), so it stands out where it lies."""
    return [{"type": "scattermap", "mode": "markers", "name": f"Chosen marker · {n}", "lat": [lat], "lon": [lon],
             "hoverinfo": "skip", "showlegend": False, "marker": {"size": size + extra, "color": colour,
                                                                   "opacity": 1}}
            for n, (colour, extra) in enumerate(zip(HIGHLIGHT, (22, 16)))]


def map_spec(places: pd.DataFrame, events: pd.DataFrame | None = None, size_by: str = "killed",
             show_places: bool = True, view: dict | None = None, height: int = MAP_HEIGHT,
             revision: str = "", reference: pd.DataFrame | None = None, parts: pd.DataFrame | None = None) -> dict:
    """The map as a plain plotly figure dict ({"data", "layout"}): incidents (one marker per event, coloured
    by type, sized by size_by) above the places mentioned, each over the circles that show its precision.

    Place markers carry their place_id as customdata, incident markers EVENT_PREFIX + event_id; the circles
    under them carry none and take no hover or click. view (from view_of or view_around) sets the visible
    area; by default it frames every marker. reference (every place) tells which sites lie on a city's
    coordinates. The figure does not depend on which marker is selected; its uirevision changes only with
    revision. parts (from split_parts, not in events) are drawn small above the incidents, each linked to its
    series and opening it.
    """
    data = ((place_traces(places, reference) if show_places else []) + incident_traces(events, size_by, reference)
            + part_traces(parts, events))
    if view is None:
        shown = [f[["latitude", "longitude"]] for f in (places if show_places else None, events)
                 if f is not None and not f.empty]
        view = _view(pd.concat(shown) if shown else pd.DataFrame(columns=["latitude", "longitude"]))
    return {"data": data, "layout": map_layout(view, height, revision)}


def map_figure(places: pd.DataFrame, events: pd.DataFrame | None = None, size_by: str = "killed",
               show_places: bool = True, view: dict | None = None, height: int = MAP_HEIGHT,
               revision: str = "", reference: pd.DataFrame | None = None) -> go.Figure:
    """map_spec as a plotly Figure (for st.plotly_chart)."""
    return go.Figure(map_spec(places, events, size_by, show_places, view, height, revision, reference))


def is_marker(trace) -> bool:
    """Whether a trace of a map figure is markers a person can hover and click (not the circles under them)."""
    get = trace.get if isinstance(trace, dict) else (lambda k: getattr(trace, k, None))
    return get("hoverinfo") != "skip"


def bar_chart(table: pd.DataFrame, category: str, measures: list[str], title: str,
              label: str | None = None, top: int = 25) -> go.Figure:
    """Grouped horizontal bars of measures per category (the top rows, in the table's order)."""
    part = table.head(top)
    labels = part[label] if label and label in part else part[category]
    labels = [html.escape(str(v)) if str(v) else "(unknown)" for v in labels]
    fig = go.Figure()
    for measure in measures:
        if measure in part:
            fig.add_trace(go.Bar(y=labels, x=part[measure].astype(float).tolist(), name=measure,
                                 orientation="h", hovertemplate="%{y}: %{x:d} " + measure + "<extra></extra>"))
    fig.update_layout(
        title={"text": html.escape(title)}, barmode="group", height=max(260, 60 + 28 * len(part) * max(1, len(measures))),
        margin={"l": 10, "r": 10, "t": 40, "b": 10}, yaxis={"autorange": "reversed", "automargin": True},
        legend={"orientation": "h", "y": -0.15},
    )
    return fig


def month_chart(table: pd.DataFrame, measures: list[str], title: str) -> go.Figure:
    """Vertical bars per month (the table's 'month' column, oldest first)."""
    fig = go.Figure()
    for measure in measures:
        if measure in table:
            fig.add_trace(go.Bar(x=table["month"].astype(str).tolist(), y=table[measure].astype(float).tolist(),
                                 name=measure, hovertemplate="%{x}: %{y:d} " + measure + "<extra></extra>"))
    fig.update_layout(title={"text": html.escape(title)}, barmode="group", height=340,
                      margin={"l": 10, "r": 10, "t": 40, "b": 10}, xaxis={"type": "category"},
                      legend={"orientation": "h", "y": -0.2})
    return fig
