"""Institutions whose names hold a place's name or alternate name are no mentions of that place."""
import pytest

from lib.extract.places import find_places


@pytest.mark.parametrize("text", [
    "He appealed to the Supreme Court on Monday.",
    "The Supreme Court ruled on Friday that the law stands.",
    "Lawyers for the state asked the Superior Court to wait.",
])
def test_a_small_towns_name_before_court_is_the_courts(text):
    assert find_places(text) == []


@pytest.mark.parametrize("text", [
    "The White House said on Monday that talks would go on.",
    "Aides spoke late. The White House later denied it.",
])
def test_the_white_house_at_a_sentence_start_is_no_alternate_name_of_casablanca(text):
    assert not any(m["country_code"] == "MA" for m in find_places(text))


@pytest.mark.parametrize("text, surface", [
    ("The Peshawar High Court ruled on Friday.", "Peshawar"),
    ("The Texas Supreme Court ruled on Friday.", "Texas"),
    ("Police in Superior said the road was closed.", "Superior"),
])
def test_a_place_before_a_court_or_a_bare_town_stays_a_place(text, surface):
    assert [m["surface"] for m in find_places(text)] == [surface]


@pytest.mark.parametrize("text", [
    # capitalised common words in titles and bodies' names, that some small town or region also bears
    "Senate Majority Leader Harry Reid said the vote would wait.",
    "Secretary of State Hillary Clinton met her counterpart on Friday.",
    "Vice President Joe Biden spoke first.",
    "Troopers of the Highway Patrol closed the road.",
    "The Chamber of Commerce met on Monday.",
    "The Federal Reserve left rates unchanged.",
    "The Region 1 board approved the budget.",
])
def test_common_words_in_titles_and_bodies_are_no_places(text):
    assert find_places(text) == []


@pytest.mark.parametrize("text, surface", [
    # a title word some small town bears is no place, and does not make the town before it a person's word
    ("Gainesville Police Officer Shawn Barnes saw three men. A Gainesville man was charged.", "Gainesville"),
])
def test_a_title_word_in_a_run_does_not_make_the_town_before_it_a_persons_name(text, surface):
    assert [m["surface"] for m in find_places(text)] == [surface, surface]


def test_a_title_in_a_persons_run_keeps_the_place_before_it_out_of_the_persons_words():
    text = "Verduin was identified Monday, DeKalb County Coroner Dennis Miller said. He was last seen in DeKalb."
    assert [m["surface"] for m in find_places(text)] == ["DeKalb County", "DeKalb"]


@pytest.mark.parametrize("text, surfaces", [
    # a town's or a county's own body is no person's name: the place stays a place
    ("According to the Gainesville Public Utilities department, the spill was small.", ["Gainesville"]),
    ("They contacted Hall County Environmental Health on Monday.", ["Hall County"]),
    ("Call the Avoyelles Parish Sheriff's Office with any tips.", ["Avoyelles Parish"]),
])
def test_a_local_bodys_name_keeps_its_place(text, surfaces):
    assert [m["surface"] for m in find_places(text)] == surfaces



@pytest.mark.parametrize("text, surfaces", [
    # places joined by a hyphen name a twin-city area, not a double-barrelled surname
    ("The river will crest in Fargo-Moorhead on Friday. Fargo was ready.", ["Fargo", "Moorhead", "Fargo"]),
    ("Flights from Dallas-Fort Worth were delayed.", ["Dallas", "Fort Worth"]),
])
def test_hyphened_places_are_places(text, surfaces):
    assert [m["surface"] for m in find_places(text)] == surfaces


def test_an_article_and_a_name_joined_by_a_hyphen_are_no_twin_cities():
    text = "A spokesman, speaking on the Al-Masirah television channel in Sanaa, said so."
    assert [m["surface"] for m in find_places(text)] == ["Sanaa"]


@pytest.mark.parametrize("text, surface, country", [
    # a legislator's party letter and home town after the name
    ("Rep. Torrey Westrom, R-Elbow Lake, said the talk was wrong.", "Elbow Lake", "US"),
    ("Committee Chairman Hugh Leatherman, R-Florence, said Dallas would get the money.", "Florence", "US"),
])
def test_a_legislators_home_after_the_party_letter_is_a_town(text, surface, country):
    hits = [m for m in find_places(text) if m["surface"] == surface]
    assert hits and hits[0]["country_code"] == country
