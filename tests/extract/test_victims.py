"""Victims' nationality: stated by demonym or country, presumed the site's, never the attackers'."""
import pytest

from lib.extract.incidents import find_incidents
from tests.extract.incident_cases import mentions_for


@pytest.mark.parametrize("text, expected, in_order", [
    # victims of no stated nationality are the site country's
    ("A bomb exploded at a bus stop in Peshawar on Monday, killing 14 people.", ["PK"], True),
    # nationals among the dead leave room for local victims
    ("Three Japanese engineers were among the dead when gunmen stormed a hotel in Karachi on Monday.", ["JP", "PK"], False),
    # a stated nationality for every victim adds no other
    ("Gunmen shot dead four Korean engineers in Karachi on Monday.", ["KR"], True),
    # a local toll and foreigners named later give both
    ("A bomb exploded at a market in Quetta on Monday, killing 12 people and wounding 30. "
     "Two Chinese citizens were among those killed, officials said.", ["CN", "PK"], False),
    # victims called foreign are not presumed the site country's
    ("Gunmen shot dead two foreign engineers in Karachi on Monday.", [], True),
    ("A bomb exploded outside a hotel in Karachi on Monday, wounding six foreigners.", [], True),
    # a foreign ministry does not make the victims foreign
    ("A suicide bomber killed nine people at a market in Peshawar on Monday, the foreign ministry said.", ["PK"], True),
])
def test_the_victims_nationality_of_the_first_incident(text, expected, in_order):
    found = find_incidents(text, mentions_for(text), "2024-05-07")
    assert found, text
    nationality = found[0]["victim_nationality"]
    assert (nationality if in_order else sorted(nationality)) == expected


@pytest.mark.parametrize("text, published, expected", [
    # attackers named by nationality are not victims
    ("A suicide attack carried out by an Indonesian couple killed 20 people at a church in Karachi on Sunday.",
     "2024-06-18", {"victim_nationality": ["PK"]}),
    ("Two Tunisian men who blew themselves up killed 12 people at a market in Karachi on Sunday.", "2024-06-18",
     {"victim_nationality": ["PK"]}),
    # foreign troops acting are not victims
    ("Raid\n\nQUETTA — Gunmen killed 12 villagers near Quetta in March 2021.\n\n"
     "Chinese troops deployed to the area in 2021 have pushed the gunmen back, but attacks have risen.", "2024-06-10",
     {"victim_nationality": ["PK"]}),
    # crew from listed countries, and a demonym attacker, are told apart
    ("Hijacking\n\nKARACHI, May 2 — Pirates seized a cargo ship off Karachi on Wednesday, the navy said.\n\n"
     "The ship's 17 crew members, from India and China, were unharmed, a spokesman said.", "2024-05-02",
     {"victim_nationality": ["IN", "CN"]}),
    ("Shooting\n\nKABUL — A Moroccan man shot dead three Swedish football fans in Kabul on Monday, police said.",
     "2024-05-07", {"victim_nationality": ["SE"], "killed": 3}),
])
def test_the_victims_nationality_of_the_one_incident(text, published, expected):
    [inc] = find_incidents(text, mentions_for(text), published)
    assert {key: inc[key] for key in expected} == expected


def test_hostages_are_the_victims_of_a_kidnapping():
    text = ("Mine attack\n\nBANGUI — Gunmen shot dead nine workers at a gold mine on Sunday.\n\n"
            "The attack came only days after gunmen abducted three Chinese nationals in the west of the country.")
    found = find_incidents(text, [], "2023-03-20")
    assert [f["type"] for f in found] == ["armed_attack", "kidnapping"]
    assert found[1]["victims"] == "three Chinese nationals" and found[1]["victim_nationality"] == ["CN"]
    assert (found[1]["date"], found[1]["date_precision"]) == ("2023-03", "month")
