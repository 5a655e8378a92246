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


def entry_log(entry):
    """A two-entry log whose first entry is entry."""
    return f"Incidents, March 2015\n\n{entry}\n\n03/09/15 — Lira: Gunmen attacked a bus, killing two people."


@pytest.mark.parametrize("entry", [
    "03/03/15 — Kitgum: A cattle trader, Okello Ojok, was taken from his truck on the road north of the town. He was "
    "freed on 06/03/15; police said a local gang was probably behind the abduction.",
    "03/03/15 — Gulu: Two nurses were taken from their home by armed men before dawn.",
])
def test_people_taken_from_their_car_or_home_are_a_kidnapping_and_its_later_news_stays_in_the_entry(entry):
    found = incidents(entry_log(entry))
    assert [x["type"] for x in found] == ["kidnapping", "armed_attack"]


@pytest.mark.parametrize("text", [
    "An injured man was taken from his car to hospital in Leeds after the crash.",
    "The suspect was taken from his home by police officers on Tuesday.",
])
def test_a_person_taken_to_hospital_or_by_police_is_no_kidnapping(text):
    assert all(x["type"] != "kidnapping" for x in incidents(text))


@pytest.mark.parametrize("entry, killed", [
    ("03/03/15 — Gulu: Two drivers working for an aid agency were abducted near the market. One was freed on "
     "05/03/15; the body of the other was found in a swamp on 07/03/15.", 1),
    ("03/03/15 — Arua: Okot Otim, a primary school headmaster, was taken from his home by armed men. His body was "
     "found in a forest outside the town on 05/03/15.", 1),
])
def test_a_hostage_later_found_dead_is_one_killed_in_the_kidnapping(entry, killed):
    first = incidents(entry_log(entry))[0]
    assert (first["type"], first["killed"]) == ("kidnapping", killed)


@pytest.mark.parametrize("text", [
    "DAR ES SALAAM, March 2 — Pirates in two skiffs boarded a fishing boat off Mafia Island on Sunday, shot dead its "
    "captain and took four crew members away, police said.",
    "Armed men boarded a fishing trawler near Jolo on Tuesday and took away six fishermen, the coast guard said.",
])
def test_a_boat_boarded_and_its_crew_taken_away_is_a_kidnapping(text):
    assert lead(text)["type"] == "kidnapping"


def test_pirates_who_seize_a_tanker_without_taking_anyone_are_a_hijacking():
    assert lead("Pirates hijacked an oil tanker off the coast of Somalia on Monday, officials said.")["type"] == "hijacking"


@pytest.mark.parametrize("text", [
    "Gunmen stopped a minibus near Wajir, shot dead its driver and fled into the bush.",
    "Raiders boarded the boat, killed its skipper and escaped with the catch.",
])
def test_one_person_killed_as_the_possessed_object_then_another_verb_is_one_killed(text):
    assert find_tolls(text)["killed"] == 1


def test_a_definite_victim_with_an_appositive_is_one_killed():
    assert find_tolls("The captain, a 47-year-old Kenyan, was killed when he tried to steer away.")["killed"] == 1


def test_the_driver_and_more_victims_are_still_counted_together():
    assert find_tolls("Gunmen killed the driver and two passengers.")["killed"] == 3


@pytest.mark.parametrize("text, killed, injured", [
    ("A lorry was set alight on the road near Maroua. The driver escaped without injury.", 0, 0),
    ("Gunmen shot dead a shopkeeper in Maroua, and his two sons, who were with him, were not hurt.", 1, 0),
    ("Gunmen shot dead a chief in his compound in front of his wives, none of whom was hurt.", 1, 0),
    ("Gunmen shot dead two guards at a bank in Maroua. Nobody else was injured.", 2, 0),
    ("A bomb wounded three soldiers on the road to Mora. No one was killed.", 0, 3),
])
def test_a_stated_zero_gives_that_figure_only(text, killed, injured):
    inc = lead(text)
    assert (inc["killed"], inc["injured"]) == (killed, injured)


def test_one_person_with_the_victim_not_hurt_gives_no_injured():
    figures = find_tolls("A nursing student who was with him was not hurt.")
    assert (figures["killed"], figures["injured"]) == (None, 0)


@pytest.mark.parametrize("text, attackers", [
    ("Police said they had killed three suspected dacoits and freed two abducted farmers near Sukkur.", 3),
    ("Troops killed four bandits and rescued 12 villagers who had been kidnapped near Gusau.", 4),
])
def test_dacoits_and_bandits_killed_by_the_security_forces_are_attackers_not_victims(text, attackers):
    figures = find_tolls(text)
    assert (figures["killed"], figures["attackers_killed"]) == (None, attackers)


def test_a_raid_by_police_after_a_kidnapping_is_an_operation_of_its_own_with_the_dead_it_counts():
    text = ("SUKKUR: Police said on Friday they had killed three suspected dacoits and freed a trader abducted on the "
            "Rohri road on Tuesday.\n\nActing on a tip-off, a police team raided hideouts in the riverine area near "
            "Pano Akil before dawn on Friday. Three dacoits were killed in an exchange of fire.")
    found = incidents(text, "2015-05-16")
    assert [x["type"] for x in found] == ["kidnapping", "other"]
    assert (found[0]["killed"], found[0]["attackers_killed"]) == (None, None)
    assert found[1]["killed"] == 3


@pytest.mark.parametrize("sentence, group", [
    ("She was freed on 12 May; police said the KLA was probably behind the abduction.", "KLA"),
    ('Officials said the raiders were "probably" ONLF members.', "ONLF"),
    ('The army said two attackers were killed and blamed "suspected ADF elements".', "ADF"),
])
def test_a_group_named_with_probably_or_suspected_elements_is_the_perpetrator(sentence, group):
    assert find_perpetrator(sentence)[0] == group


def test_a_faction_of_a_named_front_blamed_names_the_front():
    found = find_perpetrator("Police blamed a faction of the Oromo Liberation Front (OLF); the faction denied it.")
    assert found == ("Oromo Liberation Front", 2)


def test_probably_before_a_day_names_no_group():
    assert find_perpetrator("The attack was probably on Monday, police said.") == (None, 0)


@pytest.mark.parametrize("text", [
    "Gunmen seized two Turkish engineers from their car in Aba and shot their driver in the leg.",
    "Robbers stabbed a guard in the shoulder at a warehouse in Onitsha.",
])
def test_one_person_shot_or_stabbed_in_a_limb_as_the_object_is_one_injured(text):
    assert find_tolls(text)["injured"] == 1


@pytest.mark.parametrize("text, itype", [
    ("Two classrooms were burned overnight at a primary school near Dori, police said.", "other"),
    ("Four houses were set ablaze in a village outside Kaya on Sunday.", "other"),
    ("A police patrol came under fire near the border town of Djibo on Tuesday; two officers were wounded.",
     "armed_attack"),
])
def test_buildings_burned_in_the_passive_and_a_patrol_coming_under_fire_are_incidents(text, itype):
    assert lead(text)["type"] == itype


def test_a_plan_coming_under_attack_from_critics_is_still_words_not_fire():
    assert all(x["type"] != "armed_attack" for x in incidents("The budget came under fire from opposition lawmakers in Accra."))
