"""Markers on one spot: a button each when they are few, one list to choose from when they are many."""
from streamlit.testing.v1 import AppTest

from lib.dashboard.map_panel import EVENT_KEY, PLACE_KEY, SPOT_BUTTONS


def _script(n):
    import pandas as pd
    import streamlit as st

    from lib.dashboard import map_panel

    events = pd.DataFrame({"event_id": [f"e{k}" for k in range(n)], "type": "bombing", "date": "2024-01-02",
                           "name": "Quetta", "latitude": 30.18, "longitude": 66.99})
    places = pd.DataFrame({"place_id": ["p1"], "name": ["Quetta"], "kind": ["city"], "mentions": [3],
                           "latitude": [30.18], "longitude": [66.99]})
    st.session_state.setdefault(map_panel.PLACE_KEY, None)
    st.session_state.setdefault(map_panel.EVENT_KEY, "e0")
    map_panel.spot_chooser(None, "event", "e0", places, events)


def _chooser(n) -> AppTest:
    at = AppTest.from_function(_script, args=(n,)).run()
    assert not at.exception, at.exception
    return at


def test_few_markers_on_a_spot_get_a_button_each():
    at = _chooser(3)
    assert len([b for b in at.button if b.key.startswith("spot_")]) == 4 and not at.selectbox


def test_many_markers_on_a_spot_are_one_list_and_every_one_can_be_chosen():
    n = SPOT_BUTTONS * 5
    at = _chooser(n)
    assert not at.button
    chooser = at.selectbox(key="spot_list")
    assert len(chooser.options) == n + 1 and chooser.value == ("event", "e0")
    chooser.set_value(("place", "p1")).run()
    assert at.session_state[PLACE_KEY] == "p1" and at.session_state[EVENT_KEY] is None
