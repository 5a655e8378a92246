"""The map's incident layer: one row per event, and every report of one event."""
import shutil
import sqlite3

import pytest

from lib.filters import Filters
from lib.store import queries, schema
from tests.helpers_db import AIRPORT_ID, build_two_article_db


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The two-article database with a second, less confident report of the bombing that counts more dead."""
    path = build_two_article_db(tmp_path_factory.mktemp("ev") / "atlas.db")
    with sqlite3.connect(path) as raw:
        row = raw.execute("SELECT * FROM incidents").fetchone()
        names = [c[1] for c in raw.execute("PRAGMA table_info(incidents)")]
        copy = dict(zip(names, row))
        copy.update(id=None, killed=5, injured=3, confidence=0.5, type="armed attack")
        raw.execute(f"INSERT INTO incidents ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                    [copy[n] for n in names])
    db = schema.connect(path, readonly=True)
    yield db
    db.close()


def test_one_row_per_event_with_its_most_confident_report_and_highest_toll(db):
    events = queries.events(db, Filters())
    assert events["event_id"].is_unique and len(events) == 2
    event = events[events["place_id"] == AIRPORT_ID].iloc[0]
    assert (event["type"], event["place_id"], event["reports"]) == ("bombing", AIRPORT_ID, 2)
    assert (event["killed"], event["injured"]) == (5, 3)
    assert round(event["latitude"], 2) == 24.91


@pytest.mark.parametrize("filters, expected", [
    (Filters(countries=("CN",)), 0),
    (Filters(types=("bombing",)), 1),
    (Filters(countries=("PK",)), 2),
])
def test_events_follow_the_filters(db, filters, expected):
    assert len(queries.events(db, filters)) == expected


def test_a_filter_keeps_only_the_reports_it_selects(db):
    event = queries.events(db, Filters(types=("bombing",))).iloc[0]
    assert (event["reports"], event["killed"]) == (1, 2)


def test_every_report_of_an_event_whatever_the_filters(db):
    events = queries.events(db, Filters())
    event_id = events[events["place_id"] == AIRPORT_ID].iloc[0]["event_id"]
    reports = queries.event_reports(db, event_id)
    assert sorted(reports["killed"].tolist()) == [2, 5]
    assert set(reports["sentence"].str.contains("bombing")) == {True}
    assert queries.event_reports(db, "no such event").empty


def test_the_gravest_events_are_the_most_killed_and_the_total_counts_every_event(db):
    every = queries.events(db, Filters())
    top, total = queries.gravest_events(db, Filters(), limit=1)
    assert total == len(every) == 2 and len(top) == 1
    assert top.iloc[0]["killed"] == every["killed"].max()
    assert list(top.columns) == list(every.columns)
    same, _ = queries.gravest_events(db, Filters(), limit=10)
    assert set(same["event_id"]) == set(every["event_id"])


def test_the_gravest_events_follow_the_filters(db):
    top, total = queries.gravest_events(db, Filters(countries=("CN",)), limit=5)
    assert top.empty and total == 0
