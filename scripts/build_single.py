#!/usr/bin/env python3
"""Writes dist/shandong-friendship-map.html: the whole map (wasm, data, basemap, script, styles)
in one self-contained HTML file that works opened from disk (file://) with no network.

Run after scripts/build.sh (which calls it). No fonts are embedded: the page uses the system's.
"""
import base64
import json
import pathlib

DIST = pathlib.Path("dist")


def main():
    glue = (DIST / "pkg/shandong_friendship_map.js").read_text(encoding="utf-8")
    wasm = (DIST / "pkg/shandong_friendship_map_bg.wasm").read_bytes()
    css = (DIST / "friendship-map.css").read_text(encoding="utf-8")
    element = (DIST / "friendship-map.js").read_text(encoding="utf-8")
    if "__wbg_init" not in glue or "export class FriendshipMap" not in glue:
        raise SystemExit("unexpected wasm-bindgen output: __wbg_init / FriendshipMap not found")
    b64 = base64.b64encode(wasm).decode("ascii")
    loader = (
        f"\nconst __fm_wasm = Uint8Array.from(atob({json.dumps(b64)}), (c) => c.charCodeAt(0));\n"
        f"globalThis.__FRIENDSHIP_MAP_CSS__ = {json.dumps(css)};\n"
        "globalThis.__FRIENDSHIP_MAP_INLINE__ = __wbg_init({ module_or_path: __fm_wasm })"
        ".then(() => ({ FriendshipMap }));\n"
    )
    for part in (glue, element):
        if "</script" in part:
            raise SystemExit("a script contains </script>")
    html = f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>山东省国际友好城市地图 · Shandong's international friendship cities</title>
<style>html, body {{ margin: 0; height: 100%; background: #f7f9fb; }} friendship-map {{ height: 100vh; }}</style>
<script type="module">
{glue}
{loader}
</script>
<script type="module">
{element}
</script>
</head>
<body>
<friendship-map url-state></friendship-map>
</body>
</html>
"""
    out = DIST / "shandong-friendship-map.html"
    out.write_text(html, encoding="utf-8")
    print(f"build: {out} ({out.stat().st_size} bytes, works from file://)")


if __name__ == "__main__":
    main()
