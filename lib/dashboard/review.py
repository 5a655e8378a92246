"""The Review page: one incident with every report of it (split a wrong group, merge two, correct a figure
with a note), and one place mention (why it was placed there; choose another candidate, a gazetteer
search result or coordinates, for that mention, its article or everywhere). Every change is stored in the
database at once, survives reloads and rebuilds, and shows on every page on its next run."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from lib import candidates, corrections, edits
from lib.dashboard.add_articles import forget_cached_queries
from lib.dashboard.context import Context
from lib.dashboard.render import esc_md
from lib.store import edits as edit_sql
from lib.store import queries

EVENT_PARAM = "event"
DOC_PARAM, MENTION_PARAM = "doc", "mention"
_MESSAGE = "rv_message"
CHOICES = 200  # the most options a box sends: Streamlit sends every option to the browser on every run


@st.cache_resource(show_spinner="Opening the gazetteer …")
def gazetteer():
    from lib.extract import gazetteer as gaz

    return gaz.load()


def _done(kind: str, text: str) -> None:
    st.session_state[_MESSAGE] = (kind, text)


def _write(ctx: Context, change, success: str) -> None:
    """Run change(db) on the database opened for writing; keep the outcome to show on this run."""
    try:
        with edits.writing(ctx.path) as db:
            change(db)
    except edits.EditError as error:
        _done("error", str(error))
        return
    except Exception as error:  # the page explains; it never shows a traceback
        _done("error", f"{type(error).__name__}: {error}")
        return
    forget_cached_queries()
    _done("success", success)


def show_message() -> None:
    kind, text = st.session_state.pop(_MESSAGE, (None, None))
    if kind == "success":
        st.success(esc_md(text))
    elif kind == "error":
        st.error("Not changed: " + esc_md(text))


# --- incidents ---

def _event_label(events: pd.DataFrame):
    rows = {r.event_id: r for r in events.itertuples()}

    def label(event_id):
        r = rows.get(event_id)
        if r is None:
            return event_id
        toll = "" if pd.isna(r.killed) else f", {int(r.killed)} killed"
        return (f"{r.date or 'undated'} · {r.type} · {r.place or 'no place'} "
                f"({r.reports} report{'s' if r.reports != 1 else ''}{toll})")
    return label


def _event_chosen() -> None:
    value = st.session_state.get("rv_event")
    if value:
        st.query_params[EVENT_PARAM] = value


def narrowed(kind: str, shown: int, total: int, text: str) -> str:
    """The caption under a short list: how many match, and how to reach the rest."""
    typed = f" matching “{esc_md(text.strip())}”" if text.strip() else ""
    if total <= shown:
        return f"{total} {kind if total != 1 else kind[:-1]}{typed}."
    return (f"The {shown} newest of {total:,} {kind}{typed}; type more words (a place, a type, a date such as "
            "2021-03, or part of a title) to narrow the list.")


def incident_review(ctx: Context) -> None:
    wanted = st.query_params.get(EVENT_PARAM)
    text = st.text_input("Find an incident", key="rv_event_find",
                         placeholder="words of its place, type or date (e.g. Quetta bombing 2021-03)")
    current = st.session_state.get("rv_event")
    include = () if text.strip() else tuple(e for e in (current, wanted) if e)
    events, total = ctx.run(edit_sql.event_choices, text, CHOICES, include)
    st.caption(narrowed("incidents", len(events), total, text))
    if events.empty:
        st.info("No incident matches; change the words above." if text.strip() else "No incidents yet.")
        return
    options = list(events["event_id"])
    if current not in options:
        st.session_state["rv_event"] = wanted if wanted in options and not text.strip() else options[0]
    label = _event_label(events)
    event_id = st.selectbox("Incident", options, key="rv_event", format_func=label, on_change=_event_chosen)
    reports = ctx.run(edit_sql.event_reports_keyed, event_id)
    st.markdown(f"**Every report of this incident** ({len(reports)}), each with its own figures")
    st.dataframe(reports[["title", "source", "published", "type", "date", "killed", "injured", "victims", "place",
                          "sentence"]], hide_index=True, width="stretch")
    fixes = ctx.run(edit_sql.event_fixes, event_id)
    for fix in fixes.itertuples():
        st.caption(f"Corrected: {fix.field} {fix.was if fix.was is not None else 'unknown'} → "
                   f"{fix.value if fix.value is not None else 'unknown'} in “{esc_md(fix.title)}”"
                   f" (note: {esc_md(fix.note) or 'none'}; {fix.created_at})")
    for note in ctx.run(edit_sql.event_edit_notes, event_id).itertuples():
        st.caption(f"{note.action.capitalize()} by a person: {esc_md(note.note) or 'no note'} ({note.created_at})")
    titles = dict(zip(reports["report"], reports["title"] + " · " + reports["type"].astype(str)))
    keys = list(reports["report"])
    links = [f"[{esc_md(r.place_surface)} in “{esc_md(r.title)}”](Review?{DOC_PARAM}={r.document_id}"
             f"&{MENTION_PARAM}={int(r.mention_id)})" for r in reports.itertuples() if not pd.isna(r.mention_id)]
    if links:
        st.markdown("Fix where a report is placed: " + " · ".join(links))

    left, middle, right = st.columns(3)
    with left:
        st.markdown("**Split a wrong group**")
        st.selectbox("Report that is another incident", keys, key="rv_split_report", format_func=titles.get,
                     disabled=len(keys) < 2)
        st.text_input("Note", key="rv_split_note")
        st.button("Split it off", key="rv_split", disabled=len(keys) < 2, on_click=lambda: _write(
            ctx, lambda db: edits.split(db, st.session_state["rv_split_report"], st.session_state["rv_split_note"]),
            "Split: that report is now an incident of its own."))
    with middle:
        st.markdown("**Merge with another incident**")
        find = st.text_input("Find it", key="rv_merge_find", placeholder="words of its place, type or date")
        chosen = st.session_state.get("rv_merge_other")
        candidates_, matching = ctx.run(edit_sql.event_choices, find, CHOICES + 1, (chosen,) if chosen else ())
        others = [e for e in candidates_["event_id"] if e != event_id]
        if chosen not in others:
            st.session_state["rv_merge_other"] = None
        st.selectbox("The same incident as", others, key="rv_merge_other", format_func=_event_label(candidates_),
                     index=None, placeholder="choose an incident")
        st.caption(narrowed("incidents", len(others), max(matching - 1, len(others)), find))
        st.text_input("Note", key="rv_merge_note")

        def merge(db):
            other = st.session_state.get("rv_merge_other")
            if not other:
                raise edits.EditError("choose the incident to merge with")
            theirs = edit_sql.event_report_keys(db, other)
            if not theirs:
                raise edits.EditError("that incident is no longer in the database; reload the page")
            edits.merge(db, keys[0], theirs[0], st.session_state.get("rv_merge_note", ""))
        st.button("Merge", key="rv_merge", on_click=lambda: _write(ctx, merge, "Merged: the two are one incident now."))
    with right:
        st.markdown("**Correct a figure**")
        st.selectbox("In", ["every report"] + keys, key="rv_fix_report",
                     format_func=lambda k: k if k == "every report" else titles.get(k))
        st.selectbox("Figure", edits.FIELDS, key="rv_fix_field")
        st.text_input("Value (a number, a type, or YYYY[-MM[-DD]]; empty for unknown)", key="rv_fix_value",
                      help="Types: " + ", ".join(edits.TYPES))
        st.text_input("Note (why)", key="rv_fix_note")

        def fix(db):
            chosen = st.session_state["rv_fix_report"]
            for key in keys if chosen == "every report" else [chosen]:
                edits.fix_figure(db, key, st.session_state["rv_fix_field"], st.session_state.get("rv_fix_value"),
                                 st.session_state.get("rv_fix_note", ""))
        st.button("Correct", key="rv_fix", on_click=lambda: _write(
            ctx, fix, f"Corrected {st.session_state['rv_fix_field']}; the correction is kept through rebuilds."))


# --- places ---

def confirm_place(ctx: Context, mention: dict, gaz) -> None:
    """A button that stores a fix of this one mention to the place it already has: the place is reviewed."""
    if not mention.get("place_id"):
        return

    def confirm(db):
        edits.fix_place(db, corrections.csv_path_for(ctx.path), mention["surface"], "mention",
                        place_id=mention["place_id"], document_id=mention["document_id"], start=mention["start"],
                        note=st.session_state.get("rv_note") or "confirmed", gaz=gaz)
    st.button(f"Confirm this place ({mention['name'] or mention['place_id']})", key="rv_confirm", on_click=lambda: _write(
        ctx, confirm, f"Confirmed “{mention['surface']}” as {mention['name'] or mention['place_id']}; it counts as "
                      "reviewed on the map."))


def _mention_label(mentions: pd.DataFrame):
    rows = {r.mention_id: r for r in mentions.itertuples()}

    def label(mention_id):
        r = rows[mention_id]
        where = r.place if isinstance(r.place, str) else "unplaced"
        return f"{r.surface} (at {r.start}) → {where}, {r.country_code or '?'}"
    return label


def place_review(ctx: Context) -> None:
    wanted_doc, wanted_mention = st.query_params.get(DOC_PARAM), st.query_params.get(MENTION_PARAM)
    text = st.text_input("Find an article", key="rv_doc_find", placeholder="words of its title or source")
    current = st.session_state.get("rv_doc")
    include = () if text.strip() else tuple(d for d in (current, wanted_doc) if d)
    docs, total = ctx.run(edit_sql.document_choices, text, CHOICES, include)
    st.caption(narrowed("articles", len(docs), total, text))
    if not docs:
        st.info("No article matches; change the words above." if text.strip() else "No articles yet.")
        return
    titles = dict(docs)
    if wanted_doc in titles and "rv_doc" not in st.session_state:
        st.session_state["rv_doc"] = wanted_doc
    if st.session_state.get("rv_doc") not in titles:
        st.session_state["rv_doc"] = next(iter(titles))
    document_id = st.selectbox("Article", list(titles), key="rv_doc", format_func=titles.get)
    mentions = ctx.run(queries.document_mentions, document_id)
    if mentions.empty:
        st.info("This article names no place.")
        return
    ids = list(mentions["mention_id"])
    if wanted_mention and wanted_mention.isdigit() and int(wanted_mention) in ids and "rv_mention" not in st.session_state:
        st.session_state["rv_mention"] = int(wanted_mention)
    mention_id = st.selectbox("Place mention", list(mentions["mention_id"]), key="rv_mention",
                              format_func=_mention_label(mentions))
    mention = ctx.run(edit_sql.mention_context, int(mention_id))
    if mention is None:
        st.warning("That mention is no longer in the database; choose another.")
        return
    st.markdown(f"> {esc_md(mention['sentence'])}")
    st.caption("Reviewed: a person's fix placed this mention." if mention.get("resolved_by") == "correction"
               else "Unreviewed: the extractor placed this mention; confirm it or choose another place.")
    gaz = gazetteer()
    found = candidates.explain(mention, gaz.candidates(mention["surface"]),
                               ctx.run(edit_sql.article_places, document_id))
    st.markdown("**Why it was placed there.** " + esc_md(found["why"]))
    table = pd.DataFrame(found["rows"])
    if not table.empty:
        st.dataframe(table[["chosen", "name", "kind", "country_code", "admin1", "population", "own_name",
                            "country_named", "nearest_km", "lat", "lon", "place_id"]],
                     hide_index=True, width="stretch",
                     column_config={"country_named": st.column_config.NumberColumn(
                         "country named", help="times the article names other places in this country"),
                         "nearest_km": st.column_config.NumberColumn(
                             "nearest other place (km)", help="distance to the nearest other place the article names")})
    how = st.radio("Choose instead", ["a candidate above", "a gazetteer search", "coordinates"], key="rv_how",
                   horizontal=True)
    if how == "a candidate above":
        ids = [r["place_id"] for r in found["rows"]]
        names = {r["place_id"]: f"{r['name']} ({r['kind']}, {r['country_code']}) {r['place_id']}" for r in found["rows"]}
        st.selectbox("Candidate", ids, key="rv_candidate", format_func=names.get, index=None,
                                          placeholder="choose a candidate")
    elif how == "a gazetteer search":
        from lib.extract.resolve import places_named

        query = st.text_input("Search the gazetteer (e.g. “Hyderabad, Sindh” or “Turbat, PK”)", key="rv_search")
        hits = places_named(query, gaz)[:50] if query.strip() else []
        names = {p["id"]: f"{p['name']} ({p['kind']}, {p['country_code']}, {candidates._population(p.get('population'))})"
                 for p in hits}
        st.selectbox("Result", list(names), key="rv_found", format_func=names.get, index=None,
                                          placeholder="no result yet" if not hits else "choose a result")
    else:
        c1, c2, c3 = st.columns(3)
        c1.number_input("Latitude", -90.0, 90.0, value=None, format="%.5f", key="rv_lat")
        c2.number_input("Longitude", -180.0, 180.0, value=None, format="%.5f", key="rv_lon")
        c3.text_input("Name of the place", key="rv_name")
    st.radio("Apply to", edits.SCOPES, key="rv_scope", horizontal=True, format_func={
        "mention": "this mention", "article": f"every “{mention['surface']}” in this article",
        "everywhere": f"every “{mention['surface']}” everywhere"}.get)
    st.text_input("Note (why)", key="rv_note")

    def apply(db):
        """Read the widgets as they are when the button is pressed (this run's values may be older)."""
        state = st.session_state
        how_now = state.get("rv_how")
        place_id = {"a candidate above": state.get("rv_candidate"),
                    "a gazetteer search": state.get("rv_found")}.get(how_now)
        lat = lon = name = None
        if how_now == "coordinates":
            lat, lon, name = state.get("rv_lat"), state.get("rv_lon"), state.get("rv_name") or mention["surface"]
            if lat is None or lon is None:
                raise edits.EditError("enter both a latitude and a longitude")
        edits.fix_place(db, corrections.csv_path_for(ctx.path), mention["surface"], state.get("rv_scope"),
                        place_id=place_id, document_id=document_id, start=mention["start"], name=name, lat=lat,
                        lon=lon, note=state.get("rv_note", ""), gaz=gaz)
    st.button("Fix the place", key="rv_apply", type="primary", on_click=lambda: _write(
        ctx, apply, f"Fixed “{mention['surface']}” ({st.session_state.get('rv_scope')}); kept in the database "
                    "and in corrections.csv."))
    confirm_place(ctx, mention, gaz)
    fixes = ctx.run(edit_sql.correction_list)
    if not fixes.empty:
        st.markdown(f"**Geocode fixes so far** ({len(fixes)})")
        st.dataframe(fixes, hide_index=True, width="stretch")
