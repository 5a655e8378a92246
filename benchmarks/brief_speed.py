"""Time lib.brief.map_png for 10 and 1,000 incidents (random points over South Asia, six types).

    python -m benchmarks.brief_speed [--repeat 3]

Prints, for each size at the default 1200 x 700, the first run (tiles read from disk) and the best of --repeat
(tiles cached), and whether the tiles were drawn (scripts/build_basemap.py builds them) or the plain background.
"""
from __future__ import annotations

import argparse
import random
import time

from lib import brief

TYPES = ["bombing", "shooting", "raid", "kidnapping", "arson", "clash"]


def points(n: int, seed: int = 7) -> list[dict]:
    """n incidents spread over 20-37N, 60-90E, with killed from none to 80 and a few unknown."""
    rnd = random.Random(seed)
    return [{"lat": rnd.uniform(20, 37), "lon": rnd.uniform(60, 90), "type": rnd.choice(TYPES),
             "killed": None if rnd.random() < 0.1 else int(rnd.expovariate(0.2)) % 80, "label": f"place {i}"}
            for i in range(n)]


def timed(pts: list[dict], repeat: int) -> tuple[float, float, int]:
    """The first run's seconds (tiles read from disk), the best run's (tiles cached) and the PNG's bytes."""
    brief._tile.cache_clear()
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(brief.map_png(pts))
        times.append(time.perf_counter() - start)
    return times[0], min(times), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tiles = "tiles" if (brief.TILES / "0" / "0" / "0.png").is_file() else "plain background (no tiles)"
    print(f"brief map_png 1200x700 on {tiles}, {args.repeat} runs")
    for n in (10, 1000):
        first, best, size = timed(points(n), args.repeat)
        print(f"  {n:>5} points: first {first * 1000:7.1f} ms, best {best * 1000:7.1f} ms  ({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
