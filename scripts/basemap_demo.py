"""A small page to try the base map: `.venv/bin/python scripts/basemap_demo.py [--server.port 8601 ...]`.

Run scripts/build_basemap.py first. Streamlit serves the static/ folder beside the main script, so run with
plain Python this file starts `streamlit run` on a link to itself in a temporary folder that also links the
project's static/; extra arguments go to streamlit.

A go.Scattermap with a few markers over lib.basemap's app-served tiles; a click selects a marker, and the page
prints the selection event. "Markers" changes the figure, to watch what happens to the person's zoom.
`?labels=0` in the address draws the tiles without the English labels.
"""
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def launch(args: list[str]) -> None:
    """Start streamlit on this page with the project's static/ beside it (and the project's .streamlit/)."""
    folder = Path(tempfile.mkdtemp(prefix="atlas-basemap-demo-"))
    (folder / "static").symlink_to(ROOT / "static")
    (folder / "basemap_demo.py").symlink_to(Path(__file__).resolve())
    os.chdir(ROOT)
    os.execv(sys.executable, [sys.executable, "-m", "streamlit", "run", str(folder / "basemap_demo.py"),
                              "--server.enableStaticServing", "true", "--server.headless", "true", *args])


if __name__ == "__main__" and "streamlit" not in sys.modules:
    launch(sys.argv[1:])

import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(ROOT))
from lib import basemap  # noqa: E402

PLACES = [  # name, lat, lon
    ("Quetta", 30.1798, 66.975), ("Gwadar", 25.1216, 62.3254), ("Turbat", 26.0023, 63.044),
    ("Zhob", 31.3417, 69.4486), ("Karachi", 24.8607, 67.0011), ("Kabul", 34.5553, 69.2075),
    ("Nairobi", -1.2921, 36.8219), ("Bogotá", 4.711, -74.0721), ("Quetta (second report)", 30.1798, 66.975),
]
VIEWS = {"world": None, "Balochistan": {"lonaxis_range": [60.8, 70.4], "lataxis_range": [24.8, 32.2]}}

st.set_page_config(page_title="Base map demo", layout="wide")
view_name = st.radio("Zoom to", list(VIEWS), horizontal=True, key="view")
subset = st.radio("Markers", ["all", "Pakistan only"], horizontal=True, key="subset")
rows = [p for p in PLACES if subset == "all" or 23 < p[1] < 37 and 60 < p[2] < 72 and p[0] != "Kabul"]

fig = go.Figure(go.Scattermap(
    lat=[r[1] for r in rows], lon=[r[2] for r in rows], mode="markers",
    marker={"size": 14, "color": "#c0392b", "opacity": 0.9},
    customdata=[r[0] for r in rows], hovertemplate="%{customdata}<extra></extra>", name="places"))
layout = basemap.map_layout(VIEWS[view_name], width=1100, height=620)
if st.query_params.get("labels") == "0":   # ?labels=0: the tiles alone, to compare
    layout["style"] = basemap.style(labels=False)
fig.update_layout(map=layout, height=620,
                  margin={"l": 0, "r": 0, "t": 0, "b": 0}, uirevision=f"demo:{view_name}",
                  clickmode="event+select", dragmode="pan", showlegend=False)
event = st.plotly_chart(fig, key="demo_map", on_select="rerun", selection_mode="points",
                        config={"scrollZoom": True, "displaylogo": False}, width="stretch")
st.caption(basemap.attribution())
if event and event.get("selection", {}).get("points"):
    print("SELECTION " + json.dumps(event, default=str), flush=True)
st.json(event or {}, expanded=True)
