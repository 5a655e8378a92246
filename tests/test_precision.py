"""ACLED-style precision codes: one for every place kind, coarser codes for vaguer kinds, none for the unknown."""
from lib import geo, precision


def test_every_place_kind_has_a_code_and_vaguer_kinds_never_get_a_finer_one():
    by_specificity = sorted(geo.KINDS, key=lambda k: -k.specificity)
    codes = [precision.geo_code(k.name) for k in by_specificity if k.name != "other"]
    assert codes == sorted(codes) and set(codes) <= {1, 2, 3}
    assert precision.geo_code("poi") == precision.geo_code("city") == 1 and precision.geo_code("admin2") == 2


def test_time_codes_follow_the_dates_precision_and_unknown_is_blank():
    assert [precision.time_code(p) for p in ("day", "month", "year")] == [1, 3, 3]
    assert precision.time_code(None) is None and precision.geo_code(None) is None
