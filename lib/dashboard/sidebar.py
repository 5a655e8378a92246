"""The filters in the sidebar, kept in step with the page address so that a copied link reopens the view."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from lib import filters as F
from lib.dashboard.context import Context
from lib.dashboard.render import esc_md

FILTERS_KEY = "atlas_filters"      # the current Filters, shared by every page
NOTICES_KEY = "atlas_notices"      # what was ignored from the URL or the controls, shown until changed
URL_KEY = "atlas_url"              # the filter parameters last written to the URL
WIDGETS = {"from": "f_from", "to": "f_to", "country": "f_country", "place": "f_place", "type": "f_type",
           "nat": "f_nat", "q": "f_q", "conf": "f_conf",
           "reviewed": "f_reviewed"}

def _choices(ctx: Context) -> F.Choices:
    c = ctx.choices
    return F.Choices(countries=set(c["countries"]), places=set(c["places"]["place_id"]),
                     types=set(c["types"]), nationalities=set(c["nationalities"]))


def _url_filter_params() -> dict[str, list[str]]:
    out = {}
    for key in F.PARAMS:
        if key in st.query_params:
            values = [v for v in st.query_params.get_all(key)]
            if any(v != "" for v in values):
                out[key] = values
    return out


def _normalised(params: dict) -> dict[str, list[str]]:
    return {k: ([v] if isinstance(v, str) else list(v)) for k, v in params.items()}


def _set_widgets(filters: F.Filters, ctx: Context) -> None:
    ss = st.session_state
    ss[WIDGETS["from"]] = filters.date_from
    ss[WIDGETS["to"]] = filters.date_to
    ss[WIDGETS["country"]] = [c for c in filters.countries if c in ctx.choices["countries"]]
    ss[WIDGETS["place"]] = [p for p in filters.places if p in set(ctx.choices["places"]["place_id"])]
    ss[WIDGETS["type"]] = [t for t in filters.types if t in ctx.choices["types"]]
    ss[WIDGETS["nat"]] = [n for n in filters.nationalities if n in ctx.choices["nationalities"]]
    ss[WIDGETS["q"]] = filters.text
    ss[WIDGETS["conf"]] = float(filters.min_confidence)
    ss[WIDGETS["reviewed"]] = bool(filters.reviewed)


def _widgets_changed() -> None:
    ss = st.session_state
    notices = []
    date_from, date_to = ss.get(WIDGETS["from"]), ss.get(WIDGETS["to"])
    if date_from and date_to and date_from > date_to:
        notices.append(f"Ignored the dates: the range {date_from} to {date_to} ends before it starts.")
        date_from = date_to = None
    text = ss.get(WIDGETS["q"]) or ""
    if len(text) > F.MAX_TEXT:
        notices.append(f"The search text was cut to {F.MAX_TEXT:,} characters.")
        text = text[:F.MAX_TEXT]
    ss[FILTERS_KEY] = F.Filters(
        date_from=date_from, date_to=date_to, countries=tuple(ss.get(WIDGETS["country"]) or ()),
        places=tuple(ss.get(WIDGETS["place"]) or ()), types=tuple(ss.get(WIDGETS["type"]) or ()),
        nationalities=tuple(ss.get(WIDGETS["nat"]) or ()), text=text,
        min_confidence=round(float(ss.get(WIDGETS["conf"]) or 0.0), 2),
        reviewed=bool(ss.get(WIDGETS["reviewed"])),
    )
    ss[NOTICES_KEY] = notices


def _clear_filters() -> None:
    st.session_state[FILTERS_KEY] = F.Filters()
    st.session_state[NOTICES_KEY] = []


def _write_url(filters: F.Filters) -> None:
    wanted = _normalised(F.to_params(filters))
    if _url_filter_params() != wanted or any(k in st.query_params for k in F.PARAMS if k not in wanted):
        for key in F.PARAMS:
            if key in st.query_params:
                del st.query_params[key]
        for key, values in wanted.items():
            st.query_params[key] = values if len(values) > 1 else values[0]
    st.session_state[URL_KEY] = wanted


def sidebar_filters(ctx: Context) -> F.Filters:
    """Draw the filters in the sidebar, kept in step with the URL; returns the filters in force."""
    ss = st.session_state
    url = _url_filter_params()
    last = ss.get(URL_KEY)
    if last is None or (url and url != last):
        # a link was opened (or edited): the URL wins, checked against what the database holds
        filters, notices = F.parse(url, _choices(ctx))
        ss[FILTERS_KEY] = filters
        ss[NOTICES_KEY] = notices
    # else: the controls hold the filters (the URL may have lost them when moving between pages)
    filters = ss.get(FILTERS_KEY) or F.Filters()
    _set_widgets(filters, ctx)
    c = ctx.choices
    names = c.get("country_names", {})
    place_rows = c["places"]
    place_label = {pid: f"{name} ({kind}, {code or '?'})" for pid, name, kind, code in zip(
        *(place_rows[c].tolist() for c in ("place_id", "name", "kind", "country_code")))}
    lo, hi = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
    with st.sidebar:
        st.header("Filters")
        col1, col2 = st.columns(2)
        col1.date_input("From", key=WIDGETS["from"], min_value=lo, max_value=hi, format="YYYY-MM-DD",
                        on_change=_widgets_changed, help="Incidents by their date, mentions by the article's date")
        col2.date_input("To", key=WIDGETS["to"], min_value=lo, max_value=hi, format="YYYY-MM-DD",
                        on_change=_widgets_changed)
        st.multiselect("Country", c["countries"], key=WIDGETS["country"], on_change=_widgets_changed,
                       format_func=lambda code: f"{names.get(code, code)} ({code})")
        st.multiselect("Place", list(place_rows["place_id"]), key=WIDGETS["place"], on_change=_widgets_changed,
                       format_func=lambda pid: place_label.get(pid, pid))
        st.multiselect("Incident type", c["types"], key=WIDGETS["type"], on_change=_widgets_changed)
        st.multiselect("Victims' nationality", c["nationalities"], key=WIDGETS["nat"],
                       on_change=_widgets_changed, format_func=lambda code: f"{names.get(code, code)} ({code})")
        st.text_input("Text in the article", key=WIDGETS["q"], max_chars=F.MAX_TEXT, on_change=_widgets_changed,
                      help="Every word must appear; typed literally (quotes, *, OR have no special meaning)")
        st.slider("Minimum confidence", 0.0, 1.0, step=0.05, key=WIDGETS["conf"], on_change=_widgets_changed)
        st.checkbox("Reviewed places only", key=WIDGETS["reviewed"], on_change=_widgets_changed,
                    help="Only the places a person confirmed or corrected on the Review page, and their incidents")
        st.button("Clear all filters", key="f_clear", on_click=_clear_filters, disabled=filters.is_empty(),
                  width="stretch")
        st.caption("The filters are kept in the page address: copy it to share this view.")
    _write_url(filters)
    for notice in ss.get(NOTICES_KEY) or []:
        st.warning(esc_md(notice), icon="⚠️")
    return filters


def filter_params(ctx: Context) -> dict:
    """The query parameters of the current filters (to carry them in links to other pages)."""
    return F.to_params(ctx.filters)
