"""Invented sentences, one group per error class of the real-news place review (LGL, GeoVirus, wire)."""

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
