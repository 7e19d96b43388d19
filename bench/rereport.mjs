// Writes docs/PERFORMANCE.md again from the last run's figures (bench/out/figures.json), for a
// change to the report's wording without running the benchmark again.
// Usage: BENCH_NOTES=docs/performance-notes.md node bench/rereport.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./lib/server.mjs";
import { report } from "./lib/report.mjs";

const figures = JSON.parse(readFileSync(join(ROOT, "bench/out/figures.json"), "utf8"));
writeFileSync(join(ROOT, "docs/PERFORMANCE.md"), report(figures));
process.stderr.write("bench: wrote docs/PERFORMANCE.md from bench/out/figures.json\n");
