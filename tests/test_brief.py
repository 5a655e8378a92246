"""The brief export: the map PNG (tiles or plain background, markers where the points project, legend and
credit), the self-contained HTML page and its file name."""
import base64
import datetime as dt
import io
import math
import re

import pytest
from PIL import Image

from lib import brief
from lib.charts import type_colours

HAVE_TILES = (brief.TILES / "0" / "0" / "0.png").is_file()
POINTS = [
    {"lat": 33.7, "lon": 73.1, "type": "bombing", "killed": 12, "label": "Islamabad"},
    {"lat": 24.9, "lon": 67.0, "type": "shooting", "killed": None, "label": "Karachi"},
    {"lat": 30.2, "lon": 71.5, "type": "bombing", "killed": 3, "label": "Multan"},
]


def decode(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im.convert("RGB")


def rgb(colour: str):
    return tuple(int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))


def mercator_px(lat, lon, zoom):
    size = 256 * 2 ** zoom
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return (lon + 180) / 360 * size, (1 - y / math.pi) / 2 * size


def test_png_decodes_at_the_size_asked():
    im = decode(brief.map_png(POINTS, width=800, height=500))
    assert im.size == (800, 500)


def test_every_marker_is_drawn_in_its_type_colour_where_the_point_projects():
    view = brief.view_for(POINTS, 1200, 700)
    im = decode(brief.map_png(POINTS, 1200, 700))
    colours = type_colours(p["type"] for p in POINTS)
    xs, ys = zip(*(mercator_px(p["lat"], p["lon"], view["zoom"]) for p in POINTS))
    centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    for p, x, y in zip(POINTS, xs, ys):
        px = round(x - centre[0] + 600), round(y - centre[1] + view["height"] / 2)
        assert brief.to_pixel(view, p["lat"], p["lon"]) == px
        assert im.getpixel(px) == rgb(colours[p["type"]])


def test_the_zoom_is_the_deepest_at_which_the_points_fit():
    view = brief.view_for(POINTS, 1200, 700)
    def spans(zoom):
        xs, ys = zip(*(mercator_px(p["lat"], p["lon"], zoom) for p in POINTS))
        return max(xs) - min(xs), max(ys) - min(ys)
    w, h = spans(view["zoom"])
    assert w <= 1200 - 2 * brief.PAD and h <= view["height"] - 2 * brief.PAD
    if view["zoom"] < 6:
        w, h = spans(view["zoom"] + 1)
        assert w > 1200 - 2 * brief.PAD or h > view["height"] - 2 * brief.PAD
    wide = brief.view_for([{"lat": 50, "lon": -100}, {"lat": -30, "lon": 140}], 1200, 700)
    assert wide["zoom"] < view["zoom"]


def test_a_marker_grows_with_the_killed():
    im = decode(brief.map_png([{"lat": 0, "lon": -20, "type": "a", "killed": 100},
                               {"lat": 0, "lon": 20, "type": "b", "killed": 0}], 1000, 600))
    view = brief.view_for([{"lat": 0, "lon": -20}, {"lat": 0, "lon": 20}], 1000, 600)
    colours = type_colours(["a", "b"])
    for lon, kind, radius in ((-20, "a", brief.marker_radius(100)), (20, "b", brief.marker_radius(0))):
        x, y = brief.to_pixel(view, 0, lon)
        assert im.getpixel((x + radius - 2, y)) == rgb(colours[kind])
        assert im.getpixel((x + radius + 3, y)) != rgb(colours[kind])
    assert brief.marker_radius(100) > brief.marker_radius(10) > brief.marker_radius(0) == brief.marker_radius(None)


def test_one_point_sits_at_the_centre_of_the_map_at_the_deepest_zoom():
    point = [{"lat": -1.29, "lon": 36.82, "type": "raid", "killed": 4, "label": "Nairobi"}]
    view = brief.view_for(point, 900, 600)
    assert view["zoom"] == brief.SINGLE_ZOOM
    im = decode(brief.map_png(point, 900, 600))
    assert brief.to_pixel(view, -1.29, 36.82) == (450, round(view["height"] / 2))
    assert im.getpixel((450, round(view["height"] / 2))) == rgb(type_colours(["raid"])["raid"])


def test_no_points_give_a_world_map_that_says_so():
    im = decode(brief.map_png([], 800, 500))
    view = brief.view_for([], 800, 500)
    assert im.size == (800, 500)
    assert im.getpixel((400, view["height"] // 2 - 17)) == brief.BAND   # the message box
    assert im.getpixel((400, view["height"] // 2 - 60)) != brief.BAND   # the map around it
    assert view["zoom"] <= 2
    located_none = decode(brief.map_png([{"lat": None, "lon": None, "type": "x", "killed": 1}], 800, 500))
    assert located_none.tobytes() == im.tobytes()


def test_the_band_under_the_map_carries_the_credit_in_dark_text():
    im = decode(brief.map_png(POINTS, 1200, 700))
    strip = im.crop((1200 - 320, 700 - brief.LINE, 1200, 700))
    colours = set(strip.getdata())
    assert brief.BAND in colours
    assert any(max(c) < 100 for c in colours)               # text
    assert im.getpixel((1199, 699)) == brief.BAND
    text_width = 1200 - min(x for x in range(880, 1200) for y in range(700 - brief.LINE, 700)
                            if max(im.getpixel((x, y))) < 100)
    assert text_width > 200                                  # "Base map © OpenStreetMap contributors (ODbL)"


def test_the_legend_shows_each_type_colour_in_the_band():
    im = decode(brief.map_png(POINTS, 1200, 700))
    view = brief.view_for(POINTS, 1200, 700)
    band = set(im.crop((0, view["height"], 600, 700)).getdata())
    for colour in type_colours(["bombing", "shooting"]).values():
        assert rgb(colour) in band


@pytest.mark.skipif(not HAVE_TILES, reason="no base map tiles: run scripts/build_basemap.py")
def test_tiles_are_drawn_under_the_markers_when_built():
    im = decode(brief.map_png(POINTS, 1200, 700))
    view = brief.view_for(POINTS, 1200, 700)
    area = im.crop((0, 0, 1200, view["height"]))
    assert len(set(area.getdata())) > 200
    assert im.getpixel((5, 5)) != brief.PLAIN


def test_without_tiles_the_map_is_drawn_on_a_plain_background(tmp_path):
    im = decode(brief.map_png(POINTS, 1200, 700, tiles=tmp_path / "missing"))
    view = brief.view_for(POINTS, 1200, 700)
    assert im.getpixel((5, 5)) == brief.PLAIN
    assert im.getpixel((1195, view["height"] - 5)) == brief.PLAIN
    colours = type_colours(p["type"] for p in POINTS)
    x, y = brief.to_pixel(view, POINTS[0]["lat"], POINTS[0]["lon"])
    assert im.getpixel((x, y)) == rgb(colours["bombing"])


def test_default_build_matches_whether_tiles_exist():
    im = decode(brief.map_png(POINTS[:1]))
    assert im.size == (1200, 700)
    assert (im.getpixel((5, 5)) == brief.PLAIN) == (not HAVE_TILES)


ROWS = [
    {"date": "2024-03-01", "type": "bombing", "place": "Peshawar", "country": "Pakistan", "killed": 12,
     "injured": 30, "perpetrator": "TTP", "sources": ["Dawn", "https://www.example.org/news/1?x=2"]},
    {"date": "2024-05-09", "type": "shooting", "place": "Quetta", "country": "Pakistan", "killed": None,
     "injured": float("nan"), "perpetrator": None, "sources": "Reuters"},
    {"date": "2024-07-15", "type": "raid", "place": "Karachi <port>", "country": "Pakistan", "killed": 0.0,
     "injured": 2, "perpetrator": "unknown", "sources": []},
]


def page(rows=ROWS):
    return brief.brief_html("Pakistan, 2024", "Country: Pakistan · 2024-01-01 to 2024-12-31", rows,
                            brief.map_png(POINTS, 400, 300))


def table_rows(text):
    return re.findall(r"<tr>(.*?)</tr>", text.split("<tbody>")[1], re.S)


def cells(row_html):
    return [re.sub(r"<.*?>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row_html, re.S)]


def test_html_holds_every_row_in_column_order():
    rows = table_rows(page())
    assert len(rows) == len(ROWS)
    first = cells(rows[0])
    assert first == ["2024-03-01", "bombing", "Peshawar", "Pakistan", "12", "30", "TTP", "Dawn; example.org"]
    assert cells(rows[2])[2] == "Karachi &lt;port&gt;"
    assert cells(rows[2])[4] == "0"


def test_html_leaves_unknown_figures_blank():
    second = cells(table_rows(page())[1])
    assert second[4] == "" and second[5] == "" and second[6] == ""


def test_html_embeds_the_png_and_asks_no_host():
    text = page()
    src = re.search(r'<img src="data:image/png;base64,([^"]+)"', text).group(1)
    assert decode(base64.b64decode(src)).size == (400, 300)
    urls = re.findall(r"https?://[^\s<\"']+", text)
    assert urls == [brief.basemap.LICENCE_URL]
    assert brief.basemap.attribution() in text
    assert not re.search(r"<(link|script|iframe)\b", text)


def test_html_with_no_rows_still_has_map_and_an_empty_table():
    text = brief.brief_html("Nothing", "no filters", [], brief.map_png([], 300, 200))
    assert table_rows(text) == []
    assert "Incidents (0)" in text and "data:image/png;base64," in text


def test_the_brief_of_an_incidents_table_holds_its_rows_and_points_with_unknowns_blank():
    import pandas as pd
    table = pd.DataFrame([
        {"date": "2024-10-06", "type": "bombing", "place": "Karachi", "country_code": "PK", "latitude": 24.86,
         "longitude": 67.01, "killed": 2, "injured": pd.NA, "perpetrator": "BLA", "sources": "Dawn"},
        {"date": None, "type": "shooting", "place": "Quetta", "country_code": "PK", "latitude": 30.18,
         "longitude": 67.0, "killed": pd.NA, "injured": 3, "perpetrator": None, "sources": ""}])
    points, rows = brief.from_incidents(table)
    assert [(p["lat"], p["lon"], p["type"], p["label"]) for p in points] == [
        (24.86, 67.01, "bombing", "Karachi"), (30.18, 67.0, "shooting", "Quetta")]
    text = brief.brief_html("Brief", "Country: Pakistan", rows, brief.map_png(points, 400, 300))
    found = [cells(r) for r in table_rows(text)]
    assert len(found) == 2 and "Karachi" in found[0] and "Quetta" in found[1]
    assert "NA" not in text.split("<table", 1)[1]
