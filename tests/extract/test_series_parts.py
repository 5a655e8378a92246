"""The parts of a series (one toll for coordinated blasts, then the toll at each site) name their series."""
import datetime as dt

from lib.extract import extract

SERIES = ("Blasts hit churches across Sri Lanka\n\n"
          "COLOMBO, April 21 - A series of coordinated bomb blasts ripped through churches and hotels in Sri Lanka "
          "on Sunday, killing at least 207 people and wounding 450, officials said.\n\n"
          "At St Sebastian's Church in Negombo alone, more than fifty people were killed, and in Batticaloa at "
          "least 25 people died at a church.\n")


def test_each_part_points_at_the_series_it_belongs_to():
    found = extract(SERIES, dt.date(2019, 4, 21))["incidents"]
    series = [n for n, i in enumerate(found) if i["part_of"] is None]
    parts = [i for i in found if i["part_of"] is not None]
    assert len(series) == 1 and found[series[0]]["killed"] == 207
    assert parts and all(p["part_of"] == series[0] for p in parts)
    assert all(p["killed"] < 207 and p["attackers_killed"] is None for p in parts)


def test_a_lone_incident_is_part_of_nothing():
    text = "Gunmen attacked a checkpoint in Quetta on Monday, killing 3 police officers.\n"
    found = extract(text, dt.date(2024, 1, 10))["incidents"]
    assert found and all(i["part_of"] is None for i in found)
