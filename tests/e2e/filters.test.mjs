// End to end: filters, statistics, URL state and playback on the served page, with expected
// counts computed here from the CSV files.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, launch, midpoint, nextFrames, openMap, pixelsAround, readCsv, startServer, withDiagnostics } from "./harness.mjs";

const rows = readCsv("data/partnerships.csv");
const continent = Object.fromEntries(readCsv("data/countries.csv").map((c) => [c.alpha2, c.continent]));
const year = (r) => (r.established ? Number(r.established.slice(0, 4)) : null);

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const summary = (page) => page.evaluate(() => window.friendshipMap.snapshot().summary);
const tile = (page, i) => page.locator("#totals dd").nth(i).innerText();

test("controls: Qingdao's partners in Europe", async () => {
  const { page, context, log } = await openMap(browser, server.url);
  const want = rows.filter((r) => r.shandong_city === "Qingdao" && continent[r.country] === "Europe").length;
  assert.ok(want > 0);
  await page.selectOption("#region", "europe");
  await page.click('button[data-city="Qingdao"]');
  await nextFrames(page);
  assert.equal((await summary(page)).ties, want);
  assert.equal(await tile(page, 0), String(want));
  await page.waitForFunction(() => /cities=/.test(location.search), null, { timeout: 3000 });
  const search = await page.evaluate(() => location.search);
  assert.match(search, /regions=europe/);
  assert.match(search, /cities=Qingdao/);
  await page.screenshot({ path: `${ARTIFACTS}filter-qingdao-europe.png` });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("URL: a link reproduces the map; back and forward work", async () => {
  const { page, context } = await openMap(browser, `${server.url}?years=2013-2026&unknown=0&kinds=sister`);
  const want = rows.filter((r) => year(r) !== null && year(r) >= 2013 && r.kind === "sister").length;
  assert.equal((await summary(page)).ties, want);
  assert.equal(await page.getAttribute('.seg button[data-mode="range"]', "aria-pressed"), "true");
  assert.equal(await page.isChecked("#kind-friendly"), false);
  // A further change is a new history entry; Back returns to the link's state.
  await page.check("#kind-friendly");
  const both = rows.filter((r) => year(r) !== null && year(r) >= 2013).length;
  assert.equal((await summary(page)).ties, both);
  // The URL follows the change (debounced): wait for it before going back.
  await page.waitForFunction(() => !/kinds=sister/.test(location.search));
  await page.goBack();
  await page.waitForFunction((n) => window.friendshipMap.snapshot().summary.ties === n, want, { timeout: 3000 });
  assert.equal(await page.isChecked("#kind-friendly"), false);
  await page.goForward();
  await page.waitForFunction((n) => window.friendshipMap.snapshot().summary.ties === n, both, { timeout: 3000 });
  await context.close();
});

test("URL: a shared link restores the camera and the emphasised city", async () => {
  const { page, context } = await openMap(browser, server.url);
  await page.evaluate(() => { window.friendshipMap.dispatch({ type: "zoom", factor: 3 }); window.friendshipMap.dispatch({ type: "select", city: "Qingdao" }); });
  await page.waitForFunction(() => /view=.*sel=Qingdao|sel=Qingdao.*view=/.test(location.search), null, { timeout: 3000 });
  const search = await page.evaluate(() => location.search);
  const before = await page.evaluate(() => window.fmd.view());
  const again = await openMap(browser, `${server.url}${search}`);
  assert.equal(await again.page.evaluate(() => window.friendshipMap.snapshot().selected), "Qingdao");
  const after = await again.page.evaluate(() => window.fmd.view());
  assert.ok(Math.abs(after.zoom - before.zoom) < 0.01, `${JSON.stringify(before)} vs ${JSON.stringify(after)}`);
  assert.ok(Math.abs(after.tx - before.tx) < 1 && Math.abs(after.ty - before.ty) < 1, `${JSON.stringify(before)} vs ${JSON.stringify(after)}`);
  await again.context.close();
  await context.close();
});

test("URL: hostile values are ignored with a warning, never run", async () => {
  const context = await withDiagnostics(await browser.newContext());
  const page = await context.newPage();
  const warnings = [], errors = [];
  page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  const hostile = "?years=%3Cscript%3Ealert(1)%3C/script%3E&regions=europe,%3Cimg%20src=x%20onerror=alert(2)%3E&cities=Qingdao,javascript:alert(3)&view=1e309,0,0&kinds=%22%3E";
  await page.goto(server.url + hostile);
  await page.waitForSelector("html[data-ready=true]");
  await nextFrames(page);
  assert.deepEqual(errors, []);
  assert.equal(warnings.filter((w) => w.startsWith("ignored URL parameter")).length, 5, warnings.join("\n"));
  const want = rows.filter((r) => r.shandong_city === "Qingdao" && continent[r.country] === "Europe").length;
  assert.equal((await summary(page)).ties, want, "the good values still apply");
  assert.equal(await page.locator("img").count(), 0);
  await context.close();
});

test("filtering out a link clears its pixels", async () => {
  const { page, context } = await openMap(browser, server.url);
  const at = await page.evaluate(([lon, lat]) => window.fmd.screenPoint(lon, lat), midpoint([116.9972, 36.6683], [-121.4944, 38.5816]));
  const linkish = (px) => px.filter(([r, g, b]) => (r > 200 && r - b > 90) || (b > 150 && r < 120)).length;
  const before = linkish(await pixelsAround(page, at, 2));
  assert.ok(before > 0, "a link is drawn there first");
  await page.selectOption("#region", "europe");
  await nextFrames(page);
  assert.equal(linkish(await pixelsAround(page, at, 2)), 0, "no link pixels once North America is filtered out");
  await context.close();
});

test("playback runs from 1979 to the unfiltered total, without leftovers", async () => {
  const { page, context } = await openMap(browser, server.url);
  await page.click("#play");
  await nextFrames(page);
  const first = await page.locator("#caption").innerText();
  assert.match(first, /^1979 · 新增 1 项 · 累计 1 项、1 个国家/);
  assert.match(first, /青岛市–下关市/);
  await page.screenshot({ path: `${ARTIFACTS}playback-1979.png` });
  await page.evaluate(() => window.friendshipMap.dispatch({ type: "playback", speed: 20, loop: false, animate: true }));
  await page.waitForFunction(() => !window.friendshipMap.snapshot().caption.playing, null, { timeout: 30000 });
  assert.equal((await summary(page)).ties, rows.length);
  assert.match(await page.locator("#caption").innerText(), /^年份不详 · 新增/);
  await page.screenshot({ path: `${ARTIFACTS}playback-end.png` });
  // A manual filter change stops playback cleanly and hides the caption.
  await page.click("#play");
  await page.uncheck("#kind-friendly");
  await nextFrames(page);
  assert.equal(await page.evaluate(() => window.friendshipMap.snapshot().caption), null);
  await page.locator("#caption").waitFor({ state: "hidden" });
  assert.equal((await summary(page)).ties, rows.filter((r) => r.kind === "sister").length);
  await context.close();
});

test("search in Chinese focuses a partner", async () => {
  const { page, context } = await openMap(browser, server.url);
  await page.fill("#search", "下关");
  await page.locator("#search-results button").first().click();
  // The view flies there (600 ms, unless reduced motion is asked for).
  await page.waitForFunction(() => window.fmd.view().zoom > 1.5, null, { timeout: 5000 }).catch(() => {});
  const v = await page.evaluate(() => window.fmd.view());
  assert.ok(v.zoom > 1.5, `zoomed to the result: ${v.zoom}`);
  await page.screenshot({ path: `${ARTIFACTS}search-shimonoseki.png` });
  await context.close();
});

test("stages: agreements and letters of intent shown by default, drawn apart, named in the legend, filtered by their checkboxes", async () => {
  const { page, context, log } = await openMap(browser, server.url);
  const of = (stage) => rows.filter((r) => (r.stage ?? "") === stage).length;
  const [ties, agreements, intents] = [of(""), of("agreement"), of("intent")];
  assert.ok(agreements > 0 && intents > 0, "the data has both");
  // As the province counts: every stage shown, each counted apart.
  assert.equal((await summary(page)).ties, rows.length);
  assert.equal(await page.locator("#legend-agreement").isVisible(), true);
  assert.equal(await page.locator("#legend-intent").isVisible(), true);
  assert.equal(await page.locator("#legend-unknown").isVisible(), false);
  const intentKey = await page.locator("#legend-intent .key").evaluate((k) => getComputedStyle(k).backgroundImage);
  assert.match(intentKey, /repeating-linear-gradient/, "a dotted key");
  assert.match(await page.locator("#stage-note").innerText(), new RegExp(`其中 ${ties} 项已建立友好关系，${agreements} 项为合作协议或备忘录，${intents} 项为意向书`));
  await page.screenshot({ path: `${ARTIFACTS}stages-legend.png` });
  // Only established ties: the two other boxes unticked.
  await page.uncheck('#stages input[data-stage="agreement"]');
  await page.uncheck('#stages input[data-stage="intent"]');
  await nextFrames(page);
  assert.equal((await summary(page)).ties, ties);
  assert.equal(await page.locator("#legend-agreement").isVisible(), false);
  assert.equal(await page.locator("#legend-intent").isVisible(), false);
  assert.equal(await page.locator("#stage-note").isVisible(), false);
  await page.waitForFunction(() => /stages=established/.test(location.search), null, { timeout: 3000 });
  // The last box stays ticked: none ticked would mean all.
  await page.click('#stages input[data-stage="established"]');
  assert.equal(await page.isChecked('#stages input[data-stage="established"]'), true);
  // A link or attribute with the stages shows them alone; an unknown stage is refused by name.
  const again = await openMap(browser, `${server.url}?stages=intent`);
  assert.equal((await summary(again.page)).ties, intents);
  assert.equal(await again.page.isChecked('#stages input[data-stage="agreement"]'), false);
  const refused = await again.page.evaluate(() => {
    try { window.friendshipMap.dispatch({ type: "filter", stages: ["memorandum"] }); return ""; } catch (e) { return e.message; }
  });
  assert.match(refused, /stages: unknown value `memorandum`/);
  assert.equal((await summary(again.page)).ties, intents, "a refused command changes nothing");
  // The table says each row's stage.
  await again.page.click("#table-toggle");
  // The rows come with the map's next snapshot.
  await again.page.locator("#table tbody tr").first().waitFor();
  const cells = await again.page.locator("#table tbody tr td:nth-child(5)").allInnerTexts();
  assert.ok(cells.length === intents && cells.every((c) => c === "意向书"), cells.join("|"));
  await again.context.close();
  assert.deepEqual(log.errors, []);
  await context.close();
});
