"""Invented lists of places: the names of one list are alike (countries with countries, states with states)."""

from lib.extract.places import find_places


def kinds(text):
    return {m["surface"]: (m["kind"], m["country_code"]) for m in find_places(text)}


def test_a_name_in_a_list_of_countries_is_the_country_though_a_state_of_a_named_country_bears_it():
    text = ("Nigeria has the most cases. Lagos and Kano closed schools, and Niger State reported two deaths. "
            "The outbreak also reached the neighbouring countries of Benin, Ghana, Guinea, Niger, and Senegal.")
    found = find_places(text)
    listed = [m for m in found if m["surface"] == "Niger"]
    assert listed and all(m["kind"] == "country" and m["country_code"] == "NE" for m in listed)


def test_a_name_in_a_list_of_states_is_the_state_not_a_town_of_another_listed_state():
    text = ("Pennsylvania farmers were hit first. The disease then spread to states including Georgia, "
            "Oklahoma, Pennsylvania, Wisconsin and California.")
    assert kinds(text)["Oklahoma"] == ("admin1", "US")


def test_a_list_of_towns_is_left_as_resolved():
    text = "Storms hit Dayton, Springfield and Columbus in Ohio."
    found = kinds(text)
    assert found["Dayton"][0] in ("city", "town") and found["Columbus"][0] in ("city", "town")


def test_two_names_are_no_list():
    text = "Officials in Pennsylvania said flights to Oklahoma, Pennsylvania, were delayed."
    assert kinds(text)["Oklahoma"][0] == "town"


def test_a_city_listed_with_provinces_of_the_same_names_stays_a_city():
    found = kinds("Flights between Kabul, Kandahar and Herat resumed on Monday.")
    assert found["Kabul"][0] == "city"


# ---- "the state of X", "the province of X", "the county of X": the generic before the name gives its kind

def test_the_state_of_a_name_is_the_state_not_the_capital_city():
    text = "The United States has seen two cases. The first was found in the state of Washington."
    assert kinds(text)["Washington"] == ("admin1", "US")


def test_the_county_of_a_name_is_the_county():
    assert kinds("Flooding hit the county of Durham on Monday.")["Durham"][0] == "admin2"


def test_the_state_of_a_country_stays_the_country():
    assert kinds("Troops crossed into the state of Israel at dawn.")["Israel"] == ("country", "IL")
