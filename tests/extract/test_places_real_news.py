"""Invented sentences, one group per error class of the real-news place review (LGL, GeoVirus, wire)."""

import pytest

from lib.extract.places import find_places


def surfaces(text):
    return [m["surface"] for m in find_places(text)]


def test_a_place_before_its_office_holder_stays_a_place_all_article_long():
    text = ("Fargo Mayor Dennis Walaker said the dikes held. Volunteers came to Fargo from Moorhead. "
            "Later Fargo Police Chief Keith Ternes urged residents to stay home.")
    found = surfaces(text)
    assert found.count("Fargo") == 3
    assert not {"Dennis", "Walaker", "Keith", "Ternes"} & set(found)


def test_the_office_holder_named_after_a_title_is_still_a_person():
    text = "Springfield Mayor Paris Hilton spoke on Monday. Hilton said the budget was tight."
    found = surfaces(text)
    assert "Springfield" in found and "Paris" not in found and "Hilton" not in found


def test_a_county_without_a_town_of_its_name_is_placed_among_its_own_towns():
    from lib.extract import gazetteer
    from lib.geo import km

    gaz = gazetteer.load()
    county = next(c for c in gaz.candidates("Cooke County") if c["admin1"] == "TX")
    state = next(c for c in gaz.candidates("Texas") if c["kind"] == "admin1")
    seat = next(c for c in gaz.candidates("Gainesville") if c["admin1"] == "TX")  # the county seat
    assert km(county["lat"], county["lon"], seat["lat"], seat["lon"]) < 40
    assert km(county["lat"], county["lon"], state["lat"], state["lon"]) > 200


def test_a_county_is_not_placed_at_a_same_named_town_outside_it():
    from lib.extract import gazetteer
    from lib.geo import km

    gaz = gazetteer.load()
    county = next(c for c in gaz.candidates("Henderson County") if c["admin1"] == "TX")
    town = next(c for c in gaz.candidates("Henderson") if c["admin1"] == "TX" and c["kind"] in ("town", "city"))
    seat = next(c for c in gaz.candidates("Athens") if c["admin1"] == "TX")  # the county seat
    assert km(county["lat"], county["lon"], seat["lat"], seat["lon"]) < 40
    assert km(county["lat"], county["lon"], town["lat"], town["lon"]) > 50


def places(text):
    return {m["surface"]: (m["country_code"], m["admin1"]) for m in find_places(text)}


def test_a_famous_name_beside_a_county_around_its_namesake_is_the_local_town():
    found = places("The art walk in Paris drew visitors from all over Henry County on Saturday. "
                   "Henry County officials were pleased.")
    assert found["Paris"] == ("US", "TN") and found["Henry County"] == ("US", "TN")
    found = places("Deputies from Henderson County said the man was taken to a hospital in Athens.")
    assert found["Athens"] == ("US", "TX")


def test_capitals_named_together_stay_the_capitals():
    found = places("Flights between London and Paris were cancelled on Friday.")
    assert found["London"][0] == "GB" and found["Paris"][0] == "FR"


def test_a_county_name_many_states_share_takes_the_state_of_the_article():
    found = places("COLUMBUS, Ohio - The man was held in the Franklin County jail after the fire.")
    assert found["Franklin County"] == ("US", "OH")


def test_postal_state_abbreviations_after_a_town_are_the_state_and_qualify_the_town():
    found = places("FAIRFIELD, Conn. -- Police say a woman from Charleston, W. Va., was held; "
                   "Sen. Jim Smith, D-S.C., said nothing.")
    assert found["FAIRFIELD"] == ("US", "CT") and found["Conn."] == ("US", "CT")
    assert found["Charleston"] == ("US", "WV") and found["W. Va."] == ("US", "WV")
    assert found["S.C."] == ("US", "SC")


def test_state_abbreviations_need_their_comma_or_party_and_keep_longer_names():
    found = places("Miss. Kan went home to Washington, D.C. on Monday.")
    assert "Miss." not in found and "Kan" not in found
    assert found["Washington, D.C."] == ("US", "DC")


def test_a_townlike_surname_before_a_verb_of_speech_is_a_person_all_article_long():
    found = surfaces("Welch was stabbed on Friday, police said. \"We have the knife,\" Welch said.")
    assert "Welch" not in found
    assert surfaces("Officers in Welch said little.") == ["Welch"]


def test_a_city_may_speak_for_its_people():
    found = surfaces("Gainesville says no to the amendment. Gainesville residents marched on Friday.")
    assert found.count("Gainesville") == 2


def test_a_numbered_unit_is_no_place():
    found = surfaces("Scouts from Norfolk, Pack 122 and Troop 122, collected food.")
    assert "Pack" not in found and "Norfolk" in found


@pytest.mark.parametrize("text, surface, expected", [
    ("HAMILTON, Ont. — Two men were arrested on Friday.", "Ont.", ("CA", "08")),
    ("Police in Red Deer, Alta., said the car was stolen.", "Alta.", ("CA", "01")),
    ("A woman from Kamloops, B.C., was charged.", "B.C.", ("CA", "02")),
    ("TOWNSVILLE, Qld. — A fire destroyed a shed.", "Qld.", ("AU", "04")),
])
def test_canadian_and_australian_abbreviations_after_a_town_are_the_province(text, surface, expected):
    assert places(text)[surface] == expected
