"""Types and the events that stand as incidents: targeted killings of an office's holder, shots fired or a facility
attacked with nobody hurt (0 only when the text says so, else unknown), one victim as the subject of a clause of
its own."""
import pytest

from lib.extract.incidents import find_incidents, find_tolls
from tests.extract.incident_cases import mentions_for

PUB = "2025-06-10"


def incidents(text):
    return find_incidents(text, mentions_for(text), PUB)


@pytest.mark.parametrize("lead, expected", [
    ("Gunmen shot dead a senior police officer and his guard in Quetta on Monday.", ("assassination", 2)),
    ("Militants beheaded a village elder in Quetta on Monday.", ("assassination", 1)),
    ("Gunmen on a motorcycle shot dead the deputy mayor of Quetta on Monday.", ("assassination", 1)),
    ("Gunmen shot dead Ali Noor, a member of parliament, in Quetta on Monday.", ("assassination", 1)),
    # not an office, an office word that is not the head noun, many dead, or a bomb
    ("Gunmen shot dead a security guard in Quetta on Monday.", ("armed_attack", 1)),
    ("Gunmen shot dead a head teacher in Quetta on Monday.", ("armed_attack", 1)),
    ("Gunmen killed a village elder and five farmers in Quetta on Monday.", ("armed_attack", 6)),
    ("A bomb killed a village elder in Quetta on Monday.", ("bombing", 1)),
    # the office holder as the subject of the passive
    ("A district councillor was shot dead at the gate of his house in Quetta on Monday.", ("assassination", 1)),
    ("The deputy mayor was gunned down outside a mosque in Quetta on Monday.", ("assassination", 1)),
    ("A tribal elder, who had refused to pay, was shot dead in Quetta on Monday.", ("assassination", 1)),
    ("A security guard was shot dead in Quetta on Monday.", ("armed_attack", 1)),
    ("A village elder was killed when a bomb went off in Quetta on Monday.", ("bombing", 1)),
])
def test_the_targeted_killing_of_an_offices_holder_is_an_assassination(lead, expected):
    [inc] = incidents(f"Killing\n\nQUETTA — {lead}")
    assert (inc["type"], inc["killed"]) == expected


def test_shots_fired_into_a_house_are_an_incident_of_their_own_with_unknown_tolls():
    text = ("Shooting\n\nQUETTA — A man was shot dead at a petrol station in Quetta on Saturday, police said.\n\n"
            "Two days later, someone fired several shots into a house in Karachi.")
    first, shots = incidents(text)
    assert (first["killed"], first["date"]) == (1, "2025-06-07")
    assert (shots["type"], shots["date"], shots["name"]) == ("armed_attack", "2025-06-09", "Karachi")
    assert (shots["killed"], shots["injured"]) == (None, None)


@pytest.mark.parametrize("after, figures", [
    ("No one was hurt.", (0, 0)),
    ("Nobody was injured, police said.", (0, 0)),  # nobody harmed: nobody killed either
    ("Police are investigating.", (None, None)),
])
def test_an_attack_on_a_facility_is_an_incident_and_zero_only_when_said(after, figures):
    text = f"Attack\n\nQUETTA — Militants attacked a gas plant in Quetta on Monday night, police said. {after}"
    [inc] = incidents(text)
    assert inc["type"] == "armed_attack" and (inc["killed"], inc["injured"]) == figures


@pytest.mark.parametrize("clause, killed, injured", [
    ("QUETTA — A man was shot dead at a petrol station in Quetta on Saturday, police said.", 1, None),
    ("The stabbing comes three months after a 17-year-old boy was stabbed to death nearby.", 1, None),
    ("He fled when a guard was wounded.", None, 1),
])
def test_one_victim_opening_a_clause_of_its_own_counts_one(clause, killed, injured):
    found = find_tolls(clause)
    assert (found["killed"], found["injured"]) == (killed, injured)


def test_an_arson_linked_to_another_is_an_incident_of_its_own_and_to_before_an_article_is_no_modal():
    text = ("Fire\n\nQUETTA — A man set fire to a restaurant in Quetta on Tuesday, police said. No one was injured in "
            "the blaze.\n\nInvestigators are also looking at whether the man is connected to a fire set in a dumpster "
            "behind a bakery in Karachi on Sept. 14. No one was hurt in that fire.")
    first, second = incidents(text)
    assert (first["type"], first["date"], first["killed"], first["injured"]) == ("other", "2025-06-10", 0, 0)
    assert (second["type"], second["date"], second["name"], second["killed"]) == ("other", "2024-09-14", "Karachi", 0)


def test_plans_to_attack_stay_hypothetical():
    assert incidents("Plot\n\nQUETTA — Police said the men planned to attack a school in Quetta.") == []


def test_a_killing_with_an_arson_is_an_armed_attack_and_an_arson_alone_stays_other():
    both = incidents("Raid\n\nQUETTA — Militants executed two teachers and then set fire to the school in Quetta on "
                     "Monday, officials said.")
    alone = incidents("Fire\n\nQUETTA — Militants set fire to a school in Quetta on Monday, officials said.")
    assert (both[0]["type"], both[0]["killed"]) == ("armed_attack", 2)
    assert alone[0]["type"] == "other"


def test_victims_at_a_site_of_no_one_country_are_the_storys_country_but_not_a_ships_crew():
    lake = {"start": 0, "end": 0, "surface": "Lake Chad", "name": "Lake Chad", "kind": "other", "country_code": None,
            "lat": 13.3, "lon": 14.1, "place_id": "test:lake"}
    text = ("Attack\n\nQUETTA, Pakistan — Gunmen killed six guards in Quetta on Monday.\n\n"
            "In January, gunmen killed 20 farmers near Lake Chad.\n\n"
            "In March, pirates hijacked a cargo ship near Lake Chad.")
    mentions = mentions_for(text)
    for start in (text.index("Lake Chad"), text.rindex("Lake Chad")):
        mentions.append(dict(lake, start=start, end=start + len("Lake Chad")))
    found = find_incidents(text, sorted(mentions, key=lambda m: m["start"]), PUB)
    farmers = next(f for f in found if f["killed"] == 20)
    ship = next(f for f in found if f["type"] == "hijacking")
    assert farmers["victim_nationality"] == ["PK"] and ship["victim_nationality"] == []
