// The benchmark: our map and its peers (a plain-JS Path2D floor, a d3-geo canvas page, an
// ECharts `lines` page) doing the same work in one headless Chromium run; writes
// docs/PERFORMANCE.md. Run through scripts/bench.sh (it builds and prepares the data).
import { createServer } from "node:http";
import { readFileSync, existsSync, statSync, writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import os from "node:os";
import { chromium } from "playwright-core";

const ROOT = new URL("..", import.meta.url).pathname;
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; base-uri 'none'; form-action 'none'";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".json": "application/json", ".geojson": "application/json", ".svg": "image/svg+xml",
  ".bin": "application/octet-stream", ".csv": "text/csv" };
const MOUNTS = [["/dist/", "dist"], ["/bench/", "bench/pages"], ["/vendor/", "bench/node_modules"], ["/out/", "bench/out"],
  ["/shared/", "../shared/data"]];
const FRAMES = Number(process.env.BENCH_FRAMES || 40);
const LOOPS = Number(process.env.BENCH_LOOPS || 1000);
const FILTER_CHANGES = Number(process.env.BENCH_FILTER_CHANGES || 10000);
// Rounds of the page-by-page measurements, interleaved (every page once per round), so a slow
// spell of this shared machine lands on all pages alike; figures are medians over the rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function fileFor(url) {
  const path = decodeURIComponent(new URL(url, "http://x").pathname);
  for (const [prefix, dir] of MOUNTS) {
    if (path.startsWith(prefix)) {
      let f = normalize(join(ROOT, dir, path.slice(prefix.length)));
      if (existsSync(f) && statSync(f).isDirectory()) f = join(f, "index.html");
      return f;
    }
  }
  return null;
}

const server = createServer((req, res) => {
  const f = fileFor(req.url);
  if (!f || !existsSync(f)) { res.writeHead(404); res.end(); return; }
  const headers = { "Content-Type": TYPES[extname(f)] || "application/octet-stream", "Cache-Control": "no-store" };
  if (req.url.startsWith("/dist/")) headers["Content-Security-Policy"] = CSP;
  res.writeHead(200, headers);
  res.end(readFileSync(f));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const BASE = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--enable-precise-memory-info"],
});

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};

async function open(url, size, init) {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1 });
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, context, requests };
}

/// Gzipped bytes of every same-origin request a page made, per file.
function bytes(requests) {
  const out = {};
  for (const u of new Set(requests)) {
    const f = fileFor(u.replace(BASE, ""));
    if (f && existsSync(f) && statSync(f).isFile()) out[u.replace(BASE, "")] = gzipSync(readFileSync(f), { level: 9 }).length;
  }
  return out;
}

// ---- our map ----
const OURS = {
  async open(size, data) {
    // The map marks its first drawn frame; as on the peers' pages, the canvas is then
    // rasterised (one pixel read back) before the time is taken.
    const o = await open(`${BASE}/dist/index.html`, size, () => {
      const mark = performance.mark.bind(performance);
      performance.mark = (name, ...rest) => {
        const r = mark(name, ...rest);
        if (name === "friendship-map:first-frame") {
          document.querySelector("friendship-map").shadowRoot.querySelector("canvas").getContext("2d").getImageData(0, 0, 1, 1);
          window.benchFirstFrame = performance.now();
        }
        return r;
      };
    });
    await o.page.waitForFunction(() => window.benchFirstFrame, null, { timeout: 60000 });
    const firstFrame = await o.page.evaluate(() => window.benchFirstFrame);
    await o.page.waitForSelector("html[data-ready=true]");
    const interactive = await o.page.evaluate(() => performance.now());
    if (data === "world") {
      await o.page.evaluate(async () => {
        const text = await (await fetch("/shared/world_twin_cities.csv")).text();
        window.friendshipMap.importData(text, { file: "world_twin_cities.csv", preset: "world-twin-cities" });
        window.friendshipMap.render();
      });
    }
    await o.page.evaluate(() => {
      const c = document.querySelector("friendship-map").shadowRoot.querySelector("canvas");
      const ctx = c.getContext("2d");
      const m = window.friendshipMap;
      window.bench = {
        pan: (dx, dy) => m.panBy(dx, dy),
        zoom: (k) => m.zoomBy(k),
        frame: () => { m.render(); ctx.getImageData(0, 0, 1, 1); },
        playFrame: () => { m.advance(16); ctx.getImageData(0, 0, 1, 1); },
      };
    });
    return { ...o, firstFrame, interactive };
  },
};

function peer(name) {
  return {
    async open(size, data) {
      const o = await open(`${BASE}/bench/${name}.html?data=${data}`, size);
      await o.page.waitForFunction(() => window.bench, null, { timeout: 120000 });
      const firstFrame = await o.page.evaluate(() => window.bench.firstFrame);
      return { ...o, firstFrame, interactive: firstFrame };
    },
  };
}

const PAGES = { ours: OURS, floor: peer("floor"), d3: peer("d3"), echarts: peer("echarts") };

/// Times `frames` frames of an interaction inside the page (draw + forced raster, ms).
async function timeFrames(page, kind) {
  return page.evaluate(([kind, n]) => {
    const b = window.bench, out = [];
    for (let i = 0; i < n + 5; i++) {
      if (kind === "pan") b.pan(i % 2 ? -7 : 9, i % 3 ? 3 : -4);
      // One pinch: in by 7 % a frame for the first half, then back out.
      else if (kind === "zoom") b.zoom(i < (n + 5) / 2 ? 1.07 : 1 / 1.07);
      const t0 = performance.now();
      kind === "play" ? b.playFrame() : b.frame();
      if (i >= 5) out.push(performance.now() - t0);
    }
    return out;
  }, [kind, FRAMES]);
}

const rounds = []; // per round: rows of {data, size, page, kind, p50, p95, max}
const loads = {}; // per page: first loads, one per round
const sizes = [{ width: 1280, height: 720 }, { width: 3840, height: 2160 }];
for (let round = 0; round < ROUNDS; round++) {
  const rows = [];
  for (const data of ["shandong", "world"]) {
    for (const size of sizes) {
      if (data === "world" && size.width > 1280 && process.env.BENCH_WORLD_4K !== "1") continue;
      for (const [name, page] of Object.entries(PAGES)) {
        process.stderr.write(`bench: round ${round + 1}/${ROUNDS} ${data} ${size.width}x${size.height} ${name}\n`);
        const o = await page.open(size, data);
        if (data === "shandong" && size.width === 1280) (loads[name] ??= []).push({ firstFrame: o.firstFrame, interactive: o.interactive, bytes: bytes(o.requests) });
        for (const kind of name === "ours" && data === "shandong" ? ["pan", "zoom", "play"] : ["pan", "zoom"]) {
          if (kind === "play") await o.page.evaluate(() => { window.friendshipMap.setPlaybackOptions(1, true, true); window.friendshipMap.play(); });
          rows.push({ data, size: `${size.width}×${size.height}`, page: name, kind, ...stats(await timeFrames(o.page, kind)) });
        }
        await o.context.close();
      }
    }
  }
  rounds.push(rows);
}
// Medians over the rounds (max: the largest seen).
const results = rounds[0].map((r) => {
  const same = rounds.map((rows) => rows.find((x) => x.data === r.data && x.size === r.size && x.page === r.page && x.kind === r.kind));
  return { ...r, p50: median(same.map((x) => x.p50)), p95: median(same.map((x) => x.p95)), max: Math.max(...same.map((x) => x.max)) };
});
// Ours over another page, p95 ÷ p95 within each round: [median, lowest, highest].
const roundRatios = (data, size, kind, page, pageKind = kind) => {
  const rs = rounds.map((rows) => {
    const get = (pg, k) => rows.find((x) => x.data === data && x.size === size && x.page === pg && x.kind === k)?.p95;
    return get("ours", kind) / get(page, pageKind);
  });
  return [median(rs), Math.min(...rs), Math.max(...rs)];
};
const firstLoad = Object.fromEntries(Object.entries(loads).map(([name, ls]) => [name, {
  firstFrame: median(ls.map((l) => l.firstFrame)), interactive: median(ls.map((l) => l.interactive)), bytes: ls[0].bytes,
  firstFrames: ls.map((l) => l.firstFrame),
}]));

// ---- idle, CPU and memory (ours) ----
process.stderr.write("bench: idle and memory\n");
const idle = {};
for (const name of ["ours", "d3", "echarts"]) {
  const o = await PAGES[name].open({ width: 1280, height: 720 }, "shandong");
  const cdp = await o.context.newCDPSession(o.page);
  await cdp.send("Performance.enable");
  await o.page.waitForTimeout(500);
  const metric = async () => Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
  const f0 = name === "ours" ? await o.page.evaluate(() => window.friendshipMap.framesDrawn()) : 0;
  const m0 = await metric();
  await o.page.waitForTimeout(3000);
  const m1 = await metric();
  const f1 = name === "ours" ? await o.page.evaluate(() => window.friendshipMap.framesDrawn()) : 0;
  idle[name] = { framesPerSecond: name === "ours" ? (f1 - f0) / 3 : null, cpuShare: (m1.TaskDuration - m0.TaskDuration) / (m1.Timestamp - m0.Timestamp) };
  await o.context.close();
}

const o = await OURS.open({ width: 1280, height: 720 }, "shandong");
const cdp = await o.context.newCDPSession(o.page);
// Three collections a moment apart: wasm-bindgen frees its JS wrappers from finalizers, which
// run after a collection.
const memory = async () => {
  for (let i = 0; i < 3; i++) { await cdp.send("HeapProfiler.collectGarbage"); await o.page.waitForTimeout(100); }
  return o.page.evaluate(() => ({ wasm: window.friendshipMap.wasmMemoryBytes(), heap: performance.memory.usedJSHeapSize }));
};
// Warm-up (one-time caches: compiled code, formatters, the first playback's steps), not counted.
await o.page.evaluate(() => {
  const m = window.friendshipMap;
  for (let i = 0; i < 100; i++) m.setFilter({ years: { mode: "range", from: 2000, to: 2000 + (i % 20) }, unknown_year: false, regions: [], cities: [], sister: true, friendly: true, city_level: true, province_level: true });
  m.setPlaybackOptions(20, true, true);
  m.play();
  let guard = 0;
  while (m.loops() < 10 && guard++ < 5e6) m.advance(100);
  m.stop();
});
const mem0 = await memory();
await o.page.evaluate((n) => {
  const m = window.friendshipMap;
  const a = { years: { mode: "range", from: 2000, to: 2020 }, unknown_year: false, regions: ["europe"], cities: [2], sister: true, friendly: true, city_level: true, province_level: true };
  const b = { years: { mode: "all" }, unknown_year: true, regions: [], cities: [], sister: true, friendly: false, city_level: true, province_level: true };
  for (let i = 0; i < n; i++) { m.setFilter(i % 2 ? a : b); if (i % 50 === 0) m.render(); }
  m.setFilter(b); m.render();
}, FILTER_CHANGES);
const mem1 = await memory();
const loopStart = Date.now();
await o.page.evaluate((loops) => {
  const m = window.friendshipMap;
  m.setPlaybackOptions(20, true, true);
  m.play();
  let guard = 0;
  while (m.loops() < loops && guard++ < 5e6) m.advance(100);
  m.pause();
}, LOOPS);
const loopSeconds = (Date.now() - loopStart) / 1000;
const mem2 = await memory();
await o.context.close();
await browser.close();
server.close();

// ---- report ----
const fmt = (x, d = 1) => (x == null ? "–" : x.toFixed(d));
const kb = (b) => (b / 1024).toFixed(1);
const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : "–");
// First frames: the median of the per-round ratios, like the frame times.
const ffRatio = (page) => median(loads.ours.map((l, i) => l.firstFrame / loads[page][i].firstFrame));
let md = `# Performance\n\nWritten by \`scripts/bench.sh\` on ${new Date().toISOString().slice(0, 10)}; regenerate and commit when performance changes.\n\n`;
md += `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}; headless Chromium (software raster, no GPU), device pixel ratio 1.\n`;
md += `Every page draws the same great-circle polylines (\`friendship-map export --format geojson\`; for the world set, \`--import ../shared/data/world_twin_cities.csv --layout world-twin-cities\`), in Natural Earth I centred on 150°E, with the same link widths and colours. A frame is timed inside the page from the change to the end of a forced raster (\`getImageData\` of one pixel), ${FRAMES} frames after 5 warm-up frames. Every page is measured in ${ROUNDS} interleaved rounds (each round visits every page once); a figure is the median over the rounds (max: the largest seen), and a ratio is the median of the ratios taken within each round, with their range.\n\n`;
md += "Pages: **ours** (the built map, `dist/index.html`, under its CSP); **floor** (plain JS: the links alone, one precomputed `Path2D` per kind stroked under a canvas transform, no basemap); **d3** (d3-geo 3.1 `geoPath` on canvas: sphere, graticule, land, borders and links re-projected every frame); **echarts** (ECharts 6.1 `geo` + `lines` series with polyline vertices, effect trails on for the Shandong set).\n\n";
md += "## 1. Bytes for the first complete frame (gzip -9, per asset)\n\n| page | asset | KB gz |\n|---|---|---:|\n";
for (const [name, f] of Object.entries(firstLoad)) {
  let total = 0;
  for (const [u, b] of Object.entries(f.bytes)) {
    if (u.includes("/out/") || u.includes("world-atlas")) { md += `| ${name} | ${u} (data, shared by peers) | ${kb(b)} |\n`; }
    else md += `| ${name} | ${u} | ${kb(b)} |\n`;
    total += b;
  }
  md += `| **${name}** | **total** | **${kb(total)}** |\n`;
}
md += "\nBudget: first load ≤ 120 KB gzipped.\n\n## 2. Time to first complete frame and to interactive (1280×720, Shandong set)\n\n| page | first frame ms | interactive ms | first frame vs ours |\n|---|---:|---:|---:|\n";
md = md.replace("| first frame vs ours |\n|---|---:|---:|---:|", "| first frame vs ours | first frame per round |\n|---|---:|---:|---:|---|");
for (const [name, f] of Object.entries(firstLoad)) md += `| ${name} | ${fmt(f.firstFrame, 0)} | ${fmt(f.interactive, 0)} | ${ratio(f.firstFrame, firstLoad.ours.firstFrame)} | ${f.firstFrames.map((x) => fmt(x, 0)).join(", ")} |\n`;
md += `\nBudget: ours ≤ 0.5× ECharts' (measured ${ffRatio("echarts").toFixed(2)}×, the median of the rounds' ratios) and no slower than d3's (measured ${ffRatio("d3").toFixed(2)}×).\n\n`;
md += "## 3–4. Frame times (ms) while panning, zooming and playing\n\n| data | size | interaction | page | p50 | p95 | max | ours p95 ÷ this p95 (range over rounds) |\n|---|---|---|---|---:|---:|---:|---:|\n";
const span = ([m, lo, hi]) => `${m.toFixed(2)} (${lo.toFixed(2)}–${hi.toFixed(2)})`;
for (const r of results) {
  md += `| ${r.data} | ${r.size} | ${r.kind} | ${r.page} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${r.page === "ours" ? "" : span(roundRatios(r.data, r.size, r.kind, r.page))} |\n`;
}
md += "\nBudgets: Shandong set p95 ≤ 1.3× the floor's (pan, zoom, playback; the playback row of ours compares with the floor's pan); world set p95 ≤ 0.3× d3's.\n\n";
md += `## 5. Idle (1280×720, Shandong set, 3 s with nothing moving)\n\n| page | frames per second | main-thread busy share |\n|---|---:|---:|\n`;
for (const [name, v] of Object.entries(idle)) md += `| ${name} | ${v.framesPerSecond == null ? "–" : fmt(v.framesPerSecond, 2)} | ${(100 * v.cpuShare).toFixed(2)} % |\n`;
md += `\n## 6. Memory (ours, after a forced garbage collection)\n\n| moment | wasm memory | JS heap |\n|---|---:|---:|\n`;
md += `| start (after a warm-up of 100 filter changes and 10 loops) | ${kb(mem0.wasm)} KB | ${kb(mem0.heap)} KB |\n| after ${FILTER_CHANGES} filter changes | ${kb(mem1.wasm)} KB | ${kb(mem1.heap)} KB |\n| after ${LOOPS} playback loops (${fmt(loopSeconds, 0)} s, fast-forwarded) | ${kb(mem2.wasm)} KB | ${kb(mem2.heap)} KB |\n`;
md += `\nGrowth over the long runs: wasm ${kb(mem2.wasm - mem0.wasm)} KB, JS heap ${kb(mem2.heap - mem0.heap)} KB (budget: within 1 MB).\n`;
// The verdicts, computed from the figures above (so they cannot go stale).
const verdict = (ok, by) => (ok ? "met" : `**not met**${by ? `, ${by}` : ""}`);
const oursBytes = Object.values(firstLoad.ours.bytes).reduce((a, b) => a + b, 0);
const ffE = ffRatio("echarts"), ffD = ffRatio("d3");
md += "\n## Budgets: met and not met (this run)\n\n| budget | measured | verdict |\n|---|---|---|\n";
md += `| first load ≤ 120 KB gzipped | ${kb(oursBytes)} KB | ${verdict(oursBytes <= 120 * 1024, `by ${kb(oursBytes - 120 * 1024)} KB`)} |\n`;
md += `| first frame ≤ 0.5× ECharts' and ≤ d3's | ${ffE.toFixed(2)}× ECharts', ${ffD.toFixed(2)}× d3's | ${verdict(ffE <= 0.5 && ffD <= 1)} |\n`;
for (const kind of ["pan", "zoom", "play"]) {
  const cells = sizes.map((sz) => {
    const size = `${sz.width}×${sz.height}`;
    return [size, roundRatios("shandong", size, kind, "floor", kind === "play" ? "pan" : kind)];
  });
  md += `| Shandong ${kind} p95 ≤ 1.3× floor${kind === "play" ? " (floor's pan)" : ""} | ${cells.map(([sz, r]) => `${span(r)}× at ${sz}`).join(", ")} | ${verdict(cells.every(([, [r]]) => r <= 1.3), cells.filter(([, [r]]) => r > 1.3).map(([sz, [r]]) => `${sz} by ${(r - 1.3).toFixed(2)}×`).join(", "))} |\n`;
}
for (const kind of ["pan", "zoom"]) {
  const r = roundRatios("world", "1280×720", kind, "d3");
  md += `| world ${kind} p95 ≤ 0.3× d3 (1280×720) | ${span(r)}× | ${verdict(r[0] <= 0.3, `by ${(r[0] - 0.3).toFixed(2)}×`)} |\n`;
}
md += `| zero frames while idle | ${fmt(idle.ours.framesPerSecond, 2)} frames/s, ${(100 * idle.ours.cpuShare).toFixed(2)} % main-thread busy | ${verdict(idle.ours.framesPerSecond === 0)} |\n`;
const grow = (k) => Math.max(mem1[k] - mem0[k], mem2[k] - mem0[k]);
md += `| memory flat within 1 MB (${FILTER_CHANGES} filter changes, ${LOOPS} loops) | wasm +${kb(grow("wasm"))} KB, JS heap +${kb(grow("heap"))} KB | ${verdict(grow("wasm") <= 1024 * 1024 && grow("heap") <= 1024 * 1024)} |\n`;
writeFileSync(join(ROOT, "docs/PERFORMANCE.md"), md + (process.env.BENCH_NOTES ? readFileSync(process.env.BENCH_NOTES, "utf8") : ""));
process.stderr.write("bench: wrote docs/PERFORMANCE.md\n");
