#!/usr/bin/env python3
"""The code's shape: file lengths in src/, crates/ and www/ (median, longest) and functions longer than
80 lines, so that "one concept per file" stays checkable. Exits non-zero past the limits.

Usage: python3 tools/shape.py [--quiet]
Data tables and generated files are left out (see SKIP).
"""
import pathlib
import re
import statistics
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
MAX_FILE = 400
MAX_MEDIAN = 200
MAX_FUNCTION = 80
# Data tables and generated files.
SKIP = {"www/i18n.js", "www/template.js"}

FN = re.compile(r"^(\s*)(pub(\(\w+\))? )?(const |async )?fn \w+|^(\s*)(async )?(#?\w+)\s*\([^)]*\)\s*\{\s*$|^(\s*)(export )?(async )?function \w+")


def functions(lines):
    """(name line, length) of each function: from its signature to the closing brace at its
    indentation."""
    out = []
    for i, line in enumerate(lines):
        m = FN.match(line)
        if not m or line.strip().startswith(("if ", "for ", "while ", "switch ", "} else")):
            continue
        indent = len(line) - len(line.lstrip())
        for j in range(i + 1, len(lines)):
            s = lines[j]
            if s.strip() and len(s) - len(s.lstrip()) == indent and s.strip().startswith("}"):
                out.append((i + 1, j - i + 1, line.strip()[:60]))
                break
    return out


def main():
    quiet = "--quiet" in sys.argv
    files = sorted(p for p in list(ROOT.glob("src/**/*.rs")) + list(ROOT.glob("crates/*/src/**/*.rs")) + list(ROOT.glob("www/**/*.js")) + list(ROOT.glob("www/*.css")))
    sizes, bad = [], []
    for p in files:
        rel = p.relative_to(ROOT).as_posix()
        if rel in SKIP:
            continue
        lines = p.read_text(encoding="utf-8").splitlines()
        sizes.append((len(lines), rel))
        if len(lines) > MAX_FILE:
            bad.append(f"{rel}: {len(lines)} lines (limit {MAX_FILE})")
        for at, n, sig in functions(lines):
            if n > MAX_FUNCTION:
                bad.append(f"{rel}:{at}: function of {n} lines (limit {MAX_FUNCTION}): {sig}")
    median = statistics.median(n for n, _ in sizes)
    if median > MAX_MEDIAN:
        bad.append(f"median file length {median} (limit {MAX_MEDIAN})")
    if not quiet:
        print(f"{len(sizes)} files, median {median} lines, longest: " + ", ".join(f"{r} ({n})" for n, r in sorted(sizes)[-5:]))
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
