#!/usr/bin/env python3
"""Serves dist/ on 127.0.0.1 with the strict Content-Security-Policy the map must work under.

Usage: python3 scripts/serve.py [--port 8080] [--dir dist]

Directories are never listed (a directory without index.html is a 404). The one-file offline
page, whose scripts are inline, is sent with its own policy (the hashes of its inline blocks,
written beside it by scripts/build_single.py) instead of the site-wide one.
"""
import argparse
import functools
import http.server
import os

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "base-uri 'none'; form-action 'none'")
ONE_FILE_PAGE = "shandong-friendship-map.html"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".bin": "application/octet-stream",
    }

    def list_directory(self, path):
        self.send_error(404, "Not found")
        return None

    def policy(self):
        path = self.translate_path(self.path)
        if os.path.basename(path) == ONE_FILE_PAGE:
            try:
                with open(path[: -len(".html")] + ".csp.txt", encoding="utf-8") as f:
                    return f.read().strip()
            except OSError:
                pass
        return CSP

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.policy())
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, fmt, *args):
        pass  # quiet: the URL is printed once at start


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--dir", default="dist")
    a = p.parse_args()
    handler = functools.partial(Handler, directory=a.dir)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", a.port), handler)
    except OSError as e:
        raise SystemExit(f"serve: cannot listen on 127.0.0.1:{a.port} ({e.strerror}); "
                         f"is the map already served? Choose another port: PORT=9000 scripts/run.sh")
    print(f"Serving the map at http://127.0.0.1:{server.server_port}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
