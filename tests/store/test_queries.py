"""Dashboard queries in lib.store.queries: filters change the numbers; hostile search text never errors."""
import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lib.store import queries, schema
from lib.filters import Filters
from tests.helpers_db import AIRPORT_ID, BOMBING, build_two_article_db

HOSTILE = ['"', '""', "'", "*", "-", "- karachi", "NEAR(karachi airport)", "karachi OR", "AND", "NOT karachi",
           "(", ")", "title:karachi", "^karachi", "karachi*", "%", "_", "\\", "🙂", "مرحبا بالعالم", "\x00",
           "a" * 10_000, " ".join(["karachi"] * 3000), "'; DROP TABLE documents; --", "{text}:x", "\u202e"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = build_two_article_db(tmp_path_factory.mktemp("q") / "atlas.db")
    db = schema.connect(path, readonly=True)
    yield db
    db.close()


def test_overview_without_filters(db):
    o = queries.overview(db, Filters())
    assert (o["articles"], o["places"], o["mentions"], o["incidents"], o["killed"], o["injured"]) == (2, 9, 14, 2, 2, 5)
    assert (o["sources"], o["first_published"], o["last_published"]) == (2, "2023-05-10", "2025-03-26")


@pytest.mark.parametrize("filters, expected", [
    (Filters(countries=("CN",)), (1, 4, 6, 0, 0, 0)),
    (Filters(countries=("PK",)), (2, 3, 6, 2, 2, 5)),
    (Filters(places=(AIRPORT_ID,)), (1, 1, 1, 1, 2, 0)),
    (Filters(types=("bombing",)), (1, 9, 13, 1, 2, 0)),
    (Filters(nationalities=("PK",)), (1, 1, 1, 1, 0, 5)),
    (Filters(date_from=dt.date(2024, 10, 20)), (1, 9, 13, 1, 2, 0)),   # a month-precise date overlaps
    (Filters(date_from=dt.date(2024, 11, 1)), (1, 9, 13, 0, 0, 0)),   # mentions go by the article date
    (Filters(date_to=dt.date(2023, 12, 31)), (1, 1, 1, 1, 0, 5)),
    (Filters(text="Chinese engineers"), (1, 9, 13, 1, 2, 0)),
    (Filters(text="checkpoint"), (1, 1, 1, 1, 0, 5)),
    (Filters(min_confidence=0.9), (1, 8, 12, 0, 0, 0)),
    (Filters(countries=("IN",), types=("armed attack",)), (0, 0, 0, 0, 0, 0)),
])
def test_filters_change_the_counts(db, filters, expected):
    o = queries.overview(db, filters)
    assert (o["articles"], o["places"], o["mentions"], o["incidents"], o["killed"], o["injured"]) == expected


def test_place_counts_have_coordinates_and_counts(db):
    places = queries.place_counts(db, Filters())
    airport = places[places["place_id"] == AIRPORT_ID].iloc[0]
    assert (airport["latitude"], airport["longitude"]) == (24.9065, 67.1608)
    assert (airport["mentions"], airport["incidents"], airport["killed"]) == (1, 1, 2)
    assert places.iloc[0]["incidents"] >= 1  # incident sites first
    assert places["longitude"].min() == -98.5


def test_excerpts_for_a_place_newest_first(db):
    mentions = queries.mentions(db, Filters(), AIRPORT_ID)
    assert list(mentions["sentence"]) == [BOMBING]
    row = mentions.iloc[0]
    assert row["sentence"][row["start"] - row["sentence_start"]:row["end"] - row["sentence_start"]] == "Karachi airport"
    incidents = queries.incidents(db, Filters())
    assert list(incidents["type"]) == ["bombing", "armed attack"]
    assert incidents["killed"].dtype == "Int64"
    assert {"title", "source", "latitude", "longitude", "published"} <= set(incidents.columns)


@pytest.mark.parametrize("by, first", [("country", "PK"), ("type", "armed attack"), ("month", "2023-05")])
def test_counts_by(db, by, first):
    table = queries.counts_by(db, Filters(), by)
    assert table.iloc[0][by] == first
    assert table["incidents"].sum() == 2


def test_counts_by_rejects_unknown_grouping(db):
    with pytest.raises(ValueError):
        queries.counts_by(db, Filters(), "colour")


def test_documents_and_one_document(db):
    docs = queries.documents(db, Filters())
    assert list(docs["published"]) == ["2025-03-26", "2023-05-10"]
    doc = queries.document(db, docs.iloc[0]["document_id"])
    assert BOMBING in doc["text"]
    assert queries.document(db, "nope") is None
    assert len(queries.document_mentions(db, doc["id"])) == 13
    assert list(queries.document_incidents(db, doc["id"])["type"]) == ["bombing"]


@pytest.mark.parametrize("filters", [Filters(), Filters(countries=("PK",)), Filters(countries=("CN",)),
                                     Filters(text="checkpoint"), Filters(countries=("IN",), types=("armed attack",))])
def test_the_first_articles_and_their_count_are_those_of_every_article(db, filters):
    every = queries.documents(db, filters)
    assert queries.document_count(db, filters) == len(every) == queries.overview(db, filters)["articles"]
    first = queries.documents(db, filters, limit=1)
    assert len(first) == min(1, len(every))
    assert plain_rows(first) == plain_rows(every.head(1))


def test_article_titles_are_those_of_every_article_in_the_same_order(db):
    every = queries.documents(db)
    assert queries.document_titles(db) == list(zip(every["document_id"], every["title"]))


def plain_rows(frame):
    """Rows as dicts with every missing value as None (a column of one row may hold None where all hold NaN)."""
    return [{k: None if pd.isna(v) else v for k, v in row.items()} for row in frame.to_dict("records")]


def test_search_sentences(db):
    found = queries.search_sentences(db, "karachi airport")
    assert list(found["sentence"]) == [BOMBING]
    assert queries.search_sentences(db, "").empty


def test_filter_choices(db):
    c = queries.filter_choices(db)
    assert c["countries"] == ["CN", "IN", "PK", "US"]
    assert c["types"] == ["armed attack", "bombing"] and c["nationalities"] == ["CN", "PK"]
    assert AIRPORT_ID in set(c["places"]["place_id"])


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_search_text_never_errors(db, text):
    queries.overview(db, Filters(text=text))
    queries.search_sentences(db, text)
    queries.documents(db, Filters(text=text))


def test_search_text_keeps_its_meaning(db):
    # operators are words, not operators: "karachi OR" needs both words, "NOT karachi" needs "not"
    assert queries.matching_documents(db, "karachi OR zzz") == []
    assert queries.matching_documents(db, "%") == []       # a literal percent sign: no article has one
    assert len(queries.matching_documents(db, "-")) == 1   # a literal hyphen: only the seed article has one
    assert len(queries.matching_documents(db, '"Karachi airport"')) == 1


def test_fts_query_quotes_every_token():
    assert queries.fts_query('karachi "airport" OR NEAR(a b) * -') == '"karachi" """airport""" "OR" "NEAR(a" "b)"'
    assert queries.fts_query("- * ()") is None
    assert queries.fts_query("   ") is None


def test_like_pattern_escapes_wildcards():
    assert queries.like_pattern("100%_\\") == "%100\\%\\_\\\\%"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
def test_any_search_text_never_errors(db, text):
    queries.matching_documents(db, text)
    queries.search_sentences(db, text)


def test_one_incident_reported_by_two_articles_counts_once_with_its_highest_toll(tmp_path):

    from lib.load import load_paths
    from tests.conftest import write_article

    first = "Blast in Quetta\n\nA bomb exploded at the railway station in Quetta on Saturday, killing 24 people.\n"
    later = ("Quetta toll rises\n\nA bomb that exploded at the railway station in Quetta on Saturday killed 26 "
             "people, officials said.\n")
    other = "Blast in Lahore\n\nA bomb exploded in Lahore on Saturday, killing three people.\n"
    folder = tmp_path / "in"
    write_article(folder, "a.txt", first, {"published": "2024-11-09"})
    write_article(folder, "b.txt", later, {"published": "2024-11-10"})
    write_article(folder, "c.txt", other, {"published": "2024-11-10"})
    load_paths([folder], tmp_path / "x.db")
    db = schema.connect(tmp_path / "x.db", create=False)
    reports = queries.incidents(db)
    assert len(reports) == 3
    quetta = reports[reports["place"] == "Quetta"]
    assert len(quetta) == 2 and quetta["event_id"].nunique() == 1 and set(quetta["reports"]) == {2}
    overview = queries.overview(db)
    assert (overview["incidents"], overview["reports"], overview["killed"]) == (2, 3, 26 + 3)
    by_place = queries.place_counts(db).set_index("name")
    assert (by_place.at["Quetta", "incidents"], by_place.at["Quetta", "killed"]) == (1, 26)


def test_reports_of_different_places_or_months_stay_apart():
    from lib.events import same_event

    bombing = {"type": "bombing", "date": "2024-11-09", "place_id": "q", "lat": 30.18, "lon": 67.0}
    assert same_event(bombing, {**bombing, "type": "suicide_bombing", "date": "2024-11", "place_id": "x",
                                "lat": 30.2, "lon": 67.05})
    assert not same_event(bombing, {**bombing, "date": "2024-12-01"})
    assert not same_event(bombing, {**bombing, "place_id": "l", "lat": 31.55, "lon": 74.34})
    assert not same_event(bombing, {**bombing, "type": "kidnapping"})
    assert not same_event(bombing, {**bombing, "date": None})


def _headline(o: dict) -> tuple:
    return o["articles"], o["places"], o["mentions"], o["incidents"], o["killed"], o["injured"]


def test_a_date_range_around_all_the_data_selects_what_no_range_does(db):
    first, last = queries.date_span(db)
    covering = Filters(date_from=dt.date.fromisoformat(first), date_to=dt.date.fromisoformat(last))
    assert _headline(queries.overview(db, covering)) == _headline(queries.overview(db, Filters()))
    pd.testing.assert_frame_equal(queries.incident_table(db, covering), queries.incident_table(db, Filters()))
    pd.testing.assert_frame_equal(queries.place_counts(db, covering), queries.place_counts(db, Filters()))


def test_a_date_bound_one_day_inside_the_articles_dates_leaves_rows_out(db):
    everything = queries.overview(db, Filters())
    later = Filters(date_from=dt.date.fromisoformat(everything["first_published"]) + dt.timedelta(days=1))
    earlier = Filters(date_to=dt.date.fromisoformat(everything["last_published"]) - dt.timedelta(days=1))
    assert queries.overview(db, later)["articles"] < everything["articles"]
    assert queries.overview(db, earlier)["articles"] < everything["articles"]


def test_no_date_bound_is_left_out_when_an_article_has_no_date(tmp_path):
    path = build_two_article_db(tmp_path / "atlas.db")
    writable = schema.connect(path)
    writable.execute("UPDATE documents SET published = NULL WHERE id = (SELECT min(id) FROM documents)")
    writable.conn.commit()
    writable.close()
    db = schema.connect(path, readonly=True)
    assert queries.date_span(db) == (None, None)
    assert queries.overview(db, Filters(date_from=dt.date(1900, 1, 1)))["articles"] == 1
    db.close()


def test_located_places_are_every_place_the_unfiltered_map_counts(db):
    located = queries.located_places(db)
    counted = queries.place_counts(db, Filters())
    assert sorted(located["place_id"]) == sorted(counted["place_id"])
    both = located.merge(counted, on="place_id", suffixes=("", "_counted"))
    for column in ("kind", "country_code", "latitude", "longitude"):
        assert both[column].tolist() == both[f"{column}_counted"].tolist()


@pytest.mark.parametrize("filters", [Filters(), Filters(countries=("PK",)), Filters(text="killed"),
                                     Filters(types=("bombing",)), Filters(date_to=dt.date(2023, 12, 31))])
def test_mentions_per_country_are_those_of_every_selected_mention(db, filters):
    table = queries.counts_by(db, filters, "country")
    counted = {c: n for c, n in zip(table["country"], table["mentions"]) if n}
    every = queries.mentions(db, filters)["country_code"].fillna("").value_counts().to_dict()
    assert counted == every
    assert queries.overview(db, filters)["mentions"] == sum(every.values())


@pytest.mark.parametrize("filters", [Filters(), Filters(countries=("PK",)), Filters(text="killed"),
                                     Filters(date_from=dt.date(2024, 1, 1)), Filters(min_confidence=0.9)])
def test_mentions_per_month_and_place_are_those_of_every_selected_mention(db, filters):
    every = queries.mentions(db, filters)
    by_month = queries.counts_by(db, filters, "month")
    assert {m: n for m, n in zip(by_month["month"], by_month["mentions"]) if n} == \
        every["published"].str[:7].value_counts().to_dict()
    places = queries.place_counts(db, filters).set_index("place_id")
    located = every[every["place_id"].isin(places.index)]
    assert places["mentions"].to_dict() == {**{p: 0 for p in places.index},
                                            **located["place_id"].value_counts().to_dict()}
    assert places["articles"].to_dict() == {**{p: 0 for p in places.index},
                                            **located.groupby("place_id")["document_id"].nunique().to_dict()}
