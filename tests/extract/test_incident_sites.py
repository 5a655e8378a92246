"""Sites: which place mention is the incident's, and which are where it was reported, taken from or told."""
import pytest

from lib.extract.incidents import find_incidents
from lib.extract.incidents.layout import DATELINE
from tests.extract.incident_cases import mentions_for


def test_the_place_hostages_were_taken_from_is_the_site():
    text = ("Pupils abducted\n\nKARACHI — Gunmen abducted 30 pupils from a school in Quetta on Monday, officials in "
            "Karachi said.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-18")
    assert inc["place_surface"] == "Quetta"
    text = "The worst case remains the abduction of 276 girls from Quetta in 2014."
    [inc] = find_incidents("Kidnap\n\nKARACHI — Forty people were kidnapped in Karachi on Monday. " + text,
                           mentions_for("Kidnap\n\nKARACHI — Forty people were kidnapped in Karachi on Monday. " + text),
                           "2024-06-18")[1:]
    assert (inc["place_surface"], inc["date"]) == ("Quetta", "2014")


def test_a_dateline_with_accented_capitals_is_not_the_site():
    text = ("Attack\n\nBOGOTÁ — The ministry said on Wednesday that rebels had attacked the police station in the town of "
            "Morales with drones last Thursday, killing two officers.")
    mentions = [{"start": text.index(s), "end": text.index(s) + len(s), "surface": s, "name": s, "kind": k,
                 "country_code": "CO", "lat": la, "lon": lo, "place_id": "test:" + s}
                for s, k, la, lo in (("BOGOTÁ", "city", 4.71, -74.07), ("Morales", "admin2", 2.75, -76.63))]
    [inc] = find_incidents(text, mentions, "2024-05-22")
    assert inc["place_surface"] == "Morales"


@pytest.mark.parametrize("lead, place", [
    ("BOGOTÁ — The ministry said", "BOGOTÁ"),
    ("SÃO PAULO, Brazil — Police said", "SÃO PAULO, Brazil"),
])
def test_a_dateline_in_accented_capitals_is_read(lead, place):
    assert DATELINE.match(lead).group(1) == place


def test_where_an_official_told_reporters_is_not_another_incidents_site():
    text = ("Raid\n\nGunmen stormed a village near Quetta early on Saturday, killing at least nine farmers, officials "
            "said.\n\nThe attackers arrived on motorbikes from the hills before dawn and shot two herders in a field, an "
            "official told reporters in Peshawar.")
    [inc] = find_incidents(text, mentions_for(text), "2024-06-03")
    assert inc["name"] == "Quetta" and inc["killed"] == 9


def test_tolls_at_other_sites_of_a_series_are_component_incidents():
    text = ("Anniversary\n\nCOLOMBO — The country marks the anniversary of the attacks, when suicide bombers struck churches "
            "in Karachi and killed 253 people.\n\n"
            "At a church in Quetta alone, more than fifty people were killed, and in Peshawar at least 25 people were "
            "reported dead.")
    found = find_incidents(text, mentions_for(text), "2021-04-21")
    assert [(f["place_surface"], f["killed"], f["type"]) for f in found] == [
        ("Karachi", 253, "suicide_bombing"), ("Quetta", 50, "suicide_bombing"), ("Peshawar", 25, "suicide_bombing")]
    assert found[0]["primary"] and not any(f["primary"] for f in found[1:])


@pytest.mark.parametrize("text, city, site", [
    ("A suicide bomber blew himself up near the gate of the Pakistani consulate in Kabul on Monday, killing "
     "four people.", "Kabul", "Pakistani consulate"),
    ("A suicide bomber struck the police lines in Peshawar on Friday, killing nine policemen.", "Peshawar",
     "police lines"),
    ("Gunmen stormed the Serena hotel in Kabul on Tuesday, killing six guests.", "Kabul", "Serena hotel"),
    ("A bomb exploded in the main market of Peshawar on Sunday, killing 12 traders.", "Peshawar", "main market"),
])
def test_an_incident_at_a_facility_stays_at_its_city_with_the_site_named(text, city, site):
    found = find_incidents(text, mentions_for(text), "2024-01-10")
    assert found and found[0]["name"] == city and found[0]["place_kind"] == "city" and found[0]["site"] == site


def test_where_the_wounded_were_taken_is_no_site():
    text = "Gunmen shot dead three farmers in Konduga on Monday; the wounded were taken to a hospital."
    found = find_incidents(text, mentions_for(text), "2024-01-10")
    assert found and found[0]["site"] is None


@pytest.mark.parametrize("text, surface, kind", [
    ("Bomb\n\nA bomb exploded outside a market in Kunduz on Tuesday, killing four people.", "Kunduz", "city"),
    ("Attack\n\nGunmen killed three soldiers at a checkpoint in Mopti on Sunday.", "Mopti", "city"),
    # with its generic, the province stays the province
    ("Attack\n\nGunmen killed three soldiers at a checkpoint in Kunduz province on Sunday.", "Kunduz province", "admin1"),
])
def test_a_province_named_without_its_generic_is_its_same_named_town(text, surface, kind):
    from lib.extract.places import find_places
    [inc] = find_incidents(text, find_places(text), "2024-06-18")
    assert (inc["place_surface"], inc["place_kind"]) == (surface, kind)


@pytest.mark.parametrize("text, surface", [
    ("Kidnap\n\nOn 3 May 2014, gunmen abducted Musa Bello, a village head, from his home in Biu, Borno State.", "Biu"),
    ("Kidnap\n\nOn 3 May 2014, gunmen kidnapped two engineers, both foreigners, from a camp near Damboa, Borno State.",
     "Damboa"),
])
def test_the_town_hostages_were_taken_from_beats_its_province(text, surface):
    from lib.extract.places import find_places
    [inc] = find_incidents(text, find_places(text), "2024-06-18")
    assert inc["place_surface"] == surface


@pytest.mark.parametrize("text, country", [
    ("Attack\n\nBANGUI, Central African Republic — Gunmen killed nine miners near Bambari on Sunday. Days earlier, "
     "gunmen abducted three engineers in the west of the country near the border with Cameroon.", "CF"),
    ("Ambush\n\nNIAMEY, Niger — Gunmen killed six soldiers near Tillabéri on Monday. Last week, bandits kidnapped "
     "two aid workers in the east of the country, close to the border with Chad.", "NE"),
])
def test_the_country_a_dateline_names_is_the_one_the_country_refers_to(text, country):
    from lib.extract.places import find_places
    incidents = find_incidents(text, find_places(text), "2024-06-18")
    assert (incidents[-1]["place_kind"], incidents[-1]["country_code"]) == ("country", country)


@pytest.mark.parametrize("text, surface", [
    ("Raid\n\nOn 4 June 2014, gunmen attacked Damboa General Hospital in Damboa, Borno State, killing two nurses.",
     "Damboa"),
    ("Raid\n\nOn 4 June 2014, militants stormed the district hospital in Biu, Borno State, and shot dead a guard.",
     "Biu"),
])
def test_the_town_of_a_hospital_that_was_struck_is_the_site(text, surface):
    from lib.extract.places import find_places
    [inc] = find_incidents(text, find_places(text), "2024-06-18")
    assert inc["place_surface"] == surface


def test_the_town_the_wounded_were_taken_to_is_still_no_site():
    text = ("Blast\n\nA bomb exploded at a bus station in Potiskum on Monday, killing four people. The wounded were "
            "taken to hospitals in Kano.")
    from lib.extract.places import find_places
    [inc] = find_incidents(text, find_places(text), "2024-06-18")
    assert inc["place_surface"] == "Potiskum"


def test_a_city_far_outside_a_district_does_not_narrow_it():
    from lib.extract.incidents.sites import more_specific
    district = {"kind": "admin2", "country_code": "PK", "lat": 32.22, "lon": 70.38, "place_id": "d"}
    far_city = {"kind": "city", "country_code": "PK", "lat": 32.99, "lon": 70.60, "place_id": "c"}
    near_town = {"kind": "town", "country_code": "PK", "lat": 32.30, "lon": 70.45, "place_id": "t"}
    assert not more_specific(far_city, district)
    assert more_specific(near_town, district)
