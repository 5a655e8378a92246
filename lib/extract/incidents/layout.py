"""The layout of a news article: its title, its body's sentences, paragraphs, and the dateline ("KABUL, Dec 13 —")
whose place names where the story was filed, not where the event happened."""
from __future__ import annotations

import re

from lib.extract.dates import find_dates, heading_date

UPPER = "A-ZÀ-ÖØ-Þ"  # capitals with accents too: "BOGOTÁ", "SÃO PAULO"
DATELINE = re.compile(rf"^\s*([{UPPER}][{UPPER}'’.\-]+(?:\s+[{UPPER}][{UPPER}'’.\-]+)*(?![\w])[^—–\n]{{0,60}}?)\s*(?:—|–|--)\s*")
_CAPITALS = re.compile(rf"[{UPPER}]{{3,}}")
_SENTENCE_END = re.compile(r"[.!?\"”’]$")
_BLANK_LINE = re.compile(r"\n\s*\n")
# what may stand before an entry's date ("Tue 12/01/2021 —", "On 9 December 2019, ") and after it
_ENTRY_LEAD = re.compile(r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:On\s+)?")
_ENTRY_TAIL = re.compile(r"\s*(?::|—|–|--?|,)?\s+(?=\S)")


def body(text: str, spans) -> list:
    """The sentence spans of the story: all of them but a first line without final punctuation, the title (it names
    the story but is not evidence)."""
    out = list(spans)
    first = text[spans[0][0]: spans[0][1]]
    if len(spans) > 1 and "\n" in text[spans[0][1]: spans[1][0]] and not _SENTENCE_END.search(first):
        out = spans[1:]
    return out


def dateline_end(text: str, body_spans) -> int:
    """Where the dateline of the first sentence ends ("PESHAWAR, March 5 — "), 0 when it has none."""
    if not body_spans:
        return 0
    lead_start = body_spans[0][0]
    m = DATELINE.match(text[lead_start: body_spans[0][1]])
    if m and _CAPITALS.match(m.group(1)):
        return lead_start + m.end()
    return 0


def paragraphs(text: str, spans) -> dict:
    """(start, end) of each sentence -> the number of its paragraph (paragraphs part at a blank line)."""
    out = {}
    para = 0
    prev_end = 0
    for s, e in spans:
        if _BLANK_LINE.search(text[prev_end:s]):
            para += 1
        out[(s, e)] = para
        prev_end = e
    return out


def entry_openers(text: str, spans) -> dict:
    """(start, end) of each sentence that opens a dated entry of an incident log -> (date, precision) of its opener: a
    line that begins with a full date ("2021/09/06:", "Tue 12/01/2021 —", "3 Jan 2015 —", "On 9 December 2019, ..."),
    when the text has at least two such lines. Each entry is an incident of its own, dated by its opener, whatever
    the entry before it said."""
    candidates = []
    for s, e in spans:
        if text[text.rfind("\n", 0, s) + 1: s].strip():
            continue  # not at the start of a line
        head = text[s: min(e, s + 48)]
        lead = _ENTRY_LEAD.match(head).end()
        if not head[lead: lead + 1].isdigit() and head[lead: lead + 1] not in "JFMASOND":
            continue
        candidates.append((s, e, head, lead))
    if len(candidates) < 2:
        return {}  # (fewer than two lines that may open an entry: no log, and no date to read)
    out = {}
    for s, e, head, lead in candidates:
        first = next(iter(find_dates(head[lead:])), None)
        if first is not None and first.start == 0 and first.precision == "day" and first.kind == "absolute" \
                and _ENTRY_TAIL.match(head, lead + first.end):
            out[(s, e)] = (first.date, first.precision)
        elif (written := heading_date(head[lead:])) is not None:  # "03NOV18 —", "Sat 05 Aug 23 —", "Nov-04-2019:"
            out[(s, e)] = (written[0], "day")
    return out if len(out) >= 2 else {}


def misread_headings(text: str, openers: dict, published) -> dict:
    """(start, end) of each entry opened by a date that find_dates misreads and heading_date reads -> the dates
    find_dates reads inside that heading instead ("Aug 23" in "Sat 05 Aug 23 —"): an incident dated so takes the
    heading's date."""
    out = {}
    for (s, e), (day, _precision) in openers.items():
        head = text[s: min(e, s + 48)]
        lead = _ENTRY_LEAD.match(head).end()
        first = next(iter(find_dates(head[lead:])), None)
        if first is not None and first.start == 0 and first.kind == "absolute":
            continue  # read by find_dates itself
        written = heading_date(head[lead:])
        if written is not None:
            out[(s, e)] = {d.date for d in find_dates(head[: lead + written[1]], published) if d.date and d.date != day}
    return out
