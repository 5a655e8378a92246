"""The Map page's panel: which place a click (or the Place box, or ?sel=) chose, and the excerpts behind it."""
from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from lib import charts
from lib.dashboard.context import Context
from lib.dashboard import excerpts as excerpt_html
from lib.dashboard import map_view
from lib.dashboard.render import esc, esc_md, highlight, link, page_link, source_label
from lib.dashboard.sidebar import filter_params
from lib.store import edits as edit_sql
from lib.store import queries

PLACE_KEY = "atlas_place"          # place_id chosen on the map (a click or the Place select box)
EVENT_KEY = "atlas_event"          # event_id of the incident clicked on the map
MAP_KEY = "atlas_map"              # key of the Map page's map (lib.dashboard.map_view)
SEEN_KEY = "atlas_map_seen"        # the last view the person moved the map to: {"center", "zoom", "revision"}
SEL_PARAM = "sel"                  # the chosen place in the page address, so a copied link reopens its excerpts
EVENT_PARAM = "event"              # the chosen incident in the page address
SAME_SPOT = 1e-4                   # degrees: markers closer than this lie on the same spot
SPOT_BUTTONS = 12                  # up to this many markers on one spot get a button each; more, a list
# The view in the page address: widget key -> (URL parameter, allowed values or None for any, default)
VIEW_PARAMS = {"map_size": ("size", charts.SIZE_BY, "killed"),
               "map_places": ("places", ("on", "off"), "on"),
               "map_view": ("zoom", None, "all")}


def _points(event) -> list:
    """The points of a plotly_chart selection ({"selection": {"points": [...]}}) or of a map click (a list)."""
    if isinstance(event, list):
        return [p for p in event if isinstance(p, dict)]
    try:
        return [p for p in event["selection"]["points"] or [] if isinstance(p, dict)]
    except (KeyError, TypeError):
        return []


def _custom(point) -> str | None:
    data = point.get("customdata")
    if isinstance(data, (list, tuple)):
        data = data[0] if data else None
    return data if isinstance(data, str) else None


def picked_from_selection(event, places: pd.DataFrame, events: pd.DataFrame | None = None):
    """("event", event_id) or ("place", place_id) of the first selected or clicked marker (by its customdata,
    else a place at its coordinates), or None. event is a plotly_chart selection or a map click's points."""
    place_ids = set(places["place_id"].tolist())
    event_ids = set(events["event_id"].tolist()) if events is not None and not events.empty else set()
    for point in _points(event):
        data = _custom(point)
        event_id = charts.event_of(data)
        if event_id is not None:
            if event_id in event_ids:
                return ("event", event_id)
            continue
        if data in place_ids:
            return ("place", data)
        lat, lon = point.get("lat"), point.get("lon")
        if lat is not None and lon is not None:
            near = places[((places["latitude"] - float(lat)).abs() < 1e-6)
                          & ((places["longitude"] - float(lon)).abs() < 1e-6)]
            if not near.empty:
                return ("place", str(near.iloc[0]["place_id"]))
    return None


def place_from_selection(event, places: pd.DataFrame) -> str | None:
    """The place_id of the first selected place marker, or None (an incident marker is not a place)."""
    picked = picked_from_selection(event, places)
    return picked[1] if picked else None


@st.cache_data(show_spinner=False, max_entries=16)
def _figure_parts(_places: pd.DataFrame, _events: pd.DataFrame, _everywhere: pd.DataFrame,
                  _parts: pd.DataFrame, source: tuple, size_by: str, show_places: bool, view: dict,
                  revision: str) -> tuple[str, str, dict]:
    """The map's traces and layout as JSON text, and each marker's (lat, lon, size) by its customdata;
    source (database path, signature, filters) stands for the frames."""
    # of the incidents of one type stacked on one spot only the largest can be seen or clicked: only it is sent
    series = set(_parts["series"]) if not _parts.empty and "series" in _parts else set()
    drawn, hidden = charts.topmost_per_spot(_events, size_by, keep=series)
    fig = charts.map_spec(_places, drawn, size_by, show_places, view=view, revision=revision,
                          reference=_everywhere, parts=_parts)
    fig["layout"]["clickmode"] = "event"   # the chosen marker is the panel's below, not a plotly selection
    spots = {}
    for trace in fig["data"]:
        if not charts.is_marker(trace) or trace.get("legendgroup") == charts.PART_GROUP:
            continue
        size = trace["marker"]["size"]
        for n, custom in enumerate(trace["customdata"]):
            spots[custom] = (trace["lat"][n], trace["lon"][n], size[n] if isinstance(size, list) else size)
    # the halo rings the largest marker on the chosen one's spot, so a place under an incident shows it too
    largest = {}
    for lat, lon, size in spots.values():
        here = (round(lat, 4), round(lon, 4))
        largest[here] = max(largest.get(here, 0), size)
    spots = {c: (lat, lon, largest[(round(lat, 4), round(lon, 4))]) for c, (lat, lon, _) in spots.items()}
    for event_id, over in hidden.items():  # a hidden incident chosen from its spot's list: the halo rings its spot
        if charts.EVENT_PREFIX + str(over) in spots:
            spots[charts.EVENT_PREFIX + str(event_id)] = spots[charts.EVENT_PREFIX + str(over)]
    return ",".join(json.dumps(t) for t in fig["data"]), json.dumps(fig["layout"]), spots


def figure_json(ctx: Context, places: pd.DataFrame, events: pd.DataFrame, everywhere: pd.DataFrame,
                size_by: str, show_places: bool, view: dict, revision: str, parts: pd.DataFrame | None = None,
                chosen: str | None = None) -> str:
    """The Map page's figure as JSON (lib.charts.map_spec), built once for the same database, filters and
    view controls (thousands of incident markers take a while to describe), with a halo under the chosen
    marker (chosen: its customdata, a place_id or EVENT_PREFIX + event_id)."""
    parts = events.iloc[0:0] if parts is None else parts
    traces, layout, spots = _figure_parts(places, events, everywhere, parts, (str(ctx.path), ctx.sig, ctx.filters),
                                          size_by, show_places, view, revision)
    if chosen in spots:
        halo = ",".join(json.dumps(t) for t in charts.highlight_traces(*spots[chosen]))
        traces = halo + ("," + traces if traces else "")
    return f'{{"data": [{traces}], "layout": {layout}}}'


OVERVIEW_MAP_KEY = "overview_map"  # key of the Overview's map (the same component as the Map page's)
OVERVIEW_PICK_KEY = "atlas_overview_pick"  # the marker last clicked on the Overview's map, until the page reads it


@st.cache_data(show_spinner=False, max_entries=16)
def _overview_parts(_places: pd.DataFrame, _events: pd.DataFrame, _everywhere: pd.DataFrame, source: tuple,
                    height: int) -> str:
    """The Overview map's figure as JSON text; source (database path, signature, filters, markers) stands for
    the frames."""
    fig = charts.map_spec(_places, _events, height=height, view=charts.view_of(_everywhere))
    fig["layout"]["clickmode"] = "event"   # a click opens the Map page; nothing stays selected here
    return json.dumps(fig)


def overview_map(ctx: Context, places: pd.DataFrame, events: pd.DataFrame, everywhere: pd.DataFrame,
                 height: int) -> tuple[str, str] | None:
    """Draw the Overview's map (lib.charts.map_spec, described once per database, filters and markers, and
    drawn by lib.dashboard.map_view without a plotly Figure validated on every run); returns the marker a
    click chose, ("event", event_id) or ("place", place_id), or None."""
    figure = _overview_parts(places, events, everywhere, (str(ctx.path), ctx.sig, ctx.filters, len(events)),
                             height)

    def clicked() -> None:
        result = st.session_state.get(OVERVIEW_MAP_KEY) or {}
        st.session_state[OVERVIEW_PICK_KEY] = picked_from_selection(result.get("click"), places, events)

    map_view.draw(figure, charts.MAP_CONFIG, height, OVERVIEW_MAP_KEY, on_click=clicked, on_view=lambda: None)
    return st.session_state.pop(OVERVIEW_PICK_KEY, None)


def _remember(kind: str | None, item_id: str | None) -> None:
    """Make the clicked place or incident the chosen one (the other is forgotten), in state and address."""
    ss = st.session_state
    ss[PLACE_KEY] = item_id if kind == "place" else None
    ss[EVENT_KEY] = item_id if kind == "event" else None
    for param, value in ((SEL_PARAM, ss[PLACE_KEY]), (EVENT_PARAM, ss[EVENT_KEY])):
        if value:
            st.query_params[param] = value
        elif param in st.query_params:
            del st.query_params[param]


def _remember_place(place_id: str | None) -> None:
    _remember("place" if place_id else None, place_id)


def map_clicked(places: pd.DataFrame, events: pd.DataFrame | None = None) -> None:
    """on_click_change of the Map page's map: remember the clicked place or incident."""
    result = st.session_state.get(MAP_KEY) or {}
    picked = picked_from_selection(result.get("click"), places, events)
    if picked is not None:
        _remember(*picked)


def map_moved() -> None:
    """on_view_change of the map: keep where the person moved it, so a return to the page finds it there."""
    view = (st.session_state.get(MAP_KEY) or {}).get("view")
    if isinstance(view, dict) and isinstance(view.get("center"), dict):
        st.session_state[SEEN_KEY] = view


def seen_view() -> dict | None:
    """{"center", "zoom", "revision"} where the person last left the map, or None."""
    view = st.session_state.get(SEEN_KEY)
    try:
        return {"center": {"lat": float(view["center"]["lat"]), "lon": float(view["center"]["lon"])},
                "zoom": float(view["zoom"]), "revision": str(view["revision"])}
    except (KeyError, TypeError, ValueError):
        return None


def place_chosen() -> None:
    """on_change of the Place select box."""
    _remember_place(st.session_state.get("map_place"))


def pick(kind: str, item_id: str) -> None:
    """on_click of a button in the list of markers on one spot."""
    _remember(kind, item_id)


def place_from_url(place_ids: list[str]) -> None:
    """Take the chosen place from ?sel= when nothing is chosen yet; say so when the link names no place shown."""
    wanted = st.query_params.get(SEL_PARAM)
    if not wanted or st.session_state.get(PLACE_KEY):
        return
    if wanted in place_ids:
        st.session_state[PLACE_KEY] = wanted
    else:
        st.warning(f"The place “{esc_md(wanted[:80])}” in the link is not among the places the filters select.")
        del st.query_params[SEL_PARAM]


def event_from_url(event_ids: list[str]) -> None:
    """Take the chosen incident from ?event= when nothing is chosen yet; forget one the filters do not show."""
    ss = st.session_state
    if ss.get(EVENT_KEY) not in event_ids:
        ss[EVENT_KEY] = None
    wanted = st.query_params.get(EVENT_PARAM)
    if not wanted or ss.get(EVENT_KEY) or ss.get(PLACE_KEY):
        return
    if wanted in event_ids:
        ss[EVENT_KEY] = wanted
    else:
        st.warning(f"The incident “{esc_md(wanted[:80])}” in the link is not among those the filters select.")
        del st.query_params[EVENT_PARAM]


def view_from_url(zooms: list[str]) -> None:
    """Set the map's view controls from the page address (size, places, zoom) when it names allowed values."""
    ss = st.session_state
    for key, (param, allowed, default) in VIEW_PARAMS.items():
        allowed = zooms if allowed is None else allowed
        wanted = st.query_params.get(param)
        if wanted in allowed and ss.get(f"_url_{key}") != wanted:
            ss[key] = wanted if key != "map_places" else wanted == "on"
        elif key not in ss or (key != "map_places" and ss[key] not in allowed):
            ss[key] = default if key != "map_places" else default == "on"
        ss[f"_url_{key}"] = wanted


def view_to_url() -> None:
    """Write the map's view controls to the page address (leaving out those at their default)."""
    ss = st.session_state
    for key, (param, _, default) in VIEW_PARAMS.items():
        value = ss.get(key)
        value = ("on" if value else "off") if key == "map_places" else value
        if value is None or value == default:
            if param in st.query_params:
                del st.query_params[param]
            ss[f"_url_{key}"] = None
        else:
            st.query_params[param] = value
            ss[f"_url_{key}"] = value


def same_spot(lat: float, lon: float, places: pd.DataFrame, events: pd.DataFrame) -> list[tuple[str, str, str]]:
    """Every marker (kind, id, label) on the spot (lat, lon): incidents first, then places."""
    out = []
    for kind, frame in (("event", events), ("place", places)):
        if frame is None or frame.empty:
            continue
        here = frame[((frame["latitude"].astype(float) - lat).abs() < SAME_SPOT)
                     & ((frame["longitude"].astype(float) - lon).abs() < SAME_SPOT)]
        # the columns as lists, not itertuples: a busy spot holds thousands of incidents
        if kind == "event":
            for event_id, type_, date, name in zip(*(here[c].tolist() for c in ("event_id", "type", "date", "name"))):
                out.append((kind, event_id, f"Incident: {type_} · {date or 'date unknown'} · {name}"))
        else:
            for place_id, name, place_kind, mentions in zip(
                    *(here[c].tolist() for c in ("place_id", "name", "kind", "mentions"))):
                out.append((kind, place_id, f"Place: {name} ({place_kind}) · {charts.counted(mentions, 'mention')}"))
    return out


def spot_chooser(ctx: Context, kind: str, item_id: str, places: pd.DataFrame, events: pd.DataFrame) -> None:
    """When other markers lie on the same spot as the chosen one, a button for each, so every one is reachable."""
    frame, column = (events, "event_id") if kind == "event" else (places, "place_id")
    row = frame[frame[column] == item_id]
    if row.empty:
        return
    here = same_spot(float(row.iloc[0]["latitude"]), float(row.iloc[0]["longitude"]), places, events)
    if len(here) < 2:
        return
    with st.container(border=True, key="same_spot"):
        st.caption(f"{len(here)} markers lie on this spot; choose one:")
        if len(here) > SPOT_BUTTONS:  # a busy spot: one list to choose from, not a thousand buttons
            choices = {(k, i): label for k, i, label in here}
            st.selectbox("Marker on this spot", list(choices), index=list(choices).index((kind, item_id)),
                         format_func=choices.get, key="spot_list", label_visibility="collapsed",
                         on_change=lambda: pick(*st.session_state["spot_list"]))
            return
        for n, (other_kind, other_id, label) in enumerate(here):
            st.button(label, key=f"spot_{n}", on_click=pick, args=(other_kind, other_id),
                      type="primary" if (other_kind, other_id) == (kind, item_id) else "secondary",
                      width="stretch")


def _blank(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)) or value == ""


def figure_source(value, reported) -> str:
    """Which figure an incident's headline uses and why: the highest its reports give, out of which reports'
    figures ('2 (the highest of the reports' figures: 2, 1; 1 report gives none)'), or 'unknown' when none does."""
    given = [int(v) for v in reported if not _blank(v)]
    missing = len(list(reported)) - len(given)
    none = f"{charts.counted(missing, 'report')} {'gives' if missing == 1 else 'give'} none"
    if _blank(value):
        return f"unknown (no report gives a figure{'' if not missing else ': ' + none}); left out of the totals"
    shown = ", ".join(str(v) for v in sorted(given, reverse=True))
    why = ("its one report's figure" if len(given) == 1 and not missing
           else f"the highest of the reports' figures: {shown}" + (f"; {none}" if missing else ""))
    return (f"{int(value)} ({why}; reports of one incident tell of the same dead, so the headline and tables "
            "count the highest once, never the sum)")


def parts_list(parts: pd.DataFrame) -> str:
    """HTML list of a series' parts: each place, type, date and its own figures (counted within the series)."""
    items = []
    for r in parts.itertuples():
        figures = [f"<b>{esc(r.name)}</b>", esc(r.type), esc(r.date) or "date unknown",
                   f"killed {'unknown' if _blank(r.killed) else esc(r.killed)}",
                   f"injured {'unknown' if _blank(r.injured) else esc(r.injured)}",
                   charts.counted(r.reports, "report")]
        items.append("<li>" + " · ".join(figures) + "</li>")
    return f'<ul class="atlas-incidents atlas-parts">{"".join(items)}</ul>'


def incident(ctx: Context, event_id: str, events: pd.DataFrame, parts: pd.DataFrame | None = None) -> None:
    """The chosen incident: type, date and place (each with its precision), toll (which figure and why),
    victims, perpetrator, the parts of a series, and every report of it with its sentence, its own figures
    and its article."""
    row = events[events["event_id"] == event_id]
    if row.empty:
        st.info("The chosen incident is not among those the filters select.")
        return
    e = row.iloc[0]
    reports = ctx.run(queries.event_reports, event_id)
    mine = parts[parts["series"] == event_id] if parts is not None and not parts.empty else None
    with st.container(border=True, key="incident_panel"):
        st.markdown(f"#### Incident: {esc_md(e['type'])}" + (" (a series)" if mine is not None and len(mine) else ""))
        date = (f"{esc_md(e['date'])} (known to the {esc_md(e['date_precision'])})" if not _blank(e["date"])
                else "date unknown")
        facts = [("Date", date),
                 ("Place", f"{esc_md(e['name'])} · {esc_md(e['country_code'])} · located to "
                           f"{charts.located_to(row, ctx.run(queries.located_places))[0]}"),
                 ("Killed", esc_md(figure_source(e["killed"], reports["killed"]))),
                 ("Injured", esc_md(figure_source(e["injured"], reports["injured"])))]
        if not _blank(e.get("attackers_killed")) and int(e["attackers_killed"]) > 0:
            facts.append(("Attackers killed", f"{int(e['attackers_killed'])} (apart: never inside killed)"))
        facts += [("Victims", "–" if _blank(e["victims"]) else esc_md(e["victims"])),
                  ("Perpetrator", "–" if _blank(e["perpetrator"]) else esc_md(e["perpetrator"])),
                  ("Reports", f"{len(reports)}, each below with its own figures")]
        st.markdown("  \n".join(f"**{k}:** {v}" for k, v in facts))
        for fix in ctx.run(edit_sql.event_fixes, event_id).itertuples():  # what a person corrected, and why
            st.caption(f"Corrected by a person: {esc_md(fix.field)} {esc_md(fix.was or 'unknown')} → "
                       f"{esc_md(fix.value or 'unknown')} in “{esc_md(fix.title)}” (note: {esc_md(fix.note) or 'none'})")
        if mine is not None and len(mine):
            st.markdown(f"**Parts of this series** ({charts.counted(len(mine), 'part')}; each counted within the "
                        "series' toll, not added to it):")
            st.html(parts_list(mine))
        for r in reports.itertuples():
            figures = " · ".join([f"<b>{esc(r.type)}</b>", esc(r.date) or "date unknown",
                                  f"killed {esc(r.killed) if not pd.isna(r.killed) else 'unknown'}",
                                  f"injured {esc(r.injured) if not pd.isna(r.injured) else 'unknown'}"]
                                 + ([f"victims: {esc(r.victims)}"] if isinstance(r.victims, str) and r.victims else []))
            source = source_label(r.source, r.url)
            sentence = r.sentence or ""
            st.html(f'<div class="atlas-excerpt atlas-report" data-document="{esc(r.document_id)}">'
                    f'<p class="atlas-sentence">{highlight(sentence, [(0, len(sentence), "atlas-incident")])}</p>'
                    f'<p class="atlas-meta">{figures}</p>'
                    f'<p class="atlas-meta"><b>{esc(r.title)}</b> · {esc(r.published) or "date unknown"} · '
                    f'{link(r.url, source)}</p></div>')
            page_link("pages/3_Sources.py", "Open the whole article", {**filter_params(ctx), "doc": r.document_id},
                      icon=":material/article:")


EXCERPT_PAGE = 25
PRECISION_NOTE = {"city or town": "city or town (also a site placed at its city's coordinates)",
                  "region": "region (a curated area, an island, a continent)"}


def _legend_symbol(level: str, colour: str = "#c0392b") -> str:
    """A small drawing (CSS circles) of how the map draws a marker located to level (lib.charts.LOOK)."""
    shape, ring, extra, opacity = charts.LOOK[level]
    d = 13
    outer = d + extra if shape == "ring" else min(28, round(d * extra))
    under = (f"background:{ring};box-shadow:0 0 0 0.6px #8a8a8a" if shape == "ring"
             else f"background:{colour};opacity:{opacity}")
    return (f'<span style="position:relative;display:inline-block;width:28px;height:28px">'
            f'<span style="position:absolute;left:{(28 - outer) / 2}px;top:{(28 - outer) / 2}px;width:{outer}px;'
            f'height:{outer}px;border-radius:50%;{under}"></span>'
            f'<span style="position:absolute;left:{(28 - d) / 2}px;top:{(28 - d) / 2}px;width:{d}px;height:{d}px;'
            f'border-radius:50%;background:{colour};opacity:{charts.OPACITY[level]}"></span></span>')


def precision_legend() -> str:
    """The map's key to precision: each look of a marker and how precisely such a marker is located."""
    item = '<span class="atlas-legend-item" data-precision="{}" style="display:inline-flex;align-items:center;gap:4px">'
    items = "".join(item.format(esc(level)) + _legend_symbol(level) + esc(PRECISION_NOTE.get(level, level)) + "</span>"
                    for level in charts.PRECISION_ORDER)
    return ('<div class="atlas-legend" style="display:flex;flex-wrap:wrap;gap:4px 18px;align-items:center;'
            'background:#e9e5dc;padding:4px 10px;border-radius:6px;font-size:0.9rem">'
            f'<b>Located to:</b>{items}</div>')


def excerpts(ctx: Context, place_id: str) -> None:
    """The chosen place and the excerpts behind it, a page of its newest articles at a time (read in SQL, not
    every row of a busy place), with their incidents."""
    places = ctx.run(queries.place_counts, ctx.filters)
    row = places[places["place_id"] == place_id]
    if row.empty:
        st.info("The chosen place is not among the places the filters select.")
        return
    p = row.iloc[0]
    with st.container(border=True, key="excerpt_panel"):
        st.markdown(f"#### Excerpts: {esc_md(p['name'])}")
        located = charts.located_to(row, ctx.run(queries.located_places))[0]
        st.caption(f"{esc_md(p['kind'])} · {esc_md(p['country_code'])} · located to {located} · "
                   f"{float(p['latitude']):.4f}, {float(p['longitude']):.4f} · {charts.counted(p['mentions'], 'mention')} · "
                   f"{charts.counted(p['incidents'], 'incident')}")
        limit_key = f"excerpt_limit_{place_id}"
        shown = st.session_state.get(limit_key, EXCERPT_PAGE)
        doc_ids, articles = ctx.run(queries.place_articles, ctx.filters, place_id, shown)
        mentions = excerpt_html.records(ctx.run(queries.mentions, ctx.filters, place_id, tuple(doc_ids)))
        incidents = excerpt_html.records(ctx.run(queries.incidents, ctx.filters, place_id, None, tuple(doc_ids)))
        if articles > shown:
            st.caption(f"Showing the newest {shown:,} of {charts.counted(articles, 'article')}. Narrow them with the filters, "
                       f"or download the rows.")
        for doc_id, block in excerpt_html.articles_html(doc_ids, mentions, incidents):
            st.html(block)
            page_link("pages/3_Sources.py", "Open the whole article", {**filter_params(ctx), "doc": doc_id},
                      icon=":material/article:")
        if articles > shown:
            if st.button(f"Show {charts.counted(min(EXCERPT_PAGE, articles - shown), 'more article', 'more articles')}", key=f"more_{place_id}"):
                st.session_state[limit_key] = shown + EXCERPT_PAGE
                st.rerun()


