#!/usr/bin/env python3
"""Writes dist/shandong-friendship-map.html: the whole map (wasm, data, basemap, script, styles)
in one self-contained HTML file that works opened from disk (file://) with no network.

Run after scripts/build.sh (which calls it). No fonts are embedded: the page uses the system's.
With `--story FILE` (scripts/build.sh --story FILE) the page carries that story and opens on
its first step, so a presenter walks into a hall with one file; it always carries the example
story (the share dialog's "Example story" button). `--out PATH` writes the page elsewhere (its
policy beside it).

The page carries its own Content-Security-Policy in a <meta>: the SHA-256 hashes of its inline
script and style blocks (computed here, so nothing else inline can run), WebAssembly, requests
to its own origin only (the 1:50m basemap and files named by `src` when served), the favicon as
a data: URL, and no <base> or form targets. The same policy is written to
dist/shandong-friendship-map.csp.txt for servers that send it as a header (scripts/serve.py
does); a site-wide header that forbids inline scripts would leave the page blank, since a
<meta> policy can only add restrictions to a header's.
"""
import argparse
import base64
import hashlib
import json
import pathlib
import urllib.parse

DIST = pathlib.Path("dist")
# The readable scripts, kept by scripts/build.sh before it minifies dist/ (the loader below names
# the glue's own identifiers), so the page can be written again after a build.
SCRIPTS = pathlib.Path("target/single")
PAGE = DIST / "shandong-friendship-map.html"
EXAMPLE_STORY = pathlib.Path("www/example-story.json")


def source_hash(text):
    """The CSP source expression of an inline block's text (hashed as UTF-8)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts, styles):
    """The page's policy: exactly its inline blocks, WebAssembly and same-origin requests."""
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(map(source_hash, scripts)) + " 'wasm-unsafe-eval'",
        "style-src " + " ".join(map(source_hash, styles)),
        "connect-src 'self'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def js_text(text):
    """`text` as a JavaScript string literal that cannot end its <script> block."""
    return json.dumps(text).replace("<", "\\u003c")


def story_loader(path):
    """The script lines that hand the page its story files (the map reads and checks them)."""
    example = EXAMPLE_STORY.read_text(encoding="utf-8")
    out = f"globalThis.__FRIENDSHIP_MAP_EXAMPLE_STORY__ = {js_text(example)};\n"
    if path:
        text = pathlib.Path(path).read_text(encoding="utf-8")
        try:
            json.loads(text)
        except ValueError as e:
            raise SystemExit(f"build: {path} is not a story file (not valid JSON: {e})")
        name = pathlib.Path(path).name
        out += f"globalThis.__FRIENDSHIP_MAP_STORY__ = {{ text: {js_text(text)}, name: {js_text(name)} }};\n"
    return out


def main():
    args = argparse.ArgumentParser(description="Writes the one-file offline page.")
    args.add_argument("--story", help="a story file the page opens on")
    args.add_argument("--out", default=str(PAGE), help="where the page goes")
    opts = args.parse_args()
    page = pathlib.Path(opts.out)
    policy_file = page.with_name(page.stem + ".csp.txt")
    glue = (SCRIPTS / "shandong_friendship_map.js").read_text(encoding="utf-8")
    wasm = (DIST / "pkg/shandong_friendship_map_bg.wasm").read_bytes()
    css = (DIST / "friendship-map.css").read_text(encoding="utf-8")
    sources = (DIST / "sources.txt").read_text(encoding="utf-8")
    # The element's modules, strings included, bundled into one file by scripts/build.sh.
    element = (SCRIPTS / "friendship-map.js").read_text(encoding="utf-8")
    for name in ("__wbg_init", "export class FriendshipMap", "export class Diagnostics", "export function unknownKeys"):
        if name not in glue:
            raise SystemExit(f"unexpected wasm-bindgen output: `{name}` not found")
    b64 = base64.b64encode(wasm).decode("ascii")
    loader = (
        f"\nconst __fm_wasm = Uint8Array.from(atob({json.dumps(b64)}), (c) => c.charCodeAt(0));\n"
        f"globalThis.__FRIENDSHIP_MAP_CSS__ = {json.dumps(css)};\n"
        f"globalThis.__FRIENDSHIP_MAP_SOURCES__ = {json.dumps(sources)};\n"
        "globalThis.__FRIENDSHIP_MAP_INLINE__ = __wbg_init({ module_or_path: __fm_wasm })"
        ".then(() => ({ FriendshipMap, Diagnostics, Film, unknownKeys }));\n"
        + story_loader(opts.story)
    )
    for part in (glue, element):
        if "</script" in part:
            raise SystemExit("a script contains </script>")
    style = "html, body { margin: 0; height: 100%; background: #f7f9fb; } friendship-map { height: 100vh; }"
    scripts = [f"\n{glue}\n{loader}\n", f"\n{element}\n"]
    csp = policy(scripts, [style])
    icon = "data:image/svg+xml," + urllib.parse.quote((DIST / "favicon.svg").read_text(encoding="utf-8").strip())
    html = f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>山东省国际友好城市地图 · Shandong's international friendship cities</title>
<link rel="icon" href="{icon}">
<style>{style}</style>
<script type="module">{scripts[0]}</script>
<script type="module">{scripts[1]}</script>
</head>
<body>
<friendship-map url-state></friendship-map>
</body>
</html>
"""
    page.write_text(html, encoding="utf-8")
    policy_file.write_text(csp + "\n", encoding="utf-8")
    story = f", opening on the story {opts.story}" if opts.story else ""
    print(f"build: {page} ({page.stat().st_size} bytes, works from file://{story}; its CSP in {policy_file})")


if __name__ == "__main__":
    main()
