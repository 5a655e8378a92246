"""An incident as it is being read: built from a clause, completed by the clauses and sentences that refer back to
it, and finally turned into the dict find_incidents returns."""
from __future__ import annotations

import re
from datetime import date as _day

from lib.extract.dates import PRECISION_RANK, compatible
from lib.extract.incidents import clauses, event_dates, sites, tolls, triggers, victims


class Incident:
    """The attributes of one incident; compared by identity (two alike incidents are still two)."""

    def __init__(self, **kw):
        self.__dict__.update(kw)

    def copy(self, **changes) -> "Incident":
        return Incident(**{**self.__dict__, **changes})


# "Police said they had killed two suspected dacoits", "troops shot dead three kidnappers": the security forces' deed
_FORCES_KILLED = re.compile(r"\b(?:[Pp]olice|troops|soldiers|security\s+forces|the\s+army|commandos|rangers|officers)\b[^.;]{0,40}?"
                            r"\b(?:killed|shot\s+dead|gunned\s+down)\b")


def build(text, cs, ce, s, e, mentions, pub, dateline_end, anchor_ref=None, anchor_month=False) -> Incident | None:
    """The incident text[cs:ce] (a clause of the sentence text[s:e]) reports, or None when it has no trigger."""
    clause = text[cs:ce]
    trig = triggers.find_triggers(clause)
    if not trig:
        return None
    itype, strength = triggers.type_of(trig)
    if itype == "armed_attack" and tolls.named_official_killed(clause):
        itype = "assassination"  # the targeted killing of a named official, elder or leader
    if itype == "hijacking" and triggers.crew_taken(trig, clause):
        itype = "kidnapping"  # "boarded a fishing trawler ... and took three crew members away": the people were the prize
    # reference for month names in a "came ... after" clause is the anchor event, not the publication
    date, precision = event_dates.clause_date(clause, cs, dateline_end, pub, anchor_ref, anchor_month)
    operation = triggers.is_operation(trig)
    figures = tolls.find_tolls(clause, count_attackers=(itype == "other"))
    if tolls.campaign_total(clause, figures):
        figures["killed"] = figures["victims"] = None
        figures["deadly"] = True  # the event still stands as one the story counts among the deadly
    if figures["victims"] is None and itype in ("kidnapping", "hijacking"):
        figures["victims"] = tolls.hostages(clause)
    if figures["attackers_killed"] and itype in ("kidnapping", "hijacking") and _FORCES_KILLED.search(clause):
        figures["attackers_killed"] = None  # "Police said they had killed two suspected dacoits and freed ...": the rescue's
    killed, injured = figures["killed"], figures["injured"]
    if itype == "other" and not operation and (killed or injured) and triggers.kills_and_burns(trig):
        itype = "armed_attack"  # "executed a teacher and then set fire to the school": the killing is the event's kind
    if itype == "armed_attack" and (killed or 0) <= 2 and tolls.titled_official_killed(clause):
        itype = "assassination"  # "shot dead the vice mayor": the targeted killing of an office's holder
    nationality = victims.nationalities(clause, cs, mentions)
    cands = sorted(sites.site_mentions(text, mentions, cs, ce, dateline_end), key=lambda c: (-c[0], c[1]["start"]))
    # "Santa Rosa, a village in the department of Cauca" with a Santa Rosa of another province resolved: Cauca
    site_list = [sites.unit_named_for(text, mentions, m) or m for _, m in cands]
    site = site_list[0] if site_list else sites.anaphoric_place(text, mentions, cs, ce, dateline_end)
    return Incident(
        sites=site_list, type=itype, strength=strength, date=date, precision=precision, killed=killed, injured=injured,
        rise=figures["rise"], victims=figures["victims"], nationality=nationality, site=site,
        attackers_killed=figures["attackers_killed"], part_of=None, operation=operation,
        local=victims.local_victims(clause, nationality, bool(killed or injured)),
        foreign=victims.calls_victims_foreign(clause),
        perpetrator=None, perp_strength=0, sentence=(s, e),
        vague=triggers.is_vague(clause, killed, injured, date, precision),
        hypothetical=triggers.is_hypothetical(clause, trig, killed, injured, date),
        index=None, paragraph=None, evidence=1, deadly=figures.get("deadly", False),
        past=event_dates.told_as_past(clause, date, pub), soft_date=event_dates.soft_date(clause, cs, dateline_end, pub, date),
        # "a fire destroyed the office": not yet an incident; it becomes one when the story says the fire was set
        unconfirmed_fire=(itype == "other" and strength == 1 and not operation),
    )


def creatable(inc, lead: bool) -> bool:
    """True when inc may stand as an incident of its own: a real, past event that is concrete (a date or a toll),
    or, in the lead, one a strong trigger names."""
    if inc.vague or inc.hypothetical or getattr(inc, "unconfirmed_fire", False):
        return False
    if not inc.past:
        return False
    concrete = inc.date is not None or inc.killed is not None or inc.injured is not None
    if lead:
        return inc.strength == 2 or concrete
    return concrete and (inc.strength == 2 or inc.killed or inc.injured or inc.deadly)


def fire_set_later(text, body, index, paragraph_of) -> bool:
    """True when one of the two sentences after the index-th, in its paragraph, calls a fire deliberate ("Police said
    the fire had been set deliberately"): the fire the index-th sentence told is an arson."""
    paragraph = paragraph_of[body[index]]
    for s, e in body[index + 1: index + 3]:
        if paragraph_of[(s, e)] != paragraph:
            return False
        if any(kind == "arson" and strength == 2 for *_, kind, strength in triggers.find_triggers(text[s:e])):
            return True
    return False


def assault_of_kidnapping(current, inc) -> bool:
    """'Gunmen stormed the school on 7 March' after 'pupils abducted earlier this month': the armed assault by which
    hostages were taken, told with a date that agrees, is the kidnapping itself."""
    return (current.type in ("kidnapping", "hijacking") and inc.type == "armed_attack" and inc.killed is None
            and bool(current.date) and bool(inc.date) and compatible(inc.date, current.date))


def split_sites(text, inc, mentions, cs, ce, dateline_end) -> list[Incident]:
    """Extra incidents for 'at X ... and at Y' with a plural trigger; inc keeps the first site."""
    found = sites.part_sites(text, mentions, cs, ce, dateline_end)
    if not found:
        return []
    inc.site = found[0] or inc.site
    return [inc.copy(site=site, nationality=list(inc.nationality)) for site in found[1:] if site is not None]


def merge(cur, new) -> None:
    """Complete cur with what new, a later clause about the same event, tells more precisely or in addition."""
    cur.evidence += 1
    sharper_date = False
    if getattr(cur, "soft_date", False) and event_dates.sets_soft_date(new.date, new.precision, cur.date):
        # "an overnight raid" told first, "struck shortly after midnight on Sunday" after: Sunday
        cur.date, cur.precision, cur.soft_date = new.date, new.precision, False
    if new.date and (not cur.date or (compatible(new.date, cur.date) and
                                       PRECISION_RANK[new.precision] > PRECISION_RANK[cur.precision])):
        sharper_date = cur.date is not None and new.precision == "day"
        cur.date, cur.precision = new.date, new.precision
    for candidate in new.sites or [new.site]:
        if sites.more_specific(candidate, cur.site):
            cur.site = candidate
            break
    if sharper_date and new.strength == 2:
        # the first report gave the event only to the month ("last month"); this sentence states it to the day
        cur.sentence = new.sentence
    if cur.strength < new.strength:
        cur.type, cur.strength = new.type, new.strength
    elif cur.type == "bombing" and new.type == "suicide_bombing":
        cur.type = "suicide_bombing"
    merge_tolls(cur, new.killed, new.injured, new.rise, new.victims)
    if cur.attackers_killed is None:
        cur.attackers_killed = new.attackers_killed
    cur.local = cur.local or new.local
    cur.foreign = cur.foreign or new.foreign
    for c in new.nationality:
        if c not in cur.nationality:
            cur.nationality.append(c)


def merge_tolls(cur, killed, injured, rise, victim_phrase) -> bool:
    """Take the figures cur lacks (or a risen toll); True when a figure above zero was taken."""
    taken = False
    if killed is not None and (cur.killed is None or (rise and killed != cur.killed) or (cur.killed == 0 and killed > 0)):
        cur.killed = killed
        taken = taken or killed > 0
        if victim_phrase and not cur.victims:
            cur.victims = victim_phrase
    if injured is not None and (cur.injured is None or (cur.injured == 0 and injured > 0)):
        cur.injured = injured
        taken = taken or injured > 0
        if victim_phrase and not cur.victims:
            cur.victims = victim_phrase
    return taken


def components(cur, text, s, e, mentions, dateline_end, index, paragraph) -> list[Incident]:
    """'At St Sebastian's alone, more than fifty ... were killed, and in Batticaloa at least 25 ...': parts of a
    series (an incident with a toll) reported at other sites, in a sentence that names no trigger itself."""
    if cur.killed is None or index > cur.index + 3:
        return []
    out = []
    for cs, ce in clauses.split_clauses(text[s:e], s):
        clause = text[cs:ce]
        figures = tolls.find_tolls(clause)
        if not figures["killed"] and not figures["injured"]:
            continue
        if figures["rise"] or (figures["killed"] or 0) >= cur.killed:
            continue
        cands = sites.site_mentions(text, mentions, cs, ce, dateline_end)
        cands = [m for sc, m in cands if sites.introduced_as_site(text, cs, m)]
        if not cands:
            continue
        site = cands[0]
        if sites.same_place(site, cur.site) or any(sites.same_place(site, x.site) for x in out):
            continue
        cc_site, cc_cur = site.get("country_code"), (cur.site or {}).get("country_code")
        if cc_site and cc_cur and cc_site != cc_cur:
            continue
        out.append(cur.copy(site=site, sites=[site], killed=figures["killed"], injured=figures["injured"],
                            victims=figures["victims"], nationality=[], local=False, foreign=False, sentence=(s, e),
                            evidence=1, index=index, paragraph=paragraph, part_of=cur, attackers_killed=None))
    return out


_VICTIM_WORD = re.compile(r"\b(?:dead|killed|wounded|injured|victims|casualties|died|hurt|unharmed|unhurt|hostages|crew)\b")


def follow_up(cur, text, s, e, mentions, pub, dateline_end) -> None:
    """Add to cur what the sentence text[s:e], which names no event of its own, tells of it: tolls, the victims'
    nationality, a date when cur has none."""
    sentence = text[s:e]
    figures = tolls.find_tolls(sentence, count_attackers=(cur.type == "other"))
    adopted = False
    if tolls.states_cumulative_toll(sentence) and not figures["rise"]:
        figures = {"killed": None, "injured": None, "attackers_killed": None}  # "The insurgency has killed more than 5,000 people": a statistic
    if figures["killed"] is not None or figures["injured"] is not None:
        adopted = merge_tolls(cur, figures["killed"], figures["injured"], figures["rise"], figures["victims"])
    if cur.attackers_killed is None and figures.get("attackers_killed") is not None:
        cur.attackers_killed = figures["attackers_killed"]
    if cur.killed is None and cur.injured and figures["killed"] is None and tolls.wounded_survived(sentence):
        cur.killed = 0  # "the other remains in a stable condition": the wounded are alive, nobody was killed
    stated = []
    if _VICTIM_WORD.search(sentence):
        stated = victims.stated_nationalities(sentence, s, mentions)
        for c in stated:
            if c not in cur.nationality:
                cur.nationality.append(c)
    if (adopted or stated) and victims.local_victims(sentence, stated, adopted):
        cur.local = True
    if adopted and victims.calls_victims_foreign(sentence):
        cur.foreign = True
    if (cur.site is None or sites.kind_rank(cur.site) <= sites.SITE_KIND_RANK["admin1"]) and not clauses.aside(sentence):
        # "... in northern Benin." then "The post, at Malanville, ...": the sentence tells where it was (not where
        # its victims were treated or its news was condemned)
        cur.site = sites.narrowing_site(text, mentions, s, e, dateline_end, cur.site) or cur.site
    if not cur.date or getattr(cur, "soft_date", False):
        date, precision = event_dates.sentence_date(sentence, s, dateline_end, pub)
        if date and (not cur.date or event_dates.sets_soft_date(date, precision, cur.date)):
            cur.date, cur.precision, cur.soft_date = date, precision, False


def _index_of(inc, incidents) -> int | None:
    """The position of inc in incidents (by identity), or None."""
    return next((n for n, other in enumerate(incidents) if other is inc), None) if inc is not None else None


def finish(inc, i, text, incidents, pub, dateline_mention, body) -> dict:
    """The incident as find_incidents returns it: its site (or the dateline's or the first incident's), its date
    (the publication day for the lead of a report with none), its victims' nationality and a confidence."""
    s, e = inc.sentence
    site = inc.site
    if site is None and i == 0 and dateline_mention is not None:
        site = dateline_mention
    if site is None and i > 0 and incidents[0].site is not None:
        site = incidents[0].site
    if site is None and dateline_mention is not None:
        site = dateline_mention
    site = sites.town_of_region(site)
    date, precision = inc.date, inc.precision
    lead = body and (s, e) == body[0]
    if date is None and lead and i == 0 and pub is not None:
        # the lead of a report on a current event with no date of its own: the day of publication
        date, precision = pub.isoformat(), "day"
    nationality = list(inc.nationality)
    unharmed = inc.killed == 0 and inc.injured == 0
    # a site of no one country ("near Lake Chad") is read in the country of the story's dateline or first incident;
    # not for a ship's crew at sea, who may be of any country
    country = (site or {}).get("country_code")
    if site and not country and inc.type != "hijacking":
        country = (dateline_mention or {}).get("country_code") or (incidents[0].site or {}).get("country_code")
    # hostages freed unharmed were still the victims
    if inc.type != "other" and (not unharmed or inc.type in ("kidnapping", "hijacking")) and site and country:
        # victims of no stated nationality are presumed the site's people, alongside any foreigners named, unless
        # the text calls them foreign
        if (not nationality and not (inc.foreign and not inc.local)) or \
                (inc.local and country not in nationality):
            nationality.append(country)
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
        "place_kind": site.get("kind") if site else None,
        "site": sites.named_site(text[s:e]),
        # "no one was injured in the blaze": nobody was harmed, so nobody was killed either
        "killed": 0 if inc.killed is None and inc.injured == 0 else inc.killed,
        "injured": inc.injured,
        "attackers_killed": inc.attackers_killed,
        "operation": bool(getattr(inc, "operation", False)),  # a security-force operation (type "other")
        "part_of": _index_of(getattr(inc, "part_of", None), incidents),  # the series this is a part of
        "victims": inc.victims,
        "victim_nationality": nationality,
        "perpetrator": inc.perpetrator,
        "start": s,
        "end": e,
        "sentence": text[s:e],
        "confidence": round(min(1.0, confidence), 2),
        "primary": i == 0,
    }


def retells_updated(current, inc) -> bool:
    """True when current was first told by its risen toll ("The toll of Sunday's grenade attack rose to five on
    Tuesday") and inc tells the event itself a few days before ("Attackers threw two grenades ... on Sunday")."""
    if not current.rise or inc.rise or inc.type != current.type or current.precision != "day" or inc.precision != "day":
        return False
    days = (_day.fromisoformat(current.date) - _day.fromisoformat(inc.date)).days
    return 0 < days <= 7


def starts_new_incident(inc, current, ctext: str, index: int) -> bool:
    """True when inc, read from the clause ctext of the index-th sentence, is an event other than current (the
    incident the story is telling): it has another date, is introduced as another ("a second bomb"), is the
    story's next event at another place ("Hours later, ... in B"), or is an event of another kind with a date or
    a toll. With no current incident, inc starts one if it may stand on its own."""
    if current is None:
        return creatable(inc, lead=index <= 1)
    if clauses.CLAIM_OF_KNOWN.search(ctext) and not clauses.NEW_EVENT.search(ctext):
        return False  # a claim of the event already told; its date is the statement's
    if inc.killed is None and inc.injured is None and inc.attackers_killed is not None and clauses.DEFINITE.search(ctext) \
            and not clauses.NEW_EVENT.search(ctext):
        return False  # "security forces ended the siege on Friday, killing the four gunmen": the end of the event told
    if clauses.NEW_EVENT.search(ctext) is None and inc.date and current.date and retells_updated(current, inc):
        return False
    if inc.rise and inc.killed is not None and current.killed is not None and not clauses.NEW_EVENT.search(ctext):
        return False  # "A herder who was shot died on Monday, raising the toll to four": the toll of the event told
    if inc.date and current.date and not compatible(inc.date, current.date) and creatable(inc, False):
        return True
    if clauses.NEW_EVENT.search(ctext) and creatable(inc, False) and not clauses.DEFINITE.match(ctext.strip()):
        return True
    if (clauses.SEQUENCE_START.match(ctext) or clauses.own_place_event(ctext)) and creatable(inc, False) \
            and not clauses.DEFINITE.search(ctext) and sites.elsewhere(inc.site, current.site):
        # "Hours later, a car bomb exploded near a base in B": the next event of the story, at another place
        return True
    return (inc.type != current.type and bool({inc.type, current.type} & {"kidnapping", "hijacking", "other"})
            and inc.strength == 2 and creatable(inc, False) and not clauses.DEFINITE.search(ctext)
            and bool(inc.date or inc.killed is not None) and not assault_of_kidnapping(current, inc))
