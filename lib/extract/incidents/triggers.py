"""Trigger phrases and the incident types they give, and the guards that tell a reported event from a hypothetical,
planned, general or vague one. The phrases are rules/en/incident_triggers.csv, the type order
rules/en/incident_type_priority.txt.
"""
from __future__ import annotations

import re
from bisect import bisect_right

try:
    import ahocorasick
except ImportError:  # pragma: no cover - the regex below does the same, more slowly
    ahocorasick = None

from lib.extract import rules
from lib.extract.incidents import folding

TYPE_PRIORITY = rules.words("incident_type_priority")
REPORTED_AS_OTHER = ("vehicle", "operation", "arson", "robbery")  # kinds of trigger reported as the type "other"
TYPES = tuple(t for t in TYPE_PRIORITY if t not in REPORTED_AS_OTHER) + ("other",)


def trigger_groups(rows, origin: str = "<rules>") -> list[tuple[str, str, int, tuple[str, ...]]]:
    """(type, pattern, strength, stems) for each type and strength of the trigger rows, their patterns joined as one
    alternation in file order; a row with an unknown type, a strength other than 1 or 2, no stem or a pattern
    that does not compile raises RuleError."""
    groups: dict[tuple[str, int], tuple[list, list]] = {}
    for row in rows:
        where = f"{origin}: trigger {row.get('pattern')!r}"
        if row["type"] not in TYPE_PRIORITY:
            raise rules.RuleError(f"{where}: type {row['type']!r} is not in incident_type_priority.txt")
        if row["strength"] not in ("1", "2"):
            raise rules.RuleError(f"{where}: strength must be 1 or 2, not {row['strength']!r}")
        stems = row["stems"].split("|")
        if not all(stems):
            raise rules.RuleError(f"{where}: every trigger needs its stems")
        try:
            re.compile(row["pattern"])
        except re.error as error:
            raise rules.RuleError(f"{where}: {error}") from None
        patterns, group_stems = groups.setdefault((row["type"], int(row["strength"])), ([], []))
        patterns.append(row["pattern"])
        group_stems.extend(stem for stem in stems if stem not in group_stems)
    return [(kind, "|".join(patterns), strength, tuple(stems)) for (kind, strength), (patterns, stems) in groups.items()]


_TRIGGER_FILE = str(rules.path_of("incident_triggers", ".csv"))
_TRIGGER_ROWS = rules.table("incident_triggers", ("type", "strength", "stems", "pattern"))
TRIGGERS = trigger_groups(_TRIGGER_ROWS, _TRIGGER_FILE)
# (type, compiled pattern, strength, stems): a clause runs only the patterns whose stems it contains
TRIGGER_PATTERNS = [(kind, re.compile(r"\b(?:" + pattern + r")", re.I), strength, frozenset(stems))
                    for kind, pattern, strength, stems in TRIGGERS]
# the rows of each pattern of TRIGGER_PATTERNS, (pattern, stems) in file order
_ROWS_BY_GROUP: dict[tuple, list] = {}
for _row in _TRIGGER_ROWS:
    _ROWS_BY_GROUP.setdefault((_row["type"], int(_row["strength"])), []).append(
        (_row["pattern"], frozenset(_row["stems"].split("|"))))
_GROUP_ROWS = [tuple(_ROWS_BY_GROUP[(kind, strength)]) for kind, _, strength, _ in TRIGGERS]
_NARROWED: dict[tuple, re.Pattern] = {}


def _narrowed(group: int, stems) -> re.Pattern:
    """The pattern of TRIGGER_PATTERNS[group] with only the rows whose stems a clause holds, in file order: a row
    matches only where one of its stems is, so the alternation without the others finds the same matches, faster."""
    held = TRIGGER_PATTERNS[group][3] & stems  # (a frozenset: with the group, the key of the narrowed pattern)
    rx = _NARROWED.get((group, held))
    if rx is None:
        rows = _GROUP_ROWS[group]
        present = [pattern for pattern, row_stems in rows if not row_stems.isdisjoint(held)]
        rx = TRIGGER_PATTERNS[group][1] if len(present) == len(rows) else \
            re.compile(r"\b(?:" + "|".join(present) + r")", re.I)
        if len(_NARROWED) < 4096:
            _NARROWED[(group, held)] = rx
    return rx


# every trigger pattern contains one of these stems, so a clause with none of them has no trigger
STEMS = tuple(dict.fromkeys(stem for *_, stems in TRIGGERS for stem in stems))

if ahocorasick is not None:
    _STEM_AUTOMATON = ahocorasick.Automaton()
    for _stem in STEMS:
        _STEM_AUTOMATON.add_word(_stem, _stem)
    _STEM_AUTOMATON.make_automaton()

    def stem_hits(low: str):
        """(start, stem) of every trigger stem in lowered text, overlapping ones included."""
        return [(end - len(stem) + 1, stem) for end, stem in _STEM_AUTOMATON.iter(low)]

    def stems_in(low: str) -> set:
        """The trigger stems lowered text holds (stem_hits without the positions)."""
        return {stem for _, stem in _STEM_AUTOMATON.iter(low)}
else:  # pragma: no cover
    _STEM_LOOKAHEAD = re.compile("(?=(" + "|".join(sorted(STEMS, key=len, reverse=True)) + "))")

    def stem_hits(low: str):
        """(start, stem) of every trigger stem in lowered text, overlapping ones included."""
        out = []
        for m in _STEM_LOOKAHEAD.finditer(low):
            for stem in STEMS:
                if low.startswith(stem, m.start()):
                    out.append((m.start(), stem))
        return out

    def stems_in(low: str) -> set:
        """The trigger stems lowered text holds (stem_hits without the positions)."""
        return {stem for _, stem in stem_hits(low)}


def sentences_with_stems(text, low, hits, spans) -> set:
    """The spans holding a trigger stem at the start of a word (or at the span's start)."""
    spans = [(s, e) for s, e in spans]
    starts = [s for s, _ in spans]
    if not folding.plain_case(text) or any(a > b for a, b in zip(starts, starts[1:])):
        return set(spans)
    out = set()
    for pos, stem in hits:
        i = bisect_right(starts, pos) - 1
        if i < 0:
            continue
        s, e = spans[i]
        if pos + len(stem) > e:
            continue
        if pos > s:
            c = low[pos - 1]
            if c.isalnum() or c == "_":
                continue
        out.add((s, e))
    return out


_WOULD_BE = re.compile(r"would-be\s+$|potential\s+$|alleged\s+$|suspected\s+$|failed\s+$", re.I)
# "militants armed with rifles and rocket-propelled grenades stormed ...": the weapons an attacker carries are not
# the event, so a weapon named in the list is no trigger (the verb after it is)
_WEAPON = (r"(?:[\w'’-]+\s+){0,2}?[\w'’-]*?(?:grenades?|explosives?|bombs?|rifles?|guns?|pistols?|firearms?|machetes?|knives"
           r"|knife|weapons?|launchers?|rockets?|RPGs?|AK-47s?|Kalashnikovs?)(?![\w'’-])")
_ARMED_WITH = re.compile(rf"\b(?:armed|equipped)\s+with\s+({_WEAPON}(?:,?\s+(?:and|or)\s+{_WEAPON}|,\s+{_WEAPON})*)", re.I)


def find_triggers(clause: str) -> list[tuple[int, int, str, int]]:
    """(start, end, type, strength) of every trigger in clause, but those after "would-be" and the like and the
    weapons an attacker is armed with."""
    stems = stems_in(clause.lower())
    if not stems:
        return []
    every = not folding.plain_case(clause)
    found = []
    for group, (kind, rx, strength, needs) in enumerate(TRIGGER_PATTERNS):
        if not every:
            if stems.isdisjoint(needs):
                continue
            rx = _narrowed(group, stems)
        for m in rx.finditer(clause):
            if _WOULD_BE.search(clause[max(0, m.start() - 12): m.start()]):
                continue
            found.append((m.start(), m.end(), kind, strength))
    if found and "with" in clause:
        carried = [m.span(1) for m in _ARMED_WITH.finditer(clause)]
        if carried:
            found = [f for f in found if not any(a <= f[0] < b for a, b in carried)]
    if found:
        found = _without_other_steps(clause, found)
    return found


# "has been charged with kidnapping", "was sentenced to 20 years for the bombing": the crime a court step names is
# not an event this clause reports, up to the clause's next part ("... after a woman was stabbed")
_COURT = re.compile(r"\b(?:charged\s+with|convicted\s+(?:of|over|for)|guilty\s+of|accused\s+of|pleaded\s+(?:not\s+)?guilty\s+to"
                    r"|sentenced|jailed|acquitted|indicted|arraigned|(?:on|stand|stands|standing|face|faces|facing)\s+trial)\b", re.I)
_TOLL_WORD = re.compile(r"\b(?:killed|killing|died|dead|wounded|wounding|injured|injuring)\b", re.I)
_COURT_SCOPE_END = re.compile(r"\b(?:after|when|following|because|while|as)\b|[,;]", re.I)
# "troops rescued four passengers held by kidnappers": the end of a kidnapping, not one
_RESCUE = re.compile(
    r"\b(?:troops|soldiers|police|policemen|officers|army|forces|military|commandos|vigilantes|operatives|navy)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:rescued|freed|liberated|secured\s+the\s+release\s+of)\b"
    r"|\b(?:rescued|freed|liberated)\s+(?:[\w'’-]+\s+){0,6}?by\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?:troops|soldiers|police|officers|army"
    r"|forces|military|commandos|vigilantes|operatives|navy)\b", re.I)
# "Hours after the blast, gunmen shot dead ...": the event the opening phrase names is one told before
_AFTER_OTHER = re.compile(
    r"^\W*(?:(?:only|just|barely|some)\s+)?(?:(?:hours|minutes|days|weeks|moments|an?\s+(?:hour|day|week)|\w+\s+(?:hours|days|weeks|minutes))\s+"
    r"|shortly\s+|soon\s+)?after\s+(?:the|a|an|this|that|last\s+\w+['’]s|\w+['’]s)\s+[^,;]{0,60}?,", re.I)
_STEP_WORDS = ("charg", "convict", "guilty", "accused", "sentenc", "jailed", "acquit", "indict", "arraign", "trial", "rescu",
               "freed", "liberat", "release", "after")
# the words of _STEP_WORDS every match of _COURT, of _RESCUE and of _AFTER_OTHER holds: in a plain-case clause a
# pattern whose words are absent cannot match and is not run
_COURT_WORDS = _STEP_WORDS[:10]
_RESCUE_WORDS = _STEP_WORDS[10:14]


def _without_other_steps(clause: str, found):
    """found without the triggers that name a crime a court step is about (but one told with its toll), a kidnapping a rescue ended, or an event
    an opening "Hours after the blast," refers to."""
    low = clause.lower()
    if not any(w in low for w in _STEP_WORDS):
        return found
    plain = folding.plain_case(clause)
    drop = []
    for m in _COURT.finditer(clause) if not plain or any(w in low for w in _COURT_WORDS) else ():
        end = _COURT_SCOPE_END.search(clause, m.end())
        scope = (m.end(), end.start() if end else len(clause))
        if not _TOLL_WORD.search(clause, *scope):
            drop.append(scope)  # "jailed for the bombs that killed 30 people on 13 May 2008" still tells that event
    if (not plain or any(w in low for w in _RESCUE_WORDS)) and _RESCUE.search(clause):
        found = [f for f in found if f[2] != "kidnapping" and f[3] == 2]
    m = _AFTER_OTHER.match(clause) if not plain or "after" in low else None
    if m and any(a >= m.end() for a, *_ in found):
        drop.append((m.start(), m.end()))
    return [f for f in found if not any(a <= f[0] < b for a, b in drop)]


def type_of(triggers) -> tuple[str | None, int]:
    """The incident type and strength of a clause's triggers: the first in TYPE_PRIORITY among the strongest."""
    if not triggers:
        return None, 0
    strength = max(s for *_, s in triggers)
    kinds = {t for _, _, t, s in triggers if s == strength}
    for t in TYPE_PRIORITY:
        if t in kinds:
            if t == "vehicle" and "bombing" in kinds:
                return "bombing", strength
            return ("other" if t in REPORTED_AS_OTHER else t), strength
    return "armed_attack", strength


def kills_and_burns(triggers) -> bool:
    """True when the strongest triggers name both an arson and an armed attack ("executed a teacher and then set fire
    to the school"): with victims, the attack is the event's kind."""
    if not triggers:
        return False
    strength = max(s for *_, s in triggers)
    kinds = {t for _, _, t, s in triggers if s == strength}
    return "arson" in kinds and "armed_attack" in kinds


def is_operation(triggers) -> bool:
    """True when the strongest triggers name a security-force operation ("a military operation", "a raid"): the
    dead it reports are mostly the militants it targeted, a figure apart from victims."""
    if not triggers:
        return False
    strength = max(s for *_, s in triggers)
    kinds = {t for _, _, t, s in triggers if s == strength}
    return "operation" in kinds and type_of(triggers)[0] == "other"


# ------------------------------------------------------------------------- hypothetical, planned, general, vague
# "could strike", "plans to attack"; not "connected to a fire" nor "on the road to Nyahuka and took ...": "to" before an
# article or a name is a preposition
_MODAL_BEFORE = re.compile(r"\b(?:could|might|may|would|will|can|cannot|should|must"
                           r"|to(?=\s+(?!(?:a|an|the|this|that|these|those|its|his|her|their|our)\s)(?![A-Z])))\s+(?:\w+\s+){0,2}$")
_WOULD_BE_WORD = re.compile(r"\bwould-be\b")
_MODAL_AFTER = re.compile(r"^\w*\s*(?:cannot\s+be\s+ruled\s+out|could|might|may|were\s+(?:very\s+)?likely"
                          r"|are\s+(?:very\s+)?likely|are\s+very\s+hard)")
# "planning a bomb attack", "foiled a plot to attack": an event that did not happen (unless it has a toll)
_PLANNED_BEFORE = re.compile(
    r"\b(?:plann(?:ing|ed)|plott(?:ing|ed)|prepar(?:ing|ed)|conspir(?:ing|ed|acy)|intend(?:ing|ed)|foil(?:ed|ing)|thwart(?:ed|ing)"
    r"|avert(?:ed|ing)|suspicion\s+of|plots?\s+to|plans?\s+to|warn(?:ed|s|ing)?\s+(?:of|about|against)|threats?\s+of"
    r"|fears?\s+of|risk\s+of|danger\s+of|alerts?\s+(?:of|about|over))\s+(?:(?:to|a|an|the|carry\s+out|stage|launch|commit|mount)\s+)*"
    r"(?:[\w'’-]+\s+){0,2}$", re.I)
# "a bomb plot", "an attack plan", "a bomb hoax": not an event
_PLOT_AFTER = re.compile(r"^[ \t]*(?:plots?|plotters?|plans?|threats?|alerts?|scares?|hoax(?:es)?|warnings?|drills?|suspects?)\b", re.I)
_HYPO_NOUNS = re.compile(r"\b(?:similar|copycat|further|more|future|new|other|possible|such)\s+(?:\w+\s+)?(?:attacks?|strikes?|raids?|bombings?|devices?|violence)\b", re.I)
_FEARED = re.compile(r"\b(?:fears?|feared|warn(?:ed|s)?|likely|threat|plan(?:s|ned)?\s+to|prevent|ruled\s+out)\b")
_VAGUE = re.compile(
    r"\b(?:scores\s+of|several|series\s+of|string\s+of|spate\s+of|wave\s+of|waves\s+of|dozens\s+of|hundreds\s+of|thousands\s+of"
    r"|many|numerous|a\s+number\s+of|repeated|frequent|counted|more\s+than\s+[\d,]+|over\s+[\d,]+|rise\s+in|surge\s+in)\s+"
    r"(?:\w+[\s-]+){0,3}?(?:attacks|bombings|shootings|explosions|blasts|strikes|raids|incidents|kidnappings|abductions|killings)\b"
    # "where hijacked ships were held", "kidnappings of crew peaked": a kind of event, not one event
    r"|\bhijacked\s+(?:ships|vessels|boats|planes)\b|(?<!\bthe\s)\b(?:kidnappings|abductions|hijackings)\s+of\s+(?!the\b)", re.I)
_GENERIC_PLURAL = re.compile(r"\b(?:the\s+)?(?:terrorist\s+|militant\s+|recent\s+)?(?:attacks|bombings|killings)\s+(?:in|on|against|involving)\b", re.I)


def is_hypothetical(clause: str, triggers, killed, injured, date) -> bool:
    """True when the clause's triggers speak of an event that may, could or was planned to happen, not one that did
    ("militants could strike again", "foiled a plot to attack"); a toll or a date makes most of these real."""
    for a, b, _, _ in triggers:
        window = clause[max(0, a - 30): a]
        if _MODAL_BEFORE.search(window) and not _WOULD_BE_WORD.search(window):
            return True
        if _MODAL_AFTER.search(clause[b: b + 40]):
            return True
    if not (killed or injured) and any(
            _PLANNED_BEFORE.search(clause[max(0, a - 60): a]) or _PLOT_AFTER.match(clause[b: b + 20]) for a, b, _, _ in triggers):
        return True
    if _HYPO_NOUNS.search(clause) and date is None and killed is None and injured is None:
        return True
    return bool(_FEARED.search(clause)) and not killed and not injured and not date


# "its cells still carry out ambushes and bombings", "regularly attack army posts": what a group does, not an event
_HABITUAL = re.compile(
    r"\b(?:still|continues?\s+to|keeps?|regularly|often|frequently|routinely|usually|periodically|repeatedly|sometimes|occasionally"
    r"|increasingly)\s+(?:[\w'’-]+\s+){0,2}?(?:carry|carries|launch|launches|stage|stages|mount|mounts|conduct|conducts|attack|attacks"
    r"|kidnap|kidnaps|abduct|abducts|plant|plants|target|targets|raid|raids|ambush|ambushes|strike|strikes|kill|kills|bomb|bombs"
    r"|set|sets)\b"
    r"|\b(?:carry|carries)\s+out\s+(?:[\w'’-]+\s+){0,2}?(?:attacks|ambushes|bombings|raids|kidnappings|abductions|killings|assaults)\b",
    re.I)


def is_vague(clause: str, killed, injured, date, precision) -> bool:
    """True when the clause counts or generalises events ("scores of bombings", "attacks on its citizens", "its cells
    still carry out ambushes") rather than reporting one; a toll with a date to the day or month keeps it one event."""
    vague = bool(_VAGUE.search(clause)) or (bool(_GENERIC_PLURAL.search(clause)) and not date and killed is None) \
        or bool(_HABITUAL.search(clause))
    if vague and (killed or injured) and date and precision in ("day", "month"):
        return False
    return vague


# a small boat, whose crew carried off makes the boarding a kidnapping
_SMALL_BOAT = re.compile(r"\b(?:trawler|fishing\s+(?:boat|vessel)|boat|speedboat|dhow|yacht|launch|tugboat)s?\b", re.I)


def crew_taken(trig, clause) -> bool:
    """True when a clause whose strongest triggers name both a hijacking and a kidnapping tells of a small boat
    boarded and its people taken away ("boarded a fishing trawler ... and took three crew members away")."""
    strength = max(s for *_, s in trig)
    kinds = {t for _, _, t, s in trig if s == strength}
    return "kidnapping" in kinds and bool(_SMALL_BOAT.search(clause))
