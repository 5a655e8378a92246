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


def event_rows(*rows) -> pd.DataFrame:
    """Events as lib.store.queries.events gives them: (event_id, type, lat, lon, reports, killed, injured)."""
    return pd.DataFrame([{"event_id": e, "type": t, "date": "2024-10", "date_precision": "month",
                          "place_id": f"p{e}", "name": f"<b>{e}</b>", "kind": "city", "country_code": "PK",
                          "latitude": lat, "longitude": lon, "reports": r, "killed": k, "injured": i,
                          "victims": None, "perpetrator": None} for e, t, lat, lon, r, k, i in rows])


EVENTS = event_rows(("a", "bombing", 24.9, 67.2, 1, 2, 0), ("b", "armed attack", 33.7, 73.0, 3, 0, 9),
                    ("c", "bombing", 30.2, 67.0, 2, 7, 1))


def markers(fig) -> list:
    """The traces a person hovers and clicks (not the circles under them that show precision)."""
    return [t for t in fig.data if charts.is_marker(t)]


def test_map_has_one_marker_per_place_with_its_id(places):
    fig = charts.map_figure(places)
    ids = [pid for trace in markers(fig) for pid in trace.customdata]
    assert sorted(ids) == sorted(places["place_id"])
    assert all(t.type == "scattermap" for t in fig.data)
    assert fig.layout.uirevision == charts.map_figure(places).layout.uirevision
    assert charts.map_figure(places, revision="country:PK").layout.uirevision != fig.layout.uirevision
    assert fig.layout.map.style == basemap.style()
    assert fig.layout.height >= 600


def test_place_markers_tell_precision(places):
    fig = charts.map_figure(places)
    names = {t.name for t in markers(fig)}
    assert {"Place mentioned · located to exact site", "Place mentioned · located to country",
            "Place mentioned · located to province", "Place mentioned · located to city or town"} <= names
    site = next(t for t in markers(fig) if AIRPORT_ID in t.customdata)
    country = next(t for t in markers(fig) if t.name == "Place mentioned · located to country")
    assert country.marker.opacity < site.marker.opacity and site.marker.color == charts.PLACE_COLOUR


def test_incidents_are_one_marker_per_event_above_the_places(places):
    fig = charts.map_figure(places, EVENTS)
    incident = [t for t in markers(fig) if t.legendgroup == charts.INCIDENT_GROUP]
    assert sorted(c for t in incident for c in t.customdata) == ["event:a", "event:b", "event:c"]
    groups = [t.legendgroup for t in fig.data]
    assert groups.index(charts.INCIDENT_GROUP) > max(i for i, g in enumerate(groups) if g == charts.PLACE_GROUP)
    colours = charts.type_colours(["bombing", "armed attack"])
    assert {t.name: t.marker.color for t in incident} == {"Incident: bombing": colours["bombing"],
                                                          "Incident: armed attack": colours["armed attack"]}
    assert len(set(colours.values())) == 2
    assert [charts.event_of(c) for c in ("event:a", AIRPORT_ID)] == ["a", None]


@pytest.mark.parametrize("size_by, biggest", [("killed", "event:c"), ("reports", "event:b"), ("injured", "event:b")])
def test_incident_size_follows_the_toggle(size_by, biggest):
    fig = charts.map_figure(EVENTS.iloc[0:0], EVENTS, size_by)
    sizes = {c: s for t in markers(fig) for c, s in zip(t.customdata, t.marker.size)}
    assert max(sizes, key=sizes.get) == biggest


def test_places_can_be_hidden(places):
    fig = charts.map_figure(places, EVENTS, show_places=False)
    assert {t.legendgroup for t in fig.data} == {charts.INCIDENT_GROUP}


def test_incident_hover_is_escaped_and_tells_precision():
    text = charts.incident_hover(EVENTS.iloc[0])
    assert "&lt;b&gt;a&lt;/b&gt;" in text and "<b>a</b>" not in text
    assert "2024-10 (to the month)" in text and "located to city or town" in text


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
    assert charts.map_figure(places, EVENTS).to_json() == charts.map_figure(places, EVENTS).to_json()


def test_empty_map_and_bad_size():
    empty = pd.DataFrame(columns=["place_id", "name", "kind", "latitude", "longitude", "mentions", "incidents"])
    assert len(charts.map_figure(empty).data) == 0
    with pytest.raises(ValueError):
        charts.map_figure(empty, EVENTS, "mentions")


def test_view_frames_every_place(places):
    view = charts.view_of(places)
    lat, lon = view["lataxis_range"], view["lonaxis_range"]
    assert lat[0] <= places["latitude"].min() and lat[1] >= places["latitude"].max()
    assert lon[0] <= places["longitude"].min() and lon[1] >= places["longitude"].max()
    fig = charts.map_figure(places).layout.map
    assert fig.zoom == basemap.zoom_for(lon, lat, charts.MAP_WIDTH, charts.MAP_HEIGHT - charts.LEGEND_ROOM)


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


def test_zoom_to_names_a_view(places):
    pk = charts.view_named("country:PK", places)
    assert pk == charts.view_of(places[places["country_code"] == "PK"]) != charts.view_named("all", places)
    karachi = charts.view_named("chosen", places, EVENTS.iloc[:1])
    assert karachi == charts.view_around(24.9, 67.2)
    assert charts.view_named("chosen", places, EVENTS.iloc[0:0]) == charts.view_of(places)


@pytest.mark.parametrize("n, noun, expected", [(1, "article", "1 article"), (2, "article", "2 articles"),
                                               (0, "mention", "0 mentions"), (1.0, "report", "1 report")])
def test_counts_read_with_their_noun_in_the_right_number(n, noun, expected):
    assert charts.counted(n, noun) == expected


def precision_rows(*rows) -> pd.DataFrame:
    return pd.DataFrame([{"place_id": p, "kind": k, "latitude": lat, "longitude": lon} for p, k, lat, lon in rows])


def test_a_site_on_its_citys_coordinates_is_located_to_the_city():
    reference = precision_rows(("geonames:1", "city", 30.18, 67.0), ("geonames:2", "admin1", 28.5, 65.0))
    sites = precision_rows(("site:civil-hospital@geonames:1", "poi", 30.18, 67.0),
                           ("user:airport", "poi", 24.9065, 67.1608),
                           ("site:market@geonames:2", "poi", 28.2, 65.1),
                           ("site:bridge@geonames:404", "poi", 10.0, 10.0),
                           ("geonames:2", "admin1", 28.5, 65.0))
    assert charts.located_to(sites, reference) == ["city or town", "exact site", "province", "city or town",
                                                   "province"]


def test_each_precision_has_its_own_look_and_the_hover_says_it():
    looks = {level: charts.LOOK[level][:2] for level in charts.PRECISION_ORDER}
    assert len({looks["exact site"], looks["city or town"]}) == 2 and looks["district"][0] == "halo"
    events = EVENTS.assign(kind=["poi", "city", "country"], place_id=["site:x@geonames:9", "p2", "p3"])
    fig = charts.map_figure(EVENTS.iloc[0:0], events)
    unders = [t for t in fig.data if not charts.is_marker(t)]
    assert sorted(t.name.split(" · ")[-1] for t in unders) == ["located to city or town", "located to city or town",
                                                              "located to country"]
    assert all(t.hoverinfo == "skip" and t.customdata is None for t in unders)
    hovers = {c: h for t in markers(fig) for c, h in zip(t.customdata, t.hovertext)}
    assert "located to city or town" in hovers["event:a"]       # a site placed at its host city
    sizes = {c: s for t in markers(fig) for c, s in zip(t.customdata, t.marker.size)}
    ring = next(t for t in unders if t.lat[0] == 24.9)
    assert ring.marker.size[0] > sizes["event:a"]              # the ring shows around the marker


def test_the_hovers_of_many_incidents_say_what_each_incidents_hover_says():
    frame = event_rows(("a", "bombing", 24.9, 67.2, 1, 2, 0), ("b", "<i>x</i>", 33.7, 73.0, 3, None, 9),
                       ("c", None, 30.2, 67.0, 2, 7, None))
    frame["killed"], frame["injured"] = frame["killed"].astype("Int64"), frame["injured"].astype("Int64")
    frame["attackers_killed"] = pd.array([None, 4, 0], dtype="Int64")
    frame.loc[1, "date"], frame.loc[2, "country_code"] = None, None
    rows = charts._records(frame)
    many = charts.incident_hovers(rows)
    assert many == [charts.incident_hover(row) for row in rows]
    assert "4 attackers killed" in many[1] and "killed unknown" in many[1] and "date unknown" in many[1]
    assert "&lt;i&gt;" in many[1] and "injured unknown" in many[2]


def _stacked_events():
    return pd.DataFrame({
        "event_id": ["small", "big", "near", "other-type", "elsewhere"],
        "latitude": [24.9, 24.9, 24.90001, 24.9, 33.7], "longitude": [67.0, 67.0, 67.0, 67.0, 73.0],
        "type": ["bombing", "bombing", "bombing", "kidnapping", "bombing"],
        "killed": pd.array([1, 9, None, 0, 2], dtype="Int64"), "injured": pd.array([None] * 5, dtype="Int64"),
        "attackers_killed": pd.array([None] * 5, dtype="Int64"), "reports": [1, 2, 1, 1, 1],
        "date": ["2024-01-0" + str(n) for n in range(1, 6)], "date_precision": ["day"] * 5,
        "place_id": ["k", "k", "k", "k", "i"], "name": ["Karachi"] * 4 + ["Islamabad"], "kind": ["city"] * 5,
        "country_code": ["PK"] * 5})


def test_only_the_largest_incident_of_a_type_on_one_spot_is_drawn_and_it_says_how_many_it_hides():
    drawn, hidden = charts.topmost_per_spot(_stacked_events(), "killed")
    assert sorted(drawn["event_id"]) == ["big", "elsewhere", "other-type"]
    assert hidden == {"small": "big", "near": "big"}
    assert dict(zip(drawn["event_id"], drawn["_more"])) == {"big": 2, "elsewhere": 0, "other-type": 0}
    traces = charts.incident_traces(drawn, "killed")
    hovers = [h for t in traces if charts.is_marker(t) for h in t["hovertext"]]
    assert sum("and 2 more incidents of this type here" in h for h in hovers) == 1


def test_a_series_with_parts_is_drawn_even_under_a_larger_incident():
    drawn, hidden = charts.topmost_per_spot(_stacked_events(), "killed", keep={"small"})
    assert "small" in set(drawn["event_id"]) and "small" not in hidden
