#!/usr/bin/env bash
# Run the whole test suite, browser tests included. Sets up .venv and Debian's chromium when missing.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh requirements-dev.txt
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Browser tests need Debian chromium: sudo apt-get install chromium" >&2
  fi
fi
exec .venv/bin/python -m pytest "$@"
