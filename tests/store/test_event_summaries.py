"""The per-incident summary computed in SQL is the very frame lib.tally makes from every report."""
import datetime as dt

import pandas as pd
import pytest

from benchmarks.synthetic import write_corpus
from lib import store, tally
from lib.filters import Filters
from lib.load import load_paths
from lib.store import queries


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A synthetic corpus (repeated reports, several sources), plus a report with no event and a series' part."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 240)
    path = folder / "atlas.db"
    assert load_paths([folder], path, workers=1).failed == 0
    database = store.connect(path)
    with database.conn:
        first, second, third = [r[0] for r in database.execute(
            "SELECT id FROM incidents WHERE event_id IS NOT NULL ORDER BY id LIMIT 3")]
        database.execute("UPDATE incidents SET event_id = NULL WHERE id = ?", [first])
        database.execute("UPDATE incidents SET part_of = (SELECT event_id FROM incidents WHERE id = ?) "
                         "WHERE id = ?", [third, second])
        database.execute("UPDATE documents SET source = ' ' || source WHERE rowid % 7 = 0")
    yield database
    database.close()


FILTERS = [None, Filters(countries=("PK",)), Filters(types=("bombing",)), Filters(min_confidence=0.8),
           Filters(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31)), Filters(text="killed"),
           Filters(countries=("ZZ",))]


@pytest.mark.parametrize("filters", FILTERS)
def test_event_summaries_equal_tally_of_every_report(db, filters):
    expected = tally.incidents(queries.incident_reports(db, filters))
    got = queries.event_summaries(db, filters)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    pd.testing.assert_frame_equal(tally.fold_series(got), tally.table(queries.incident_reports(db, filters)),
                                  check_exact=True)


def test_the_summaries_cover_reports_without_an_event_and_series_parts(db):
    got = queries.event_summaries(db)
    assert got["incident"].str.startswith("report-").any()
    assert got["part_of"].notna().any()
    assert (got["reports"] > 1).any() and got["sources"].str.contains("; ").any()


def links_read_off(reports: pd.DataFrame) -> dict:
    """{a part's event_id: its series' event_id}, each part's link from its first stored report (the oracle)."""
    links = reports[["event_id", "part_of"]].dropna()
    links = links[links["event_id"] != links["part_of"]].drop_duplicates("event_id")
    return dict(zip(links["event_id"], links["part_of"]))


def events_read_off(reports: pd.DataFrame) -> pd.DataFrame:
    """The map's events from every report (the oracle): per stored event, its most confident report (then the
    first stored) gives type, date, place, victims and perpetrator; the figures are the highest any report
    gives; only events whose place has coordinates; newest first, then by event id."""
    r = reports[reports["event_id"].notna()].copy()
    r["conf"] = r["confidence"].astype("float64").fillna(1.0)
    first = r.sort_values(["event_id", "conf", "incident_id"], ascending=[True, False, True]) \
             .drop_duplicates("event_id").set_index("event_id")
    grouped = r.groupby("event_id")
    out = pd.DataFrame({
        "type": first["type"], "date": first["date"], "date_precision": first["date_precision"],
        "place_id": first["place_id"], "name": first["place"], "kind": first["kind"],
        "country_code": first["country_code"], "latitude": first["latitude"], "longitude": first["longitude"],
        "reports": grouped.size(), "killed": grouped["killed"].max(), "injured": grouped["injured"].max(),
        "attackers_killed": grouped["attackers_killed"].max(), "victims": first["victims"],
        "perpetrator": first["perpetrator"]}).rename_axis("event_id").reset_index()
    out = out[out["latitude"].notna() & out["longitude"].notna()]
    out = out.sort_values("event_id", kind="stable")
    dated = out[out["date"].notna()].sort_values("date", ascending=False, kind="stable")
    return pd.concat([dated, out[out["date"].isna()]]).reset_index(drop=True)


@pytest.mark.parametrize("filters", FILTERS)
def test_the_maps_events_are_those_read_off_every_report(db, filters):
    got = queries.events(db, filters)
    expected = events_read_off(queries.incident_reports(db, filters))
    assert list(got.columns) == list(expected.columns)
    for column in got.columns:
        assert [None if pd.isna(v) else v for v in got[column]] == \
               [None if pd.isna(v) else v for v in expected[column]], column
    if filters is None:
        assert len(got) > 10 and got["reports"].gt(1).any()


@pytest.mark.parametrize("filters", FILTERS)
def test_series_links_in_sql_equal_those_read_off_every_report(db, filters):
    expected = links_read_off(queries.incident_reports(db, filters))
    assert queries.series_links(db, filters) == expected
    if filters is None:
        assert expected, "the fixture holds a part of a series"
