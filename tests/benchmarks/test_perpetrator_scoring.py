"""The perpetrator check of the incident scorer: a name and the acronym its article defines are one group."""
from benchmarks.incidents_eval import defined_acronyms, perp_ok

TEXT = ("Officials blamed the Union of Forest Guardians (UFG) for the raid. "
        "A statement from the Movement for the Liberation of the Coast (MLC) denied it.")


def _gold(name, text=TEXT):
    return {"perpetrator": name, "defined_acronyms": defined_acronyms(text)}


def test_the_text_defines_each_acronym_after_its_name():
    assert defined_acronyms(TEXT) == [("union of forest guardians", "ufg"),
                                      ("movement for the liberation of the coast", "mlc")]


def test_a_long_name_matches_the_acronym_the_text_gives_it_and_back():
    assert perp_ok({"perpetrator": "Union of Forest Guardians"}, _gold("UFG"))
    assert perp_ok({"perpetrator": "MLC"}, _gold("the Movement for the Liberation of the Coast"))


def test_another_groups_acronym_is_no_match():
    assert not perp_ok({"perpetrator": "Union of Forest Guardians"}, _gold("MLC"))
    assert not perp_ok({"perpetrator": "UFG"}, _gold("MLC"))


def test_without_the_definition_in_the_text_an_acronym_is_no_match():
    assert not perp_ok({"perpetrator": "Union of Forest Guardians"}, _gold("UFG", text="The UFG was blamed."))


def test_a_missing_perpetrator_matches_only_a_missing_one():
    assert perp_ok({"perpetrator": None}, _gold(None))
    assert not perp_ok({"perpetrator": None}, _gold("UFG"))
