"""The Sources page's article: chosen in a box (kept in the URL as ?doc=ID), its text shown with every
place and incident highlighted, and its extractions as tables."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lib.dashboard.context import Context
from lib.dashboard.page import download
from lib.dashboard.render import esc, esc_md, highlight, link, source_label, term_spans
from lib.dashboard.tables import BLANK
from lib.store import queries

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
        document = ctx.run(queries.document, wanted) if len(wanted) <= 64 else None
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
    mentions = ctx.run(queries.document_mentions, document["id"])
    incidents = ctx.run(queries.document_incidents, document["id"])
    spans = [(r.start, r.end, "atlas-incident", f"incident: {r.type}") for r in incidents.itertuples()
             if not pd.isna(r.start)]
    spans += [(r.start, r.end, "atlas-place", f"{r.place} ({r.kind}, {r.country_code})" if isinstance(r.place, str)
               else "unresolved place") for r in mentions.itertuples()]
    spans += term_spans(document["text"], ctx.filters.text) if ctx.filters.text else []
    source = source_label(document["source"], document["url"])
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
        st.dataframe(shown, hide_index=True, width="stretch", placeholder=BLANK)
        download(mentions.assign(document_id=document["id"], title=document["title"], source=document["source"],
                                 published=document["published"]),
                 "article-places", "Download this article's places (CSV)", key="dl_doc_places")
    with right:
        st.markdown(f"**Incident reports in this article** ({len(incidents)})",
                    help="A report is this article's account of an incident; reports of one incident in several "
                         "articles count once in every total.")
        st.dataframe(incidents[["type", "date", "killed", "injured", "attackers_killed", "victims",
                                "victim_nationality", "place", "latitude", "longitude", "confidence", "event_id",
                                "part_of"]], hide_index=True, width="stretch", placeholder=BLANK)
        download(incidents.assign(document_id=document["id"], title=document["title"], source=document["source"],
                                  published=document["published"]),
                 "article-incident-reports", "Download this article's incident reports (CSV)", key="dl_doc_incidents")
