"""Incident logs: each line opened by a date is an entry of its own, dated by it, whatever way the date is written;
ambiguous numeric dates are read the way the whole log writes them."""
import pytest

from lib.extract import extract
from lib.extract.dates import day_first, find_dates, reading_day_first, resolve
from lib.extract.text import sentence_spans

PUB = "2022-06-30"


def _log(openers, bodies=("Gunmen shot dead two farmers near Abeche.", "A roadside bomb wounded five soldiers near Adre.",
                         "Armed men abducted a teacher from a school in Goz Beida.")):
    lines = ["Incident log: eastern Chad", ""]
    for opener, body in zip(openers, bodies):
        lines += [f"{opener} {body}", ""]
    return "\n".join(lines)


@pytest.mark.parametrize("openers, dates", [
    (("2021/09/06:", "2021/09/14:", "2021/09/20:"), ["2021-09-06", "2021-09-14", "2021-09-20"]),
    (("13-08-2020:", "21-08-2020:", "02-09-2020:"), ["2020-08-13", "2020-08-21", "2020-09-02"]),
    (("09.03.2019", "17.03.2019", "21.03.2019"), ["2019-03-09", "2019-03-17", "2019-03-21"]),
    (("7/3/2017:", "7/9/2017:", "8/1/2017:"), ["2017-07-03", "2017-07-09", "2017-08-01"]),
    (("Tue 12/01/2021 —", "Mon 08/02/2021 —", "Fri 15/01/2021 —"), ["2021-01-12", "2021-02-08", "2021-01-15"]),
    (("3 Jan 2015 —", "2016-05-03:", "2016-05-03:"), ["2015-01-03", "2016-05-03", "2016-05-03"]),
])
def test_every_dated_line_of_a_log_is_an_incident_dated_by_its_opener(openers, dates):
    found = extract(_log(openers), PUB)["incidents"]
    assert [i["date"] for i in found] == dates
    assert [i["type"] for i in found] == ["armed_attack", "bombing", "kidnapping"]


def test_an_entry_keeps_its_own_figures_and_not_the_next_ones():
    text = _log(("2021/09/06:", "2021/09/14:"), ("Gunmen attacked a village near Abeche. Two farmers died.",
                                               "A roadside bomb went off near Adre. Five soldiers were wounded."))
    first, second = extract(text, PUB)["incidents"]
    assert (first["killed"], first["injured"]) == (2, None)
    assert (second["killed"], second["injured"]) == (None, 5)


def test_one_dated_paragraph_in_a_story_is_not_a_log():
    text = ("Gunmen attacked a market in Gao on Monday, killing three people.\n\n"
            "2021-09-06: the date the army gave for the start of the operation. Two soldiers were wounded.")
    [inc] = extract(text, "2021-09-08")["incidents"]
    assert inc["injured"] == 2


@pytest.mark.parametrize("written, expected", [
    ("2021/09/06", "2021-09-06"), ("2021.09.06", "2021-09-06"), ("13-08-2020", "2020-08-13"),
    ("08-13-2020", "2020-08-13"), ("7/3/2017", "2017-07-03"), ("15/01/2021", "2021-01-15"),
])
def test_numeric_dates_in_every_order(written, expected):
    assert resolve(f"on {written}", PUB) == (expected, "day")


def test_a_weekday_decides_between_day_first_and_month_first():
    assert resolve("Tue 12/01/2021", PUB) == ("2021-01-12", "day")  # 1 December 2021 was a Wednesday
    assert resolve("Wed 12/01/2021", PUB) == ("2021-12-01", "day")
    assert resolve("Friday, 05/03/2021", PUB) == ("2021-03-05", "day")
    assert resolve("Friday 04/06/2021", PUB) == ("2021-06-04", "day")  # the weekday fits 4 June, not 6 April
    with reading_day_first(True):
        assert resolve("05/03/2021", PUB) == ("2021-03-05", "day")


def test_a_text_with_a_day_first_date_reads_all_its_dates_day_first():
    assert day_first("On 15/01/2021 gunmen attacked. On 05/03/2021 a bomb exploded.")
    assert day_first("Tue 12/01/2021: an ambush. 05/03/2021: a bombing.")
    assert not day_first("On 7/3/2017 gunmen attacked. On 7/9/2017 a bomb exploded.")
    assert not day_first("On 12/25/2020 gunmen attacked. On 15/01/2021 a bomb exploded. On 11/30/2021 a raid.")


def test_a_dashed_or_slashed_date_anywhere_is_found_by_the_cheap_test_before_the_full_pattern():
    from lib.extract.dates import _numeric_hint

    assert day_first("Reported - on 15-01-2021 gunmen attacked - and nothing else.")
    assert day_first("a-b/c 15/01/2021")
    assert _numeric_hint("x 1/12-20") and _numeric_hint("x 31-1/99")
    assert not _numeric_hint("a/12/20 and b-1-20")  # no digit before the first separator
    assert not _numeric_hint("²/12/20")  # a superscript is no decimal digit
    assert not _numeric_hint("12/3 and 4-5")


def test_a_log_with_a_day_first_date_dates_its_ambiguous_entries_day_first():
    text = _log(("15/01/2021:", "05/03/2021:", "07/03/2021:"))
    assert [i["date"] for i in extract(text, PUB)["incidents"]] == ["2021-01-15", "2021-03-05", "2021-03-07"]


def test_month_first_stays_the_default():
    text = _log(("05/03/2021:", "05/09/2021:", "06/01/2021:"))
    assert [i["date"] for i in extract(text, PUB)["incidents"]] == ["2021-05-03", "2021-05-09", "2021-06-01"]
    with reading_day_first(False):
        assert [x.date for x in find_dates("05/03/2021")] == ["2021-05-03"]


@pytest.mark.parametrize("text", ["Mon 08/02/2021 — A bomb wounded four soldiers near Butembo.",
                                  "Sat 3/4/2021: Gunmen killed a trader near Beni."])
def test_a_weekday_abbreviation_before_a_date_is_not_a_place(text):
    surfaces = [m["surface"] for m in extract(text, PUB)["mentions"]]
    assert "Mon" not in surfaces and "Sat" not in surfaces


def test_mon_state_is_still_a_place():
    assert "Mon State" in [m["surface"] for m in extract("Fighting spread across Mon State on Friday.", PUB)["mentions"]]


def test_an_entry_whose_event_comes_after_its_first_sentence_is_dated_by_its_opener():
    text = _log(("2021/09/06:", "2021/09/14:"), ("Reports reached the capital from Abeche. Gunmen shot dead two herders.",
                                               "A roadside bomb wounded five soldiers near Adre."))
    assert [(i["date"], i["killed"]) for i in extract(text, PUB)["incidents"]] == [("2021-09-06", 2), ("2021-09-14", None)]


@pytest.mark.parametrize("openers, dates", [
    (("4/9/21 —", "18/9/21 —", "2/10/21 —"), ["2021-09-04", "2021-09-18", "2021-10-02"]),
    (("7.3.16:", "19.3.16:", "30.3.16:"), ["2016-03-07", "2016-03-19", "2016-03-30"]),
    (("03/07/98 —", "03/11/98 —", "04/02/98 —"), ["1998-03-07", "1998-03-11", "1998-04-02"]),
    (("2017-5-4 —", "2017-5-19 —", "2017-6-2 —"), ["2017-05-04", "2017-05-19", "2017-06-02"]),
    (("20170504 —", "20170519:", "20170602 —"), ["2017-05-04", "2017-05-19", "2017-06-02"]),
])
def test_a_log_whose_openers_write_the_year_in_two_digits_is_still_a_log(openers, dates):
    found = extract(_log(openers), PUB)["incidents"]
    assert [i["date"] for i in found] == dates


@pytest.mark.parametrize("text", ["The council voted 3/4/18 on the motion.", "Version 2.6.18 of the software shipped.",
                                  "A 1/2/21 ratio was agreed.", "Call 20170504 for the hotline."])
def test_a_two_digit_year_inside_a_sentence_is_not_a_date(text):
    assert [d for d in find_dates(text, PUB) if d.precision == "day"] == []


@pytest.mark.parametrize("opener, body, killed, injured", [
    ("2019.04.29 — Kaspiysk:", "An off-duty police officer was shot dead outside his home.", 1, None),
    ("11/6/19 — Bastia, Haute-Corse:", "A lawyer who ran a small practice was shot dead in his car.", 1, None),
    ("3 Jan 2015 — Goz Beida, Ouaddaï:", "A nurse was wounded when gunmen fired on a clinic.", None, 1),
    ("2021/09/06: Abeche:", "A herder was stabbed to death at a well.", 1, None),
])
def test_one_victim_after_an_entrys_date_and_place_heading_is_counted(opener, body, killed, injured):
    text = _log((opener, "2021/10/01:"), (body, "A roadside bomb wounded five soldiers near Adre."))
    first = extract(text, PUB)["incidents"][0]
    assert (first["killed"], first["injured"]) == (killed, injured)


@pytest.mark.parametrize("text, killed", [
    ("WINDSOR, Ont. — A 52-year-old man was stabbed to death outside a bar on Friday.", 1),
    ("WARSAW, Ind. — A woman was shot dead in a parking lot on Saturday.", 1),
    ("BATHURST, N.B. — Gunmen killed two guards at a depot on Sunday.", 2),
])
def test_a_dateline_ending_in_an_abbreviation_stays_in_the_sentence_it_opens(text, killed):
    assert sentence_spans(text) == [(0, len(text))]
    assert extract(text, PUB)["incidents"][0]["killed"] == killed


def test_a_victim_named_after_the_noun_for_them_counts_after_an_entrys_heading():
    text = _log(("14.5.18 — Pulwama:", "19.5.18 — Sopore:"),
                ("A tailor, Bashir Ahmad, was shot dead by gunmen near his shop.", "A grenade wounded four people."))
    assert extract(text, PUB)["incidents"][0]["killed"] == 1


@pytest.mark.parametrize("openers, dates", [
    (("04-Mar-17 —", "19-Mar-17 —", "02-APR-2017 —"), ["2017-03-04", "2017-03-19", "2017-04-02"]),
    (("4.III.2017 —", "19.III.2017 —", "2.IV.2017 —"), ["2017-03-04", "2017-03-19", "2017-04-02"]),
    (("2017 Mar 04 —", "2017 March 19 —", "2017 Apr 2:"), ["2017-03-04", "2017-03-19", "2017-04-02"]),
    (("Mar 4 '17 —", "19 Mar '17 —", "Apr 2 ’17 —"), ["2017-03-04", "2017-03-19", "2017-04-02"]),
])
def test_a_log_opened_by_month_names_in_hyphens_roman_numerals_year_first_or_an_apostrophe_year_is_a_log(openers, dates):
    found = extract(_log(openers), PUB)["incidents"]
    assert [i["date"] for i in found] == dates


def test_the_day_first_reading_ends_with_its_block_even_when_the_block_raises():
    try:
        with reading_day_first(True):
            assert resolve("05/03/2021", PUB) == ("2021-03-05", "day")
            raise KeyError("out")
    except KeyError:
        pass
    assert resolve("05/03/2021", PUB) == ("2021-05-03", "day")
    with reading_day_first(True):
        with reading_day_first(False):
            assert resolve("05/03/2021", PUB) == ("2021-05-03", "day")
        assert resolve("05/03/2021", PUB) == ("2021-03-05", "day")


@pytest.mark.parametrize("openers, dates", [
    (("2018-Feb-07 —", "2018-Feb-19 —", "2018-Mar-02 —"), ["2018-02-07", "2018-02-19", "2018-03-02"]),
    (("Feb-07-2018:", "Feb-19-2018:", "Mar-02-2018:"), ["2018-02-07", "2018-02-19", "2018-03-02"]),
    (("07FEB18 —", "19FEB18 —", "02MAR18 —"), ["2018-02-07", "2018-02-19", "2018-03-02"]),
    (("Wed 07 Feb 18 —", "Mon 19 Feb 18 —", "Fri 02 Mar 18 —"), ["2018-02-07", "2018-02-19", "2018-03-02"]),
    (("7 Feb, 2018 —", "19 Feb, 2018 —", "2 Mar, 2018 —"), ["2018-02-07", "2018-02-19", "2018-03-02"]),
])
def test_a_log_opened_by_day_month_and_year_in_any_order_and_spacing_is_a_log(openers, dates):
    found = extract(_log(openers), PUB)["incidents"]
    assert [i["date"] for i in found] == dates


@pytest.mark.parametrize("opener", ["Sat 05 Aug 23 — Dessie:", "03NOV18 — Tacloban:", "Nov-04-2019 — Bamenda:"])
def test_a_named_victim_after_any_written_entry_date_is_counted(opener):
    text = "\n\n".join(["Incident log", f"{opener} Gunmen shot dead Tesfaye Alemu, a district official, at his gate.",
                        "2019-11-20 — Kumba: A bomb wounded three traders at a market."])
    assert extract(text, PUB)["incidents"][0]["killed"] == 1
