#!/usr/bin/env bash
# The benchmark (not part of the tests): builds the release map, installs the bench-only peers
# (d3-geo, ECharts) and runs everything in one headless Chromium session (the peers draw the
# links exported by the map's own page); writes docs/PERFORMANCE.md.
# Usage: scripts/bench.sh   (BENCH_ROUNDS, BENCH_FRAMES, BENCH_WORLD_FRAMES, BENCH_SOAK_HOURS,
# BENCH_SOAK_STEP_MS to shorten)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/build.sh
source scripts/browser.sh
[ -d bench/node_modules/d3-geo ] || npm ci --prefix bench --no-audit --no-fund --loglevel=error
mkdir -p bench/out
BENCH_NOTES=docs/performance-notes.md node bench/run.mjs
echo "bench: see docs/PERFORMANCE.md"
