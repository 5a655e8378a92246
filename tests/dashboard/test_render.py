"""Safe rendering: untrusted text stays text in Markdown and HTML; only http(s) addresses become links."""
import pytest

from lib.dashboard.render import esc, esc_md, highlight, link, safe_url


@pytest.mark.parametrize("text, expected", [
    ("**bold** [x](http://y)", r"\*\*bold\*\* \[x\]\(http\://y\)"),
    ("a\nb", "a b"),
    (None, ""),
    (float("nan"), ""),
])
def test_markdown_shows_text_literally(text, expected):
    assert esc_md(text) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"),
    (" http://example.org ", "http://example.org"),
    ("javascript:alert(1)", None),
    ("http://", None),
    ("", None),
    (None, None),
])
def test_only_http_addresses_are_links(url, expected):
    assert safe_url(url) == expected


def test_a_link_without_a_safe_address_is_its_escaped_label():
    assert link("javascript:alert(1)", "<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert 'href="https://e.org/?a=1&amp;b=2"' in link("https://e.org/?a=1&b=2", "e")


def test_overlapping_spans_get_one_mark_with_every_class_and_title():
    html = highlight("in <Quetta> today", [(3, 11, "atlas-place", "Quetta"), (0, 17, "atlas-incident")])
    assert html == ('<mark class="atlas-incident">in </mark>'
                    '<mark class="atlas-incident atlas-place" title="Quetta">&lt;Quetta&gt;</mark>'
                    '<mark class="atlas-incident"> today</mark>')
    assert highlight("abc", [(None, 2, "x"), (2, 2, "x")]) == esc("abc")
