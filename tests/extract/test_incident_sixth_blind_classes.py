"""Invented sentences, one class at a time, for the error classes the sixth blind set showed: named victims after a
log entry's date written with a month's name or numeral, wounds told by a trip to hospital or a slashing, stated
zeros, suspects killed by police, reaction and treatment sentences, and a crew taken from a boat."""

import pytest

from lib.extract.incidents import find_perpetrator, find_tolls
from tests.extract.incident_cases import extracted_incidents, lead_incident

PUB = "2015-05-10"


def incidents(text, published=PUB):
    return extracted_incidents(text, published)


def lead(text, published=PUB):
    return lead_incident(text, published)


@pytest.mark.parametrize("text", [
    "14-Mar-09 — Kano, Kano State: Alhaji Musa Danladi, a ward chairman who had backed the new market, was shot dead "
    "outside a mosque by three gunmen.",
    "7.IX.2003 — Meulaboh, West Aceh: Rahmat Ibrahim, the head of a fishing village near the port, was shot dead in "
    "his boat yard.",
    "5th Oct 2012 — Panchagarh: Abdul Mannan, a local organiser of the farmers' union, was shot dead at a tea stall.",
    "2011 Feb 03 — Hetauda, Makwanpur district: Ram Bahadur Thapa, a village council chairman, was shot dead on his "
    "way home.",
    "Mar 4 '11 — Diphu, Karbi Anglong district: Lohit Terang, a district council member who had spoken against the "
    "tolls, was gunned down near the bus stand.",
])
def test_a_named_office_holder_after_a_log_date_with_a_month_word_is_one_killed_in_an_assassination(text):
    figures = find_tolls(text)
    assert figures["killed"] == 1


@pytest.mark.parametrize("text", [
    "14-Mar-09 — Kano, Kano State: Alhaji Musa Danladi, a ward chairman who had backed the new market, was shot dead "
    "outside a mosque by three gunmen.",
    "5th Oct 2012 — Panchagarh: Abdul Mannan, a local organiser of the farmers' union, was shot dead at a tea stall.",
])
def test_the_log_entry_killing_of_a_named_office_holder_is_typed_an_assassination(text):
    log = f"Incidents\n\n{text}\n\n03/09/15 — Lira: Gunmen attacked a bus, killing two people."
    first = incidents(log)[0]
    assert (first["type"], first["killed"]) == ("assassination", 1)


@pytest.mark.parametrize("text, injured", [
    ("Two men were taken to hospital after being stabbed on Mill Lane in Paisley early on Saturday.", 2),
    ("Three teenagers were rushed to hospital after being attacked with knives near a park in Leeds.", 3),
    ("Four people were taken to a hospital after being shot outside a bar in Memphis on Friday.", 4),
])
def test_people_taken_to_hospital_after_being_stabbed_or_shot_are_injured(text, injured):
    inc = lead(text)
    assert (inc["type"], inc["injured"]) == ("armed_attack", injured)


@pytest.mark.parametrize("text", [
    "On 3 March, a man was punched and slashed with a knife outside a chip shop on Bridge Street in Falkirk.",
    "A woman was slashed across the face outside a nightclub in Cardiff on Saturday.",
    "A teenager was slashed with a machete at a bus stop in Croydon.",
])
def test_a_person_slashed_is_one_injured_in_an_armed_attack(text):
    inc = lead(text)
    assert (inc["type"], inc["injured"], inc["killed"]) == ("armed_attack", 1, None)


@pytest.mark.parametrize("text", [
    "The council slashed its budget for street lighting in Falkirk.",
    "Prices were slashed by a third at the market in Leeds.",
])
def test_a_budget_or_price_slashed_is_no_incident(text):
    assert incidents(text) == []


@pytest.mark.parametrize("reaction", [
    "In London, the Foreign Office condemned the bombing and offered help to the Kenyan police.",
    "In Brussels, the European Union denounced the attack as cowardly.",
    "In Geneva, the UN human rights office expressed deep concern over the killings.",
])
def test_a_reaction_said_in_another_capital_is_neither_an_incident_nor_its_place(reaction):
    text = ("MOMBASA, Kenya, June 4 — A bomb exploded beside a police truck in Likoni on Monday, killing two officers "
            f"and wounding three others, police said.\n\n{reaction}")
    found = incidents(text, "2015-06-04")
    assert len(found) == 1
    assert found[0]["name"] != reaction.split(",")[0][3:]


@pytest.mark.parametrize("treatment", [
    "The three wounded officers were being treated at Coast General Hospital in Mombasa, the police said.",
    "Both of the injured were admitted to a clinic in Mombasa.",
])
def test_where_the_wounded_are_treated_is_no_new_incident(treatment):
    text = ("MOMBASA, Kenya, June 4 — A bomb exploded beside a police truck in Likoni on Monday, killing two officers "
            f"and wounding three others, police said. {treatment}")
    found = incidents(text, "2015-06-04")
    assert [(x["killed"], x["injured"]) for x in found] == [(2, 3)]


@pytest.mark.parametrize("sentence", [
    "Officials have long accused Syria of arming such militias.",
    "The government accused Rwanda of backing the rebels in the east.",
    "Ministers accused Pakistan of harbouring the groups behind such attacks.",
])
def test_a_state_accused_of_arming_or_backing_groups_is_not_the_perpetrator(sentence):
    assert find_perpetrator(sentence) == (None, 0)


@pytest.mark.parametrize("sentence, group", [
    ('Police said the blast "bore the hallmarks of" Jund al-Khilafah, a militant group active in the south.',
     "Jund al-Khilafah"),
    ("A spokesman said the killing bore the hallmarks of Liwa Abu Fadl, an armed faction based near the border.",
     "Liwa Abu Fadl"),
])
def test_a_hedged_name_said_to_be_a_group_is_the_perpetrator(sentence, group):
    assert find_perpetrator(sentence)[0] == group
