"""Figures for the dashboard: pure functions from DataFrames to plotly figures (no Streamlit, no I/O).

The map is a ``scattermap`` (MapLibre) over the base map lib.basemap describes, whose tiles, labels and font
the app serves itself, so it draws with no network. Text from articles reaches plotly only HTML-escaped: its
hover labels render HTML.
"""
from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from lib import basemap, geo

MAP_CONFIG = {"displaylogo": False, "scrollZoom": True, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
MAP_UIREVISION = "atlas-map"  # with the view name: the map keeps its zoom and pan while filters change
MAP_HEIGHT = 640              # the Map page's map: its main element
MAP_WIDTH = 1100              # about the width of a full-width chart, to choose the zoom that frames a view

# How precisely a place is located, from its kind. MapLibre draws only round markers without a sprite sheet,
# so precision shows as opacity (and in the legend and hover): the vaguer the place, the paler its marker.
PRECISION = geo.PRECISION
PRECISION_ORDER = geo.PRECISION_ORDER
OPACITY = {"exact site": 0.95, "city or town": 0.85, "district": 0.7, "province": 0.6, "region": 0.5,
           "country": 0.4}
PLACE_COLOUR = "#2166ac"      # place markers; incidents take their type's colour


def precision(kind) -> str:
    return PRECISION.get(str(kind or "").lower(), "region")


def marker_sizes(values, smallest: float = 9, largest: float = 38) -> list[float]:
    """Marker diameters in pixels: area grows with the count (square-root scale)."""
    values = [max(0.0, float(v or 0)) for v in values]
    top = max(values, default=0) or 1.0
    return [smallest + (largest - smallest) * math.sqrt(v / top) for v in values]


def counted(n, noun: str, plural: str | None = None) -> str:
    """'1 article', '2 articles': a count with its noun in the right number."""
    n = int(n)
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def hover_text(row) -> str:
    e = _e
    lines = [f"<b>{e(row['name'])}</b>",
             f"{e(row['kind'])} · {e(row['country_code'])} · located to {precision(row['kind'])}",
             f"{counted(row['mentions'], 'mention')} in {counted(row['articles'], 'article')}",
             toll_words(row, counted(row['incidents'], 'incident'))]
    return "<br>".join(lines)


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
        "map": basemap.map_layout(view, width=MAP_WIDTH, height=height),
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
             f"{_e(row['name'])} · {_e(row['country_code'])} · located to {precision(row['kind'])}",
             toll_words(dict(row, incidents=1), counted(row['reports'], 'report'))]
    return "<br>".join(lines)


def event_of(customdata) -> str | None:
    """The event_id an incident marker's customdata names, or None for a place marker."""
    if isinstance(customdata, str) and customdata.startswith(EVENT_PREFIX):
        return customdata[len(EVENT_PREFIX):]
    return None


def place_traces(places: pd.DataFrame) -> list[go.Scattermap]:
    """Place markers sized by mentions, one trace per precision (paler when vaguer), largest first."""
    if places.empty:
        return []
    places = places.copy()
    places["_size"] = marker_sizes(places["mentions"], 7, 30)
    places["_precision"] = [precision(k) for k in places["kind"]]
    places = places.sort_values("_size", ascending=False, kind="stable")
    traces = []
    for level in PRECISION_ORDER:
        part = places[places["_precision"] == level]
        if not part.empty:
            traces.append(go.Scattermap(
                lat=part["latitude"].astype(float).tolist(), lon=part["longitude"].astype(float).tolist(),
                customdata=part["place_id"].tolist(), hovertext=[hover_text(r) for r in part.to_dict("records")],
                hovertemplate="%{hovertext}<extra></extra>", mode="markers",
                name=f"Place mentioned · located to {level}", legendgroup=PLACE_GROUP,
                marker={"size": part["_size"].tolist(), "color": PLACE_COLOUR, "opacity": OPACITY[level] * 0.8}))
    return traces


def incident_traces(events: pd.DataFrame, size_by: str = "killed") -> list[go.Scattermap]:
    """One marker per event, one trace per type (its colour), area by size_by, paler when its place is vaguer."""
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {SIZE_BY}, not {size_by!r}")
    if events is None or events.empty:
        return []
    events = events.copy()
    events["_size"] = marker_sizes(events[size_by].fillna(0), 10, 40)
    events = events.sort_values("_size", ascending=False, kind="stable")
    colours = type_colours(events["type"].fillna("unknown"))
    traces = []
    for kind, part in events.groupby(events["type"].fillna("unknown").astype(str), sort=True):
        traces.append(go.Scattermap(
            lat=part["latitude"].astype(float).tolist(), lon=part["longitude"].astype(float).tolist(),
            customdata=[EVENT_PREFIX + str(e) for e in part["event_id"]],
            hovertext=[incident_hover(r) for r in part.to_dict("records")],
            hovertemplate="%{hovertext}<extra></extra>", mode="markers", name=f"Incident: {html.escape(kind)}",
            legendgroup=INCIDENT_GROUP,
            marker={"size": part["_size"].tolist(), "color": colours[kind],
                    "opacity": [OPACITY[precision(k)] for k in part["kind"]]}))
    return traces


def map_figure(places: pd.DataFrame, events: pd.DataFrame | None = None, size_by: str = "killed",
               show_places: bool = True, view: dict | None = None, height: int = MAP_HEIGHT,
               revision: str = "") -> go.Figure:
    """Incidents (one marker per event, coloured by type, sized by size_by) above the places mentioned.

    Place markers carry their place_id as customdata, incident markers EVENT_PREFIX + event_id. view (from
    view_of or view_around) sets the visible area; by default it frames every marker. The figure does not
    depend on which marker is selected (plotly highlights it); its uirevision changes only with revision.
    """
    traces = (place_traces(places) if show_places else []) + incident_traces(events, size_by)
    fig = go.Figure(traces)
    if view is None:
        shown = [f[["latitude", "longitude"]] for f in (places if show_places else None, events)
                 if f is not None and not f.empty]
        view = _view(pd.concat(shown) if shown else pd.DataFrame(columns=["latitude", "longitude"]))
    fig.update_layout(**map_layout(view, height, revision))
    return fig


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
