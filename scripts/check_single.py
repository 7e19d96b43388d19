#!/usr/bin/env python3
"""Checks the one-file page's Content-Security-Policy against the page itself: its <meta> policy
lists exactly the SHA-256 hashes of its inline <script> and <style> blocks (no more, no fewer),
allows no 'unsafe-inline' or 'unsafe-eval', sets default-src, base-uri and form-action to 'none',
matches the policy file written beside it, and the page has no inline event handlers, style
attributes or external scripts.

Usage: python3 scripts/check_single.py [dist/shandong-friendship-map.html]  (scripts/test.sh runs it
after the build; exit status 1 with the reasons when a check fails)
"""
import base64
import hashlib
import html.parser
import pathlib
import sys


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.policies, self.blocks, self.problems = [], {"script": [], "style": []}, []
        self.open = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(a.get("content") or "")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"inline event handler {name} on <{tag}>")
            if name == "style":
                self.problems.append(f"style attribute on <{tag}>")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"javascript: URL on <{tag}>")
        if tag == "script" and "src" in a:
            self.problems.append(f"external script {a['src']}")
        if tag in self.blocks and "src" not in a:
            self.open = tag
            self.blocks[tag].append("")

    def handle_endtag(self, tag):
        if tag == self.open:
            self.open = None

    def handle_data(self, data):
        if self.open:
            self.blocks[self.open][-1] += data


def sha(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def check(path):
    text = path.read_text(encoding="utf-8")
    page = Page()
    page.feed(text)
    problems = list(page.problems)
    if len(page.policies) != 1:
        return problems + [f"expected one CSP <meta>, found {len(page.policies)}"]
    policy = page.policies[0]
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    for name in ("default-src", "base-uri", "form-action"):
        if directives.get(name) != ["'none'"]:
            problems.append(f"{name} is {directives.get(name)}, not 'none'")
    for name, tag in (("script-src", "script"), ("style-src", "style")):
        sources = directives.get(name, [])
        hashes = {s for s in sources if s.startswith("'sha256-")}
        want = {sha(b) for b in page.blocks[tag]}
        if hashes != want:
            problems.append(f"{name} hashes {sorted(hashes)} != the page's inline <{tag}> blocks {sorted(want)}")
        for bad in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:"):
            if bad in sources:
                problems.append(f"{name} allows {bad}")
    side = path.with_name(path.stem + ".csp.txt")
    if not side.exists() or side.read_text(encoding="utf-8").strip() != policy:
        problems.append(f"{side} is missing or differs from the page's policy")
    return problems


def main():
    path = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist/shandong-friendship-map.html")
    problems = check(path)
    if problems:
        print(f"{path}: the page's security policy does not match it:", *problems, sep="\n  ", file=sys.stderr)
        sys.exit(1)
    print(f"check: {path}'s CSP lists exactly its inline blocks")


if __name__ == "__main__":
    main()
