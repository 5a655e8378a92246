"""GeoVirus floors: recognition F1 and Acc@161 must not fall below what the project has reached.

Reads ../shared/benchmarks/geovirus/GeoVirus.xml; skips when the benchmark folder is absent.
Raise the floors when the figures improve; never lower them.
"""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GEOVIRUS = ROOT.parent / "shared" / "benchmarks" / "geovirus" / "GeoVirus.xml"

F1_FLOOR = 0.940
ACC161_FLOOR = 0.874


@pytest.fixture(scope="module")
def figures():
    if not GEOVIRUS.exists():
        pytest.skip(f"GeoVirus benchmark not found at {GEOVIRUS} (needs ../shared/benchmarks)")
    spec = importlib.util.spec_from_file_location("geovirus_eval", ROOT / "benchmarks" / "geovirus_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.eval_geovirus(mod.load_geovirus(GEOVIRUS), worst=0)


def test_recognition_f1_floor(figures):
    assert figures["F1"] >= F1_FLOOR, figures


def test_resolution_acc161_floor(figures):
    assert figures["acc161"] >= ACC161_FLOOR, figures


def test_recall_is_reported_beside_distance(figures):
    assert 0 < figures["R"] <= 1 and figures["median_km"] >= 0
