"""The scoring every evaluation shares: overlap pairs, P/R/F1, distance figures and place matching."""
import math

import pytest

from benchmarks.corpora import is_demonym
from benchmarks.scoring import distance_figures, match_places, overlap_pairs, prf, surface_key, tolerance_km


def span(start, end):
    return {"start": start, "end": end}


@pytest.mark.parametrize("gold, predicted, pairs", [
    ([span(0, 5)], [span(3, 8)], [(0, 0)]),
    ([span(0, 5)], [span(5, 8)], []),  # touching is not overlapping
    ([span(0, 5), span(2, 4)], [span(1, 3)], [(0, 0)]),  # one to one: the first gold span takes it
    ([span(0, 5), span(10, 15)], [span(12, 13), span(0, 1)], [(0, 1), (1, 0)]),
])
def test_overlapping_spans_pair_one_to_one(gold, predicted, pairs):
    assert overlap_pairs(gold, predicted) == pairs


@pytest.mark.parametrize("counts, empty_is_perfect, expected", [
    ((2, 4, 2), False, (0.5, 1.0, 2 / 3)),
    ((0, 0, 0), False, (0.0, 0.0, 0.0)),
    ((0, 0, 0), True, (1.0, 1.0, 1.0)),
    ((0, 0, 3), True, (0.0, 0.0, 0.0)),
    ((0, 2, 0), True, (0.0, 0.0, 0.0)),
])
def test_precision_recall_f1(counts, empty_is_perfect, expected):
    assert prf(*counts, empty_is_perfect=empty_is_perfect) == pytest.approx(expected)


def test_distance_figures_count_errors_up_to_161_km_as_right():
    figures = distance_figures([0.0, 161.0, 162.0, 1000.0])
    assert figures["acc161"] == 0.5 and figures["median_km"] == 161.5 and figures["mean_km"] == 330.75
    assert figures["auc"] == pytest.approx(sum(math.log(d + 1) for d in (0, 161, 162, 1000)) / 4 / math.log(20039))


def test_distance_figures_of_nothing_found_are_not_numbers():
    figures = distance_figures([])
    assert figures["acc161"] == 0.0 and math.isnan(figures["mean_km"])


@pytest.mark.parametrize("kind, approximate, km", [
    ("country", False, 500), ("city", False, 30), ("poi", False, 10), ("poi", True, 50),
    ("country", True, 500), ("unknown kind", False, 30),
])
def test_tolerance_by_kind(kind, approximate, km):
    assert tolerance_km(kind, approximate) == km


def test_surface_key_ignores_case_and_runs_of_space():
    assert surface_key("  North\n Waziristan ") == "north waziristan"


def test_places_match_by_surface_first_then_by_distance():
    gold = [{"surface_forms": ["Karachi"], "kind": "city", "lat": 24.86, "lon": 67.01},
            {"surface_forms": ["Sindh province"], "kind": "admin1", "lat": 26.0, "lon": 68.5}]
    predicted = [{"surface": "Sindh", "lat": 26.1, "lon": 68.4},
                 {"surface": "karachi", "lat": 0.0, "lon": 0.0},
                 {"surface": "Lahore", "lat": 31.5, "lon": 74.3}]
    assert match_places(predicted, gold) == ([(1, 0)], [(0, 1)], [2], [])


@pytest.mark.parametrize("phrase, demonym", [
    ("American", True), ("Americans", True), ("Sri Lankan", True), ("South Ossetian", True),
    ("America", False), ("Sudan", False), ("Paris", False), ("Illinois", False),
])
def test_lgl_phrases_naming_a_people_are_demonyms(phrase, demonym):
    peoples = {"american", "sri lankan", "south ossetian", "sudanese"}
    assert is_demonym(phrase, peoples) is demonym


def test_demonyms_come_from_countryinfo_and_the_extra_list():
    from benchmarks.corpora import demonyms

    peoples = demonyms()
    assert {"russian", "sri lankan", "cypriot", "south ossetian", "sinhalese"} <= peoples
