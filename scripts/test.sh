#!/usr/bin/env bash
# Runs every test: formatting and lints (host and wasm32), native tests, the web layer in headless
# Chromium (wasm-bindgen-test), and end-to-end tests of the built page (playwright-core).
# Installs what is missing first: the wasm32 target, wasm-bindgen-cli (Cargo.lock's version),
# Chromium, chromedriver, CJK fonts and the npm dev tools.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }

source scripts/browser.sh

step "cargo fmt --check"
cargo fmt --check
step "cargo clippy (host and wasm32, -D warnings)"
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
step "code shape (file and function lengths, tools/shape.py)"
python3 tools/shape.py
step "module circles (tools/cycles.py)"
python3 tools/cycles.py
step "rustdoc (-D warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --workspace --no-deps

step "native tests"
cargo test --quiet --workspace 2>&1 | tee /tmp/fm-native.log | grep -E "^test result|FAILED|panicked" || true
grep -q "FAILED\|panicked\|error\[" /tmp/fm-native.log && { cat /tmp/fm-native.log; exit 1; }
grep -q "^test result" /tmp/fm-native.log || { cat /tmp/fm-native.log; exit 1; }

step "web layer in headless Chromium (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test web --test web_text

step "development server (no listings, the README's policy)"
python3 scripts/check_serve.py

step "release build"
scripts/build.sh
python3 scripts/check_single.py

step "end to end (playwright-core + Chromium against the served page)"
# The e2e tests write their host pages and fixtures into dist/ (the server's root): take them
# out again however the tests end, so dist/ holds only the build.
trap 'rm -f dist/test-*' EXIT
node --test --test-reporter=spec tests/e2e/
echo
echo "all tests passed; screenshots in test-artifacts/"
