"""The issue's measures table of benchmarks.incidents_eval: what each figure counts."""
from benchmarks.incidents_eval import measures

GOLD = {"type": "bombing", "date": "2024-03-02", "date_precision": "day", "killed": 2, "injured": 5,
        "attackers_killed": 8, "perpetrator": "Taliban", "lat": 34.0, "lon": 71.5}


def test_a_missed_incident_counts_against_the_gold_figure_but_not_the_matched_one():
    right = dict(GOLD, date_precision="day")
    table = measures([(right, GOLD), (None, GOLD)])
    assert table["killed exact (victims only)"] == (1, 1, 2)


def test_perpetrator_is_scored_only_where_the_gold_names_one():
    unnamed = dict(GOLD, perpetrator=None)
    table = measures([({**GOLD, "perpetrator": None}, unnamed), ({**GOLD, "perpetrator": "the Taliban"}, GOLD)])
    assert table["perpetrator found (when named)"] == (1, 1, 1)


def test_placement_is_measured_in_kilometres_at_two_radii():
    # about 33 km east of the gold point: outside 25 km, inside 50 km
    pred = dict(GOLD, lon=71.86)
    table = measures([(pred, GOLD)])
    assert table["placed within 25 km"] == (0, 1, 1) and table["placed within 50 km"] == (1, 1, 1)


def test_attackers_killed_counts_only_gold_that_records_it():
    old = {k: v for k, v in GOLD.items() if k != "attackers_killed"}
    table = measures([(dict(GOLD, attackers_killed=3), GOLD), (GOLD, old)])
    assert table["attackers_killed exact"] == (0, 1, 1)
