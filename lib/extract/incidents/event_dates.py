"""The date of an incident: the best date expression of its clause that is not a date of reporting, and whether the
clause tells the event as past."""
from __future__ import annotations

import re

from lib.extract.dates import PRECISION_RANK, find_dates, parse_date
from lib.extract.incidents.triggers import find_triggers

_SUPERLATIVE_SINCE = re.compile(r"\b(?:\w+est|worst|first|biggest|most\s+\w+)\b[^,;]*?\bsince\b", re.I)


def event_dates(clause, clause_start, dateline_end, pub, anchor_ref):
    """The date expressions of a clause that may date its event: not a date of reporting, not in the dateline."""
    exprs = [x for x in find_dates(clause, pub, anchor_ref)
             if x.date and not x.reporting and clause_start + x.start >= dateline_end]
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


def sentence_date(sentence, start, dateline_end, pub):
    """(date, precision) a follow-up sentence gives its incident: its most precise date, the earliest of equals."""
    exprs = [x for x in find_dates(sentence, pub, None) if x.date and not x.reporting and start + x.start >= dateline_end]
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
