"""The date of an incident against the dates of its later steps (an arrest, a body found, a claim, a release), the
weekday a later paragraph gives an "overnight" raid, and a body found that ends an incident already told."""
import pytest

from lib.extract.incidents import find_incidents
from tests.extract.incident_cases import mentions_for

PUB = "2025-06-10"  # a Tuesday


def incidents(text, published=PUB):
    return find_incidents(text, mentions_for(text), published)


@pytest.mark.parametrize("later", [
    "Police arrested a 30-year-old man on Sunday in connection with the attack.",
    "The Red Hand Front claimed the attack on Sunday.",
    "The Red Hand Front claimed responsibility in a statement on Sunday.",
    "His body was found on Sunday in a field outside Quetta.",
    "The hostages were freed on Sunday after talks with elders.",
])
def test_a_later_steps_date_does_not_date_the_event(later):
    text = f"Attack\n\nQUETTA — Gunmen seized a trader in Quetta, police said.\n\n{later}"
    [inc] = incidents(text)
    assert (inc["date"], inc["date_precision"]) == (PUB, "day")


def test_the_event_told_inside_a_later_step_keeps_its_own_date():
    text = "Arrest\n\nQUETTA — Police arrested two men who had attacked a bus in Quetta on Sunday, killing three passengers."
    [inc] = incidents(text)
    assert (inc["date"], inc["killed"]) == ("2025-06-08", 3)


def test_a_weekday_in_a_later_paragraph_dates_an_overnight_raid():
    text = ("Raid\n\nKABUL, June 10 — Rebels killed eight villagers in an overnight raid on a village near Kabul, "
            "officials said.\n\nThe attackers struck shortly after midnight on Sunday, going from house to house.")
    [inc] = incidents(text)
    assert (inc["date"], inc["killed"]) == ("2025-06-08", 8)


def test_an_overnight_raid_without_a_later_weekday_is_dated_the_publication_day():
    text = ("Raid\n\nKABUL, June 10 — Rebels killed eight villagers in an overnight raid on a village near Kabul, "
            "officials said.\n\nPolice arrested two men on Sunday.")
    [inc] = incidents(text)
    assert inc["date"] == PUB


def test_a_weekday_in_a_later_paragraph_dates_a_lead_without_a_date():
    text = ("Raid\n\nKABUL — Rebels killed eight villagers in a raid on a village near Kabul, officials said.\n\n"
            "Residents said the gunmen arrived on Saturday evening.")
    [inc] = incidents(text)
    assert inc["date"] == "2025-06-07"


@pytest.mark.parametrize("found", [
    "His beheaded body was found on 3/21/2010 near Karachi.",
    "The engineer's mutilated body was recovered near Karachi on 3/21/2010.",
    "He was found dead near Karachi on 3/21/2010.",
])
def test_the_body_of_a_kidnapped_victim_is_the_kidnappings_dead_not_another_incident(found):
    text = f"Log\n\n3/15/2010: Gunmen abducted an engineer in Quetta. {found}"
    [inc] = incidents(text)
    assert (inc["type"], inc["date"], inc["killed"]) == ("kidnapping", "2010-03-15", 1)


def test_the_body_of_a_victim_already_told_is_no_new_incident():
    text = ("Killing\n\nQUETTA — Gunmen shot dead a police officer in Quetta on Monday. The officer's body, shot in "
            "the head, was found near Karachi on Tuesday.")
    [inc] = incidents(text)
    assert (inc["date"], inc["killed"]) == ("2025-06-09", 1)


def test_bodies_found_of_people_not_told_before_are_still_counted():
    text = "Find\n\nQUETTA — The bodies of four men who had been shot were found in Quetta on Monday, police said."
    [inc] = incidents(text)
    assert inc["killed"] == 4


def test_the_end_of_a_siege_killing_its_attackers_is_the_same_incident():
    text = ("Siege\n\nKARACHI, June 7 — Gunmen stormed a hotel in Karachi on Thursday evening, killing 12 people, police "
            "said.\n\nSecurity forces ended the siege early on Friday after eight hours, killing the four gunmen, police "
            "said.")
    [inc] = find_incidents(text, mentions_for(text), "2025-06-07")
    assert (inc["date"], inc["killed"], inc["attackers_killed"]) == ("2025-06-05", 12, 4)
