"""lib.basemap: the MapLibre style and map layout are pure functions that point only at app-served files."""
import json
import math
import re

import plotly.graph_objects as go
import pytest

from lib import basemap

URL_KEYS = ("tiles", "data", "url", "glyphs", "sprite")


def urls_in(value):
    """Every string in the style that is, or names, a URL (source tiles and data, font faces)."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in URL_KEYS or k == "font-faces":
                yield from (v if isinstance(v, list) else v.values() if isinstance(v, dict) else [v])
            else:
                yield from urls_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from urls_in(v)


def test_style_asks_only_the_app_for_files():
    s = basemap.style()
    assert s["version"] == 8
    urls = list(urls_in(s))
    assert urls and all(u.startswith("/app/static/basemap/") for u in urls), urls
    assert "glyphs" not in s and "sprite" not in s
    assert not re.search(r"https?://", json.dumps(s))


def test_style_base_url_may_be_absolute_and_trailing_slash_is_ignored():
    a = basemap.style("http://127.0.0.1:8501/app/static/basemap/")
    assert a["sources"][basemap.SOURCE_ID]["tiles"] == [
        "http://127.0.0.1:8501/app/static/basemap/tiles/{z}/{x}/{y}.png"]
    assert a["sources"][basemap.LABELS_ID]["data"] == "http://127.0.0.1:8501/app/static/basemap/labels.json"
    assert basemap.style("/x/") == basemap.style("/x")


def test_raster_source_says_its_zoom_levels_and_attribution():
    src = basemap.style()["sources"][basemap.SOURCE_ID]
    assert (src["type"], src["minzoom"], src["maxzoom"], src["tileSize"]) == ("raster", 0, 6, 256)
    assert "OpenStreetMap" in src["attribution"]
    assert "OpenStreetMap" in basemap.attribution() and "ODbL" in basemap.attribution()


def test_labels_are_optional():
    plain = basemap.style(labels=False)
    assert basemap.LABELS_ID not in plain["sources"] and "font-faces" not in plain
    assert [l["type"] for l in plain["layers"]] == ["background", "raster"]
    full = basemap.style()
    symbols = [l for l in full["layers"] if l["type"] == "symbol"]
    assert symbols and all(l["source"] == basemap.LABELS_ID for l in symbols)
    assert all(l["layout"]["text-font"] == [basemap.FONT] for l in symbols)
    assert basemap.FONT in full["font-faces"]


def test_label_layers_of_one_kind_share_no_place():
    """Each place may pass one layer's filter only, or MapLibre draws its name twice."""
    layers = basemap.label_layers()
    ids = [l["id"] for l in layers]
    assert len(ids) == len(set(ids))
    samples = [{"kind": k, "pop": p, **({"capital": 1} if c else {})}
               for k in ("country", "admin1", "city", "town") for p in (0, 10**5, 6 * 10**5, 4 * 10**6, 10**8)
               for c in (False, True)]
    for props in samples:
        hits = [l["id"] for l in layers if passes(l["filter"], props)]
        assert len(hits) == 1, (props, hits)


def passes(expr, props):
    """Evaluates the few expression operators the label filters use."""
    op, *args = expr
    if op == "all":
        return all(passes(a, props) for a in args)
    if op == "any":
        return any(passes(a, props) for a in args)
    if op == "!":
        return not passes(args[0], props)
    if op == "has":
        return args[0] in props
    if op == "in":
        return props[args[0][1]] in args[1][1]
    if op in (">=", "<"):
        value = props[args[0][1]]
        return value >= args[1] if op == ">=" else value < args[1]
    raise AssertionError(f"unexpected operator {op}")


def test_zoom_frames_the_world_and_a_province():
    world = basemap.map_layout()
    assert 0 < world["zoom"] < 1 < basemap.map_layout(width=1100, height=620)["zoom"] < 2
    balochistan = basemap.map_layout({"lonaxis_range": [60.8, 70.4], "lataxis_range": [24.8, 32.2]},
                                     width=1100, height=620)
    assert 5 < balochistan["zoom"] < 6.5
    assert balochistan["center"]["lon"] == pytest.approx(65.6)
    assert 24.8 < balochistan["center"]["lat"] < 32.2
    assert balochistan["style"] == basemap.style()


def test_zoom_is_the_tighter_of_width_and_height_and_capped():
    wide = basemap.zoom_for([0, 40], [0, 1])
    tall = basemap.zoom_for([0, 1], [0, 40])
    assert wide == pytest.approx(math.log2(700 * 360 / (512 * 40)), abs=0.01)
    assert tall < basemap.zoom_for([0, 1], [0, 20])
    assert basemap.zoom_for([10, 10.001], [10, 10.001]) == basemap.MAX_ZOOM
    assert basemap.zoom_for([-180, 180], [-85, 85], 100, 100) == 0.0


def test_centre_is_taken_in_mercator():
    c = basemap.centre_of([0, 10], [0, 60])
    assert c["lon"] == 5 and c["lat"] > 30   # further north than the mean of the latitudes


def test_layout_is_accepted_by_plotly():
    fig = go.Figure(go.Scattermap(lat=[30.18], lon=[67.0], mode="markers"))
    fig.update_layout(map=basemap.map_layout())
    spec = json.loads(fig.to_json())
    assert spec["layout"]["map"]["style"]["sources"][basemap.SOURCE_ID]["tiles"] == [basemap.tile_url()]
