#!/usr/bin/env bash
# Builds the release map into dist/: wasm (with LTO), its JS glue, the host page.
# Usage: scripts/build.sh [--story FILE]   (the one-file page opens on that story)
set -euo pipefail
STORY=()
while [ $# -gt 0 ]; do
  case "$1" in
    --story) [ $# -ge 2 ] || { echo "build: --story takes a story file" >&2; exit 2; }
      STORY=(--story "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2 ;;
    *) echo "usage: scripts/build.sh [--story FILE]" >&2; exit 2 ;;
  esac
done
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

# `cargo rustc --crate-type cdylib` gets LTO, which cdylib+rlib builds silently skip.
cargo rustc --quiet --release --lib --crate-type cdylib --target wasm32-unknown-unknown
rm -rf dist
mkdir -p dist/pkg
wasm-bindgen --target web --no-typescript --out-dir dist/pkg \
  target/wasm32-unknown-unknown/release/shandong_friendship_map.wasm
WASM=dist/pkg/shandong_friendship_map_bg.wasm
# wasm-opt from npm's binaryen (setup.sh installs it); Debian's breaks the module.
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$WASM" -o "$WASM.opt" && mv "$WASM.opt" "$WASM"
fi
# The types for pages that embed it (checked against the built map by tests/e2e/types.test.mjs).
# The example story is served beside the map (the share dialog's "Example story").
cp www/index.html www/embed.html www/page.css www/friendship-map.css www/favicon.svg data/basemap-50m.bin \
  www/friendship-map.d.ts www/example-story.json dist/
# The built-in rows' source URLs, a line per row of data/partnerships.csv in its order: the page
# fetches them after its first frame (the wasm carries the rows without them).
python3 -c 'import csv, sys
rows = list(csv.DictReader(open("data/partnerships.csv", encoding="utf-8")))
print("# sources of data/partnerships.csv, a line per row in its order")
for r in rows: print(" ".join(r["source"].split()))' > dist/sources.txt
echo "build: dist/ ready ($(wc -c < "$WASM") bytes of wasm, $(gzip -9 -c "$WASM" | wc -c) gzipped)"
# The element's modules bundled into one file each for the element and the iframe page (which
# loads the element's file, not a copy of it): the page loads as few files as before.
node_modules/.bin/esbuild --bundle --format=esm --log-level=warning --outdir=dist www/friendship-map.js
node_modules/.bin/esbuild --bundle --format=esm --log-level=warning --outdir=dist \
  --external:./friendship-map.js www/embed.js
# The video's WebM writer (WebCodecs + webm-muxer), a file of its own that the element imports
# only when a video is made: not part of the first load.
node_modules/.bin/esbuild --bundle --format=esm --log-level=warning --outdir=dist www/video-webm.js
# The one-file page takes the readable scripts (kept for later pages: build_single.py --story).
mkdir -p target/single
cp dist/pkg/shandong_friendship_map.js dist/friendship-map.js target/single/
python3 scripts/build_single.py "${STORY[@]}"
# Minify the served scripts and styles in place (esbuild from npm; identifiers, whitespace),
# after the one-file page has taken the readable ones.
node_modules/.bin/esbuild --minify --log-level=warning --allow-overwrite --outdir=dist \
  --outbase=dist dist/friendship-map.js dist/embed.js dist/pkg/shandong_friendship_map.js \
  dist/video-webm.js dist/friendship-map.css dist/page.css
echo "build: scripts and styles minified ($(cat dist/friendship-map.js dist/embed.js dist/pkg/*.js dist/*.css | gzip -9 | wc -c) bytes gzipped together; the video's chunk $(gzip -9 -c dist/video-webm.js | wc -c) more, loaded only for a video)"
