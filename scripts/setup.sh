#!/usr/bin/env bash
# Installs what building the map needs, skipping what is already there:
# the wasm32 target, wasm-bindgen-cli at exactly the version in Cargo.lock, and the npm dev
# tools (binaryen's wasm-opt for the build, playwright-core for the tests).
# Sourced by build.sh and test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The version wasm-bindgen-cli must match: the wasm-bindgen entry of Cargo.lock.
[ -f Cargo.lock ] || cargo generate-lockfile
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WB_VERSION" ]; then
  echo "setup: cannot find wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  echo "setup: installing wasm-bindgen-cli $WB_VERSION (about 2 minutes, once)"
  # Not --locked: the registry lacks some of the CLI's locked dependencies (see README).
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
export WB_VERSION

if [ ! -d node_modules/binaryen ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dev tools (binaryen, playwright-core, world-atlas)"
  npm ci --no-audit --no-fund --loglevel=error
fi
