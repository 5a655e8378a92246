"""Figure builders: pure functions of DataFrames."""
import pandas as pd
import pytest

from lib import basemap, charts
from lib.filters import Filters
from lib.store import queries, schema
from tests.helpers_db import AIRPORT_ID, build_seed_db


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    db = schema.connect(build_seed_db(tmp_path_factory.mktemp("c") / "atlas.db"), readonly=True)
    try:
        return queries.place_counts(db, Filters())
    finally:
        db.close()


def test_map_has_one_marker_per_place_with_its_id(places):
    fig = charts.map_figure(places, "mentions")
    ids = [pid for trace in fig.data for pid in trace.customdata]
    assert sorted(ids) == sorted(places["place_id"])
    assert all(t.type == "scattermap" for t in fig.data)
    assert fig.layout.uirevision == charts.map_figure(places, "mentions").layout.uirevision
    assert charts.map_figure(places, "mentions", revision="country:PK").layout.uirevision != fig.layout.uirevision
    assert fig.layout.map.style == basemap.style()
    assert fig.layout.height >= 600


def test_map_styles_tell_incidents_and_precision(places):
    fig = charts.map_figure(places, "incidents")
    names = {t.name for t in fig.data}
    assert "Incident site · located to exact site" in names
    assert {"Mentioned only · located to country", "Mentioned only · located to province",
            "Mentioned only · located to city or town"} <= names
    site = next(t for t in fig.data if AIRPORT_ID in t.customdata)
    assert site.marker.color == charts.INCIDENT_COLOUR
    country = next(t for t in fig.data if t.name == "Mentioned only · located to country")
    # incident sites are drawn last, above the places only mentioned
    roles = [t.legendgroup for t in fig.data]
    assert roles.index("Incident site") > max(i for i, r in enumerate(roles) if r == "Mentioned only")
    assert country.marker.opacity < site.marker.opacity
    # sized by incidents: the only incident site is the biggest marker
    biggest = max(((s, t.customdata[i]) for t in fig.data for i, s in enumerate(t.marker.size)))
    assert biggest[1] == AIRPORT_ID


def test_hover_text_is_escaped():
    row = {"name": "<img src=x onerror=alert(1)>", "kind": "city", "country_code": "PK", "mentions": 1,
           "articles": 1, "incidents": 0, "killed": 0, "injured": 0}
    text = charts.hover_text(row)
    assert "<img" not in text and "&lt;img" in text


def test_views_frame_what_was_asked(places):
    close = charts.map_figure(places, view=charts.view_around(19.16, 110.58)).layout.map
    world = charts.map_figure(places).layout.map
    assert abs(close.center.lat - 19.16) < 0.1 and abs(close.center.lon - 110.58) < 0.1
    assert close.zoom > world.zoom + 2
    # the figure does not depend on a selection, so clicking a marker keeps the person's zoom
    assert charts.map_figure(places).to_json() == charts.map_figure(places).to_json()


def test_empty_map_and_bad_size():
    empty = pd.DataFrame(columns=["place_id", "name", "kind", "latitude", "longitude", "mentions", "incidents"])
    assert len(charts.map_figure(empty).data) == 0
    with pytest.raises(ValueError):
        charts.map_figure(empty, "killed")


def test_view_frames_every_place(places):
    view = charts.view_of(places)
    lat, lon = view["lataxis_range"], view["lonaxis_range"]
    assert lat[0] <= places["latitude"].min() and lat[1] >= places["latitude"].max()
    assert lon[0] <= places["longitude"].min() and lon[1] >= places["longitude"].max()
    fig = charts.map_figure(places).layout.map
    assert fig.zoom == basemap.zoom_for(lon, lat, charts.MAP_WIDTH, charts.MAP_HEIGHT)


def test_marker_sizes_grow_with_counts():
    assert charts.marker_sizes([0, 1, 4]) == [9, 9 + 29 * 0.5, 38]
    assert charts.marker_sizes([]) == []


def test_bar_and_month_charts_take_the_table():
    table = pd.DataFrame({"country": ["PK", "CN"], "country_name": ["Pakistan", "<b>China</b>"],
                          "incidents": [2, 0], "mentions": [6, 6]})
    fig = charts.bar_chart(table, "country", ["incidents", "mentions"], "By country", label="country_name")
    assert [t.name for t in fig.data] == ["incidents", "mentions"]
    assert list(fig.data[0].y) == ["Pakistan", "&lt;b&gt;China&lt;/b&gt;"] and list(fig.data[0].x) == [2, 0]
    months = pd.DataFrame({"month": ["2024-10", "2025-03"], "incidents": [1, 0], "killed": [2, 0]})
    fig = charts.month_chart(months, ["incidents", "killed"], "By month")
    assert list(fig.data[1].x) == ["2024-10", "2025-03"] and list(fig.data[1].y) == [2, 0]
