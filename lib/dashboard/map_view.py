"""The Map page's map: a custom component that draws a plotly figure with ``Plotly.react`` in the page itself.

``st.plotly_chart`` mounts a new chart whenever a selectable figure changes, so a filter change used to throw
away the person's zoom and pan. This component keeps one plotly chart for the life of the page and hands it
each new figure; plotly keeps the person's view while the figure's ``layout.uirevision`` is unchanged.
A click comes back as the trigger value ``click`` (the points under the pointer: curve, index, customdata,
lat, lon) and the visible area, once the person stops moving the map, as the state value ``view``
({"center": {"lat", "lon"}, "zoom", "revision"}). A rerun that hands the same figure does not touch the chart
(a redraw would cut short a zoom in progress); a newly mounted map (the person came back to the page) opens
where the person left it, when the "Zoom to" choice is the same.

plotly.js is served by the app itself from static/plotly.min.js (copied from the installed plotly package by
scripts/copy_plotly_js.py at set-up), so nothing is fetched from another host.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import streamlit as st

from lib.paths import ROOT

PLOTLY_JS = ROOT / "static" / "plotly.min.js"
PLOTLY_URL = "/app/static/plotly.min.js"
SET_UP = "bash scripts/setup.sh"

_JS = """
const PLOTLY_URL = %(url)s;

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.__atlasPlotly) {
    window.__atlasPlotly = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = PLOTLY_URL;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { window.__atlasPlotly = null; reject(new Error('cannot load ' + PLOTLY_URL)); };
      document.head.appendChild(script);
    });
  }
  return window.__atlasPlotly;
}

function pointsOf(event) {
  return (event.points || []).map(p => ({curve: p.curveNumber, index: p.pointIndex,
                                         customdata: p.customdata, lat: p.lat, lon: p.lon}));
}

function viewOf(el) {
  const map = el._fullLayout && el._fullLayout.map;
  if (!map) return null;
  return {center: {lat: map.center.lat, lon: map.center.lon}, zoom: map.zoom,
          revision: String(el.layout.uirevision)};
}

function sameView(a, b) {
  return !!a && !!b && a.revision === b.revision && a.zoom === b.zoom
    && a.center.lat === b.center.lat && a.center.lon === b.center.lon;
}

export default function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  let el = parentElement.querySelector('.atlas-map');
  const fresh = !el;
  if (fresh) {
    el = document.createElement('div');
    el.className = 'atlas-map';
    parentElement.appendChild(el);
  }
  el.style.height = data.height + 'px';
  el.__atlas = { setStateValue, setTriggerValue };   // the latest senders, for handlers bound once
  if (data.figure === el.__atlasFigure) return;        // a rerun that changed nothing on the map
  el.__atlasFigure = data.figure;
  const figure = JSON.parse(data.figure);
  const view = data.view;
  if (fresh && view && view.revision === String(figure.layout.uirevision)) {
    // back on the page: where the person left the map, under the same "Zoom to" choice
    figure.layout.map = Object.assign({}, figure.layout.map, {center: view.center, zoom: view.zoom});
  }
  el.__atlasQueue = (el.__atlasQueue || Promise.resolve()).then(() => loadPlotly()).then(Plotly =>
    Plotly.react(el, figure.data, figure.layout, data.config)).then(() => {
      if (el.__atlasBound) return;
      el.__atlasBound = true;
      el.on('plotly_click', event => el.__atlas.setTriggerValue('click', pointsOf(event)));
      let timer = null;
      el.on('plotly_relayout', () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const now = viewOf(el);
          if (now && !sameView(now, el.__atlasSent)) { el.__atlasSent = now; el.__atlas.setStateValue('view', now); }
        }, 800);
      });
    }).catch(error => {
      el.textContent = 'The map cannot be drawn: ' + error.message + '.';
      el.className = 'atlas-map atlas-map-error';
    });
}
"""

_component = st.components.v2.component(
    "atlas_map", html="", js=_JS % {"url": json.dumps(PLOTLY_URL)}, isolate_styles=False)


def plotly_source() -> Path | None:
    """plotly.min.js as shipped in the installed plotly package, or None."""
    try:
        import plotly
    except ModuleNotFoundError:
        return None
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return path if path.is_file() else None


def install_plotly_js(target: Path = PLOTLY_JS) -> bool:
    """Copy the installed package's plotly.min.js to target when it is missing or differs; True if copied."""
    source = plotly_source()
    if source is None:
        raise FileNotFoundError("the plotly package (with package_data/plotly.min.js) is not installed")
    if target.is_file() and target.stat().st_size == source.stat().st_size \
            and target.read_bytes() == source.read_bytes():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return True


def ready() -> bool:
    """Whether the app can serve plotly.js to the map (static/plotly.min.js exists)."""
    return PLOTLY_JS.is_file()


def draw(figure_json: str, config: dict, height: int, key: str, on_click, on_view, seen: dict | None = None):
    """Mount (or update) the map; the figure goes as JSON. seen ({"center", "zoom", "revision"}) is where the
    person left the map: a newly mounted map opens there when its revision is the figure's uirevision.
    Returns the component's result (click, view)."""
    if not ready():
        st.error(f"The map cannot be drawn: static/plotly.min.js is missing. Run `{SET_UP}` to copy it "
                 "from the installed plotly package.")
        return None
    return _component(key=key, data={"figure": figure_json, "config": config, "height": height, "view": seen},
                      height=height, on_click_change=on_click, on_view_change=on_view)
