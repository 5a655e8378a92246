"""Names that borrow a place's name: streets, neighbourhoods and estates are sites inside a city, a group's branch
is no place."""
from lib.extract.places import find_places


def _by_surface(text):
    return {m["surface"]: m for m in find_places(text)}


def test_a_town_before_cbd_is_the_town_and_not_part_of_a_persons_name():
    found = _by_surface("A man was robbed in Bendigo on Monday. The shop is in the Bendigo CBD, police said.")
    assert any(s.startswith("Bendigo") for s in found)
    assert all(m["country_code"] == "AU" for s, m in found.items() if s.startswith("Bendigo"))


def test_a_street_named_after_a_city_is_placed_in_the_town_its_sentence_names():
    found = _by_surface("She was parking in a car park off Sydney Street, in the Bendigo CBD, when a man threatened her. "
                        "Her family later flew in from Sydney.")
    street = found["Sydney Street"]
    bendigo = next(m for s, m in found.items() if s.startswith("Bendigo"))
    assert street["kind"] == "poi" and (street["lat"], street["lon"]) == (bendigo["lat"], bendigo["lon"])


def test_a_colonia_is_one_site_in_the_city_not_a_province_and_a_country():
    text = "SAN SALVADOR, El Salvador — Gunmen shot a bus driver in Colonia Santa Lucía on Monday."
    found = _by_surface(text)
    assert "Colonia" not in found and "Santa Lucía" not in found
    site = found["Colonia Santa Lucía"]
    assert site["kind"] == "poi" and site["country_code"] == "SV"


def test_an_avenue_named_after_a_country_is_a_site_in_the_city():
    found = _by_surface("SAN SALVADOR, El Salvador — Shots were fired at a bank on Avenida Bolivia in San Salvador.")
    assert "Bolivia" not in found
    assert found["Avenida Bolivia"]["country_code"] == "SV"


def test_an_estate_named_like_a_far_town_is_a_site_in_the_lines_town():
    found = _by_surface("Coleraine: Two men forced their way into a house in the Sligo estate and beat the occupant.")
    assert "Sligo" not in found
    estate = next(m for s, m in found.items() if s.startswith("Sligo"))
    assert estate["kind"] == "poi" and estate["country_code"] == "GB"


def test_a_groups_province_branch_is_no_place():
    found = find_places("Islamic State West Africa Province claimed the attack near Maiduguri, and ISIS Sinai "
                        "Province the one in Arish.")
    assert [m["surface"] for m in found] == ["Maiduguri", "Arish"]


def test_a_province_named_after_fighting_in_it_stays_a_place():
    found = find_places("The Islamic State said its fighters attacked a checkpoint in Kandahar Province.")
    assert any(m["surface"].startswith("Kandahar") for m in found)
