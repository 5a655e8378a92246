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

The rules are in the modules of this package, one job each: triggers (trigger words -> types, and the guards
against hypothetical and vague statements), clauses, event_dates, tolls, victims, perpetrators, sites, layout
(title, dateline, paragraphs) and record (an incident being read, and the dict it becomes); word lists and
tables are data files under lib/extract/rules/en/.
"""
from __future__ import annotations

from lib.extract.dates import day_first, parse_date, reading_day_first
from lib.extract.incidents import clauses, layout, perpetrators, record, tolls, triggers
from lib.extract.incidents.perpetrators import find_perpetrator
from lib.extract.incidents.tolls import find_tolls, parse_number
from lib.extract.incidents.triggers import TYPES
from lib.extract.text import sentence_spans

__all__ = ["find_incidents", "find_perpetrator", "parse_number", "find_tolls", "TYPES"]


def find_incidents(text: str, mentions: list[dict] | None, published: str | None, sentences=None) -> list[dict]:
    """Incidents reported in text (see the module's doc); each a dict with the sentence that states it.

    sentences: the text's sentence spans when the caller already has them (lib.text.sentence_spans).
    Ambiguous numeric dates are read the way the whole text writes them (lib.extract.dates.day_first).
    """
    with reading_day_first(bool(text) and day_first(text)):
        return _find_incidents(text, mentions, published, sentences)


def _find_incidents(text, mentions, published, sentences) -> list[dict]:
    """find_incidents within the text's date convention."""
    if not text or not text.strip():
        return []
    # every trigger holds a stem at the start of a word: a text without one has no incident, and a sentence
    # without one has no trigger (it can only add to an incident found before)
    low = text.lower()
    hits = triggers.stem_hits(low)
    if not hits:
        return []
    spans = sentences if sentences is not None else sentence_spans(text)
    if not spans:
        return []
    flagged = triggers.sentences_with_stems(text, low, hits, spans)
    if not flagged:
        return []
    mentions = sorted([m for m in (mentions or []) if isinstance(m, dict) and "start" in m and "end" in m],
                      key=lambda m: m["start"])
    pub = parse_date(published)
    paragraph_of = layout.paragraphs(text, spans)
    body = layout.body(text, spans)
    dateline_end = layout.dateline_end(text, body)
    lead_start = body[0][0]
    dateline_mention = next((m for m in mentions if lead_start <= m["start"] < dateline_end), None)
    entry_openers = layout.entry_openers(text, body)
    misread_headings = layout.misread_headings(text, entry_openers, pub)
    entry_date = None  # the date of the log entry being read: its events' date when they state none

    incidents: list[record.Incident] = []
    current: record.Incident | None = None

    for index, (s, e) in enumerate(body):
        if (s, e) in entry_openers:
            current = None  # a dated entry of a log: nothing it says belongs to the entry before
            entry_date = entry_openers[(s, e)]
        has_stem = (s, e) in flagged
        if current is None and not has_stem:
            continue
        sentence = text[s:e]
        paragraph = paragraph_of[(s, e)]
        before_sentence = current
        count_before = len(incidents)
        pieces = clauses.merge_clauses(text, clauses.split_clauses(sentence, s), pub) if has_stem else []
        touched_here = []
        for cs, ce in pieces:
            ctext = text[cs:ce]
            # "X came a day after Y": Y is another event; X refers to one already known
            ca = clauses.CAME_AFTER.search(ctext) if "after" in ctext.lower() else None  # (every match ends so)
            if ca and triggers.find_triggers(ctext[ca.end():]):
                refers_to_event = bool(clauses.EVENT_NOUN.search(ctext[: ca.start()]))
                anchor = (current.date if current is not None and refers_to_event and current.date else
                          (pub.isoformat() if pub else None))
                inc = record.build(text, cs + ca.start(), ce, s, e, mentions, pub, dateline_end, anchor_ref=anchor,
                                   anchor_month=refers_to_event)
                if inc is not None and record.creatable(inc, lead=False):
                    incidents.append(inc)
                    current = inc
                    inc.paragraph, inc.index = paragraph, index
                    touched_here.append(inc)
                continue
            if not triggers.find_triggers(ctext):
                continue
            if current is not None and clauses.aside(ctext):
                continue  # a reaction to the event or its victims' care: read below as a sentence about it
            if current is not None and current.type in ("kidnapping", "hijacking") and "found" in ctext:
                found_dead = tolls.hostages_found_dead(ctext, current.victims)
                if found_dead:
                    # "He was found beheaded on 1 December": the hostage's death, not another event
                    current.killed = current.killed or found_dead
                    touched_here.append(current)
                    continue
            if current is not None and tolls.body_of_known_victim(ctext) is not None and \
                    not triggers.find_triggers(ctext[: tolls.body_of_known_victim(ctext)]):
                # "His body was found near Khalis on Friday": the victim of the incident told, not another event
                touched_here.append(current)
                continue
            if current is not None and current.type in ("kidnapping", "hijacking") and " of the " in ctext:
                dead = tolls.hostage_deaths(ctext)
                if dead is not None:
                    # "One of the hostages ... was found dead": a toll of the kidnapping, not another event
                    current.killed = (current.killed or 0) + dead
                    touched_here.append(current)
                    continue
            ref = current.date if current is not None else None
            inc = record.build(text, cs, ce, s, e, mentions, pub, dateline_end, anchor_ref=ref)
            if inc is None or inc.vague or inc.hypothetical:
                continue
            if inc.unconfirmed_fire and current is None and record.fire_set_later(text, body, index, paragraph_of):
                inc.unconfirmed_fire, inc.strength = False, 2  # "A fire destroyed ... Police said it was set deliberately"
            if entry_date and not inc.date:
                inc.date, inc.precision = entry_date
            elif (s, e) in misread_headings and inc.date in misread_headings[(s, e)]:
                inc.date, inc.precision = entry_date  # "Sat 05 Aug 23 —" read as 23 August: the heading's own date
            new = record.starts_new_incident(inc, current, ctext, index)
            if new and not inc.date and current is not None and current.date and clauses.own_place_event(ctext):
                # "..., while in Tank district gunmen shot dead a policeman": the same time as the clause before
                inc.date, inc.precision = current.date, current.precision
            if new:
                # "two more explosions went off at a guesthouse in A and at a house in B": one incident per site
                extras = record.split_sites(text, inc, mentions, cs, ce, dateline_end)
                incidents.append(inc)
                inc.paragraph, inc.index = paragraph, index
                for extra in extras:
                    incidents.append(extra)
                    extra.paragraph, extra.index = paragraph, index
                current = inc
                touched_here.append(inc)
            elif current is not None:
                if inc.date and current.date and record.retells_updated(current, inc):
                    # the event's day and the sentence that tells it, not the update's
                    current.date, current.precision, current.sentence = inc.date, inc.precision, inc.sentence
                record.merge(current, inc)
                current.paragraph, current.index = paragraph, index
                touched_here.append(current)
        # sentences without a trigger still add tolls, nationality, a claim, or a date to the current incident
        if current is not None and current not in touched_here:
            components = ([] if clauses.aside(sentence) else
                          record.components(current, text, s, e, mentions, dateline_end, index, paragraph))
            if components:
                incidents.extend(components)
                continue
            same_story = current.paragraph == paragraph or current is incidents[0] or index == current.index + 1
            if same_story:
                record.follow_up(current, text, s, e, mentions, pub, dateline_end)
        if current is not None and current.type in ("kidnapping", "hijacking") and not current.killed \
                and ("bod" in sentence or "found" in sentence):
            # "His body was found on 16 December": the hostage the kidnapping took is dead
            found_dead = tolls.hostages_found_dead(sentence, current.victims)
            if found_dead:
                current.killed = found_dead
        if current is not None:
            perpetrators.credit_perpetrator(sentence, text, body, index, current, incidents, count_before,
                                            before_sentence)
        if before_sentence is not None and len(incidents) > count_before and clauses.COMPARED_WITH.search(sentence):
            # "It was the deadliest attack since March 2021, when ...": the event compared with is background; the
            # sentences after it go on with the story's own
            current = before_sentence

    return [record.finish(inc, i, text, incidents, pub, dateline_mention, body) for i, inc in enumerate(incidents)]
