"""Clauses: where a sentence splits into pieces that may each report an event, and the markers that tell a new
event ("a second bomb", "Hours later, ...", "came a day after ...") from one already told ("the blast")."""
from __future__ import annotations

import re

from lib.extract.dates import find_dates
from lib.extract.incidents.triggers import find_triggers

DEFINITE = re.compile(
    r"\b(?:the|this|that|these|those|its|either|neither|both)\s+(?:\w+[\s-]+){0,2}?(?:attacks?|bombings?|blasts?|explosions?|assault|raid"
    r"|bomber|bombers|gunmen|attackers?|assailants?|violence|killings?|kidnapping|abduction|hostages|device|crash|shooting|carnage"
    r"|siege|standoff|stand-off)\b", re.I)
# "Al-Shabaab claimed the attack in a statement on Tuesday", "said that its fighters had carried out the killings":
# a claim of the event told before, whose date is the statement's
CLAIM_OF_KNOWN = re.compile(
    r"\b(?:claimed|claiming|claims)\s+(?:responsibility\s+for\s+|credit\s+for\s+)?(?:the|this|that|its|both)\s+(?:\w+[\s-]+){0,2}?"
    r"(?:attacks?|bombings?|blasts?|explosions?|killings?|kidnapping|abduction|assault|raid|ambush|shooting)\b"
    r"|\b(?:its|their)\s+(?:fighters|men|militants|members|mujahideen|soldiers)\s+(?:had\s+)?(?:carried\s+out|conducted|staged"
    r"|planted|set\s+off|detonated)\s+(?:the|this|that|both)\b", re.I)
NEW_EVENT = re.compile(r"\b(?:second|another|two\s+more|three\s+more|more\s+explosions|separate|earlier|previous|also\s+(?:struck|attacked|exploded))\b"
                       # "Hours after the blast, gunmen shot dead ...": the next event, told after the one it follows
                       r"|^\W*(?:(?:only|just|barely|some)\s+)?(?:hours|minutes|days|moments|an?\s+(?:hour|day)|\w+\s+(?:hours|days|minutes))"
                       r"\s+after\s+(?:the|this|that)\s+[^,;]{0,60}?,", re.I)
CAME_AFTER = re.compile(
    r"\b(?:came|comes|come|occurred|happened)\s+(?:only\s+|just\s+|barely\s+|shortly\s+|soon\s+|some\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|\d+)\s+(?:hour|day|week|month|year)s?\s+|(?:hours|days|weeks|months)\s+)?after\b", re.I)
EVENT_NOUN = re.compile(r"\b(?:attacks?|bombings?|blasts?|explosions?|assault|raid|killings?|kidnapping|abduction|violence|shooting|crash)\b", re.I)
# "the deadliest attack in the area since March 2021, when gunmen killed 58": an earlier event named for comparison
COMPARED_WITH = re.compile(r"\b(?:\w+est|worst|biggest|most\s+\w+)\s+(?:[\w'’-]+\s+){0,6}?since\b[^.;]*?,?\s+when\b", re.I)
# "Hours later, ...", "Meanwhile, ...": the opening of the story's next event
SEQUENCE_START = re.compile(
    r"^\W*(?:(?:only\s+|just\s+|some\s+)?(?:hours|minutes|days|a\s+day|a\s+few\s+hours|an\s+hour|\w+\s+(?:hours|days))\s+later"
    r"|later\s+(?:that|the\s+same|on\s+the\s+same)\s+(?:day|night|evening|morning|afternoon)"
    r"|later\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the\s+(?:next|following)\s+(?:day|morning|night)"
    r"|meanwhile|separately|elsewhere|in\s+(?:a\s+)?separate\s+(?:attack|incident)|in\s+another\s+(?:attack|incident))\b", re.I)


def split_clauses(sentence: str, offset: int):
    """Split a sentence into (start, end) pieces at ', and ' / '; ' where a new event may begin."""
    cuts = [0]
    for m in re.finditer(r",\s+and\s+|;\s+|,\s+while\s+", sentence):
        cuts.append(m.end())
    cuts.append(len(sentence))
    return [(offset + a, offset + b) for a, b in zip(cuts, cuts[1:]) if b > a]


# "..., while in Tank district gunmen shot dead a policeman", "; in Beni, militants stormed ...": a clause that opens
# on a place of its own and names an event of its own may be another incident (kept apart when the place differs)
_PLACE_START = re.compile(r"^in\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*(?:\s+(?:district|province|region|county|state|town|city|village|area))?\s*,?\s+(?!said\b|says\b)")


def own_place_event(ctext) -> bool:
    """True when the clause opens on a place ("in Beni, ...") and names an event of its own after it."""
    m = _PLACE_START.match(ctext)
    return bool(m) and any(st == 2 for *_, st in find_triggers(ctext[m.end():]))


def merge_clauses(text, clauses, pub):
    """Keep a clause apart only when it has its own trigger and its own date or 'another' marker."""
    merged = []
    for cs, ce in clauses:
        if not merged:
            merged.append((cs, ce))
            continue
        ctext = text[cs:ce]
        own = bool(find_triggers(ctext)) and (
            any(x.date and not x.reporting for x in find_dates(ctext, pub)) or bool(NEW_EVENT.search(ctext))
            or own_place_event(ctext))
        if not own:
            merged[-1] = (merged[-1][0], ce)
        else:
            merged.append((cs, ce))
    return merged



# "In Washington, the White House condemned the bombing": a reaction to the event told before, said somewhere else
_REACTION = re.compile(
    r"\b(?:condemned|condemning|condemns|denounced|denouncing|deplored|decried|mourned|expressed\s+(?:\w+\s+)?(?:condolences"
    r"|sympathy|shock|outrage|concern|sorrow)\s+(?:over|at|about|for)|offered\s+(?:\w+\s+)?condolences\s+(?:over|for))\s+"
    r"(?:the|this|that|these|those|its|both|saturday's|sunday's|monday's|tuesday's|wednesday's|thursday's|friday's)\s+", re.I)
# "The two wounded officers were being treated at a hospital in Manama": the care of victims already counted
_TREATMENT = re.compile(
    r"^\W*(?:the|both|all|two|three|four|five|six|\d+)\s+(?:(?:of\s+the\s+)?[\w'’-]+\s+){0,3}?(?:were|was|are|is)\s+(?:still\s+|later\s+)?"
    r"(?:being\s+)?(?:treated|cared\s+for|admitted)\s+(?:at|in)\b", re.I)
_ASIDE_WORDS = ("condemn", "denounc", "deplor", "decried", "mourned", "condolences", "sympathy", "shock", "outrage",
                "concern", "sorrow", "treated", "cared", "admitted")  # one is in every _REACTION and _TREATMENT


def aside(ctext) -> bool:
    """True when the clause reacts to the event told before ("the White House condemned the bombing") or tells how
    its victims are cared for ("the wounded were being treated at ..."): no event of its own and not its place."""
    low = ctext.lower()
    if not any(w in low for w in _ASIDE_WORDS):
        return False
    return bool(_TREATMENT.search(ctext) or _REACTION.search(ctext))
