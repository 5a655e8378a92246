"""Incidents from reports: one row per incident, unknown figures kept unknown, a series counted once."""
import pandas as pd

from lib import tally


def report(incident_id, event_id, killed=None, injured=None, attackers=None, part_of=None, place="Quetta",
           confidence=0.8, source="Dawn", document_id=None, date="2024-01-10"):
    return {"incident_id": incident_id, "event_id": event_id, "part_of": part_of, "date": date,
            "date_precision": "day", "type": "bombing", "killed": killed, "injured": injured,
            "attackers_killed": attackers, "victims": None, "perpetrator": None, "confidence": confidence,
            "place_id": f"p:{place}", "place": place, "kind": "city", "country_code": "PK", "admin1": None,
            "latitude": 30.0, "longitude": 67.0, "document_id": document_id or f"d{incident_id}", "title": "t",
            "published": date, "source": source, "url": None}


def frame(*rows):
    out = pd.DataFrame(list(rows))
    for column in tally.FIGURES:
        out[column] = out[column].astype("Int64")
    return out


def test_reports_of_one_event_make_one_incident_with_the_highest_figures_and_every_source():
    table = tally.table(frame(report(1, "e1", killed=3, source="Dawn"), report(2, "e1", killed=5, injured=2,
                                                                              source="Reuters")))
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["killed"], row["injured"], row["reports"], row["articles"]) == (5, 2, 2, 2)
    assert row["sources"] == "Dawn; Reuters"


def test_an_unknown_figure_stays_unknown_and_is_left_out_of_the_sum_with_a_count():
    table = tally.table(frame(report(1, "e1", killed=4), report(2, "e2", killed=None, injured=1)))
    assert table["killed"].isna().sum() == 1
    totals = tally.totals(table)
    assert (totals["killed"], totals["killed_unknown"]) == (4, 1)
    assert (totals["injured"], totals["injured_unknown"]) == (1, 1)
    assert tally.without_figure(totals["killed_unknown"]) == "1 incident without a figure"


def test_attackers_killed_are_their_own_figure_and_never_added_to_killed():
    totals = tally.totals(tally.table(frame(report(1, "e1", killed=2, attackers=8))))
    assert (totals["killed"], totals["attackers_killed"]) == (2, 8)


def test_a_series_and_its_parts_count_once_and_the_parts_are_named_in_the_series():
    rows = frame(report(1, "s", killed=207), report(2, "p1", killed=50, part_of="s", place="Negombo"),
                 report(3, "p2", killed=25, part_of="s", place="Batticaloa"))
    table = tally.table(rows)
    assert list(table["incident"]) == ["s"]
    assert "Negombo (50 killed)" in table.iloc[0]["parts"] and "Batticaloa" in table.iloc[0]["parts"]
    assert tally.totals(table)["killed"] == 207


def test_a_part_whose_series_is_filtered_out_counts_on_its_own():
    table = tally.table(frame(report(2, "p1", killed=50, part_of="s", place="Negombo")))
    assert list(table["incident"]) == ["p1"] and tally.totals(table)["killed"] == 50


def test_groups_add_up_to_the_totals_and_a_group_with_no_figure_is_blank():
    table = tally.table(frame(report(1, "e1", killed=4, date="2024-01-10"), report(2, "e2", date="2024-02-01"),
                              report(3, "e3", killed=1, date="2024-02-03")))
    months = tally.grouped(table, table["date"].map(tally.month_of), "month").set_index("month")
    assert months["killed"].sum() == tally.totals(table)["killed"] == 5
    assert months.loc["2024-02", "killed_unknown"] == 1
    blank = tally.grouped(table, table["incident"], "incident").set_index("incident")
    assert pd.isna(blank.loc["e2", "killed"])


def test_no_reports_make_an_empty_table_with_every_column():
    table = tally.table(frame(report(1, "e1")).iloc[0:0])
    assert list(table.columns) == tally.COLUMNS and table.empty
    assert tally.totals(table)["killed"] == 0
