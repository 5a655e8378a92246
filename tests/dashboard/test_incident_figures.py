"""Which figure an incident's panel says its headline uses, and how parts of a series leave the count."""
import pandas as pd

from lib import charts
from lib.dashboard.map_panel import figure_source


def test_the_headline_figure_is_the_highest_report_and_says_so():
    words = figure_source(5, [2, None, 5])
    assert words.startswith("5 (the highest of the reports' figures: 5, 2; 1 report gives none")
    assert "never the sum" in words


def test_an_unknown_figure_is_left_out_of_the_totals_not_zero():
    words = figure_source(None, [None, None])
    assert words.startswith("unknown") and "2 reports give none" in words and "left out of the totals" in words


def test_one_report_names_its_own_figure():
    assert figure_source(3, [3]).startswith("3 (its one report's figure")


def test_parts_whose_series_is_shown_leave_the_incidents_and_alone_they_count():
    events = pd.DataFrame({"event_id": ["s", "p", "q"], "latitude": [1.0, 2.0, 3.0], "longitude": [1.0, 2.0, 3.0],
                           "type": "bombing", "name": ["A", "B", "C"], "country_code": "PK", "reports": 1,
                           "killed": [20, 5, None], "injured": None})
    links = {"p": "s", "q": "gone"}  # what queries.series_links gives: q's series is not among the events
    counted, parts = charts.split_parts(events, links)
    assert list(counted["event_id"]) == ["s", "q"] and list(parts["series"]) == ["s"]
    lines, markers = charts.part_traces(parts, counted)
    assert lines["lat"] == [1.0, 2.0, None] and markers["customdata"] == ["event:s"]
    assert "5 killed" in markers["hovertext"][0] and "open the series" in markers["hovertext"][0]
