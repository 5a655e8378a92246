"""Invented sentences, one group per place error class of the fifth blind set: a town's alias that swallows its
province, a direction before a country's part, a region's name inside a gang's name, a town also a speaker's
surname, "Congo" on its own, Irish counties."""

from lib.extract.places import find_places


def by_surface(text):
    return {m["surface"]: m for m in find_places(text)}


# ---- "Town, Province": two places, even where the gazetteer keeps the pair as one alias of the town

def test_a_town_and_its_province_after_a_comma_are_two_places():
    found = by_surface("The funeral will be held in Antigonish, Nova Scotia, on Friday.")
    assert found["Antigonish"]["country_code"] == "CA"
    assert found["Nova Scotia"]["kind"] == "admin1"


def test_a_town_and_its_country_after_a_comma_are_two_places():
    found = by_surface("He grew up in Lyon, France, and moved away at twenty.")
    assert found["Lyon"]["country_code"] == "FR" and found["France"]["kind"] == "country"


def test_an_abbreviated_district_after_a_comma_stays_part_of_the_name():
    found = by_surface("She flew to Washington, D.C. on Monday.")
    assert "Washington, D.C." in found


# ---- a compass word before a country's or a region's name, where only small towns bear the whole name

def test_a_compass_part_of_a_region_is_placed_in_that_region_not_at_a_small_namesake_town():
    found = by_surface("Roads were closed across North Wales after the storm.")
    assert found["North Wales"]["country_code"] == "GB"
    assert found["North Wales"]["kind"] == "admin1"


def test_the_compass_region_places_a_town_beside_it():
    found = by_surface("A shop in Bangor was burned, North Wales Police said.")
    assert found["Bangor"]["country_code"] == "GB"


def test_a_region_whose_whole_name_is_in_the_gazetteer_keeps_it():
    found = by_surface("Storms hit West Virginia, North Carolina and South Sudan.")
    assert found["West Virginia"]["admin1"] == "WV"
    assert found["North Carolina"]["admin1"] == "NC"
    assert found["South Sudan"]["kind"] == "country"


# ---- a region's name before a word no gazetteer knows: a gang's or a team's name

def test_a_region_name_before_an_unknown_word_is_no_place():
    found = by_surface("Police said the attackers were members of the Mara Salvatrucha.")
    assert "Mara" not in found


def test_a_gang_name_at_the_start_of_a_sentence_is_no_place():
    found = by_surface("Mara Salvatrucha members were arrested in San Salvador.")
    assert "Mara" not in found and "San Salvador" in found


def test_a_region_name_after_in_is_still_a_place():
    found = by_surface("Heavy rain fell in Mara on Sunday, officials in Musoma said.")
    assert found["Mara"]["country_code"] == "TZ"


def test_a_well_known_city_before_an_unknown_word_stays_a_place():
    found = by_surface("The Kabul Serena was attacked.")
    assert found["Kabul"]["country_code"] == "AF"


# ---- a town that is also a speaker's surname

def test_a_town_after_in_is_a_place_though_a_speaker_bears_its_name():
    text = ("Detective Sergeant Mark Napier said police had no suspect. Last month a man was shot outside "
            "a bar in Napier.")
    found = find_places(text)
    assert [m["surface"] for m in found] == ["Napier"]
    assert found[0]["country_code"] == "NZ"


def test_the_speakers_surname_itself_is_still_no_place():
    text = "Inspector Jane Napier said the road was closed. Napier added that no one was hurt."
    assert find_places(text) == []


def test_a_possessive_after_in_is_still_the_person():
    text = "Sergeant Tom Napier spoke first. The detail in Napier's report was new."
    assert find_places(text) == []


# ---- "Congo" on its own is the Democratic Republic; named in full, the Republic

def test_congo_on_its_own_is_the_democratic_republic():
    found = by_surface("Gunmen fired near the borders with Uganda and Congo.")
    assert found["Congo"]["country_code"] == "CD"


def test_congo_after_the_republic_named_in_full_is_the_republic():
    text = "Ebola killed nine people in the Republic of Congo. The government of Congo closed schools."
    found = find_places(text)
    assert [m["country_code"] for m in found] == ["CG", "CG"]


# ---- Irish counties: "County Mayo", "Co Kerry", and the provinces above them

def test_an_irish_county_with_its_generic_is_a_district_of_ireland():
    found = by_surface("Two men were arrested in Castlebar, County Mayo.")
    assert found["County Mayo"]["kind"] == "admin2"
    assert found["County Mayo"]["country_code"] == "IE"
    assert found["Castlebar"]["country_code"] == "IE"


def test_the_short_form_co_names_the_irish_county():
    found = by_surface("A farmer in Co Kerry was hurt.")
    assert found["Co Kerry"]["country_code"] == "IE"


def test_an_irish_province_is_a_region_of_ireland():
    found = by_surface("Rain is forecast across Connacht and Munster.")
    assert found["Connacht"]["country_code"] == "IE" and found["Munster"]["country_code"] == "IE"


def test_districts_with_three_part_codes_are_in_the_gazetteer():
    found = by_surface("Flooding hit Zomba district in Malawi.")
    assert found["Zomba district"]["kind"] == "admin2"
    assert found["Zomba district"]["country_code"] == "MW"
