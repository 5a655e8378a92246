"""The place finder's one-call split of a text into gaps and tokens gives the gazetteer's tokens."""
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.extract import gazetteer, places

ABBREVIATION_HEAVY = st.lists(st.sampled_from([
    "U", "S", "A", "u", "e", "g", "3", "5", "_", "Ü", "é", "ab", "Kabul", ".", "..", " ", "-", "'", "\n", "’",
]), max_size=50).map("".join)


def split_tokens(text):
    parts = places._SPLIT_RE.split(text)
    return parts, parts[1::2]


def test_abbreviations_with_stops_are_one_token_and_other_stops_part_words():
    _, tokens = split_tokens("U.S. troops left e.g. at 3.5 km, then U.S and A. Smith.")
    assert tokens == ["U.S.", "troops", "left", "e.g.", "at", "3", "5", "km", "then", "U", "S", "and", "A",
                      "Smith"]


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(ABBREVIATION_HEAVY, st.text(max_size=200)))
def test_the_split_gives_the_gazetteer_tokens_and_keeps_every_character(text):
    parts, tokens = split_tokens(text)
    assert "".join(parts) == text
    assert tokens == [m.group(0) for m in gazetteer.TOKEN_RE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(ABBREVIATION_HEAVY.filter(str.isascii), st.text(st.characters(max_codepoint=127), max_size=200)))
def test_an_ascii_text_splits_alike_under_ascii_classes_and_unicode_ones(text):
    assert places._SPLIT_ASCII.split(text) == places._SPLIT_RE.split(text)
