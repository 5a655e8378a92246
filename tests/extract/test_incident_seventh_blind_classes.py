"""Classes seen in the seventh blind set's first run, in invented text: the number before an active verb of
killing counts the killers, not the killed."""
import pytest

from tests.extract.incident_cases import extracted_incidents, lead_incident

PUB = "2024-02-01"


def _lead(text):
    return lead_incident(text, PUB)


@pytest.mark.parametrize("text, killed", [
    ("Two men on a motorcycle shot dead a village chief in Marawi on Monday.", 1),
    ("Three men shot dead a baker in Kano late on Friday.", 1),
    ("Two men riding pillion shot dead Ahmed Saleh, a trader, in Quetta.", 1),
    ("Four men with rifles shot dead a guard at a warehouse in Juba.", 1),
])
def test_the_figure_of_an_active_verbs_subject_is_the_killers(text, killed):
    assert _lead(text)["killed"] == killed


@pytest.mark.parametrize("text, killed", [
    ("Two men shot dead in Kano on Monday night.", 2),
    ("Two soldiers killed Tuesday in an ambush near Gao.", 2),
    ("Three traders were shot dead a day after the market reopened in Bama.", 3),
    ("Five people killed In a blast at a market in Kano.", 5),
])
def test_a_headlines_passive_still_counts_its_dead(text, killed):
    assert _lead(text)["killed"] == killed


@pytest.mark.parametrize("text", [
    "Gunmen shot dead Tomas Reyes, head of the town's water board, outside his office in Iloilo.",
    "Gunmen shot dead Maria Santos, 52, outside her shop in Cebu.",
    "Radio presenter Jun Dela Cruz was shot dead by a gunman near the market in Tacloban.",
    "Village chairman Abdul Rahim was shot dead by two men on a motorbike in Sylhet.",
    "The local councillor Ali Musa was shot dead at his gate in Kano.",
])
def test_one_named_victim_with_the_words_for_them_before_or_after_the_name_is_one_killed(text):
    assert _lead(text)["killed"] == 1


@pytest.mark.parametrize("sentence, group", [
    ("A police spokesman said the blast \"bears the signature\" of Boko Haram fighters in the area.", "Boko Haram"),
    ("Investigators said the attack bore the fingerprints of the Taliban.", "Taliban"),
    ("The ambush had the stamp of Al-Shabaab, a security official said.", "Al-Shabaab"),
])
def test_a_group_named_by_the_deeds_signature_or_fingerprints_is_the_hedged_perpetrator(sentence, group):
    from lib.extract.incidents.perpetrators import hedged_perpetrator
    assert hedged_perpetrator(sentence) == group


def test_a_signature_on_a_document_names_no_perpetrator():
    from lib.extract.incidents.perpetrators import hedged_perpetrator
    assert hedged_perpetrator("The order bears the signature of the district governor.") is None


@pytest.mark.parametrize("text", [
    "Gunmen seized an Italian engineer from a road camp near Sirte on Tuesday.",
    "Armed men seized an off-duty soldier at a bus stop in Maiduguri.",
    "Militants stopped a ferry near Sittwe and took away four men.",
])
def test_one_person_seized_or_people_taken_away_is_a_kidnapping(text):
    assert _lead(text)["type"] == "kidnapping"


@pytest.mark.parametrize("text", ["Police seized a truck loaded with arms in Kano.",
                                  "Customs officers seized a traveller's luggage in Lagos.",
                                  "Troops seized a rebel camp near Gao."])
def test_things_seized_are_no_kidnapping(text):
    assert "kidnapping" not in [i["type"] for i in extracted_incidents(text, PUB)]


@pytest.mark.parametrize("text, kind", [
    ("A shopkeeper was killed by two men on a motorbike in Sylhet on Monday.", "armed_attack"),
    ("A teacher was killed by suspected militants near Bannu.", "armed_attack"),
    ("The ward chairman Musa Bello was murdered by unknown men at his gate in Kano.", "assassination"),
])
def test_a_killing_told_by_its_agents_is_an_incident(text, kind):
    found = _lead(text)
    assert (found["type"], found["killed"]) == (kind, 1)


@pytest.mark.parametrize("text", ["A farmer was killed by a falling tree near Jos.", "A boy was killed by a car in Kano.",
                                  "Ten militants were killed by troops near Gao."])
def test_deaths_by_accident_or_by_troops_are_no_attack_by_agents(text):
    assert "armed_attack" not in [i["type"] for i in extracted_incidents(text, PUB)]


@pytest.mark.parametrize("sentence, group", [
    ("The navy blamed the Oliver Sinisterra Front, a group of former FARC rebels.", "Oliver Sinisterra Front"),
    ("Nigeria's security forces blamed Boko Haram for the raid.", "Boko Haram"),
    ("The air force blamed the Houthis.", "Houthis"),
])
def test_a_states_navy_air_force_or_security_forces_blaming_a_group_name_it(sentence, group):
    from lib.extract.incidents import find_perpetrator
    assert find_perpetrator(sentence)[0] == group


@pytest.mark.parametrize("sentence", ["Police said they did not blame the NPA for the killing.",
                                      "Officials have not yet blamed the ELN.",
                                      "The army would not say whether it suspected Al-Shabaab."])
def test_a_blame_denied_or_left_open_names_no_perpetrator(sentence):
    from lib.extract.incidents import find_perpetrator
    assert find_perpetrator(sentence)[0] is None


def test_a_blame_stated_beside_a_denial_by_the_group_still_names_it():
    from lib.extract.incidents import find_perpetrator
    assert find_perpetrator("Officials blamed the ELN, which did not comment.")[0] == "ELN"
