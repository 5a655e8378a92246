"""The database behind every page: opened read-only (built from seeds/ first when missing), and its
queries cached until the file changes."""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from lib import filters as F
from lib import documents, load, paths
from lib.charts import counted
from lib.dashboard.render import code_md, esc_md, footer
from lib.store import queries, schema


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
def _cached(_query, name: str, path: str, sig: tuple, args: tuple):
    """_query(db, *args) on the database at path; name and sig (not the function itself) key the cache."""
    db = schema.connect(path, readonly=True)
    try:
        return _query(db, *args)
    finally:
        db.close()


@st.cache_data(show_spinner=False, max_entries=16)
def _upgraded(path: str, sig: tuple) -> bool:
    """schema.upgrade(path), once for each state of the file (sig): checking again finds nothing to do until
    the file changes, and the check opens it twice and reads its indexes and summary on every run."""
    schema.upgrade(path)
    return True


@dataclass
class Context:
    """One page run's database (its path and signature), the filters in force and what they can choose."""
    path: Path
    sig: tuple
    filters: F.Filters = field(default_factory=F.Filters)
    choices: dict = field(default_factory=dict)

    def run(self, query, *args):
        """query(db, *args), a function of lib.store.queries, cached until the database changes."""
        try:
            return _cached(query, f"{query.__module__}.{query.__qualname__}", str(self.path), self.sig, args)
        except (schema.StoreError, sqlite3.DatabaseError) as error:
            st.error(f"The database cannot be read: {esc_md(error)}. Rebuild it with "
                     "`python -m lib.load --rebuild`, then reload this page.")
            st.stop()

    def fetch(self, query, *args):
        """query(db, *args) read afresh, without Streamlit (a download made on click runs outside the page)."""
        db = schema.connect(self.path, readonly=True)
        try:
            return query(db, *args)
        finally:
            db.close()

    @property
    def place_names(self) -> dict:
        places = self.choices.get("places")
        if places is None or places.empty:
            return {}
        return dict(zip(places["place_id"], places["name"]))


def build_database(path: Path) -> bool:
    """Build the database from seeds/ with visible progress; True when it now exists."""
    files = documents.find_articles([paths.SEEDS])[0] if paths.SEEDS.is_dir() else []
    if not files:
        st.info(f"No database yet at `{code_md(path)}`, and no articles in `seeds/` to build it from. "
                "Put article .txt files in seeds/ and run `python -m lib.load`, then reload this page.")
        return False
    st.info(f"First start: there is no database yet at `{code_md(path)}`, so it is built now from the "
            f"{counted(len(files), 'article')} in seeds/. Add your own on the Add articles page.")
    with st.status(f"Building the database from {counted(len(files), 'article')} in seeds/ …",
                   expanded=True) as status:
        bar = st.progress(0.0, text="Starting …")

        def progress(done, total, name):
            bar.progress(min(1.0, done / max(1, total)), text=f"{done}/{total}: {Path(name).name}")

        try:
            report = load.load_paths([paths.SEEDS], path, progress=progress)
        except Exception as error:  # the dashboard explains; it never shows a traceback
            status.update(label="Could not build the database", state="error", expanded=True)
            st.error(f"Building the database failed: {esc_md(type(error).__name__)}: {esc_md(error)}. "
                     "Run `python -m lib.load` in a terminal to see the details, then reload this page.")
            return False
        status.update(label=f"Database built: {report.summary()}", state="complete", expanded=False)
        for problem_path, reason in report.problems[:20]:
            st.warning(f"Not loaded: {esc_md(problem_path)}: {esc_md(reason)}")
    return path.exists()


def missing_database(path: Path) -> str:
    """What to do when ATLAS_DB names a file that does not exist (a typo must not start a new database)."""
    return (f"No database at `{code_md(path)}` (the file ATLAS_DB names). Nothing was created there, so a "
            "misspelt name cannot hide your data behind a new, empty database. Check the name, unset ATLAS_DB "
            f"to use `{code_md(paths.DEFAULT_DB)}`, or build this file on purpose with "
            f"`python -m lib.load --db {esc_md(path)}`, then reload this page.")


def open_database() -> Context | None:
    """The database's Context, building it from seeds/ first when missing; None (with a message on the
    page) when there is no data to show."""
    path = paths.database()
    if not path.exists():
        if path.resolve() != paths.DEFAULT_DB.resolve():
            st.error(missing_database(path))
            return None
        if os.environ.get("ATLAS_NO_BUILD"):
            st.info(f"No database yet at `{code_md(path)}`. Build it with `python -m lib.load`, "
                    "then reload this page.")
            return None
        if not build_database(path):
            return None
    _upgraded(str(path), signature(path))  # a file of an older schema gains the new columns; rows are kept
    try:
        db = schema.connect(path, readonly=True)
        try:
            tables = set(db.table_names())
        finally:
            db.close()
    except (schema.StoreError, sqlite3.DatabaseError) as error:
        st.error(f"The database cannot be read: {esc_md(error)}")
        return None
    ctx = Context(path, signature(path))
    if "documents" not in tables or ctx.run(queries.counts)["documents"] == 0:
        st.info("The database holds no articles yet. Put article .txt files in seeds/ and run "
                "`python -m lib.load`, then reload this page.")
        footer()
        return None
    ctx.choices = ctx.run(queries.filter_choices)
    return ctx
