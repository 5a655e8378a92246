"""Invented sentences for the perpetrator classes the third blind set showed: a group named with a hedge ("probably
members of", "suspected members of the banned X"), believed responsible, signing leaflets or posters, and "the group"
that refers to the group named before."""

import pytest

from tests.extract.incident_cases import extracted_incidents, lead_incident

PUB = "2026-05-12"


def incidents(text, published=PUB):
    return extracted_incidents(text, published)


def lead(text, published=PUB):
    return lead_incident(text, published)


@pytest.mark.parametrize("text,group", [
    ("Gunmen killed four farmers near Djibo on Monday. An official said the attackers were probably members of "
     "Ansarul Islam, which is active in the area.", "Ansarul Islam"),
    ("In a separate incident, suspected members of the outlawed Kangleipak Communist Party shot dead a trader in "
     "Imphal on Friday.", "Kangleipak Communist Party"),
    ("A pipe bomb exploded under a van in Lurgan on Monday. Police said they believed the Continuity IRA was "
     "responsible.", "Continuity IRA"),
    ("Masked men set fire to three lorries at a depot near Angol on Monday. Pamphlets signed by the Resistencia "
     "Mapuche Lafkenche were left at the scene.", "Resistencia Mapuche Lafkenche"),
    ("Armed men burned two bulldozers at a dam site in Gumla on Tuesday. Posters left at the site in the name of the "
     "Tritiya Prastuti Committee told the firm to stop work.", "Tritiya Prastuti Committee"),
])
def test_a_hedged_or_signed_group_is_the_perpetrator(text, group):
    assert lead(text)["perpetrator"] == group


def test_the_group_refers_to_the_group_named_before():
    text = ("A car bomb killed six soldiers in Mogadishu on Monday. Al-Shabaab claimed the bombing. "
            "In March, a bomb planted by the group killed two farmers near Afgoye.")
    found = incidents(text)
    assert [i["perpetrator"] for i in found] == ["Al-Shabaab", "Al-Shabaab"]
