"""What is and is not an incident: court steps, rescues and background statements are not; an attack told after a time
phrase, an abduction told as being forced into a car, and a fire treated as deliberate are."""
import pytest

from lib.extract import extract

PUB = "2022-03-10"


def incidents(text):
    return extract(text, PUB)["incidents"]


@pytest.mark.parametrize("text", [
    "A 34-year-old man has been charged with kidnapping and assault after a woman was held in Leeds last year.",
    "A former militia commander was sentenced on Tuesday to 20 years in prison for the 2016 bombing of a market in Kano.",
    "Two men were jailed for life for the abduction of a businessman in Manchester in 2019.",
    "The driver was convicted of attempted murder over the shooting at a petrol station in Durban.",
])
def test_a_court_step_is_not_an_incident(text):
    assert incidents(text) == []


def test_a_crime_a_verdict_tells_with_its_toll_is_still_an_incident():
    [inc] = incidents("A court on Monday jailed four men for the bombs that killed 30 people in Jaipur on 13 May 2008.")
    assert (inc["date"], inc["killed"]) == ("2008-05-13", 30)


def test_a_crime_a_charge_follows_is_still_an_incident():
    [inc] = incidents("A man was charged on Friday after a woman was stabbed to death in Leeds on Thursday.")
    assert (inc["type"], inc["date"]) == ("armed_attack", "2022-03-10")


@pytest.mark.parametrize("text", [
    "Troops rescued four passengers who had been held by kidnappers in a forest near Kaduna on Sunday.",
    "Police rescued 12 abducted pupils from a hideout in Zamfara state, officials said on Monday.",
    "Three hostages were freed by soldiers in a forest near Mopti on Friday.",
])
def test_a_rescue_is_not_an_incident(text):
    assert incidents(text) == []


def test_a_rescue_does_not_split_the_kidnapping_it_ends():
    found = incidents("Gunmen abducted 20 passengers from a bus near Kaduna on Friday. "
                      "Troops rescued four of the passengers on Saturday.")
    assert [(i["type"], i["date"]) for i in found] == [("kidnapping", "2022-03-04")]


@pytest.mark.parametrize("text", [
    "Although weakened, the group remains active and its cells still carry out ambushes and bombings in the countryside.",
    "The militants regularly attack army posts and plant roadside bombs along the highway to Maiduguri.",
    "Islamic State was defeated in 2017 but its cells still carry out ambushes and bombings in Kirkuk and Diyala.",
    "The group often kidnaps travellers and attacks army convoys in the region, killing hundreds since 2015.",
])
def test_a_statement_of_a_group_s_activity_is_not_an_incident(text):
    assert incidents(text) == []


@pytest.mark.parametrize("opening, place", [("Hours after the blast", "Quetta"), ("Minutes after the explosion", "Peshawar"),
                                            ("Two days after the bombing", "Peshawar")])
def test_an_attack_opened_by_a_time_phrase_is_an_incident_of_its_own(opening, place):
    found = incidents(f"A bomb exploded at a market in Quetta on Monday, killing five people.\n"
                      f"{opening}, gunmen shot dead two police officers at a checkpoint in {place}.")
    assert [(i["type"], i["killed"]) for i in found] == [("bombing", 5), ("armed_attack", 2)]


@pytest.mark.parametrize("text", [
    "A 27-year-old woman was forced into her own car at knifepoint outside a supermarket in Ipswich on Saturday night.",
    "A businessman was bundled into a van by armed men in Lagos on Tuesday.",
    "Two men dragged a schoolgirl into their car outside her school in Kano on Monday.",
])
def test_being_forced_into_a_car_is_an_abduction(text):
    assert [i["type"] for i in incidents(text)] == ["kidnapping"]


@pytest.mark.parametrize("text", [
    "Two barns were destroyed in fires that police are treating as deliberate near Lincoln on Sunday night.",
    "Police are treating a fire that gutted a mosque in Bradford on Friday as deliberate.",
    "A blaze at a community hall in Belfast on Wednesday is being treated as arson, detectives said.",
])
def test_a_fire_treated_as_deliberate_is_an_arson(text):
    assert [i["type"] for i in incidents(text)] == ["other"]


def test_a_statement_of_a_group_s_activity_adds_no_incident_to_a_story():
    found = incidents("Gunmen killed five soldiers at an army post near Gao on Monday. The group was driven from its "
                      "strongholds in 2017, but its cells still carry out ambushes and bombings in the region.")
    assert [(i["type"], i["killed"]) for i in found] == [("armed_attack", 5)]
