// End to end: no input kills the map. Stale search results, basemap typos, a failed office
// basemap, a failed data file and a trap inside the wasm each end with the map alive or with a
// visible message, never a blank or silent page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { ARTIFACTS, launch, nextFrames, openMap, startServer, withDiagnostics } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const ready = (p) => p.waitForSelector("html[data-ready=true]", { timeout: 20000 });

test("a search result of data no longer shown cannot be chosen, and the map lives on", async () => {
  const { page, context, log } = await openMap(browser, server.url);
  const csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source,origin_lat,origin_lon\n" +
    "Berlin,柏林,Beijing,北京,CN,city,sister,1994,39.9,116.4,https://example.org/a,52.52,13.40\n";
  await page.setInputFiles("#import-file", { name: "berlin.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForFunction(() => window.friendshipMap.snapshot().summary.ties === 1);
  await page.fill("#search", "Berlin");
  assert.ok(await page.locator("#search-results button").count() >= 1);
  await page.click("#builtin-data");
  await nextFrames(page);
  // The results were searched again in the built-in data: Berlin is gone from them.
  assert.equal(await page.locator("#search-results button").count(), 0);
  // A stale target handed in by a script is refused with a message, not a trap.
  const thrown = await page.evaluate(() => {
    try { window.friendshipMap.dispatch({ type: "focus", target: { type: "city", city: 17 } }); return null; } catch (e) { return `${e.constructor.name}: ${e.message}`; }
  });
  assert.equal(thrown, "Error: no city 17 in the data shown");
  assert.ok((await page.evaluate(() => window.friendshipMap.snapshot().summary)).ties > 200, "the map still answers");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a basemap typo warns and falls back; a URL with a query string loads", async () => {
  writeFileSync("dist/test-square.geojson", JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: {},
    geometry: { type: "Polygon", coordinates: [[[100, 20], [130, 20], [130, 50], [100, 50], [100, 20]]] } }] }));
  const { page, context } = await openMap(browser, `${server.url}embed.html?basemap=Land`);
  assert.match(await page.locator("#notice").innerText(), /basemap: unknown value `Land`/);
  assert.ok((await page.evaluate(() => window.friendshipMap.snapshot().summary)).ties > 200);
  await context.close();
  const second = await openMap(browser, `${server.url}embed.html?basemap=${encodeURIComponent("test-square.geojson?v=2")}`);
  await second.page.waitForFunction(() => document.querySelector("friendship-map").shadowRoot.getElementById("credit").textContent === "底图：由本页提供");
  assert.equal(await second.page.locator("#notice").isHidden(), true);
  await second.context.close();
});

test("an office basemap that fails is said on the map, and its review number is not shown", async () => {
  const { page, context } = await openMap(browser, `${server.url}embed.html?basemap=/nope.geojson&review-number=${encodeURIComponent("GS(2024)1234号")}`);
  const notice = page.locator("#notice");
  await notice.waitFor({ state: "visible" });
  assert.match(await notice.innerText(), /无法载入底图 \/nope\.geojson（HTTP 404）：改为仅显示陆地，不显示审图号/);
  assert.equal(await page.locator("#review").isHidden(), true);
  await page.screenshot({ path: `${ARTIFACTS}office-basemap-failed.png` });
  await context.close();
});

test("a data file that cannot be loaded is said on a bare map", async () => {
  writeFileSync("dist/test-src.html", `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="favicon.svg">
    <script type="module" src="friendship-map.js"></script></head><body>
    <friendship-map id="missing" src="missing.csv" controls="none"></friendship-map>
    <friendship-map id="elsewhere" src="http://example.invalid/ties.csv" controls="none"></friendship-map>
    <friendship-map id="junk" src="favicon.svg" controls="none"></friendship-map></body></html>`);
  const context = await withDiagnostics(await browser.newContext({ viewport: { width: 1000, height: 1900 } }));
  const p = await context.newPage();
  await p.goto(`${server.url}test-src.html`);
  const text = (id) => p.locator(`#${id} >> #notice`).innerText();
  for (const id of ["missing", "elsewhere", "junk"]) await p.locator(`#${id} >> #notice`).waitFor({ state: "visible", timeout: 10000 });
  assert.match(await text("missing"), /无法载入数据 missing\.csv：服务器回复 HTTP 404/);
  assert.match(await text("elsewhere"), /该文件来自其他网站，本页的安全策略只允许载入本站文件/);
  assert.match(await text("junk"), /文件不是 CSV 或 JSON 数据/);
  await p.screenshot({ path: `${ARTIFACTS}src-failed.png`, fullPage: true });
  await context.close();
});

test("a trap inside the map is shown on it with a reload button and an error event", async () => {
  const { page, context } = await openMap(browser, server.url);
  const event = page.evaluate(() => new Promise((resolve) => document.querySelector("friendship-map").addEventListener("error", (e) => resolve(e.detail.message), { once: true })));
  const thrown = await page.evaluate(() => { try { window.fmd.panicForTest(); return null; } catch (e) { return e.constructor.name; } });
  assert.equal(thrown, "RuntimeError");
  assert.equal(await event, "unreachable");
  const status = page.locator("#status");
  assert.match(await status.innerText(), /地图出错，已停止运行：unreachable/);
  assert.equal(await page.locator("#status button").innerText(), "重新加载");
  await page.screenshot({ path: `${ARTIFACTS}trap.png` });
  await page.click("#status button");
  await ready(page);
  assert.ok((await page.evaluate(() => window.friendshipMap.snapshot().summary)).ties > 200, "reloaded");
  await context.close();
});
