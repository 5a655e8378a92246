"""Incident Atlas. Run with: streamlit run app.py (builds data/atlas.db from seeds/ when it is missing).

This file only names the pages; each page reads the filters, calls lib, and draws.
"""
import streamlit as st

PAGES = [
    st.Page("pages/0_Overview.py", title="Overview", default=True),
    st.Page("pages/1_Map.py", title="Map", url_path="Map"),
    st.Page("pages/2_Counts.py", title="Counts", url_path="Counts"),
    st.Page("pages/3_Sources.py", title="Sources", url_path="Sources"),
    st.Page("pages/4_Add_articles.py", title="Add articles", url_path="Add_articles"),
    st.Page("pages/5_Review.py", title="Review", url_path="Review"),
]
st.navigation(PAGES).run()
