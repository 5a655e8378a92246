"""Tolls: the dead and wounded of a clause, in digits or words, and how later sentences add to an incident's."""
import pytest

from lib.extract.incidents import find_incidents, find_tolls, parse_number
from tests.extract.incident_cases import mentions_for


@pytest.mark.parametrize("clause, killed, injured", [
    ("Fifty-two people were killed and about a hundred wounded on Friday", 52, 100),
    ("killing at least 26 people and wounding more than 60", 26, 60),
    ("a blast there wounded at least eleven people", None, 11),
    ("About a dozen soldiers were killed", 12, None),
    ("Close to 200 people were wounded in all", None, 200),
    ("Twenty-nine people were stabbed or hacked to death and more than 130 were injured", 29, 130),
    ("Five people were killed and twelve injured, most of them when the roof caved in", 5, 12),
    ("killed two Chinese engineers who were returning there to work", 2, None),
    ("The number of people killed in Sunday's suicide bombing has risen to 63", 63, None),
    ("dozens of Muslim worshippers were shot dead at two mosques", None, None),
])
def test_tolls_from_words_and_digits(clause, killed, injured):
    tolls = find_tolls(clause)
    assert (tolls["killed"], tolls["injured"]) == (killed, injured)


@pytest.mark.parametrize("clause, expected", [
    # attackers and partitives are not victims
    ("Taliban officials said all three attackers were killed", {"killed": None}),
    ("Police shot dead four of the attackers and detained a woman", {"killed": None}),
    ("123 of the injured were still being treated", {"injured": None}),
    ("Five Chinese nationals were among the wounded", {"injured": None}),
    # a negation gives zero casualties; "no one was hurt" is no count of one
    ("It fell into the water before exploding, and no casualties were reported.", {"killed": 0, "injured": 0}),
    ("No one was hurt in the blast.", {"killed": 0, "injured": 0}),
    ("No one was injured, police said.", {"injured": 0, "killed": None}),
    ("The 19 crew members were unharmed, the operator said.", {"killed": 0, "injured": 0}),
    # an article subject killed or wounded counts one, but not when it is not the clause's subject
    ("A driver who was travelling with them was killed in the ambush.", {"killed": 1}),
    ("A Pakistani guard was wounded.", {"injured": 1}),
    ("Police said a guard was wounded.", {"injured": None}),
    # men convicted for bombs that killed are not the dead
    ("A court jailed four men for the bombs that killed 30 people.", {"killed": 30}),
    # beheadings and executions are killings
    ("Militants beheaded at least nine villagers.", {"killed": 9}),
    ("Seven hostages were executed.", {"killed": 7}),
    # one named victim, and a listed extra victim, are counted
    ("a man stabbed shoppers, killing a 64-year-old man and injuring two others", {"killed": 1}),
    ("a shell hit the clinic, killing three guards and a cook, officials said.", {"killed": 4}),
    ("killing three people and wounding eight", {"killed": 3}),
])
def test_the_tolls_of_one_clause(clause, expected):
    tolls = find_tolls(clause)
    assert {key: tolls[key] for key in expected} == expected


def test_a_clause_without_a_victim_has_no_toll():
    assert find_tolls("A bomb was found under a car.") == find_tolls("")


@pytest.mark.parametrize("phrase, value", [("Fifty-two", 52), ("a dozen", 12), ("1,350", 1350), ("close to 200", 200),
                                          ("more than 130", 130), ("twenty one", 21), ("a hundred", 100), ("eleven", 11)])
def test_number_words(phrase, value):
    assert parse_number(phrase) == value


def test_negation_gives_zero_casualties():
    tolls = find_tolls("It fell into the water before exploding, and no casualties were reported.")
    assert (tolls["killed"], tolls["injured"]) == (0, 0)
    text = ("Bangkok blasts\n\nBANGKOK — A bomb exploded at a shrine on Monday, killing 20 people.\n\n"
            "On Tuesday afternoon, an explosive device was thrown from a bridge towards a pier. It fell into the water "
            "before exploding, and no casualties were reported.")
    found = find_incidents(text, [], "2015-08-18")
    assert len(found) == 2
    assert (found[1]["killed"], found[1]["injured"], found[1]["date"]) == (0, 0, "2015-08-18")


def test_a_sentence_without_a_trigger_still_adds_tolls_to_the_incident_before_it():
    text = ("KABUL — A bomb exploded outside a school in Kabul on Monday. "
            "Twelve people were killed and 30 were wounded, officials said.")
    found = find_incidents(text, mentions_for(text), "2024-05-07")
    assert len(found) == 1
    assert (found[0]["killed"], found[0]["injured"]) == (12, 30)


def test_a_conflicts_cumulative_toll_does_not_become_the_attacks():
    text = ("Raid in Quetta\n\nQUETTA — Gunmen raided a village near Quetta on Friday, officials said.\n\n"
            "The insurgency began in 2004 and has killed more than 7,000 people.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-10")
    assert inc["killed"] is None


def test_a_campaigns_total_is_not_the_toll_of_its_first_attack():
    text = ("Insurgency\n\nQUETTA, June 3 — Gunmen killed four guards at a checkpoint in Quetta on Sunday, police said.\n\n"
            "The revolt began in March 2015 with an attack on a police post in Karachi and has since killed more than "
            "3,000 people.")
    found = find_incidents(text, mentions_for(text), "2024-06-03")
    first = [i for i in found if (i["date"] or "").startswith("2015")]
    assert len(first) == 1 and first[0]["killed"] is None


def test_a_hostage_found_dead_adds_to_the_kidnapping_toll():
    text = ("Abduction\n\nKARACHI — Gunmen kidnapped seven workers from a depot in Karachi on Friday, police said.\n\n"
            "One of the hostages, a 40-year-old guard, was found dead on Saturday near a canal, an officer said.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-03")
    assert inc["type"] == "kidnapping" and inc["killed"] == 1


def test_unharmed_crews_mean_no_dead_and_no_wounded():
    assert (lambda t: (t["killed"], t["injured"]))(find_tolls("The 19 crew members were unharmed, the operator said.")) == (0, 0)
    text = ("Hijacking\n\nKARACHI, May 2 — Pirates seized a cargo ship off Karachi on Wednesday, the navy said.\n\n"
            "The ship's 19 crew members, from India and China, were unharmed, a spokesman said.")
    [inc] = find_incidents(text, mentions_for(text), "2024-05-02")
    assert (inc["killed"], inc["injured"]) == (0, 0)


def test_a_toll_update_far_from_its_verb_and_the_attacks_later_account_are_one_incident():
    text = ("Toll rises\n\nQUETTA — The death toll from a militant attack on a guarded market in the old quarter of "
            "Quetta has risen to 45, a local official said on Friday, up from 30 given a day earlier.\n\n"
            "Gunmen armed with rifles stormed the market in Quetta late on Tuesday, witnesses said. More than 20 "
            "people were wounded.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-07")
    assert (inc["killed"], inc["injured"], inc["date"]) == (45, 20, "2024-06-04")


@pytest.mark.parametrize("clause, killed", [
    ("Gunmen shot dead Abdul Karim, a tribal elder, near his home", 1),
    ("unknown assailants killed Hajji Zar Wali in the market", 1),
    ("Rahima Bibi, a schoolteacher, was shot dead on Monday", 1),
    ("the militants beheaded Juma Khan and Gul Nabi", 2),
    ("police said gunmen murdered Ustad Faiz as he left the mosque", 1),
    ("the bombing killed Pakistani soldiers", None),
    ("the shelling killed Kabul residents", None),
    ("A shopkeeper, Rahim Gul, was shot dead outside his shop", 1),
    ("A nurse, Mary Achieng, 31, was stabbed to death on her way home", 1),
    ("The herders, Ali and Omar, were shot dead", None),
])
def test_a_named_victim_counts_as_one(clause, killed):
    assert find_tolls(clause)["killed"] == killed


@pytest.mark.parametrize("clause, killed, injured", [
    ("two policemen and two visa applicants were killed", 4, None),
    ("Three soldiers, a driver and two farmers were killed", 6, None),
    ("Two guards and five passengers were wounded", None, 7),
    ("the blast killed two nurses and a patient", 3, None),
    ("Two Chinese citizens died and two others were wounded", 2, 2),
    ("Four civilians and one policeman were killed and 9 other people were injured", 5, 9),
])
def test_the_parts_of_a_toll_add_up(clause, killed, injured):
    tolls = find_tolls(clause)
    assert (tolls["killed"], tolls["injured"]) == (killed, injured)


@pytest.mark.parametrize("clause, killed", [
    ("A 19-year-old man was stabbed to death outside a shop", 1),
    ("a 23-year-old was killed when the bomb went off", 1),
    ("A 61-year-old Lagos trader was shot and killed on Friday", 1),
    ("In March, a woman was shot dead at a bus stop", 1),
    ("On 4/24/2011 the officer was killed", 1),  # one officer, never 2011
    ("In 2011 a guard was killed at the gate", None),
    ("the bombing on March 3, 2014 killed 12 people", 12),
])
def test_ages_and_years_are_not_counts(clause, killed):
    assert find_tolls(clause)["killed"] == killed


@pytest.mark.parametrize("clause, killed, attackers", [
    ("security forces killed eight militants who stormed the port complex; two soldiers died", 2, 8),
    ("Troops killed 12 of the assailants; three soldiers were killed", 3, 12),
    ("Six insurgents who raided the camp were killed and four guards died", 4, 6),
    ("police shot dead the two gunmen after they killed a waiter", 1, 2),
    ("Approximately 40 militants attacked a checkpoint and three soldiers were killed", 3, None),
    ("The assailant was also killed", None, 1),
])
def test_attackers_killed_are_a_figure_of_their_own(clause, killed, attackers):
    tolls = find_tolls(clause)
    assert (tolls["killed"], tolls["attackers_killed"]) == (killed, attackers)


def test_an_incident_reports_its_attackers_killed_apart():
    text = "Security forces killed eight militants who stormed a police post in Quetta on Monday; two policemen died."
    [inc] = find_incidents(text, mentions_for(text), "2025-03-04")
    assert (inc["killed"], inc["attackers_killed"]) == (2, 8)


@pytest.mark.parametrize("clause, killed", [
    ("officials lowered the death toll to 84", 84),
    ("the ministry revised the toll to 31 on Sunday", 31),
    ("the final toll was six killed and 21 injured", 6),
    ("the death toll rose to 40", 40),
])
def test_a_revised_toll_is_the_stated_figure(clause, killed):
    tolls = find_tolls(clause)
    assert (tolls["killed"], tolls["rise"]) == (killed, True)


def test_a_lowered_toll_replaces_the_first_one():
    text = ("A bomb exploded at a market in Quetta on Monday, killing 90 people. "
            "On Tuesday officials lowered the death toll to 84.")
    [inc] = find_incidents(text, mentions_for(text), "2025-03-05")
    assert inc["killed"] == 84


@pytest.mark.parametrize("clause, killed, injured", [
    ("The bomber was killed; there were no other casualties", 0, 0),
    ("They were released unharmed two days later", 0, 0),
    ("No casualties were reported.", 0, 0),
    ("No casualties.", 0, 0),
    ("There were no fatalities", 0, None),
    ("The guards fired on the car.", None, None),
])
def test_no_casualties_is_zero_and_no_figure_is_none(clause, killed, injured):
    tolls = find_tolls(clause)
    assert (tolls["killed"], tolls["injured"]) == (killed, injured)


@pytest.mark.parametrize("text, killed", [
    ("Gunmen abducted a trader in Quetta on 3 May 2014. His body was found on 6 May 2014 outside the town.", 1),
    ("Militants abducted four engineers near Peshawar on 2 June 2014. Their bodies were recovered a week later.", 4),
    ("Gunmen kidnapped a doctor in Quetta on 9 July 2014. He was found dead on 12 July 2014.", 1),
    ("Gunmen kidnapped a doctor in Quetta on 9 July 2014. He was found unharmed on 12 July 2014.", 0),
])
def test_hostages_found_dead_are_the_kidnappings_dead(text, killed):
    [inc] = find_incidents(text, mentions_for(text), None)
    assert (inc["type"], inc["killed"]) == ("kidnapping", killed)


@pytest.mark.parametrize("clause, killed, injured", [
    ("In a separate case, a man was shot and wounded on Oxford Street on Oct. 25", None, 1),
    ("A motel employee was shot in the shoulder", None, 1),
    ("Two people were killed and a motel employee was shot in the leg", 2, 1),
    ("Two soldiers were killed and a civilian was wounded", 2, 1),
    ("A woman was stabbed and injured outside the bar", None, 1),
])
def test_one_victim_shot_and_wounded_is_counted_as_injured(clause, killed, injured):
    figures = find_tolls(clause)
    assert (figures["killed"], figures["injured"]) == (killed, injured)


@pytest.mark.parametrize("clause, killed", [
    ("and two guards and three drivers who were waiting at the gate were killed, officials said", 5),
    ("A second soldier died in hospital on Tuesday, bringing the death toll to seven", 7),
    ("the blast took the toll to 12, a spokesman said", 12),
    ("Gunmen shot dead the deputy mayor of Ranau as he left a meeting", 1),
    ("Militants beheaded a village chief and one of his sons", 2),
    ("Outside the clinic, gunmen killed a nurse and a driver.", 2),
])
def test_victims_counted_across_relative_clauses_revisions_offices_and_pairs(clause, killed):
    assert find_tolls(clause)["killed"] == killed


def test_plural_office_holders_give_no_count():
    assert find_tolls("gunmen killed the elders of the village")["killed"] is None


@pytest.mark.parametrize("clause, killed, injured", [
    ("His driver was wounded and was taken to a hospital", None, 1),
    ("Their guide was also killed", 1, None),
    ("On Monday, her son was seriously injured", None, 1),
])
def test_one_victim_named_by_a_possessive_is_counted(clause, killed, injured):
    figures = find_tolls(clause)
    assert (figures["killed"], figures["injured"]) == (killed, injured)


def test_a_possessive_subject_that_is_no_person_gives_no_count():
    figures = find_tolls("His car was hit by a stray bullet")
    assert (figures["killed"], figures["injured"]) == (None, None)
