"""CSV export: formula-like text neutralised, numbers untouched, reads back with pandas."""
import datetime as dt
import io
import json

import pandas as pd

from lib import export
from lib.filters import Filters


def frame():
    return pd.DataFrame({
        "title": ["=HYPERLINK(\"http://x\")", "+1", "-gunmen", "@SUM(A1)", "\tTab", "\rCR", "plain", "Karachi, “quoted”"],
        "longitude": [-98.5, 67.16, -0.1, 1.0, 2.0, 3.0, 4.0, 5.0],
        "killed": pd.array([2, None, 0, 1, 1, 1, 1, -1], dtype="Int64"),
        "published": [dt.date(2025, 3, 26)] * 8,
    })


def test_text_cells_are_neutralised():
    out = export.safe_frame(frame())
    assert list(out["title"]) == ["'=HYPERLINK(\"http://x\")", "'+1", "'-gunmen", "'@SUM(A1)", "'\tTab", "'\rCR",
                                  "plain", "Karachi, “quoted”"]


def test_numeric_columns_stay_numeric_and_dates_iso():
    data = export.to_csv(frame())
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8")
    assert list(back.columns) == ["title", "longitude", "killed", "published"]
    assert back["longitude"].tolist() == [-98.5, 67.16, -0.1, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert pd.api.types.is_numeric_dtype(back["longitude"]) and pd.api.types.is_numeric_dtype(back["killed"])
    assert back["killed"].iloc[-1] == -1 and pd.isna(back["killed"].iloc[1])
    assert back["published"].tolist() == ["2025-03-26"] * 8
    assert back["title"].tolist()[-1] == "Karachi, “quoted”"
    assert len(back) == 8


def test_csv_is_utf8_with_header():
    data = export.to_csv(pd.DataFrame({"place": ["Boao 博鳌", "مرحبا"], "n": [1, 2]}))
    assert data.decode("utf-8").splitlines() == ["place,n", "Boao 博鳌,1", "مرحبا,2"]


def test_file_name_says_what_and_which_filters():
    chosen = Filters(countries=("PK",), date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31))
    assert export.file_name("incidents", chosen) == "atlas-incidents-PK-2024-01-01_2024-12-31.csv"
    assert export.file_name("Counts by place!") == "atlas-counts-by-place-all.csv"
    assert export.file_name("incidents", Filters(types=("bombing",)), "geojson") == "atlas-incidents-bombing.geojson"
    assert "/" not in export.file_name("articles", Filters(text="a/b ../c"))


def test_geojson_has_a_point_per_located_row_and_the_csv_columns_as_properties():
    rows = pd.DataFrame({"place": ["Quetta", "nowhere"], "latitude": [30.2, None], "longitude": [67.0, None],
                         "killed": pd.array([3, None], dtype="Int64")})
    data = json.loads(export.to_geojson(rows))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    first, second = data["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [67.0, 30.2]}
    assert second["geometry"] is None
    assert list(first["properties"]) == list(rows.columns)
    assert first["properties"]["killed"] == 3 and second["properties"]["killed"] is None


def test_incidents_export_carries_precision_codes_and_iso_day_spans():
    table = pd.DataFrame({"date": ["2024-10", "2024-03-07", None], "date_precision": ["month", "day", None],
                          "kind": ["poi", "admin1", None]})
    out = export.incidents_export(table)
    assert out["time_precision"].tolist()[:2] == [3, 1] and pd.isna(out["time_precision"].iloc[2])
    assert out["geo_precision"].tolist()[:2] == [1, 3]
    assert (out["date_start"].iloc[0], out["date_end"].iloc[0]) == ("2024-10-01", "2024-10-31")
    assert out["date_start"].iloc[1] == out["date_end"].iloc[1] == "2024-03-07"


def test_non_text_values_pass_through():
    assert export.neutralise(-5) == -5 and export.neutralise(None) is None


def test_csv_rows_are_the_bytes_pandas_writes_for_the_neutralised_frame():
    frame = pd.DataFrame({
        "text": pd.array(["=1+1", "plain", None, "-x", "line\nbreak", '"quoted"'], dtype="str"),
        "mixed": ["@h", None, 3, 1.5, float("nan"), True],
        "longitude": [-1.5, 2.0, None, 1e16, 1e-5, 0.1],
        "count": pd.array([1, None, 3, -4, 5, 6], dtype="Int64"),
        "whole": [1, 2, 3, 4, 5, 6],
    })
    expected = export.safe_frame(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8")
    assert export.to_csv(frame) == expected
    assert export.to_csv(frame.head(0)) == export.safe_frame(frame.head(0)).to_csv(
        index=False, lineterminator="\r\n").encode("utf-8")


def _rows_db():
    """A table of the value kinds SQLite hands back: formula-like and plain text, NULLs, whole and fractional
    numbers, an integer column holding a whole float, text holding numbers."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute('CREATE TABLE t (mention_id, "start", title TEXT, mixed, longitude REAL, confidence REAL)')
    db.executemany("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", [
        (1, 0, "=HYPERLINK(\"http://x\")", "@h", -98.5, 0.9),
        (2, None, "-gunmen", 3, 67.16, None),
        (3, 7.0, "line\nbreak, \"quoted\"", 1.5, None, 1.0),
        (4, -4, None, None, 1e16, 1e-5),
        (5, 12, "\tTab", "-3", 0.1, 0.25),
        (6, 3, "plain 博鳌", "+x", 24.9065, 0.7),
    ])
    return db


def test_csv_from_rows_is_the_bytes_of_the_csv_from_their_dataframe():
    from lib.store import queries

    db = _rows_db()
    sql = 'SELECT mention_id, "start", title, mixed, longitude, confidence FROM t ORDER BY mention_id'
    expected = export.to_csv(queries._frame(db, sql))
    cursor = db.execute(sql)
    columns = [c[0] for c in cursor.description]
    assert export.rows_csv(columns, cursor, queries.INTEGER_COLUMNS) == expected
    assert expected.count(b"\r\n") == 7 and b"'=HYPERLINK" in expected and b",'-gunmen," in expected


def test_csv_from_rows_comes_in_chunks_that_join_to_the_whole(monkeypatch):
    monkeypatch.setattr(export, "CHUNK_ROWS", 2)
    db = _rows_db()
    cursor = db.execute("SELECT * FROM t ORDER BY mention_id")
    chunks = list(export.csv_chunks([c[0] for c in cursor.description], cursor))
    assert len(chunks) == 4  # the header with two rows, two rows, two rows, and the rest (none)
    whole = export.rows_csv([c[0] for c in db.execute("SELECT * FROM t").description],
                            db.execute("SELECT * FROM t ORDER BY mention_id"))
    assert b"".join(chunks) == whole


def test_mention_rows_export_as_the_mentions_frame_does(tmp_path):
    from lib.store import queries, schema
    from tests.helpers_db import build_two_article_db

    db = schema.connect(build_two_article_db(tmp_path / "atlas.db"), readonly=True)
    try:
        for filters in (None, Filters(countries=("PK",)), Filters(text="Islamabad")):
            expected = export.to_csv(queries.mentions(db, filters))
            assert export.rows_csv(*queries.mention_rows(db, filters), queries.INTEGER_COLUMNS) == expected
        assert expected.count(b"\r\n") > 1
    finally:
        db.close()
