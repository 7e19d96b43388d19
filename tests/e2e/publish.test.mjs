// End to end: publishing. The embed-code builder's three snippets reproduce the map in fresh
// pages under the strict CSP; the SVG export parses, has one path per tie shown and renders
// close to the PNG export; a short video is a WebM of the asked duration with real frames.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { ARTIFACTS, launch, nextFrames, openPage, readCsv, startServer } from "./harness.mjs";

const rows = readCsv("data/partnerships.csv");
const europe = new Set(readCsv("data/countries.csv").filter((c) => c.continent === "Europe").map((c) => c.alpha2));
let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const open = (url, options = {}) => openPage(browser, url, { viewport: { width: 1280, height: 720 }, ...options });

/// Runs `fn(element, arg)` in the page (or frame) on its <friendship-map>.
const el = (p, fn, arg) => p.locator("friendship-map").evaluate(fn, arg);

/// What a map shows: summary, filter, state query.
const stateOf = (p) => el(p, (m) => ({ summary: m.summary(), filter: m.filter, query: m.map.query(), lang: m.language }));

test("the share dialog's three snippets reproduce the map in fresh pages under the CSP", async () => {
  const { p, context, log } = await open(server.url);
  await p.waitForSelector("html[data-ready=true]");
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // A state far from the default: a region, a selected city, a view, English, land only and a
  // review number.
  await el(p, (m) => {
    m.setAttribute("lang", "en");
    m.setAttribute("basemap", "land");
    m.setAttribute("review-number", "GS(2024)0000号");
    m.filter = { ...m.filter, regions: ["europe"] };
    m.map.dispatch({ type: "select", city: "Qingdao" });
    m.map.dispatch({ type: "zoom", factor: 2 });
    m.map.dispatch({ type: "pan", dx: -120, dy: 40 });
  });
  await nextFrames(p);
  const source = await stateOf(p);
  assert.equal(source.summary.ties, rows.filter((r) => europe.has(r.country)).length);
  assert.match(source.query, /regions=europe.*sel=Qingdao.*view=2\.00,/);
  // The dialog: opened by its button, labelled, focus inside, Esc closes it and the focus
  // returns to the button.
  await p.click("#share-toggle");
  const dialog = p.locator("#share-dialog");
  await dialog.waitFor({ state: "visible" });
  assert.equal(await dialog.evaluate((d) => d.open && d.matches(":modal")), true);
  assert.equal(await p.locator("#share-title").innerText(), "Share or embed this map");
  assert.equal(await dialog.getAttribute("aria-labelledby"), "share-title");
  assert.equal(await el(p, (m) => m.shadowRoot.activeElement?.id), "share-link");
  await p.screenshot({ path: `${ARTIFACTS}share-dialog-en-1280.png` });
  const snippets = await el(p, (m) => Object.fromEntries(["link", "iframe", "element"].map((k) => [k, m.shadowRoot.getElementById(`share-${k}`).value])));
  // Copy: the Clipboard API, with a visible confirmation.
  await p.click('[data-copy="share-iframe"]');
  await p.locator("#share-iframe-copied").getByText("Copied").waitFor();
  assert.equal(await p.evaluate(() => navigator.clipboard.readText()), snippets.iframe);
  await p.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await el(p, (m) => m.shadowRoot.activeElement?.id), "share-toggle");
  // In Chinese.
  await el(p, (m) => m.setAttribute("lang", "zh"));
  await p.click("#share-toggle");
  assert.equal(await p.locator("#share-title").innerText(), "分享或嵌入这幅地图");
  await p.screenshot({ path: `${ARTIFACTS}share-dialog-zh-1280.png` });
  await p.keyboard.press("Escape");
  assert.deepEqual(log.errors, []);
  assert.match(snippets.link, /^http:\/\/127\.0\.0\.1:\d+\/embed\.html\?lang=en&basemap=land&review-number=GS\(2024\)0000%E5%8F%B7&regions=europe&selected=Qingdao&view=/);
  assert.match(snippets.iframe, /^<iframe src="http[^"]+embed\.html\?[^"]+&amp;regions=europe[^"]*" title="Map of Shandong's international friendship cities" width="100%" height="600"/);
  assert.match(snippets.element, /^<script type="module" src="http[^"]+\/friendship-map\.js"><\/script>\n<friendship-map lang="en" basemap="land" review-number="GS\(2024\)0000号" regions="europe" selected="Qingdao" view="2\.00,[^"]+"><\/friendship-map>$/);

  // 1. The link, opened as it is.
  const link = await open(snippets.link);
  await link.p.waitForSelector("html[data-ready=true]");
  assert.deepEqual(await stateOf(link.p), source);
  assert.equal(await link.p.locator("#reset").innerText(), "Reset view");
  assert.match(await link.p.locator("#review").innerText(), /GS\(2024\)0000号/);
  assert.deepEqual(link.log.errors, []);
  await link.context.close();
  // 2. The iframe and 3. the script tag with the element, each pasted into a fresh page.
  const page = (name, body) => {
    writeFileSync(`dist/${name}`, `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="favicon.svg"><title>pasted</title></head><body>\n${body}\n</body></html>`);
    return `${server.url}${name}`;
  };
  const framed = await open(page("test-share-iframe.html", snippets.iframe));
  const f = await (async () => {
    await framed.p.frameLocator("iframe").locator("#reset").waitFor();
    return framed.p.frames().find((x) => x.url().includes("embed.html"));
  })();
  await f.waitForSelector("html[data-ready=true]");
  assert.deepEqual(await stateOf(f), source);
  assert.ok((await framed.p.locator("iframe").boundingBox()).height >= 590, "a sensible height");
  await framed.p.screenshot({ path: `${ARTIFACTS}share-pasted-iframe.png` });
  assert.deepEqual(framed.log.errors, []);
  await framed.context.close();
  const pasted = await open(page("test-share-element.html", snippets.element));
  await pasted.p.waitForSelector("friendship-map[data-ready=true]");
  await nextFrames(pasted.p);
  assert.deepEqual(await stateOf(pasted.p), source);
  await pasted.p.screenshot({ path: `${ARTIFACTS}share-pasted-element.png` });
  assert.deepEqual(pasted.log.errors, []);
  assert.deepEqual(pasted.log.requests.filter((u) => !u.startsWith(server.url)), []);
  await pasted.context.close();
  await context.close();
});

test("the share dialog fits a phone and keeps presenter mode's keys out", async () => {
  const { p, context, log } = await open(`${server.url}?cities=Weihai`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await p.waitForSelector("html[data-ready=true]");
  for (const lang of ["zh", "en"]) {
    await el(p, (m, l) => m.setAttribute("lang", l), lang);
    await p.click("#share-toggle");
    const box = await p.locator("#share-dialog").boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `dialog within the screen: ${JSON.stringify(box)}`);
    const copy = await p.locator('[data-copy="share-element"]').boundingBox();
    assert.ok(copy.x + copy.width <= 390, "the copy buttons are on screen");
    await p.screenshot({ path: `${ARTIFACTS}share-dialog-${lang}-390.png` });
    await p.click("#share-close");
  }
  // In presenter mode the snippets say so; Esc closes the dialog and leaves presenter mode on.
  await p.click("#present-toggle");
  await p.click("#share-toggle");
  assert.match(await p.locator("#share-link").inputValue(), /[?&]mode=present(&|$)/);
  await p.keyboard.press("Escape");
  await p.locator("#share-dialog").waitFor({ state: "hidden" });
  assert.equal(await el(p, (m) => m.classList.contains("present")), true, "still presenting");
  assert.deepEqual(log.errors, []);
  await context.close();
});

/// Loads images (data URLs) in a page without a CSP and compares them: the share of pixels
/// whose largest channel difference exceeds `tolerance`, and the mean difference.
async function compareImages(context, a, b, width, height, tolerance) {
  const blank = await context.newPage();
  const result = await blank.evaluate(async ([a, b, w, h, tol]) => {
    const pixels = async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = w;
      c.height = h;
      const ctx = c.getContext("2d");
      ctx.drawImage(img, 0, 0, w, h);
      return ctx.getImageData(0, 0, w, h).data;
    };
    const [pa, pb] = [await pixels(a), await pixels(b)];
    let over = 0, sum = 0;
    for (let i = 0; i < pa.length; i += 4) {
      const d = Math.max(Math.abs(pa[i] - pb[i]), Math.abs(pa[i + 1] - pb[i + 1]), Math.abs(pa[i + 2] - pb[i + 2]));
      sum += d;
      if (d > tol) over++;
    }
    return { over: over / (w * h), mean: sum / (w * h) };
  }, [a, b, width, height, tolerance]);
  await blank.close();
  return result;
}

/// An export of the page's map (`exportSvg` or `exportPng` at a size) as a data URL.
const dataUrl = (p, method, size) => el(p, async (m, [method, size]) => {
  const blob = await m[method](size);
  return new Promise((r) => { const fr = new FileReader(); fr.onload = () => r(fr.result); fr.readAsDataURL(blob); });
}, [method, size]);

test("SVG export: well-formed, one path per tie shown, text kept, close to the PNG", async () => {
  const { p, context, log } = await open(`${server.url}?cities=Qingdao,Jinan&view=1.30,40.00,30.00`);
  await p.waitForSelector("html[data-ready=true]");
  await el(p, (m) => { m.setAttribute("lang", "en"); m.setAttribute("basemap", "land"); m.setAttribute("review-number", "GS(2024)0000号"); });
  await nextFrames(p);
  const [w, h] = [960, 540];
  const svgUrl = await dataUrl(p, "exportSvg", { width: w, height: h });
  const pngUrl = await dataUrl(p, "exportPng", { width: w, height: h });
  const svg = Buffer.from(svgUrl.split(",")[1], "base64").toString("utf8");
  const parsed = await p.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    if (doc.querySelector("parsererror")) return { error: doc.querySelector("parsererror").textContent };
    return {
      root: doc.documentElement.localName,
      links: doc.querySelectorAll('g[class^="links."] > path').length,
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent),
      borders: doc.querySelectorAll('[class="borders"]').length,
    };
  }, svg);
  assert.equal(parsed.error, undefined);
  assert.equal(parsed.root, "svg");
  const ties = rows.filter((r) => ["Qingdao", "Jinan"].includes(r.shandong_city)).length;
  assert.equal(parsed.links, ties);
  assert.equal(await el(p, (m) => m.summary().ties), ties);
  for (const t of ["sister city", "friendly cooperation", "Basemap: Natural Earth", "Map review number: GS(2024)0000号"]) assert.ok(parsed.texts.includes(t), t);
  assert.equal(parsed.borders, 0, "land only: no borders");
  // Rendered by Chromium as an image, it is close to the PNG of the same view: at most 1.5 %
  // of the pixels differ by more than 64 levels in a channel (anti-aliasing at edges and the
  // text's rendering differ a little), and the mean difference is under 2 levels.
  const diff = await compareImages(context, svgUrl, pngUrl, w, h, 64);
  assert.ok(diff.over < 0.015 && diff.mean < 2, `SVG vs PNG: ${(diff.over * 100).toFixed(2)} % pixels differ, mean ${diff.mean.toFixed(2)}`);
  console.log(`# SVG vs PNG at ${w}×${h}: ${(diff.over * 100).toFixed(3)} % of pixels differ by > 64, mean difference ${diff.mean.toFixed(3)}; SVG ${svg.length} bytes`);
  writeFileSync(`${ARTIFACTS}export.svg`, svg);
  writeFileSync(`${ARTIFACTS}export-png.png`, Buffer.from(pngUrl.split(",")[1], "base64"));
  const shot = await context.newPage();
  await shot.setViewportSize({ width: w, height: h });
  await shot.setContent(`<body style="margin:0"><img src="${svgUrl}"></body>`);
  await shot.screenshot({ path: `${ARTIFACTS}export-svg-rendered.png` });
  assert.deepEqual(log.errors, []);
  await context.close();
});

/// The EBML elements of `buf` from `start` to `end`: `[{id, data: [from, to]}]`.
function ebml(buf, start = 0, end = buf.length) {
  const out = [];
  const vint = (at, keepMarker) => {
    const first = buf[at];
    let len = 1;
    while (len <= 8 && !(first & (0x80 >> (len - 1)))) len++;
    let v = keepMarker ? first : first & (0xff >> len);
    for (let i = 1; i < len; i++) v = v * 256 + buf[at + i];
    return [v, len];
  };
  let at = start;
  while (at < end) {
    const [id, il] = vint(at, true);
    const [size, sl] = vint(at + il, false);
    const from = at + il + sl;
    out.push({ id, data: [from, Math.min(end, from + size)] });
    at = from + size;
  }
  return out;
}

test("video: a short recording is a WebM of the asked duration whose frames are not blank", async () => {
  const { p, context, log } = await open(`${server.url}?regions=europe`);
  await p.waitForSelector("html[data-ready=true]");
  await el(p, (m) => m.setAttribute("lang", "en"));
  const before = await p.evaluate(() => window.friendshipMap.query());
  const t0 = Date.now();
  const video = await p.evaluate(async () => {
    const m = document.querySelector("friendship-map");
    const progress = [];
    const blob = await m.exportVideo({ width: 320, height: 180, fps: 10, secondsPerYear: 0.5, from: 1985, to: 1987, onProgress: (f) => progress.push(f) });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = "";
    for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return { type: blob.type, b64: btoa(s), progress: progress.length, last: progress.at(-1) };
  });
  const ms = Date.now() - t0;
  console.log(`# a 3-year video at 320×180, 10 fps: made in ${ms} ms`);
  assert.equal(video.type, "video/webm");
  assert.equal(video.last, 1);
  const buf = Buffer.from(video.b64, "base64");
  // The header: EBML with DocType "webm"; the Segment's Info holds the duration.
  const [header, segment] = ebml(buf);
  assert.equal(header.id, 0x1a45dfa3);
  const docType = ebml(buf, ...header.data).find((e) => e.id === 0x4282);
  assert.equal(buf.subarray(...docType.data).toString("latin1"), "webm");
  assert.equal(segment.id, 0x18538067);
  const info = ebml(buf, ...segment.data).find((e) => e.id === 0x1549a966);
  const fields = ebml(buf, ...info.data);
  const scale = Number(buf.readUIntBE(fields.find((e) => e.id === 0x2ad7b1).data[0], fields.find((e) => e.id === 0x2ad7b1).data[1] - fields.find((e) => e.id === 0x2ad7b1).data[0]));
  const durationField = fields.find((e) => e.id === 0x4489);
  const duration = buf.readDoubleBE(durationField.data[0]) * scale / 1e6;
  // The duration asked: a year with new ties lasts secondsPerYear, one without 0.35 of it
  // (as on stage), counted here from the data.
  const inYear = (y) => rows.filter((r) => europe.has(r.country) && r.established.startsWith(String(y))).length;
  const want = [1985, 1986, 1987].reduce((s, y) => s + (inYear(y) ? 500 : 175), 0);
  assert.ok(Math.abs(duration - want) <= 1, `WebM duration ${duration} ms, asked ${want} ms`);
  // The live map was not disturbed.
  assert.equal(await p.evaluate(() => window.friendshipMap.query()), before);
  assert.equal(await p.evaluate(() => window.friendshipMap.snapshot().caption), null);
  // A frame decoded by the browser (a <video> seeked and drawn to a canvas) is a picture.
  const blank = await context.newPage();
  const frame = await blank.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const v = document.createElement("video");
    v.muted = true;
    v.src = URL.createObjectURL(new Blob([bytes], { type: "video/webm" }));
    await new Promise((r, e) => { v.onloadedmetadata = r; v.onerror = () => e(new Error("cannot decode")); });
    v.currentTime = v.duration * 0.7;
    await new Promise((r) => { v.onseeked = r; });
    const c = document.createElement("canvas");
    c.width = v.videoWidth;
    c.height = v.videoHeight;
    const ctx = c.getContext("2d");
    ctx.drawImage(v, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let links = 0;
    for (let i = 0; i < d.length; i += 4) {
      colours.add(`${d[i] >> 4},${d[i + 1] >> 4},${d[i + 2] >> 4}`);
      if (d[i] > 150 && d[i] - d[i + 2] > 80) links++;
    }
    return { w: c.width, h: c.height, duration: v.duration, colours: colours.size, links, png: c.toDataURL("image/png") };
  }, video.b64);
  await blank.close();
  assert.deepEqual([frame.w, frame.h], [320, 180]);
  assert.ok(Math.abs(frame.duration * 1000 - want) < 50, `the browser reads ${frame.duration} s`);
  assert.ok(frame.colours > 20, `a decoded frame has ${frame.colours} colours`);
  assert.ok(frame.links > 20, `link or caption pixels: ${frame.links}`);
  writeFileSync(`${ARTIFACTS}video-frame.png`, Buffer.from(frame.png.split(",")[1], "base64"));
  writeFileSync(`${ARTIFACTS}video.webm`, buf);
  // Where WebCodecs is missing, MediaRecorder records the film in real time: a WebM too.
  const fallback = await p.evaluate(async () => {
    const saved = window.VideoEncoder;
    window.VideoEncoder = undefined;
    try {
      const t = performance.now();
      const blob = await document.querySelector("friendship-map").exportVideo({ width: 160, height: 90, fps: 10, secondsPerYear: 0.3, from: 1985, to: 1986 });
      const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
      return { ms: performance.now() - t, size: blob.size, head: [...head] };
    } finally {
      window.VideoEncoder = saved;
    }
  });
  assert.deepEqual(fallback.head, [0x1a, 0x45, 0xdf, 0xa3], "an EBML file");
  assert.ok(fallback.size > 1000 && fallback.ms >= 300, JSON.stringify(fallback));
  // The button: progress shown, then cancelled.
  await p.click("#export-video");
  await p.locator("#video-bar").waitFor({ state: "visible" });
  await p.click("#video-cancel");
  await p.locator("#video-status").getByText("Video cancelled").waitFor();
  assert.deepEqual(log.errors, []);
  await context.close();
});
