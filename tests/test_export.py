"""CSV export: formula-like text neutralised, numbers untouched, reads back with pandas."""
import datetime as dt
import io

import pandas as pd

from lib import export


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


def test_file_name_says_what_and_when():
    assert export.file_name("incidents", dt.date(2026, 11, 27)) == "atlas-incidents-2026-11-27.csv"
    assert export.file_name("Counts by place!") .startswith("atlas-counts-by-place-")


def test_non_text_values_pass_through():
    assert export.neutralise(-5) == -5 and export.neutralise(None) is None
