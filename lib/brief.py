"""A short "brief" of the filtered incidents for a report: a static map PNG and a self-contained HTML page.

`map_png(points)` draws the incidents on the app's own offline base-map tiles (static/basemap/tiles, built by
scripts/build_basemap.py; a plain background when they are missing) with Pillow: markers sized by killed and
coloured by type (lib.charts' colours), a legend and the tiles' ODbL credit in a band under the map.
`brief_html(...)` wraps that PNG (as a data: URI) and a plain incidents table into one HTML file that asks no
host for anything; lib.export.file_name names it like every download (atlas-brief-PK-....html).
"""
from __future__ import annotations

import base64
import html
import io
import math
import re
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from lib import basemap
from lib.charts import type_colours
from lib.paths import ROOT

TILES = ROOT / "static" / "basemap" / "tiles"
TILE = 256                      # the tiles' pixel size
PLAIN = (238, 240, 242)         # the background where there are no tiles
BAND = (255, 255, 255)          # the legend and credit band under the map
TEXT = (32, 32, 32)
PAD = 40                        # the points keep this far from the map's edges
PALER = 0.25                    # tiles are blended this much towards white so the markers read
SINGLE_ZOOM = 6                 # one point (or several at one place): the deepest tiles
EMPTY_VIEW = (20.0, 20.0, 1)    # no points: lat, lon, zoom of a world view
FONT_SIZE = 13
LINE = 20                       # a band row's height
LABEL_LIMIT = 12                # markers are named when at most this many points are drawn
NO_INCIDENTS = "No incidents match the filters"
COLUMNS = ["date", "type", "place", "country", "killed", "injured", "perpetrator", "sources"]


@lru_cache(maxsize=8)
def _font(size: int = FONT_SIZE):
    return ImageFont.load_default(size=size)


def _located(points) -> list[dict]:
    """The points that have both coordinates."""
    out = []
    for p in points or []:
        try:
            lat, lon = float(p["lat"]), float(p["lon"])
        except (KeyError, TypeError, ValueError):
            continue
        if math.isfinite(lat) and math.isfinite(lon):
            out.append({**p, "lat": lat, "lon": lon})
    return out


def _world(lat: float, lon: float, zoom: int) -> tuple[float, float]:
    """Web Mercator world pixels of (lat, lon) at zoom, on 256-pixel tiles."""
    size = TILE * 2 ** zoom
    return (lon + 180.0) / 360.0 * size, (1 - basemap._mercator_y(lat) / math.pi) / 2 * size


def _type_of(point) -> str:
    return str(point.get("type") or "unknown")


def _legend_rows(types: list[str], width: int) -> list[list[str]]:
    """The legend's types wrapped into rows that fit the band's width."""
    font, rows, row, used = _font(), [], [], 0
    for t in types:
        w = 22 + font.getlength(t)
        if row and used + w > width - 2 * 10:
            rows.append(row)
            row, used = [], 0
        row.append(t)
        used += w
    return rows + ([row] if row else [])


def band_height(points, width: int) -> int:
    """The band under the map: legend rows (types, then the size key) and the credit line."""
    types = sorted({_type_of(p) for p in _located(points)})
    rows = len(_legend_rows(types, width)) + (1 if types else 0)
    return (rows + 1) * LINE + 6


def view_for(points, width: int = 1200, height: int = 700) -> dict:
    """The map's frame: the deepest integer zoom (0-6) at which every point fits PAD pixels inside the map area,
    centred on the points' extent in Web Mercator; the map area is the image above the band."""
    pts = _located(points)
    map_h = max(1, height - band_height(points, width))
    if not pts:
        lat, lon, zoom = EMPTY_VIEW
        cx, cy = _world(lat, lon, zoom)
        return {"zoom": zoom, "centre_x": cx, "centre_y": cy, "width": width, "height": map_h}
    zoom = SINGLE_ZOOM
    while True:
        xs, ys = zip(*(_world(p["lat"], p["lon"], zoom) for p in pts))
        fits = max(xs) - min(xs) <= width - 2 * PAD and max(ys) - min(ys) <= map_h - 2 * PAD
        if fits or zoom == 0:
            break
        zoom -= 1
    return {"zoom": zoom, "centre_x": (min(xs) + max(xs)) / 2, "centre_y": (min(ys) + max(ys)) / 2,
            "width": width, "height": map_h}


def to_pixel(view: dict, lat: float, lon: float) -> tuple[int, int]:
    """Where (lat, lon) falls on the image for a view from view_for."""
    x, y = _world(lat, lon, view["zoom"])
    return (round(x - view["centre_x"] + view["width"] / 2), round(y - view["centre_y"] + view["height"] / 2))


@lru_cache(maxsize=64)
def _tile(path: str) -> Image.Image | None:
    """A tile decoded to RGB (kept: a brief's view needs about 20; 64 hold about 12 MB), None when missing."""
    try:
        with Image.open(path) as im:
            return im.convert("RGB")
    except (OSError, ValueError):
        return None


def _base(view: dict, tiles: Path) -> Image.Image:
    """The map area: tiles under the view (wrapping east-west), plain where a tile is missing or past the poles."""
    w, h, zoom = view["width"], view["height"], view["zoom"]
    img = Image.new("RGB", (w, h), PLAIN)
    if not tiles.is_dir():
        return img
    left, top = view["centre_x"] - w / 2, view["centre_y"] - h / 2
    n = 2 ** zoom
    for ty in range(math.floor(top / TILE), math.floor((top + h) / TILE) + 1):
        if not 0 <= ty < n:
            continue
        for tx in range(math.floor(left / TILE), math.floor((left + w) / TILE) + 1):
            tile = _tile(str(tiles / str(zoom) / str(tx % n) / f"{ty}.png"))
            if tile is not None:
                img.paste(tile, (round(tx * TILE - left), round(ty * TILE - top)))
    return Image.blend(img, Image.new("RGB", (w, h), (255, 255, 255)), PALER)


def _killed(point) -> int | None:
    try:
        value = point.get("killed")
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)
    except (TypeError, ValueError):
        return None


def marker_radius(killed: int | None) -> int:
    """A marker's radius in pixels: its area grows with the killed (4 pixels when none or unknown; at most 28)."""
    return min(28, round(4 + 2.2 * math.sqrt(max(0, killed or 0))))


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _markers(draw: ImageDraw.ImageDraw, view: dict, pts: list[dict], colours: dict) -> None:
    """Largest first, so small markers stay visible; a white ring keeps overlapping ones apart."""
    font = _font(12)
    placed = sorted(pts, key=lambda p: -marker_radius(_killed(p)))
    for p in placed:
        x, y = to_pixel(view, p["lat"], p["lon"])
        r = marker_radius(_killed(p))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgb(colours[_type_of(p)]), outline=(255, 255, 255),
                     width=1)
    if len(pts) <= LABEL_LIMIT:
        for p in placed:
            if p.get("label"):
                x, y = to_pixel(view, p["lat"], p["lon"])
                r = marker_radius(_killed(p))
                draw.text((x + r + 4, y), str(p["label"]), fill=TEXT, font=font, anchor="lm",
                          stroke_width=2, stroke_fill=(255, 255, 255))


def _band(draw: ImageDraw.ImageDraw, top: int, width: int, types: list[str], colours: dict) -> None:
    """Legend (type colours, then the size key) from the left, and the base map's credit on the last line."""
    font = _font()
    y = top + 3 + LINE // 2
    for row in _legend_rows(types, width):
        x = 10
        for t in row:
            draw.ellipse((x, y - 6, x + 12, y + 6), fill=_rgb(colours[t]))
            draw.text((x + 16, y), t, fill=TEXT, font=font, anchor="lm")
            x += 22 + font.getlength(t)
        y += LINE
    if types:
        x = 10
        for killed in (0, 10, 100):
            r = min(LINE // 2 - 1, marker_radius(killed) // 2 + 1)
            draw.ellipse((x, y - r, x + 2 * r, y + r), outline=TEXT, width=1)
            x += 2 * r + 4
        draw.text((x, y), "marker area: killed (0, 10, 100)", fill=TEXT, font=font, anchor="lm")
        y += LINE
    draw.text((width - 10, y), basemap.attribution(), fill=TEXT, font=font, anchor="rm")


def _no_incidents(draw: ImageDraw.ImageDraw, view: dict) -> None:
    font = _font(22)
    cx, cy = view["width"] / 2, view["height"] / 2
    x0, y0, x1, y1 = draw.textbbox((cx, cy), NO_INCIDENTS, font=font, anchor="mm")
    draw.rectangle((x0 - 18, y0 - 14, x1 + 18, y1 + 14), fill=BAND, outline=TEXT)
    draw.text((cx, cy), NO_INCIDENTS, fill=TEXT, font=font, anchor="mm")


def map_png(points, width: int = 1200, height: int = 700, tiles: Path | None = None) -> bytes:
    """The incidents (dicts with lat, lon, type, killed, label) on the offline base map, as PNG bytes."""
    pts = _located(points)
    view = view_for(pts, width, height)
    types = sorted({_type_of(p) for p in pts})
    colours = type_colours(types)
    img = Image.new("RGB", (width, height), BAND)
    img.paste(_base(view, Path(tiles) if tiles is not None else TILES), (0, 0))
    draw = ImageDraw.Draw(img)
    if pts:
        _markers(draw, view, pts, colours)
    else:
        _no_incidents(draw, view)
    _band(draw, view["height"], width, types, colours)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=False)
    return out.getvalue()


_URL = re.compile(r"https?://([^/\s]+)[^\s]*", re.I)


def _cell(value) -> str:
    """A table cell's text: blank when unknown, sources joined by '; ', a URL shown as its host only."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (list, tuple, set)):
        value = "; ".join(str(v) for v in value if v is not None and str(v) != "")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _URL.sub(lambda m: m.group(1).removeprefix("www."), str(value))
    return html.escape(text)


def brief_html(title: str, filters_text: str, incidents_rows, png: bytes) -> str:
    """One self-contained HTML page: title, the filters, the map (a data: URI) and a plain incidents table."""
    data = base64.b64encode(png).decode("ascii")
    cell = 'style="border:1px solid #999;padding:3px 6px;vertical-align:top"'
    head = "".join(f"<th {cell}>{c.capitalize()}</th>" for c in COLUMNS)
    body = "\n".join("<tr>" + "".join(f"<td {cell}>{_cell(row.get(c))}</td>" for c in COLUMNS) + "</tr>"
                     for row in incidents_rows)
    n = len(incidents_rows)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
</head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:11pt;color:#202020">
<h1 style="font-size:16pt">{html.escape(title)}</h1>
<p>{html.escape(filters_text)}</p>
<p><img src="data:image/png;base64,{data}" alt="Map of the {n} incidents" style="max-width:100%"></p>
<p style="font-size:9pt">{html.escape(basemap.attribution())}, {basemap.LICENCE_URL}</p>
<h2 style="font-size:13pt">Incidents ({n})</h2>
<table style="border-collapse:collapse;font-size:10pt">
<thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody>
</table>
</body>
</html>
"""


def from_incidents(table) -> tuple[list[dict], list[dict]]:
    """(points for map_png, rows for brief_html) from lib.tally's incidents table: the brief holds exactly the
    rows the Overview's table and CSV hold."""
    points, rows = [], []
    for row in table.to_dict("records"):
        points.append({"lat": row.get("latitude"), "lon": row.get("longitude"), "type": row.get("type"),
                       "killed": row.get("killed"), "label": row.get("place")})
        rows.append({"date": row.get("date"), "type": row.get("type"), "place": row.get("place"),
                     "country": row.get("country_code"), "killed": row.get("killed"),
                     "injured": row.get("injured"), "perpetrator": row.get("perpetrator"),
                     "sources": row.get("sources")})
    return points, rows
