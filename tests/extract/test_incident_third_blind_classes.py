"""Invented sentences, one class at a time, for the error classes the third blind set showed: wound-only injuries,
deaths after a wounding, zeros stated later, rescues after a gun battle, hedged and place-named groups, attackers
among a toll, and beatings."""

import pytest

from tests.extract.incident_cases import extracted_incidents, lead_incident

PUB = "2026-05-12"


def incidents(text, published=PUB):
    return extracted_incidents(text, published)


def lead(text, published=PUB):
    return lead_incident(text, published)


WOUND_ONLY = [
    "A teenager was shot in both legs in a lane off the Falls Road in Belfast on Thursday night.",
    "A shopkeeper was shot in the leg outside his store in Kaduna on Monday.",
    "A student was shot in the arm near the university gate in Ibadan on Friday.",
    "A waiter was stabbed outside a nightclub in Leeds early on Sunday.",
    "A woman in her 30s was shot in the leg in an entry off the Crumlin Road in Belfast on Sunday.",
]


@pytest.mark.parametrize("text", WOUND_ONLY)
def test_a_wound_alone_is_one_injured_in_an_armed_attack(text):
    inc = lead(text)
    assert (inc["type"], inc["injured"], inc["killed"]) == ("armed_attack", 1, None)


@pytest.mark.parametrize("text", [
    "Gunmen abducted nine travellers on the Lokoja road on Sunday. Their driver, who was shot in the arm, is in hospital.",
    "Gunmen abducted nine travellers on the Lokoja road on Sunday. A guard who tried to flee was beaten and left with a "
    "broken jaw.",
    "A lorry was set on fire on the road to Temuco on Monday, and its driver suffered burns.",
])
def test_a_hurt_person_told_later_is_one_injured(text):
    assert lead(text)["injured"] == 1


@pytest.mark.parametrize("text", [
    "A 41-year-old man died after he was shot outside a bar in Tulsa on Friday.",
    "A taxi driver died after being stabbed at a rank in Durban on Saturday.",
    "A soldier was shot at a checkpoint near Mosul on Monday and later died of his wounds.",
    "Three men broke into a flat in the Ballysally estate in Coleraine on Monday and beat the tenant with bats; he died "
    "later in hospital.",
])
def test_dying_of_a_wound_is_one_killed_not_also_injured(text):
    inc = lead(text)
    assert (inc["killed"], inc["injured"]) == (1, None)


@pytest.mark.parametrize("text", [
    "Two men forced their way into a flat in the Ballysally estate in Coleraine on Monday and beat a man with a hammer.",
    "A gang stormed a home in Soweto on Friday and assaulted two women.",
])
def test_a_beating_in_a_home_is_an_armed_attack(text):
    assert lead(text)["type"] == "armed_attack"


@pytest.mark.parametrize("text,expected", [
    ("Gunmen fired at a police station in Bannu on Tuesday. Police said there were no casualties.",
     {"killed": 0, "injured": 0}),
    ("A grenade was thrown into a bank in San Pedro Sula on Friday. No one was hurt, police said.",
     {"killed": 0, "injured": 0}),
    ("Gunmen fired at a police station in Bannu on Tuesday.", {"killed": None, "injured": None}),
])
def test_a_zero_stated_later_is_kept_and_an_absent_figure_stays_unknown(text, expected):
    inc = lead(text)
    assert {k: inc[k] for k in expected} == expected


@pytest.mark.parametrize("text", [
    "In May, a pastor was kidnapped near Okene and freed after four days.",
    "Last month three students were abducted in Kaduna and released a week later.",
])
def test_hostages_freed_unhurt_of_a_kidnapping_are_none_killed(text):
    inc = lead(text)
    assert (inc["type"], inc["killed"]) == ("kidnapping", 0)


def test_a_rescue_after_a_gun_battle_belongs_to_the_kidnapping():
    text = ("Gunmen on Friday abducted 14 passengers from a bus near Okene, police said. Police rescued six of them on "
            "Saturday after a gun battle in which two of the kidnappers were killed. Families said the kidnappers had "
            "called on Saturday night to ask for a ransom.")
    found = incidents(text)
    assert [i["type"] for i in found] == ["kidnapping"]
    assert found[0]["attackers_killed"] == 2


@pytest.mark.parametrize("text,expected", [
    ("Insurgents attacked an army base at Damboa on Monday. Four soldiers and 15 attackers were killed, the army said.",
     {"killed": 4, "attackers_killed": 15}),
    ("A truck bomb struck a police post near Arish on Monday; early reports said three officers were killed, and the "
     "ministry later gave a toll of eight.", {"killed": 8}),
    ("Gunmen stormed a restaurant in Bosaso on Friday, killing 12 people. Police had initially put the toll at five.",
     {"killed": 12}),
])
def test_attackers_among_a_toll_are_counted_apart(text, expected):
    inc = lead(text)
    assert {k: inc[k] for k in expected} == expected


def test_a_wound_alone_in_a_log_entry_is_one_injured():
    text = ("Mon 03/05/2021 — Portadown: A pipe bomb was found under a van. No one was hurt.\n\n"
            "Thu 06/05/2021 — Lisburn: A man in his 30s was shot in the leg in a car park off Bridge Street.")
    found = incidents(text, None)
    assert [(i["type"], i["injured"]) for i in found][-1] == ("armed_attack", 1)
