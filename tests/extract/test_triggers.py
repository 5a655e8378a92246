"""Triggers: the words that make a clause an incident and give its type, and the statements that are none."""
import re

import pytest

from lib.extract import rules
from lib.extract.incidents import find_incidents
from lib.extract.incidents.triggers import STEMS, TYPE_PRIORITY, TYPES, find_triggers, type_of
from tests.extract.incident_cases import mentions_for

TRIGGER_ROWS = rules.table("incident_triggers")


@pytest.mark.parametrize("row", TRIGGER_ROWS, ids=lambda row: row["example"])
def test_every_trigger_row_matches_its_example_at_one_of_its_stems(row):
    m = re.search(r"\b(?:" + row["pattern"] + r")", row["example"], re.I)
    assert m, row
    found = m.group(0).lower()
    assert any(re.search(r"(?<!\w)" + re.escape(stem), found) for stem in row["stems"].split("|")), row
    assert row["type"] in {kind for _, _, kind, _ in find_triggers(row["example"])}


def test_every_trigger_type_has_a_priority_and_every_reported_type_is_listed():
    assert {row["type"] for row in TRIGGER_ROWS} <= set(TYPE_PRIORITY)
    assert {type_of([(0, 1, kind, 2)])[0] for kind in TYPE_PRIORITY} <= set(TYPES)
    assert set(STEMS) == {stem for row in TRIGGER_ROWS for stem in row["stems"].split("|")}


@pytest.mark.parametrize("kinds, expected", [
    (["bombing", "suicide_bombing"], "suicide_bombing"),
    (["armed_attack", "kidnapping"], "kidnapping"),
    (["vehicle"], "other"),
    (["vehicle", "bombing"], "bombing"),
    (["operation", "armed_attack"], "other"),
])
def test_the_most_specific_of_the_strongest_triggers_gives_the_type(kinds, expected):
    assert type_of([(0, 1, kind, 2) for kind in kinds] + [(0, 1, "hijacking", 1)]) == (expected, 2)


@pytest.mark.parametrize("text, published, expected", [
    ("A two-hour gun battle between troops and gunmen in Karachi ended with nine dead on Saturday.", "2024-06-16",
     {"type": "armed_attack"}),
    ("Insurgents ambushed an army convoy near Quetta on Sunday, killing 11 soldiers.", "2024-06-18",
     {"type": "armed_attack", "killed": 11, "date": "2024-06-16"}),
    ("Strike\n\nKABUL, May 8 — The army said on Friday it had carried out an air strike a day earlier on a "
     "village near Kabul, where elders said at least 40 people, including six children, were killed.\n\n"
     "It was the deadliest raid since the army took control of the area in March 2019.", "2020-05-08",
     {"type": "bombing", "date": "2020-05-07", "date_precision": "day", "killed": 40}),
    ("Shelling\n\nShelling hit a bus station in Quetta on Monday, killing 9 people, medics said.", "2024-06-12",
     {"type": "bombing", "killed": 9}),
    # the weapons an attacker is armed with are not the event's type
    ("Raid\n\nQUETTA — Militants armed with rifles and rocket-propelled grenades stormed a checkpoint in Quetta "
     "on Monday, killing five guards.", "2024-06-03", {"type": "armed_attack", "killed": 5}),
    ("Blast\n\nQUETTA — A grenade thrown by men armed with pistols exploded at a market in Quetta on Monday.",
     "2024-06-03", {"type": "bombing"}),
    ("A carefully planned bomb attack killed 12 people at a market in Karachi on Monday.", "2024-06-14", {"killed": 12}),
    # seizing a ship is a hijacking; the generic hijackings and kidnappings after it are no incidents
    ("Pirates\n\nKARACHI — Pirates boarded and seized the Panama-flagged tanker Blue Heron off Karachi on "
     "Sunday, officials said.\n\nThe gunmen steered it to a coast where hijacked ships were held in 2010. "
     "Kidnappings of crew off Karachi peaked in 2012.", "2024-06-10", {"type": "hijacking", "date": "2024-06-09"}),
    # the Kelvin sign (U+212A) matches 'k' when case is ignored, and lowers to it: it does not hide a trigger
    ("\u212Aidnappers seized two engineers in Quetta on Sunday.", "2024-03-04",
     {"type": "kidnapping", "date": "2024-03-03", "place_surface": "Quetta"}),
    # the second sentence may still state the event
    ("Clash in Karachi\n\nKARACHI — Police said the area had been sealed off. "
     "Gunmen opened fire on a patrol in Karachi.", "2024-06-14", {"type": "armed_attack"}),
])
def test_the_one_incident_a_text_reports(text, published, expected):
    [inc] = find_incidents(text, mentions_for(text), published)
    assert {key: inc[key] for key in expected} == expected


@pytest.mark.parametrize("sentence", [
    "Militants who target Chinese nationals seek to undermine Pakistan-China relations, spread terrorism and achieve financial gains.",
    "Beijing has been pushing Pakistan to allow its own security staff to protect Chinese citizens, frustrated by the string of attacks on its citizens.",
    "Pakistan and China reiterated that any attempt to undermine or disrupt their ties was bound to fail.",
    "Security at religious gatherings is expected to be tightened amid fears that militants could strike again.",
    "The institute counted more than 785 militant attacks across the country in the first ten months of 2024.",
    "Kabul has been hit by scores of bombings and shootings in recent months, many of them claimed by the Islamic State group.",
    "A senior administrator acknowledged that suicide bombings are very hard to stop.",
])
def test_general_hypothetical_and_statistical_statements_are_not_incidents(sentence):
    text = "Title of a story\n\nISLAMABAD — Officials met on Monday.\n\n" + sentence
    assert find_incidents(text, mentions_for(text), "2024-11-09") == []


@pytest.mark.parametrize("text, published", [
    # planned and foiled attacks
    ("Police arrested five men in Karachi on Thursday on suspicion of planning a bomb attack on a shopping centre.",
     "2024-06-14"),
    ("Security services in Karachi said on Monday they had foiled a plot to attack a stadium.", "2024-06-14"),
    ("Officers in Karachi on Tuesday detained three people over an alleged bomb plot against a festival.", "2024-06-14"),
    # a warning of attacks, even with a date
    ("Police in Karachi warned of attacks on Tuesday and stepped up patrols.", "2024-12-10"),
    # "died", "carried", "into", "firework", "gunny" contain stems but no trigger word
    ("Officials said 40 people died of cholera last week. Aid workers carried supplies into the camp on Monday. "
     "A firework display and gunny sacks of rice marked the end of the outbreak.", "2024-05-02"),
    # a trigger deep in an article without a date or toll
    ("Ministers sign trade pact\n\nISLAMABAD — Pakistan and China signed a trade agreement on Friday.\n\n"
     "Officials said tariffs on textiles would fall next year.\n\n"
     "One minister called the deal a blast of fresh air for exporters in Karachi.", "2024-06-14"),
])
def test_statements_that_report_no_event_are_no_incidents(text, published):
    assert find_incidents(text, mentions_for(text), published) == []


@pytest.mark.parametrize("clause, expected", [
    ("Assailants set fire to a girls' school during the night", "other"),
    ("insurgents torched three road-building vehicles", "other"),
    ("Militants blew up a mobile telephone tower", "bombing"),
    ("attackers blew up a section of the gas pipeline", "bombing"),
    ("the bomber blew himself up at the gate", "suicide_bombing"),
    ("militants executed a village chief in front of residents", "armed_attack"),
    ("fighters beheaded two farmers", "armed_attack"),
    ("the bodies of the men were mutilated", "armed_attack"),
    ("the convicted man was executed in 2010", None),
    ("badly mutilated remains were counted twice", None),
    ("he was charged with arson", None),
])
def test_arson_facility_attacks_executions_and_beheadings_have_a_type(clause, expected):
    assert type_of(find_triggers(clause))[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("3/4/2014: Assailants set fire to a school in Peshawar. No casualties were reported.", ("other", 0)),
    ("2014-05-02: Militants blew up a telecommunications tower in Quetta.", ("bombing", None)),
    ("On 6 June 2014, militants executed two teachers in Peshawar.", ("armed_attack", 2)),
])
def test_attacks_on_facilities_and_executions_are_incidents(text, expected):
    [inc] = find_incidents(text, mentions_for(text), None)
    assert (inc["type"], inc["killed"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("On 3 May 2014, gunmen shot dead Abdul Karim, a tribal elder, near his home in Peshawar.", "assassination"),
    ("On 3 May 2014, gunmen killed Mayor Juan Cruz in his office in Quetta.", "assassination"),
    ("On 3 May 2014, Rahim Gul, the deputy district chief, was shot dead in Quetta.", "assassination"),
    ("On 3 May 2014, gunmen shot dead Abdul Karim near his home in Peshawar.", "armed_attack"),
    ("On 3 May 2014, gunmen shot dead two policemen in Peshawar.", "armed_attack"),
])
def test_the_targeted_killing_of_a_named_official_is_an_assassination(text, expected):
    [inc] = find_incidents(text, mentions_for(text), None)
    assert inc["type"] == expected


@pytest.mark.parametrize("clause", [
    "A fire that gutted an Irish pub early Saturday was set deliberately, fire officials said",
    "Someone deliberately set the fire in the hallway of the mosque",
    "a fire set in a dumpster behind a bakery",
    "the clinic was firebombed overnight",
    "youths threw a Molotov cocktail at the police station",
])
def test_arson_told_without_set_fire_to_is_an_incident(clause):
    assert type_of(find_triggers(clause))[0] == "other"


def test_shots_fired_into_a_house_is_an_armed_attack():
    assert type_of(find_triggers("shots were fired into an empty house on 20th Street"))[0] \
        == "armed_attack"


@pytest.mark.parametrize("clause", [
    "someone fired several shots into a house on Elm Road",
    "gunmen fired at least ten rounds at the police post",
    "a man fired shots through the window of the shop",
])
def test_firing_shots_at_a_place_is_an_armed_attack(clause):
    assert type_of(find_triggers(clause)) == ("armed_attack", 2)


@pytest.mark.parametrize("clause", [
    "a car bomb driven by a militant killed nine cadets",
    "a truck packed with explosives was driven into the gate of the base",
])
def test_a_vehicle_bomb_its_driver_takes_to_the_target_is_a_suicide_bombing(clause):
    assert type_of(find_triggers(clause)) == ("suicide_bombing", 2)


def test_a_parked_car_bomb_is_a_bombing():
    assert type_of(find_triggers("a car bomb parked outside the market exploded"))[0] == "bombing"


def test_the_alternation_of_only_the_rows_whose_stems_a_clause_holds_finds_what_the_whole_one_finds():
    from lib.extract.incidents import triggers

    examples = [row["example"] for row in TRIGGER_ROWS]
    clauses = examples + [" and then ".join(examples[k:k + 3]) for k in range(0, len(examples), 2)]
    for clause in clauses:
        stems = triggers.stems_in(clause.lower())
        for group, (_, whole, _, needs) in enumerate(triggers.TRIGGER_PATTERNS):
            if stems.isdisjoint(needs):
                continue
            narrowed = triggers._narrowed(group, stems)
            assert [m.span() for m in narrowed.finditer(clause)] == [m.span() for m in whole.finditer(clause)], clause
