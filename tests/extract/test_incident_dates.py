"""Incident dates stated as numbers or words, with or without a publication date."""
import pytest

from lib.extract.dates import resolve
from lib.extract.incidents import find_incidents
from tests.extract.incident_cases import mentions_for


@pytest.mark.parametrize("phrase, expected", [
    ("3/9/2015: gunmen", ("2015-03-09", "day")),
    ("on 11/23/2008 the convoy", ("2008-11-23", "day")),
    ("reported 28/2/2019 by", ("2019-02-28", "day")),  # 28 cannot be a month: day first
    ("2/30/2019", (None, None)),
    ("a ratio of 3/4", (None, None)),
    ("version 1/2/20157", (None, None)),
])
def test_numeric_dates_read_month_first_unless_the_first_number_cannot_be_a_month(phrase, expected):
    assert resolve(phrase, None) == expected


@pytest.mark.parametrize("text, expected", [
    ("3/9/2015: Gunmen shot dead two policemen in Peshawar.", "2015-03-09"),
    ("2016-04-02: A bomb exploded at a market in Quetta, killing three people.", "2016-04-02"),
    ("On 5 August 2014, a roadside bomb killed four soldiers in Kabul.", "2014-08-05"),
    ("14 Jun 2012 — Peshawar: Gunmen shot dead a shopkeeper.", "2012-06-14"),
])
def test_an_entry_dates_its_incident_without_a_publication_date(text, expected):
    incidents = find_incidents(text, mentions_for(text), None)
    assert [inc["date"] for inc in incidents] == [expected]
