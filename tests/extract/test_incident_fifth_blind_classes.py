"""Invented sentences, one class at a time, for the error classes the fifth blind set showed: one victim told by
where they worked or what they held, a demonym alone, a death after a wounding under a dateline, named victims
inside log entries, and office holders killed by name."""

import pytest

from lib.extract.incidents import find_incidents, find_perpetrator, find_tolls
from tests.extract.incident_cases import extracted_incidents, lead_incident

PUB = "2015-05-10"


def incidents(text, published=PUB):
    return extracted_incidents(text, published)


def lead(text, published=PUB):
    return lead_incident(text, published)


def log(entry):
    """A two-entry log whose first entry is entry."""
    return f"Incidents, May 2015\n\n{entry}\n\n03/09/15 — Lira: Gunmen attacked a bus, killing two people."


@pytest.mark.parametrize("text", [
    "KAMPALA, June 3 — The chairman of a village council in northern Uganda was shot dead outside his home on Friday.",
    "The headman of a hamlet near Kandahar was shot dead on Tuesday, officials said.",
    "QUITO — The mayor of a small town in the Andes was shot dead as he left a meeting on Sunday.",
])
def test_an_office_holder_told_by_where_they_served_is_one_killed_in_an_assassination(text):
    inc = lead(text)
    assert (inc["type"], inc["killed"]) == ("assassination", 1)


@pytest.mark.parametrize("text", [
    "LEEDS — A cashier at a petrol station on Elm Street was shot and killed late Friday, police said.",
    "A guard at a bank on Victoria Road was shot dead on Sunday.",
    "DENVER — A waiter from a diner on Colfax Avenue was stabbed to death on Saturday night.",
])
def test_one_victim_told_by_where_they_worked_is_one_killed(text):
    inc = lead(text)
    assert (inc["type"], inc["killed"]) == ("armed_attack", 1)


@pytest.mark.parametrize("text", [
    "LEEDS — A 34-year-old woman died after being stabbed outside a nightclub on Saturday, police said.",
    "DURBAN, May 9 — A teenager died after being shot at a taxi rank on Friday night.",
])
def test_a_death_after_a_wounding_under_a_dateline_is_one_killed(text):
    inc = lead(text)
    assert (inc["killed"], inc["injured"]) == (1, None)


def test_a_helper_hurt_beside_the_one_who_died_is_still_counted():
    inc = lead("LEEDS — A 34-year-old man died after being stabbed outside a nightclub late Friday, and a woman who "
               "tried to help him suffered cuts to her hands.")
    assert (inc["killed"], inc["injured"]) == (1, 1)


@pytest.mark.parametrize("text,nationality", [
    ("KINSHASA, May 2 — Gunmen shot dead a Canadian working for a mining company near Goma on Monday and wounded a "
     "Congolese colleague, police said.", ["CA", "CD"]),
    ("Gunmen shot dead an American employed by a charity outside Juba on Friday.", ["US"]),
])
def test_a_victim_named_by_a_demonym_alone_is_counted_with_their_nationality(text, nationality):
    inc = lead(text)
    assert inc["killed"] == 1
    assert inc["victim_nationality"][: len(nationality)] == nationality


@pytest.mark.parametrize("entry", [
    "03/05/15 — Gulu: Peter Okello, a retired judge, was shot dead at his farm by two men.",
    "03/05/15 — Gulu, Gulu district: David Ocen, a district council official, was shot dead outside his house.",
    "2015-05-03 — Arua: Musa Kato, the imam of a local mosque, was shot dead as he left the mosque.",
    "03/05/15 — Kitgum: Ronald Opio, a retired army colonel, was shot dead at his gate.",
])
def test_a_named_office_holder_killed_in_a_log_entry_is_an_assassination_with_one_dead(entry):
    first = incidents(log(entry))[0]
    assert (first["type"], first["killed"]) == ("assassination", 1)


@pytest.mark.parametrize("entry", [
    "03/05/15 — Gulu: Samuel Otim, who owned three shops in the market, was shot dead outside his house.",
    "03/05/15 — Gulu: Grace Akello, 45, was stabbed to death at her stall.",
])
def test_a_named_victim_in_a_log_entry_is_one_killed(entry):
    found = incidents(log(entry))
    assert [inc["killed"] for inc in found] == [1, 2]


def test_a_log_heading_does_not_hide_a_count_nor_become_one():
    found = incidents(log("03/05/15 — Gulu: Gunmen attacked a police post, killing two officers."))
    assert [inc["killed"] for inc in found] == [2, 2]


@pytest.mark.parametrize("entry", [
    "03/05/15 — Gulu: A mob looted a pharmacy and set it on fire after a boy was hit by a car. No one was hurt.",
    "03/05/15 — Gulu: Armed men ordered the passengers off a bus on the Kitgum road and set the bus alight. No one "
    "was hurt.",
    "03/05/15 — Gulu: Unknown men set fire overnight to a bar near the market. No one was hurt.",
    "03/05/15 — Gulu: A fire destroyed the offices of the district court overnight. No one was hurt. Police said it "
    "had been set deliberately.",
])
def test_an_arson_told_without_the_usual_words_is_an_incident_of_its_entry(entry):
    first = incidents(log(entry))[0]
    assert (first["type"], first["date"], first["killed"], first["injured"]) == ("other", "2015-03-05", 0, 0)


@pytest.mark.parametrize("text", [
    "A fire destroyed a warehouse in Mombasa on Sunday. Firefighters took four hours to put it out.",
    "MOMBASA, May 3 — A fire gutted a market in Mombasa on Sunday, officials said. No one was hurt.",
])
def test_a_fire_no_one_calls_deliberate_is_no_incident(text):
    assert incidents(text) == []


@pytest.mark.parametrize("text", [
    "NAIROBI, May 3 — A crowd looted shops in the centre of Thika on Sunday after a protest. No one was hurt.",
    "NAIROBI, May 3 — Thieves robbed a bank in Thika on Sunday and escaped with cash.",
    "NAIROBI, May 3 — Gang members ordered the passengers off a minibus near Thika on Sunday and took their phones.",
])
def test_a_robbery_or_looting_is_an_incident_of_type_other(text):
    assert lead(text)["type"] == "other"


def test_being_robbed_of_a_win_is_no_incident():
    assert incidents("The visitors were robbed of a win on Sunday when the referee waved play on.") == []


def test_a_raid_by_bandits_told_in_the_clause_of_its_toll_is_the_incident():
    found = incidents("Three herders and a police reservist were killed when armed bandits raided a village near "
                      "Marigat on Sunday, police said. The herders, who were grazing their cattle, fought back and "
                      "shot dead two of the raiders.")
    assert len(found) == 1
    assert (found[0]["type"], found[0]["killed"]) == ("armed_attack", 4)


def test_a_story_opening_on_a_risen_toll_then_telling_the_attack_is_one_incident_of_the_attack_day():
    found = incidents("BAMAKO, May 5 — The toll from a bombing at a bus station in Mali's capital rose to seven on "
                      "Tuesday after two of the injured died, officials said.\n\nA bomb exploded at the Sogoniko bus "
                      "station on Sunday morning, killing five people and wounding 30, police said.", "2015-05-05")
    assert [(inc["date"], inc["killed"], inc["injured"]) for inc in found] == [("2015-05-03", 7, 30)]
    assert found[0]["sentence"].startswith("A bomb exploded")


def test_a_risen_toll_does_not_count_as_the_injured():
    inc = lead("The toll from a bombing at a bus station in Gao rose to seven on Tuesday after two of the injured "
               "died, officials said.")
    assert (inc["killed"], inc["injured"]) == (7, None)


def test_a_later_death_raising_the_toll_is_no_new_incident():
    found = incidents("Three people were killed when gunmen attacked a market in Marigat on Sunday, police said. A "
                      "trader who was shot in the chest died in hospital on Monday, raising the toll to four.")
    assert [inc["killed"] for inc in found] == [4]


def test_an_earlier_attack_told_after_a_risen_toll_stays_apart():
    found = incidents("BAMAKO, May 5 — The toll from a bombing at a bus station in Bamako rose to seven on Tuesday "
                      "after two of the injured died, officials said. In a separate attack on Sunday, gunmen killed two soldiers near Gao.",
                      "2015-05-05")
    assert len(found) == 2


@pytest.mark.parametrize("sentence,group", [
    ('The attackers were "believed to belong to" the al Qaeda-linked ISGS coalition, an official said.', "ISGS"),
    ("Police said the attack bore the marks of Barrio 18, which extorts drivers in the area.", "Barrio 18"),
    ('Investigators said the killing was "probably the work of" the Caucasus Emirate.', "Caucasus Emirate"),
    ('The army said the raiders were "suspected LRA rebels" who had crossed from Sudan.', "LRA"),
    ('Police said the gunmen were "thought to be" members of the Mara Salvatrucha.', "Mara Salvatrucha"),
])
def test_a_group_named_with_a_hedge_by_acronym_or_gang_name_is_kept_as_hedged(sentence, group):
    assert find_perpetrator(sentence) == (group, 1)


@pytest.mark.parametrize("sentence,group", [
    ("Police blamed Barrio 18, which had demanded payments from the owners.", "Barrio 18"),
    ("Police blamed MS-13 for the killing.", "MS-13"),
])
def test_a_gang_blamed_by_a_name_with_a_number_keeps_the_number(sentence, group):
    assert find_perpetrator(sentence) == (group, 2)


@pytest.mark.parametrize("sentence", [
    "Police said the attack bore the marks of a robbery, not of a political killing.",
    "The killing was the work of two men on a motorcycle, police said.",
    "The gunmen were believed to be Ward 12 residents who had quarrelled with the victim.",
    "The attackers were thought to be on Route 16 when police stopped them.",
])
def test_a_hedge_naming_no_group_gives_none(sentence):
    assert find_perpetrator(sentence)[0] is None


def test_a_blamed_group_that_denied_it_is_still_the_one_blamed():
    inc = lead("BUJUMBURA, May 3 — A grenade exploded in a bar on Sunday, killing two people. The government blamed "
               "FNL rebels, who denied any involvement.")
    assert inc["perpetrator"] == "FNL"


@pytest.mark.parametrize("text,expected", [
    ("A trader was shot dead at his stall in Kisumu on Friday. None of the customers was hurt.", (1, 0)),
    ("The mayor of a town near Kisumu was shot dead outside his house on Friday. His driver, who was with him, was "
     "not hurt.", (1, 0)),
    ("Gunmen attacked a bus near Kisumu on Friday, killing the driver. None of the other twelve passengers were "
     "injured.", (1, 0)),
])
def test_companions_said_unhurt_make_the_injured_zero(text, expected):
    inc = lead(text)
    assert (inc["killed"], inc["injured"]) == expected


def test_the_one_hurt_who_then_died_is_no_longer_counted_among_the_injured():
    found = incidents("Three people were killed when gunmen attacked a market in Marigat on Sunday, police said. A "
                      "trader who was shot in the chest died in hospital on Monday, raising the toll to four. Two other "
                      "traders were wounded.")
    assert [(inc["killed"], inc["injured"]) for inc in found] == [(4, 2)]


@pytest.mark.parametrize("clause,killed", [
    ("Gunmen attacked a bus near Kisumu on Friday, killing the driver.", 1),
    ("Gunmen shot dead the shopkeeper outside his store in Kisumu.", 1),
    ("Gunmen attacked a bus near Kisumu on Friday, killing the driver and his wife.", None),
    ("Gunmen killed the herders of three villages near Kisumu.", None),
])
def test_one_definite_person_killed_is_one_dead(clause, killed):
    assert find_tolls(clause)["killed"] == killed


@pytest.mark.parametrize("text", [
    "GULU, May 3 — Armed men stopped a teacher on the road to Kitgum on Sunday and took him into the bush.",
    "GULU, May 3 — A trader was dragged from his shop by armed men on Sunday and driven away.",
    "GULU, May 3 — Gunmen stopped two nurses on the road to Lira on Sunday and marched them into the forest.",
])
def test_people_taken_away_by_armed_men_are_a_kidnapping(text):
    assert lead(text)["type"] == "kidnapping"


def test_people_police_took_away_are_no_kidnapping():
    assert incidents("GULU, May 3 — Police arrested two men on Sunday and took them away for questioning.") == []


def test_hostages_freed_unharmed_keep_the_sites_nationality():
    text = "KAMPALA, May 3 — A trader was kidnapped in Kasese on Sunday. He was released unharmed two days later."
    start = text.index("Kasese")
    kasese = {"start": start, "end": start + 6, "surface": "Kasese", "name": "Kasese", "kind": "city",
              "country_code": "UG", "lat": 0.18, "lon": 30.08, "place_id": "test:Kasese", "confidence": 0.9}
    found = find_incidents(text, [kasese], PUB)
    assert (found[0]["type"], found[0]["killed"], found[0]["victim_nationality"]) == ("kidnapping", 0, ["UG"])


@pytest.mark.parametrize("clause", [
    "A 38-year-old man is in a stable condition in Hastings Hospital after being shot at his home on Monday night.",
    "A teenager was in a critical condition after being stabbed outside a bar in Napier.",
])
def test_one_person_in_hospital_condition_is_one_injured(clause):
    assert find_tolls(clause)["injured"] == 1


def test_a_condition_with_no_person_named_counts_no_one():
    assert find_tolls("His condition is stable, doctors said.")["injured"] is None


def test_a_hostage_from_a_named_country_gives_that_nationality():
    text = "In November, a lorry driver from Senegal was abducted on the road to Nema and released a week later."
    start = text.index("Senegal")
    senegal = {"start": start, "end": start + 7, "surface": "Senegal", "name": "Senegal", "kind": "country",
               "country_code": "SN", "lat": 14.5, "lon": -14.5, "place_id": "test:Senegal", "confidence": 0.9}
    found = find_incidents(text, [senegal], PUB)
    assert found[0]["victim_nationality"][:1] == ["SN"]


@pytest.mark.parametrize("clause,killed", [
    ("12-03-2021: The teacher Ana Rojas, 44, was shot dead outside her school.", 1),
    ("12-03-2021: Gunmen killed three farmers near the river.", 3),
])
def test_a_log_heading_closed_by_a_colon_does_not_hide_the_victim(clause, killed):
    assert find_tolls(clause)["killed"] == killed


def test_a_person_hurt_told_after_and_without_a_verb_is_one_injured():
    assert find_tolls("A village chief was killed and his nephew wounded when gunmen ambushed their car.")["injured"] == 1


@pytest.mark.parametrize("text", [
    "PERTH — Two students escaped unhurt from a flat above a shop after a fire was started deliberately in the shop "
    "early on Sunday, police said.",
    "TEMUCO — A chapel in the rural sector of Quino was burned to the ground on Sunday night. No one was hurt.",
    "TEMUCO — Armed rebels burned a bulldozer belonging to a road contractor near Quino on Sunday. No one was hurt.",
])
def test_a_fire_someone_set_is_an_arson(text):
    assert lead(text)["type"] == "other"


def test_shots_fired_from_a_car_at_a_building_are_an_armed_attack():
    inc = lead("BASTIA — Shots were fired from a passing car at the gendarmerie barracks on Sunday; no one was hurt.")
    assert (inc["type"], inc["killed"], inc["injured"]) == ("armed_attack", 0, 0)


@pytest.mark.parametrize("text", [
    "TRIPOLI, May 3 — Gunmen seized 14 Egyptian labourers at a farm near Misrata on Sunday, officials said.",
    "TRIPOLI, May 3 — Militants stormed a clinic near Misrata on Sunday and held nine nurses hostage for a day.",
])
def test_workers_seized_or_held_hostage_are_a_kidnapping(text):
    assert lead(text)["type"] == "kidnapping"
