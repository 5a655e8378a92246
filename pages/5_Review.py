"""Review: check one incident and its reports (split, merge, correct a figure) or one place (fix a geocode)."""
import streamlit as st

from lib.dashboard import page, render, review

ctx = page.start("Review")
if ctx is None:
    st.stop()

st.title("Review")
st.caption("Changes made here are kept in the database (geocode fixes in data/corrections.csv too), applied at "
           "once, and applied again after every load and rebuild.")
review.show_message()
# a link to one mention (?doc=ID&mention=ID, from an incident's report) opens on the Places tab
incidents, places = st.tabs(["Incidents", "Places"], default="Places" if review.MENTION_PARAM in st.query_params
                            else "Incidents")
with incidents:
    review.incident_review(ctx)
with places:
    review.place_review(ctx)
render.footer()
