"""Figures for the dashboard: pure functions from DataFrames to plotly figures (no Streamlit, no I/O).

The map is a ``scattergeo`` whose country outlines the app serves itself (see MAP_CONFIG), so it draws
with no network. Text from articles reaches plotly only HTML-escaped: its hover labels render HTML.
"""
from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

from lib import geo

# Plotly fetches world_110m.json / world_50m.json from topojsonURL; the app serves them from static/.
MAP_CONFIG = {"topojsonURL": "/app/static/", "displaylogo": False, "scrollZoom": True,
              "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
MAP_UIREVISION = "atlas-map"  # with the view name: the map keeps its zoom and pan while filters change

# How precisely a place is located, from its kind; each precision has a marker symbol and opacity.
PRECISION = geo.PRECISION
PRECISION_ORDER = geo.PRECISION_ORDER
SYMBOL = {"exact site": "diamond", "city or town": "circle", "district": "square", "province": "square",
          "region": "square-open", "country": "circle-open"}
OPACITY = {"exact site": 0.95, "city or town": 0.85, "district": 0.7, "province": 0.65, "region": 0.55,
           "country": 0.5}
INCIDENT_COLOUR = "#c0392b"   # places where an incident happened
MENTION_COLOUR = "#2166ac"    # places only mentioned
ROLE = {True: "Incident site", False: "Mentioned only"}


def precision(kind) -> str:
    return PRECISION.get(str(kind or "").lower(), "region")


def marker_sizes(values, smallest: float = 9, largest: float = 38) -> list[float]:
    """Marker diameters in pixels: area grows with the count (square-root scale)."""
    values = [max(0.0, float(v or 0)) for v in values]
    top = max(values, default=0) or 1.0
    return [smallest + (largest - smallest) * math.sqrt(v / top) for v in values]


def hover_text(row) -> str:
    e = lambda v: html.escape(str(v)) if v is not None and not (isinstance(v, float) and math.isnan(v)) else "–"
    lines = [f"<b>{e(row['name'])}</b>",
             f"{e(row['kind'])} · {e(row['country_code'])} · located to {precision(row['kind'])}",
             f"{int(row['mentions'])} mentions in {int(row['articles'])} articles",
             f"{int(row['incidents'])} incidents, {int(row['killed'])} killed, {int(row['injured'])} injured"]
    return "<br>".join(lines)


def _view(places: pd.DataFrame) -> dict:
    """Longitude and latitude ranges that frame every place with a margin."""
    if places.empty:
        return {"lonaxis_range": [-180, 180], "lataxis_range": [-60, 85]}
    lat, lon = places["latitude"].astype(float), places["longitude"].astype(float)
    lat_mid, lon_mid = (lat.max() + lat.min()) / 2, (lon.max() + lon.min()) / 2
    lat_span = max(10.0, (lat.max() - lat.min()) * 1.3)
    lon_span = max(16.0, (lon.max() - lon.min()) * 1.3)
    # keep the frame about as wide as the chart (~1.8 : 1), so the map fills it instead of a thin strip
    lat_span, lon_span = max(lat_span, lon_span / 1.8), max(lon_span, lat_span * 1.8)
    lat_span, lon_span = min(lat_span, 150.0), min(lon_span, 360.0)
    lat_lo = min(max(-90.0, lat_mid - lat_span / 2), 90.0 - lat_span)
    lon_lo = min(max(-180.0, lon_mid - lon_span / 2), 180.0 - lon_span)
    return {"lataxis_range": [lat_lo, lat_lo + lat_span], "lonaxis_range": [lon_lo, lon_lo + lon_span]}


def view_around(lat: float, lon: float, lat_span: float = 8.0) -> dict:
    """A close view centred on one point (about lat_span degrees high, as wide as the chart)."""
    lon_span = lat_span * 1.8
    lat_lo = min(max(-90.0, lat - lat_span / 2), 90.0 - lat_span)
    lon_lo = min(max(-180.0, lon - lon_span / 2), 180.0 - lon_span)
    return {"lataxis_range": [lat_lo, lat_lo + lat_span], "lonaxis_range": [lon_lo, lon_lo + lon_span]}


def view_of(places: pd.DataFrame) -> dict:
    """The view that frames every place of places (the whole world when there is none)."""
    return _view(places)


def map_figure(places: pd.DataFrame, size_by: str = "mentions", view: dict | None = None,
               height: int = 560, revision: str = "") -> go.Figure:
    """One marker per place (customdata = place_id), sized by size_by ('mentions' or 'incidents').

    Colour tells incident sites from places only mentioned; symbol and opacity tell how precisely the
    place is located. Each role × precision is one trace, so the legend explains both. view (from
    view_of or view_around) sets the visible area; by default it frames the places shown.

    The figure does not depend on which place is selected (plotly itself highlights the clicked marker),
    and its uirevision changes only with revision (the chosen "Zoom to" view): with lib.ui keeping the
    chart's identity, the person's zoom and pan survive clicks and filter changes.
    """
    if size_by not in ("mentions", "incidents"):
        raise ValueError(f"size_by must be 'mentions' or 'incidents', not {size_by!r}")
    fig = go.Figure()
    if not places.empty:
        places = places.copy()
        places["_size"] = marker_sizes(places[size_by])
        places["_precision"] = [precision(k) for k in places["kind"]]
        places["_incident"] = places["incidents"].astype(int) > 0
        # larger markers first so that small ones on top stay clickable
        places = places.sort_values("_size", ascending=False, kind="stable")
        for is_incident in (True, False):
            for level in PRECISION_ORDER:
                part = places[(places["_incident"] == is_incident) & (places["_precision"] == level)]
                if part.empty:
                    continue
                colour = INCIDENT_COLOUR if is_incident else MENTION_COLOUR
                fig.add_trace(go.Scattergeo(
                    lat=part["latitude"].astype(float).tolist(), lon=part["longitude"].astype(float).tolist(),
                    customdata=part["place_id"].tolist(),
                    hovertext=[hover_text(r) for _, r in part.iterrows()],
                    hovertemplate="%{hovertext}<extra></extra>",
                    mode="markers", name=f"{ROLE[is_incident]} · {level}",
                    legendgroup=ROLE[is_incident],
                    marker={"size": part["_size"].tolist(), "symbol": SYMBOL[level], "color": colour,
                            "opacity": OPACITY[level], "line": {"width": 1, "color": "white"}
                            if not SYMBOL[level].endswith("-open") else {"width": 2, "color": colour}},
                    unselected={"marker": {"opacity": 0.25}},
                ))
    view = view or _view(places)
    fig.update_geos(
        projection_type="natural earth", resolution=50, showcountries=True, countrycolor="#9a9a9a",
        showland=True, landcolor="#f2efe9", showocean=True, oceancolor="#dfeaf3", showlakes=False,
        showcoastlines=True, coastlinecolor="#8a8a8a", showframe=False, **view,
    )
    fig.update_layout(
        height=height, margin={"l": 0, "r": 0, "t": 10, "b": 0}, uirevision=f"{MAP_UIREVISION}:{revision}",
        clickmode="event+select", dragmode="pan",
        legend={"orientation": "h", "yanchor": "top", "y": -0.02, "x": 0, "title": {"text": ""},
                "itemclick": False, "itemdoubleclick": False},
    )
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
