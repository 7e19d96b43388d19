// The benchmark: our map and its peers (a plain floor, a d3-geo canvas page, an ECharts `lines`
// page) doing the same work in one headless Chromium run; writes docs/PERFORMANCE.md. Run
// through scripts/bench.sh (it builds the map first).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT, serve } from "./lib/server.mjs";
import { LABEL_VIEW, importWorld, ours, peer, stats, timeFrames } from "./lib/pages.mjs";
import { soak } from "./lib/soak.mjs";
import { idle } from "./lib/idle.mjs";
import { report } from "./lib/report.mjs";

const env = (k, d) => Number(process.env[k] || d);
const CONFIG = {
  rounds: env("BENCH_ROUNDS", 3),
  frames: env("BENCH_FRAMES", 120),
  worldFrames: env("BENCH_WORLD_FRAMES", 40),
  sizes: [{ width: 1280, height: 720 }, { width: 3840, height: 2160 }],
  started: new Date(),
};
const log = (s) => process.stderr.write(`bench: [${((Date.now() - CONFIG.started) / 1000).toFixed(0)} s] ${s}\n`);

const { base, close } = await serve();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--enable-precise-memory-info"],
});
CONFIG.chromium = browser.version();
const PAGES = { ours: ours(browser, base), floor: peer(browser, base, "floor"), d3: peer(browser, base, "d3"), echarts: peer(browser, base, "echarts") };

// The peers draw what our page shows: the links exported by the page itself (for the world
// file, after its importer has placed every partner in its country).
log("exporting the links from the page");
for (const data of ["shandong", "world"]) {
  const o = await PAGES.ours({ width: 1280, height: 720 }, data);
  const geojson = await o.page.evaluate(() => window.friendshipMap.export("geojson"));
  writeFileSync(join(ROOT, `bench/out/${data}.geojson`), geojson);
  // What a careful page would fetch: each link's ends and kind, `[lon1, lat1, lon2, lat2, 0|1]`
  // (1: friendly), with numbers rounded to 0.0001°; the peers densify the great circles.
  const r4 = (v) => Math.round(v * 1e4) / 1e4;
  const compact = JSON.parse(geojson).features.map((f) => {
    const lines = f.geometry.type === "LineString" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const [a, b] = [lines[0][0], lines[lines.length - 1].at(-1)];
    return [r4(a[0]), r4(a[1]), r4(b[0]), r4(b[1]), f.properties.kind === "friendly" ? 1 : 0];
  });
  writeFileSync(join(ROOT, `bench/out/${data}.links.json`), JSON.stringify(compact));
  await o.context.close();
}

/// The cases of one round: [data, size, pages, kinds, frames, options].
function cases() {
  const out = [];
  const all = ["ours", "floor", "d3", "echarts"];
  for (const size of CONFIG.sizes) {
    out.push(["shandong", size, all, ["pan", "zoom"], CONFIG.frames, {}]);
    out.push(["world", size, all, ["pan", "zoom"], CONFIG.worldFrames, {}]);
  }
  // Names: a view where many partners are named in every frame (the peers draw no names; the
  // floor is there for scale).
  for (const data of ["shandong", "world"]) {
    out.push([data, CONFIG.sizes[0], ["ours", "floor"], ["pan"], CONFIG.frames, { view: LABEL_VIEW, label: true }]);
  }
  return out;
}

const rounds = [];
for (let round = 0; round < CONFIG.rounds; round++) {
  const r = { rows: [], loads: {}, imports: null, floorWorldLoad: null };
  const t0 = Date.now();
  for (const [data, size, pages, kinds, frames, options] of cases()) {
    for (const name of pages) {
      log(`round ${round + 1}/${CONFIG.rounds} ${data} ${size.width}x${size.height} ${name}${options.label ? " (names)" : ""}`);
      const o = await PAGES[name](size, data, options);
      if (data === "shandong" && size.width === 1280 && !options.label) r.loads[name] = { firstFrame: o.firstFrame, interactive: o.interactive, resources: o.resources };
      if (data === "world" && size.width === 1280 && !options.label && name === "floor") r.floorWorldLoad = o.firstFrame;
      const labels = options.label && name === "ours" ? await o.page.evaluate(() => window.bench.labels()) : null;
      const playing = name === "ours" && data === "shandong" && !options.label ? ["play"] : [];
      for (const kind of [...kinds, ...playing]) {
        if (kind === "play") await o.page.evaluate(() => { window.friendshipMap.dispatch({ type: "playback", speed: 1, loop: true, animate: true }); window.friendshipMap.dispatch({ type: "play" }); });
        const row = { data, size: `${size.width}×${size.height}`, page: name, kind: options.label ? "pan, names" : kind, labels };
        r.rows.push({ ...row, ...stats(await timeFrames(o.page, kind, frames)) });
      }
      await o.context.close();
    }
  }
  log(`round ${round + 1}/${CONFIG.rounds} import`);
  const o = await PAGES.ours(CONFIG.sizes[0], "shandong");
  r.imports = await importWorld(o.page);
  await o.context.close();
  rounds.push(r);
  log(`round ${round + 1}/${CONFIG.rounds} took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

log("idle");
const idleFigures = {};
for (const name of ["ours", "d3", "echarts"]) idleFigures[name] = await idle(PAGES[name], name);

log(`presenter soak (${process.env.BENCH_SOAK_HOURS || 2} presenter hours)`);
const o = await PAGES.ours(CONFIG.sizes[0], "shandong");
const soakFigures = await soak(o.page, o.context);
await o.context.close();
await browser.close();
close();

// The native split of the world import by stage (scripts/bench.sh writes it), if there is one.
const stagesFile = process.env.BENCH_IMPORT_STAGES;
const stages = stagesFile && existsSync(stagesFile)
  ? readFileSync(stagesFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [];
CONFIG.seconds = (Date.now() - CONFIG.started) / 1000;
const figures = { config: CONFIG, rounds, idle: idleFigures, soak: soakFigures, stages };
// The raw figures too, so the report can be written again without a run (bench/rereport.mjs).
writeFileSync(join(ROOT, "bench/out/figures.json"), JSON.stringify(figures));
writeFileSync(join(ROOT, "docs/PERFORMANCE.md"), report(figures));
log("wrote docs/PERFORMANCE.md");
