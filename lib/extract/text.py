"""Sentence boundaries and small text helpers shared by place and incident extraction."""
import re
from bisect import bisect_right
from operator import itemgetter

from lib.extract import rules

_ABBREVIATIONS = frozenset(rules.words("abbreviations"))
# a run of stops (then closing quotes) before whitespace, or a line break (a blank line is one boundary); the
# first character is one of a small set, so the scan skips the rest of the text in C
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s)|(?<=\n)(?:\s*\n)?)")
# the word before a stop, read backwards from the stop in the reversed text (an anchored match, no scan)
_WORD_BACKWARDS = re.compile(r"[\w.]*")
_NEXT_CHARACTER = re.compile(r"\s*(\S)")
_START = itemgetter(0)
_WORD_WINDOW = 48  # abbreviations and initials are short: look only at the end of the sentence so far


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split text into (start, end) spans of sentences, stripped of surrounding whitespace.

    Newlines always end a sentence (titles, datelines and paragraphs are separate); a full stop after a
    common abbreviation or a single capital initial does not.
    """
    spans = []
    start = 0
    size = len(text)
    backwards = None
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if "\n" not in match.group(0):
            if backwards is None:
                backwards = text[::-1]
            stop = match.start()
            word = _WORD_BACKWARDS.match(backwards, size - stop, size - max(start, end - _WORD_WINDOW))
            length = word.end() - word.start() if word else 0  # none: the stops fill the window
            token = text[stop - length:stop].lower().rstrip(".")
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            following = _NEXT_CHARACTER.match(text, end)
            if following and (following.group(1).islower() or following.group(1) in "—–"):  # "WINDSOR, Ont. — A man"
                continue
        _append_stripped(text, start, end, spans)
        start = end
    _append_stripped(text, start, size, spans)
    return spans


def _append_stripped(text, start, end, spans):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span that contains offset (or the nearest one before it); spans are sorted by start, as
    sentence_spans gives them (a bisection in C)."""
    if not spans:
        return (0, 0)
    index = bisect_right(spans, offset, key=_START)
    return spans[index - 1] if index else spans[0]


def sentences_at(spans: list[tuple[int, int]], offsets) -> list[tuple[int, int]]:
    """sentence_at for each offset, the starts listed once (the extractor asks for every mention of a text)."""
    if not spans:
        return [(0, 0) for _ in offsets]
    starts = [start for start, _ in spans]
    first = spans[0]
    return [spans[index - 1] if (index := bisect_right(starts, offset)) else first for offset in offsets]
