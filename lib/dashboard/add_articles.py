"""The Add articles page: upload .txt/.md files or paste text, with optional metadata; load with progress;
say what became of each (added, a duplicate, or refused and why); new rows show on every page at once."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from lib import paths, uploads
from lib.dashboard import context
from lib.dashboard.render import code_md, esc_md, footer, style
from lib.store import queries

_FIELDS = ("add_title", "add_published", "add_source", "add_url", "add_text")


def forget_cached_queries() -> None:
    """Every page reads the new rows on its next run (the cached queries are keyed by the file's signature;
    clearing them also covers a write within the same second)."""
    context._cached.clear()
    queries.forget()


def _form_meta(with_title: bool) -> dict:
    state = st.session_state
    meta = {"published": state.get("add_published"), "source": state.get("add_source"),
            "url": state.get("add_url")}
    if with_title:
        meta["title"] = state.get("add_title")
    return meta


def _show(outcomes: list) -> None:
    """One line per article: what became of it and why."""
    added = [o for o in outcomes if o.status == "added"]
    if added:
        one = len(added) == 1
        st.success(f"Added {len(added)} article{'' if one else 's'}; {'it is' if one else 'they are'} on the map "
                   "and in the counts now.")
    for o in outcomes:
        name = esc_md(o.name)
        if o.status == "added":
            st.markdown(f"- ✅ **{name}**: added as “{esc_md(o.title)}”")
        elif o.status == "duplicate":
            st.warning(f"**{name}** is a duplicate: {esc_md(o.reason)}. Nothing was loaded twice.")
        else:
            st.error(f"**{name}** was refused: {esc_md(o.reason)}.")


def add_articles_page() -> None:
    st.set_page_config(page_title="Add articles · Incident Atlas", page_icon="🗺️", layout="wide")
    style()
    st.title("Add articles")
    db_path = paths.database()
    if not db_path.exists() and db_path.resolve() != paths.DEFAULT_DB.resolve():
        st.error(context.missing_database(db_path))
        footer()
        return
    st.caption(f"{uploads.LIMITS} Each is kept in the database and under "
               f"`{code_md(uploads.uploads_dir(db_path))}`, so a rebuild keeps it. Front matter or the fields "
               "below give its title, publication date (relative dates such as “last Monday” are resolved "
               "against it), source and address.")
    files = st.file_uploader("Article files (.txt or .md)", type=[s.lstrip(".") for s in uploads.SUFFIXES],
                             accept_multiple_files=True, key="add_files")
    st.text_area("Or paste an article's text", key="add_text", height=200)
    left, right = st.columns(2)
    with left:
        st.text_input("Title (pasted text only; a file's title is its first line)", key="add_title")
        st.date_input("Publication date", value=None, key="add_published", format="YYYY-MM-DD")
    with right:
        st.text_input("Source (e.g. the newspaper)", key="add_source")
        st.text_input("Address (URL)", key="add_url")
    if not st.button("Add articles", key="add_go", type="primary", icon=":material/upload:"):
        return
    items = [(f.name, f.getvalue()) for f in files or []]
    outcomes = []
    text = st.session_state.get("add_text") or ""
    bar = st.progress(0.0, text="Checking …")

    def progress(done, total, name):
        bar.progress(min(1.0, done / max(1, total)), text=f"Loading {done}/{total}: {Path(name).name}")

    if not items and not text.strip():
        st.warning("Choose files or paste an article's text first.")
        return
    if items:
        outcomes += uploads.add(db_path, items, _form_meta(with_title=False), progress)
    if text.strip():
        outcomes += uploads.add(db_path, [uploads.pasted(text, _form_meta(with_title=True))],
                                _form_meta(with_title=True), progress)
    bar.progress(1.0, text="Done")
    forget_cached_queries()
    _show(outcomes)
    footer()
