"""The scale benchmark's table and the GeoJSON its export timing builds."""
import json

import pandas as pd

from benchmarks import scale, server_times


def _load(seconds):
    return {"seconds": seconds, "cpu": seconds * 1.5, "peak_mb": 400.0, "rss_mb": 390.0}


def _results(n, seconds):
    return {"articles": n, "cold": _load(seconds * 2), "warm_1": _load(seconds * 1.5), "warm_2": _load(seconds),
            "db_mb": n / 300, "add_1": _load(1.2), "add_100": _load(2.5), "rerun": _load(0.7),
            "pages": [{"page": "pages/0_Overview.py", "cold": 0.9, "warm": 0.25},
                      {"page": "1_Map.py, geonames:1 chosen", "cold": 0.5, "warm": 0.4},
                      {"page": "1_Map.py, incident e-1 chosen", "cold": 0.3, "warm": 0.2}]}


def test_the_table_has_a_column_per_size_and_a_dash_where_a_figure_is_missing():
    text = scale.table([_results(1000, 4.0), _results(10000, 40.0)], [1, 2])
    lines = {line.strip().split("  ")[0]: line for line in text.splitlines()}
    assert lines["articles"].split()[-2:] == ["1,000", "10,000"]
    assert text.splitlines()[2].split()[-2:] == ["8.0", "80.0"]          # cold seconds
    assert text.splitlines()[3].split()[-2:] == ["125", "125"]           # cold articles/s
    assert lines["Overview page, cold"].split()[-2:] == ["900", "900"]
    assert lines["Map, a marker's excerpts, warm"].split()[-2:] == ["400", "400"]
    assert lines["Map, an incident's panel, cold"].split()[-2:] == ["300", "300"]
    assert lines["Counts page, cold"].split()[-2:] == ["-", "-"]
    assert lines["ratio: ours / sqlite3 shell"].split()[-2:] == ["-", "-"]


def test_geojson_has_a_point_per_located_mention_in_longitude_latitude_order():
    frame = pd.DataFrame({"mention_id": [1, 2], "place": ["Quetta", None], "latitude": [30.2, None],
                          "longitude": [67.0, None], "surface": ["Quetta", "nowhere"]})
    doc = json.loads(server_times.geojson(frame))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 1
    feature = doc["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [67.0, 30.2]}
    assert feature["properties"] == {"mention_id": 1, "place": "Quetta", "surface": "Quetta"}
