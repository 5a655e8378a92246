"""Sources: the articles, full-text search across them, and one article with every extraction highlighted."""
import streamlit as st

from lib import dashboard as ui

ctx = ui.start("Sources")
if ctx is None:
    st.stop()

st.title("Sources")
docs = ctx.q("documents", ctx.filters)

# --- the articles ---
st.subheader("Articles")
ui.row_count(len(docs), "articles")
if docs.empty:
    ui.nothing_matches("articles")
else:
    shown = docs.assign(url=docs["url"].map(ui.safe_url))  # a link only for http(s) addresses
    st.dataframe(shown[["published", "title", "source", "url", "dateline", "mentions", "incidents", "path",
                        "document_id"]], hide_index=True, width="stretch",
                 column_config={"url": st.column_config.LinkColumn("url", validate=r"^https?://")})
ui.download(docs, "articles", "Download articles (CSV)", key="dl_articles")

# --- full-text search (the sidebar's "Text in the article") ---
if ctx.filters.text:
    st.subheader("Sentences with the search text")
    found = ctx.q("search_sentences", ctx.filters.text, ctx.filters)
    ui.row_count(len(found), "sentences")
    if found.empty:
        ui.nothing_matches("sentences")
    else:
        st.dataframe(found[["published", "title", "sentence", "source", "document_id"]], hide_index=True,
                     width="stretch")
        ui.download(found, "sentences", "Download sentences (CSV)", key="dl_sentences")
else:
    st.caption("Search every article's text with “Text in the article” in the sidebar.")

# --- one article ---
st.subheader("Article")
ui.article_view(ctx, docs)
ui.footer()
