"""Perpetrators named with a hedge ("suspected members of", "believed to be", "police said they suspected"), or as the
agent's group ("by a Red Hand Front member"); and the groups a sentence names that did not do it (the victims' party
or unit, a town the gunmen came from)."""
import pytest

from lib.extract.incidents import find_incidents, find_perpetrator
from tests.extract.incident_cases import mentions_for


@pytest.mark.parametrize("sentence, group", [
    # "suspected members of X", with or without "the"
    ("Army sources said the raiders were suspected members of the Red Hand Front.", "Red Hand Front"),
    ("The convoy was hit by suspected fighters of Jamaat Ansar al-Sahil wal-Jihad, a local official said.",
     "Jamaat Ansar al-Sahil wal-Jihad"),
    # "believed to be X", "believed to be X fighters"
    ("The attackers, believed to be fighters of the Northern Liberation Front, came at dawn.", "Northern Liberation Front"),
    ("Gunmen believed to be Ansar Qamar militants burned the market.", "Ansar Qamar"),
    # the authorities say they suspect a group
    ("Police said they suspected the Coastal Liberation Army, which has attacked officials before.", "Coastal Liberation Army"),
    ("The governor said he suspected the Red Hand Front.", "Red Hand Front"),
    # a group as the subject of suspicion
    ("The Red Hand Front was suspected.", "Red Hand Front"),
    ("Ansar Qamar in Ruritania was suspected of the bombing.", "Ansar Qamar in Ruritania"),
    # "suspected X gunmen" with the deed
    ("Suspected Ansar Qamar gunmen stopped a minibus on the coast road and shot two passengers.", "Ansar Qamar"),
    # the agent's group
    ("The truck bomb was driven by an RHF member, prosecutors said.", "RHF"),
    ("A car bomb driven by a member of the Red Hand Front killed nine cadets.", "Red Hand Front"),
    # a named group with a parenthesised acronym as the subject of the deed, after a time phrase
    ("On Sunday, the Northern Liberation Army (NLA) bombed the pipeline near the border.", "Northern Liberation Army"),
])
def test_a_hedged_or_agent_group_is_the_perpetrator(sentence, group):
    assert find_perpetrator(sentence)[0] == group


@pytest.mark.parametrize("sentence", [
    # the victims' party or unit
    "Gunmen shot dead three members of the Awami Unity Party outside their office.",
    "Militants ambushed fighters of the Popular Defence Forces near the bridge.",
    "A bomb killed two members of the Coastal Liberation Army's rival faction, the Unity Front.",
    # a town or a region, not a group
    "The attackers were believed to be from Ruritania.",
    "The gunmen were believed to be from the Hawija area.",
    # people merely suspected of something, or a state's forces
    "The suspected gunman was killed hours later by county deputies, the sheriff said.",
    "On Sunday, the Ruritanian army attacked a camp near the border.",
])
def test_no_group_of_victims_places_or_bystanders(sentence):
    assert find_perpetrator(sentence)[0] is None


def test_a_hedged_group_in_a_later_sentence_is_the_lead_incidents_perpetrator():
    text = ("Raid\n\nQUETTA — Gunmen killed four guards at a checkpoint near Quetta on Monday, officials said. "
            "Police said they suspected the Coastal Liberation Army.")
    [inc] = find_incidents(text, mentions_for(text), "2025-05-06")
    assert (inc["killed"], inc["perpetrator"]) == (4, "Coastal Liberation Army")


def test_after_a_comparison_with_an_earlier_attack_the_story_goes_on_with_its_own():
    text = ("Raid\n\nQUETTA — Gunmen killed six guards at a post near Quetta on Sunday, the ministry said.\n\n"
            "It was the worst attack in the area since May 2020, when gunmen killed 40 people near Quetta.\n\n"
            "Troops killed nine of the assailants. Four guards were wounded. Police said they suspected the Red Hand "
            "Front.")
    lead, earlier = find_incidents(text, mentions_for(text), "2025-05-05")
    assert (lead["killed"], lead["injured"], lead["attackers_killed"], lead["perpetrator"]) == (6, 4, 9, "Red Hand Front")
    assert (earlier["date"], earlier["killed"], earlier["injured"], earlier["perpetrator"]) == ("2020-05", 40, None, None)
