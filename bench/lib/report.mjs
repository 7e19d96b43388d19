// docs/PERFORMANCE.md from one run's figures: every table, and the budgets' verdicts computed
// from them (so they cannot go stale); the hand-written notes follow.
import { readFileSync } from "node:fs";
import os from "node:os";
import { gzBytes } from "./server.mjs";
import { SCHEDULE } from "./soak.mjs";

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (x, d = 1) => (x == null || Number.isNaN(x) ? "–" : x.toFixed(d));
const kb = (b) => (b / 1024).toFixed(1);
const span = ([m, lo, hi]) => `${m.toFixed(2)} (${lo.toFixed(2)}–${hi.toFixed(2)})`;
/// [median, lowest, highest] of per-round values.
const spread = (xs) => [median(xs), Math.min(...xs), Math.max(...xs)];
const verdict = (ok, by) => (ok ? "met" : `**not met**${by ? `, ${by}` : ""}`);

export function report({ config, rounds, idle, soak }) {
  const find = (rows, data, size, page, kind) => rows.find((x) => x.data === data && x.size === size && x.page === page && x.kind === kind);
  const results = rounds[0].rows.map((r) => {
    const same = rounds.map(({ rows }) => find(rows, r.data, r.size, r.page, r.kind)).filter(Boolean);
    return { ...r, p50: median(same.map((x) => x.p50)), p95: median(same.map((x) => x.p95)), max: Math.max(...same.map((x) => x.max)) };
  });
  /// Ours over another page within each round, [median, lowest, highest].
  const ratio = (data, size, kind, page, stat, pageKind = kind) =>
    spread(rounds.map(({ rows }) => find(rows, data, size, "ours", kind)[stat] / find(rows, data, size, page, pageKind)[stat]));
  const sizes = config.sizes.map((s) => `${s.width}×${s.height}`);
  let md = head(config);
  const load = bytesSection(rounds);
  md += load.md;
  const ff = firstFrameSection(rounds);
  md += ff.md;
  md += "## 3. Frame times (ms) while panning, zooming and playing\n\n";
  md += "A frame is the change (a 7–9 px pan, a 7 % zoom step, a playback step of 16 ms) plus the drawing and a forced raster, one per animation frame.\n\n";
  md += "| data | size | interaction | page | p50 | p95 | max | ours ÷ this, p50 | ours ÷ this, p95 |\n|---|---|---|---|---:|---:|---:|---:|---:|\n";
  for (const r of results) {
    const other = r.page !== "ours" && !(r.kind === "play");
    const cells = other ? [span(ratio(r.data, r.size, r.kind, r.page, "p50")), span(ratio(r.data, r.size, r.kind, r.page, "p95"))] : ["", ""];
    const names = r.labels != null ? ` (${r.labels} names)` : "";
    md += `| ${r.data} | ${r.size} | ${r.kind}${names} | ${r.page} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${cells.join(" | ")} |\n`;
  }
  md += `\nThe "pan, names" rows pan at ${"`view=4,8,49`"} (western Europe at 4×), where the map names many partners in every frame; the floor draws no names.\n\n`;
  const imp = importSection(rounds);
  md += imp.md;
  md += idleSection(idle);
  const sk = soakSection(soak);
  md += sk.md;
  // ---- budgets ----
  md += "## Budgets: met and not met (this run)\n\n| budget | measured (median of the rounds, range) | verdict |\n|---|---|---|\n";
  for (const kind of ["pan", "zoom"]) {
    const cells = sizes.map((sz) => [sz, ratio("world", sz, kind, "d3", "p50"), ratio("world", sz, kind, "floor", "p50")]);
    const ok = cells.every(([, d, f]) => d[0] <= 0.3 && f[0] < 1);
    md += `| world ${kind} p50 ≤ 0.3× d3-geo's and below the floor's | ${cells.map(([sz, d, f]) => `${sz}: ${span(d)}× d3, ${span(f)}× floor`).join("; ")} | ${verdict(ok)} |\n`;
  }
  for (const kind of ["pan", "zoom"]) {
    const cells = sizes.map((sz) => [sz, ratio("shandong", sz, kind, "floor", "p95")]);
    const over = cells.filter(([, [r]]) => r > 1.3).map(([sz, [r]]) => `${sz} by ${(r - 1.3).toFixed(2)}×`).join(", ");
    md += `| Shandong ${kind} p95 ≤ 1.3× the floor's | ${cells.map(([sz, r]) => `${sz}: ${span(r)}×`).join("; ")} | ${verdict(!over, over)} |\n`;
  }
  md += `| world import to first frame ≤ 1.5× the floor's whole load | ${span(imp.ratio)}× (${fmt(imp.ours, 0)} ms against ${fmt(imp.floor, 0)} ms) | ${verdict(imp.ratio[0] <= 1.5)} |\n`;
  md += `| first load ≤ 150 KB gzipped (on the way to 120) | ${kb(load.ours)} KB | ${verdict(load.ours <= 150 * 1024, `by ${kb(load.ours - 150 * 1024)} KB`)}${load.ours <= 120 * 1024 ? " (120 KB too)" : ""} |\n`;
  md += `| first frame ≤ 1.0× d3-geo's and ≤ 0.5× ECharts' | ${span(ff.d3)}× d3's, ${span(ff.echarts)}× ECharts' | ${verdict(ff.d3[0] <= 1 && ff.echarts[0] <= 0.5)} |\n`;
  md += `| zero frames while idle | ${fmt(idle.ours.framesPerSecond, 2)} frames/s, ${(100 * idle.ours.cpuShare).toFixed(2)} % main-thread busy | ${verdict(idle.ours.framesPerSecond === 0)} |\n`;
  md += `| memory flat within 1 MB, no growth in DOM nodes (${soak.hours}-hour presenter soak) | wasm +${kb(sk.wasm)} KB, JS heap +${kb(sk.heap)} KB, DOM nodes ${sk.nodes >= 0 ? "+" : ""}${sk.nodes} | ${verdict(sk.wasm <= 1024 * 1024 && sk.heap <= 1024 * 1024 && sk.nodes <= 0)} |\n\n`;
  const notes = process.env.BENCH_NOTES ? readFileSync(process.env.BENCH_NOTES, "utf8") : "";
  return md + notes;
}

function head(config) {
  let md = `# Performance\n\nWritten by \`scripts/bench.sh\` on ${new Date().toISOString().slice(0, 10)}; regenerate and commit when performance changes.\n\n`;
  md += `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}; headless Chromium (software raster, no GPU), device pixel ratio 1.\n\n`;
  md += `Every page draws the same great-circle polylines, exported by the map's own page (\`exportGeoJson()\`; for the world set, after the page's importer has read \`world_twin_cities.csv\` and placed each partner in its country), in Natural Earth I centred on 150°E. Frames are timed inside each page, ${config.frames} per case (${config.worldFrames} for the world set) after 5 warm-up frames. Every page is measured in ${config.rounds} interleaved rounds (each round visits every page once); a figure is the median over the rounds (max: the largest seen), and a ratio is the median of the ratios taken within each round, with their range in brackets.\n\n`;
  md += "Pages: **ours** (the built map, `dist/index.html` with its panels, under its CSP); **floor** (plain JS: every link in one precomputed `Path2D`, one stroke a frame under a canvas transform, one colour at the links' width: no basemap, markers, names, dashes or second style); **d3** (d3-geo 3.1 `geoPath` on canvas: sphere, graticule, land, borders and links re-projected every frame); **echarts** (ECharts 6.1 `geo` + `lines` series with polyline vertices, effect trails on for the Shandong set).\n\n";
  return md;
}

function bytesSection(rounds) {
  let md = "## 1. Bytes (gzip -9, per asset)\n\nThe first load is every request the page made before its first complete frame; ours then loads the rest of the map after it.\n\n| page | asset | KB gz | when |\n|---|---|---:|---|\n";
  let oursFirst = 0;
  for (const [name, l] of Object.entries(rounds[0].loads)) {
    const sizes = gzBytes(l.resources.map((r) => r.name));
    let first = 0, later = 0;
    for (const r of l.resources) {
      const b = sizes[r.name];
      if (b == null) continue;
      const before = r.start <= l.firstFrame;
      if (before) first += b; else later += b;
      const shared = r.name.includes("/out/") || r.name.includes("world-atlas") ? " (data, the same for every peer)" : "";
      md += `| ${name} | ${r.name}${shared} | ${kb(b)} | ${before ? "first load" : "after the first frame"} |\n`;
    }
    md += `| **${name}** | **first load** | **${kb(first)}** | |\n`;
    if (later) md += `| ${name} | after the first frame | ${kb(later)} | |\n`;
    if (name === "ours") oursFirst = first;
  }
  md += "\nBudget: first load ≤ 150 KB gzipped, on the way to 120 KB.\n\n";
  return { md, ours: oursFirst };
}

function firstFrameSection(rounds) {
  const names = Object.keys(rounds[0].loads);
  const per = (n, k) => rounds.map((r) => r.loads[n][k]);
  const ratioTo = (n) => spread(rounds.map((r) => r.loads.ours.firstFrame / r.loads[n].firstFrame));
  let md = "## 2. First complete frame and interactive (1280×720, Shandong set, ms after navigation)\n\n| page | first frame | interactive | ours ÷ this, first frame | first frame per round |\n|---|---:|---:|---:|---|\n";
  for (const n of names) {
    md += `| ${n} | ${fmt(median(per(n, "firstFrame")), 0)} | ${fmt(median(per(n, "interactive")), 0)} | ${n === "ours" ? "" : span(ratioTo(n))} | ${per(n, "firstFrame").map((x) => fmt(x, 0)).join(", ")} |\n`;
  }
  md += "\nOurs is interactive once the whole map's module has arrived and taken over from the first frame's (pan, zoom, hover, the panels).\n\n";
  return { md, d3: ratioTo("d3"), echarts: ratioTo("echarts") };
}

function importSection(rounds) {
  const ms = rounds.map((r) => r.imports.ms);
  const floor = rounds.map((r) => r.floorWorldLoad);
  const r = spread(rounds.map((x) => x.imports.ms / x.floorWorldLoad));
  let md = `## 4. The world file through the page's importer (1280×720)\n\n`;
  md += `\`world_twin_cities.csv\` (25,917 pairs, 1.8 MB) through the page's importer, from the call to the first frame that shows it (${rounds[0].imports.ties} ties drawn): ${fmt(median(ms), 0)} ms (rounds: ${ms.map((x) => fmt(x, 0)).join(", ")}). The floor page's whole load of the same links (navigation to its first frame, the 23 MB GeoJSON of densified links included): ${fmt(median(floor), 0)} ms (rounds: ${floor.map((x) => fmt(x, 0)).join(", ")}). Ours ÷ floor: ${span(r)}.\n\n`;
  const stages = {};
  for (const x of rounds) for (const [k, v] of x.imports.stages) (stages[k] ??= []).push(v);
  if (Object.keys(stages).length) {
    md += "| stage | ms (median) | rounds |\n|---|---:|---|\n";
    for (const [k, v] of Object.entries(stages)) md += `| ${k} | ${fmt(median(v), 0)} | ${v.map((x) => fmt(x, 0)).join(", ")} |\n`;
    md += "\n";
  }
  return { md, ratio: r, ours: median(ms), floor: median(floor) };
}

function idleSection(idle) {
  let md = "## 5. Idle (1280×720, Shandong set, 3 s with nothing moving)\n\n| page | frames per second | main-thread busy share |\n|---|---:|---:|\n";
  for (const [name, v] of Object.entries(idle)) md += `| ${name} | ${v.framesPerSecond == null ? "–" : fmt(v.framesPerSecond, 2)} | ${(100 * v.cpuShare).toFixed(2)} % |\n`;
  return md + "\n";
}

function soakSection(soak) {
  const s = soak.samples;
  let md = `## 6. The long-running presenter (${soak.hours} simulated hours)\n\n`;
  md += `Presenter mode (\`mode=present\`) playing the timeline in a loop at speed 1, fast-forwarded: a frame every ${soak.stepMs} ms of simulated time (${soak.events.frames} frames, ${soak.events.loops} loops, ${fmt(soak.seconds, 0)} s of real time), the language switched every ${SCHEDULE.language} minutes (${soak.events.language} times), the projection switched through the page's selector every ${SCHEDULE.projection} minutes to the globe or the equirectangular map and ${SCHEDULE.away} minutes later back to Natural Earth (${soak.events.projection} switches), a filter change every ${SCHEDULE.filter} minutes through the element's \`filter\` (${soak.events.filter}, the presenter then playing again). Sampled after three forced collections; hour 1 ends the warm-up hour (one-time caches: compiled code, fonts, both languages, every projection).\n\n`;
  md += "| after hour | wasm memory | JS heap | DOM nodes | JS event listeners |\n|---:|---:|---:|---:|---:|\n";
  for (const x of s) md += `| ${x.hour} | ${kb(x.wasm)} KB | ${kb(x.heap)} KB | ${x.nodes} | ${x.listeners} |\n`;
  const grow = (k) => Math.max(...s.slice(1).map((x) => x[k])) - s[0][k];
  const out = { wasm: grow("wasm"), heap: grow("heap"), nodes: grow("nodes") };
  md += `\nLargest growth after the warm-up hour: wasm ${kb(out.wasm)} KB, JS heap ${kb(out.heap)} KB, DOM nodes ${out.nodes} (budget: within 1 MB, no growth in DOM nodes).\n\n`;
  return { md, ...out };
}
