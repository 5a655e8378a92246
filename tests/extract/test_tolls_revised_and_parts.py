"""Tolls revised after a first account, victims counted in parts ("a judge and his bodyguard"), and wounds told
with other verbs ("stabbed", "grazed")."""
import pytest

from lib.extract.incidents import find_incidents, find_tolls
from tests.extract.incident_cases import mentions_for


@pytest.mark.parametrize("clause, killed", [
    # one victim and the one beside him, as the object of the verb
    ("Gunmen shot dead a district judge and his bodyguard outside the court in Quetta.", 2),
    ("Gunmen shot dead a shopkeeper and his nephew on Monday.", 2),
    # one and those of that one, as the object and as the subject
    ("A rocket killed a farmer and her three sons in their field.", 4),
    ("A judge and his bodyguard were shot dead outside the court.", 2),
    ("A teacher and her two daughters were killed when the shell hit their house.", 3),
    # parts added, the list closed by a place or by the verb of wounding
    ("The bomb killed two guards and a street cleaner in Karachi on Monday.", 3),
    ("The bomb killed three guards and a driver and wounded 14 people, police said.", 4),
    # plural possessions are not counted as one more
    ("Gunmen shot dead a trader and his sons near the market.", 1),
])
def test_the_parts_of_a_toll_add_up(clause, killed):
    assert find_tolls(clause)["killed"] == killed


@pytest.mark.parametrize("clause, killed, injured", [
    ("Early reports said one guard was killed; police later said three guards had died.", 3, None),
    ("Initial reports said two soldiers died; the army later confirmed five dead and four injured.", 5, 4),
    ("Officials initially said one worker was killed, but later said four workers were killed.", 4, None),
    # a first account without a revision keeps its figure, and "later" about another deed changes nothing
    ("Initially, gunmen killed two guards; later they burned the school.", 2, None),
])
def test_a_revision_in_the_same_sentence_replaces_the_first_figure(clause, killed, injured):
    found = find_tolls(clause)
    assert (found["killed"], found["injured"]) == (killed, injured)


@pytest.mark.parametrize("follow_up, killed", [
    ("Officials later said three guards had died.", 3),
    ("The interior ministry later raised the death toll to five.", 5),
    ("By Wednesday the toll had risen to 9.", 9),
    ("The toll was later lowered to one.", 1),
])
def test_a_revision_in_a_later_sentence_replaces_the_first_figure(follow_up, killed):
    text = f"Bombing\n\nQUETTA — A bomb killed two guards at a checkpoint in Quetta on Monday. {follow_up}"
    [inc] = find_incidents(text, mentions_for(text), "2025-05-06")
    assert inc["killed"] == killed


def test_a_later_figure_without_a_revision_word_does_not_replace_the_first():
    text = ("Bombing\n\nQUETTA — A bomb killed four guards at a checkpoint in Quetta on Monday. "
            "Two guards were among the dead, a spokesman said.")
    [inc] = find_incidents(text, mentions_for(text), "2025-05-06")
    assert inc["killed"] == 4


@pytest.mark.parametrize("clause, killed, injured", [
    ("Two men were stabbed near the station on Saturday night.", None, 2),
    ("A bouncer was grazed by a bullet.", None, 1),
    ("A man was stabbed to death in the park.", 1, None),
    ("Three people were slashed with a knife at the bus stop.", None, 3),
])
def test_stabbed_and_grazed_are_wounds_unless_to_death(clause, killed, injured):
    found = find_tolls(clause)
    assert (found["killed"], found["injured"]) == (killed, injured)


def test_injuries_in_a_later_sentence_of_the_same_incident_are_its_own():
    text = ("Raid\n\nQUETTA — Gunmen killed six guards at a post near Quetta on Sunday, officials said.\n\n"
            "Troops fought back, officials said. Five guards were wounded and were taken to Karachi.")
    [inc] = find_incidents(text, mentions_for(text), "2025-05-05")
    assert (inc["killed"], inc["injured"]) == (6, 5)


@pytest.mark.parametrize("later, killed", [
    ("Both were taken to hospital. One has since been discharged; the other remains in a stable condition.", 0),
    ("Their injuries are not thought to be life-threatening, police said.", 0),
    ("Both were taken to hospital.", None),
    ("Both were taken to hospital, where one later died.", 1),
])
def test_wounded_said_to_be_alive_mean_nobody_was_killed(later, killed):
    text = f"Stabbing\n\nQUETTA — Two men were stabbed outside a cafe in Quetta on Saturday night, police said.\n\n{later}"
    [inc] = find_incidents(text, mentions_for(text), "2025-06-10")
    assert (inc["killed"], inc["injured"]) == (killed, 2)


def test_wounded_in_a_stable_condition_in_the_same_clause_mean_nobody_was_killed():
    assert find_tolls("Three guards were wounded and are in a stable condition.")["killed"] == 0
    assert find_tolls("Three guards were wounded, one critically.")["killed"] is None


@pytest.mark.parametrize("clause, killed, injured", [
    # one wounded person told as the subject: by a possessive, by name, as "another", in a relative clause
    ("The judge's driver, who was with him, was wounded in the arm and taken to hospital.", None, 1),
    ("Omar Farooq, a shopkeeper who tried to help, was shot in the leg.", None, 1),
    ("A 22-year-old man was stabbed to death and another man was hurt in the fight.", 1, 1),
    ("Raiders boarded the tanker, and a sailor who was injured was flown to the mainland.", None, 1),
    # one named by a definite noun, then a count
    ("Gunmen ambushed a minibus, wounding the driver and three passengers, officials said.", None, 4),
    # a victim's name set off by commas before "and his driver"
    ("A bomb killed a deputy governor, Ahmad Wali, and his driver as they drove to work.", 2, None),
    ("Gunmen killed a trader, Ali Khan, and wounded two others.", 1, 2),
])
def test_one_victim_and_the_ones_beside_them_are_counted(clause, killed, injured):
    found = find_tolls(clause)
    assert (found["killed"], found["injured"]) == (killed, injured)


def test_a_wounded_bystander_in_a_later_sentence_is_the_incidents_injured():
    text = ("Killing\n\nQUETTA — Gunmen shot dead a tribal elder outside his home in Quetta on Friday, police said. "
            "The elder's nephew, who was with him, was wounded in the arm.")
    [inc] = find_incidents(text, mentions_for(text), "2025-06-10")
    assert (inc["killed"], inc["injured"]) == (1, 1)
