"""Floors of the place evaluations: recognition F1 and Acc@161 must not fall below what the project has reached.

Reads GeoVirus and LGL from ../shared/benchmarks; each floor skips when its corpus is absent.
Raise the floors when the figures improve; never lower them.
"""
import pytest

from benchmarks import corpora, places_eval

FLOORS = {  # corpus: (recognition F1, Acc@161)
    "GeoVirus": (0.948, 0.886),
    "LGL": (0.820, 0.877),
}


def _figures(title, path, read, **options):
    if not path.exists():
        pytest.skip(f"{title} benchmark not found at {path} (needs ../shared/benchmarks)")
    report = []
    return places_eval.score_toponyms(title, read(path), worst=0, out=report.append, **options), report


@pytest.fixture(scope="module")
def geovirus():
    return _figures("GeoVirus", corpora.GEOVIRUS, corpora.geovirus)


@pytest.fixture(scope="module")
def lgl():
    return _figures("LGL", corpora.LGL, corpora.lgl, drop_demonyms=True)


def test_geovirus_stays_above_its_floors(geovirus):
    figures, report = geovirus
    f1_floor, acc_floor = FLOORS["GeoVirus"]
    assert figures["F1"] >= f1_floor and figures["acc161"] >= acc_floor, "\n".join(report)


def test_lgl_without_demonyms_stays_above_its_floors(lgl):
    figures, report = lgl
    f1_floor, acc_floor = FLOORS["LGL"]
    assert figures["F1"] >= f1_floor and figures["acc161"] >= acc_floor, "\n".join(report)


def test_recall_is_reported_beside_distance(geovirus):
    figures, _ = geovirus
    assert 0 < figures["R"] <= 1 and figures["median_km"] >= 0
