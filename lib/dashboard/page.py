"""What every page draws around its data: page setup and filters first, counts, empty notices, downloads."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lib import export
from lib.dashboard.context import Context, open_database
from lib.dashboard.render import footer, style
from lib.dashboard.sidebar import sidebar_filters


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


def row_count(n: int, what: str) -> None:
    st.caption(f"{n} {what} match the filters", help="Every row is in the CSV download")


def download(frame: pd.DataFrame, what: str, label: str, key: str) -> None:
    """A CSV download of exactly these rows (all of them, not a screenful)."""
    st.download_button(label, data=export.to_csv(frame), file_name=export.file_name(what),
                       mime="text/csv", key=key, disabled=frame.empty, icon=":material/download:")
