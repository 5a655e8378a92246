"""The Map page's map component without a browser: what a click and a moved view do, and plotly.js set-up."""
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from lib.dashboard import map_panel, map_view
from tests.helpers_db import AIRPORT_ID, ROOT, build_two_article_db

PLACES = pd.DataFrame({"place_id": [AIRPORT_ID, "geonames:1816176"], "latitude": [24.9065, 19.16],
                       "longitude": [67.1608, 110.58]})
EVENTS = pd.DataFrame({"event_id": ["e1"], "latitude": [24.9065], "longitude": [67.1608]})


def test_a_click_on_an_incident_marker_picks_the_incident():
    click = [{"curve": 3, "index": 0, "customdata": "event:e1", "lat": 24.9065, "lon": 67.1608}]
    assert map_panel.picked_from_selection(click, PLACES, EVENTS) == ("event", "e1")


def test_a_click_on_a_place_marker_picks_the_place_by_its_id_or_else_its_coordinates():
    assert map_panel.picked_from_selection([{"customdata": "geonames:1816176"}], PLACES, EVENTS) == \
        ("place", "geonames:1816176")
    assert map_panel.picked_from_selection([{"customdata": None, "lat": 24.9065, "lon": 67.1608}], PLACES) == \
        ("place", AIRPORT_ID)


def test_a_click_on_nothing_known_picks_nothing():
    assert map_panel.picked_from_selection([{"customdata": "event:gone"}, "junk"], PLACES, EVENTS) is None
    assert map_panel.picked_from_selection(None, PLACES, EVENTS) is None


def test_plotly_js_is_copied_once_from_the_installed_package(tmp_path):
    target = tmp_path / "static" / "plotly.min.js"
    assert map_view.install_plotly_js(target) is True
    assert target.read_bytes() == map_view.plotly_source().read_bytes()
    assert map_view.install_plotly_js(target) is False


def test_the_map_page_says_how_to_fix_a_missing_plotly_js(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_DB", str(build_two_article_db(tmp_path / "atlas.db")))
    monkeypatch.setattr(map_view, "PLOTLY_JS", tmp_path / "missing.js")
    at = AppTest.from_file(str(ROOT / "pages" / "1_Map.py"), default_timeout=30).run()
    assert not at.exception
    assert any("plotly.min.js is missing" in e.value and "setup.sh" in e.value for e in at.error)
    assert any("GeoNames" in c.value for c in at.caption)   # the rest of the page is still drawn


@pytest.mark.parametrize("stored, wanted", [
    ({"center": {"lat": 30, "lon": 67.5}, "zoom": 5, "revision": "atlas-map:all"},
     {"center": {"lat": 30.0, "lon": 67.5}, "zoom": 5.0, "revision": "atlas-map:all"}),
    ({"center": "nowhere", "zoom": 5, "revision": "x"}, None),
    (None, None),
])
def test_the_view_the_person_left_is_kept_only_when_well_formed(stored, wanted):
    import streamlit as st

    st.session_state[map_panel.SEEN_KEY] = stored
    assert map_panel.seen_view() == wanted
