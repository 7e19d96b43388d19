#!/usr/bin/env bash
# The benchmark (not part of the tests): builds the release map, exports the same great circles
# for the peer pages, installs the bench-only peers (d3-geo, ECharts) and runs everything in one
# headless Chromium session; writes docs/PERFORMANCE.md.
# Usage: scripts/bench.sh   (BENCH_ROUNDS, BENCH_FRAMES, BENCH_LOOPS, BENCH_FILTER_CHANGES to shorten)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/build.sh
source scripts/browser.sh
[ -d bench/node_modules/d3-geo ] || npm ci --prefix bench --no-audit --no-fund --loglevel=error
mkdir -p bench/out
cargo build --quiet --release --bin friendship-map
target/release/friendship-map export --format geojson > bench/out/shandong.geojson
target/release/friendship-map export --format geojson --import ../shared/data/world_twin_cities.csv \
  --layout world-twin-cities 2>/dev/null > bench/out/world.geojson
BENCH_NOTES=docs/performance-notes.md node bench/run.mjs
echo "bench: see docs/PERFORMANCE.md"
