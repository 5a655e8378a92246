"""Date expressions resolved against the publication date, with their precision."""
import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings, strategies as st

from lib.extract.dates import agree, compatible, find_dates, resolve

PUB = "2025-03-26"  # a Wednesday


def test_last_month_name_is_the_most_recent_one_strictly_before_publication():
    assert resolve("a bombing at the Karachi airport last October killed two", PUB) == ("2024-10", "month")
    assert resolve("last October", "2025-11-02") == ("2025-10", "month")
    assert resolve("last October", "2025-10-15") == ("2024-10", "month")


def test_weekday_is_the_most_recent_one_up_to_publication_day():
    assert resolve("the attack on Sunday", PUB) == ("2025-03-23", "day")
    assert resolve("began on Monday", "2022-12-13") == ("2022-12-12", "day")  # published on a Tuesday
    assert resolve("on Wednesday", PUB) == ("2025-03-26", "day")


def test_holiday_names_are_not_weekdays():
    assert resolve("the anniversary of the Easter Sunday attacks", "2021-04-21") == (None, None)


def test_bare_month_is_the_most_recent_not_after_publication():
    assert resolve("In February, two small bombs went off", "2015-08-18") == ("2015-02", "month")
    assert resolve("in September", PUB) == ("2024-09", "month")
    assert resolve("In November last year, an attack", "2025-12-02") == ("2024-11", "month")


def test_years_and_relative_periods():
    assert resolve("In 2013, a suicide bombing at a church", PUB) == ("2013", "year")
    assert resolve("last week", PUB) == ("2025-03", "month")
    assert resolve("last month", PUB) == ("2025-02", "month")
    assert resolve("last year", PUB) == ("2024", "year")
    assert resolve("two years ago", PUB) == ("2023", "year")
    assert resolve("earlier this month", PUB) == ("2025-03", "month")
    assert resolve("yesterday", PUB) == ("2025-03-25", "day")
    assert resolve("today", PUB) == ("2025-03-26", "day")


def test_absolute_dates_need_no_publication_date():
    assert resolve("on March 3, 2014", None) == ("2014-03-03", "day")
    assert resolve("on 3 March 2014", None) == ("2014-03-03", "day")
    assert resolve("filed 2022-12-12", None) == ("2022-12-12", "day")
    assert resolve("in May 2014", None) == ("2014-05", "month")
    assert resolve("In 2013", None) == ("2013", "year")


def test_relative_dates_without_publication_date_are_unknown():
    assert resolve("last October", None) == (None, None)
    assert resolve("on Sunday", None) == (None, None)
    assert resolve("yesterday", None) == (None, None)


def test_dateline_day_without_year():
    assert resolve("KABUL, Dec 13 — Five Chinese nationals", "2022-12-13") == ("2022-12-13", "day")
    assert resolve("were seized on May 24 by three armed men", "2017-06-09") == ("2017-05-24", "day")


def test_most_precise_expression_wins():
    assert resolve("Two years ago, on April 21, 2019, worshippers", "2021-04-21") == ("2019-04-21", "day")
    assert resolve("Last week, on the night of November 26, a camp", "2025-12-02") == ("2025-11-26", "day")


def test_reporting_dates_give_way_to_event_dates():
    exprs = find_dates("police said on Tuesday that the blast on Monday killed two", "2022-12-14")
    assert [x.reporting for x in exprs] == [True, False]
    assert resolve("police said on Tuesday that the blast on Monday killed two", "2022-12-14") == ("2022-12-12", "day")


def test_day_after_and_came_after_use_the_reference_date():
    assert resolve("The bombing came a day after militants rammed a vehicle", "2025-11-12",
                   reference="2025-11-11") == ("2025-11-10", "day")
    assert resolve("a day after the raid", None, reference="2025-11-11") == ("2025-11-12", "day")
    assert resolve("the day before", None, reference="2025-11-11") == ("2025-11-10", "day")
    assert resolve("Later the same day, two more explosions", "2021-04-21",
                   reference="2019-04-21") == ("2019-04-21", "day")
    assert resolve("The attack came only days after gunmen abducted", "2023-03-20",
                   reference="2023-03-19") == ("2023-03", "month")
    assert resolve("a day after the raid", PUB) == (None, None)  # no reference: unknown


PHRASES = ["last October", "on Sunday", "in March", "In 2013", "last week", "last month", "last year", "two years ago",
           "a day after", "the day before", "March 3, 2014", "3 March 2014", "Dec 13", "2022-12-12", "earlier this month",
           "In November last year", "yesterday", "today", "Feb 29", "31 September 2020", "next Friday", "this year",
           "came only days after", "Later the same day", "May 2014", "in May", "12 weeks ago"]


@settings(max_examples=300, deadline=None)
@given(published=st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
       phrase=st.one_of(st.sampled_from(PHRASES), st.text(max_size=40)),
       reference=st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))))
def test_any_phrase_and_date_resolve_without_error_to_a_consistent_value(published, phrase, reference):
    value, precision = resolve(phrase, published, reference=reference)
    if value is None:
        assert precision is None
        return
    pattern = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}[precision]
    assert re.fullmatch(pattern, value)
    parts = [int(p) for p in value.split("-")]
    date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)  # a real date
    if published is not None and phrase in ("last October", "on Sunday", "yesterday", "last month") and \
            published > date(1, 12, 31):
        assert value <= published.isoformat()[: len(value)]


@pytest.mark.parametrize("a, b, unknown, expected", [
    ("2024-10", "2024-10-06", False, True),
    ("2024-10", "2024-11-06", False, False),
    ("2013", "2013-05", False, True),
    ("2024-10-06", "2024-10-06", False, True),
    (None, "2013", True, True),
    (None, "2013", False, False),
    ("", None, True, True),
    ("", None, False, False),
])
def test_dates_agree_at_the_coarser_precision_and_unknowns_as_told(a, b, unknown, expected):
    assert agree(a, b, unknown=unknown) is expected
    assert agree(b, a, unknown=unknown) is expected


def test_compatible_lets_a_missing_date_agree():
    assert compatible(None, "2013") and compatible("2024-10", "2024-10-06")
    assert not compatible("2024-10", "2024-11-06")


DATE_WORDS = st.sampled_from([
    "on", "Sunday", "Monday's", "morning", "last", "this", "next", "past", "previous", "October", "Oct.", "March", "may",
    "May", "week", "weekend", "month", "year", "years", "ago", "a", "two", "3", "12", "2013", "1999", "2024-10-06", "day",
    "days", "after", "before", "later", "earlier", "the", "same", "that", "following", "preceding", "hours", "minutes",
    "yesterday", "today", "tonight", "night", "came", "only", "in", "In", "since", "of", "mid-", "early", "late", ",",
    "Easter", "said", "reported", "SUNDAY", "OCTOBER", "Sept", "14th", "\u017fame", "\u212a",
])


@settings(max_examples=400, deadline=None)
@given(words=st.lists(DATE_WORDS, max_size=14), published=st.sampled_from([None, PUB, "2014-03-02"]),
       reference=st.sampled_from([None, "2024-10-06", "2024-10", "2013"]))
def test_skipping_patterns_a_text_cannot_match_changes_nothing(words, published, reference):
    import lib.extract.dates as dates
    text = " ".join(words)
    quick = find_dates(text, published, reference)
    original = dates._possible_kinds
    dates._possible_kinds = lambda _text: None  # every pattern runs
    try:
        full = find_dates(text, published, reference)
    finally:
        dates._possible_kinds = original
    assert quick == full


def test_court_steps_and_commemorations_date_no_event():
    text = "A court on Monday sentenced two men for the bombing of a bus on 4 June 2011."
    assert resolve(text, PUB) == ("2011-06-04", "day")
    exprs = find_dates(text, PUB)
    assert [x.reporting for x in exprs] == [True, False]
    assert find_dates("Families gathered on Sunday to mark the anniversary of the fire.", PUB)[0].reporting
    assert find_dates("Three men were arrested on Tuesday.", PUB)[0].reporting


def test_overnight_is_the_publication_day():
    assert resolve("Rockets hit the base overnight, officials said.", PUB) == ("2025-03-26", "day")


def test_a_weekday_before_the_name_of_a_service_is_no_date():
    assert resolve("the bomb went off during Sunday Mass", PUB) == (None, None)
    assert resolve("worshippers at Friday prayers", PUB) == (None, None)
    assert resolve("on Friday prayers were held as usual", PUB) == ("2025-03-21", "day")


def test_a_backward_offset_counts_from_the_statements_day_when_nothing_else_anchors_it():
    assert resolve("The army said on Tuesday it had shelled the town a day earlier", PUB) == ("2025-03-24", "day")
    assert resolve("Rebels attacked the town a day earlier", PUB) == (None, None)


def test_the_date_an_earlier_figure_was_given_is_a_statements_date():
    found = find_dates("The toll has risen to 30, officials said on Monday, up from 12 given a day earlier.",
                       "2024-06-03")
    assert [(x.date, x.reporting) for x in found] == [("2024-06-03", True), ("2024-06-02", True)]


@pytest.mark.parametrize("text, expected", [
    ("The convoy was hit on 17-Feb-11 near the border.", "2011-02-17"),
    ("Filed 9-SEPTEMBER-1997 by the district officer.", "1997-09-09"),
    ("The ballot of 12.XI.1989 was annulled.", "1989-11-12"),
    ("A curfew was lifted on 1-IV-2003.", "2003-04-01"),
    ("The 1998 Aug 07 bombings shook two capitals.", "1998-08-07"),
    ("Talks resumed on Sept 30 '21 in the capital.", "2021-09-30"),
    ("He was last seen on 5 Nov ’96 at the market.", "1996-11-05"),
])
def test_written_formats_with_month_names_or_roman_months_are_absolute_days(text, expected):
    days = [d for d in find_dates(text) if d.precision == "day"]
    assert [(d.date, d.kind) for d in days] == [(expected, "absolute")]


@pytest.mark.parametrize("text", ["Route 12-Jun was closed.", "Part IV.2002 of the code.", "Item 3.XIV.2002 applies.",
                                  "A score of 2004 Dec was logged.", "re-X-2002 files", "Gate 3-Mayfair-08 opened."])
def test_near_misses_of_those_formats_are_not_days(text):
    assert [d for d in find_dates(text) if d.precision == "day"] == []


@pytest.mark.parametrize("head, expected", [
    ("2018-Feb-07 — Kumba", "2018-02-07"), ("Feb-07-2018: Kumba", "2018-02-07"), ("07FEB18 — Kumba", "2018-02-07"),
    ("07 Feb 18 — Kumba", "2018-02-07"), ("2018 Feb 7 — Kumba", "2018-02-07"), ("7.II.2018 — Kumba", "2018-02-07"),
    ("Feb 7 '18 — Kumba", "2018-02-07"), ("7th February 2018: Kumba", "2018-02-07"),
])
def test_a_log_heading_reads_day_month_and_year_in_any_order(head, expected):
    from lib.extract.dates import heading_date
    assert heading_date(head)[0] == expected


@pytest.mark.parametrize("head", ["Gunmen shot dead — Kumba", "The Army Day — Kumba", "12 Feb — Kumba",
                                  "Feb 12 was quiet", "31 Feb 2018 — Kumba", "2018 1999 Feb — Kumba",
                                  "Route 66 Feb — Kumba"])
def test_what_is_not_a_whole_date_heads_no_entry(head):
    from lib.extract.dates import heading_date
    assert heading_date(head) is None
