"""Events: when a clause or sentence starts another incident, when it adds to the one before, and which date it has."""
from lib.extract.incidents import find_incidents
from tests.extract.incident_cases import mentions_for


def test_background_incident_with_year_is_a_separate_incident():
    text = ("Peshawar mosque attack\n\nPESHAWAR — A bomb exploded in a market in Peshawar on Friday, killing four people.\n\n"
            "In 2013, a suicide bombing at a church in the city killed at least 75 people.")
    found = find_incidents(text, mentions_for(text), "2022-03-05")
    assert len(found) == 2
    assert found[1]["type"] == "suicide_bombing" and found[1]["date"] == "2013" and found[1]["date_precision"] == "year"
    assert found[1]["killed"] == 75 and found[1]["place_surface"] == "Peshawar"
    assert found[0]["primary"] and not found[1]["primary"]


def test_two_incidents_in_one_sentence_and_a_day_after():
    text = ("Kabul attack\n\nKABUL, Dec 13 — Gunmen stormed a hotel in Kabul on Monday, killing three people.\n\n"
            "In September, a suicide bomber struck outside the Russian embassy, killing two of its diplomats, and earlier "
            "this month gunmen opened fire on the Pakistani embassy compound, wounding a guard.")
    found = find_incidents(text, mentions_for(text), "2022-12-13")
    assert [(f["type"], f["date"]) for f in found] == [
        ("armed_attack", "2022-12-12"), ("suicide_bombing", "2022-09"), ("armed_attack", "2022-12")]
    assert found[1]["killed"] == 2 and found[1]["victim_nationality"] == ["RU"]
    assert found[2]["injured"] == 1 and found[2]["victim_nationality"] == ["PK"]
    assert found[1]["sentence"] == found[2]["sentence"]


def test_a_dated_background_event_without_a_past_verb_is_an_incident():
    text = ("Bombing in Karachi\n\nKARACHI — A bomb exploded at a bus station in Karachi on Monday, killing nine people.\n\n"
            "The city's worst attack remains the bombing of a wedding in Peshawar in 2009, and in 2012 a siege by "
            "gunmen at a mall in Quetta left 40 people dead.")
    found = find_incidents(text, mentions_for(text), "2024-06-18")
    assert [(f["date"], f["killed"]) for f in found] == [("2024-06-17", 9), ("2009", None), ("2012", 40)]


def test_hours_later_an_attack_elsewhere_is_another_incident():
    text = ("Attacks in Pakistan\n\nQUETTA — Gunmen attacked a police station in Quetta on Monday, killing two officers.\n\n"
            "Hours later, a car bomb exploded near an army base in Karachi. No one was hurt, the army said.")
    found = find_incidents(text, mentions_for(text), "2024-06-18")
    assert [(f["place_surface"], f["date"], f["killed"], f["injured"]) for f in found] == [
        ("Quetta", "2024-06-17", 2, None), ("Karachi", "2024-06-17", 0, 0)]


def test_hours_later_at_the_same_place_is_the_same_incident():
    text = ("Attack in Quetta\n\nQUETTA — Gunmen attacked a police station in Quetta on Monday, killing two officers.\n\n"
            "Hours later, a bomb exploded at the same station in Quetta, wounding four.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-18")
    assert (inc["killed"], inc["injured"]) == (2, 4)


def test_a_clause_opening_on_another_place_with_its_own_event_is_another_incident():
    text = ("Attacks\n\nQUETTA — Gunmen stormed a checkpoint in Quetta before dawn on Monday, killing five guards.\n\n"
            "Later on Monday, a bomb struck a bus in Peshawar, wounding six passengers, while in Kabul gunmen shot dead "
            "a shopkeeper.")
    found = find_incidents(text, mentions_for(text), "2024-06-03")
    assert [(i["type"], i["name"], i["date"]) for i in found] == [
        ("armed_attack", "Quetta", "2024-06-03"), ("bombing", "Peshawar", "2024-06-03"),
        ("armed_attack", "Kabul", "2024-06-03")]
    assert [(i["killed"], i["injured"]) for i in found[1:]] == [(None, 6), (1, None)]


def test_an_armed_group_killing_people_is_an_attack():
    text = ("Siege\n\nQUETTA, June 9 — Gunmen stormed a market in Quetta on Saturday, killing 12 people.\n\n"
            "In March, rebel fighters and allied militias killed more than 300 people in Peshawar, according to "
            "the UN.")
    found = find_incidents(text, mentions_for(text), "2024-06-09")
    assert [(i["name"], i["date"], i["killed"]) for i in found] == [
        ("Quetta", "2024-06-08", 12), ("Peshawar", "2024-03", 300)]


def test_the_assault_in_which_hostages_were_taken_is_the_kidnapping():
    text = ("Pupils freed\n\nKARACHI — Forty pupils abducted from a school near Karachi earlier this month have been "
            "freed, officials said on Sunday.\n\nGunmen stormed the school on 7 June as classes began.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-23")
    assert (inc["type"], inc["date"]) == ("kidnapping", "2024-06-07")
    assert inc["sentence"].startswith("Gunmen stormed the school on 7 June")


def test_a_later_sentence_with_the_exact_day_becomes_the_evidence():
    text = ("Hostages killed\n\nISLAMABAD — A militant group said on Thursday that its fighters had killed two Chinese "
            "nationals who were kidnapped in the Pakistani city of Quetta last month.\n\n"
            "The two teachers were abducted on May 24 by three armed men posing as police in central Quetta.")
    [inc] = find_incidents(text, mentions_for(text), "2017-06-09")
    assert inc["type"] == "kidnapping"
    assert (inc["date"], inc["killed"]) == ("2017-05-24", 2)
    assert inc["sentence"].startswith("The two teachers were abducted on May 24")


def test_a_court_story_dates_the_attack_not_the_sentence():
    text = ("Verdict in Karachi\n\nKARACHI — A court in Karachi on Monday sentenced three men to death for the bombs that "
            "tore through a market in the city on 4 June 2011, killing 40 people.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-18")
    assert (inc["date"], inc["killed"]) == ("2011-06-04", 40)


def test_a_stated_calendar_date_wins_over_a_bare_overnight():
    text = ("Raid\n\nGunmen killed nine villagers in an overnight raid near Quetta on March 3, the army said.")
    [inc] = find_incidents(text, mentions_for(text), "2024-03-20")
    assert (inc["date"], inc["date_precision"]) == ("2024-03-03", "day")
