"""Famous names that are also towns: the article's own region, not the repetitions of the name, decides."""
import pytest

from lib.extract.places import find_places


def resolved(text, surface):
    hits = [m for m in find_places(text) if m["surface"] == surface]
    assert hits, f"{surface!r} not found in {text!r}"
    return hits[-1]


@pytest.mark.parametrize("text, surface, admin1", [
    # a country's name repeated in a story on a town of a state the article names elsewhere
    ("Deputies from Grapeland joined the search. Palestine police said the Palestine man was found. "
     "Palestine officials thanked the volunteers.", "Palestine", "TX"),
    ("Mourners gathered in Myerstown on Friday. She later lived in Lebanon, and her son still lives in Lebanon. "
     "Burial will be in Lebanon.", "Lebanon", "PA"),
    ("The Minnesota league opens in May. Jordan will host Belle Plaine and Shakopee in the first games, and "
     "Jordan coaches expect a crowd; the Jordan team won last year.", "Jordan", "MN"),
])
def test_a_repeated_country_name_is_the_town_of_the_named_state(text, surface, admin1):
    m = resolved(text, surface)
    assert (m["country_code"], m["admin1"], m["kind"]) == ("US", admin1, "town")


@pytest.mark.parametrize("text, surface, country", [
    # the country the article gives signs of by other names stays the country
    ("A Texas aid group flew to Amman. Jordan has taken in many refugees, and Jordan's king thanked the "
     "volunteers from Texas.", "Jordan", "JO"),
    ("Israel and Lebanon traded fire across the border. Lebanon said two soldiers were hurt; Beirut "
     "protested to the United Nations.", "Lebanon", "LB"),
])
def test_a_country_with_signs_of_its_own_stays_the_country(text, surface, country):
    m = resolved(text, surface)
    assert (m["country_code"], m["kind"]) == (country, "country")


@pytest.mark.parametrize("text", [
    # the text uses the name as a town's own, and the article names a US city elsewhere
    "Jessica Kay, 18, of Paris died in a Dallas hospital on Saturday.",
    "Paris Police Department officers were called to a home in Dallas.",
    "The Paris City Council met on Monday; Dallas officials attended.",
    "A Paris woman was hurt in a crash near Dallas, police said.",
    "He lives at 12 Main St., Paris, and works in Dallas.",
])
def test_a_name_used_as_a_towns_own_is_the_town_of_the_articles_country(text):
    m = resolved(text, "Paris")
    assert (m["country_code"], m["kind"]) == ("US", "town")


@pytest.mark.parametrize("text", [
    # no sign of the town's role, or the capital's own country named: the capital
    "Talks in Paris resumed on Monday; Dallas investors watched closely.",
    "Paris police said the suspect fled; France's interior minister spoke to reporters.",
])
def test_the_capital_stays_without_a_towns_role_or_with_its_country(text):
    assert resolved(text, "Paris")["country_code"] == "FR"


@pytest.mark.parametrize("text, surface, admin1", [
    # the chosen bearer lies far from every other place named; a namesake lies right beside one of them
    ("A Paris man was arrested in Murray on Friday.", "Paris", "TN"),
    ("The Paris school board met in Camden on Monday.", "Paris", "TN"),
    ("A Richmond man was arrested in Berea on Friday.", "Berea", "KY"),
])
def test_a_namesake_beside_another_named_place_wins(text, surface, admin1):
    m = resolved(text, surface)
    assert (m["country_code"], m["admin1"]) == ("US", admin1)


def test_a_state_taken_at_first_for_a_country_is_region_context_once_it_is_the_state():
    text = ("ATLANTA - Needy Georgia residents could get help soon, Georgia officials said. A pilot in Texas "
            "worked well, and Atlanta agencies will lead the plan across Georgia.")
    hits = [m for m in find_places(text) if m["surface"].lower() == "atlanta"]
    assert hits and all((m["admin1"], m["kind"]) == ("GA", "city") for m in hits)


@pytest.mark.parametrize("text, country, admin1", [
    # "X City Council" is the council of whichever town X is, not the place whose alternate name is "X City"
    ("Dublin City Council met on Monday. Columbus officials attended, and Dublin residents asked about the "
     "roads.", "US", "OH"),
    ("Dublin City Council said the Liffey quays would close; Ireland's government agreed.", "IE", "L"),
])
def test_a_city_council_belongs_to_the_town_the_article_is_about(text, country, admin1):
    hits = [m for m in find_places(text) if m["surface"].startswith("Dublin")]
    assert hits and all((m["country_code"], m["admin1"]) == (country, admin1) for m in hits)


@pytest.mark.parametrize("text, surface, admin1", [
    # a state inside an organisation's name is no mention, but it tells which of the towns of a name is meant
    ("An Albany police team and Georgia Bureau of Investigation agents arrested the man. Albany officials "
     "thanked them.", "Albany", "GA"),
    ("Newark police and University of Delaware officers closed the road. Newark residents were told to stay "
     "home.", "Newark", "DE"),
])
def test_a_state_inside_an_organisations_name_is_region_context(text, surface, admin1):
    assert all(m["admin1"] == admin1 for m in find_places(text) if m["surface"] == surface)
    assert resolved(text, surface)["admin1"] == admin1
    assert not any(m["kind"] == "admin1" for m in find_places(text))


def test_a_lower_case_city_council_is_the_council_of_the_towns_own_city():
    text = ("London city council rejected the clinic. The developers appealed to the Ontario Municipal Board, "
            "and London planners will reply.")
    hits = [m for m in find_places(text) if m["surface"].startswith("London")]
    assert hits and all((m["country_code"], m["admin1"], m["name"]) == ("CA", "08", "London") for m in hits)


def test_a_neighbour_from_a_street_name_does_not_pull_a_town_away_from_its_named_region():
    # "Richmond Street" lends its "Richmond" (a London borough) as a neighbour of the British capital, but the
    # article names Ontario and no sign of Britain: London, Ontario stays
    text = ("London city council rejected the clinic on Richmond Street. The developers appealed to the Ontario "
            "Municipal Board, and London planners will reply.")
    hits = [m for m in find_places(text) if m["surface"].startswith("London")]
    assert hits and all((m["country_code"], m["admin1"]) == ("CA", "08") for m in hits)


@pytest.mark.parametrize("text, names", [
    # a plural generic after a list names each item's own county, not a town of the bare name
    ("He worked for 20 years in Muscogee and Harris counties.", ["Muscogee County", "Harris County"]),
    ("District attorneys in Navarro, Henderson and Ellis counties agreed.",
     ["Navarro County", "Henderson County", "Ellis County"]),
])
def test_a_list_before_counties_names_each_county(text, names):
    found = find_places(text)
    assert [m["name"] for m in found] == names and {m["admin1"] for m in found} == {found[0]["admin1"]}

