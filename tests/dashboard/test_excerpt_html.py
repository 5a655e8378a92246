"""The excerpt panel's blocks, made from plain rows: sentences once, names marked, incidents' own sentences."""
import pandas as pd

from lib.dashboard import excerpts


def mention(doc, start, end, sentence, sentence_start, **meta):
    return {"document_id": doc, "start": start, "end": end, "sentence": sentence, "sentence_start": sentence_start,
            "title": meta.get("title", f"Title {doc}"), "published": "2024-05-01", "source": "Dawn", "url": None}


def incident(doc, sentence, **fields):
    row = {"document_id": doc, "sentence": sentence, "type": "bombing", "date": "2024-05-01", "killed": 3,
           "injured": None, "attackers_killed": None, "victims": None, "title": f"Title {doc}",
           "published": "2024-05-01", "source": None, "url": "https://example.org/a"}
    return {**row, **fields}


def test_two_names_in_one_sentence_make_one_paragraph_with_both_marked():
    text = "Quetta police sealed Quetta."
    rows = [mention("a", 100, 106, text, 100), mention("a", 121, 127, text, 100)]
    [(_, block)] = excerpts.articles_html(["a"], rows, [])
    assert block.count('class="atlas-sentence"') == 1
    assert '<mark class="atlas-place">Quetta</mark> police sealed <mark class="atlas-place">Quetta</mark>.' in block


def test_sentences_follow_the_text_and_an_incidents_own_sentence_is_added_once():
    first, second, blast = "Quetta was calm.", "Later in Quetta, shops shut.", "A bomb killed three."
    rows = [mention("a", 209, 215, second, 200), mention("a", 0, 6, first, 0)]
    block = excerpts.articles_html(["a"], rows, [incident("a", blast), incident("a", second)])[0][1]
    assert block.index("was calm") < block.index("shops shut") < block.index("A bomb")
    assert block.count("shops shut") == 1
    assert f'<mark class="atlas-incident">{blast}</mark>' in block
    assert "killed 3" in block and "injured unknown" in block


def test_an_article_with_only_incidents_takes_its_title_and_link_from_them_and_order_is_kept():
    out = excerpts.articles_html(["b", "a"], [mention("a", 0, 6, "Quetta.", 0)], [incident("b", "A bomb.")])
    assert [doc for doc, _ in out] == ["b", "a"]
    assert "<b>Title b</b>" in out[0][1] and 'href="https://example.org/a"' in out[0][1]
    assert "Dawn" in out[1][1]


def test_records_give_missing_values_as_none():
    frame = pd.DataFrame({"killed": pd.array([1, None], dtype="Int64"), "name": ["x", None],
                          "lat": [1.5, float("nan")]})
    assert excerpts.records(frame) == [{"killed": 1, "name": "x", "lat": 1.5},
                                       {"killed": None, "name": None, "lat": None}]
