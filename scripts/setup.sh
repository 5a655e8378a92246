#!/usr/bin/env bash
# Create .venv with Python 3.11 and install the requirements named in $1 (default requirements.txt).
# Reinstalls only when the requirements file changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements="${1:-requirements.txt}"
python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null 2>&1 || python=python3
if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv with $("$python" --version)"
  "$python" -m venv .venv
fi
stamp=".venv/.installed-$(basename "$requirements")"
if [ ! -f "$stamp" ] || [ "$requirements" -nt "$stamp" ] || [ requirements.txt -nt "$stamp" ]; then
  echo "Installing $requirements into .venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi

# Base map: unpack the map tiles and write the English labels under static/basemap/ (does nothing when up to date)
.venv/bin/python scripts/build_basemap.py

# plotly.js for the Map page's map, served by the app itself from static/ (does nothing when up to date)
.venv/bin/python scripts/copy_plotly_js.py
