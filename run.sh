#!/usr/bin/env bash
# Run the dashboard. Sets up .venv on first use; the app builds data/atlas.db from seeds/ when it is missing.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh requirements.txt
exec .venv/bin/streamlit run app.py "$@"
