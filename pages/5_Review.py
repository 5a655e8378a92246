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
incidents, places = st.tabs(["Incidents", "Places"])
with incidents:
    review.incident_review(ctx)
with places:
    review.place_review(ctx)
render.footer()
