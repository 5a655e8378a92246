"""Extract place mentions and incidents from article text: extract(text) -> mentions and incidents.

The command-line interface is lib/extract/__main__.py (`python -m lib.extract`). The recognisers are imported
on first use, so that modules needing only a part (the store needs lib.extract.dates) do not load them all.
"""
from lib.extract.text import sentence_spans, sentences_at


def extract(text: str, published: str | None = None, sentences=None) -> dict:
    """Find the places and incidents in one text; each mention carries its sentence and its offsets."""
    from lib.extract import incidents, places

    spans = sentences if sentences is not None else sentence_spans(text)
    mentions = places.find_places(text)
    for mention, (start, end) in zip(mentions, sentences_at(spans, [mention["start"] for mention in mentions])):
        mention.update(sentence=text[start:end], sentence_start=start, sentence_end=end)
    found = incidents.find_incidents(text, mentions, published, spans)
    return {"mentions": mentions, "incidents": found}
