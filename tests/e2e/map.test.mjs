// End to end: the built page, served with its CSP, in headless Chromium.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, canvasOrigin, launch, midpoint, nextFrames, openMap, pixelsAround, settled, startServer, withDiagnostics } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const JINAN = [116.9972, 36.6683];
const SACRAMENTO = [-121.4944, 38.5816];
const SHIMONOSEKI = [130.9371, 33.9555];

test("the map appears under a strict CSP, with no errors and no outside requests", async () => {
  const { page, context, log, response } = await openMap(browser, server.url);
  assert.match(response.headers()["content-security-policy"], /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await page.screenshot({ path: `${ARTIFACTS}desktop.png` });
  const summary = await page.evaluate(() => window.friendshipMap.snapshot().summary);
  assert.ok(summary.ties >= 150, JSON.stringify(summary));
  assert.equal(await page.locator("#status").isHidden(), true);
  // The page states its coverage honestly, with the numbers from the data.
  const info = await page.evaluate(() => window.friendshipMap.snapshot().data);
  const line = await page.locator("#coverage").innerText();
  // It says what the figure it cites counts, and how many rows are agreements or letters of intent.
  assert.ok(line.includes(`收录 ${info.rows} 项友好关系（其中合作协议、备忘录 ${info.stages.agreement} 项，意向书 ${info.stages.intent} 项`) &&
    line.includes("山东全省公布 766 项（2026-05，省、市两级合计"), line);
  // The language switch changes the visible strings, tooltips and numbers.
  await page.click("#lang-toggle");
  const en = await page.locator("#coverage").innerText();
  assert.ok(en.includes(`shows ${info.rows} of the 766 ties reported (2026-05: the province and its cities together, all levels)`), en);
  assert.equal(await page.locator("#reset").innerText(), "Reset view");
  assert.equal(await page.locator("#play").innerText(), "▶ Play");
  await page.screenshot({ path: `${ARTIFACTS}desktop-en.png` });
  await page.click("#lang-toggle");
  assert.equal(await page.locator("#reset").innerText(), "重置视图");
  assert.equal(info.rows + info.by_districts, summary.ties);
  const outside = log.requests.filter((u) => !u.startsWith(server.url));
  assert.deepEqual(outside, []);
  // The finer basemap is not part of the first load.
  assert.ok(!log.requests.some((u) => u.includes("basemap-50m")), "50m loaded before zooming");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("links are drawn where a known link runs (Jinan–Sacramento)", async () => {
  const { page, context } = await openMap(browser, server.url);
  const mid = midpoint(JINAN, SACRAMENTO);
  const at = await page.evaluate(([lon, lat]) => window.fmd.screenPoint(lon, lat), mid);
  // With Jinan selected, its links are drawn in the highlight red (#cc0033) above the rest.
  await page.evaluate(() => window.friendshipMap.dispatch({ type: "select", city: "Jinan" }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const px = await pixelsAround(page, at, 2);
  const red = px.filter(([r, g, b]) => r > 180 && g < 60 && b < 90);
  assert.ok(red.length >= 2, `highlight pixels near the Jinan–Sacramento midpoint: ${red.length}`);
  // Deselected, the same place shows the sister colour instead.
  await page.evaluate(() => window.friendshipMap.dispatch({ type: "select", city: null }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const px2 = await pixelsAround(page, at, 2);
  assert.equal(px2.filter(([r, g, b]) => r > 180 && g < 60 && b < 90).length, 0);
  // The 1 px sister stroke is antialiased across two pixel rows: look for orange-tinted pixels.
  assert.ok(px2.some(([r, g, b]) => r > 200 && r - b > 90 && g < 180), `sister orange: ${JSON.stringify(px2)}`);
  await page.screenshot({ path: `${ARTIFACTS}links.png` });
  await context.close();
});

test("wheel zoom keeps the point under the pointer and hovering Shimonoseki shows its tooltip", async () => {
  const { page, context } = await openMap(browser, server.url);
  const [ox, oy] = await canvasOrigin(page);
  let at = await page.evaluate(([lon, lat]) => window.fmd.screenPoint(lon, lat), SHIMONOSEKI);
  const zoom0 = (await page.evaluate(() => window.fmd.view())).zoom;
  // The pointer sits a little off Shimonoseki: that offset must grow exactly with the zoom.
  // (Whole page pixels: Chromium delivers synthetic mouse events at integer positions.)
  const page_xy = [Math.round(ox + at[0] + 3), Math.round(oy + at[1] - 2)];
  const anchor = [page_xy[0] - ox, page_xy[1] - oy];
  await page.mouse.move(page_xy[0], page_xy[1]);
  for (let i = 0; i < 8; i++) {
    await page.mouse.wheel(0, -300);
    await nextFrames(page);
  }
  const zoom1 = (await page.evaluate(() => window.fmd.view())).zoom;
  // Zoomed in this far, the finer 1:50m basemap is fetched and drawn.
  await page.waitForFunction(() => window.fmd.showingDetail(), null, { timeout: 5000 });
  assert.ok(zoom1 > zoom0 * 4, `zoom ${zoom0} -> ${zoom1}`);
  const at2 = await page.evaluate(([lon, lat]) => window.fmd.screenPoint(lon, lat), SHIMONOSEKI);
  const k = zoom1 / zoom0;
  const want = [anchor[0] + (at[0] - anchor[0]) * k, anchor[1] + (at[1] - anchor[1]) * k];
  assert.ok(Math.hypot(at2[0] - want[0], at2[1] - want[1]) < 0.5, `anchor drift: ${at2} vs ${want}`);
  at = at2;
  await page.mouse.move(ox + at[0] + 1, oy + at[1] + 1);
  const tip = page.locator(".fm-tooltip");
  await tip.waitFor({ state: "visible", timeout: 3000 });
  const text = await tip.innerText();
  for (const want of ["下关市", "Shimonoseki", "日本", "青岛市", "Qingdao", "1979", "友好城市"]) {
    assert.ok(text.includes(want), `tooltip lacks ${want}: ${text}`);
  }
  await page.screenshot({ path: `${ARTIFACTS}tooltip.png` });
  // Leaving the map hides it.
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: "hidden", timeout: 3000 });
  await context.close();
});

test("dragging pans the map; reset brings the world back", async () => {
  const { page, context } = await openMap(browser, server.url);
  const [ox, oy] = await canvasOrigin(page);
  await page.mouse.move(ox + 400, oy + 300);
  await page.mouse.wheel(0, -600);
  await settled(page);
  const v0 = await page.evaluate(() => window.fmd.view());
  await page.mouse.down();
  await page.mouse.move(ox + 350, oy + 280, { steps: 5 });
  await page.mouse.move(ox + 300, oy + 260, { steps: 5 });
  await page.mouse.up();
  const v1 = await page.evaluate(() => window.fmd.view());
  assert.ok(Math.abs(v1.tx - v0.tx + 100) < 1.5, `tx ${v0.tx} -> ${v1.tx}`);
  assert.ok(Math.abs(v1.ty - v0.ty + 40) < 1.5, `ty ${v0.ty} -> ${v1.ty}`);
  await page.click("#reset");
  const v2 = await page.evaluate(() => window.fmd.view());
  assert.ok(Math.abs(v2.zoom - 1) < 1e-9, `zoom after reset ${v2.zoom}`);
  await context.close();
});

test("a city on the map is emphasised by a click; nothing is drawn while idle", async () => {
  const { page, context } = await openMap(browser, server.url);
  const [ox, oy] = await canvasOrigin(page);
  const QINGDAO = [120.3804, 36.0649];
  // Zoom in on Shandong so the cities' markers stand apart, then click Qingdao's.
  let at = await page.evaluate(([lon, lat]) => window.fmd.screenPoint(lon, lat), QINGDAO);
  await page.mouse.move(Math.round(ox + at[0]), Math.round(oy + at[1]));
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -300); await nextFrames(page); }
  at = await page.evaluate(([lon, lat]) => window.fmd.screenPoint(lon, lat), QINGDAO);
  await page.mouse.click(Math.round(ox + at[0]), Math.round(oy + at[1]));
  assert.equal(await page.evaluate(() => window.friendshipMap.snapshot().selected), "Qingdao");
  // The URL follows 250 ms after the last change. Redraws in place (hover highlights, the sharp
  // frame after the zoom, the detailed basemap arriving) must not keep postponing it: keep the
  // pointer moving on and off Qingdao's marker for a second, and read the URL before it stops.
  const frames = await page.evaluate(() => window.fmd.framesDrawn());
  for (let i = 0; i < 20; i++) {
    await page.mouse.move(Math.round(ox + at[0]) + (i % 2 ? 40 : 0), Math.round(oy + at[1]));
    await nextFrames(page);
  }
  assert.ok(await page.evaluate(() => window.fmd.framesDrawn()) > frames + 5, "hovering redraws");
  assert.match(await page.evaluate(() => location.search), /sel=Qingdao/);
  // Zoomed in this far, the detailed basemap loads and is drawn once; then nothing moves.
  await page.waitForFunction(() => window.fmd.showingDetail(), null, { timeout: 5000 });
  await settled(page);
  const f0 = await page.evaluate(() => window.fmd.framesDrawn());
  // Idle: however long one waits, no frame is painted (a second stands for "long").
  await page.waitForTimeout(1000);
  const f1 = await page.evaluate(() => window.fmd.framesDrawn());
  assert.equal(f1, f0, "frames drawn while idle");
  await page.screenshot({ path: `${ARTIFACTS}selected-qingdao.png` });
  await context.close();
});

test("after a zoom gesture rests, the basemap is drawn sharp again, then nothing while idle", async () => {
  const { page, context } = await openMap(browser, server.url);
  const pixels = () => page.evaluate(() => document.querySelector("friendship-map").shadowRoot.querySelector("#map canvas").toDataURL());
  // Zoom steps a frame apart (as the + key gives), with no pointer over the map to cause
  // other frames, and below the zoom that loads the detailed basemap (which draws again).
  for (let i = 0; i < 4; i++) { await page.evaluate(() => window.friendshipMap.dispatch({ type: "zoom", factor: 1.15 })); await nextFrames(page); }
  await settled(page);
  const rested = await pixels();
  const f0 = await page.evaluate(() => window.fmd.framesDrawn());
  // Idle: however long one waits, no frame is painted (600 ms stands for "long").
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => window.fmd.framesDrawn()), f0, "frames drawn while idle");
  // A frame drawn now at the same view is the sharp one; the rested canvas must equal it.
  await page.evaluate(() => window.friendshipMap.render());
  assert.ok(rested === await pixels(), "the canvas still shows the scaled picture");
  await context.close();
});

test("a phone-sized viewport works: crisp canvas, no sideways scroll, touch pan", async () => {
  const { page, context, log } = await openMap(browser, server.url, {
    viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
  });
  const size = await page.evaluate(() => {
    const c = document.querySelector("friendship-map").shadowRoot.querySelector("#map canvas");
    const r = c.getBoundingClientRect();
    return { w: r.width, h: r.height, pw: c.width, ph: c.height, scroll: document.documentElement.scrollWidth };
  });
  // As wide as the screen and as high as the projection draws the world: no empty bands.
  assert.ok(size.w >= 340 && Math.abs(size.w / size.h - 1.95) < 0.05, JSON.stringify(size));
  assert.equal(size.pw, Math.round(size.w * 2));
  assert.ok(size.scroll <= 360, `page scrolls sideways: ${size.scroll}`);
  const buttons = await page.locator(".cities button").count();
  assert.equal(buttons, 17);
  // The controls sit below the map across the whole width (not a desktop-wide column).
  const panel = await page.locator(".panel").boundingBox();
  assert.ok(panel.width >= 350 && panel.y >= size.h, `panel ${JSON.stringify(panel)}`);
  // Touch: a one-finger drag pans the map.
  const v0 = await page.evaluate(() => window.fmd.view());
  const box = await page.locator("#map canvas").boundingBox();
  const cdp = await context.newCDPSession(page);
  const touch = (type, x, y) => cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y }] });
  await touch("touchStart", box.x + 200, box.y + 150);
  for (let i = 1; i <= 5; i++) await touch("touchMove", box.x + 200 - 10 * i, box.y + 150);
  await touch("touchEnd");
  const v1 = await page.evaluate(() => window.fmd.view());
  assert.ok(v1.tx < v0.tx - 20 || v0.zoom !== v1.zoom, `touch pan: ${v0.tx} -> ${v1.tx}`);
  await page.screenshot({ path: `${ARTIFACTS}phone.png` });
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a server that sends the wasm with another type still gets the map", async () => {
  const context = await withDiagnostics(await browser.newContext());
  const page = await context.newPage();
  await page.route("**/*.wasm", async (route) => {
    const r = await route.fetch();
    await route.fulfill({ response: r, headers: { ...r.headers(), "content-type": "application/octet-stream" } });
  });
  await page.goto(server.url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 20000 });
  assert.ok((await page.evaluate(() => window.friendshipMap.snapshot().summary)).ties > 300);
  await context.close();
});

test("when the wasm cannot load, the page says so instead of staying blank", async () => {
  const context = await withDiagnostics(await browser.newContext());
  const page = await context.newPage();
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "missing" }));
  await page.goto(server.url);
  const status = page.locator("#status");
  await status.waitFor({ state: "visible" });
  await page.waitForFunction(() => document.querySelector("friendship-map").shadowRoot.getElementById("status").classList.contains("error"), null, { timeout: 10000 });
  assert.match(await status.innerText(), /^地图加载失败：/);
  await page.screenshot({ path: `${ARTIFACTS}load-error.png` });
  await context.close();
});

test("an embed without controls never shows its panels, not even while (or when) the wasm does not load", async () => {
  const context = await withDiagnostics(await browser.newContext());
  const page = await context.newPage();
  await page.route("**/*.wasm", (route) => route.fulfill({ status: 404, body: "missing" }));
  await page.goto(server.url + "embed.html?controls=none");
  await page.waitForFunction(() => document.querySelector("friendship-map")?.shadowRoot?.getElementById("status")?.classList.contains("error"), null, { timeout: 10000 });
  const shown = await page.evaluate(() => {
    const root = document.querySelector("friendship-map").shadowRoot;
    return [...root.querySelectorAll(".panel, .top-buttons")].filter((e) => e.getClientRects().length > 0).length;
  });
  assert.equal(shown, 0, "the side panel and the header's buttons stay hidden");
  await context.close();
});
