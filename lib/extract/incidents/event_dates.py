"""The date of an incident: the best date expression of its clause that is not a date of reporting, and whether the
clause tells the event as past."""
from __future__ import annotations

import re

from lib.extract.dates import PRECISION_RANK, find_dates, parse_date
from lib.extract.incidents.triggers import find_triggers

_SUPERLATIVE_SINCE = re.compile(r"\b(?:\w+est|worst|first|biggest|most\s+\w+)\b[^,;]*?\bsince\b", re.I)


# "arrested on Tuesday", "his body was found on 21 March", "claimed the attack on Friday", "were freed on Monday": the
# date of a later step (an arrest, a discovery, a claim, a release), not of the event
_LATER_STEP = re.compile(
    r"\b(?:arrested|detained|charged|claimed|found|discovered|recovered|sentenced|convicted|released|freed|rescued"
    r"|appeared\s+in\s+court|identified|handed\s+over|arrest|claim|statement)\b(?:\s+[\w'’-]+){0,6}?\s+"
    r"(?:on|in|at|late|early|last)?\s*$", re.I)
_LATER_STEP_WORDS = ("arrest", "detained", "charged", "claim", "found", "discovered", "recovered", "sentenced",
                     "convicted", "released", "freed", "rescued", "appeared", "identified", "handed", "statement")


def later_step(clause: str, start: int) -> bool:
    """True when the date expression at start dates a later step of the story (an arrest, a discovery, a claim, a
    release) rather than the event: such a verb comes just before it, and no trigger between."""
    before = clause[max(0, start - 80): start]
    low = before.lower()
    if not any(w in low for w in _LATER_STEP_WORDS):
        return False
    m = _LATER_STEP.search(before)
    if not m:
        return False
    gap = before[m.start() + len(m.group(0).split()[0]):]
    # "arrested two men who had attacked a bus on Monday": the date is the attack's; "claimed the attack on Monday"
    # names the event told before, whose date it is not
    return not any(not _REFERS_BACK.search(gap[: a]) for a, *_ in find_triggers(gap))


_REFERS_BACK = re.compile(r"\b(?:the|this|that|its|their|both|for)\s+(?:[\w'’-]+\s+)?$", re.I)


def event_dates(clause, clause_start, dateline_end, pub, anchor_ref):
    """The date expressions of a clause that may date its event: not a date of reporting, not in the dateline, not the
    date of a later step (an arrest, a body found, a claim)."""
    exprs = [x for x in find_dates(clause, pub, anchor_ref)
             if x.date and not x.reporting and clause_start + x.start >= dateline_end and not later_step(clause, x.start)]
    # "the deadliest since the army seized power in February 2021": what follows "since" is another, earlier
    # event; its date is not this one's unless that part states an attack of its own
    sm = _SUPERLATIVE_SINCE.search(clause)
    if sm and not find_triggers(clause[sm.end():]):
        exprs = [x for x in exprs if x.start < sm.end()]
    return exprs


def clause_date(clause, clause_start, dateline_end, pub, anchor_ref=None, anchor_month=False):
    """(date, precision) of a clause's event, (None, None) when it states none: the most precise explicit date,
    one with digits first, the earliest of equals. With anchor_month ("came a day after ..."), month names are read
    relative to the anchor event's date rather than the publication."""
    pub_for = pub
    if anchor_month and anchor_ref:
        pub_for = parse_date(anchor_ref + "-28" if len(anchor_ref) == 7 else anchor_ref) or pub
    exprs = event_dates(clause, clause_start, dateline_end, pub_for, anchor_ref)
    if not exprs:
        return None, None
    explicit = [x for x in exprs if x.kind != "anaphoric"] or exprs
    best = max(explicit, key=lambda x: (PRECISION_RANK[x.precision], any(c.isdigit() for c in x.text), -x.start))
    return best.date, best.precision


def soft_date(clause, clause_start, dateline_end, pub, date) -> bool:
    """True when the clause dates its event to the publication day only by "overnight" ("in an overnight raid"): a
    weekday or a date a later sentence gives, a few days before, is the event's."""
    if not date or pub is None or date != pub.isoformat() or "overnight" not in clause.lower():
        return False
    return all(x.text.lower() == "overnight" for x in event_dates(clause, clause_start, dateline_end, pub, None)
               if x.date == date)


def sets_soft_date(date, precision, soft_value) -> bool:
    """True when (date, precision), a later statement's, may replace soft_value, a date from "overnight": a day
    within the week before it."""
    if not date or precision != "day" or not soft_value:
        return False
    a, b = parse_date(date), parse_date(soft_value)
    return a is not None and b is not None and 0 < (b - a).days <= 7


def sentence_date(sentence, start, dateline_end, pub):
    """(date, precision) a follow-up sentence gives its incident: its most precise date, the earliest of equals."""
    exprs = [x for x in find_dates(sentence, pub, None) if x.date and not x.reporting and start + x.start >= dateline_end
             and not later_step(sentence, x.start)]
    if not exprs:
        return None, None
    best = max(exprs, key=lambda x: (PRECISION_RANK[x.precision], -x.start))
    return best.date, best.precision


_PAST_VERB = re.compile(r"\b\w+ed\b|\b(?:went|struck|blew|shot|hit|tore|set|threw|thrown|broke|overran|came|took|drove|killed"
                        r"|left|led|fell|began|fought|held|lost|swept|spread|stole|stolen|seized|cut)\b")


def told_as_past(clause: str, date: str | None, pub) -> bool:
    """True when the clause has a verb in the past or its date lies wholly before the publication day."""
    return bool(_PAST_VERB.search(clause)) or before(date, pub)


def before(value: str | None, pub) -> bool:
    """True when a date string ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD') lies wholly before the publication day."""
    if not value or pub is None:
        return False
    return value < pub.isoformat()[: len(value)]
