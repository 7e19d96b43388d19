#!/usr/bin/env python3
"""Checks the development server (scripts/serve.py): no directory listings, the strict policy
(with base-uri and form-action 'none') on every response, the one-file page's own policy on that
page, and the README stating exactly the policy the server sends.

Usage: python3 scripts/check_serve.py  (scripts/test.sh runs it; exit status 1 on a failure)
"""
import http.client
import importlib.util
import pathlib
import sys
import tempfile
import threading

ROOT = pathlib.Path(__file__).resolve().parent.parent


def load_server():
    spec = importlib.util.spec_from_file_location("serve", ROOT / "scripts/serve.py")
    serve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve)
    return serve


def main():
    serve = load_server()
    problems = []
    if f"`Content-Security-Policy: {serve.CSP}`" not in (ROOT / "README.md").read_text(encoding="utf-8"):
        problems.append("README.md does not state the server's policy exactly")
    for directive in ("base-uri 'none'", "form-action 'none'"):
        if directive not in serve.CSP:
            problems.append(f"the policy lacks {directive}")
    with tempfile.TemporaryDirectory() as tmp:
        d = pathlib.Path(tmp)
        (d / "sub").mkdir()
        (d / "sub/secret.txt").write_text("x")
        (d / "page.js").write_text("1")
        (d / getattr(serve, "ONE_FILE_PAGE", "shandong-friendship-map.html")).write_text("<!doctype html>")
        (d / "shandong-friendship-map.csp.txt").write_text("default-src 'none'; script-src 'sha256-x'\n")
        handler = lambda *a, **k: serve.Handler(*a, directory=tmp, **k)  # noqa: E731
        server = serve.http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()

        def get(path):
            c = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
            c.request("GET", path)
            r = c.getresponse()
            body = r.read().decode("utf-8", "replace")
            return r.status, r.getheader("Content-Security-Policy"), body

        for path in ("/", "/sub/", "/sub"):
            status, _, body = get(path)
            if status not in (301, 404) or "secret.txt" in body or "page.js" in body:
                problems.append(f"GET {path}: {status}, lists the directory")
        status, policy, _ = get("/page.js")
        if status != 200 or policy != serve.CSP:
            problems.append(f"GET /page.js: {status}, policy {policy!r}")
        status, policy, _ = get("/shandong-friendship-map.html")
        if status != 200 or policy != "default-src 'none'; script-src 'sha256-x'":
            problems.append(f"GET the one-file page: {status}, policy {policy!r}")
        server.shutdown()
    if problems:
        print("scripts/serve.py:", *problems, sep="\n  ", file=sys.stderr)
        sys.exit(1)
    print("check: serve.py lists no directories and sends the README's policy")


if __name__ == "__main__":
    main()
