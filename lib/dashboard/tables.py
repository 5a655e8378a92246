"""What the pages' tables show: the columns of each, in order, and a link on each row to what it is about.

Pure functions of DataFrames (links are relative addresses of the app's pages, with the filters in force),
plus the column settings st.dataframe takes.
"""
from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from lib import tally

EVENT_PARAM, DOC_PARAM = "event", "doc"   # the Map page opens ?event=ID, the Sources page ?doc=ID
TABLE_HEIGHT = 420                        # rows beyond it scroll: the table holds every row
BLANK = ""                                # how a missing value (an unknown figure) reads in a table

INCIDENT_COLUMNS = ["open", "date", "date_precision", "type", "place", "country_code", "killed", "injured",
                    "attackers_killed", "corrected", "reports", "sources", "parts", "victims", "perpetrator"]
ARTICLE_COLUMNS = ["open", "published", "title", "source", "url", "dateline", "mentions", "incidents", "path",
                   "document_id"]
SENTENCE_COLUMNS = ["open", "published", "title", "sentence", "source", "document_id"]


def _link(page: str, params: dict, **extra) -> str:
    return f"./{page}?{urlencode({**params, **extra}, doseq=True)}"


def with_links(frame: pd.DataFrame, page: str, param: str, id_column: str, params: dict) -> pd.DataFrame:
    """frame with an 'open' column first: the address of page opening each row's id_column as ?param=ID."""
    out = frame.copy()
    out.insert(0, "open", [_link(page, params, **{param: value}) for value in out[id_column]])
    return out


def incidents_view(table: pd.DataFrame, params: dict) -> pd.DataFrame:
    """The incidents table as shown: each row opens its incident on the Map page, blank where unknown."""
    out = with_links(table, "Map", EVENT_PARAM, "incident", params)
    return out[[c for c in INCIDENT_COLUMNS if c in out]]


def articles_view(docs: pd.DataFrame, params: dict) -> pd.DataFrame:
    """The articles as shown: each row opens its article on the Sources page."""
    return with_links(docs, "Sources", DOC_PARAM, "document_id", params)[ARTICLE_COLUMNS]


def sentences_view(found: pd.DataFrame, params: dict) -> pd.DataFrame:
    """Search results as shown: each row opens its article (the excerpt's words highlighted) on Sources."""
    return with_links(found, "Sources", DOC_PARAM, "document_id", params)[SENTENCE_COLUMNS]


def link_config(label: str) -> dict:
    """st.dataframe column settings: 'open' as a link reading label."""
    return {"open": st.column_config.LinkColumn("open", display_text=label, width="medium"),
            "url": st.column_config.LinkColumn("url", validate=r"^https?://"),
            **{f: st.column_config.NumberColumn(f.replace("_", " "), format="%d") for f in tally.FIGURES}}


def show(frame: pd.DataFrame, label: str, key: str | None = None) -> None:
    """Every row of frame in a scrolling table, its 'open' column a link."""
    st.dataframe(frame, hide_index=True, width="stretch", height=height(len(frame)),
                 column_config=link_config(label), key=key, placeholder=BLANK)


def height(rows: int) -> int:
    """A table's height in pixels: every row up to TABLE_HEIGHT, then it scrolls."""
    return min(TABLE_HEIGHT, 38 + 35 * max(1, rows))
