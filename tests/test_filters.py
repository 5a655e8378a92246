"""Filters: parse and validate URL query parameters, serialise them back, describe them in words."""
import datetime as dt

from hypothesis import given, settings, strategies as st

from lib import filters as F

CHOICES = F.Choices(countries={"PK", "CN", "IN"}, places={"user:karachi-airport", "geonames:1"},
                    types={"bombing", "armed attack"}, nationalities={"CN", "PK"})


def test_parse_reads_every_filter():
    params = {"from": "2024-01-01", "to": "2025-12-31", "country": ["PK", "cn"], "place": "user:karachi-airport",
              "type": "bombing", "nat": "CN", "q": "Karachi airport", "conf": "0.5"}
    filters, notices = F.parse(params, CHOICES)
    assert notices == []
    assert filters == F.Filters(dt.date(2024, 1, 1), dt.date(2025, 12, 31), ("PK", "CN"), ("user:karachi-airport",),
                                ("bombing",), ("CN",), "Karachi airport", 0.5)


def test_empty_params_are_no_filters():
    assert F.parse({}, CHOICES) == (F.Filters(), [])
    assert F.Filters().is_empty()
    assert F.to_params(F.Filters()) == {}


def test_invalid_values_are_dropped_with_a_notice():
    params = {"from": "2024-13-01", "to": "yesterday", "country": ["XX", "PK", "Pakistan"], "place": "nowhere",
              "type": "alien invasion", "nat": "C1", "conf": "9e999"}
    filters, notices = F.parse(params, CHOICES)
    assert filters == F.Filters(countries=("PK",))
    text = " ".join(notices)
    for part in ("2024-13-01", "yesterday", "unknown country 'XX'", "two-letter", "unknown place",
                 "unknown incident type", "minimum confidence"):
        assert part in text, part


def test_impossible_range_and_out_of_bounds_dates_are_ignored():
    filters, notices = F.parse({"from": "2025-01-01", "to": "2024-01-01"}, CHOICES)
    assert (filters.date_from, filters.date_to) == (None, None)
    assert "ends before it starts" in notices[0]
    filters, notices = F.parse({"from": "0001-01-01", "to": "9999-12-31"}, CHOICES)
    assert (filters.date_from, filters.date_to) == (None, None) and len(notices) == 2


def test_huge_values_are_ignored():
    filters, notices = F.parse({"q": "x" * (F.MAX_TEXT + 1), "country": ["PK"] * (F.MAX_VALUES + 1),
                                "place": "p" * 5000, "conf": "0." + "5" * 100}, None)
    assert filters == F.Filters()
    assert len(notices) == 4


def test_text_up_to_the_limit_is_kept_as_typed():
    text = 'a "quoted" NEAR(x y) * - ( 🙂 مرحبا ' + "z" * (F.MAX_TEXT - 40)
    text = text[:F.MAX_TEXT]
    filters, notices = F.parse({"q": text})
    assert notices == [] and filters.text == text


@settings(max_examples=60, deadline=None)
@given(st.builds(
    F.Filters,
    date_from=st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2000, 1, 1))),
    date_to=st.one_of(st.none(), st.dates(dt.date(2000, 1, 2), dt.date(2100, 12, 31))),
    countries=st.lists(st.sampled_from(sorted(CHOICES.countries)), unique=True).map(tuple),
    places=st.lists(st.sampled_from(sorted(CHOICES.places)), unique=True).map(tuple),
    types=st.lists(st.sampled_from(sorted(CHOICES.types)), unique=True).map(tuple),
    nationalities=st.lists(st.sampled_from(sorted(CHOICES.nationalities)), unique=True).map(tuple),
    text=st.text(max_size=50),
    min_confidence=st.sampled_from([0.0, 0.05, 0.5, 0.95, 1.0]),
))
def test_round_trip_through_query_params(filters):
    parsed, notices = F.parse(F.to_params(filters), CHOICES)
    assert notices == []
    assert parsed == filters


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(F.PARAMS + ("other",)),
                       st.one_of(st.text(max_size=30), st.lists(st.text(max_size=30), max_size=4))))
def test_parse_never_raises(params):
    filters, notices = F.parse(params, CHOICES)
    assert isinstance(filters, F.Filters) and all(isinstance(n, str) for n in notices)


def test_describe():
    assert F.describe(F.Filters()) == "all data"
    text = F.describe(F.Filters(countries=("PK",), places=("p1",), min_confidence=0.5), {"p1": "Karachi"})
    assert "country PK" in text and "place Karachi" in text and "0.5" in text


def test_every_filter_has_one_sql_condition_and_its_own_url_names():
    from lib.store import queries

    assert sorted(f.name for f in F.REGISTRY) == sorted(queries.CONDITIONS)
    assert len(F.PARAMS) == len(set(F.PARAMS)) == 9
