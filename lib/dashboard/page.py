"""What every page draws around its data: page setup and filters first, counts, empty notices, downloads."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lib import export
from lib.dashboard.context import Context, open_database
from lib.dashboard.render import footer, style
from lib.dashboard.sidebar import FILTERS_KEY, sidebar_filters


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


def nothing_matches(what: str) -> None:
    st.info(f"No {what} match the filters. Loosen them, or use “Clear all filters” in the sidebar.")


def singular(plural: str) -> str:
    """'countries' -> 'country', 'incident types' -> 'incident type', 'sentences' -> 'sentence'."""
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    return plural[:-1] if plural.endswith("s") else plural


def row_count(n: int, what: str, note: str = "", one: str | None = None, shown: int | None = None) -> None:
    """'1 article matches the filters', '12 incidents match the filters': what the table below holds, all of it
    (one: the words for a single row, when not what's singular), or the first shown of them."""
    words = f"{n:,} {(one or singular(what)) if n == 1 else what} {'matches' if n == 1 else 'match'} the filters"
    if shown is not None and shown < n:
        words += f"; the table shows the first {shown:,} of them"
        help_text = "The table shows the first rows; the downloads hold every row"
    else:
        help_text = "The table holds every row; so do the downloads"
    st.caption(words + (f" · {note}" if note else ""), help=help_text)


def download(frame: pd.DataFrame, what: str, label: str, key: str, filters=None, prepare=None) -> None:
    """CSV and GeoJSON downloads of exactly these rows (all of them, not a screenful), named after what they
    hold and the filters in force (the page's, when none are given); prepare(frame), when given, makes the
    exported frame on click (not on every run)."""
    if filters is None:
        filters = st.session_state.get(FILTERS_KEY)  # the filters every page shares
    csv_col, geo_col = st.columns(2)
    # the files are made when a button is clicked (deferred), not on every run of the page
    made = (lambda: frame) if prepare is None else (lambda: prepare(frame))
    csv_col.download_button(label, data=lambda: export.to_csv(made()), file_name=export.file_name(what, filters),
                            mime="text/csv", key=key, disabled=frame.empty, icon=":material/download:")
    geo_col.download_button(label.replace("(CSV)", "(GeoJSON)") if "(CSV)" in label else f"{label} (GeoJSON)",
                            data=lambda: export.to_geojson(made()),
                            file_name=export.file_name(what, filters, "geojson"),
                            mime="application/geo+json", key=f"{key}_geojson", disabled=frame.empty,
                            icon=":material/public:")


def brief_download(incidents: pd.DataFrame, filters_text: str, key: str, filters=None) -> None:
    """The brief of these incidents: one HTML file with the map as a PNG and their table, made on click."""
    from lib import brief

    if filters is None:
        filters = st.session_state.get(FILTERS_KEY)

    def made() -> str:
        points, rows = brief.from_incidents(incidents)
        return brief.brief_html("Incident Atlas brief", filters_text, rows, brief.map_png(points))

    st.download_button("Download a brief (map and table, HTML)", data=made,
                       file_name=export.file_name("brief", filters, "html"), mime="text/html", key=key,
                       disabled=incidents.empty, icon=":material/summarize:",
                       help="A self-contained page to paste into a report: the incidents on the offline map "
                            "and their table")
