// The report's measured sections, each `{md, …figures the budgets need}`.
import { gzBytes } from "./server.mjs";
import { SCHEDULE } from "./soak.mjs";
import { Frames, fmt, kb, median, span, spread } from "./figures.mjs";

const PEERS = ["floor", "d3", "echarts"];

/// 1. Bytes per asset, gzipped, for the Shandong set at 1280×720 (the first round's requests).
export function bytesSection(rounds) {
  let md = "## 1. Bytes (gzip -9, per asset, Shandong set)\n\nThe first load is every request the page made before its first complete frame; ours loads the 1:50m basemap after it.\n\n| page | asset | KB gz | when |\n|---|---|---:|---|\n";
  const totals = {};
  for (const [name, l] of Object.entries(rounds[0].loads)) {
    const sizes = gzBytes(l.resources.map((r) => r.name));
    let first = 0, later = 0;
    for (const r of l.resources) {
      const b = sizes[r.name];
      if (b == null) continue;
      const before = r.start <= l.firstFrame;
      if (before) first += b; else later += b;
      const shared = r.name.includes("/out/") || r.name.includes("world-atlas") ? " (data)" : "";
      md += `| ${name} | ${r.name}${shared} | ${kb(b)} | ${before ? "first load" : "after the first frame"} |\n`;
    }
    md += `| **${name}** | **first load** | **${kb(first)}** | |\n`;
    if (later) md += `| ${name} | after the first frame | ${kb(later)} | |\n`;
    totals[name] = first;
  }
  md += "\nThe peers' links are the map's own export as GeoJSON (\"data\"), larger than the map's embedded CSV; their code is what to compare.\n\n";
  return { md, ours: totals.ours };
}

/// 2. First complete frame (navigation to a drawn and rasterised frame), 1280×720.
export function firstFrameSection(rounds) {
  const names = Object.keys(rounds[0].loads);
  const per = (n, k) => rounds.map((r) => r.loads[n][k]);
  const ratioTo = (n) => spread(rounds.map((r) => r.loads.ours.firstFrame / r.loads[n].firstFrame));
  let md = "## 2. First complete frame (1280×720, Shandong set, ms after navigation)\n\n";
  md += "Ours: the performance mark `friendship-map:first-frame`, then a one-pixel read-back; the peers: their first frame drawn and read back. Interactive: ours once the page says `data-ready` (panels wired).\n\n";
  md += "| page | first frame | interactive | ours ÷ this | per round |\n|---|---:|---:|---:|---|\n";
  for (const n of names) {
    md += `| ${n} | ${fmt(median(per(n, "firstFrame")), 0)} | ${fmt(median(per(n, "interactive")), 0)} | ${n === "ours" ? "" : span(ratioTo(n))} | ${per(n, "firstFrame").map((x) => fmt(x, 0)).join(", ")} |\n`;
  }
  return { md: md + "\n", d3: ratioTo("d3"), echarts: ratioTo("echarts") };
}

/// 3. Frame times and ratios by case.
export function framesSection(rounds) {
  const f = new Frames(rounds);
  let md = "## 3. Frames while panning, zooming and playing (ms)\n\n";
  md += "A frame is the change (a 7–9 px pan; a 7 % zoom step, in for half the frames then out; a 16 ms playback step) plus the drawing and a one-pixel read-back, one per animation frame. Cells: p50 / p95.\n\n";
  md += "| data | size | interaction | ours | floor | d3-geo | ECharts |\n|---|---|---|---:|---:|---:|---:|\n";
  const cell = (c, p) => { const s = f.stat(c, p); return s ? `${fmt(s.p50)} / ${fmt(s.p95)}` : "–"; };
  for (const c of f.cases()) {
    const names = c.labels != null ? ` (${c.labels} names)` : "";
    md += `| ${c.data} | ${c.size} | ${c.kind}${names} | ${cell(c, "ours")} | ${PEERS.map((p) => cell(c, p)).join(" | ")} |\n`;
  }
  md += "\nOurs ÷ each peer, taken within each round: median (lowest–highest), p50; p95.\n\n";
  md += "| data | size | interaction | ÷ floor | ÷ d3-geo | ÷ ECharts |\n|---|---|---|---|---|---|\n";
  for (const c of f.cases()) {
    if (f.pages(c).length < 2) continue;
    const cells = PEERS.map((p) => (f.pages(c).includes(p) ? `${span(f.ratio(c, p, "p50"))}; ${span(f.ratio(c, p, "p95"))}` : "–"));
    md += `| ${c.data} | ${c.size} | ${c.kind} | ${cells.join(" | ")} |\n`;
  }
  md += "\nThe \"pan, names\" rows pan at `view=4,8,49` (western Europe at 4×), where the map names many partners in every frame; the floor draws no names and is there for scale. ECharts' world zoom steps are its `geoRoam` zoom about the canvas centre, as a wheel does.\n\n";
  return { md, frames: f };
}

/// 4. The world file through the page's importer, against the floor page's whole load.
export function importSection(rounds, stages) {
  const ms = rounds.map((r) => r.imports.ms);
  const floor = rounds.map((r) => r.floorWorldLoad);
  const ratio = spread(rounds.map((x) => x.imports.ms / x.floorWorldLoad));
  let md = "## 4. The world file: import until its first frame (1280×720)\n\n";
  md += `\`world_twin_cities.csv\` (25,917 pairs, 1.8 MB) through the page's own importer (\`data.loadSrc\`: fetch, read, parse, match countries, check placements on the 1:50m basemap, densify, project), from the call to the first frame that shows it, read back (${rounds[0].imports.ties} ties drawn): **${fmt(median(ms), 0)} ms** (rounds: ${ms.map((x) => fmt(x, 0)).join(", ")}). `;
  md += `The floor page's whole load of the same links (navigation to its first frame: its scripts, the 22 MB GeoJSON of densified links, parsing and projecting them): **${fmt(median(floor), 0)} ms** (rounds: ${floor.map((x) => fmt(x, 0)).join(", ")}). Ours ÷ floor: ${span(ratio)}.\n\n`;
  const page = {};
  for (const x of rounds) for (const [k, v] of x.imports.stages) (page[k] ??= []).push(v);
  if (Object.keys(page).length) {
    md += "In the page, timed around the handle's three import calls (`importStart`, `importPlace`, `importFinish`), which the page makes with a paint of its progress bar between them:\n\n| stage (in the page) | ms (median) |\n|---|---:|\n";
    for (const [k, v] of Object.entries(page)) md += `| ${k} | ${fmt(median(v), 0)} |\n`;
    md += "\n";
  } else md += "The page does not expose the import's stages. ";
  if (stages.length) {
    md += `The same import natively (\`cargo run --release --example import_stages\`, the median of ${stages[0].runs} warm runs; wasm in the browser is slower, and the page adds the fetch, the copy into wasm and the raster):\n\n| stage (native) | ms |\n|---|---:|\n`;
    for (const s of stages) md += `| ${s.stage} | ${fmt(s.ms)} |\n`;
    md += "\n";
  } else md += "(The native split, `examples/import_stages.rs`, did not run.)\n\n";
  return { md, ratio, ours: median(ms), floor: median(floor) };
}

/// 5. Idle: frames and main-thread time with nothing moving.
export function idleSection(idle) {
  let md = "## 5. Idle (1280×720, Shandong set, 3 s with nothing moving)\n\n| page | frames per second | main-thread busy share |\n|---|---:|---:|\n";
  for (const [name, v] of Object.entries(idle)) md += `| ${name} | ${v.framesPerSecond == null ? "–" : fmt(v.framesPerSecond, 2)} | ${(100 * v.cpuShare).toFixed(2)} % |\n`;
  return md + "\n(Frames are counted by the map itself; the peers draw only when told, except ECharts' effect trails.)\n\n";
}

/// 6. The presenter soak: what it equals, and memory after each leg.
export function soakSection(soak) {
  const s = soak.samples;
  const e = soak.events;
  let md = `## 6. The long-running presenter (${fmt(soak.hours, 2)} presenter hours in ${fmt(soak.seconds / 60, 1)} minutes)\n\n`;
  md += `Presenter mode (\`mode=present\`) playing the timeline in a loop, faster than real time: every frame is one \`advance(250)\` (the page's hook for playback time without waiting; 250 ms is the longest tick it takes) at playback speed ${soak.speed}, so each frame moves the timeline on a year and stands for ${fmt(soak.frameMs / 1000, 1)} s of a presenter at speed 1. `;
  md += `After a warm-up leg (one-time caches: compiled code, fonts, both languages, every projection) it ran **${fmt(soak.hours, 2)} presenter hours: ${e.frames} frames, ${e.loops} loops of the timeline**, the language switched every ${SCHEDULE.language} minutes (${e.language} switches), the projection switched through the page's selector every ${SCHEDULE.projection} minutes to the globe or the equirectangular map and back ${SCHEDULE.away} minutes later (${e.projection} switches), the filter changed every ${SCHEDULE.filter} minutes through the element's \`filter\` (${e.filter} changes, the presenter then playing again). `;
  md += `So it equals that long a day of presenting in year changes, loops (a loop stands for ${fmt((soak.hours * 3600) / Math.max(1, e.loops), 0)} s here; at speed 1 one takes about 72 s), language, projection and filter changes; it skips the in-between frames of each year's growth animation. Real time per frame, each a year change with its caption, names and panels: ${fmt(soak.msPerFrame, 0)} ms. `;
  md += "Memory is sampled with the timeline stopped (the same picture and panels each time) after three forced collections.\n\n";
  md += "| after (presenter hours) | wasm memory | JS heap | DOM nodes | JS event listeners |\n|---:|---:|---:|---:|---:|\n";
  for (const x of s) md += `| ${fmt(x.hour, 2)} | ${kb(x.wasm)} KB | ${kb(x.heap)} KB | ${x.nodes} | ${x.listeners} |\n`;
  const grow = (k, from = 0) => Math.max(...s.slice(from + 1).map((x) => x[k])) - s[from][k];
  // A leak keeps growing: the second half must add nothing (a node that appears once, such as a
  // text node where a label was empty at the first sample, is not one).
  const half = Math.floor((s.length - 1) / 2);
  const out = { wasm: grow("wasm"), heap: grow("heap"), nodes: grow("nodes"), nodesLate: grow("nodes", half) };
  md += `\nLargest growth after the warm-up leg: wasm ${kb(out.wasm)} KB, JS heap ${kb(out.heap)} KB, DOM nodes ${out.nodes} (${out.nodesLate} over the second half, after ${fmt(s[half].hour, 2)} presenter hours).`;
  md += soak.aligned ? "\n\n" : " (Legs shorter than an hour end at different points of the schedule, with another filter or language: the DOM nodes are not comparable.)\n\n";
  return { md, ...out };
}
