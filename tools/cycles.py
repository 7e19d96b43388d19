#!/usr/bin/env python3
"""Import circles between the crate's modules: which top-level modules (and which files of
src/web/ and src/map/) use each other, through `crate::x` and `super::x` paths. Prints every
circle and exits 1 if there is one. Run by the test command (no circles, no arrows back up).
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"


def module_of(path):
    """`web/canvas` for src/web/canvas.rs, `map` for src/map/mod.rs, `lonlat` for src/lonlat.rs."""
    rel = path.relative_to(SRC).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "mod":
        parts.pop()
    return parts


def edges():
    graph = {}
    for path in SRC.rglob("*.rs"):
        if "bin" in path.relative_to(SRC).parts:
            continue
        parts = module_of(path)
        if not parts or parts == ["lib"]:
            continue
        text = re.sub(r"#\[cfg\(test\)\][\s\S]*", "", path.read_text(encoding="utf-8"))
        # Documentation and comments may name any module; only code is an arrow.
        text = re.sub(r"//.*", "", text)
        top = parts[0]
        # Files of web/ and map/ are nodes of their own; elsewhere the top module is the node.
        node = "/".join(parts[:2]) if top in ("web", "map") and len(parts) > 1 else top
        for m in re.finditer(r"\bcrate::([a-z_]+)(?:::([a-z_]+))?", text):
            target = m.group(1)
            if target in ("web", "map") and m.group(2) and (SRC / target / f"{m.group(2)}.rs").exists():
                target = f"{target}/{m.group(2)}"
            if target != node and target != top:
                graph.setdefault(node, set()).add(target)
        if top in ("web", "map") and len(parts) > 1:
            for m in re.finditer(r"\bsuper::([a-z_]+)", text):
                if (SRC / top / f"{m.group(1)}.rs").exists():
                    target = f"{top}/{m.group(1)}"
                    if target != node:
                        graph.setdefault(node, set()).add(target)
    return graph


def circles(graph):
    found = []
    state = {}
    stack = []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                found.append(stack[stack.index(m):] + [m])
            elif m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n)
    return found


if __name__ == "__main__":
    found = circles(edges())
    for c in found:
        print("circle:", " -> ".join(c))
    print(f"{len(found)} import circles between modules")
    sys.exit(1 if found else 0)
