#!/usr/bin/env bash
# The benchmark (not part of the tests): builds the release map, installs the bench-only peers
# (d3-geo, ECharts) and runs everything in one headless Chromium session (the peers draw the
# links exported by the map's own page); writes docs/PERFORMANCE.md.
# Usage: scripts/bench.sh
#   BENCH_ROUNDS (3), BENCH_FRAMES (120), BENCH_WORLD_FRAMES (40): interleaved rounds, frames
#   per case; BENCH_SOAK_HOURS (8), BENCH_SOAK_STEP_MS (500): the presenter soak's simulated
#   hours and simulated time per frame. Smoke run: BENCH_ROUNDS=1 BENCH_FRAMES=10
#   BENCH_WORLD_FRAMES=5 BENCH_SOAK_HOURS=0.1 scripts/bench.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/build.sh
source scripts/browser.sh
[ -d bench/node_modules/d3-geo ] || npm ci --prefix bench --no-audit --no-fund --loglevel=error
mkdir -p bench/out
# The import's split by stage, native (the page shows only the whole): left out if it fails.
rm -f bench/out/import-stages.jsonl
if cargo run --quiet --release --example import_stages > bench/out/import-stages.jsonl.tmp; then
  mv bench/out/import-stages.jsonl.tmp bench/out/import-stages.jsonl
else
  echo "bench: the native import split failed; the report leaves it out" >&2
  rm -f bench/out/import-stages.jsonl.tmp
fi
BENCH_NOTES=docs/performance-notes.md BENCH_IMPORT_STAGES=bench/out/import-stages.jsonl node bench/run.mjs
echo "bench: see docs/PERFORMANCE.md"
