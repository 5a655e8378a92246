"""Victims' nationality: the demonyms and the countries a clause names its victims by, told apart from the
attackers' ("by an Indonesian couple") and from speakers ("Tajik border guards said").

The demonyms are rules/en/demonyms.csv, the nouns for victims rules/en/victim_nouns.txt.
"""
from __future__ import annotations

import re

from lib.extract import rules
from lib.extract.incidents.tolls import AMONG_DEAD


def demonyms(rows, origin: str = "<rules>") -> dict[str, str]:
    """demonym -> country code of the demonym rows; a demonym listed twice raises RuleError."""
    out: dict[str, str] = {}
    for row in rows:
        if row["demonym"] in out:
            raise rules.RuleError(f"{origin}: demonym {row['demonym']!r} is listed twice")
        out[row["demonym"]] = row["country"]
    return out


DEMONYMS = demonyms(rules.table("demonyms", ("demonym", "country")), str(rules.path_of("demonyms", ".csv")))
_VICTIM_NOUN = "(?:" + "|".join(rules.words("victim_nouns")) + ")"
_DEMONYM_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in DEMONYMS), key=len, reverse=True)) + r")(?:-born)?\s+(?:[a-z][\w-]*\s+){0,2}?"
    + _VICTIM_NOUN + r"\b")
_FROM_LIST = re.compile(r"\b(?:visitors|tourists|nationals|citizens|people|victims|guests|pilgrims|workers|man|woman|men|women"
                        r"|passengers|worshippers|students|crew|crewmen|crew\s+members|sailors|seafarers|hostages|captives"
                        # "a lorry driver from Senegal was abducted"
                        r"|driver|drivers|trader|traders|engineer|engineers|worker|nurse|nurses|teacher|teachers),?\s+from\s+([^.;]*?)(?:\s+(?:were|was|are|had)\b|[.;]|$)", re.I)
# "shot dead an American working for a charity", "wounded a Congolese colleague": one victim named by a demonym alone
_DEMONYM_OBJECT = re.compile(
    r"\b(?:shot\s+dead|shooting\s+dead|killed|killing|murdered|wounded|wounding|injured|injuring|kidnapped|abducted)\s+(?:a|an)\s+("
    + "|".join(sorted((re.escape(k) for k in DEMONYMS), key=len, reverse=True)) + r")(?=\s+[a-z]|\s*[,.;]|\s*$)")
_DEMONYM_PEOPLE = re.compile(r"\b(" + "|".join(re.escape(k) for k in DEMONYMS) + r")\s+(?:citizens|nationals|people)\b")
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


def local_victims(span: str, stated: list[str], has_figure: bool) -> bool:
    """True when span implies victims of the site's own country: it gives a toll without naming the victims'
    nationality, or it names some nationals only as "among the dead/wounded"; never when it calls them foreign."""
    if _FOREIGN.search(span):
        return False
    if stated:
        return bool(AMONG_DEAD.search(span))
    return has_figure


def nationalities(clause: str, clause_start: int, mentions: list[dict]) -> list[str]:
    """Country codes of the victims a clause names by demonym ("two Chinese engineers") or by a list of countries
    ("tourists from India and China", read from the mentions), in order of appearance."""
    codes = []
    for m in _DEMONYM_RE.finditer(clause):
        # "the Afghan capital", "Pakistani Taliban": only demonyms of victims count; "Tajik border guards said" speak
        if re.match(r"^\s*(?:,\s*)?(?:said|say|says|told|reported|confirmed)\b", clause[m.end(): m.end() + 20]):
            continue
        # "by an Indonesian couple", "two Tunisian men who blew themselves up": the attackers, not the victims
        if _BY_BEFORE.search(clause[max(0, m.start() - 12): m.start()]) or _ATTACKERS_AFTER.match(clause, m.end()):
            continue
        code = DEMONYMS[m.group(1)]
        if code not in codes:
            codes.append(code)
    for m in _DEMONYM_OBJECT.finditer(clause) if " a" in clause else ():
        code = DEMONYMS[m.group(1)]
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




def stated_nationalities(sentence: str, start: int, mentions: list[dict]) -> list[str]:
    """The victims' countries a follow-up sentence states: as nationalities() finds them, then every "<demonym>
    citizens|nationals|people" (repeats kept)."""
    return nationalities(sentence, start, mentions) + [DEMONYMS[m.group(1)] for m in _DEMONYM_PEOPLE.finditer(sentence)]


def calls_victims_foreign(text: str) -> bool:
    """True when text calls people foreign ("foreigners", "foreign engineers", "expatriates")."""
    return bool(_FOREIGN.search(text))
