"""The timeline: periods on a real date axis, only incidents dated precisely enough, and the clicked period."""
import datetime as dt

import pandas as pd

from lib import timeline


def incidents(*dated):
    return pd.DataFrame({"date": [d for d, _, _ in dated], "date_precision": [p for _, p, _ in dated],
                         "killed": pd.array([k for *_, k in dated], dtype="Int64"),
                         "injured": pd.array([None] * len(dated), dtype="Int64"),
                         "attackers_killed": pd.array([None] * len(dated), dtype="Int64"),
                         "reports": [1] * len(dated)})


def test_months_without_incidents_are_gaps_on_a_date_axis():
    rows, left_off = timeline.table(incidents(("2024-01-05", "day", 2), ("2024-06", "month", 3), ("2024", "year", 9)))
    assert list(rows["period_start"]) == ["2024-01-01", "2024-06-01"] and left_off == 1
    fig = timeline.figure(rows)
    assert fig.layout.xaxis.type == "date"
    assert [t.name for t in fig.data] == ["incidents", "killed", "injured"]


def test_weeks_run_monday_to_sunday_and_take_only_day_precise_dates():
    rows, left_off = timeline.table(incidents(("2024-03-07", "day", 1), ("2024-03", "month", 1)), by="week")
    assert (rows.iloc[0]["period_start"], rows.iloc[0]["period_end"]) == ("2024-03-04", "2024-03-10")
    assert left_off == 1


def test_a_period_with_no_known_figure_is_blank_not_zero():
    rows, _ = timeline.table(incidents(("2024-01-05", "day", None)))
    assert pd.isna(rows.iloc[0]["killed"]) and rows.iloc[0]["killed_unknown"] == 1


def test_the_clicked_bar_names_its_period():
    rows, _ = timeline.table(incidents(("2024-02-10", "day", 1)))
    custom = timeline.figure(rows).data[0].customdata[0]
    selection = {"selection": {"points": [{"customdata": custom}]}}
    assert timeline.selected_period(selection) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert timeline.selected_period({"selection": {"points": []}}) is None
