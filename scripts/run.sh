#!/usr/bin/env bash
# Builds the map and serves it: http://127.0.0.1:8080 (override with PORT=...).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/build.sh
exec python3 scripts/serve.py --port "${PORT:-8080}" --dir dist
