"""The excerpt panel's HTML: each article's sentences naming the chosen place (names marked), the sentences of its
incidents there, its title, date and source, and its incidents; from plain rows, not frames (a page of 25
articles of a busy place is drawn on every rerun)."""
from __future__ import annotations

import math

from lib.dashboard.render import esc, highlight, incidents_html, link, source_label


def records(frame) -> list[dict]:
    """The rows of a DataFrame as plain dicts (missing values as None), in order."""
    columns = list(frame.columns)
    return [dict(zip(columns, (_plain(v) for v in values)))
            for values in zip(*(frame[c].tolist() for c in columns))]


def _plain(value):
    """None for a missing value (None, NaN, pd.NA), else the value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return None if type(value).__name__ == "NAType" else value


def by_document(rows: list[dict]) -> dict[str, list[dict]]:
    """rows grouped by their document_id, each group in the rows' order."""
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row["document_id"], []).append(row)
    return out


def sentences_html(mentions: list[dict], incidents: list[dict]) -> list[str]:
    """One paragraph per sentence naming the place (in text order, its names marked), then each incident's
    sentence not among them (marked as an incident's)."""
    groups: dict = {}
    for m in mentions:  # one sentence per start; sentences without a start last, as one group
        groups.setdefault(m["sentence_start"], []).append(m)
    keys = sorted(k for k in groups if k is not None) + ([None] if None in groups else [])
    out = []
    for key in keys:
        same = groups[key]
        base = int(key) if key is not None else 0
        spans = [(int(x["start"]) - base, int(x["end"]) - base, "atlas-place") for x in same]
        out.append(f'<p class="atlas-sentence">{highlight(same[0]["sentence"] or "", spans)}</p>')
    named = {m["sentence"] for m in mentions}
    for s in incidents:
        sentence = s["sentence"]
        if sentence and sentence not in named:
            out.append(f'<p class="atlas-sentence">{highlight(sentence, [(0, len(sentence), "atlas-incident")])}</p>')
    return out


def article_html(doc_id: str, meta: dict, mentions: list[dict], incidents: list[dict]) -> str:
    """One article's excerpt block: its sentences, its title, date and source (a link), and its incidents.
    meta: the article's title, published, source and url."""
    source = source_label(meta["source"], meta["url"])
    return (f'<div class="atlas-excerpt" data-document="{esc(doc_id)}">{"".join(sentences_html(mentions, incidents))}'
            f'<p class="atlas-meta"><b>{esc(meta["title"])}</b> · {esc(meta["published"]) or "date unknown"} · '
            f'{link(meta["url"], source)}</p>{incidents_html(incidents)}</div>')


def articles_html(doc_ids: list[str], mentions: list[dict], incidents: list[dict]) -> list[tuple[str, str]]:
    """(doc_id, its excerpt block) for each article of doc_ids, in that order; its metadata from its first
    mention, else its first incident."""
    m_of, i_of = by_document(mentions), by_document(incidents)
    out = []
    for doc_id in doc_ids:
        mine, theirs = m_of.get(doc_id, []), i_of.get(doc_id, [])
        meta = (mine or theirs or [{"title": None, "published": None, "source": None, "url": None}])[0]
        out.append((doc_id, article_html(doc_id, meta, mine, theirs)))
    return out
