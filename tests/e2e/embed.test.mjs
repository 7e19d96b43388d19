// End to end: embedding (two elements, hostile CSS, attributes, events), the iframe page,
// presenter mode, keyboard use, exports, and the one-file offline build.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { ARTIFACTS, launch, nextFrames, openPage, readCsv, settled, startServer, withDiagnostics } from "./harness.mjs";

const rows = readCsv("data/partnerships.csv");
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const page = (url, options = {}) => openPage(browser, url, options);

test("two elements on a host page with hostile CSS work independently", async () => {
  // A host page as an editor might have it: aggressive global CSS, two maps. Written into dist/
  // so it is served with the same CSP (no inline styles: the hostile CSS is a file too).
  writeFileSync("dist/test-host.css", `* { all: revert; font-size: 40px !important; color: red !important; }
    div, canvas, button { display: inline !important; width: 10px !important; border: 9px solid lime !important; }
    friendship-map { display: block; height: 480px; margin: 10px; }`);
  writeFileSync("dist/test-host.html", `<!doctype html><html><head><meta charset="utf-8">
    <link rel="icon" href="favicon.svg"><link rel="stylesheet" href="test-host.css"><script type="module" src="friendship-map.js"></script></head>
    <body><h1 id="host-title">Host page</h1>
    <friendship-map id="a" cities="Qingdao" kinds="sister"></friendship-map>
    <friendship-map id="b" lang="en" regions="europe" controls="none"></friendship-map></body></html>`);
  const { p, context, log } = await page(`${server.url}test-host.html`);
  await p.waitForFunction(() => [...document.querySelectorAll("friendship-map")].every((m) => m.dataset.ready === "true"));
  const [a, b] = await p.evaluate(() => [...document.querySelectorAll("friendship-map")].map((m) => m.summary().ties));
  assert.equal(a, rows.filter((r) => r.shandong_city === "Qingdao" && r.kind === "sister").length);
  const europe = new Set(readCsv("data/countries.csv").filter((c) => c.continent === "Europe").map((c) => c.alpha2));
  assert.equal(b, rows.filter((r) => europe.has(r.country)).length);
  // The host's CSS did not reach inside: the canvas keeps its size.
  const w = await p.evaluate(() => document.querySelector("#a").shadowRoot.querySelector("canvas").getBoundingClientRect().width);
  assert.ok(w > 500, `canvas width ${w}`);
  // ...and the element's CSS did not leak out.
  assert.equal(await p.evaluate(() => getComputedStyle(document.getElementById("host-title")).color), "rgb(255, 0, 0)");
  // Attribute changes update summary(); events fire.
  const events = p.evaluate(() => new Promise((resolve, reject) => {
    document.querySelector("#a").addEventListener("filterchange", (e) => resolve(e.detail), { once: true });
    setTimeout(() => reject(new Error("no filterchange event")), 5000);
  }));
  await p.evaluate(() => document.querySelector("#a").setAttribute("cities", "Jinan"));
  const detail = await events;
  assert.deepEqual(detail.cities, [1]);
  assert.equal(await p.evaluate(() => document.querySelector("#a").summary().ties), rows.filter((r) => r.shandong_city === "Jinan" && r.kind === "sister").length);
  assert.equal(await p.evaluate(() => document.querySelector("#b").summary().ties), b, "the other map is unchanged");
  await p.screenshot({ path: `${ARTIFACTS}two-elements-hostile-css.png`, fullPage: true });
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(server.url)), []);
  assert.deepEqual(log.errors.filter((e) => /Content Security Policy|Refused/.test(e)), []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the iframe page follows its frame and takes attributes from its URL", async () => {
  writeFileSync("dist/test-iframe.html", `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="favicon.svg"><link rel="stylesheet" href="test-iframe.css"></head>
    <body><iframe id="f" src="embed.html?lang=en&cities=Weihai&review-number=GS(2024)0000" title="map"></iframe></body></html>`);
  writeFileSync("dist/test-iframe.css", `iframe { width: 600px; height: 400px; border: 0; }`);
  const { p, context, log } = await page(`${server.url}test-iframe.html`);
  const frame = p.frameLocator("#f");
  await frame.locator("#reset").waitFor();
  const f = p.frames().find((x) => x.url().includes("embed.html"));
  await f.waitForFunction(() => window.friendshipMap);
  assert.equal((await f.evaluate(() => window.friendshipMap.snapshot().summary)).ties, rows.filter((r) => r.shandong_city === "Weihai").length);
  assert.equal(await frame.locator("#reset").innerText(), "Reset view");
  assert.match(await frame.locator("#review").innerText(), /GS\(2024\)0000/);
  const w0 = await f.evaluate(() => window.fmd.view().width);
  await p.evaluate(() => { document.getElementById("f").style.width = "1200px"; });
  await f.waitForFunction((w) => window.fmd.view().width > w, w0);
  await p.screenshot({ path: `${ARTIFACTS}iframe.png` });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the iframe page's query takes the element's attribute names; unknown keys are shown on the map", async () => {
  const { p, context, log } = await page(`${server.url}embed.html?as-of=1995&projection=globe&selected=Qingdao&colour=red`);
  await p.waitForSelector("html[data-ready=true]");
  assert.deepEqual(await p.evaluate(() => window.friendshipMap.snapshot().filter.years), { mode: "asof", year: 1995 });
  assert.equal(await p.evaluate(() => window.friendshipMap.snapshot().projection), "globe");
  assert.equal(await p.evaluate(() => window.friendshipMap.snapshot().selected), "Qingdao");
  // The unknown key is named on the map for an editor previewing the page, and in the console.
  const notice = p.locator("#notice");
  await notice.waitFor({ state: "visible" });
  assert.match(await notice.innerText(), /未识别的网址参数：colour/);
  assert.deepEqual(log.errors, ["unknown URL parameter colour"]);
  await p.screenshot({ path: `${ARTIFACTS}embed-unknown-key.png` });
  await p.click("#notice-close");
  await notice.waitFor({ state: "hidden" });
  // The short keys are the same vocabulary.
  const short = await page(`${server.url}embed.html?asof=1995&proj=globe&sel=Qingdao`);
  await short.p.waitForSelector("html[data-ready=true]");
  assert.equal(await short.p.evaluate(() => window.friendshipMap.query()), await p.evaluate(() => window.friendshipMap.query()));
  assert.equal(await short.p.locator("#notice").isHidden(), true);
  await short.context.close();
  await context.close();
});

test("keyboard alone: reach the map, pan, zoom, play and filter", async () => {
  const { p, context } = await page(server.url);
  await p.waitForSelector("html[data-ready=true]");
  // Tab to the map canvas and use the keys.
  let reached = false;
  for (let i = 0; i < 30 && !reached; i++) {
    await p.keyboard.press("Tab");
    reached = await p.evaluate(() => document.querySelector("friendship-map").shadowRoot.activeElement?.tagName === "CANVAS");
  }
  assert.ok(reached, "the canvas is reachable by Tab");
  const v0 = await p.evaluate(() => window.fmd.view());
  await p.keyboard.press("+");
  await p.keyboard.press("ArrowRight");
  const v1 = await p.evaluate(() => window.fmd.view());
  assert.ok(v1.zoom > v0.zoom * 1.4, "zoomed");
  await p.keyboard.press("0");
  assert.equal((await p.evaluate(() => window.fmd.view())).zoom, 1);
  // The kind checkbox by keyboard.
  await p.focus("#kind-friendly");
  await p.keyboard.press("Space");
  assert.equal((await p.evaluate(() => window.friendshipMap.snapshot().summary)).ties, rows.filter((r) => r.kind === "sister").length);
  // The focus ring is visible (an outline on the focused control).
  const outline = await p.evaluate(() => getComputedStyle(document.querySelector("friendship-map").shadowRoot.getElementById("kind-friendly")).outlineStyle);
  assert.notEqual(outline, "none");
  await context.close();
});

test("presenter mode plays and loops; wasm memory does not grow over many loops", async () => {
  const { p, context, log } = await page(`${server.url}?`, { viewport: { width: 1920, height: 1080 } });
  await p.waitForSelector("html[data-ready=true]");
  await p.evaluate(() => document.querySelector("friendship-map").setAttribute("mode", "present"));
  await nextFrames(p);
  await p.locator(".panel").waitFor({ state: "hidden" });
  assert.equal(await p.locator("#caption").isVisible(), true);
  const size = await p.evaluate(() => parseFloat(getComputedStyle(document.querySelector("friendship-map").shadowRoot.querySelector(".caption .big")).fontSize));
  assert.ok(size >= 40, `caption font ${size}px at 1920 wide`);
  // The year's line ("1979 · 新增 1 项 · 累计 1 项、1 个国家") fits on one line on a big screen.
  const lines = await p.evaluate(() => {
    const big = document.querySelector("friendship-map").shadowRoot.querySelector(".caption .big");
    const css = getComputedStyle(big);
    const line = css.lineHeight === "normal" ? 1.4 * parseFloat(css.fontSize) : parseFloat(css.lineHeight);
    return big.getBoundingClientRect().height / line;
  });
  assert.ok(lines < 1.6, `caption's first line wraps into ${lines.toFixed(2)} lines`);
  await p.screenshot({ path: `${ARTIFACTS}presenter-1920.png` });
  await p.evaluate(() => window.friendshipMap.dispatch({ type: "playback", speed: 20, loop: true, animate: true }));
  const memory = () => p.evaluate(() => window.fmd.wasmMemoryBytes());
  await p.waitForFunction(() => window.fmd.loops() >= 2, null, { timeout: 60000 });
  const m0 = await memory();
  await p.waitForFunction(() => window.fmd.loops() >= 6, null, { timeout: 120000 });
  const m1 = await memory();
  assert.ok(m1 - m0 <= 1 << 20, `wasm memory grew ${m1 - m0} bytes over 4 loops`);
  // Space pauses, Esc leaves.
  await p.keyboard.press("Space");
  assert.equal((await p.evaluate(() => window.friendshipMap.snapshot().caption)).playing, false);
  await p.keyboard.press("Escape");
  await p.locator(".panel").waitFor({ state: "visible" });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("exports: PNG at the asked size, CSV and GeoJSON of the ties shown", async () => {
  const { p, context } = await page(`${server.url}?cities=Qingdao`);
  await p.waitForSelector("html[data-ready=true]");
  const png = await p.evaluate(async () => {
    const blob = await document.querySelector("friendship-map").exportPng({ width: 3840, height: 2160 });
    const bmp = await createImageBitmap(blob);
    return { w: bmp.width, h: bmp.height, type: blob.type, size: blob.size };
  });
  assert.deepEqual([png.w, png.h, png.type], [3840, 2160, "image/png"]);
  assert.ok(png.size > 100000, `PNG bytes ${png.size}`);
  const n = rows.filter((r) => r.shandong_city === "Qingdao").length;
  const csv = await p.evaluate(() => document.querySelector("friendship-map").exportCsv());
  assert.equal(csv.trim().split("\n").length - 1, n);
  const gj = JSON.parse(await p.evaluate(() => document.querySelector("friendship-map").exportGeoJson()));
  assert.equal(gj.features.length, n);
  await context.close();
});

test("the one-file build works opened from disk with no network", async () => {
  const context = await withDiagnostics(await browser.newContext({ offline: true }));
  const p = await context.newPage();
  const errors = [];
  p.on("pageerror", (e) => errors.push(e.message));
  await p.goto(`file://${process.cwd()}/dist/shandong-friendship-map.html`);
  await p.waitForSelector("html[data-ready=true]", { timeout: 20000 });
  await nextFrames(p);
  const s = await p.evaluate(() => window.friendshipMap.snapshot().summary);
  assert.equal(s.ties, rows.length);
  const inked = await p.evaluate(() => {
    const c = document.querySelector("friendship-map").shadowRoot.querySelector("canvas");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] > 200 && d[i] - d[i + 2] > 90) n++;
    return n;
  });
  assert.ok(inked > 500, `link pixels ${inked}`);
  await p.screenshot({ path: `${ARTIFACTS}one-file-offline.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the globe: centred on Shandong, clipped at the horizon, turned by drag", async () => {
  const { p, context, log } = await page(`${server.url}?proj=globe`);
  await p.waitForSelector("html[data-ready=true]");
  assert.equal(await p.evaluate(() => window.friendshipMap.snapshot().projection), "globe");
  const view = await p.evaluate(() => window.fmd.view());
  // Jinan is at the centre of the disk; Buenos Aires (nearly antipodal) is hidden.
  const jinan = await p.evaluate(() => window.fmd.screenPoint(116.9972, 36.6683));
  const centre = [view.tx, view.ty];
  assert.ok(Math.hypot(jinan[0] - centre[0], jinan[1] - centre[1]) < 0.08 * view.scale, `${jinan} vs ${centre}`);
  const ba = await p.evaluate(() => window.fmd.screenPoint(-58.38, -34.6));
  assert.ok(ba.every(Number.isNaN), "the far side is hidden");
  // Nothing is drawn outside the disk: the corners stay background.
  const corner = await p.evaluate(() => {
    const c = document.querySelector("friendship-map").shadowRoot.querySelector("canvas");
    return [...c.getContext("2d").getImageData(2, 2, 1, 1).data];
  });
  assert.deepEqual(corner, [0xf7, 0xf9, 0xfb, 255]);
  await p.screenshot({ path: `${ARTIFACTS}globe.png` });
  const box = await p.locator("#map canvas").boundingBox();
  await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await p.mouse.down();
  await p.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2, { steps: 6 });
  await p.mouse.up();
  const after = await p.evaluate(() => window.fmd.screenPoint(116.9972, 36.6683));
  assert.ok(Number.isNaN(after[0]) || after[0] < jinan[0] - 100, `turned: ${jinan} -> ${after}`);
  await p.screenshot({ path: `${ARTIFACTS}globe-turned.png` });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("an office's own basemap loads from GeoJSON and from TopoJSON", async () => {
  // GeoJSON: one square "China" feature; TopoJSON: Natural Earth's land (npm world-atlas).
  writeFileSync("dist/test-office.geojson", JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", id: "156",
    properties: { name: "Office" }, geometry: { type: "Polygon", coordinates: [[[100, 20], [130, 20], [130, 50], [100, 50], [100, 20]]] } }] }));
  writeFileSync("dist/test-land.topojson", readFileSync("node_modules/world-atlas/land-110m.json"));
  writeFileSync("dist/test-basemaps.html", `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="favicon.svg">
    <script type="module" src="friendship-map.js"></script></head><body>
    <friendship-map id="g" basemap="test-office.geojson" controls="none" review-number="GS(2024)0000号"></friendship-map>
    <friendship-map id="t" basemap="test-land.topojson" controls="none"></friendship-map></body></html>`);
  const { p, context, log } = await page(`${server.url}test-basemaps.html`);
  await p.waitForFunction(() => [...document.querySelectorAll("friendship-map")].every((m) => m.dataset.ready === "true"));
  // The office basemaps arrive after the map is ready: wait until both are drawn.
  await p.waitForFunction(() => [...document.querySelectorAll("friendship-map")].every((m) => m.shadowRoot.getElementById("credit").dataset.t === "basemapOwn"));
  await settled(p);
  // No links over the basemap for these pixel checks.
  await p.evaluate(() => { for (const el of document.querySelectorAll("friendship-map")) el.filter = { ...el.filter, sister: false, friendly: false }; });
  const pixel = (id, lon, lat) => p.evaluate(([id, lon, lat]) => {
    const el = document.getElementById(id);
    el.map.render();
    const [x, y] = el.diagnostics().screenPoint(lon, lat);
    const c = el.shadowRoot.querySelector("canvas");
    return [...c.getContext("2d").getImageData(Math.round(x), Math.round(y), 1, 1).data].slice(0, 3);
  }, [id, lon, lat]);
  assert.deepEqual(await pixel("g", 105, 45), [0xf1, 0xe0, 0xc8], "inside the office square: China's fill");
  assert.deepEqual(await pixel("g", 20, 5), [0xee, 0xf3, 0xf8], "Africa is not in this basemap: ocean");
  assert.deepEqual(await pixel("t", 20, 5), [0xdd, 0xd8, 0xcc], "Natural Earth land from TopoJSON");
  assert.match(await p.locator("#g >> #review").innerText(), /GS\(2024\)0000号/);
  assert.equal(await p.locator("#g >> #credit").innerText(), "底图：由本页提供");
  await p.screenshot({ path: `${ARTIFACTS}office-basemaps.png`, fullPage: true });
  // (Chromium notes that this test's own pixel reads would be faster with willReadFrequently.)
  assert.deepEqual(log.errors.filter((e) => !e.includes("willReadFrequently")), []);
  await context.close();
});

test("a city's embed speaks for the city; a region's opens on it", async () => {
  const { p, context, log } = await page(`${server.url}embed.html?cities=Jinan`);
  await p.waitForSelector("html[data-ready=true]");
  await nextFrames(p);
  const jinan = rows.filter((r) => r.shandong_city === "Jinan").length;
  assert.equal(await p.locator("#title").innerText(), "济南市国际友好城市");
  // The city's own count and its latest published total (data/published_totals.csv: 92, 2024-12).
  assert.equal(await p.locator("#coverage").innerText(), `济南市：收录 ${jinan} 项，济南市公布 92 项（2024-12）`);
  assert.equal(await p.title(), "济南市国际友好城市");
  await p.click("#share-toggle");
  assert.match(await p.inputValue("#share-iframe"), /title="济南市国际友好城市地图"/);
  await context.close();
  const europe = await page(`${server.url}embed.html?regions=europe&lang=en`);
  await europe.p.waitForSelector("html[data-ready=true]");
  await nextFrames(europe.p);
  const v = await europe.p.evaluate(() => window.fmd.view());
  assert.ok(v.zoom > 1.5, `opens zoomed on Europe: ${JSON.stringify(v)}`);
  assert.equal(await europe.p.locator("#title").innerText(), "Shandong's international friendship cities");
  // An explicit view is kept as it is.
  await europe.context.close();
  const kept = await page(`${server.url}embed.html?regions=europe&view=1.00,150.00,0.00`);
  await kept.p.waitForSelector("html[data-ready=true]");
  assert.ok(Math.abs((await kept.p.evaluate(() => window.fmd.view())).zoom - 1) < 1e-9);
  await kept.context.close();
  assert.deepEqual(log.errors, []);
});
