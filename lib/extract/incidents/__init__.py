"""Find security incidents in an article: type, date, place, tolls, victims and perpetrator.

    find_incidents(text, mentions, published) -> [incident, ...]

The article is read sentence by sentence (lib.text). A sentence, or a clause of it, that holds a trigger
("suicide bomber", "gunmen opened fire", "abducted") and reports a concrete event (a date, a toll, or the
lead of the article) starts an incident. Later sentences that refer back to it ("The blast tore apart ...",
"Two Chinese citizens died and two others were wounded") add what it lacks: a more precise date, a more
specific place, tolls, victims' nationality, the group that claimed it. A clause with its own, different date
("In 2013, a suicide bombing ...") or introduced as another event ("a second bomb", "came a day after")
starts another incident. Hypothetical and general statements, statistics and vague plural references are
not incidents.

mentions are the resolved place mentions of the text (dicts with start, end, surface, name, kind,
country_code, lat, lon, place_id, ...); the incident's place is chosen among them.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right

try:
    import ahocorasick
except ImportError:  # pragma: no cover - the regex below does the same, more slowly
    ahocorasick = None

from lib.extract.dates import PRECISION_RANK, compatible, find_dates, parse_date
from lib.extract.text import sentence_spans

__all__ = ["find_incidents", "parse_number", "find_tolls", "TYPES"]

TYPES = ("bombing", "suicide_bombing", "armed_attack", "kidnapping", "hijacking", "assassination", "other")

# ---------------------------------------------------------------------------------------------- triggers
_TRIGGERS = [
    # (type, pattern, strength) - strength 2: names an event; 1: generic word that only refers to one
    ("suicide_bombing", r"suicide[\s-]+(?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers|s)?|blasts?|vests?|explosions?|car[\s-]bomb(?:ing)?s?)"
                        r"|blew\s+(?:himself|herself|themselves)\s+up", 2),
    ("hijacking", r"hijack(?:ed|ing|ings|ers?)?\b|(?:seized|boarded|captured|commandeered)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?"
                  r"(?:ship|vessel|tanker|carrier|freighter|trawler|dhow|yacht|ferry|airliner)s?\b", 2),
    ("kidnapping", r"kidnap(?:ped|ping|pings|pers?|s)?\b|abduct(?:ed|ion|ions|ors?|s|ing)?\b|taken\s+hostage|held\s+hostage"
                   r"|hostages?\b|(?:were|was)\s+seized\b", 2),
    ("assassination", r"assassinat(?:ed|ion|ions|e|es|ing)\b", 2),
    ("bombing", r"bomb(?:s|ing|ings|ed)?\b|blasts?\b|explosions?\b|explosives?\b|IEDs?\b|improvised\s+explosive"
                r"|grenades?\b|detonat(?:ed|ion|es|e)\b|went\s+off\b|exploded\b|car[\s-]bomb"
                r"|air[\s-]?strikes?\b|air\s+raids?\b|shelling\b|shelled\b", 2),
    ("vehicle", r"(?:car|jeep|vehicle|truck|lorry|van|SUV|bus)\s+(?:\w+\s+){0,2}(?:drove|ploughed|plowed|rammed|crashed|smashed|careered)\s+into"
                r"|ramm(?:ed|ing)\s+(?:a|his|their|the)\s+(?:\w+\s+)?(?:car|vehicle|truck|lorry|van)", 2),
    ("operation", r"(?:military|security|army|counter-?terrorism|police|three-day|two-day|\w+-day)\s+(?:operation|offensive|raid)s?\b", 2),
    ("armed_attack", r"gunm[ae]n\b|opened\s+fire|shot\s+dead|shooting\s+dead|shot\s+and\s+killed|shootings?\b|stormed\b|storming\b"
                     r"|gunfire\b|gunpoint\b|armed\s+men\b|firearms?\b|knife\b|knives\b|stabb(?:ed|ing)\b|hacked\b|rampag(?:ed|e|ing)\b"
                     r"|overran\b|attacked\b|massacred?\b|gun\s+attack|gun[\s-]?battles?\b|firefights?\b"
                     r"|ambush(?:ed|es|ing)?\b"
                     # "RSF fighters and allied militias killed more than 800 people": an armed group killing is an attack
                     r"|(?:fighters|militias|militiamen|militants|insurgents|rebels|jihadists)\s+"
                     r"(?:(?!(?:were|was|been|are|is|being|who|that|have|had|has)\b)[\w'’-]+\s+){0,4}?killed\b", 2),
    ("armed_attack", r"assaults?\b|raids?\b|attacks?\b|attackers?\b|assailants?\b|shot\b|killings?\b|sieges?\b", 1),
]
_TRIGGER_RES = [(t, re.compile(r"\b(?:" + p + r")", re.I), s) for t, p, s in _TRIGGERS]
# every trigger pattern contains one of these stems, so a clause with none of them has no trigger
_TRIGGER_STEMS = (
    "suicide", "blew", "hijack", "boarded", "captured", "commandeered", "kidnap", "abduct", "hostage", "seized", "assassin", "bomb", "blast", "explo",
    "ied", "grenade", "deton", "went", "airstrike", "air strike", "air-strike", "air raid", "shell", "into", "ramm", "operation", "offensive", "raid", "gunm", "fire", "shot",
    "shoot", "storm", "gunpoint", "armed", "knife", "knives", "stabb", "hacked", "rampag", "overran", "attack",
    "massacre", "gun", "assault", "assail", "killing", "ambush", "siege",
    "fighters", "militia", "militants", "insurgents", "rebels", "jihadists",
)
# the stems each trigger pattern needs (one of them is in every match, at the start of a word): a clause runs
# only the patterns whose stems it contains
_PATTERN_STEMS = [
    ("suicide", "blew"), ("hijack", "seized", "boarded", "captured", "commandeered"), ("kidnap", "abduct", "hostage", "seized"), ("assassin",),
    ("bomb", "blast", "explo", "ied", "grenade", "deton", "went", "airstrike", "air strike", "air-strike", "air raid", "shell"), ("into", "ramm"), ("operation", "offensive", "raid"),
    ("gun", "fire", "shot", "shoot", "storm", "armed", "knife", "knives", "stabb", "hacked", "rampag", "overran", "attack",
     "massacre", "ambush", "fighters", "militia", "militants", "insurgents", "rebels", "jihadists"),
    ("assault", "raid", "attack", "assail", "shot", "killing", "siege"),
]
assert len(_PATTERN_STEMS) == len(_TRIGGERS) and {x for s in _PATTERN_STEMS for x in s} <= set(_TRIGGER_STEMS)
# characters that IGNORECASE matches to an ASCII letter without lowering to it (long s, Kelvin sign, dotted and
# dotless i): where one occurs the stems are not a safe test and every pattern runs
_FOLDS_TO_ASCII = ("\u017f", "\u212a", "\u0130", "\u0131")
if ahocorasick is not None:
    _STEM_AUTOMATON = ahocorasick.Automaton()
    for _stem in _TRIGGER_STEMS:
        _STEM_AUTOMATON.add_word(_stem, _stem)
    _STEM_AUTOMATON.make_automaton()

    def _stem_hits(low: str):
        """(start, stem) of every trigger stem in lowered text, overlapping ones included."""
        return [(end - len(stem) + 1, stem) for end, stem in _STEM_AUTOMATON.iter(low)]
else:  # pragma: no cover
    _STEM_LOOKAHEAD = re.compile("(?=(" + "|".join(sorted(_TRIGGER_STEMS, key=len, reverse=True)) + "))")

    def _stem_hits(low: str):
        out = []
        for m in _STEM_LOOKAHEAD.finditer(low):
            for stem in _TRIGGER_STEMS:
                if low.startswith(stem, m.start()):
                    out.append((m.start(), stem))
        return out


def _plain_case(text: str) -> bool:
    """True when lowering text keeps its length and IGNORECASE matches no other character to an ASCII letter."""
    return text.isascii() or not any(c in text for c in _FOLDS_TO_ASCII)
_TYPE_PRIORITY = ["suicide_bombing", "hijacking", "kidnapping", "assassination", "bombing", "vehicle", "operation",
                  "armed_attack"]

_WOULD_BE = re.compile(r"would-be\s+$|potential\s+$|alleged\s+$|suspected\s+$|failed\s+$", re.I)
_HYPOTHETICAL = re.compile(
    r"\b(?:could|might|may|would|will|can|cannot|should|must|likely|unlikely|possibl[ey]|fears?|feared|threat(?:en)?s?"
    r"|warn(?:ed|s)?|plans?|planned|prevent|avoid|seek|aims?\s+to|risk|exposed\s+to|hard\s+to|if|whether|any)\b", re.I)
# "planning a bomb attack", "foiled a plot to attack": an event that did not happen (unless it has a toll)
_PLANNED_BEFORE = re.compile(
    r"\b(?:plann(?:ing|ed)|plott(?:ing|ed)|prepar(?:ing|ed)|conspir(?:ing|ed|acy)|intend(?:ing|ed)|foil(?:ed|ing)|thwart(?:ed|ing)"
    r"|avert(?:ed|ing)|suspicion\s+of|plots?\s+to|plans?\s+to|warn(?:ed|s|ing)?\s+(?:of|about|against)|threats?\s+of"
    r"|fears?\s+of|risk\s+of|danger\s+of|alerts?\s+(?:of|about|over))\s+(?:(?:to|a|an|the|carry\s+out|stage|launch|commit|mount)\s+)*"
    r"(?:[\w'’-]+\s+){0,2}$", re.I)
# "a bomb plot", "an attack plan", "a bomb hoax": not an event
_PLOT_AFTER = re.compile(r"^[ \t]*(?:plots?|plotters?|plans?|threats?|alerts?|scares?|hoax(?:es)?|warnings?|drills?|suspects?)\b", re.I)
_HYPO_NOUNS = re.compile(r"\b(?:similar|copycat|further|more|future|new|other|possible|such)\s+(?:\w+\s+)?(?:attacks?|strikes?|raids?|bombings?|devices?|violence)\b", re.I)
_VAGUE = re.compile(
    r"\b(?:scores\s+of|several|series\s+of|string\s+of|spate\s+of|wave\s+of|waves\s+of|dozens\s+of|hundreds\s+of|thousands\s+of"
    r"|many|numerous|a\s+number\s+of|repeated|frequent|counted|more\s+than\s+[\d,]+|over\s+[\d,]+|rise\s+in|surge\s+in)\s+"
    r"(?:\w+[\s-]+){0,3}?(?:attacks|bombings|shootings|explosions|blasts|strikes|raids|incidents|kidnappings|abductions|killings)\b"
    # "where hijacked ships were held", "kidnappings of crew peaked": a kind of event, not one event
    r"|\bhijacked\s+(?:ships|vessels|boats|planes)\b|(?<!\bthe\s)\b(?:kidnappings|abductions|hijackings)\s+of\s+(?!the\b)", re.I)
_GENERIC_PLURAL = re.compile(r"\b(?:the\s+)?(?:terrorist\s+|militant\s+|recent\s+)?(?:attacks|bombings|killings)\s+(?:in|on|against|involving)\b", re.I)
_DEFINITE = re.compile(
    r"\b(?:the|this|that|these|those|its|either|neither|both)\s+(?:\w+[\s-]+){0,2}?(?:attacks?|bombings?|blasts?|explosions?|assault|raid"
    r"|bomber|bombers|gunmen|attackers?|assailants?|violence|killings?|kidnapping|abduction|hostages|device|crash|shooting|carnage)\b", re.I)
_NEW_EVENT = re.compile(r"\b(?:second|another|two\s+more|three\s+more|more\s+explosions|separate|earlier|previous|also\s+(?:struck|attacked|exploded))\b", re.I)
_CAME_AFTER = re.compile(
    r"\b(?:came|comes|come|occurred|happened)\s+(?:only\s+|just\s+|barely\s+|shortly\s+|soon\s+|some\s+)?"
    r"(?:(?:a|an|one|two|three|four|five|six|seven|\d+)\s+(?:hour|day|week|month|year)s?\s+|(?:hours|days|weeks|months)\s+)?after\b", re.I)
_EVENT_NOUN = re.compile(r"\b(?:attacks?|bombings?|blasts?|explosions?|assault|raid|killings?|kidnapping|abduction|violence|shooting|crash)\b", re.I)

# ------------------------------------------------------------------------------------------------ numbers
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMWORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
            r"|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
            r"|seventeen|eighteen|nineteen)")
_NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and\s+{_NUMWORD})?"
        rf"|a\s+dozen|one\s+dozen|half\s+a\s+dozen|{_NUMWORD}(?:\s+hundred(?:\s+and\s+{_NUMWORD})?)?|a|an)")
_QUAL = (r"(?:at\s+least|more\s+than|over|about|around|some|nearly|almost|close\s+to|up\s+to|roughly|as\s+many\s+as"
         r"|approximately|an\s+estimated|a\s+total\s+of|no\s+fewer\s+than|fewer\s+than|less\s+than|under)\s+")
_NUM_RE = re.compile(rf"\b(?:{_QUAL})?({_NUM})\b", re.I)
# the words a match of _NUM_RE can start with (it can also start with a digit)
_NUM_FIRST_WORDS = frozenset(
    "at more over about around some nearly almost close up roughly as approximately an a no fewer less under half".split()
    + list(_UNITS) + list(_TENS))
_WORD_RUN = re.compile(r"\w+")


def _numbers(clause: str):
    """The matches of _NUM_RE in clause, as its finditer gives them, trying the pattern only where a word it can
    start with begins."""
    if not _plain_case(clause):
        yield from _NUM_RE.finditer(clause)
        return
    end = 0
    for w in _WORD_RUN.finditer(clause):
        start = w.start()
        if start < end:
            continue
        word = w.group()
        if not (word[0].isdecimal() or word.lower() in _NUM_FIRST_WORDS):
            continue
        m = _NUM_RE.match(clause, start)
        if m:
            end = m.end()
            yield m


def parse_number(phrase: str) -> int | None:
    """An integer from digits or English words: '26', '1,350', 'Fifty-two', 'a dozen', 'a hundred', 'two'."""
    if phrase is None:
        return None
    p = re.sub(r"\s+", " ", phrase.strip().lower().replace("-", " "))
    p = re.sub(rf"^{_QUAL}", "", p)
    if not p:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", p):
        return int(p.replace(",", ""))
    if p in ("a dozen", "one dozen", "dozen"):
        return 12
    if p == "half a dozen":
        return 6
    if p in ("a", "an"):
        return 1
    total = 0
    current = 0
    for word in p.split():
        if word == "and":
            continue
        if word in ("a",):
            current = 1
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


_KILL_PASSIVE = re.compile(
    r"^(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|been|also|reportedly|confirmed|reported|later|all)\s+)*"
    r"(?:killed|dead|died|shot\s+dead|(?:stabbed|hacked|beaten|burned|burnt|crushed)(?:\s+or\s+\w+)?\s+to\s+death|lost\s+their\s+lives"
    r"|perished|slain|murdered|beheaded|executed|lynched)\b", re.I)
_INJ_PASSIVE = re.compile(
    r"^(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|been|also|reportedly|seriously|critically|slightly|badly)\s+)*"
    r"(?:wounded|injured|hurt)\b", re.I)
_KILL_ACTIVE = re.compile(
    r"\b(?:killing|killed|kills|kill|shooting\s+dead|shot\s+dead|shot\s+and\s+killed|massacring|massacred|murdering|murdered"
    r"|stabbing\s+to\s+death|claimed\s+the\s+lives\s+of|beheading|beheaded|executing|executed|lynching|lynched)\s+$", re.I)
_INJ_ACTIVE = re.compile(r"\b(?:wounding|wounded|wounds|injuring|injured|injures|hurting|hurt|and)\s+$", re.I)
_TOLL_RISE = re.compile(
    rf"\b(?:killed|dead|death\s+toll|toll|deaths)\b[^.;]{{0,160}}?\b(?:risen|rose|rises|climbed|increased|jumped|reached|stands\s+at|stood\s+at)\s+(?:to\s+)?(?:{_QUAL})?({_NUM})\b",
    re.I)
_ATTACKER_NOUN = re.compile(
    r"^(?:\s*(?:of\s+the\s+|of\s+them|suspected\s+|alleged\s+|heavily\s+armed\s+|armed\s+|other\s+|the\s+))*\s*"
    r"(?:attackers?|militants?|assailants?|gunm[ae]n|bombers?|insurgents?|fighters?|terrorists?|suspects?|hijackers?"
    r"|kidnappers?|rebels?|jihadists?|perpetrators?)\b", re.I)
_PARTITIVE = re.compile(r"^\s*(?:of\s+(?:the|those|whom)\b|among\s+the\b|per\s*cent|percent|%)", re.I)
_NOT_COUNT = re.compile(
    r"^\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|km|kilomet|metres|meters|miles|p\.m|a\.m|kg|kilogram"
    r"|per\s*cent|percent|%|storey|floor|billion|million|times)\b", re.I)
_AMONG_DEAD = re.compile(r"\bamong\s+the\s+(?:dead|killed|wounded|injured|victims|casualties)\b", re.I)
_DISTRACT_BEFORE = re.compile(r"\b(?:first|initially|originally|earlier|previously)\s+(?:given|put|reported|estimated|said)?\s*(?:as|at)?\s*$", re.I)
_NEGATION = re.compile(
    r"\bno\s+(?:casualties|one|deaths|injuries|fatalities)\s+(?:were|was|has\s+been|have\s+been)?\s*(?:reported|hurt|injured|killed|harmed|caused)?"
    r"|\bno\s+(?:one|body)\s+was\s+(?:hurt|injured|killed|harmed)|\bnobody\s+was\s+(?:hurt|injured|killed|harmed)"
    r"|\bwithout\s+(?:causing\s+)?(?:casualties|injuries)|\bthere\s+were\s+no\s+(?:casualties|injuries|deaths)"
    r"|\bcaused\s+no\s+(?:casualties|injuries)"
    r"|\b(?:were|was)\s+(?:all\s+)?(?:unharmed|unhurt|unscathed)|\bescaped\s+(?:unharmed|unhurt|unscathed)", re.I)
_VICTIM_STOP = re.compile(
    r"^(?:who|which|that|and|were|was|are|is|in|at|on|as|after|before|during|when|while|near|inside|outside|from|to|by"
    r"|with|had|have|has|said|according|including|among)$", re.I)


_RISE_WORDS = ("rose", "rise", "climbed", "increased", "jumped", "reached", "stand", "stood")  # in _TOLL_RISE
_DISTRACT_WORDS = ("first", "initially", "originally", "earlier", "previously")
_KILL_ACTIVE_WORDS = ("kill", "shoot", "shot", "massacr", "murder", "stabbing", "claimed", "behead", "execut", "lynch")  # one is in _KILL_ACTIVE
_NO_SPACE = re.compile(r"no\s")  # in every _NEGATION but "nobody" and "without"
_DISTRACT_WORD = re.compile(r"\b(?:first|initially|originally|earlier|previously)\b", re.I)
_AND_END = re.compile(r"\band\s+$")
_NO_BEFORE = re.compile(r"\bno\s+$", re.I)
_ONE_PASSIVE = re.compile(
    r"\s+(?:[A-Za-z][\w'’-]*\s+){1,3}?(?:(?:who|that)\s+[^,;.]{0,50}?\s+)?(?:was|has\s+been|had\s+been)\s+"
    r"(?:(?:also|later|reportedly|critically|seriously|badly)\s+)?(killed|shot\s+dead|stabbed\s+to\s+death|murdered|wounded|injured|hurt)\b")
_INJ_ACTIVE_END = re.compile(r"\b(?:wounding|wounded|wounds|injuring|injured|injures|hurting)\s+$")
_TIME_AFTER = re.compile(r"^\s*[:.]\d")
_NUMERIC_END = re.compile(r"[\d.:$]$")
_DIGIT_AFTER = re.compile(r"^\s*(?:,\d|\d)")
_PASSIVE_WORDS = (r"\b(?:were|was|have|had|has|are|been|also|killed|dead|died|shot|stabbed|hacked|beaten|burned|burnt|crushed"
                  r"|lost|perished|slain|murdered|beheaded|executed|lynched|wounded|injured|hurt|reportedly|seriously|critically|slightly|badly|confirmed"
                  r"|reported|later|all)\b")
_PASSIVE_WINDOW = re.compile(r"^((?:\s*[\w'’-]+){0,6}?)\s*(?=" + _PASSIVE_WORDS + ")")
_PASSIVE_WORD = re.compile(_PASSIVE_WORDS)
_WORDISH_RUN = re.compile(r"[\s\w'’-]*")


_AGED = re.compile(r"^\s+\d{1,3}-year-old\s+[a-z]")
_APPOSITIVE = re.compile(r"^(?:\s+[\w'’-]+){0,2}?(,\s+(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them)\b[^,;.]*,)")
# the counted noun, then "and a|an|one <noun>" closing the object: one more victim
_AND_ONE_MORE = re.compile(r"^\s+(?:[a-z][\w'’-]*\s+){1,2}?and\s+(?:a|an|one)\s+(?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*(?=\s*(?:[,.;]|$))")


def _passive_possible(after: str) -> bool:
    """False when _PASSIVE_WINDOW cannot match after: no passive word comes before the first character that is
    neither a word character nor a space, or more than six words come before it. Saves the window's slow failure."""
    word = _PASSIVE_WORD.search(after)
    if word is None or word.start() > _WORDISH_RUN.match(after).end():
        return False
    return len(after[: word.start()].split()) <= 6


def _words_between(s: str) -> int:
    return len(re.findall(r"[\w'’-]+", s))


def find_tolls(clause: str, count_attackers: bool = False) -> dict:
    """Killed and injured figures in one clause, with the victim phrase; attackers are not counted.

    Returns {"killed", "injured", "victims", "killed_at", "rise"}; a figure is None when the clause gives none.
    """
    out = {"killed": None, "injured": None, "victims": None, "killed_at": None, "rise": False}
    # each pattern below is tried only when the lowered clause holds a word it needs (when lowering is faithful)
    low = clause.lower() if _plain_case(clause) else None
    m = _TOLL_RISE.search(clause) if low is None or any(w in low for w in _RISE_WORDS) else None
    if m:
        out["killed"] = parse_number(m.group(1))
        out["rise"] = True
        out["killed_at"] = m.start(1)
    may_distract = (low is None or any(w in low for w in _DISTRACT_WORDS)) and bool(_DISTRACT_WORD.search(clause))
    for m in _numbers(clause):
        raw = m.group(1)
        start = m.start()
        # active voice: "killing at least 26 people", "wounded at least eleven people"
        prefix = clause[max(0, start - 40): start]
        active = None
        if (low is None or any(w in low[max(0, start - 40): start] for w in _KILL_ACTIVE_WORDS)) and \
                _KILL_ACTIVE.search(prefix) and not _AND_END.search(prefix):
            active = "killed"
        elif ("wound" in prefix or "injur" in prefix or "hurting" in prefix) and _INJ_ACTIVE_END.search(prefix):
            active = "injured"
        if _NO_BEFORE.search(clause[max(0, start - 4): start]):
            continue  # "no one was hurt": a negation, not a count
        is_article = raw.lower() in ("a", "an")
        subject_one = False
        if is_article and active is None and not clause[:start].strip(" ,\"“") and (m.start(1) == start):
            # the subject of the clause: "A teacher who was taken with them was killed", "A guard was wounded"
            one = _ONE_PASSIVE.match(clause, m.end())
            subject_one = bool(one)
            if one:
                active = "killed" if one.group(1).lower() not in ("wounded", "injured", "hurt") else "injured"
        if is_article and active is None:
            continue  # an article counts only as the object of a verb of killing or wounding
        value = parse_number(raw)
        if value is None:
            continue
        before = clause[:start]
        after = clause[m.end():]
        aged = is_article and bool(_AGED.match(after))  # "killing a 71-year-old woman": one person
        if _TIME_AFTER.match(after) or _NUMERIC_END.search(before[-2:]) or (_DIGIT_AFTER.match(after) and not aged):
            continue
        if _NOT_COUNT.match(after) or _PARTITIVE.match(after) or (may_distract and _DISTRACT_BEFORE.search(before)):
            continue
        attacker = bool(_ATTACKER_NOUN.match(after))
        if attacker and not count_attackers:
            continue
        kind = active
        if kind is None and not is_article and _APPOSITIVE.match(after):
            # "at least 100 people, including women and children, were killed": the aside does not part them
            ap = _APPOSITIVE.match(after)
            after = after[: ap.start(1)] + after[ap.end(1):]
        if kind is None and not is_article and _passive_possible(after):
            # passive: "Fifty-two people were killed", "more than 130 were injured", "twelve injured"
            window = _PASSIVE_WINDOW.match(after)
            if window:
                rest = after[window.end():]
                gap = window.group(1)
                if re.search(r"[,;]|\band\b|\bwho\b|\bwhich\b|\bthat\b", gap):
                    window = None
                elif _KILL_PASSIVE.match(rest):
                    kind = "killed"
                elif _INJ_PASSIVE.match(rest):
                    kind = "injured"
                if kind and _AMONG_DEAD.search(after[:80]) and not re.search(r"\b(?:killed|dead|died|wounded|injured|hurt)\b", gap):
                    kind = None
        if is_article and kind and not subject_one and not re.match(r"^\s+[a-z]", after) and not aged:
            kind = None
        if active and not is_article and _AND_ONE_MORE.match(after):
            value += 1  # "killing two patients and a nurse": three
        if is_article and kind:
            # "wounding a guard": one, but not "a number of", "a few", "a dozen" (handled), "a hundred"
            if re.match(r"^\s+(?:number|few|lot|total|handful|series|string)\b", after):
                continue
        if not kind:
            continue
        if out[kind] is None:
            out[kind] = value
            if kind == "killed":
                out["killed_at"] = m.start()
            if out["victims"] is None:
                out["victims"] = _victim_phrase(raw, after, value)
    if low is not None and "nobody" not in low and "without" not in low and not _NO_SPACE.search(low) \
            and "unh" not in low and "unsc" not in low:
        return out
    negation = _NEGATION.search(clause)
    if negation:
        neg = negation.group(0).lower()
        # "nobody was hurt" and "no one was harmed" also mean nobody died; "no one was injured" speaks of injuries only
        if out["killed"] is None and not re.search(r"injur", neg):
            out["killed"] = 0
        if out["injured"] is None and not re.search(r"death|killed|fatalit", neg):
            out["injured"] = 0
    return out


def _victim_phrase(raw: str, after: str, value: int) -> str | None:
    words = []
    for w in re.findall(r"[\w'’-]+|[,;.:()]", after)[:8]:
        if not re.match(r"[\w'’-]", w) or _VICTIM_STOP.match(w):
            break
        words.append(w)
    if not words:
        return None
    return (raw + " " + " ".join(words)).strip()


# ---------------------------------------------------------------------------------------- nationality
_DEMONYMS = {
    "Chinese": "CN", "Pakistani": "PK", "Afghan": "AF", "Afghani": "AF", "Russian": "RU", "American": "US", "British": "GB",
    "English": "GB", "Scottish": "GB", "Indian": "IN", "Iranian": "IR", "Iraqi": "IQ", "Syrian": "SY", "Turkish": "TR",
    "Thai": "TH", "Filipino": "PH", "Filipina": "PH", "Malaysian": "MY", "Indonesian": "ID", "Singaporean": "SG",
    "Japanese": "JP", "South Korean": "KR", "Korean": "KR", "North Korean": "KP", "Vietnamese": "VN", "Tajik": "TJ",
    "Uzbek": "UZ", "Kyrgyz": "KG", "Kazakh": "KZ", "Turkmen": "TM", "Nepali": "NP", "Nepalese": "NP", "Bangladeshi": "BD",
    "Sri Lankan": "LK", "French": "FR", "German": "DE", "Italian": "IT", "Spanish": "ES", "Canadian": "CA",
    "Australian": "AU", "Egyptian": "EG", "Nigerian": "NG", "Kenyan": "KE", "Somali": "SO", "Ethiopian": "ET",
    "Israeli": "IL", "Palestinian": "PS", "Lebanese": "LB", "Saudi": "SA", "Emirati": "AE", "Qatari": "QA",
    "Yemeni": "YE", "Jordanian": "JO", "Libyan": "LY", "Malian": "ML", "Burkinabe": "BF", "Nigerien": "NE",
    "Chadian": "TD", "Sudanese": "SD", "Congolese": "CD", "Cameroonian": "CM", "Central African": "CF",
    "Ukrainian": "UA", "Polish": "PL", "Dutch": "NL", "Belgian": "BE", "Swiss": "CH", "Swedish": "SE",
    "Norwegian": "NO", "Danish": "DK", "Greek": "GR", "Brazilian": "BR", "Mexican": "MX", "Colombian": "CO",
    "Burmese": "MM", "Cambodian": "KH", "Laotian": "LA", "Mongolian": "MN", "Taiwanese": "TW", "New Zealander": "NZ",
    "Irish": "IE", "Portuguese": "PT", "Austrian": "AT", "Hungarian": "HU", "Czech": "CZ", "Romanian": "RO",
    "Bulgarian": "BG", "Serbian": "RS", "Croatian": "HR", "Georgian": "GE", "Armenian": "AM", "Azerbaijani": "AZ",
    "Belarusian": "BY", "Moroccan": "MA", "Algerian": "DZ", "Tunisian": "TN", "South African": "ZA",
    "Zimbabwean": "ZW", "Ugandan": "UG", "Tanzanian": "TZ", "Rwandan": "RW", "Mozambican": "MZ", "Angolan": "AO",
    "Ghanaian": "GH", "Senegalese": "SN", "Ivorian": "CI", "Malawian": "MW", "Zambian": "ZM", "Eritrean": "ER",
    "Omani": "OM", "Kuwaiti": "KW", "Bahraini": "BH", "Maldivian": "MV", "Bhutanese": "BT", "Israeli-born": "IL",
    "Hong Kong": "HK", "Macanese": "MO", "Kosovar": "XK", "Bosnian": "BA", "Albanian": "AL", "Finnish": "FI",
    "Estonian": "EE", "Latvian": "LV", "Lithuanian": "LT", "Slovak": "SK", "Slovenian": "SI", "Peruvian": "PE",
    "Chilean": "CL", "Argentine": "AR", "Argentinian": "AR", "Venezuelan": "VE", "Cuban": "CU",
}
_VICTIM_NOUN = (r"(?:nationals?|citizens?|workers?|engineers?|employees?|tourists?|visitors?|diplomats?|teachers?|woman|man|men|women"
                r"|couple|guests?|staff|soldiers?|troops|worshippers|students?|pilgrims?|civilians?|passengers?|children|child|embassy"
                r"|consulate|people|residents?|journalists?|doctors?|officials?|policem[ae]n|police|expatriates?|experts?|technicians?"
                r"|company|companies|firms?|contractors?|labou?rers|miners?|traders?|businessm[ae]n|investors?|nurses?|aid\s+workers?"
                r"|road\s+workers?|crew|sailors?|fishermen|priests?|monks?|nuns?|missionar(?:y|ies)|hostages?|victims?|guard|guards|fans|supporters|spectators)")
_DEMONYM_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in _DEMONYMS), key=len, reverse=True)) + r")(?:-born)?\s+(?:[a-z][\w-]*\s+){0,2}?"
    + _VICTIM_NOUN + r"\b")
_FROM_LIST = re.compile(r"\b(?:visitors|tourists|nationals|citizens|people|victims|guests|pilgrims|workers|man|woman|men|women"
                        r"|passengers|worshippers|students|crew|crewmen|crew\s+members|sailors|seafarers|hostages|captives),?\s+from\s+([^.;]*?)(?:\s+(?:were|was|are|had)\b|[.;]|$)", re.I)


_DEMONYM_PEOPLE = re.compile(r"\b(" + "|".join(re.escape(k) for k in _DEMONYMS) + r")\s+(?:citizens|nationals|people)\b")


_FOREIGN = re.compile(r"\b(?:foreigners?|expatriates?)\b|\bforeign\s+(?:[a-z-]+\s+)?(?:nationals?|citizens?|guests?|workers?"
                      r"|tourists?|visitors?|staff|employees?|engineers?|residents?|passengers?|victims?)\b", re.I)


_BY_BEFORE = re.compile(r"\bby\s+(?:a|an|the|two|three|four|\d+)?\s*$", re.I)
_ATTACKERS_AFTER = re.compile(r"\s+(?:who|that)\s+(?:had\s+)?(?:blew|carried\s+out|attacked|detonated|opened\s+fire|stormed|planted"
                              r"|launched|staged)\b"
                              # "Rwandan troops deployed to the province have pushed ...": the agents of other acts
                              r"|\s+(?:(?:who|that)\s+)?(?:have\s+|has\s+|had\s+)?(?:deployed|pushed|fought|retook|recaptured|captured|arrested"
                              r"|raided|patrolled|stationed|drove\s+out)\b"
                              # "a Tunisian man shot dead two Swedish fans": the subject of an attack verb with an object
                              r"|\s+(?:opened\s+fire|blew\s+(?:himself|herself|themselves)\s+up|detonated|rammed|drove\s+(?:a|his|her|their)"
                              r"|(?:shot\s+dead|shot|stabbed|killed|murdered|attacked|hacked|beheaded|kidnapped|abducted|seized)"
                              r"(?!\s+(?:in|on|at|by|during|near|when|while|after|as|outside|inside)\b|\s*[,.;:]|\s*$))\b")


def _local_victims(span: str, stated: list[str], has_figure: bool) -> bool:
    """True when span implies victims of the site's own country: it gives a toll without naming the victims'
    nationality, or it names some nationals only as "among the dead/wounded"; never when it calls them foreign."""
    if _FOREIGN.search(span):
        return False
    if stated:
        return bool(_AMONG_DEAD.search(span))
    return has_figure


def _nationalities(clause: str, clause_start: int, mentions: list[dict]) -> list[str]:
    codes = []
    for m in _DEMONYM_RE.finditer(clause):
        # "the Afghan capital", "Pakistani Taliban": only demonyms of victims count; "Tajik border guards said" speak
        if re.match(r"^\s*(?:,\s*)?(?:said|say|says|told|reported|confirmed)\b", clause[m.end(): m.end() + 20]):
            continue
        # "by an Indonesian couple", "two Tunisian men who blew themselves up": the attackers, not the victims
        if _BY_BEFORE.search(clause[max(0, m.start() - 12): m.start()]) or _ATTACKERS_AFTER.match(clause, m.end()):
            continue
        code = _DEMONYMS[m.group(1)]
        if code not in codes:
            codes.append(code)
    for m in _FROM_LIST.finditer(clause):
        s, e = clause_start + m.start(1), clause_start + m.end(1)
        for mention in mentions:
            if s <= mention["start"] < e and mention.get("country_code"):
                code = mention["country_code"]
                if code not in codes:
                    codes.append(code)
    return codes


# --------------------------------------------------------------------------------------------- perpetrator
_NP_TAIL = re.compile(r"((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:of|for|the|al|ul|e|and|de|du|[A-Z][\w'’\-]*|al-\w+))*(?:\s+group)?)\s*$")
_NP_HEAD = re.compile(r"^\s*(?:the\s+)?((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:of|for|the|al|ul|e|and|de|du|[A-Z][\w'’\-]*|al-\w+))*(?:\s+group)?)")
_NO_NAME = {"no", "neither", "none", "nobody", "no one", "it", "they", "he", "she", "police", "officials", "the", "a", "an"}
_GENERIC_GROUP = re.compile(r"^(?:unnamed|unknown|unidentified|militants?|gunm[ae]n|attackers?|assailants?|those|insurgents?|terrorists?"
                            r"|criminals?|armed\s+men|separatists?\s*$)", re.I)
_AUTHORITY = re.compile(r"\b(?:government|authorities|police|officials|ministry|minister|president|interior|prosecutors?|investigators)\b", re.I)
_ADVERBS = re.compile(r"\s+(?:later|also|subsequently|quickly|swiftly|reportedly|has|had|have|later\s+on|soon)\s*$", re.I)


def _clean_np(np: str | None) -> str | None:
    if not np:
        return None
    np = re.sub(r"^(?:The|the)\s+", "", np.strip())
    np = re.sub(r"\s+(?:and|of|for|the)$", "", np)
    if not np or np.lower() in _NO_NAME or np.split()[0].lower() in ("no", "neither", "none"):
        return None
    np = re.sub(r"\s+group$", "", np)
    if len(np) < 3:
        return None
    return np


def _strip_appositives(s: str) -> str:
    s = re.sub(r"\([^)]*\)", "", s)
    # drop a trailing ", the group's regional branch," / ", which has waged ...,"
    s = re.sub(r",\s[^,]*,\s*$", "", s.rstrip()) if s.rstrip().endswith(",") else s
    s = re.sub(r",\s+(?:which|who|a|an|the|its)\b[^,]*,\s*$", "", s)
    return s.rstrip(" ,")


# "Islamic State's local affiliate claimed ...": the group it belongs to
_AFFILIATE = re.compile(r"((?:[A-Z][\w\-]*|al-\w+)(?:\s+(?:[A-Z][\w\-]*|al-\w+))*)['’]s\s+(?:[a-z][\w-]*\s+){0,2}"
                        r"(?:affiliate|branch|wing|province|franchise|offshoot|arm|faction|chapter|cell)\b")
_ALSO_BEHIND = re.compile(r"\balso\s+(?:behind|responsible|carried\s+out|claimed|blamed)\b")
_PERP_CLAUSE_SPLIT = re.compile(r";|\bbut\b")
_CLAIMED = re.compile(r"claimed\s+(?:responsibility|the\s+\w+|it\b|credit)")
_SAID_IT_DID = re.compile(
    r"\bsaid(?:\s+on\s+\w+)?(?:\s+that)?\s+(?:it|its\s+fighters|one\s+of\s+its\s+fighters|its\s+members|its\s+militants"
    r"|its\s+men|its\s+forces|its\s+troops)\s+(?:had\s+|has\s+|was\s+|were\s+)?(?:carried\s+out|was\s+behind|were\s+behind"
    r"|behind|killed|launched|conducted|staged|attacked|executed)")
_BLAMED = re.compile(r"\bblamed\s+(.+)$")
_WAS_BEHIND = re.compile(r"\b(?:that\s+)?([^,;]+?)(?:,[^,]*,)?\s+(?:were|was)\s+(?:responsible|behind\s+(?:the|it))")


# "The SDF blamed Turkey", "the Syrian Democratic Forces blamed ...": an acronym or a name of several capitalised words
_NAMED_BLAMER = re.compile(r"(?:\b[A-Z]{2,}|\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)\s+(?:has\s+|have\s+|had\s+|also\s+|later\s+)?$")
# "the abduction of 276 girls from Chibok by Boko Haram", "organised by the Indian Mujahideen": the agent of the event
_BY_AGENT = re.compile(
    r"\b(?:attacks?|bombings?|blasts?|abductions?|kidnappings?|killings?|massacres?|assaults?|carried\s+out|organi[sz]ed|planned"
    r"|masterminded|staged|perpetrated|committed|launched|orchestrated|[Ss]helling|strikes?|raids?|ambush(?:es)?)\s+"
    r"(?:[^,;.]{0,50}?\s)?by\s+(?:the\s+)?(?:(?:paramilitary|militant|armed|rebel|jihadist|Islamist|suspected|rival)\s+)?"
    r"((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:of|for|the|al|ul|e|de|du|[A-Z][\w'’\-]*|al-\w+))*)")
_GROUP_SUBJECT = re.compile(
    r"^\s*(?:The\s+)?((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:of|for|the|al|ul|e|[A-Z][\w'’\-]*|al-\w+))*)\s*,\s+(?:the|a|an)\s+"
    r"[^,]{0,80}?\b(?:group|movement|organi[sz]ation|militia|network|faction|outfit|insurgents)\b")
# "Its fighters stormed ...", "a siege by its gunmen": the group the sentence before named
_ITS_MEN = re.compile(r"\b(?:[Ii]ts|[Tt]he\s+group's|[Tt]he\s+group’s)\s+(?:own\s+)?(?:fighters|gunmen|militants|members|men|bombers"
                      r"|suicide\s+bombers|insurgents|attackers)\b")


# "Armed men from the Grand Ravine gang", "fighters of the Allied Democratic Forces", "by the 400 Mawozo gang": a named
# group whose members did the deed, or a gang named as such
_MEMBERS_OF = re.compile(
    r"\b(?i:fighters|militants|members|gunmen|insurgents|rebels|militiamen|men|combatants)\s+(?:of|from)\s+the\s+"
    r"((?:\d+\s+)?[A-Z][\w'’\-]*+(?:\s+(?:of|for|the|[A-Z][\w'’\-]*+))*+)"
    r"(?!\s+(?:region|province|village|area|district|town|city|state|county|camp|border)\b)")
_GANG = re.compile(r"\b[Tt]he\s+((?:\d+\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})\s+gang\b")
# "Myanmar's military said it had carried out ...": the state's forces
_STATE_FORCES = re.compile(r"\b([A-Z][\w\-]+)['’]s\s+(military|army|armed\s+forces|junta)\s*$")


def find_perpetrator(sentence: str) -> tuple[str | None, int]:
    group, strength = _find_perpetrator(sentence)
    if group is None:
        m = _GANG.search(sentence) if " gang" in sentence else None
        if m is None and " the " in sentence:
            m = _MEMBERS_OF.search(sentence)
        if m:
            np = _clean_np(m.group(1))
            if np and not _GENERIC_GROUP.match(np) and np not in _DEMONYMS and not _AUTHORITY.search(np):
                return np, 1
    return group, strength


def _find_perpetrator(sentence: str) -> tuple[str | None, int]:
    """(group, strength) named in one sentence: 3 a claim, 2 the authorities' blame, 1 the agent of the event
    ("the abduction ... by Boko Haram"), 0 none."""
    claimed, said = "claimed" in sentence, "said" in sentence
    blamed, behind = "blamed" in sentence, "responsible" in sentence or "behind" in sentence
    by = " by " in sentence
    if not (claimed or said or blamed or behind or by):
        return None, 0
    sentence = _AFFILIATE.sub(r"\1", sentence)
    clauses = _PERP_CLAUSE_SPLIT.split(sentence)
    for clause in clauses if claimed or said else ():
        m = _CLAIMED.search(clause) if claimed else None
        if m:
            before = _ADVERBS.sub("", clause[: m.start()].rstrip())
            before = re.split(r"(?:^|,\s+|\s)(?:as|and|while|after|when|but|since)\s+(?=(?:the\s+)?[A-Z])", before)[-1]
            before = _strip_appositives(before)
            if not re.match(r"^\s*(?:No|Neither|no|neither|None|none)\b", before):
                t = _NP_TAIL.search(before)
                np = _clean_np(t.group(1)) if t else None
                if np and not _GENERIC_GROUP.match(np):
                    return np, 3
        m = _SAID_IT_DID.search(clause) if said else None
        if m:
            before = _strip_appositives(clause[: m.start()].rstrip())
            state = _STATE_FORCES.search(before)
            if state:
                return f"{state.group(1)} {state.group(2)}", 3
            if not re.match(r"^\s*(?:No|Neither|no|neither)\b", before):
                t = _NP_TAIL.search(before)
                np = _clean_np(t.group(1)) if t else None
                if np and not _GENERIC_GROUP.match(np):
                    return np, 3
    for clause in clauses if blamed or behind else ():
        m = _BLAMED.search(clause) if blamed else None
        if m and (_AUTHORITY.search(clause[: m.start()]) or _NAMED_BLAMER.search(clause[: m.start()])
                  or re.search(r"\b(?:[Tt]he|[A-Z][\w'’-]+)\s+(?:army|military)\s+(?:has\s+|had\s+|also\s+|later\s+)?$", clause[: m.start()])):
            obj = m.group(1)
            first = obj.split(",")[0]
            np = None
            head = _NP_HEAD.match(first)
            if head and first.strip()[:1].isupper() or (head and first.strip().lower().startswith("the ")):
                np = _clean_np(head.group(1))
            elif re.search(r"\b(?:group|organi[sz]ation|outfit|faction|movement|network|militia)\s*$", first) and "," in obj:
                nxt = _NP_HEAD.match(obj.split(",")[1])
                np = _clean_np(nxt.group(1)) if nxt else None
            if np and not _GENERIC_GROUP.match(np):
                return np, 2
        m = _WAS_BEHIND.search(clause) if behind else None
        if m and _AUTHORITY.search(clause[: m.start(1)] + " " + m.group(1)):
            np = m.group(1).strip()
            np = re.sub(r"^.*\b(?:that|showed|said|says)\s+", "", np)
            np = re.sub(r"^(?:the|a|an)\s+", "", np)
            fm = re.match(r"^([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+from\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)$", np)
            if fm:
                np = f"{fm.group(2)} {fm.group(1)}"
            if np and np[0].isupper() and not _GENERIC_GROUP.match(np) and len(np.split()) <= 6:
                return np, 2
    m = _BY_AGENT.search(sentence) if by else None
    if m:
        np = _clean_np(m.group(1))
        if np and not _GENERIC_GROUP.match(np) and np not in _DEMONYMS and not _AUTHORITY.search(np):
            return np, 1
    return None, 0


def group_of_subject(sentence: str) -> str | None:
    """The group a sentence opens with when it describes it: "Al-Shabaab, the Somali militant group linked to al
    Qaeda, has threatened ..." gives "Al-Shabaab"."""
    m = _GROUP_SUBJECT.match(sentence)
    if not m:
        return None
    np = _clean_np(m.group(1))
    return np if np and not _GENERIC_GROUP.match(np) else None


# -------------------------------------------------------------------------------------------------- places
_KIND_RANK = {"poi": 6, "airport": 6, "neighbourhood": 6, "town": 5, "village": 5, "city": 4, "district": 3, "admin2": 3,
              "admin1": 2, "province": 2, "country": 1, "region": 0}
_SITE_PREP = re.compile(r"\b(?:at|in|near|outside|inside|on|into|through|towards|toward|across|of|around|hit|struck|rocked)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.I)
_NOT_SITE_BEFORE = re.compile(
    r"(?:\bfrom\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}|\bto\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}|\bfor\s+|\bborder\s+with\s+(?:the\s+)?"
    r"|\bbound\s+for\s+|\bsouth\s+of\s+|\bnorth\s+of\s+|\beast\s+of\s+|\bwest\s+of\s+|\bbacked\s+by\s+|\bcapital\s+of\s+"
    r"|\bmoved\s+to\s+(?:[\w'’-]+\s+){0,3}|\bhospitals?\s+in\s+|\bembassy\s+in\s+|\bofficials\s+in\s+|\bpolice\s+in\s+"
    r"|\bgovernment\s+in\s+|\bvisit\s+to\s+|\bfled\s+to\s+"
    # "a district administrator told reporters in Pemba": where a statement is made is not the event's site
    r"|\b(?:told|briefed|telling|briefing)\s+(?:reporters|journalists|the\s+press|the\s+media|a\s+news\s+agency)\s+in\s+"
    r"|\b(?:said|says|speaking|spoke)\s+in\s+|\b(?:news|press)\s+(?:conference|briefing)\s+in\s+)$", re.I)
# "abducted from their school in X", "the abduction of 276 girls from X": hostages are taken from the site
_TAKEN_FROM = re.compile(r"\b(?:kidnapp\w*|abduct\w*|seized|snatched|taken|stolen)\s+(?:[\w'’-]+\s+){0,5}from\s+"
                         r"(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
_METONYM_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:foreign\s+ministry|ministry|government|embassy|ambassador|envoy|authorities|officials|president|prime|foreign|army|military"
    r"|police|border|interior|state\s+media|said|says|has\s+asked|has\s+been|had|told|urged|condemned)\b", re.I)


def _kind_rank(mention) -> float:
    return _KIND_RANK.get((mention.get("kind") or "").lower(), 3)


def _km(a, b) -> float | None:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    p = math.pi / 180
    h = (math.sin((b["lat"] - a["lat"]) * p / 2) ** 2
         + math.cos(a["lat"] * p) * math.cos(b["lat"] * p) * math.sin((b["lon"] - a["lon"]) * p / 2) ** 2)
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def _site_mentions(text, mentions, start, end, dateline_end):
    """Mentions in text[start:end] that may be an event's site, each with a score (higher is better)."""
    out = []
    for m in mentions:
        if m["start"] < start or m["end"] > end or m["start"] < dateline_end:
            continue
        before = text[max(start, m["start"] - 60): m["start"]]
        after = text[m["end"]: m["end"] + 30]
        taken_from = bool(_TAKEN_FROM.search(before))
        if _NOT_SITE_BEFORE.search(before) and not taken_from:
            continue
        if _METONYM_AFTER.match(after) and not _SITE_PREP.search(before):
            continue
        score = _kind_rank(m)
        if _SITE_PREP.search(before) or taken_from:
            score += 2
        if re.search(r"(?:'s|’s)\s*$", text[m["end"]: m["end"] + 2]):
            score += 0.5
        out.append((score, m))
    return out


def _best_site(text, mentions, start, end, dateline_end):
    cands = _site_mentions(text, mentions, start, end, dateline_end)
    if not cands:
        return None
    return max(cands, key=lambda c: (c[0], -c[1]["start"]))[1]


_ANAPHOR_PLACE = re.compile(r"\b(?:there|the\s+(city|town|village|country|province|region|district|capital|area))\b", re.I)


def _anaphoric_place(text, mentions, start, end, dateline_end):
    m = _ANAPHOR_PLACE.search(text[start:end])
    if not m:
        return None
    noun = (m.group(1) or "").lower()
    wanted = {"city": {"city", "town"}, "town": {"town", "city"}, "village": {"town"}, "capital": {"city"},
              "country": {"country"}, "province": {"admin1"}, "region": {"admin1", "region"}, "district": {"district", "admin2"},
              "area": None}.get(noun)
    earlier = [x for x in mentions if x["end"] <= start + m.start() and x["start"] >= dateline_end]
    for x in reversed(earlier):
        if _METONYM_AFTER.match(text[x["end"]: x["end"] + 30]):
            continue
        if wanted is None or (x.get("kind") or "").lower() in wanted:
            return x
    return None


# --------------------------------------------------------------------------------------------------- main
_UPPER = "A-ZÀ-ÖØ-Þ"  # capitals with accents too: "BOGOTÁ", "SÃO PAULO"
_DATELINE = re.compile(rf"^\s*([{_UPPER}][{_UPPER}'’.\-]+(?:\s+[{_UPPER}][{_UPPER}'’.\-]+)*(?![\w])[^—–\n]{{0,60}}?)\s*(?:—|–|--)\s*")


class _Incident:
    def __init__(self, **kw):
        self.__dict__.update(kw)


# "militants armed with rifles and rocket-propelled grenades stormed ...": the weapons an attacker carries are not
# the event, so a weapon named in the list is no trigger (the verb after it is)
_WEAPON = (r"(?:[\w'’-]+\s+){0,2}?[\w'’-]*?(?:grenades?|explosives?|bombs?|rifles?|guns?|pistols?|firearms?|machetes?|knives"
           r"|knife|weapons?|launchers?|rockets?|RPGs?|AK-47s?|Kalashnikovs?)(?![\w'’-])")
_ARMED_WITH = re.compile(rf"\b(?:armed|equipped)\s+with\s+({_WEAPON}(?:,?\s+(?:and|or)\s+{_WEAPON}|,\s+{_WEAPON})*)", re.I)


def _triggers(clause: str):
    stems = {stem for _, stem in _stem_hits(clause.lower())}
    if not stems:
        return []
    every = not _plain_case(clause)
    found = []
    for (t, rx, strength), needs in zip(_TRIGGER_RES, _PATTERN_STEMS):
        if not every and stems.isdisjoint(needs):
            continue
        for m in rx.finditer(clause):
            if _WOULD_BE.search(clause[max(0, m.start() - 12): m.start()]):
                continue
            found.append((m.start(), m.end(), t, strength))
    if found and "with" in clause:
        carried = [m.span(1) for m in _ARMED_WITH.finditer(clause)]
        if carried:
            found = [f for f in found if not any(a <= f[0] < b for a, b in carried)]
    return found


def _type_of(triggers) -> tuple[str | None, int]:
    if not triggers:
        return None, 0
    strength = max(s for *_, s in triggers)
    kinds = {t for _, _, t, s in triggers if s == strength}
    for t in _TYPE_PRIORITY:
        if t in kinds:
            if t == "vehicle" and "bombing" in kinds:
                return "bombing", strength
            return ("other" if t in ("vehicle", "operation") else t), strength
    return "armed_attack", strength


def _split_clauses(sentence: str, offset: int):
    """Split a sentence into (start, end) pieces at ', and ' / '; ' where a new event may begin."""
    cuts = [0]
    for m in re.finditer(r",\s+and\s+|;\s+|,\s+while\s+", sentence):
        cuts.append(m.end())
    cuts.append(len(sentence))
    return [(offset + a, offset + b) for a, b in zip(cuts, cuts[1:]) if b > a]


def find_incidents(text: str, mentions: list[dict] | None, published: str | None, sentences=None) -> list[dict]:
    """Incidents reported in text (see the module's doc); each a dict with the sentence that states it.

    sentences: the text's sentence spans when the caller already has them (lib.text.sentence_spans).
    """
    if not text or not text.strip():
        return []
    # every trigger holds a stem at the start of a word: a text without one has no incident, and a sentence
    # without one has no trigger (it can only add to an incident found before)
    low = text.lower()
    hits = _stem_hits(low)
    if not hits:
        return []
    spans = sentences if sentences is not None else sentence_spans(text)
    if not spans:
        return []
    flagged = _sentences_with_stems(text, low, hits, spans)
    if not flagged:
        return []
    mentions = sorted([m for m in (mentions or []) if isinstance(m, dict) and "start" in m and "end" in m],
                      key=lambda m: m["start"])
    pub = parse_date(published)
    paragraph_of = _paragraphs(text, spans)
    body = list(spans)
    # a first line without final punctuation is the title: it names the story but is not evidence
    first = text[spans[0][0]: spans[0][1]]
    if len(spans) > 1 and "\n" in text[spans[0][1]: spans[1][0]] and not re.search(r"[.!?\"”’]$", first):
        body = spans[1:]
    dateline_end = 0
    lead_start = body[0][0] if body else 0
    dm = _DATELINE.match(text[lead_start: body[0][1]]) if body else None
    if dm and re.match(rf"[{_UPPER}]{{3,}}", dm.group(1)):
        dateline_end = lead_start + dm.end()
    dateline_mention = next((m for m in mentions if lead_start <= m["start"] < dateline_end), None)

    incidents: list[_Incident] = []
    current: _Incident | None = None

    for index, (s, e) in enumerate(body):
        has_stem = (s, e) in flagged
        if current is None and not has_stem:
            continue
        sentence = text[s:e]
        is_lead = index == 0
        paragraph = paragraph_of[(s, e)]
        before_sentence = current
        count_before = len(incidents)
        clauses = _merge_clauses(text, _split_clauses(sentence, s), pub) if has_stem else []
        touched_here = []
        for cs, ce in clauses:
            ctext = text[cs:ce]
            # "X came a day after Y": Y is another event; X refers to one already known
            ca = _CAME_AFTER.search(ctext)
            if ca and _triggers(ctext[ca.end():]):
                head = ctext[: ca.start()]
                refers_to_event = bool(_EVENT_NOUN.search(head))
                anchor = (current.date if current is not None and refers_to_event and current.date else
                          (pub.isoformat() if pub else None))
                inc = _build(text, cs + ca.start(), ce, s, e, mentions, pub, dateline_end, anchor_ref=anchor,
                             anchor_month=refers_to_event)
                if inc is not None and _creatable(inc, lead=False):
                    incidents.append(inc)
                    current = inc
                    inc.paragraph, inc.index = paragraph, index
                    touched_here.append(inc)
                continue
            trig = _triggers(ctext)
            if not trig:
                continue
            if current is not None and current.type in ("kidnapping", "hijacking") and " of the " in ctext:
                hd = _HOSTAGE_DEAD.search(ctext)
                if hd:
                    # "One of the hostages ... was found dead": a toll of the kidnapping, not another event
                    current.killed = (current.killed or 0) + (parse_number(hd.group(1)) or 1)
                    touched_here.append(current)
                    continue
            ref = current.date if current is not None else None
            inc = _build(text, cs, ce, s, e, mentions, pub, dateline_end, anchor_ref=ref)
            if inc is None:
                continue
            if inc.vague or inc.hypothetical:
                continue
            new = False
            if current is None:
                new = _creatable(inc, lead=index <= 1)
            elif inc.date and current.date and not compatible(inc.date, current.date) and _creatable(inc, False):
                new = True
            elif _NEW_EVENT.search(ctext) and _creatable(inc, False) and not _DEFINITE.match(ctext.strip()):
                new = True
            elif (_SEQUENCE_START.match(ctext) or _own_place_event(ctext)) and _creatable(inc, False) \
                    and not _DEFINITE.search(ctext) and _elsewhere(inc.site, current.site):
                # "Hours later, a car bomb exploded near a base in B": the next event of the story, at another place
                new = True
            elif (inc.type != current.type and {inc.type, current.type} & {"kidnapping", "hijacking", "other"}
                  and inc.strength == 2 and _creatable(inc, False) and not _DEFINITE.search(ctext)
                  and (inc.date or inc.killed is not None) and not _assault_of_kidnapping(current, inc)):
                new = True
            if new and not inc.date and current is not None and current.date and _own_place_event(ctext):
                # "..., while in Tank district gunmen shot dead a policeman": the same time as the clause before
                inc.date, inc.precision = current.date, current.precision
            if new:
                # "two more explosions went off at a guesthouse in A and at a house in B": one incident per site
                extras = _split_sites(text, inc, mentions, cs, ce, dateline_end)
                incidents.append(inc)
                inc.paragraph, inc.index = paragraph, index
                for extra in extras:
                    incidents.append(extra)
                    extra.paragraph, extra.index = paragraph, index
                current = inc
                touched_here.append(inc)
            elif current is not None:
                _merge(current, inc, text, mentions)
                current.paragraph, current.index = paragraph, index
                touched_here.append(current)
        # sentences without a trigger still add tolls, nationality, a claim, or a date to the current incident
        if current is not None and current not in touched_here:
            components = _components(current, text, s, e, mentions, dateline_end, index, paragraph)
            if components:
                incidents.extend(components)
                continue
            same_story = current.paragraph == paragraph or current is incidents[0] or index == current.index + 1
            if same_story:
                _follow_up(current, text, s, e, mentions, pub, dateline_end, index)
        if current is not None:
            claim, strength = find_perpetrator(sentence)
            if claim and strength >= current.perp_strength:
                targets = [current]
                both = re.search(r"\b(?:the|these|both|all)\s+(?:\w+\s+)?(?:attacks|bombings|blasts|explosions)\b", sentence)
                if both and both.group(0)[:4].lower() == "both" and len(incidents) >= 2 and current in incidents[-2:]:
                    targets = incidents[-2:]  # "the army blamed the RSF for both attacks": the last two
                elif both:
                    targets = [x for x in incidents if x.date and current.date and x.date[:10] == current.date[:10]] or [current]
                claim = _expand_acronym(claim, text)
                if before_sentence is not None and before_sentence not in targets and _ALSO_BEHIND.search(sentence):
                    # "a group that police say was also behind ...": the group did the earlier event too
                    targets.append(before_sentence)
                for t in targets:
                    if strength >= t.perp_strength:
                        t.perpetrator, t.perp_strength = claim, strength
            elif claim is None and len(incidents) > count_before and index > 0 and _ITS_MEN.search(sentence):
                group = group_of_subject(text[body[index - 1][0]: body[index - 1][1]])
                for t in incidents[count_before:]:
                    if group and t.perp_strength == 0:
                        t.perpetrator, t.perp_strength = group, 1

    return [_finish(inc, i, text, incidents, pub, dateline_mention, body, mentions) for i, inc in enumerate(incidents)]


def _expand_acronym(name: str, text: str) -> str:
    """"RSF" -> "Rapid Support Forces" when the article spells the name out somewhere."""
    if not (2 <= len(name) <= 6 and name.isupper() and name.isalpha()):
        return name
    pat = r"\b" + r"\s+(?:of\s+|for\s+|the\s+|and\s+)?".join(c + r"[\w'’\-]*" for c in name) + r"\b"
    m = re.search(pat, text)
    return m.group(0) if m and m.group(0) != name else name


def _paragraphs(text, spans):
    out = {}
    para = 0
    prev_end = 0
    for s, e in spans:
        if re.search(r"\n\s*\n", text[prev_end:s]):
            para += 1
        out[(s, e)] = para
        prev_end = e
    return out


def _sentences_with_stems(text, low, hits, spans) -> set:
    """The spans holding a trigger stem at the start of a word (or at the span's start)."""
    spans = [(s, e) for s, e in spans]
    starts = [s for s, _ in spans]
    if not _plain_case(text) or any(a > b for a, b in zip(starts, starts[1:])):
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


# "..., while in Tank district gunmen shot dead a policeman", "; in Beni, militants stormed ...": a clause that opens
# on a place of its own and names an event of its own may be another incident (kept apart when the place differs)
_PLACE_START = re.compile(r"^in\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*(?:\s+(?:district|province|region|county|state|town|city|village|area))?\s*,?\s+(?!said\b|says\b)")


def _own_place_event(ctext) -> bool:
    m = _PLACE_START.match(ctext)
    return bool(m) and any(st == 2 for *_, st in _triggers(ctext[m.end():]))


def _merge_clauses(text, clauses, pub):
    """Keep a clause apart only when it has its own trigger and its own date or 'another' marker."""
    merged = []
    for cs, ce in clauses:
        if not merged:
            merged.append((cs, ce))
            continue
        ctext = text[cs:ce]
        own = bool(_triggers(ctext)) and (
            any(x.date and not x.reporting for x in find_dates(ctext, pub)) or bool(_NEW_EVENT.search(ctext))
            or _own_place_event(ctext))
        if not own:
            merged[-1] = (merged[-1][0], ce)
        else:
            merged.append((cs, ce))
    return merged


_SUPERLATIVE_SINCE = re.compile(r"\b(?:\w+est|worst|first|biggest|most\s+\w+)\b[^,;]*?\bsince\b", re.I)


def _event_dates(clause, clause_start, dateline_end, pub, anchor_ref):
    exprs = [x for x in find_dates(clause, pub, anchor_ref)
             if x.date and not x.reporting and clause_start + x.start >= dateline_end]
    # "the deadliest since the army seized power in February 2021": what follows "since" is another, earlier
    # event; its date is not this one's unless that part states an attack of its own
    sm = _SUPERLATIVE_SINCE.search(clause)
    if sm and not _triggers(clause[sm.end():]):
        exprs = [x for x in exprs if x.start < sm.end()]
    return exprs


def _build(text, cs, ce, s, e, mentions, pub, dateline_end, anchor_ref=None, anchor_month=False):
    clause = text[cs:ce]
    trig = _triggers(clause)
    if not trig:
        return None
    itype, strength = _type_of(trig)
    first_trigger = min(t[0] for t in trig)
    # reference for month names in a "came ... after" clause is the anchor event, not the publication
    pub_for = pub
    if anchor_month and anchor_ref:
        pub_for = parse_date(anchor_ref + "-28" if len(anchor_ref) == 7 else anchor_ref) or pub
    exprs = _event_dates(clause, cs, dateline_end, pub_for, anchor_ref)
    date, precision = None, None
    if exprs:
        explicit = [x for x in exprs if x.kind != "anaphoric"] or exprs
        best = max(explicit, key=lambda x: (PRECISION_RANK[x.precision], any(c.isdigit() for c in x.text), -x.start))
        date, precision = best.date, best.precision
    tolls = find_tolls(clause, count_attackers=(itype == "other"))
    if tolls["killed_at"] is not None and not tolls["rise"] and ("has" in clause or "have" in clause):
        cm = _CUMULATIVE.search(clause)
        if cm and tolls["killed_at"] >= cm.start():
            # "began in 2017 with an attack ... and has since killed more than 6,000": the campaign's total
            tolls["killed"] = tolls["victims"] = None
            tolls["deadly"] = True  # the event still stands as one the story counts among the deadly
    if tolls["victims"] is None and itype in ("kidnapping", "hijacking"):
        # "Three aid workers were abducted", "abducted three Chinese nationals": the hostages are the victims
        vm = re.search(rf"\b(?:{_QUAL})?({_NUM})\s+((?:[\w'’-]+\s+){{0,4}}?)(?:were|was|had\s+been|have\s+been)\s+"
                       r"(?:kidnapped|abducted|seized|taken\s+hostage|held\s+hostage)\b", clause, re.I) or \
            re.search(rf"\b(?:kidnapped|abducted|seized|kidnapping|abduction\s+of)\s+(?:{_QUAL})?({_NUM})\s+((?:[\w'’-]+\s*){{1,4}})",
                      clause, re.I)
        if vm and parse_number(vm.group(1)) and vm.group(1).lower() not in ("a", "an"):
            words = []
            for w in vm.group(2).split():
                if _VICTIM_STOP.match(w):
                    break
                words.append(w)
            tolls["victims"] = " ".join([vm.group(1)] + words) if words else None
    trig_text = " ".join(clause[a:b] for a, b, _, _ in trig)
    hypothetical = False
    for a, b, _, _ in trig:
        window = clause[max(0, a - 30): a]
        if re.search(r"\b(?:could|might|may|would|will|can|cannot|should|must|to)\s+(?:\w+\s+){0,2}$", window) and \
                not re.search(r"\bwould-be\b", window):
            hypothetical = True
        if re.search(r"^\w*\s*(?:cannot\s+be\s+ruled\s+out|could|might|may|were\s+(?:very\s+)?likely|are\s+(?:very\s+)?likely|are\s+very\s+hard)",
                     clause[b: b + 40]):
            hypothetical = True
    if not (tolls["killed"] or tolls["injured"]) and any(
            _PLANNED_BEFORE.search(clause[max(0, a - 60): a]) or _PLOT_AFTER.match(clause[b: b + 20]) for a, b, _, _ in trig):
        hypothetical = True
    if _HYPO_NOUNS.search(clause) and date is None and tolls["killed"] is None and tolls["injured"] is None:
        hypothetical = True
    if re.search(r"\b(?:fears?|feared|warn(?:ed|s)?|likely|threat|plan(?:s|ned)?\s+to|prevent|ruled\s+out)\b", clause) and not tolls["killed"] \
            and not tolls["injured"] and not date:
        hypothetical = True
    vague = bool(_VAGUE.search(clause)) or (bool(_GENERIC_PLURAL.search(clause)) and not date and tolls["killed"] is None)
    if vague and (tolls["killed"] or tolls["injured"]) and date and precision in ("day", "month"):
        vague = False
    nationality = _nationalities(clause, cs, mentions)
    cands = sorted(_site_mentions(text, mentions, cs, ce, dateline_end), key=lambda c: (-c[0], c[1]["start"]))
    sites = [m for _, m in cands]
    site = sites[0] if sites else _anaphoric_place(text, mentions, cs, ce, dateline_end)
    return _Incident(sites=sites,
        type=itype, strength=strength, date=date, precision=precision, killed=tolls["killed"], injured=tolls["injured"],
        rise=tolls["rise"], victims=tolls["victims"], nationality=nationality, site=site,
        local=_local_victims(clause, nationality, bool(tolls["killed"] or tolls["injured"])),
        foreign=bool(_FOREIGN.search(clause)),
        perpetrator=None, perp_strength=0, sentence=(s, e), clause=(cs, ce), vague=vague, hypothetical=hypothetical,
        trigger_text=trig_text, first_trigger=cs + first_trigger, index=None, paragraph=None, evidence=1,
        deadly=tolls.get("deadly", False),
        past=bool(_PAST_VERB.search(clause)) or _before(date, pub),
    )


_PAST_VERB = re.compile(r"\b\w+ed\b|\b(?:went|struck|blew|shot|hit|tore|set|threw|thrown|broke|overran|came|took|drove|killed"
                        r"|left|led|fell|began|fought|held|lost|swept|spread|stole|stolen|seized)\b")


def _before(value: str | None, pub) -> bool:
    """True when a date string ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD') lies wholly before the publication day."""
    if not value or pub is None:
        return False
    return value < pub.isoformat()[: len(value)]


_SEQUENCE_START = re.compile(
    r"^\W*(?:(?:only\s+|just\s+|some\s+)?(?:hours|minutes|days|a\s+day|a\s+few\s+hours|an\s+hour|\w+\s+(?:hours|days))\s+later"
    r"|later\s+(?:that|the\s+same|on\s+the\s+same)\s+(?:day|night|evening|morning|afternoon)"
    r"|later\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the\s+(?:next|following)\s+(?:day|morning|night)"
    r"|meanwhile|separately|elsewhere|in\s+(?:a\s+)?separate\s+(?:attack|incident)|in\s+another\s+(?:attack|incident))\b", re.I)


def _elsewhere(site, other) -> bool:
    """True when two known sites are more than 10 km apart."""
    if site is None or other is None or _same_place(site, other):
        return False
    d = _km(site, other)
    return d is not None and d > 10


def _assault_of_kidnapping(current, inc) -> bool:
    """'Gunmen stormed the school on 7 March' after 'pupils abducted earlier this month': the armed assault by which
    hostages were taken, told with a date that agrees, is the kidnapping itself."""
    return (current.type in ("kidnapping", "hijacking") and inc.type == "armed_attack" and inc.killed is None
            and bool(current.date) and bool(inc.date) and compatible(inc.date, current.date))


_HOSTAGE_DEAD = re.compile(
    r"^\W*(\w+)\s+of\s+the\s+(?:\w+\s+)?(?:hostages|captives|abductees|kidnapped|kidnap\s+victims|crew|crew\s+members)\b"
    r"[^;]{0,80}?\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:later\s+)?(?:found\s+dead|killed|executed|shot\s+dead)",
    re.I)


def _creatable(inc, lead: bool) -> bool:
    if inc.vague or inc.hypothetical:
        return False
    if not inc.past:
        return False
    concrete = inc.date is not None or inc.killed is not None or inc.injured is not None
    if lead:
        return inc.strength == 2 or concrete
    return concrete and (inc.strength == 2 or inc.killed or inc.injured or getattr(inc, "deadly", False))


def _split_sites(text, inc, mentions, cs, ce, dateline_end):
    """Extra incidents for 'at X ... and at Y' with a plural trigger; inc keeps the first site."""
    clause = text[cs:ce]
    if not re.search(r"\b(?:two|three|four|several|more)\s+(?:more\s+)?(?:\w+\s+)?(?:explosions|blasts|bombs|attacks|bombings)\b", clause, re.I):
        return []
    parts = re.split(r"\s+and\s+(?=(?:at|in|on|near|outside)\s)", clause)
    if len(parts) < 2:
        return []
    extras = []
    offset = cs
    sites = []
    for part in parts:
        pstart = text.find(part, offset)
        site = _best_site(text, mentions, pstart, pstart + len(part), dateline_end)
        offset = pstart + len(part)
        sites.append(site)
    if sum(1 for x in sites if x) < 2 or len({x["start"] for x in sites if x}) < 2:
        return []
    inc.site = sites[0] or inc.site
    for site in sites[1:]:
        if site is None:
            continue
        extras.append(_Incident(**{**inc.__dict__, "site": site, "nationality": list(inc.nationality)}))
    return extras


def _more_specific(new_site, old_site) -> bool:
    if new_site is None:
        return False
    if old_site is None:
        return True
    if new_site.get("place_id") and new_site.get("place_id") == old_site.get("place_id"):
        return False
    if _kind_rank(new_site) <= _kind_rank(old_site):
        return False
    cc_new, cc_old = new_site.get("country_code"), old_site.get("country_code")
    if cc_new and cc_old and cc_new != cc_old:
        return False
    d = _km(new_site, old_site)
    if d is not None and _kind_rank(old_site) >= 4 and d > 50:
        return False
    if d is not None and _kind_rank(old_site) >= 2 and d > 400:
        return False
    return True


def _merge(cur, new, text, mentions):
    cur.evidence += 1
    sharper_date = False
    if new.date and (not cur.date or (compatible(new.date, cur.date) and
                                       PRECISION_RANK[new.precision] > PRECISION_RANK[cur.precision])):
        sharper_date = cur.date is not None and new.precision == "day"
        cur.date, cur.precision = new.date, new.precision
    sharper_site = False
    for candidate in new.sites or [new.site]:
        if _more_specific(candidate, cur.site):
            sharper_site = cur.site is not None
            cur.site = candidate
            break
    if sharper_date and new.strength == 2:
        # the first report gave the event only to the month ("last month"); this sentence states it to the day
        cur.sentence = new.sentence
    if cur.strength < new.strength:
        cur.type, cur.strength = new.type, new.strength
    elif cur.type == "bombing" and new.type == "suicide_bombing":
        cur.type = "suicide_bombing"
    _merge_tolls(cur, new.killed, new.injured, new.rise, new.victims)
    cur.local = cur.local or new.local
    cur.foreign = cur.foreign or new.foreign
    for c in new.nationality:
        if c not in cur.nationality:
            cur.nationality.append(c)


def _merge_tolls(cur, killed, injured, rise, victims) -> bool:
    """Take the figures cur lacks (or a risen toll); True when a figure above zero was taken."""
    taken = False
    if killed is not None and (cur.killed is None or (rise and killed > cur.killed) or (cur.killed == 0 and killed > 0)):
        cur.killed = killed
        taken = taken or killed > 0
        if victims and not cur.victims:
            cur.victims = victims
    if injured is not None and (cur.injured is None or (cur.injured == 0 and injured > 0)):
        cur.injured = injured
        taken = taken or injured > 0
        if victims and not cur.victims:
            cur.victims = victims
    return taken


def _same_place(a, b) -> bool:
    if a is None or b is None:
        return False
    if a.get("place_id") and a.get("place_id") == b.get("place_id"):
        return True
    d = _km(a, b)
    return d is not None and d < 2


def _components(cur, text, s, e, mentions, dateline_end, index, paragraph):
    """'At St Sebastian's alone, more than fifty ... were killed, and in Batticaloa at least 25 ...': parts of a
    series (an incident with a toll) reported at other sites, in a sentence that names no trigger itself."""
    if cur.killed is None or index > cur.index + 3:
        return []
    out = []
    for cs, ce in _split_clauses(text[s:e], s):
        clause = text[cs:ce]
        tolls = find_tolls(clause)
        if not tolls["killed"] and not tolls["injured"]:
            continue
        if tolls["rise"] or (tolls["killed"] or 0) >= cur.killed:
            continue
        cands = _site_mentions(text, mentions, cs, ce, dateline_end)
        cands = [m for sc, m in cands if _SITE_PREP.search(text[max(cs, m["start"] - 40): m["start"]])]
        if not cands:
            continue
        site = cands[0]
        if _same_place(site, cur.site) or any(_same_place(site, x.site) for x in out):
            continue
        cc_site, cc_cur = site.get("country_code"), (cur.site or {}).get("country_code")
        if cc_site and cc_cur and cc_site != cc_cur:
            continue
        out.append(_Incident(**{**cur.__dict__, "site": site, "sites": [site], "killed": tolls["killed"],
                                "injured": tolls["injured"], "victims": tolls["victims"], "nationality": [], "local": False, "foreign": False,
                                "sentence": (s, e), "clause": (cs, ce), "evidence": 1, "index": index,
                                "paragraph": paragraph, "component": True}))
    return out


_CUMULATIVE = re.compile(
    r"\b(?:has|have)\s+(?:so\s+far\s+|since\s+(?:\w+\s+)?)?(?:killed|claimed\s+(?:the\s+lives|more|over|at\s+least))\b"
    r"|\b(?:insurgency|conflict|war|violence|campaign|uprising|fighting)\b[^.;]{0,60}\b(?:killed|claimed)\b"
    r"|\bsince\s+(?:(?:19|20)\d\d|the\s+(?:start|beginning))\b[^.;]{0,40}\b(?:killed|died|dead)\b", re.I)


def _follow_up(cur, text, s, e, mentions, pub, dateline_end, index):
    sentence = text[s:e]
    tolls = find_tolls(sentence, count_attackers=(cur.type == "other"))
    adopted = False
    if _CUMULATIVE.search(sentence) and not tolls["rise"]:
        tolls = {"killed": None, "injured": None}  # "The insurgency has killed more than 5,000 people": a statistic
    if tolls["killed"] is not None or tolls["injured"] is not None:
        adopted = _merge_tolls(cur, tolls["killed"], tolls["injured"], tolls["rise"], tolls["victims"])
    stated = []
    if re.search(r"\b(?:dead|killed|wounded|injured|victims|casualties|died|hurt|unharmed|unhurt|hostages|crew)\b", sentence):
        stated = _nationalities(sentence, s, mentions)
        stated += [_DEMONYMS[m.group(1)] for m in _DEMONYM_PEOPLE.finditer(sentence)]
        for c in stated:
            if c not in cur.nationality:
                cur.nationality.append(c)
    if (adopted or stated) and _local_victims(sentence, stated, adopted):
        cur.local = True
    if adopted and _FOREIGN.search(sentence):
        cur.foreign = True
    if not cur.date:
        exprs = [x for x in find_dates(sentence, pub, None) if x.date and not x.reporting and s + x.start >= dateline_end]
        if exprs:
            best = max(exprs, key=lambda x: (PRECISION_RANK[x.precision], -x.start))
            cur.date, cur.precision = best.date, best.precision


def _finish(inc, i, text, incidents, pub, dateline_mention, body, mentions):
    s, e = inc.sentence
    site = inc.site
    if site is None and i == 0 and dateline_mention is not None:
        site = dateline_mention
    if site is None and i > 0 and incidents[0].site is not None:
        site = incidents[0].site
    if site is None and dateline_mention is not None:
        site = dateline_mention
    date, precision = inc.date, inc.precision
    lead = body and (s, e) == body[0]
    if date is None and lead and i == 0 and pub is not None:
        # the lead of a report on a current event with no date of its own: the day of publication
        date, precision = pub.isoformat(), "day"
    nationality = list(inc.nationality)
    unharmed = inc.killed == 0 and inc.injured == 0
    if inc.type != "other" and not unharmed and site and site.get("country_code"):
        # victims of no stated nationality are presumed the site's people, alongside any foreigners named, unless
        # the text calls them foreign
        if (not nationality and not (inc.foreign and not inc.local)) or \
                (inc.local and site["country_code"] not in nationality):
            nationality.append(site["country_code"])
    confidence = 0.45
    confidence += 0.15 if inc.strength == 2 else 0.0
    confidence += 0.1 if date else 0.0
    confidence += 0.1 if site else 0.0
    confidence += 0.1 if (inc.killed is not None or inc.injured is not None) else 0.0
    confidence += 0.05 if inc.perpetrator else 0.0
    confidence += 0.05 if inc.evidence > 1 else 0.0
    return {
        "type": inc.type or "other",
        "date": date,
        "date_precision": precision,
        "place_id": site.get("place_id") if site else None,
        "name": site.get("name") if site else None,
        "lat": site.get("lat") if site else None,
        "lon": site.get("lon") if site else None,
        "country_code": site.get("country_code") if site else None,
        "place_surface": site.get("surface") if site else None,
        "place_start": site.get("start") if site else None,
        "place_end": site.get("end") if site else None,
        "killed": inc.killed,
        "injured": inc.injured,
        "victims": inc.victims,
        "victim_nationality": nationality,
        "perpetrator": inc.perpetrator,
        "start": s,
        "end": e,
        "sentence": text[s:e],
        "confidence": round(min(1.0, confidence), 2),
        "primary": i == 0,
    }
