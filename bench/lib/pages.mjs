// Opening each page (ours and its peers) and timing frames inside it.

/// A label-heavy view, `zoom,lon,lat` (western Europe at 4×: many partners named per frame).
export const LABEL_VIEW = [4, 8, 49];

/// Our map: `dist/index.html` under its CSP, the world set through the page's own importer.
export function ours(browser, base) {
  return async function open(size, data, { view } = {}) {
    const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1 });
    await context.addInitScript(() => {
      // The map's test hooks (a class apart from its handle).
      Object.defineProperty(window, "fmd", { get: () => document.querySelector("friendship-map")?.diagnostics() });
    });
    const page = await context.newPage();
    // The map marks its first drawn frame; as on the peers' pages, the canvas is then
    // rasterised (one pixel read back) before the time is taken.
    await page.addInitScript(() => {
      const mark = performance.mark.bind(performance);
      performance.mark = (name, ...rest) => {
        const r = mark(name, ...rest);
        if (name === "friendship-map:first-frame" && !window.benchFirstFrame) {
          document.querySelector("friendship-map").shadowRoot.querySelector("canvas").getContext("2d").getImageData(0, 0, 1, 1);
          window.benchFirstFrame = performance.now();
        }
        return r;
      };
    });
    const query = view && data !== "world" ? `?view=${view.join(",")}` : "";
    await page.goto(`${base}/dist/index.html${query}`);
    await page.waitForFunction(() => window.benchFirstFrame, null, { timeout: 60000 });
    const firstFrame = await page.evaluate(() => window.benchFirstFrame);
    await page.waitForSelector("html[data-ready=true]", { timeout: 60000 });
    const interactive = await page.evaluate(() => performance.now());
    const resources = await page.evaluate(() => [
      { name: location.pathname, start: 0 },
      ...performance.getEntriesByType("resource").map((e) => ({ name: new URL(e.name).pathname, start: e.startTime })),
    ]);
    let imported = null;
    if (data === "world") imported = await importWorld(page);
    if (view && data === "world") await page.evaluate((v) => window.friendshipMap.dispatch({ type: "query", query: `view=${v.join(",")}` }).warnings, view);
    await page.evaluate(() => {
      const c = document.querySelector("friendship-map").shadowRoot.querySelector("#map canvas");
      const ctx = c.getContext("2d");
      const m = window.friendshipMap;
      const d = window.fmd;
      window.bench = {
        pan: (dx, dy) => m.dispatch({ type: "pan", dx, dy }),
        zoom: (k) => m.dispatch({ type: "zoom", factor: k }),
        frame: () => { m.render(); ctx.getImageData(0, 0, 1, 1); },
        playFrame: () => { d.advance(16); ctx.getImageData(0, 0, 1, 1); },
        labels: () => d.labels().length,
      };
    });
    return { page, context, firstFrame, interactive, resources, imported };
  };
}

/// Imports the shared world file through the page's importer and waits for the first frame
/// that shows it: `{ms, stages, ties}`. The stages are timed around the handle's three import
/// calls, which the page makes with a paint of its progress bar between them.
export async function importWorld(page) {
  // The page is at rest first (its panels, the detailed basemap's fetch are not timed).
  await page.waitForTimeout(300);
  return page.evaluate(async () => {
    const el = document.querySelector("friendship-map");
    const m = window.friendshipMap;
    const ctx = el.shadowRoot.querySelector("#map canvas").getContext("2d");
    const calls = [];
    const names = { importStart: "read and parse", importPlace: "place partners (1:50m)", importFinish: "densify, project, show" };
    // The page's import dispatches its three stages: each is timed.
    const dispatch = m.dispatch;
    m.dispatch = (c) => {
      const t = performance.now();
      try { return dispatch.call(m, c); } finally { if (names[c?.type]) calls.push([c.type, t, performance.now()]); }
    };
    const t0 = performance.now();
    await el.data.loadSrc("/shared/world_twin_cities.csv", "world-twin-cities");
    // The map paints the new data on its next animation frame.
    while (window.fmd.tieCount() < 20000) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => requestAnimationFrame(r));
    ctx.getImageData(0, 0, 1, 1);
    const t1 = performance.now();
    m.dispatch = dispatch;
    const stages = [];
    if (calls.length) {
      stages.push(["fetch the file (and the 1:50m basemap if not there yet)", calls[0][1] - t0]);
      for (const [name, a, b] of calls) stages.push([names[name], b - a]);
      const inCalls = calls.reduce((sum, [, a, b]) => sum + b - a, 0);
      stages.push(["between and after: progress paints, panels, first frame", t1 - t0 - stages[0][1] - inCalls]);
    }
    return { ms: t1 - t0, stages, ties: window.fmd.tieCount() };
  });
}

/// A peer page (`floor`, `d3`, `echarts`): it sets `window.bench` once its first frame is drawn.
export function peer(browser, base, name) {
  return async function open(size, data, { view } = {}) {
    const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${base}/bench/${name}.html?data=${data}`);
    await page.waitForFunction(() => window.bench, null, { timeout: 180000 });
    const firstFrame = await page.evaluate(() => window.bench.firstFrame);
    const resources = await page.evaluate(() => [
      { name: location.pathname + location.search, start: 0 },
      ...performance.getEntriesByType("resource").map((e) => ({ name: new URL(e.name).pathname, start: e.startTime })),
    ]);
    if (view) await page.evaluate((v) => window.bench.view(...v), view);
    return { page, context, firstFrame, interactive: firstFrame, resources };
  };
}

/// Times `n` frames of an interaction inside the page, one per animation frame: the change
/// (pan, zoom, playback step), the drawing and a forced raster, ms. Five warm-up frames first.
export function timeFrames(page, kind, n) {
  return page.evaluate(async ([kind, n]) => {
    const b = window.bench, out = [];
    for (let i = 0; i < n + 5; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const t0 = performance.now();
      if (kind === "pan") b.pan(i % 2 ? -7 : 9, i % 3 ? 3 : -4);
      // One pinch: in by 7 % a frame for the first half, then back out.
      else if (kind === "zoom") b.zoom(i < (n + 5) / 2 ? 1.07 : 1 / 1.07);
      kind === "play" ? b.playFrame() : b.frame();
      if (i >= 5) out.push(performance.now() - t0);
    }
    return out;
  }, [kind, n]);
}

/// p50, p95 and max of a sample.
export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))];
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}
