"""Sentence boundaries and small text helpers shared by place and incident extraction."""
import re

from lib.extract import rules

_ABBREVIATIONS = frozenset(rules.words("abbreviations"))
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)|\n\s*\n|\n")
_LAST_WORD = re.compile(r"([\w.]+)[.!?]+[\"'”’)\]]*$")
_WORD_WINDOW = 48  # abbreviations and initials are short: look only at the end of the sentence so far


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split text into (start, end) spans of sentences, stripped of surrounding whitespace.

    Newlines always end a sentence (titles, datelines and paragraphs are separate); a full stop after a
    common abbreviation or a single capital initial does not.
    """
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if "\n" not in match.group(0):
            word = _LAST_WORD.search(text, max(start, end - _WORD_WINDOW), end)
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            nxt = text[end:].lstrip()
            if nxt and (nxt[0].islower() or nxt[0] in "—–"):  # "WINDSOR, Ont. — A man ...": no sentence opens on a dash
                continue
        _append_stripped(text, start, end, spans)
        start = end
    _append_stripped(text, start, len(text), spans)
    return spans


def _append_stripped(text, start, end, spans):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span that contains offset (or the nearest one before it)."""
    lo, hi = 0, len(spans) - 1
    best = spans[0] if spans else (0, 0)
    while lo <= hi:
        mid = (lo + hi) // 2
        if spans[mid][0] <= offset:
            best = spans[mid]
            lo = mid + 1
        else:
            hi = mid - 1
    return best
