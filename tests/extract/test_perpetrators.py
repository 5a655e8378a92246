"""Perpetrators: claims beat blame, blame beats the agent of the event; denials and generic names are no group."""
import pytest

from lib.extract.incidents import find_incidents, find_perpetrator
from tests.extract.incident_cases import mentions_for


# expected: (group, strength), or the group alone when only the name is checked
@pytest.mark.parametrize("sentence, expected", [
    # claims beat denials and generic blame
    ("Islamic State Khorasan Province, the group's regional branch, claimed responsibility in a statement.",
     "Islamic State Khorasan Province"),
    ("No group has claimed the bombing, and the Pakistani Taliban said it was not involved.", None),
    ("Officials in Dushanbe blamed unnamed criminal and terrorist groups operating from Afghanistan.", None),
    ("The outlawed Balochistan Liberation Army, which has waged a long insurgency, said one of its fighters had "
     "carried out the bombing.", "Balochistan Liberation Army"),
    # an affiliate's claim names the group
    ("The Red Hand Front's local affiliate claimed the raid on Sunday.", "Red Hand Front"),
    # blame by a named force counts
    ("The SDF blamed Turkey, which has carried out repeated strikes.", ("Turkey", 2)),
    ("The Northern Defence Forces blamed the Red Hand Front.", "Red Hand Front"),
    ("Relatives blamed the Red Hand Front.", (None, 0)),
    ("Separately, a military spokesman blamed Ruritanian mercenaries for the raid.", (None, 0)),
    # the agent of an event is its perpetrator
    ("It remains the abduction of 80 pupils from a school by the Red Hand Front in 2014.", ("Red Hand Front", 1)),
    ("The attacks had been organised by the Red Hand Front, prosecutors said.", "Red Hand Front"),
    ("The bombing was carried out by an Indonesian couple.", (None, 0)),
    ("Two people were killed by police in the raid.", (None, 0)),
    # gangs, members of a group, shelling by a force, a state's military
    ("Gunmen from the Blue Heron gang seized six traders on the coast road.", ("Blue Heron", 1)),
    ("The raid recalled the seizure of 12 pilgrims by the 300 Lakou gang in 2019.", "300 Lakou"),
    ("Fighters of the Northern Liberation Front burned a market on Friday.", "Northern Liberation Front"),
    ("Shelling by the paramilitary Coastal Defence Forces hit a school on Monday.", "Coastal Defence Forces"),
    ("Fighters from the Tigray region were seen near the town.", (None, 0)),
    ("Kestria's military said on Friday it had carried out the strike.", ("Kestria military", 3)),
])
def test_the_group_a_sentence_names(sentence, expected):
    found = find_perpetrator(sentence)
    assert (found if isinstance(expected, tuple) else found[0]) == expected


def test_its_fighters_refers_to_the_group_named_before():
    text = ("Warning\n\nKARACHI — Police in Karachi warned of attacks on Tuesday.\n\n"
            "The Red Hand Front, a militant group based in the mountains, has threatened the city. "
            "Its fighters stormed a hotel in Karachi in January 2019, killing 21 people.")
    [inc] = find_incidents(text, mentions_for(text), "2024-12-10")
    assert (inc["date"], inc["killed"], inc["perpetrator"]) == ("2019-01", 21, "Red Hand Front")


def test_a_group_also_behind_a_later_attack_did_the_first_one_too():
    text = ("Verdict\n\nKARACHI — A court in Karachi on Monday jailed four men for the bombs that killed 30 people in the "
            "city on 13 May 2008.\n\n"
            "Prosecutors said the attacks had been organised by the Red Hand Front, a group that police say was also "
            "behind bombings in Quetta two months later, in which 20 people died.")
    found = find_incidents(text, mentions_for(text), "2019-12-20")
    assert [(f["date"], f["killed"], f["perpetrator"]) for f in found] == [
        ("2008-05-13", 30, "Red Hand Front"), ("2008-07", 20, "Red Hand Front")]


def test_the_army_blaming_a_group_for_both_attacks_names_it_for_both():
    text = ("Attacks\n\nKARACHI, May 5 — Shelling by the Coastal Defence Forces hit a market in Karachi on Saturday, "
            "killing 12 people.\n\nOn Sunday, a drone struck a clinic in Quetta, killing four patients. "
            "The army blamed the CDF for both attacks.")
    found = find_incidents(text, mentions_for(text), "2024-05-05")
    assert len(found) == 2
    assert [i["perpetrator"] for i in found] == ["Coastal Defence Forces", "Coastal Defence Forces"]


@pytest.mark.parametrize("sentence, expected", [
    ("No group claimed the attack; officials blamed the Taliban.", ("Taliban", 2)),
    ("No group claimed responsibility, although authorities attributed the attack to Lashkar-e-Jhangvi.",
     ("Lashkar-e-Jhangvi", 2)),
    ("The district police command attributed the bombing to Boko Haram.", ("Boko Haram", 2)),
    ("Army officers blamed fighters of the Allied Democratic Forces for the raid.", ("Allied Democratic Forces", 2)),
    ("The officer blamed Islamic State sleeper cells, which remain active.", ("Islamic State", 2)),
    ("That ambush was also claimed by al-Shabaab.", ("al-Shabaab", 3)),
    ("Neither group claimed the attack and nobody was blamed.", (None, 0)),
])
def test_a_group_named_after_a_hedge_or_a_negation_is_kept(sentence, expected):
    assert find_perpetrator(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("In May, ISWAP fighters killed 12 fishermen on the lake.", ("ISWAP", 1)),
    ("Suspected Boko Haram gunmen stormed the village at dawn.", ("Boko Haram", 1)),
    ("Somali militants attacked a police post.", (None, 0)),
    ("Its fighters stormed the hotel.", (None, 0)),
    ("The rebel spokesman denied the accusation and blamed Russian mercenaries.", (None, 0)),
])
def test_a_named_groups_members_did_the_deed_but_a_nationality_is_no_group(sentence, expected):
    assert find_perpetrator(sentence) == expected


@pytest.mark.parametrize("sentence, group", [
    ("The Al-Qaeda-linked Group for the Support of Islam and Muslims said in a message on Wednesday that its "
     "fighters had carried out the killings.", "Group for the Support of Islam and Muslims"),
    ("Ansar Dine said in a statement posted online that it was behind the ambush.", "Ansar Dine"),
    ("The Iran-backed Kataib Hezbollah claimed the attack.", "Kataib Hezbollah"),
])
def test_a_claim_told_through_a_statement_names_the_group_without_its_patron(sentence, group):
    assert find_perpetrator(sentence)[0] == group


def test_a_claim_with_the_statements_own_date_is_no_second_incident():
    text = ("NAIROBI, March 4 — Four soldiers died when a bomb hit their truck near Mandera on Monday, officials said.\n\n"
            "Al-Shabaab claimed the attack in a statement on Tuesday, saying its fighters had planted the bomb.")
    found = find_incidents(text, mentions_for(text), "2025-03-04")
    assert len(found) == 1 and found[0]["perpetrator"] == "Al-Shabaab" and found[0]["date"] == "2025-03-03"
