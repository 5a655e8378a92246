"""The perpetrator: the group a sentence says claimed an incident (strength 3), the one the authorities blame (2),
or the agent it names ("the abduction ... by Boko Haram", 1), and which incidents the claim is for.
"""
from __future__ import annotations

import re

from lib.extract import rules
from lib.extract.incidents.victims import DEMONYMS

_NP_TAIL = re.compile(r"((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:of|for|the|al|ul|e|and|de|du|[A-Z][\w'’\-]*|al-\w+))*(?:\s+group)?)\s*$")
_NP_HEAD = re.compile(r"^\s*(?:the\s+)?((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:of|for|the|al|ul|e|and|de|du|[A-Z][\w'’\-]*|al-\w+))*(?:\s+\d{1,3}\b)?"
                      r"(?:\s+group)?)")
_NO_NAME = frozenset(rules.words("perpetrator_non_names"))
_GENERIC_GROUP = re.compile(r"^(?:unnamed|unknown|unidentified|militants?|gunm[ae]n|attackers?|assailants?|those|insurgents?|terrorists?"
                            r"|criminals?|armed\s+men|separatists?\s*$)", re.I)
_AUTHORITY = re.compile(r"\b(?:government|authorities|police|officials|official|ministry|minister|president|interior|prosecutors?"
                        r"|investigators|officers?|commanders?|governor|command)\b", re.I)
_ADVERBS = re.compile(r"\s+(?:later|also|subsequently|quickly|swiftly|reportedly|has|had|have|later\s+on|soon)\s*$", re.I)


def _clean_np(np: str | None) -> str | None:
    if not np:
        return None
    np = re.sub(r"^(?:The|the)\s+", "", np.strip())
    # "Al-Qaeda-linked Group for ...": the patron named in an adjective is not the group's name
    np = re.sub(r"^[\w'’-]+-(?:linked|allied|affiliated|aligned|backed|inspired|led)\s+(?=[A-Z])", "", np)
    np = re.sub(r"(?:\s+(?:and|of|for|the))+$", "", np)
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
    r"\bsaid(?:\s+on\s+\w+|\s+(?:in|through|via)\s+(?:a|an|its)\s+[^,;]{0,50}?)?(?:\s+that)?\s+(?:it|its\s+fighters|one\s+of\s+its\s+fighters|its\s+members|its\s+militants"
    r"|its\s+men|its\s+forces|its\s+troops)\s+(?:had\s+|has\s+|was\s+|were\s+)?(?:carried\s+out|was\s+behind|were\s+behind"
    r"|behind|killed|launched|conducted|staged|attacked|executed)")
# "officials blamed the Taliban", "police suspect al-Shabaab", "the army accused the RSF of ...": the authorities' blame
_BLAMED = re.compile(r"\b(?:blamed|blames?|suspects?|accused|accuses|suspected(?=\s+(?:the\s+)?(?:[A-Z]|al-)))\s+(.+)$")
# "the army blamed", "The navy blamed", "Nigeria's security forces blamed": a state's forces as the blamer
_FORCES_BLAMER = re.compile(r"\b(?:[Tt]he|[A-Z][\w'’-]+)\s+(?:army|military|navy|air\s+force|armed\s+forces|security\s+forces"
                            r"|marines|coast\s+guard)\s+(?:has\s+|had\s+|also\s+|later\s+)?$")
# a blame denied or left open just before its verb: "did not blame", "have never accused", "whether they suspected"
_BLAME_DENIED = re.compile(r"\b(?:not|n[’']t|never|no\s+longer|whether|if)\s+(?:(?:yet|they|it|he|she|officially|publicly|directly)\s+)*$",
                           re.I)
_BLAME_WORDS = ("blame", "suspect ", "suspects ", "suspected ", "accuse")
# "blamed fighters of Islamic State West Africa Province": the group the members belong to
_MEMBERS_LEAD = re.compile(r"^\s*(?:(?:the|its|a|an)\s+)?(?:fighters|members|militants|elements|gunmen|cells|insurgents|loyalists|supporters"
                           r"|faction|wing|splinter\s+group|cell|unit|branch)"
                           r"\s+(?:of|from|loyal\s+to)\s+")
_NAME = r"((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:of|for|the|al|ul|e|de|du|[A-Z][\w'’\-]*|al-\w+))*)"
# "That attack was also claimed by al-Shabaab"
_CLAIMED_BY = re.compile(r"\b(?:was|were|been|is)\s+(?:also\s+|later\s+|quickly\s+)?claimed\s+by\s+(?:the\s+)?" + _NAME)
# "authorities attributed the attack to TTP"
_ATTRIBUTED = re.compile(r"\battributed\s+(?:(?:the|this|that|these|both)\s+)?(?:[\w'’-]+\s+){0,3}?to\s+(?:the\s+)?" + _NAME)
_WAS_BEHIND = re.compile(r"\b(?:that\s+)?([^,;]+?)(?:,[^,]*,)?\s+(?:were|was)\s+(?:(?:probably|likely|possibly|most\s+likely)\s+)?"
                         r"(?:responsible|behind\s+(?:the|it))")


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
_SENTENCE_OPENERS = frozenset("In On At After When The A An Its Their His Her Two Three Four Several Some Islamist Armed Unidentified Unknown Local"
                              " Suspected Alleged Masked Heavily Hooded Rival Jihadist".split())
_GANG = re.compile(r"\b[Tt]he\s+((?:\d+\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})\s+gang\b")
# "ISWAP fighters killed at least 20 farmers", "suspected Boko Haram gunmen stormed ...": a named group's members did it
_NAMED_MEMBERS = re.compile(
    r"(?:^|(?<=[\s,;(\"“]))(?:(?i:suspected|alleged)\s+)?((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:[A-Z][\w'’\-]*|al-\w+)){0,4})\s+"
    r"(?:fighters|militants|gunmen|insurgents|jihadists|rebels|militiamen|bombers)\s+(?:\w+\s+){0,2}?"
    r"(?:killed|attacked|stormed|ambushed|abducted|kidnapped|opened|raided|shot|bombed|overran|seized|executed|beheaded|set"
    r"|stopped|fired|blew|torched|burned|detonated|planted|hijacked|struck|hacked)\b")
# "The Taliban shot dead two policemen", "Al-Shabaab stormed ...": a group as the subject of the deed
_GROUP_AGENT = re.compile(
    r"^\W*(?:(?:On|In|Late|Early|Last|Overnight|Earlier)\b[^,;]{0,40},\s*)?([Tt]he\s+)?((?:[A-Z][\w'’\-]*|al-\w+)"
    r"(?:\s+(?:of|for|the|al|ul|e|[A-Z][\w'’\-]*|al-\w+)){0,4})(?:\s+\([A-Z]{2,6}\))?\s+(?:(?:also|reportedly|allegedly)\s+)?"
    r"(?:killed|shot\s+dead|executed|beheaded|attacked|stormed|ambushed|abducted|kidnapped|bombed|overran|seized"
    r"|massacred|raided)\b")
_GROUP_WORD = re.compile(r"(?i:^al-|\b(?:state|front|brigades?|movement|taliban|shabaa?b|haram|jihad|mujahideen|lashkar|jaish"
                         r"|tehreek|tehrik|militia|liberation|qaeda|hezbollah|hamas|houthis?|ansar)\b)")
_STATE_WORDS = re.compile(r"(?i)\b(?:army|military|police|troops|forces|government|navy|air\s+force|guard|coalition)\b")
# "Myanmar's military said it had carried out ...": the state's forces
_STATE_FORCES = re.compile(r"\b([A-Z][\w\-]+)['’]s\s+(military|army|armed\s+forces|junta)\s*$")


# "suspected members of X", "believed to be fighters of the X", "by an X member": a group named with a hedge or as
# the agent's group; the name must read as a group's (an acronym or a group word), not a city or a party of victims
_HEDGED = re.compile(
    r"\b(?:(?i:suspected|alleged|presumed)\s+(?:members|fighters|militants|elements|gunmen|insurgents|jihadists)\s+of"
    r"|(?:believed|thought|suspected|said)\s+to\s+(?:be|have\s+been|belong\s+to)[\"”]?(?:\s+(?:members|fighters|militants|elements)\s+of)?"
    # "the attack bears the marks of X", "the killing was likely the work of X": a hedge by the deed's look
    r"|\b(?:bears?|bore|bearing|has|had|have)\s+(?:all\s+)?the\s+[\"“]?(?:(?:hall)?marks|signature|fingerprints|stamp)[\"”]?\s+of"
    r"|\b(?:was|were|is|been)\s+[\"“]?(?:(?:likely|probably|possibly|most\s+likely)\s+)?the\s+work\s+of"
    # "the raiders were probably members of X": a hedge by an adverb
    r"|\b(?:were|was|are|is)\s+(?:probably|likely|possibly|most\s+likely|almost\s+certainly)\s+(?:members|fighters|militants|elements)\s+of"
    r"|\bby\s+(?:a|an)\s+(?:member|fighter|militant|commander)\s+of)[\"”]?\s+(?:the\s+)?"
    # "suspected members of the banned X": the state's word for the group is no part of its name
    r"(?:(?:banned|outlawed|proscribed|illegal|underground|self-styled)\s+)?"
    # "believed to belong to the al Qaeda-linked X coalition": the patron named in an adjective
    r"(?:(?:al\s+)?[\w'’]+-(?:linked|allied|affiliated|aligned|backed|inspired)\s+)?"
    r"((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:of|for|the|al-\w+|wal-\w+|al|ul|e|de|du|[A-Z][\w'’\-]*))*(?:\s+\d{1,3}\b)?)")
# "the raiders were suspected ADF rebels": a group named by its suspected members, with no deed after them
_SUSPECTED_MEMBERS = re.compile(
    # "suspected ADF rebels", 'the kidnappers were "probably" GAM members': a group named by its hedged members
    r"(?:\b(?i:suspected|alleged|presumed)|\b(?:were|was)\s+[\"“]?(?:probably|likely|possibly|most\s+likely)[\"”]?)\s+"
    r"((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:[A-Z][\w'’\-]*|al-\w+)){0,3})\s+"
    r"(?:rebels|fighters|militants|insurgents|jihadists|gunmen|militiamen|members|elements|cadres)\b")
_BY_MEMBER = re.compile(
    r"\bby\s+(?:a|an|two|three|four|several|suspected|\d+)\s+((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:[A-Z][\w'’\-]*|al-\w+)){0,3})\s+"
    r"(?:members?|fighters?|militants?|gunm[ae]n|insurgents?|operatives?|commanders?|suicide\s+bombers?|bombers?)\b")
# "Al-Qaida in Iraq was suspected", "The Taliban were suspected of the attack": a group as the subject of suspicion
_SUSPECTED_SUBJECT = re.compile(
    r"^\W*(?:[Tt]he\s+)?((?:[A-Z][\w'’\-]*|al-\w+)(?:\s+(?:of|for|the|al|ul|e|in|[A-Z][\w'’\-]*|al-\w+)){0,5})\s+"
    r"(?:was|were|is|are)\s+(?:also\s+|widely\s+|strongly\s+)?suspected\b")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# "Leaflets signed by the X were left at the scene", "posters in the name of the X": the group that signs the deed
_SIGNED = re.compile(
    r"\b(?i:leaflets?|pamphlets?|posters?|notes?|banners?|letters?|flyers?|messages?|graffiti)\b[^.;]{0,60}?"
    r"\b(?:signed\s+by|in\s+the\s+name\s+of|bearing\s+the\s+name\s+of)\s+(?:the\s+)?" + _NAME)
# "a bomb planted by the group": the group the article named before
_BY_THE_GROUP = re.compile(r"\bby\s+the\s+(?:group|organi[sz]ation|movement|outfit|militia|insurgents|militants|jihadists)\b"
                           r"(?!\s+(?:of|called|known|named)\b)")


def _group_name(np: str | None) -> str | None:
    """np when it reads as an armed group's name (an acronym or a word such as Front, State, Forces), else None."""
    np = _clean_np(np)
    if not np or _GENERIC_GROUP.match(np) or np in DEMONYMS or _AUTHORITY.search(np) or _STATE_WORDS.search(np):
        if not (np and _GROUP_WORD.search(np) and not _AUTHORITY.search(np)):
            return None
    if _ACRONYM.match(np) or _GROUP_WORD.search(np) or _ARMED_GROUP_WORD.search(np) or _NUMBERED.match(np):
        return np
    return None


# "Barrio 18", "MS-13": a gang's name that bears a number (not a road, ward or zone: "Route 16", "Ward 12")
_NUMBERED = re.compile(r"^(?!(?:Route|Highway|Road|Street|Avenue|Ward|Zone|District|Sector|Block|Area|Camp|Gate|Unit|Phase"
                       r"|Section|Precinct|Level|Room|Km|Kilometre|Kilometer|Mile|Line|Bus|Flight|Platform)\b)"
                       r"[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*(?:\s+|-)\d{1,3}$")


_ARMED_GROUP_WORD = re.compile(r"\b(?:Forces|Army|Province|Provinces|Brigade|Brigades|Battalions|Group|Movement|Organi[sz]ation"
                               r"|Party|Front|Parishad|Coordinadora|Sena|Sangh|Commando|Resistencia|Frente|Ej[eé]rcito"
                               r"|Party|Council|Union|Alliance|Resistance|Islam|Islamic|Muslimin|Jamaat|Tehrik|Fighters|Guerrillas?"
                               r"|Commandos?|Mujahideen|Boko|Shabaab|Qaida|Qaeda|Emirate)\b")


# what comes before the members of a group when they are the victims: a verb of attack or a count of them
_VICTIMS_BEFORE = re.compile(
    r"(?:\b(?:killed|killing|kills|shot|shooting|attacked|attacking|ambushed|ambushing|targeted|targeting|wounded|wounding"
    r"|injured|injuring|abducted|abducting|kidnapped|kidnapping|executed|beheaded|against|on|at)\s+(?:[\w'’-]+\s+){0,3}"
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens|many|some)\s+(?:[\w'’-]+\s+)?)$", re.I)


def hedged_perpetrator(sentence: str) -> str | None:
    """The group a sentence names with a hedge ("suspected members of X", "believed to be X fighters", "X was
    suspected") or as its agent's group ("by an X member"), when the name reads as a group's."""
    hedged = any(w in sentence for w in ("uspect", "lleged", "resumed", "believed", "thought", "said to", " by a", "ly members",
                                         "ly fighters", "ly militants", "ly elements", "marks of", "work of", "signature", "fingerprints", "stamp",
                                         "probabl", "likely", "possibly"))
    by, suspected = " by " in sentence, "suspected" in sentence
    for rx, needed in ((_HEDGED, hedged), (_BY_MEMBER, by), (_SUSPECTED_SUBJECT, suspected), (_SUSPECTED_MEMBERS, hedged)):
        m = rx.search(sentence) if needed else None
        if m:
            np = _group_name(re.sub(r"\s+(?:fighters|militants|gunmen|members|insurgents)$", "", m.group(1)))
            if np is None and _GROUP_APPOSITIVE.match(sentence, m.end(1)):
                np = _clean_np(m.group(1))  # "the hallmarks of Saraya al-Ashtar, a militant group": told it is one
            if np:
                return np
    return None


# "X, a militant group that ...", "X, an outlawed armed organisation": the name said to be a group's
_GROUP_APPOSITIVE = re.compile(r"\s*,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:group|organi[sz]ation|movement|militia|faction"
                               r"|outfit|network)\b")
# "accused Iran of arming such groups": a patron's help, not the deed; the patron is not the perpetrator
_PATRONAGE = re.compile(r"^[^,;]{0,40}?\bof\s+(?:arming|funding|financing|backing|supporting|sponsoring|training|harbou?ring"
                        r"|sheltering|equipping|supplying|aiding)\b")


def find_perpetrator(sentence: str) -> tuple[str | None, int]:
    """(group, strength) named in one sentence (see _find_perpetrator), else a group named with a hedge, a gang or a
    named group whose members did the deed ("fighters of the Allied Democratic Forces"), with strength 1."""
    group, strength = _find_perpetrator(sentence)
    if group is None:
        hedged = hedged_perpetrator(sentence)
        if hedged:
            return hedged, 1
        m = _SIGNED.search(sentence) if "signed" in sentence or "name of" in sentence else None
        np = _clean_np(m.group(1)) if m else None
        if np and not _GENERIC_GROUP.match(np) and not _AUTHORITY.search(np):
            return np, 1
        m = _GANG.search(sentence) if " gang" in sentence else None
        if m is None and " the " in sentence:
            m = _MEMBERS_OF.search(sentence)
            if m and _VICTIMS_BEFORE.search(sentence[max(0, m.start() - 50): m.start()]):
                m = None  # "gunmen shot dead three members of the X party": the victims' party or unit
        if m is None:
            m = _NAMED_MEMBERS.search(sentence)
            if m and (m.group(1).split()[0] in _SENTENCE_OPENERS or m.group(1).split()[0].lower() in _NO_NAME):
                m = None
        if m:
            np = _clean_np(m.group(1))
            if np and not _GENERIC_GROUP.match(np) and np not in DEMONYMS and not _AUTHORITY.search(np):
                return np, 1
        m = _GROUP_AGENT.match(sentence)
        if m and (m.group(1) or _GROUP_WORD.search(m.group(2))) and \
                (not _STATE_WORDS.search(m.group(2)) or _GROUP_WORD.search(m.group(2))):
            np = _clean_np(m.group(2))
            if np and not _GENERIC_GROUP.match(np) and np not in DEMONYMS and not _AUTHORITY.search(np) \
                    and np.split()[0] not in _SENTENCE_OPENERS:
                return np, 1
    return group, strength


def _find_perpetrator(sentence: str) -> tuple[str | None, int]:
    """(group, strength) named in one sentence: 3 a claim, 2 the authorities' blame, 1 the agent of the event
    ("the abduction ... by Boko Haram"), 0 none."""
    claimed, said = "claimed" in sentence, "said" in sentence
    blamed, behind = any(w in sentence for w in _BLAME_WORDS), "responsible" in sentence or "behind" in sentence
    by = " by " in sentence
    attributed = "attributed" in sentence
    if not (claimed or said or blamed or behind or by or attributed):
        return None, 0
    m = _CLAIMED_BY.search(sentence) if claimed and by else None
    if m:
        np = _clean_np(m.group(1))
        if np and not _GENERIC_GROUP.match(np):
            return np, 3
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
        if m and _BLAME_DENIED.search(clause[: m.start()]):
            m = None  # "police did not blame the NPA", "would not say whether they suspected X"
        if m and (_AUTHORITY.search(clause[: m.start()]) or _NAMED_BLAMER.search(clause[: m.start()])
                  or _FORCES_BLAMER.search(clause[: m.start()])):
            obj = _MEMBERS_LEAD.sub("", m.group(1))
            if " of " in obj and _PATRONAGE.match(obj):
                continue
            first = obj.split(",")[0]
            np = None
            head = _NP_HEAD.match(first)
            if head and (first.strip()[:1].isupper() or first.strip().lower().startswith(("the ", "al-"))):
                np = _clean_np(head.group(1))
            elif re.search(r"\b(?:group|organi[sz]ation|outfit|faction|movement|network|militia)\s*$", first) and "," in obj:
                nxt = _NP_HEAD.match(obj.split(",")[1])
                np = _clean_np(nxt.group(1)) if nxt else None
            if np and not _GENERIC_GROUP.match(np) and np not in DEMONYMS:
                return np, 2
        m = _WAS_BEHIND.search(clause) if behind else None
        if m and _AUTHORITY.search(clause[: m.start(1)] + " " + m.group(1)):
            np = m.group(1).strip()
            np = re.sub(r"^.*\b(?:that|showed|said|says|believed|believe|believes|thought|think|thinks|suspected|suspect)\s+", "", np)
            np = re.sub(r"^(?:the|a|an)\s+", "", np)
            fm = re.match(r"^([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+from\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)$", np)
            if fm:
                np = f"{fm.group(2)} {fm.group(1)}"
            if np and np[0].isupper() and not _GENERIC_GROUP.match(np) and len(np.split()) <= 6:
                return np, 2
    m = _ATTRIBUTED.search(sentence) if attributed else None
    if m and _AUTHORITY.search(sentence[: m.start()]):
        np = _clean_np(m.group(1))
        if np and not _GENERIC_GROUP.match(np) and not _AUTHORITY.search(np):
            return np, 2
    m = _BY_AGENT.search(sentence) if by else None
    if m:
        np = _clean_np(m.group(1))
        if np and not _GENERIC_GROUP.match(np) and np not in DEMONYMS and not _AUTHORITY.search(np):
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


def expand_acronym(name: str, text: str) -> str:
    """The name an acronym stands for: "RSF" -> "Rapid Support Forces" when the article spells the name out somewhere."""
    if not (2 <= len(name) <= 6 and name.isupper() and name.isalpha()):
        return name
    pat = r"\b" + r"\s+(?:of\s+|for\s+|the\s+|and\s+)?".join(c + r"[\w'’\-]*" for c in name) + r"\b"
    m = re.search(pat, text)
    return m.group(0) if m and m.group(0) != name else name


_THESE_ATTACKS = re.compile(r"\b(?:the|these|both|all)\s+(?:\w+\s+)?(?:attacks|bombings|blasts|explosions)\b")


def credit_perpetrator(sentence, text, body, index, current, incidents, count_before, before_sentence) -> None:
    """Give the group sentence names to the incidents it is for: the current one, the last two for "both attacks",
    those of the same day for "the attacks", the one before too when the group was "also behind" it; or, for
    "Its fighters stormed ...", the group the sentence before opened with (body[index - 1]) to the incidents
    found in this sentence (incidents[count_before:])."""
    claim, strength = find_perpetrator(sentence)
    if claim and strength >= current.perp_strength:
        targets = [current]
        both = _THESE_ATTACKS.search(sentence)
        if both and both.group(0)[:4].lower() == "both" and len(incidents) >= 2 and current in incidents[-2:]:
            targets = incidents[-2:]  # "the army blamed the RSF for both attacks": the last two
        elif both:
            targets = [x for x in incidents if x.date and current.date and x.date[:10] == current.date[:10]] or [current]
        claim = expand_acronym(claim, text)
        if before_sentence is not None and before_sentence not in targets and _ALSO_BEHIND.search(sentence):
            # "a group that police say was also behind ...": the group did the earlier event too
            targets.append(before_sentence)
        for t in targets:
            if strength >= t.perp_strength:
                t.perpetrator, t.perp_strength = claim, strength
    elif claim is None and current.perp_strength == 0 and " by the " in sentence and _BY_THE_GROUP.search(sentence):
        named = next((x.perpetrator for x in reversed(incidents) if x is not current and x.perp_strength > 0), None)
        if named:
            current.perpetrator, current.perp_strength = named, 1
    elif claim is None and len(incidents) > count_before and index > 0 and _ITS_MEN.search(sentence):
        group = group_of_subject(text[body[index - 1][0]: body[index - 1][1]])
        for t in incidents[count_before:]:
            if group and t.perp_strength == 0:
                t.perpetrator, t.perp_strength = group, 1
