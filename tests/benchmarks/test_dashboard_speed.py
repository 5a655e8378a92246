"""benchmarks.dashboard_speed reads the filters of a page address as the pages' query parameters."""
import datetime as dt

from benchmarks.dashboard_speed import url_params
from lib import filters as F


def test_filter_address_gives_one_value_or_a_list_per_name():
    assert url_params("?country=PK&country=AF&type=bombing&from=2020-01-01") == {
        "country": ["PK", "AF"], "type": "bombing", "from": "2020-01-01"}


def test_filter_address_parses_to_the_filters_it_names():
    params = url_params("country=PK&type=bombing&from=2020-01-01&q=bomb+killed")
    choices = F.Choices(countries={"PK"}, places=set(), types={"bombing"}, nationalities=set())
    filters, notices = F.parse(params, choices)
    assert notices == []
    assert filters == F.Filters(date_from=dt.date(2020, 1, 1), countries=("PK",), types=("bombing",),
                                text="bomb killed")
