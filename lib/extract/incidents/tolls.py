"""Tolls: how many were killed and wounded in a clause, and who, with the numbers written in digits or words.

find_tolls(clause) -> {"killed", "injured", "victims", "killed_at", "rise", "attackers_killed"}; attackers are not
counted among the killed but apart, a
negation ("no one was hurt") gives zero, a partitive ("of the injured") or a measure ("five years") nothing.
"""
from __future__ import annotations

import re

from lib.extract import rules
from lib.extract.dates import HEADING_DATE
from lib.extract.incidents import folding


def number_words(rows, origin: str = "<rules>") -> dict[str, int]:
    """word -> value of the number-word rows; a word listed twice or a value that is no integer raises RuleError."""
    out: dict[str, int] = {}
    for row in rows:
        if row["word"] in out:
            raise rules.RuleError(f"{origin}: number word {row['word']!r} is listed twice")
        try:
            out[row["word"]] = int(row["value"])
        except ValueError:
            raise rules.RuleError(f"{origin}: number word {row['word']!r} has no integer value") from None
    return out


NUMBER_WORDS = number_words(rules.table("number_words", ("word", "value")), str(rules.path_of("number_words", ".csv")))
_UNITS = {word: value for word, value in NUMBER_WORDS.items() if value < 20}
_TENS = {word: value for word, value in NUMBER_WORDS.items() if value >= 20}
_ONE_TO_NINE = "|".join(word for word, value in _UNITS.items() if 1 <= value <= 9)
_NUMWORD = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{_ONE_TO_NINE})\b)?|{'|'.join(_UNITS)})"
NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:a|{_ONE_TO_NINE})\s+hundred(?:\s+and\s+{_NUMWORD})?"
       rf"|a\s+dozen|one\s+dozen|half\s+a\s+dozen|{_NUMWORD}(?:\s+hundred(?:\s+and\s+{_NUMWORD})?)?|a|an)")
QUAL = (r"(?:at\s+least|more\s+than|over|about|around|some|nearly|almost|close\s+to|up\s+to|roughly|as\s+many\s+as"
        r"|approximately|an\s+estimated|a\s+total\s+of|no\s+fewer\s+than|fewer\s+than|less\s+than|under)\s+")
_NUM_RE = re.compile(rf"\b(?:{QUAL})?({NUM})\b", re.I)
# the words a match of _NUM_RE can start with (it can also start with a digit)
_NUM_FIRST_WORDS = frozenset(
    "at more over about around some nearly almost close up roughly as approximately an a no fewer less under half".split()
    + list(_UNITS) + list(_TENS))
_WORD_RUN = re.compile(r"\w+")


def numbers(clause: str):
    """The matches of _NUM_RE in clause, as its finditer gives them, trying the pattern only where a word it can
    start with begins."""
    if not folding.plain_case(clause):
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
    p = re.sub(rf"^{QUAL}", "", p)
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
    r"^(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|been|also|reportedly|confirmed|reported|later|all"
    r"|(?:had|have|has)(?=\s+(?:also\s+|later\s+)?(?:died|perished|lost\s+their\s+lives)\b))\s+)*"
    r"(?:killed|dead|died|shot\s+dead|(?:stabbed|hacked|beaten|burned|burnt|crushed)(?:\s+or\s+\w+)?\s+to\s+death|lost\s+their\s+lives"
    r"|perished|slain|murdered|beheaded|executed|lynched)\b", re.I)
_INJ_PASSIVE = re.compile(
    r"^(?:(?:were|was|have\s+been|had\s+been|has\s+been|are|been|also|reportedly|seriously|critically|slightly|badly)\s+)*"
    r"(?:wounded|injured|hurt|stabbed(?!\s+to\s+death|\s+or\s)|slashed|grazed"
    # "Two men were taken to hospital after being stabbed": the wound told by where they were taken
    r"|(?:taken|rushed|admitted|airlifted|flown)\s+to\s+(?:a\s+|the\s+)?hospital\s+after\s+being\s+(?:[a-z]+\s+and\s+)?"
    r"(?:stabbed|shot|slashed|attacked|beaten|assaulted|wounded|injured|hurt|hit|knifed)(?!\s+(?:to\s+death|dead)))\b", re.I)
_KILL_ACTIVE = re.compile(
    r"\b(?:killing|killed|kills|kill|shooting\s+dead|shot\s+dead|shot\s+and\s+killed|massacring|massacred|murdering|murdered"
    r"|stabbing\s+to\s+death|claimed\s+the\s+lives\s+of|beheading|beheaded|executing|executed|lynching|lynched)\s+$", re.I)
_INJ_ACTIVE = re.compile(r"\b(?:wounding|wounded|wounds|injuring|injured|injures|hurting|hurt|and)\s+$", re.I)
_TOLL_RISE = re.compile(
    rf"\b(?:killed|dead|death\s+toll|toll|deaths)\b[^.;]{{0,160}}?\b(?:risen|rose|rises|climbed|increased|jumped|reached|stands\s+at|stood\s+at|(?:revised|lowered|raised|cut|reduced|corrected|updated|fell|dropped)(?:\s+(?:down|up)(?:wards?)?)?(?=\s+to\b))\s+(?:to\s+)?(?:{QUAL})?({NUM})\b"
    # a revised figure, up or down: "officials lowered the death toll to 84", "the final toll was six killed"
    rf"|\b(?:lowered|revised|raised|corrected|updated|cut|reduced|brought|bringing|took|taking|pushing|putting|raising)\s+(?:\w+\s+)?(?:death\s+)?toll\s+(?:\w+\s+)?to\s+(?:{QUAL})?({NUM})\b"
    rf"|\b(?:final|revised|updated|latest|new|official|confirmed)\s+(?:death\s+)?toll\s+(?:was|is|stood\s+at|stands\s+at|of)\s+(?:{QUAL})?({NUM})\b",
    re.I)
_ATTACKER_NOUN = re.compile(
    r"^(?:\s*(?:of\s+the\s+|of\s+them|suspected\s+|alleged\s+|heavily\s+armed\s+|armed\s+|other\s+|the\s+))*\s*"
    r"(?:attackers?|militants?|assailants?|gunm[ae]n|bombers?|insurgents?|fighters?|terrorists?|suspects?|hijackers?"
    r"|kidnappers?|rebels?|jihadists?|perpetrators?|dacoits?|bandits?|robbers?|abductors?|raiders?|pirates?|gangsters?)\b", re.I)
# "the army later gave a toll of seven", "put the toll at 12": a figure given as the toll (a revision unless a first one)
_GAVE_TOLL = re.compile(rf"\b(?:gave|give|gives|put|puts|set|sets|issued)\s+(?:a|the|an)\s+(?:final\s+|revised\s+|new\s+|higher\s+"
                        rf"|official\s+)?(?:death\s+)?toll\s+(?:of|at)\s+(?:{QUAL})?({NUM})\b", re.I)
_PARTITIVE = re.compile(r"^\s*(?:of\s+(?:the|those|whom)\b|among\s+the\b|per\s*cent|percent|%)", re.I)
_NOT_COUNT = re.compile(
    r"^-(?:year|month|week|day)s?-old\b|^\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|km|kilomet|metres|meters|miles|p\.m|a\.m|kg|kilogram"
    r"|per\s*cent|percent|%|storey|floor|billion|million|times)\b", re.I)
AMONG_DEAD = re.compile(r"\bamong\s+the\s+(?:dead|killed|wounded|injured|victims|casualties)\b", re.I)
_DISTRACT_BEFORE = re.compile(r"\b(?:first|initially|originally|earlier|previously)\s+(?:given|put|reported|estimated|said)?\s*(?:as|at)?\s*$", re.I)
_NEGATION = re.compile(
    r"\bno\s+(?:casualties|one(?!\s+else)|deaths|injuries|fatalities)\s+(?:were|was|has\s+been|have\s+been)?\s*(?:reported|hurt|injured|killed|harmed|caused)?"
    r"|\bno\s+(?:one|body)\s+(?:else\s+)?was\s+(?:hurt|injured|killed|harmed)|\bnobody\s+(?:else\s+)?was\s+(?:hurt|injured|killed|harmed)"
    r"|\bwithout\s+(?:causing\s+)?(?:casualties|injuries)|\bthere\s+were\s+no\s+(?:other\s+)?(?:casualties|injuries|deaths)"
    r"|\bcaused\s+no\s+(?:casualties|injuries)"
    r"|\b(?:were|was)\s+(?:all\s+)?(?:unharmed|unhurt|unscathed)|\b(?:escaped|released|freed|found|rescued)\s+(?:\w+\s+)?(?:unharmed|unhurt|unscathed)"
    r"|\bno\s+(?:other\s+)?(?:casualties|injuries|deaths|fatalities)\b"
    # "None of the passengers was hurt"
    r"|\bnone\s+of\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:was|were)\s+(?:hurt|injured|harmed)"
    # "his wife and children, none of whom was hurt"; "The driver escaped without injury": alive and unhurt
    r"|\bnone\s+of\s+(?:whom|them)\s+(?:was|were)\s+(?:hurt|injured|harmed)"
    r"|\b(?:escaped|emerged|walked\s+away)\s+without\s+(?:any\s+|serious\s+)?(?:injury|injuries|harm|a\s+scratch)", re.I)
# "His nephew, who was with him, was not hurt", "The driver was not injured": the one person with the victim unhurt
_ONE_UNHURT = re.compile(r"(?:^\W*|,\s+and\s+|;\s+)(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|An?)\s+(?:[\w'’-]+\s+){0,4}?[a-z][\w'’-]*"
                         r"(?:\s+who\s+(?:was|were)\s+with\s+(?:him|her|them)|,\s+(?:who|a|an)\s+[^,;]{1,60},)?"
                         r"\s+(?:was|were)\s+not\s+(?:hurt|injured|harmed)\b")
# "... who was shot in the stomach died at the hospital": the one hurt then died
_THEN_DIED = re.compile(r"\s*(?:later\s+|also\s+|subsequently\s+)?(?:died|succumbed)\b")
VICTIM_STOP = re.compile(r"^(?:" + "|".join(rules.words("victim_phrase_stops")) + r")$", re.I)


_RISE_WORDS = ("rose", "rise", "climbed", "increased", "jumped", "reached", "stand", "stood", "toll")  # in _TOLL_RISE
_DISTRACT_WORDS = ("first", "initially", "originally", "earlier", "previously")
_KILL_ACTIVE_WORDS = ("kill", "shoot", "shot", "massacr", "murder", "stabbing", "claimed", "behead", "execut", "lynch")  # one is in _KILL_ACTIVE
_PARTS_WORDS = ("kill", "died", "dead", "wound", "injur", "hurt")  # one is in every _PARTS_PASSIVE
_LONE_ATTACKER_WORDS = ("bomber", "assailant", "attacker", "gunman", "militant", "blew")  # in _LONE_ATTACKER_DEAD
_NAMED_KILL_WORDS = ("dead", "kill", "murder", "gunned", "assassin", "behead", "to death")  # one is in each _NAMED_*
_FIRST_ACCOUNT = re.compile(r"\b(?:initial(?:ly)?|first|originally|earlier|early|preliminary)\b", re.I)
_ONE_HURT_WORDS = ("wounded", "injured", "hurt", "beaten", "stabbed", "grazed", "slashed", "shot in", "hit in", "suffered",
                   "sustained")  # one is in every _ONE_SUBJECT_HURT
_NO_SPACE = re.compile(r"no\s")  # in every _NEGATION but "nobody" and "without"
_DISTRACT_WORD = re.compile(r"\b(?:first|initially|originally|earlier|previously)\b", re.I)
_AND_END = re.compile(r"\band\s+$")
_NO_BEFORE = re.compile(r"\bno\s+$", re.I)
_NONE_OF_BEFORE = re.compile(r"\bnone\s+of\s+(?:the\s+|them\s+|those\s+)?(?:other\s+)?$", re.I)
_ONE_PASSIVE = re.compile(
    # "A man in his 20s was shot in both legs": an age told after the noun; "A tribal elder, who had refused, was ..."
    r"\s+(?:[A-Za-z0-9][\w'’-]*\s+){0,2}?[A-Za-z0-9][\w'’-]*(?:\s+in\s+(?:his|her)\s+(?:early\s+|mid-|late\s+)?\d0s"
    r"|\s+(?:of|at|from)\s+(?:a|an|the)\s+[^,;.]{1,60}?)?"
    r"(?:\s+(?:who|that)\s+[^,;.]{0,50}?|,\s+(?:who|that)\s+[^,;.]{0,60},)?\s+(?:was|has\s+been|had\s+been)\s+"
    r"(?:(?:also|later|reportedly|critically|seriously|badly|fatally)\s+)?(killed|shot\s+dead|shot\s+and\s+killed|gunned\s+down"
    r"|stabbed\s+to\s+death|beaten\s+to\s+death|murdered|wounded|injured|hurt"
    r"|(?:shot|stabbed)\s+and\s+(?:wounded|injured|hurt)|(?:shot|grazed|hit|wounded|stabbed)\s+in\s+(?:the|both|his|her|one)\s+(?:\w+\s+)?(?:arm|leg|shoulder|chest|back|stomach|head|hand|foot|neck|hip|thigh)s?"
    r"|stabbed(?!\s+(?:to\s+death|and\s+killed))|grazed|slashed|(?:punched|beaten|kicked|attacked)\s+and\s+(?:slashed|stabbed))\b")
# "Two people were killed and a guard was wounded": after "and", a second subject of its own passive verb
_AND_SUBJECT = re.compile(r"\b(?:were|was)\s+(?:[a-z]+\s+){0,2}?(?:killed|wounded|injured|hurt|shot|stabbed|dead)\b"
                          r"[^,;]{0,60}?,?\s+and\s+$")
# "His driver was wounded", "Their guide was also killed": one person, named by a possessive, opening the clause
_POSSESSIVE_ONE = re.compile(
    r"^\s*(?:(?:In|On|At|Later|Earlier)\b[^,;]{0,40},\s*)?(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]he\s+[a-z][\w'’-]*['’]s)\s+"
    r"(?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*(?:,\s+(?:who|a|an|the)\s+[^,;]{1,60},)?\s+was\s+"
    r"(?:(?:also|later|critically|seriously|badly|slightly|fatally)\s+)?(killed|shot\s+dead|wounded|injured|hurt"
    r"|(?:shot|stabbed)\s+and\s+(?:wounded|injured|hurt)"
    r"|(?:shot|grazed|hit|wounded|stabbed)\s+in\s+(?:the|both|his|her|one)\s+(?:\w+\s+)?(?:arm|leg|shoulder|chest|back|stomach|head|hand|foot|neck|hip|thigh)s?)\b")
# "Ali Musa, a passer-by who asked for help, was shot in the leg", "another man was hurt", "a crew member who was
# injured": one wounded person told as the subject
_NAMED_HURT = re.compile(
    r"^\W*(?:(?:In|On|Late|Early|Last|Earlier|Later|Overnight)\b[^,;]{0,40},\s*)?((?:[A-Z][\w'’.-]*)(?:\s+(?:al-|el-|bin\s+)?[A-Z][\w'’.-]*){1,3})"
    r"(?:\s*,\s+(?:(?:a|an|the)\s+[^,;]{1,80}|\d{1,3}),)?\s+(?:was|has\s+been|had\s+been)\s+(?:(?:also|later|seriously|critically|slightly)\s+)?"
    r"(?:wounded|injured|hurt|shot\s+and\s+(?:wounded|injured)|(?:shot|grazed|hit|wounded|stabbed)\s+in\s+(?:the|both|his|her|one)\s+(?:\w+\s+)?"
    r"(?:arm|leg|shoulder|chest|back|stomach|head|hand|foot|neck|hip|thigh)s?)\b")
_ANOTHER_ONE = re.compile(r"\b[Aa]nother\s+(?:[a-z][\w'’-]*\s+){0,2}?(?:was|had\s+been|has\s+been)\s+(?:(?:also|seriously|critically|slightly)\s+)?"
                          r"(killed|shot\s+dead|wounded|injured|hurt|stabbed(?!\s+to\s+death))\b")
_ONE_WHO_WAS = re.compile(r"\s+(?:[a-z][\w'’-]*\s+){1,3}?(?:who|that)\s+(?:was|had\s+been)\s+(?:(?:also|seriously|critically|slightly)\s+)?"
                          r"(killed|wounded|injured|hurt)\b")
# "the head of a village in the gorge", "a clerk at a store on Main Street": where the one person belongs, after the noun
_WHERE_FROM = r"(?:\s+(?:of|at|from)\s+(?:a|an|the)\s+[^,;.]{1,60}?)?"
# "On 4/24/2011 the officer was killed", "The driver was wounded": one person, named by a definite singular noun
_ONE_PERSON = (r"(?:officer|policeman|policewoman|constable|soldier|guard|man|woman|boy|girl|child|driver|teacher|engineer"
               r"|journalist|doctor|nurse|worker|student|civilian|passenger|elder|judge|priest|imam|trader|shopkeeper"
               r"|businessman|farmer|shepherd|resident|victim|teenager|youth|clerk|cashier|vendor|herder|pastor|motorist|skipper|captain"
               r"|crewman|fisherman|pilot|" + "|".join(rules.words("office_words")) + r")")
_DEFINITE_ONE = re.compile(
    r"^\s*(?:[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+)*\b[^—–\n]{0,60}?\s*(?:—|–|--)\s*)?"  # a dateline
    r"(?:(?:In|On|At|Later|Earlier|Overnight)\b[^,;]{0,30}?,?\s+)?[Tt]he\s+(?:[a-z][\w'’-]*\s+){0,2}?" + _ONE_PERSON
    + _WHERE_FROM + r"(?:,\s+(?:who|a|an)\s+[^,;]{1,80},)?\s+was\s+(?:(?:also|later|critically|seriously|badly|slightly|fatally|reportedly)\s+)?"
    r"(killed|shot\s+dead|murdered|gunned\s+down|stabbed\s+to\s+death|found\s+dead|wounded|injured|hurt)\b")
# "killing the driver", "shot dead the shopkeeper": one person, the definite object of a verb of killing
_DEFINITE_OBJECT = re.compile(
    r"\b(?:killing|killed|shot\s+dead|shooting\s+dead|shot\s+and\s+killed|murdered|murdering|stabbed\s+to\s+death|gunned\s+down)"
    r"\s+(?:the|its|their)\s+((?:[a-z][\w'’-]*\s+)?" + _ONE_PERSON + r")\b(?<!s)(?![\w'’-]|\s+and\b(?!\s+(?:then\s+)?(?:took|fled|escaped|abducted|kidnapped|seized|stole|looted"
    r"|burned|torched|set|drove|made)\b)|\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+)?(?:attackers|gunmen))")
# "shot their driver in the arm", "stabbed a guard in the leg": one person wounded, the object of the verb
_SHOT_ONE_IN_LIMB = re.compile(
    r"\b(?:shot|stabbed|shooting|stabbing)\s+(?:the|their|his|her|its|a|an)\s+(?:[a-z][\w'’-]*\s+)?" + _ONE_PERSON
    + r"\s+in\s+(?:the|both|his|her|one)\s+(?:\w+\s+)?(?:arm|leg|shoulder|chest|back|stomach|head|hand|foot|neck|hip|thigh)s?\b")
_SUBJECT_OPEN = (r"(?:^\W*(?:(?:In|On|At|Later|Earlier|Overnight)\b[^,;]{0,40}?,?\s+)?|[;,]\s+(?:and\s+)?|\band\s+)"
                 r"(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|A|An|a|an)\s+")
_WHO_CLAUSE = r"(?:\s*,\s+\d{1,3},)?(?:,?\s+(?:who|that)\b[^,;]{0,60}?,?)?"
# "Their driver, who was shot in the arm, is in hospital", "A guard who tried to run was beaten", "and its driver
# suffered burns", "A second man, 31, was grazed in the arm": one person hurt, told as the subject
_ONE_SUBJECT_HURT = re.compile(
    _SUBJECT_OPEN + r"(?:[a-z0-9][\w'’-]*\s+){0,2}?" + _ONE_PERSON + _WHO_CLAUSE + r"\s+(?:(?:was|had\s+been|has\s+been)\s+"
    r"(?:(?:also|later|critically|seriously|badly|slightly)\s+)?(?:wounded|injured|hurt|beaten(?!\s+to\s+death|\s+or\s)"
    r"|stabbed(?!\s+to\s+death|\s+or\s)|grazed|slashed|(?:shot|stabbed)\s+and\s+(?:wounded|injured)"
    r"|(?:shot|grazed|hit|wounded|stabbed)\s+in\s+(?:the|both|his|her|one)\s+)"
    r"|(?:suffered|sustained)\s+(?:[a-z-]+\s+){0,2}?(?:burns|injuries|wounds|fractures|cuts|a\s+broken\s+\w+))")
# "A village chief was killed and his son wounded": one more person, hurt, told after "and"
_AND_ONE_HURT = re.compile(r"\b(?:was|were)\s+(?:shot\s+dead|killed|murdered)\s+and\s+(?:his|her|their|a|an|one)\s+(?:[a-z][\w'’-]*\s+)?"
                           r"[a-z][\w'’-]*(?<![^s]s)\s+(?:was\s+)?(?:(?:seriously|badly|critically|slightly)\s+)?(?:wounded|injured|hurt)\b")
# "A 38-year-old man is in a stable condition in hospital after being shot": one person wounded
_ONE_IN_CONDITION = re.compile(
    _SUBJECT_OPEN + r"(?:[\w'’-]+\s+){0,3}?" + _ONE_PERSON + _WHO_CLAUSE + r"\s+(?:is|was|remains|remained)\s+(?:still\s+)?in\s+(?:a\s+)?"
    r"(?:stable|serious|critical|satisfactory|fair|good|grave)(?:\s+but\s+stable)?\s+condition\b")
# "A 41-year-old man died after he was shot", "he died later in hospital", "was shot ... and later died of his wounds":
# one person dead of the attack
_ONE_DIED = re.compile(
    _SUBJECT_OPEN + r"(?:[\w'’-]+\s+){0,3}?" + _ONE_PERSON + _WHO_CLAUSE + r"\s+(?:later\s+|also\s+|subsequently\s+)?(?:died|succumbed)\b"
    r"|(?:^\W*|[;,]\s+(?:and\s+)?|\band\s+)(?:[Hh]e|[Ss]he)\s+(?:later\s+|also\s+|subsequently\s+)?(?:died|succumbed)\b"
    r"|\b(?:[Hh]e|[Ss]he)\s+was\s+(?:later\s+)?pronounced\s+dead\b"
    r"|\b(?:was|had\s+been)\s+(?:shot|stabbed|beaten|attacked|wounded|injured)\b[^.;]{0,80}?\band\s+(?:later\s+|subsequently\s+)?died\b")
# "kidnapped at Uromi and freed after three days": the hostage came back alive
_FREED = re.compile(r"\b(?:kidnapped|abducted|seized|taken\s+hostage)\b[^.;]{0,100}?\b(?:and|but)\s+(?:was\s+|were\s+)?"
                    r"(?:later\s+|eventually\s+|all\s+)?(?:freed|released|rescued)\b")
# which of _ONE_PASSIVE's verbs leave the one victim alive
_ONE_HURT = re.compile(r"(?:wounded|injured|hurt|\band\s+slashed|\band\s+stabbed)$|^(?:shot|grazed|hit|wounded|stabbed)\s+in\b|^(?:stabbed|grazed|slashed|beaten)$")
# "In January, a man was shot dead": a time or place before the clause's subject
# "11/6/19 — Kaspiysk: a trader was shot dead", "Tral, Pulwama district: ...": a log entry's date and place heading
_LEAD_PHRASE = re.compile(r"^\s*(?:[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+)*\b[^—–\n]{0,60}?\s*(?:—|–|--)\s*"
                          # a log entry's opener: "Fri 15/01/2021 — Belfast: "
                          r"|[^—–\n]{0,30}?\s(?:—|–|--)\s+[A-Z][^:;—–\n]{0,40}:\s*)?"
                          r"(?:(?:\d[\d./-]{4,9}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})\s*(?:—|–|--|:)\s*)?(?:[A-ZÀ-Þ][^:;.—–\n]{0,60}:\s*)?"
                          r"(?:(?:In|On|Late|Early|Last|Earlier|Later|At|Overnight|Hours\s+later)\b[^,;]{0,40},)?\s*[\"“]?\s*$")
# "... comes three months after a boy was stabbed to death": a clause of its own opens on its subject
_SUBORDINATE_END = re.compile(r"(?:\b(?:after|when|before|since|because|while|where)|,\s+and)\s+$")
_INJ_ACTIVE_END = re.compile(r"\b(?:wounding|wounded|wounds|injuring|injured|injures|hurting)\s+$")
_TIME_AFTER = re.compile(r"^\s*[:.]\d")
_NUMERIC_END = re.compile(r"[\d.:$/]$")
# "In 2011 a guard was killed", "on 4/24/2011": a year, not a count
_YEAR_BEFORE = re.compile(r"(?:\b(?:[Ii]n|[Oo]n|[Ss]ince|[Oo]f|[Dd]uring|[Uu]ntil|[Bb]y|[Ff]rom|[Yy]ear|[A-Z][a-z]{2,8}\.?)|[,/-])\s*$")
_DIGIT_AFTER = re.compile(r"^\s*(?:,\d|\d)")
# "On 2012-05-03", "05-03-2012": a part of a numeric date, never a count
_DATE_DASH_BEFORE = re.compile(r"\b\d{4}-(?:\d{1,2}-)?$")
_DATE_DASH_AFTER = re.compile(r"^-(?:\d{1,2}-)?\d{4}\b")
# "on February 10 killed seven", "the 10 February attack": a day of a month, never a count
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
_MONTH_BEFORE = re.compile(r"\b" + _MONTH + r"\.?\s+$")
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b")
_PASSIVE_WORDS = (r"\b(?:were|was|have|had|has|are|been|also|killed|dead|died|shot|stabbed|hacked|beaten|burned|burnt|crushed"
                  r"|lost|perished|slain|murdered|beheaded|executed|lynched|wounded|injured|hurt|reportedly|seriously|critically|slightly|badly|confirmed"
                  r"|reported|later|all)\b")
# the object of an active verb of killing after its subject's figure: "shot dead a village chief", "killed the
# driver", "murdered Ali Khan" (not a weekday or month: "Two soldiers killed Tuesday" is a headline's passive)
_ACTIVE_OBJECT = re.compile(
    r"\s+(?:a|an|the|his|her|their|its|two|three|four|five|six|seven|eight|nine|ten|"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|In|On|At|Near|After|When)\b)[A-Z][a-z]+)\b")
_AUXILIARY = re.compile(r"(?:were|was|have|had|has|are|been)\b", re.I)
_PASSIVE_WINDOW = re.compile(r"^((?:\s*[\w'’-]+){0,6}?)\s*(?=" + _PASSIVE_WORDS + ")")
_PASSIVE_WORD = re.compile(_PASSIVE_WORDS)
_WORDISH_RUN = re.compile(r"[\s\w'’-]*")


# "shot dead an American working for a charity", "killing a Canadian, ...": one person named by a demonym
_DEMONYM_ONE = re.compile(r"^\s+(?:" + "|".join(sorted((re.escape(row["demonym"]) for row in rules.table("demonyms", ("demonym", "country"))),
                                                    key=len, reverse=True))
                          + r")(?=\s+[a-z]|\s*[,.;]|\s*$)")
_AGED = re.compile(r"^\s+\d{1,3}-year-old\s+[A-Za-z]")
_APPOSITIVE = re.compile(r"^(?:\s+[\w'’-]+){0,2}?(,\s+(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them)\b[^,;.]*,)")
# where the object of a verb of killing ends: a stop, a place or time, the clause's end, the verb of wounding after it
_OBJECT_END = (r"(?=\s*(?:[,.;]|$|\s+(?:in|at|near|on|outside|inside|when|as|while|during|after|before|and\s+(?:wounding|injuring)"
               r"|and\s+(?:wounded|injured)\s+(?:\d+|a|an|at|more|about|some|[a-z]+\s+(?:people|others|civilians|soldiers)))\b))")
# "a district governor, Ahmad Wali, and his driver": a victim's name set off by commas before "and"
_NAME_APPOSITIVE = re.compile(r"^\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*(,\s+[A-Z][\w'’.-]*(?:\s+(?:al-|el-|bin\s+)?[A-Z][\w'’.-]*){0,3},)"
                              r"(?=\s+and\s)")
# the counted noun, then "and a|an|one <noun>" or "and his|her|their <noun>" closing the object: one more victim
_AND_ONE_MORE = re.compile(r"^\s+(?:[a-z][\w'’-]*\s+){1,3}?and\s+(?:(?:a|an|one)\s+(?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*" + _OBJECT_END
                           + r"|(?:his|her|their)\s+(?!(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b)(?:[a-z][\w'’-]*\s+)?"
                           r"[a-z][\w'’-]*(?<![^s]s)" + _OBJECT_END + r"|one\s+of\s+(?:his|her|their|its)\s+[a-z][\w'’-]*)")


# "the bodies of two men who had been beheaded", "five bodies were found": the dead counted by their bodies
_BODIES = re.compile(rf"\bbodies\s+of\s+(?:{QUAL})?({NUM})(?=\s)|\b(?:{QUAL})?({NUM})\s+(?:[a-z][\w'’-]*\s+)?bodies\b", re.I)
# the counted noun, then "and <number> <noun>" closing the object: more victims ("killed two soldiers and three civilians")
_NOT_NOUN = r"(?!(?:were|was|are|is|have|had|been|wounded|injured|hurt|killed|died|dead)\b)"
_AND_MORE = re.compile(rf"^\s+(?:[a-z][\w'’-]*\s+){{1,2}}?and\s+(?:(?:his|her|their)\s+)?(?:{QUAL})?({NUM})\s+"
                       rf"(?:{_NOT_NOUN}[a-z][\w'’-]*\s+)?{_NOT_NOUN}[a-z][\w'’-]*" + _OBJECT_END)


_NAME = r"(?:(?:al-|el-|bin\s+|ul\s+|ud\s+|de\s+)?[A-Z][\w'’.-]*)(?:\s+(?:(?:al-|el-|bin\s+|ul\s+|ud\s+|de\s+)?[A-Z][\w'’.-]*)){0,3}"
# what follows a victim's name: an appositive ("Abdul Karim, a tribal elder"), a place or time, the clause's end
_AFTER_NAME = (r"(?=\s*,\s+(?:a|an|the|who|his|her|\d{1,3}\b|[a-z][\w'’-]*\s+of)\b|\s*[.;:]|\s*$|\s+(?:in|near|at|on|outside|inside|as|while|after|"
               r"when|during|and\s+(?:his|her|wounded|injured)|before)\b)")
# "gunmen shot dead Abdul Karim, a tribal elder", "killing Gul Khan and Zar Wali": named victims of an active verb
_NAMED_OBJECT = re.compile(
    r"\b(?:shot\s+dead|shooting\s+dead|shot\s+and\s+killed|gunned\s+down|killed|killing|murdered|murdering|assassinated"
    r"|beheaded|stabbed\s+to\s+death|hacked\s+to\s+death)\s+(" + _NAME + r"(?:\s*,\s*" + _NAME + r")*(?:\s*,?\s+and\s+" + _NAME
    + r")?)" + _AFTER_NAME)
# "Abdul Karim, a tribal elder, was shot dead", "Georgia Stevens, 34, was killed": a named victim as the subject
_NAMED_SUBJECT = re.compile(
    r"^\W*(?:(?:In|On|Late|Early|Last|Earlier|Later|Overnight)\b[^,;]{0,40},\s*)?"
    # "The local councillor Ali Musa", "Radio commentator Juan Cruz": the words for the victim before the name
    r"(?:(?:[Tt]he\s+|[A-Z][a-z]+\s+)?(?:[a-z][\w'’-]*\s+){1,2}(?=[A-Z]))?"
    r"(" + _NAME + r")(?:\s*,\s+(?:(?:a|an|the|who)\s+[^,;]{1,80}|\d{1,3}),)?\s+(?:was|has\s+been|had\s+been)\s+"
    r"(?:(?:also|later|reportedly)\s+)?(?:shot\s+dead|killed|murdered|gunned\s+down|stabbed\s+to\s+death|beheaded|assassinated)\b")
_NAME_NOT_PERSON = re.compile(r"^(?:A|An|The|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|One|At|More|Some|Several|Dozens"
                              r"|Hundreds|All|Many|Security|Police|Army|Government|Militants?|Gunmen|Soldiers|Civilians"
                              r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|No|Nobody|None|Neither|Nothing|Everyone"
                              r"|Everybody|Anyone|Anybody|Someone|Somebody|It|They|We|This|That|What|Which|Who)\b")


_OFFICE = "(?:" + "|".join(rules.words("office_words")) + ")"
# "Abdul Karim, a tribal elder", "Ali Musa, the deputy district chief": the office the named victim holds
_OFFICE_AFTER = re.compile(r"^\s*,\s+(?:a|an|the|his|its)\s+(?:[\w'’-]+\s+){0,4}?" + _OFFICE + r"\b")
_OFFICE_BEFORE = re.compile(r"\b(?i:" + _OFFICE + r")\s+$")


# "shot dead the deputy governor of Kunar, Ahmad Wali,", "A tribal elder, Malik Jan, was killed": the office, then the name
_KILL_VERBS = (r"(?:shot\s+dead|shooting\s+dead|shot\s+and\s+killed|gunned\s+down|killed|killing|murdered|murdering"
               r"|assassinated|beheaded|stabbed\s+to\s+death|hacked\s+to\s+death)")
_OFFICE_THEN_NAME_OBJECT = re.compile(
    r"\b" + _KILL_VERBS + r"\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?i:" + _OFFICE + r")\b[^,;.]{0,40},\s+(" + _NAME + r")"
    r"(?=\s*[,.;]|\s*$|\s+(?:in|near|at|on|outside|as|while|when)\b)")
_OFFICE_THEN_NAME_SUBJECT = re.compile(
    r"^\W*(?:(?:In|On|Late|Early|Last|Earlier|Later|Overnight)\b[^,;]{0,40},\s*)?(?:A|An|The)\s+(?:[\w'’-]+\s+){0,2}?(?i:"
    + _OFFICE + r")\b[^,;]{0,40},\s+(" + _NAME + r")\s*,\s+(?:was|has\s+been|had\s+been)\s+(?:(?:also|later|reportedly)\s+)?"
    + _KILL_VERBS + r"\b")


# "A shopkeeper, Ali Bhat, was shot dead": any one person named after the noun for them, as the subject
_NOUN_THEN_NAME_SUBJECT = re.compile(
    r"\b(?:A|An|The)\s+(?:[\w'’-]+\s+){0,2}?[a-z][\w'’-]*(?<!s),\s+(" + _NAME + r")\s*,\s+(?:\d{1,3},\s+)?(?:was|has\s+been|had\s+been)\s+(?:(?:also|later|reportedly)\s+)?"
    + _KILL_VERBS + r"\b")


def named_official_killed(clause: str) -> bool:
    """True when the clause names one killed holder of an office ("gunmen shot dead Malik Gul Khan, a tribal elder",
    "killed Mayor Juan Cruz", "shot dead the deputy governor, Ahmad Wali"): a targeted killing."""
    clause = clause[heading_end(clause):]
    named = _OFFICE_THEN_NAME_OBJECT.search(clause) or _OFFICE_THEN_NAME_SUBJECT.match(clause)
    if named and not _NAME_NOT_PERSON.match(named.group(1)):
        return True
    m = _NAMED_OBJECT.search(clause) or _NAMED_SUBJECT.match(clause)
    if not m or _NAME_NOT_PERSON.match(m.group(1)):
        return False
    return bool(_OFFICE_AFTER.match(clause[m.end(1):]) or _OFFICE_BEFORE.search(clause[: m.start(1)])
                or re.match(r"(?:" + _OFFICE + r")\s", m.group(1), re.I))


# "shot dead the vice mayor of Talitay", "killed a tribal elder": one holder of an office, named by the office
_TITLED_OBJECT = re.compile(
    r"\b(?:shot\s+dead|shooting\s+dead|shot\s+and\s+killed|gunned\s+down|killed|killing|murdered|assassinated"
    r"|beheaded|executed|stabbed\s+to\s+death)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(" + _OFFICE + r")\b(?!\s+and\b)", re.I)
_OFFICES = frozenset(rules.words("office_words"))


# "shot dead the vice mayor of Talitay", "beheaded a village elder", "gunned down a senior police officer and his guard":
# a holder of an office (or a senior officer) killed by a verb of targeted killing
_TARGETED_TITLED = re.compile(
    r"\b(?:shot\s+dead|shooting\s+dead|gunned\s+down|assassinated|assassinating|beheaded|beheading|shot\s+and\s+killed"
    r"|stabbed\s+to\s+death)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:" + _OFFICE + r"|(?:senior|high-ranking|top|deputy)\s+"
    r"(?:[\w-]+\s+)?(?:officer|official|commander))(?=\s*(?:[,.;]|$)|\s+(?:and|of|in|at|near|on|outside|as|who|from|while|when"
    r"|after|before)\b)", re.I)


# "A ward councillor was shot dead at his gate", "The mayor, who had received threats, was gunned down": the same, told
# with the office holder as the subject of the passive
_TARGETED_TITLED_SUBJECT = re.compile(
    r"\b(?:A|An|The)\s+(?:[\w'’-]+\s+){0,2}?(?i:" + _OFFICE + r")" + _WHERE_FROM + r"(?:\s*,\s+[^,;]{1,60},)?\s+(?:was|has\s+been|had\s+been)\s+"
    r"(?:(?:also|later|reportedly)\s+)?(?:shot\s+dead|gunned\s+down|assassinated|beheaded|shot\s+and\s+killed|stabbed\s+to\s+death)\b")


def titled_official_killed(clause: str) -> bool:
    """True when the clause's victim is named by an office and killed by a verb of targeted killing ("shot dead the
    vice mayor", "beheaded a village elder", "a councillor was shot dead"): with few dead, a targeted killing."""
    if _TARGETED_TITLED.search(clause):
        return True
    m = _TARGETED_TITLED_SUBJECT.search(clause)
    return bool(m and _LEAD_PHRASE.match(clause[: m.start()]))


def titled_victim(clause: str) -> int | None:
    """Where the clause's one victim is named by an office ("shot dead the vice mayor"), that victim's start."""
    m = _TITLED_OBJECT.search(clause)
    if not m:
        return None
    word = m.group(1).lower()
    if word.endswith("s") and word[:-1] in _OFFICES:
        return None  # "killed the elders": how many is not said
    return m.start(1)


def named_victims(clause: str) -> tuple[int, int] | None:
    """(count, start) of the people a clause names as killed ("shot dead Abdul Karim, a tribal elder" -> 1,
    "killing Gul Khan and Zar Wali" -> 2), None when it names none."""
    m = _NAMED_OBJECT.search(clause) or _NAMED_SUBJECT.match(clause)
    if not m or _NAME_NOT_PERSON.match(m.group(1)):
        titled = _OFFICE_THEN_NAME_OBJECT.search(clause) or _OFFICE_THEN_NAME_SUBJECT.match(clause)
        if not titled:
            titled = _NOUN_THEN_NAME_SUBJECT.search(clause)
            titled = titled if titled and _LEAD_PHRASE.match(clause[: titled.start()]) else None
        if titled and not _NAME_NOT_PERSON.match(titled.group(1)):
            return 1, titled.start(1)  # "A tribal elder, Malik Jan, was killed", "A shopkeeper, Ali Bhat, ...": one
        return None
    names = [n for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(1)) if n]
    if not all(n[:1].isupper() or n[:3] in ("al-", "el-") for n in names):
        return None
    return len(names), m.start(1)


_PART_WORD = (r"(?!(?:and|or|were|was|are|is|had|have|has|been|died|killed|dead|wounded|injured|hurt|of|in|at|on|by|who)\b)"
              r"[a-z][\w'’-]*")
_PART = rf"(?:{QUAL})?({NUM})\s+(?:{_PART_WORD}\s+){{0,2}}?{_PART_WORD}"
# "two policemen and two visa applicants were killed", "Two policemen, a driver and three civilians died": the parts add up
_PARTS_PASSIVE = re.compile(
    rf"\b({_PART}(?:\s*,\s*{_PART})*\s*,?\s+and\s+{_PART})(?:\s+(?:who|that)\s+[^,;.]{{0,60}}?)?\s+"
    r"(?:(?:were|was|have\s+been|had\s+been|also|reportedly)\s+)*"
    r"(killed|died|dead|shot\s+dead|wounded|injured|hurt)\b", re.I)
_PART_NUMBER = re.compile(rf"(?:^|,\s*|\band\s+)(?:{QUAL})?({NUM})\s", re.I)


# "A judge and his bodyguard were shot dead", "A woman and her two children were killed": one and those of that one
_POSSESSIVE_PARTS = re.compile(
    rf"(?<![\w'’-])((?:{QUAL})?({NUM})\s+(?:[a-z][\w'’-]*\s+){{0,2}}?[a-z][\w'’-]*\s+and\s+(?:his|her|their)\s+"
    rf"(?:({NUM})\s+)?(?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*)\s+(?:were|have\s+been|had\s+been)\s+(?:(?:also|all|reportedly)\s+)*"
    r"(killed|died|dead|shot\s+dead|gunned\s+down|murdered|wounded|injured|hurt)\b", re.I)


def possessive_parts(clause: str) -> tuple[str, int, int, int] | None:
    """(kind, total, start, end) of "a judge and his bodyguard were shot dead" (2), "a woman and her two children
    were killed" (3); None when the clause has no such subject."""
    m = _POSSESSIVE_PARTS.search(clause) if " and " in clause and (" his " in clause or " her " in clause
                                                                 or " their " in clause) else None
    if m is None:
        return None
    first = parse_number(m.group(2))
    second = parse_number(m.group(3)) if m.group(3) else 1
    if not first or not second:
        return None
    kind = "injured" if m.group(4).lower() in ("wounded", "injured", "hurt") else "killed"
    return kind, first + second, m.start(1), m.end(1)


def summed_parts(clause: str) -> list[tuple[str, int, int, int]]:
    """(kind, total, start, end) of each list of counted victims a clause sums ("two policemen and two visa
    applicants were killed" -> killed 4)."""
    out = []
    end = 0
    for n in list(numbers(clause)):
        if n.start() < end:
            continue
        m = _PARTS_PASSIVE.match(clause, n.start())
        if m is None:
            continue
        before = clause[max(0, n.start() - 40): n.start()]
        if _KILL_ACTIVE.search(before) or _INJ_ACTIVE_END.search(before):
            continue  # "killing two soldiers and three others were wounded": the first part is the verb's object
        end = m.end()
        parts = list(_PART_NUMBER.finditer(m.group(1)))
        values = [parse_number(x.group(1)) for x in parts]
        if len(values) < 2 or any(v is None for v in values) or parts[0].group(1).lower() in ("a", "an"):
            continue
        # "Three soldiers and 11 attackers were killed": the attackers are no victims; the others still add up
        attacker = [bool(_ATTACKER_NOUN.match(m.group(1)[x.end(1):])) for x in parts]
        if all(attacker):
            continue
        kind = "injured" if m.group(m.lastindex).lower() in ("wounded", "injured", "hurt") else "killed"
        out.append((kind, sum(v for v, a in zip(values, attacker) if not a), m.start(1), m.end(1)))
    return out


_ATTACKERS_PASSIVE = re.compile(r"^[^;.\d]{0,100}?\b(?:were|was|have\s+been|had\s+been)\s+(?:(?:also|all|later|reportedly)\s+)*"
                                r"(?:killed|shot\s+dead|slain|neutrali[sz]ed)\b")
_LONE_ATTACKER_DEAD = re.compile(
    r"\b(?:the|one)\s+(?:suicide\s+)?(?:bomber|assailant|attacker|gunman|militant)\s+(?:(?:was|also|later|himself|herself)\s+)*"
    r"(?:killed|shot\s+dead|died)\b|\bblew\s+(?:himself|herself)\s+up\b", re.I)


_KILL_THE = re.compile(r"\b(?:killing|killed|shot\s+dead|shooting\s+dead)\s+(?:all\s+)?(?:the|its|their)\s+$", re.I)


# "wounding the driver and two passengers": one named by a definite noun, then a count
_THE_ONE_AND_MORE = re.compile(
    rf"\b(wounding|injuring|wounded|injured|killing|killed|shot\s+dead)\s+the\s+(?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*(?<![^s]s)\s+and\s+"
    rf"(?:(?:{QUAL})?({NUM}))\s+(?:[a-z][\w'’-]*\s+)?[a-z][\w'’-]*" + _OBJECT_END, re.I)


def the_one_and_more(clause: str) -> tuple[str, int] | None:
    """(kind, total) for "wounding the driver and two passengers" (injured 3); None when the clause has no such
    object."""
    m = _THE_ONE_AND_MORE.search(clause) if " the " in clause and " and " in clause else None
    if not m or m.group(2).lower() in ("a", "an"):
        return None
    more = parse_number(m.group(2))
    if not more:
        return None
    return ("injured" if m.group(1).lower().startswith(("wound", "injur")) else "killed"), more + 1


def attackers_dead(after: str) -> bool:
    """True when the attackers counted just before after are said killed ("eight militants who stormed the base
    were killed"), no other count coming between."""
    m = _ATTACKERS_PASSIVE.match(after)
    return bool(m) and not any(True for _ in numbers(m.group(0)) if _.group(1).lower() not in ("a", "an"))


def passive_possible(after: str) -> bool:
    """False when _PASSIVE_WINDOW cannot match after: no passive word comes before the first character that is
    neither a word character nor a space, or more than six words come before it. Saves the window's slow failure."""
    word = _PASSIVE_WORD.search(after)
    if word is None or word.start() > _WORDISH_RUN.match(after).end():
        return False
    return len(after[: word.start()].split()) <= 6


# "Initial reports said one guard was killed; officials later said two died": a first account, then its revision
_INITIAL = re.compile(r"\b(?:initial(?:ly)?|first|originally|earlier|early|preliminary)\s+(?:[\w'’-]+\s+)?(?:reports?|figures?|accounts?|said|reported"
                      r"|put|gave|counted|tolls?|estimates?|stated|told)\b|\b(?:had|was|were|been)\s+(?:initially|first|originally)\b",
                      re.I)
# "officials later said", "the army later confirmed", "police have since put": a figure given after a first one
_LATER_REPORT = re.compile(r"\b(later|subsequently|afterwards|since)\s+(?:[\w'’-]+\s+)?(?:said|say|says|put|confirmed|reported|raised"
                           r"|revised|lowered|gave|told|updated|counted|corrected|announced)\b", re.I)
_REVISION_WORDS = ("initial", "first", "original", "earl", "preliminary")


def revised_tolls(clause: str, count_attackers: bool) -> dict | None:
    """The figures of the revision when the clause gives a first account and then a later one ("Initial reports
    said one soldier died; the army later confirmed three dead"), marked as a rise; None when it gives no such pair."""
    first = _INITIAL.search(clause)
    later = _LATER_REPORT.search(clause, first.end()) if first else None
    if later is None:
        return None
    out = find_tolls(clause[later.start():], count_attackers)
    if out["killed"] is None and out["injured"] is None:
        return None
    if out["killed"] is not None:
        out["rise"] = True
        out["killed_at"] += later.start()
    if out["attackers_killed"] is None:
        out["attackers_killed"] = find_tolls(clause[: later.start()], count_attackers)["attackers_killed"]
    return out


# a log entry's date written with a month's name or numeral: "14-Mar-09", "7.IX.2003", "5th Oct 2012", "2011 Feb 03",
# "Mar 4 '11"
_ENTRY_DATE = (r"\d{1,4}[./-](?:[A-Za-z]{3,4}|[IVX]{1,4})[./-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
               r"|\d{4}\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+['’]?\d{2,4}")
# "KAMPALA, June 3 — ", "03/05/15 — Gulu: ", "2015-05-03 — Lira, Oyam district: ": a dateline or a log entry's date and
# place heading the clause; the subject the figures are read from comes after it
_HEADING = re.compile(r"^\s*(?:(?:[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+)*\b[^—–\n]{0,60}?|(?:[A-Za-z]{3}\.?\s+)?\d[\d./-]{3,9}"
                      r"|" + _ENTRY_DATE + r"|(?:[A-Za-z]{3}\.?\s+)?" + HEADING_DATE + r")"
                      r"\s*(?:—|–|--)|(?:[A-Za-z]{3}\.?\s+)?\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*:)"
                      r"\s*(?:[A-ZÀ-Þ][^:;.—–\n]{0,60}:\s+)?(?=[A-Z\"“])")


def heading_end(clause: str) -> int:
    """Where the clause's subject begins after a dateline or a log entry's heading it opens with (0 when none)."""
    head = clause[:120]
    if "—" not in head and "–" not in head and "--" not in head and not (head[:1].isdigit() or head[1:2].isdigit()):
        return 0
    m = _HEADING.match(clause)
    return m.end() if m else 0


def find_tolls(clause: str, count_attackers: bool = False) -> dict:
    """Killed and injured figures in one clause, with the victim phrase; attackers are not counted.

    Returns {"killed", "injured", "victims", "killed_at", "rise", "attackers_killed"}; a figure is None when the
    clause gives none. A figure given as a revision ("later said two had died") is a rise: it replaces the first.
    """
    cut = heading_end(clause)
    if cut:
        out = find_tolls(clause[cut:], count_attackers)
        if out["killed_at"] is not None:
            out["killed_at"] += cut
        return out
    # each pattern below is tried only when the lowered clause holds a word it needs (when lowering is faithful)
    low = clause.lower() if folding.plain_case(clause) else None
    if low is None or any(w in low for w in _REVISION_WORDS):
        revised = revised_tolls(clause, count_attackers)
        if revised is not None:
            return revised
    out = _clause_tolls(clause, low, count_attackers)
    if out["killed"] is None and out["injured"] and wounded_survived(clause):
        out["killed"] = 0  # "two men were stabbed and are in a stable condition": nobody died
    if out["killed"] is not None and not out["rise"] and (low is None or "later" in low or "since" in low
                                                          or "subsequently" in low or "afterwards" in low):
        if out["killed_at"] and _LATER_REPORT.search(clause, 0, out["killed_at"] + 1):
            out["rise"] = True
    return out


def _clause_tolls(clause: str, low: str | None, count_attackers: bool) -> dict:
    """find_tolls without revisions: the figures one clause states."""
    out = {"killed": None, "injured": None, "victims": None, "killed_at": None, "rise": False, "attackers_killed": None}
    m = _TOLL_RISE.search(clause) if low is None or any(w in low for w in _RISE_WORDS) else None
    if m is None and (low is None or "toll of" in low or "toll at" in low):
        m = _GAVE_TOLL.search(clause)
        if m and _FIRST_ACCOUNT.search(clause[max(0, m.start() - 30): m.start()]):
            m = None  # "Police had initially put the toll at nine": the first account, not the revision
    if m:
        group = next(i for i in range(1, m.re.groups + 1) if m.group(i) is not None)
        out["killed"] = parse_number(m.group(group))
        out["rise"] = True
        out["killed_at"] = m.start(group)
    may_distract = (low is None or any(w in low for w in _DISTRACT_WORDS)) and bool(_DISTRACT_WORD.search(clause))
    for m in numbers(clause):
        raw = m.group(1)
        start = m.start()
        if out["rise"] and m.start(1) == out["killed_at"]:
            continue  # "the toll rose to seven on Tuesday after two of the injured died": the toll, not the injured
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
        if _NONE_OF_BEFORE.search(clause[max(0, start - 24): start]):
            continue  # "None of the other four men were injured"
        is_article = raw.lower() in ("a", "an")
        subject_one = False
        head = clause[clause.rfind(";", 0, start) + 1: start]  # "...; a guard was also killed": its own subject
        if is_article and active is None and (_LEAD_PHRASE.match(head) or _SUBORDINATE_END.search(head[-12:])
                                               or _AND_SUBJECT.search(clause[:start])) \
                and (m.start(1) == start):
            # the subject of the clause: "A teacher who was taken with them was killed", "A guard was wounded"
            one = _ONE_PASSIVE.match(clause, m.end()) or _ONE_WHO_WAS.match(clause, m.end())
            subject_one = bool(one)
            if one:
                active = "injured" if _ONE_HURT.search(one.group(1).lower()) else "killed"
                if active == "injured" and _THEN_DIED.match(clause, one.end()):
                    active = "killed"  # "A herder who was shot in the stomach died in hospital": one dead
        if is_article and active is None:
            continue  # an article counts only as the object of a verb of killing or wounding
        value = parse_number(raw)
        if value is None:
            continue
        before = clause[:start]
        after = clause[m.end():]
        aged = is_article and bool(_AGED.match(after))  # "killing a 71-year-old woman": one person
        if _TIME_AFTER.match(after) or _NUMERIC_END.search(before[-2:]) or (_DIGIT_AFTER.match(after) and not aged) \
                or _DATE_DASH_BEFORE.search(before[-9:]) or _DATE_DASH_AFTER.match(after):
            continue
        if 1900 <= value <= 2099 and len(raw) == 4 and (_YEAR_BEFORE.search(before[-12:]) or after[:1] in ("/", "-", ":")):
            continue
        if raw[0].isdecimal() and value <= 31 and (_MONTH_BEFORE.search(before[-12:]) or _MONTH_AFTER.match(after)):
            continue
        if _NOT_COUNT.match(after) or (may_distract and _DISTRACT_BEFORE.search(before)):
            continue
        attacker = bool(_ATTACKER_NOUN.match(after))
        if attacker and not count_attackers:
            # "security forces killed eight militants", "12 of the assailants were killed": a figure of its own
            if out["attackers_killed"] is None and (active == "killed" or attackers_dead(after)
                                                    or _KILL_THE.search(prefix)):
                out["attackers_killed"] = value
            continue
        if _PARTITIVE.match(after):
            continue
        kind = active
        if kind is None and not is_article and _APPOSITIVE.match(after):
            # "at least 100 people, including women and children, were killed": the aside does not part them
            ap = _APPOSITIVE.match(after)
            after = after[: ap.start(1)] + after[ap.end(1):]
        if kind is None and not is_article and passive_possible(after):
            # passive: "Fifty-two people were killed", "more than 130 were injured", "twelve injured"
            window = _PASSIVE_WINDOW.match(after)
            if window:
                rest = after[window.end():]
                gap = window.group(1)
                if re.search(r"[,;]|\band\b|\bwho\b|\bwhich\b|\bthat\b", gap):
                    window = None
                elif _KILL_PASSIVE.match(rest) and _ACTIVE_OBJECT.match(rest, _KILL_PASSIVE.match(rest).end()) \
                        and not _AUXILIARY.match(rest):
                    continue  # "two men on a motorcycle shot dead a village chief": the killers, not the killed
                elif _KILL_PASSIVE.match(rest):
                    kind = "killed"
                elif _INJ_PASSIVE.match(rest):
                    kind = "injured"
                if kind and AMONG_DEAD.search(after[:80]) and not re.search(r"\b(?:killed|dead|died|wounded|injured|hurt)\b", gap):
                    kind = None
        if is_article and kind and not subject_one and not re.match(r"^\s+[a-z]", after) and not aged \
                and not _DEMONYM_ONE.match(after):
            kind = None
        if active and _NAME_APPOSITIVE.match(after):
            # "killed a district governor, Ahmad Wali, and his driver": the name is the first victim's
            ap = _NAME_APPOSITIVE.match(after)
            after = after[: ap.start(1)] + after[ap.end(1):]
        if active and _AND_ONE_MORE.match(after):
            value += 1  # "killing two patients and a nurse": three; "executed a teacher and one of his colleagues": two
        more = _AND_MORE.match(after) if active and " and " in after[:40] else None
        if more and more.group(1).lower() not in ("a", "an", "one") and parse_number(more.group(1)) \
                and not _ATTACKER_NOUN.match(after[more.end(1):]):
            value += parse_number(more.group(1))  # "killed a soldier and two civilians": three
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
                out["victims"] = _victim_phrase(raw, after)
    if (" and " in clause or "," in clause) and (low is None or any(w in low for w in _PARTS_WORDS)):
        for kind, total, a, b in summed_parts(clause):
            at = out["killed_at"] if kind == "killed" else None
            if out[kind] is None or (at is not None and a <= at < b) or (kind == "injured" and out[kind] < total):
                out[kind] = total
                out["victims"] = clause[a:b]
                if kind == "killed":
                    out["killed_at"] = a
    both = the_one_and_more(clause)
    if both and out[both[0]] is not None and out[both[0]] < both[1]:
        out[both[0]] = both[1]  # the count after "the driver and" was taken alone
    elif both and out[both[0]] is None:
        out[both[0]] = both[1]
    parts = possessive_parts(clause)
    if parts and (out[parts[0]] is None or out[parts[0]] < parts[1]):
        out[parts[0]] = parts[1]
        out["victims"] = clause[parts[2]: parts[3]]
        if parts[0] == "killed":
            out["killed_at"] = parts[2]
    if out["killed"] is None and (low is None or any(w in low for w in _NAMED_KILL_WORDS)):
        named = named_victims(clause)
        if named:
            out["killed"], out["killed_at"] = named
        else:
            at = titled_victim(clause)
            if at is None:
                one = _DEFINITE_OBJECT.search(clause)
                at = one.start(1) if one else None
            if at is not None:
                out["killed"], out["killed_at"] = 1, at
    bodies = _BODIES.search(clause) if out["killed"] is None and "bodies" in clause else None
    if bodies:
        raw = bodies.group(1) or bodies.group(2)
        value = parse_number(raw)
        if value and raw.lower() not in ("a", "an") and not _ATTACKER_NOUN.match(clause[bodies.end():]):
            out["killed"], out["killed_at"] = value, bodies.start()  # "the bodies of two men were found": two dead
    one = (_POSSESSIVE_ONE.match(clause) or _DEFINITE_ONE.match(clause)) if " was " in clause else None
    if one:
        kind = "injured" if _ONE_HURT.search(one.group(1).lower()) else "killed"
        if out[kind] is None:
            out[kind] = 1
            if kind == "killed":
                out["killed_at"] = one.start(1)
    if out["injured"] is None and " was " in clause:
        named = _NAMED_HURT.match(clause)
        if named and not _NAME_NOT_PERSON.match(named.group(1)):
            out["injured"] = 1  # "Ali Musa, a passer-by, was shot in the leg"
    hurt_one = None
    if out["injured"] is None and (low is None or any(w in low for w in _ONE_HURT_WORDS)):
        hurt_one = _ONE_SUBJECT_HURT.search(clause)
        if hurt_one:
            out["injured"] = 1
    if out["injured"] is None and "condition" in clause and _ONE_IN_CONDITION.search(clause):
        out["injured"] = 1
    if out["injured"] is None and " in " in clause and (low is None or "shot" in low or "stabbed" in low) \
            and _SHOT_ONE_IN_LIMB.search(clause):
        out["injured"] = 1  # "shot their driver in the arm": one wounded, the object of the verb
    if out["injured"] is None and " and " in clause and _AND_ONE_HURT.search(clause):
        out["injured"] = 1
    died = _ONE_DIED.search(clause) if low is None or "died" in low or "succumbed" in low or "pronounced" in low else None
    if died and out["killed"] is None:
        out["killed"], out["killed_at"] = 1, died.start()
        if out["injured"] == 1 and not (hurt_one and hurt_one.start() >= died.end()):
            # the one who was shot is the one who died; not "..., and a woman who helped him suffered cuts"
            out["injured"] = None
    elif died and out["injured"] == 1 and hurt_one and died.start() <= hurt_one.start() < died.end():
        out["injured"] = None  # "A herder who was shot in the stomach died ..., raising the toll to four": he is dead
    if out["killed"] is None and (low is None or "freed" in low or "released" in low or "rescued" in low) \
            and _FREED.search(clause) and not _DEATH_WORD.search(clause):
        out["killed"] = 0
    another = _ANOTHER_ONE.search(clause) if "nother" in clause else None
    if another:
        kind = "injured" if _ONE_HURT.search(another.group(1).lower()) else "killed"
        if kind == "injured" and out["injured"] is None:
            out["injured"] = 1  # "a man was stabbed to death and another man was hurt"
    if out["attackers_killed"] is None and (low is None or any(w in low for w in _LONE_ATTACKER_WORDS)) \
            and _LONE_ATTACKER_DEAD.search(clause):
        out["attackers_killed"] = 1  # "The assailant was also killed", "he blew himself up"
    if out["injured"] is None and " not " in clause and _ONE_UNHURT.search(clause):
        out["injured"] = 0  # "His nephew, who was with him, was not hurt": of the injured only
    if low is not None and "nobody" not in low and "none" not in low and "without" not in low and not _NO_SPACE.search(low) \
            and "unh" not in low and "unsc" not in low:
        return out
    negation = _NEGATION.search(clause)
    if negation:
        neg = negation.group(0).lower()
        # "nobody was hurt" and "no one was harmed" also mean nobody died; "no one was injured" speaks of injuries only
        if out["killed"] is None and (not re.search(r"injur", neg) or neg.startswith(("escaped", "emerged", "walked"))):
            out["killed"] = 0
        if out["injured"] is None and not re.search(r"death|killed|fatalit", neg):
            out["injured"] = 0
    return out


# "in a stable condition", "non-life-threatening injuries", "has since been discharged": the wounded are alive
_SURVIVED = re.compile(
    r"\b(?:stable|satisfactory|good|fair)\s+condition|\bnon-life-threatening\b|\bnot\s+(?:(?:believed|thought|considered)\s+to\s+be\s+)?"
    r"life-threatening\b|\bexpected\s+to\s+(?:survive|recover)\b|\b(?:been|was|were)\s+(?:later\s+)?discharged\b|\bsurvived\b", re.I)
_DEATH_WORD = re.compile(r"\b(?:died|dies|dead|death|killed|fatal(?:ly)?|critical|succumbed|lost\s+(?:his|her|their)\s+li(?:fe|ves))\b", re.I)


def wounded_survived(text: str) -> bool:
    """True when text says the wounded are alive ("remains in a stable condition", "non-life-threatening injuries")
    and speaks of no death: nobody was killed."""
    return ("condition" in text or "threatening" in text or "discharged" in text or "surviv" in text
            or "recover" in text) and bool(_SURVIVED.search(text)) and not _DEATH_WORD.search(text)


def _victim_phrase(raw: str, after: str) -> str | None:
    """The counted phrase: the number and the words after it up to a stop word ("two Chinese engineers")."""
    words = []
    for w in re.findall(r"[\w'’-]+|[,;.:()]", after)[:8]:
        if not re.match(r"[\w'’-]", w) or VICTIM_STOP.match(w):
            break
        words.append(w)
    if not words:
        return None
    return (raw + " " + " ".join(words)).strip()


# ------------------------------------------------------------------------------------- hostages, campaign totals
_HOSTAGES_TAKEN = re.compile(rf"\b(?:{QUAL})?({NUM})\s+((?:[\w'’-]+\s+){{0,4}}?)(?:were|was|had\s+been|have\s+been)\s+"
                             r"(?:kidnapped|abducted|seized|taken\s+hostage|held\s+hostage)\b", re.I)
_TOOK_HOSTAGES = re.compile(rf"\b(?:kidnapped|abducted|seized|kidnapping|abduction\s+of)\s+(?:{QUAL})?({NUM})\s+((?:[\w'’-]+\s*){{1,4}})",
                            re.I)


def hostages(clause: str) -> str | None:
    """The hostages of a kidnapping as its victims: "Three aid workers were abducted", "abducted three Chinese
    nationals"; None when the clause counts none (or only "a" hostage)."""
    vm = _HOSTAGES_TAKEN.search(clause) or _TOOK_HOSTAGES.search(clause)
    if not (vm and parse_number(vm.group(1)) and vm.group(1).lower() not in ("a", "an")):
        return None
    words = []
    for w in vm.group(2).split():
        if VICTIM_STOP.match(w):
            break
        words.append(w)
    return " ".join([vm.group(1)] + words) if words else None


_HOSTAGE_DEAD = re.compile(
    r"^\W*(\w+)\s+of\s+the\s+(?:\w+\s+)?(?:hostages|captives|abductees|kidnapped|kidnap\s+victims|crew|crew\s+members)\b"
    r"[^;]{0,80}?\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:later\s+)?(?:found\s+dead|killed|executed|shot\s+dead)",
    re.I)


_CUMULATIVE = re.compile(
    r"\b(?:has|have)\s+(?:so\s+far\s+|since\s+(?:\w+\s+)?)?(?:killed|claimed\s+(?:the\s+lives|more|over|at\s+least))\b"
    r"|\b(?:insurgency|conflict|war|violence|campaign|uprising|fighting)\b[^.;]{0,60}\b(?:killed|claimed)\b"
    r"|\bsince\s+(?:(?:19|20)\d\d|the\s+(?:start|beginning))\b[^.;]{0,40}\b(?:killed|died|dead)\b", re.I)



_BODIES_FOUND = re.compile(
    r"\b(?:(his|her)\s+(?:[\w'’-]+\s+)?body|(their|the\s+[\w'’-]+(?:['’]s?)?)\s+(?:[\w'’-]+\s+)?bod(?:y|ies)|(bodies))\b[^.;]{0,80}?"
    r"\b(?:was|were|had\s+been|have\s+been)\s+"
    r"(?:later\s+)?(?:found|discovered|recovered|dumped)\b"
    r"|\b(he|she|they)\s+(?:was|were)\s+(?:later\s+)?found\s+(?:dead|beheaded|killed|shot\s+dead|executed|murdered|hanged)\b"
    # "One was freed; the body of the other was found in a river": one of those taken
    r"|\b(?P<one>the\s+body\s+of\s+(?:the\s+other|the\s+second|the\s+third|one(?:\s+of\s+them)?|the\s+[\w'’-]+))\s+"
    r"(?:was|had\s+been|has\s+been)\s+(?:later\s+)?(?:found|discovered|recovered|dumped)\b", re.I)


def hostages_found_dead(sentence: str, victims: str | None) -> int | None:
    """How many hostages a sentence reports found dead: one for "His body was found", the hostages counted in
    victims ("15 soldiers") for "Their bodies were found"; None when it reports no body."""
    m = _BODIES_FOUND.search(sentence)
    if not m:
        return None
    if m.group(1) or m.group("one") or (m.group(4) or "").lower() in ("he", "she"):
        return 1
    count = parse_number(victims.split()[0]) if victims else None
    return count or 1


def body_of_known_victim(clause: str) -> int | None:
    """Where the clause tells of the body of someone it refers back to ("His beheaded body was found", "the
    officer's body was recovered", "they were found dead"), the end of an incident already told; else None."""
    m = _BODIES_FOUND.search(clause) if ("bod" in clause or "found" in clause) else None
    return m.start() if m and not m.group(3) else None


def hostage_deaths(clause: str) -> int | None:
    """How many hostages a clause reports found dead or killed ("One of the hostages ... was found dead"), or None."""
    m = _HOSTAGE_DEAD.search(clause)
    return (parse_number(m.group(1)) or 1) if m else None


def states_cumulative_toll(text: str) -> bool:
    """True when text gives a conflict's or a campaign's total ("The insurgency has killed more than 5,000 people")."""
    return bool(_CUMULATIVE.search(text))


def campaign_total(clause: str, tolls: dict) -> bool:
    """True when the clause's dead are a campaign's total, not its event's: "began in 2017 with an attack ... and has
    since killed more than 6,000"."""
    if tolls["killed_at"] is None or tolls["rise"] or not ("has" in clause or "have" in clause):
        return False
    m = _CUMULATIVE.search(clause)
    return bool(m) and tolls["killed_at"] >= m.start()
