"""Sentence spans: the rules they follow, and the fast scanner agreeing with a plain statement of those rules."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lib.extract import text as text_module
from lib.extract.text import sentence_at, sentence_spans

_PLAIN_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)|\n\s*\n|\n")
_PLAIN_LAST_WORD = re.compile(r"([\w.]+)[.!?]+[\"'”’)\]]*$")


def plain_sentence_spans(text):
    """The rules written the slow, obvious way: a reference for the scanner in lib.extract.text."""
    spans, start = [], 0
    for match in _PLAIN_BOUNDARY.finditer(text):
        end = match.end()
        if "\n" not in match.group(0):
            word = _PLAIN_LAST_WORD.search(text, max(start, end - text_module._WORD_WINDOW), end)
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in text_module._ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            rest = text[end:].lstrip()
            if rest and (rest[0].islower() or rest[0] in "—–"):
                continue
        text_module._append_stripped(text, start, end, spans)
        start = end
    text_module._append_stripped(text, start, len(text), spans)
    return spans


def sentences(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def test_a_full_stop_after_an_abbreviation_or_an_initial_does_not_end_the_sentence():
    assert sentences("Gen. Smith and J. Doe met in Kabul. They left.") == [
        "Gen. Smith and J. Doe met in Kabul.", "They left."]


def test_a_stop_before_a_lower_case_word_does_not_end_the_sentence():
    assert sentences("The U.N. said... it was calm. Later it was not.") == [
        "The U.N. said... it was calm.", "Later it was not."]


def test_line_breaks_end_sentences_and_a_blank_line_is_one_boundary():
    assert sentences("KABUL\n\n  A blast hit the city!\" Police came\nNo one died") == [
        "KABUL", "A blast hit the city!\"", "Police came", "No one died"]


def test_a_run_of_stops_longer_than_the_word_window_still_ends_a_sentence():
    text = "Wait" + "." * 60 + " Then it went."
    assert sentences(text) == ["Wait" + "." * 60, "Then it went."]


PUNCTUATION_HEAVY = st.lists(st.sampled_from([
    "Mr", "Gen", "U", "S", "a", "J", "etc", "no", "Kabul", "it", ".", "..", "!", "?", "?!", "\"", "”", ")", "’",
    " ", "  ", "\n", "\n \n", "\t", "\u00a0", "e.g", "3.5", "x_y", "Ü",
]), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=st.one_of(PUNCTUATION_HEAVY, st.text(max_size=300)))
def test_the_scanner_finds_the_spans_the_plain_rules_give(text):
    assert sentence_spans(text) == plain_sentence_spans(text)


def plain_sentence_at(spans, offset):
    """The span holding offset, or the last one before it, by a plain scan."""
    before = [span for span in spans if span[0] <= offset]
    return before[-1] if before else (spans[0] if spans else (0, 0))


def test_the_sentence_at_an_offset_is_the_one_holding_it_or_the_last_before_it():
    spans = [(3, 10), (12, 20), (25, 30)]
    assert [sentence_at(spans, offset) for offset in (0, 3, 11, 12, 24, 99)] == [
        (3, 10), (3, 10), (3, 10), (12, 20), (12, 20), (25, 30)]
    assert sentence_at([], 5) == (0, 0)
    assert sentence_at([[0, 4], [5, 9]], 6) == [5, 9]


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(PUNCTUATION_HEAVY, st.text(max_size=200)), offset=st.integers(min_value=-5, max_value=250))
def test_the_sentence_at_an_offset_agrees_with_a_plain_scan(text, offset):
    spans = sentence_spans(text)
    assert sentence_at(spans, offset) == plain_sentence_at(spans, offset)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="ab .!?\n", max_size=120), offsets=st.lists(st.integers(-2, 130), max_size=12))
def test_the_spans_of_many_offsets_are_those_sentence_at_gives_one_by_one(text, offsets):
    spans = sentence_spans(text)
    assert text_module.sentences_at(spans, offsets) == [sentence_at(spans, offset) for offset in offsets]
