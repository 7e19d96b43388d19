#!/usr/bin/env python3
"""Attributes the release wasm's code bytes to crates, from function names (twiggy).

Usage: python3 tools/wasm_costs.py   (needs `cargo install twiggy`; builds with names kept)
Generic functions are counted under the crate their path names (so code that `serde` derives for
this crate counts here or under serde_core, depending on the symbol); wasm-opt is not applied, so
absolute sizes are larger than the shipped file by about 5 %.
"""
import collections
import csv
import io
import re
import subprocess

subprocess.run(["cargo", "rustc", "--quiet", "--release", "--lib", "--crate-type", "cdylib",
                "--target", "wasm32-unknown-unknown"], check=True)
subprocess.run(["wasm-bindgen", "--target", "web", "--no-typescript", "--keep-debug", "--out-dir",
                "target/wasm-costs", "target/wasm32-unknown-unknown/release/shandong_friendship_map.wasm"],
               check=True)
out = subprocess.run(["twiggy", "top", "-n", "100000", "--format", "csv",
                      "target/wasm-costs/shandong_friendship_map_bg.wasm"],
                     check=True, capture_output=True, text=True).stdout
totals = collections.Counter()
for row in csv.DictReader(io.StringIO(out)):
    name, size = row["Name"], int(row["ShallowSize"])
    if name.startswith("data segment"):
        totals["(data: embedded CSVs, basemap, strings)"] += size
        continue
    if "function names" in name or name.startswith("custom section") or "producers" in name:
        continue
    m = re.search(r"([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::", name)
    if name.startswith("friendshipmap_"):
        crate = "shandong_friendship_map"  # exported methods, with the crate code inlined into them
    elif m:
        crate = m.group(1)
    elif name.startswith("<str>") or name.startswith("<char>"):
        crate = "core"
    elif re.match(r"^[a-z_0-9]+$", name) or name.startswith("__wbg"):
        crate = "(wasm-bindgen exports and glue)"
    else:
        crate = "(other)"
    if crate in ("core", "alloc", "std", "compiler_builtins", "dlmalloc", "hashbrown"):
        crate = "(Rust std: core, alloc, std, allocator, hash maps, sorting, libm)"
    totals[crate] += size
total = sum(totals.values())
print(f"| part | bytes | share |\n|---|---:|---:|")
for crate, size in totals.most_common():
    print(f"| {crate} | {size:,} | {100 * size / total:.1f} % |")
print(f"| **total (before wasm-opt)** | **{total:,}** | |")
