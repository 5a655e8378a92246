"""Sources: the articles, full-text search across them, and one article with every extraction highlighted."""
import streamlit as st

from lib.dashboard import article, page, render, sidebar, tables
from lib.store import queries

ctx = page.start("Sources")
if ctx is None:
    st.stop()

TABLE_ROWS = 1000  # rows of the articles table (the newest); its downloads hold every one

st.title("Sources")
articles = ctx.run(queries.document_count, ctx.filters)
docs = ctx.run(queries.documents, ctx.filters, TABLE_ROWS)
params = sidebar.filter_params(ctx)

# --- the articles ---
st.subheader("Articles")
page.row_count(articles, "articles", shown=TABLE_ROWS)
if docs.empty:
    page.nothing_matches("articles")
else:
    shown = docs.assign(url=docs["url"].map(render.safe_url))  # a link only for http(s) addresses
    tables.show(tables.articles_view(shown, params), "open article", key="articles_table")
page.download(docs, "articles", "Download articles (CSV)", key="dl_articles",
              prepare=lambda first: first if len(first) == articles else ctx.fetch(queries.documents, ctx.filters))

# --- full-text search (the sidebar's "Text in the article") ---
if ctx.filters.text:
    st.subheader("Sentences with the search text")
    found = ctx.run(queries.search_sentences, ctx.filters.text, ctx.filters)
    page.row_count(len(found), "sentences")
    if found.empty:
        page.nothing_matches("sentences")
    else:
        st.html(render.search_results_html(found, ctx.filters.text, params))
        page.download(found, "sentences", "Download sentences (CSV)", key="dl_sentences")
else:
    st.caption("Search every article's text with “Text in the article” in the sidebar.")

# --- one article ---
st.subheader("Article")
article.article_view(ctx, docs)
render.footer()
