// docs/PERFORMANCE.md from one run's figures: the budgets of issue 13 with their verdicts first
// (computed from the figures, so they cannot go stale), then the method and every measured
// section; the hand-written notes follow.
import { readFileSync } from "node:fs";
import os from "node:os";
import { bytesSection, firstFrameSection, framesSection, idleSection, importSection, soakSection } from "./sections.mjs";
import { fmt, kb, span, verdict } from "./figures.mjs";

export function report({ config, rounds, idle, soak, stages }) {
  const load = bytesSection(rounds);
  const ff = firstFrameSection(rounds);
  const fr = framesSection(rounds);
  const imp = importSection(rounds, stages);
  const sk = soakSection(soak);
  const sizes = config.sizes.map((s) => `${s.width}×${s.height}`);
  let md = "# Performance\n\n";
  md += `Written by \`scripts/bench.sh\` on ${new Date(config.started).toISOString().slice(0, 10)} (${config.rounds} round${config.rounds > 1 ? "s" : ""}, ${fmt(config.seconds / 60, 0)} minutes); regenerate and commit when performance changes. Absolute times are this machine's and move by about ±30 % between runs; the ratios, taken within each round, are what count.\n\n`;
  md += budgets({ sizes, load, ff, fr, imp, idle, sk, soak });
  md += method(config);
  md += load.md + ff.md + fr.md + imp.md + idleSection(idle) + sk.md;
  const notes = process.env.BENCH_NOTES ? readFileSync(process.env.BENCH_NOTES, "utf8") : "";
  return md + notes;
}

/// The budgets of issue 13, each with its measured value and verdict.
function budgets({ sizes, load, ff, fr, imp, idle, sk, soak }) {
  const f = fr.frames;
  const at = (data, size, kind) => ({ data, size, kind });
  let md = "## Budgets (issue 13): met and not met in this run\n\nRatios are ours ÷ the other page, the median of the rounds' ratios with their range.\n\n| budget | measured | verdict |\n|---|---|---|\n";
  for (const kind of ["pan", "zoom"]) {
    const cells = sizes.map((sz) => [sz, f.ratio(at("world", sz, kind), "d3", "p50"), f.ratio(at("world", sz, kind), "floor", "p50")]);
    const ok = cells.every(([, d, fl]) => d && fl && d[0] <= 0.3 && fl[0] < 1);
    md += `| world ${kind} p50 ≤ 0.3× d3-geo's and below the floor's | ${cells.map(([sz, d, fl]) => `${sz}: ${span(d)}× d3, ${span(fl)}× floor`).join("; ")} | ${verdict(ok)} |\n`;
  }
  for (const kind of ["pan", "zoom"]) {
    const cells = sizes.map((sz) => [sz, f.ratio(at("shandong", sz, kind), "floor", "p95")]);
    const over = cells.filter(([, r]) => !r || r[0] > 1.3).map(([sz, r]) => (r ? `${sz} by ${(r[0] - 1.3).toFixed(2)}×` : `${sz} not measured`)).join(", ");
    md += `| Shandong ${kind} p95 ≤ 1.3× the floor's | ${cells.map(([sz, r]) => `${sz}: ${span(r)}×`).join("; ")} | ${verdict(!over, over)} |\n`;
  }
  md += `| world import to first frame ≤ 1.5× the floor page's whole load | ${span(imp.ratio)}× (${fmt(imp.ours, 0)} ms against ${fmt(imp.floor, 0)} ms) | ${verdict(imp.ratio[0] <= 1.5)} |\n`;
  md += `| first load ≤ 150 KB gzipped (on the way to 120 KB) | ${kb(load.ours)} KB | ${verdict(load.ours <= 150 * 1024, `by ${kb(load.ours - 150 * 1024)} KB`)}${load.ours <= 120 * 1024 ? " (120 KB too)" : ""} |\n`;
  md += `| first frame ≤ 1.0× d3-geo's and ≤ 0.5× ECharts' | ${span(ff.d3)}× d3's, ${span(ff.echarts)}× ECharts' | ${verdict(ff.d3[0] <= 1 && ff.echarts[0] <= 0.5)} |\n`;
  md += `| zero frames while idle | ${fmt(idle.ours.framesPerSecond, 2)} frames/s, ${(100 * idle.ours.cpuShare).toFixed(2)} % main-thread busy | ${verdict(idle.ours.framesPerSecond === 0)} |\n`;
  const flat = sk.wasm <= 1024 * 1024 && sk.heap <= 1024 * 1024 && (sk.nodesLate <= 0 || !soak.aligned);
  const nodes = `DOM nodes ${sk.nodes >= 0 ? "+" : ""}${sk.nodes}, +${sk.nodesLate} over the second half${soak.aligned ? "" : " (not comparable: legs under an hour)"}`;
  md += `| memory flat (wasm and JS heap within 1 MB; DOM nodes not growing: none added over the second half) over the presenter soak (${fmt(soak.hours, 2)} presenter hours, ${soak.events.loops} loops) | wasm +${kb(sk.wasm)} KB, JS heap +${kb(sk.heap)} KB, ${nodes} | ${verdict(flat)} |\n\n`;
  return md;
}

/// The machine and how everything was measured.
function method(config) {
  const cpu = os.cpus();
  let md = "## Machine and method\n\n";
  md += `${cpu.length} × ${cpu[0]?.model?.trim() ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}; headless Chromium ${config.chromium} (software raster, no GPU), device pixel ratio 1, one browser for the whole run, a fresh context per page visit. The machine is shared: other work may run beside the benchmark.\n\n`;
  md += `- **Pages.** **ours**: the built map, \`dist/index.html\` with its panels, under its CSP, driven through its handle (\`panBy\`, \`zoomBy\`, \`render\`, \`advance\`). **floor**: plain JS, the links as one precomputed \`Path2D\` per style (sister solid, friendly dashed) stroked once each at the map's widths, colours and dashes over a precomputed land fill (1:110m), under a canvas translate for pans and a scale for zooms; nothing else. **d3-geo**: d3-geo 3.1 \`geoPath\` on canvas, sphere, graticule, land, borders and links re-projected and re-stroked every frame. **ECharts**: ECharts 6.1, a \`geo\` component in the same projection with one \`lines\` series per kind (polyline vertices; \`large\` mode for the world set, effect trails for the Shandong set, progressive rendering off so a flushed frame is complete), panned and zoomed through its \`geoRoam\` action. ECharts lays the map out to its own fit of the land, so its scale differs from the others' by a few per cent.\n`;
  md += "- **Data.** Every page draws the same great-circle polylines, exported by the map's own page (`exportGeoJson()`; for the world set, after the page's importer has read `world_twin_cities.csv` and placed each partner in its country), in Natural Earth I centred on 150°E. The peers that project point by point (floor, ECharts) get the lines cut at the map's seam (30°W) as the map cuts them; d3-geo clips by itself.\n";
  md += `- **Frames.** Timed inside each page, one per animation frame: the change, the drawing and a one-pixel \`getImageData\` read-back (which makes Chromium raster the canvas). ${config.frames} frames per case (${config.worldFrames} for the world set) after 5 warm-up frames; p50 and p95 per case.\n`;
  md += `- **Rounds.** ${config.rounds} interleaved round${config.rounds > 1 ? "s" : ""}: each visits every case and page once, so a slow spell of the machine lands on all pages alike. A time is the median over the rounds; a ratio (ours ÷ another page) is taken within each round and reported as the median with the lowest and highest round in brackets.\n\n`;
  return md;
}
