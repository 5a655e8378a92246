"""Copy plotly.min.js from the installed plotly package to static/ (ignored by git), where the app serves it
at /app/static/plotly.min.js for the Map page's map. Does nothing when the copy is up to date.

Exit status 1 when the plotly package is missing.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.dashboard import map_view  # noqa: E402


def main() -> int:
    try:
        copied = map_view.install_plotly_js()
    except FileNotFoundError as error:
        print(f"plotly.js: {error}", file=sys.stderr)
        return 1
    print(f"plotly.js: {'copied to' if copied else 'up to date in'} {map_view.PLOTLY_JS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
