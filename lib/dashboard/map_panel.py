"""The Map page's panel: which place a click (or the Place box, or ?sel=) chose, and the excerpts behind it."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.charts import precision
from lib.dashboard.context import Context
from lib.dashboard.render import esc, esc_md, highlight, incidents_html, link, page_link
from lib.dashboard.sidebar import filter_params
from lib.store import queries

PLACE_KEY = "atlas_place"          # place_id chosen on the map (a click or the Place select box)
MAP_KEY = "atlas_map"              # st.plotly_chart key of the Map page's map
def place_from_selection(event, places: pd.DataFrame) -> str | None:
    """The place_id of the first selected marker (from its customdata, else its coordinates), or None."""
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError):
        return None
    ids = set(places["place_id"])
    for point in points or []:
        data = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(data, (list, tuple)):
            data = data[0] if data else None
        if isinstance(data, str) and data in ids:
            return data
        lat, lon = (point.get("lat"), point.get("lon")) if isinstance(point, dict) else (None, None)
        if lat is not None and lon is not None:
            near = places[((places["latitude"] - float(lat)).abs() < 1e-6)
                          & ((places["longitude"] - float(lon)).abs() < 1e-6)]
            if not near.empty:
                return str(near.iloc[0]["place_id"])
    return None


SEL_PARAM = "sel"  # the chosen place in the page address, so a copied link reopens its excerpts


def _remember_place(place_id: str | None) -> None:
    st.session_state[PLACE_KEY] = place_id
    if place_id:
        st.query_params[SEL_PARAM] = place_id
    elif SEL_PARAM in st.query_params:
        del st.query_params[SEL_PARAM]


def map_selected(places: pd.DataFrame) -> None:
    """on_select of the map: remember the clicked place (a click that deselects keeps the last one)."""
    chosen = place_from_selection(st.session_state.get(MAP_KEY), places)
    if chosen is not None:
        _remember_place(chosen)


def place_chosen() -> None:
    """on_change of the Place select box."""
    _remember_place(st.session_state.get("map_place"))


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




EXCERPT_PAGE = 25


def excerpts(ctx: Context, place_id: str) -> None:
    """The chosen place and every excerpt behind it, newest article first, with its incidents."""
    places = ctx.run(queries.place_counts, ctx.filters)
    row = places[places["place_id"] == place_id]
    if row.empty:
        st.info("The chosen place is not among the places the filters select.")
        return
    p = row.iloc[0]
    with st.container(border=True, key="excerpt_panel"):
        st.markdown(f"#### Excerpts: {esc_md(p['name'])}")
        st.caption(f"{esc_md(p['kind'])} · {esc_md(p['country_code'])} · located to {precision(p['kind'])} · "
                   f"{float(p['latitude']):.4f}, {float(p['longitude']):.4f} · {int(p['mentions'])} mentions · "
                   f"{int(p['incidents'])} incidents")
        mentions = ctx.run(queries.mentions, ctx.filters, place_id)
        incidents = ctx.run(queries.incidents, ctx.filters, place_id)
        doc_ids = list(dict.fromkeys(list(mentions["document_id"]) + list(incidents["document_id"])))
        meta = pd.concat([mentions[["document_id", "title", "published", "source", "url"]],
                          incidents[["document_id", "title", "published", "source", "url"]]])
        meta = meta.drop_duplicates("document_id").set_index("document_id")
        doc_ids.sort(key=lambda d: str(meta.loc[d, "published"] or ""), reverse=True)
        limit_key = f"excerpt_limit_{place_id}"
        shown = st.session_state.get(limit_key, EXCERPT_PAGE)
        if len(doc_ids) > shown:
            st.caption(f"Showing the newest {shown:,} of {len(doc_ids):,} articles. Narrow them with the filters, "
                       f"or download the rows.")
        for doc_id in doc_ids[:shown]:
            m = mentions[mentions["document_id"] == doc_id]
            inc = incidents[incidents["document_id"] == doc_id]
            d = meta.loc[doc_id]
            sentences = []
            for _, same in m.groupby("sentence_start", sort=True, dropna=False):
                first = same.iloc[0]
                base = int(first.sentence_start) if not pd.isna(first.sentence_start) else 0
                spans = [(int(x.start) - base, int(x.end) - base, "atlas-place") for x in same.itertuples()]
                sentences.append(f'<p class="atlas-sentence">{highlight(first.sentence or "", spans)}</p>')
            for s in inc.itertuples():
                if s.sentence and s.sentence not in set(m["sentence"]):
                    sentences.append(f'<p class="atlas-sentence">{highlight(s.sentence, [(0, len(s.sentence), "atlas-incident")])}</p>')
            source = d["source"] if isinstance(d["source"], str) and d["source"] else "source"
            st.html(
                f'<div class="atlas-excerpt" data-document="{esc(doc_id)}">{"".join(sentences)}'
                f'<p class="atlas-meta"><b>{esc(d["title"])}</b> · {esc(d["published"]) or "date unknown"} · '
                f'{link(d["url"], source)}</p>{incidents_html(inc)}</div>')
            page_link("pages/3_Sources.py", "Open the whole article", {**filter_params(ctx), "doc": doc_id},
                      icon=":material/article:")
        if len(doc_ids) > shown:
            if st.button(f"Show {min(EXCERPT_PAGE, len(doc_ids) - shown):,} more articles", key=f"more_{place_id}"):
                st.session_state[limit_key] = shown + EXCERPT_PAGE
                st.rerun()


