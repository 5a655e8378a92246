"""Candidates of two names lying close together are colocated, across the grid cells they are filed in."""
from types import SimpleNamespace

from lib.extract.resolve import _colocated


def record(lat, lon, kind="town"):
    return SimpleNamespace(lat=lat, lon=lon, kind=kind)


def test_towns_of_two_names_across_a_cell_border_are_colocated_and_far_ones_are_not():
    # 0 and 1: 11 km apart on either side of the 40.0 degree line; 2: another name 200 km away; 3: the first
    # name's own namesake next to 0 (a name is never colocated with itself)
    recs = [record(39.95, 0.01), record(40.05, 0.02), record(41.8, 0.0), record(39.96, 0.03)]
    raw = [{"key": "dublin"}, {"key": "columbus"}, {"key": "far"}]
    cands = [(((0, True), (3, True)), ()), (((1, True),), ()), (((2, True),), ())]
    assert _colocated(raw, cands, recs) == {0, 1, 3}


def test_only_primary_names_of_towns_cities_and_counties_count():
    recs = [record(39.95, 0.01, "country"), record(40.05, 0.02), record(39.97, 0.02)]
    raw = [{"key": "a"}, {"key": "b"}, {"key": "c"}]
    cands = [(((0, True),), ()), (((1, True),), ()), (((2, False),), ())]
    assert _colocated(raw, cands, recs) == set()
