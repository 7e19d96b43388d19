#!/usr/bin/env bash
# Fuzzes the crate's parsers and the map's state for longer than the bounded run inside
# `cargo test` (tests/fuzz_parsers.rs, fuzz_values.rs, fuzz_basemap.rs and fuzz_map_state.rs):
# the same targets, in an optimised build that keeps overflow checks and debug assertions, with
# SCALE times as many inputs and seeds from the clock (or FUZZ_SEED). Every failing input is printed with its seed and saved
# under target/fuzz-findings/. Not part of scripts/test.sh.
#
# With --cargo-fuzz it runs the same targets under cargo fuzz instead (libFuzzer, coverage-guided,
# with sanitizers; the fuzz/ crate, nightly Rust and `cargo install cargo-fuzz` needed), each for
# SECONDS, starting from the stable runs' seed inputs and keeping what it finds in fuzz/corpus/.
#
# Usage: scripts/fuzz.sh [SCALE] [TEST-NAME-FILTER]
#        scripts/fuzz.sh --cargo-fuzz [SECONDS per target, default 60] [TARGET]
#   scripts/fuzz.sh             # SCALE 30: 10 million parser inputs and 49,500 map sequences
#                               # (1.2 million operations), about 11 minutes on this 2-core machine
#   scripts/fuzz.sh 20 numbers  # one target
#   FUZZ_SEED=42 scripts/fuzz.sh 100   # reproduce a run
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
TARGETS="csv_dataset import_standard import_world json_entries url_query story_file numbers dates basemap_binary basemap_shapes map_state"
FUZZ_TESTS="--test fuzz_parsers --test fuzz_values --test fuzz_basemap --test fuzz_map_state"
if [ "${1:-}" = "--cargo-fuzz" ]; then
  SECONDS_EACH="${2:-60}"
  [ -n "${3:-}" ] && TARGETS="$3"
  # The stable runs' seed inputs (no fuzzing: FUZZ_SCALE=0), one folder per stable run.
  rm -rf target/fuzz-seeds
  FUZZ_WRITE_CORPUS="$PWD/target/fuzz-seeds" FUZZ_SCALE=0 cargo test -q $FUZZ_TESTS >/dev/null
  for t in $TARGETS; do
    mkdir -p "fuzz/corpus/$t"
    for d in target/fuzz-seeds/"$t"*; do
      for f in "$d"/*; do cp "$f" "fuzz/corpus/$t/$(basename "$d")-$(basename "$f")"; done
    done
    (cd fuzz && cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$SECONDS_EACH" \
      -print_final_stats=1 2>&1) | tee "target/cargo-fuzz-$t.log" \
      | grep -E "stat::number_of_executed_units|SUMMARY|panicked at" | sed "s/^/$t: /" || true
  done
  ! grep -l "SUMMARY\|panicked at" target/cargo-fuzz-*.log
  exit
fi
export FUZZ_SCALE="${1:-30}"
export FUZZ_SEED="${FUZZ_SEED:-$(date +%s)}"
FILTER="${2:-}"
echo "fuzz: scale $FUZZ_SCALE, seed $FUZZ_SEED"
# Optimised like release, but quick to build and with the checks a debug build makes.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=2 CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true \
  CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=true CARGO_PROFILE_RELEASE_PANIC=unwind
start=$(date +%s)
cargo test --release --target-dir target/fuzz $FUZZ_TESTS \
  -- --nocapture $FILTER 2>&1 | tee target/fuzz-last.log | grep -E "^fuzz |^test result|^input [0-9]+:|FAILED" || true
echo "fuzz: $(( $(date +%s) - start )) s; full log in target/fuzz-last.log"
! grep -q "FAILED\|panicked" target/fuzz-last.log
