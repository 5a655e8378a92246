"""Property-based checks: extraction survives any text and keeps its promises about offsets, dates and counts."""
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.extract import extract
from lib.extract.text import sentence_spans

NEWSY_WORDS = st.sampled_from([
    "Karachi", "Pakistan", "China's", "Hainan", "province", "bomb", "blast", "killed", "two", "Chinese",
    "engineers", "last", "October", "on", "Sunday", "at", "least", "11", "injured", "gunmen", "kidnapped",
    "President", "Xi", "the", "airport", "in", "2013", "—", "KABUL,", "Dec", "13", ".", ",", "\n", "\n\n",
    "suicide", "bomber", "Islamic", "State", "claimed", "no", "casualties", "were", "reported", "dozens",
])
ANY_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(NEWSY_WORDS, st.text(max_size=8)), max_size=80).map(" ".join),
)
PUBLISHED = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).map(str))
DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT, published=PUBLISHED)
def test_any_text_extracts_without_error_and_keeps_its_promises(text, published):
    result = extract(text, published)
    for mention in result["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["surface"]
        assert 0 <= mention["confidence"] <= 1
        if mention["lat"] is not None:
            assert -90 <= mention["lat"] <= 90 and -180 <= mention["lon"] <= 180
    for incident in result["incidents"]:
        assert text[incident["start"]:incident["end"]] == incident["sentence"]
        for count in ("killed", "injured"):
            assert incident[count] is None or (isinstance(incident[count], int) and incident[count] >= 0)
        if incident["date"] is not None:
            dt.datetime.strptime(incident["date"], DATE_FORMATS[incident["date_precision"]])
        else:
            assert incident["date_precision"] is None
        assert 0 <= incident["confidence"] <= 1


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=600))
def test_sentence_spans_are_ordered_non_empty_and_inside_the_text(text):
    previous_end = 0
    for start, end in sentence_spans(text):
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        previous_end = end
