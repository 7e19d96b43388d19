// End to end: stories. A three-step story file served beside the page plays with a clicker's
// keys (nothing focused), each step showing what a page opened with that step's query shows, its
// sentence in the page and for screen readers; presenter mode steps it with space and arrows and
// plays it by itself (4K screenshots in Chinese and English); the share dialog's editor builds a
// story that plays back the same and downloads its file; a short story becomes a WebM of the
// expected length with real frames, and a handout; the one-file page built with the story plays
// it with the network off.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { ARTIFACTS, launch, nextFrames, openMap, settled, startServer } from "./harness.mjs";

const STORY = {
  title: "Test talk",
  steps: [
    { state: "asof=1979&sel=Qingdao&view=6.00,125.60,35.00", caption: { zh: "1979 年：青岛与下关", en: "1979: Qingdao and Shimonoseki" }, duration: 1 },
    { state: "years=1990-1999&regions=eastern-asia", caption: { en: "The 1990s in East Asia" }, duration: 1 },
    { state: "cities=Qingdao&sel=Qingdao&proj=globe", caption: { zh: "青岛的伙伴" }, duration: 1 },
  ],
};
const DIST = new URL("../../dist/", import.meta.url).pathname;

let server, browser;
before(async () => {
  writeFileSync(`${DIST}test-story.json`, JSON.stringify(STORY, null, 2));
  server = await startServer();
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); });

/// What a page (`page`: the stand-alone page, or `embed.html?`) opened with `query` shows: its
/// summary and state query.
async function linked(query, page0 = "?") {
  const { page, context } = await openMap(browser, `${server.url}${page0}${query}`, { reducedMotion: "reduce" });
  await settled(page);
  const out = await page.evaluate(() => ({ summary: window.friendshipMap.snapshot().summary, query: window.friendshipMap.query() }));
  await context.close();
  return out;
}

const shown = (page) => page.evaluate(() => {
  const m = window.friendshipMap;
  const root = document.querySelector("friendship-map").shadowRoot;
  return {
    step: m.snapshot().story?.step,
    summary: m.snapshot().summary,
    query: m.query(),
    text: root.getElementById("story-text").textContent,
    count: root.getElementById("story-count").textContent,
    live: root.getElementById("story-live").textContent,
    caption: m.snapshot().caption,
  };
});

/// Waits until the story shows `step` and the map has come to rest there (`rest`: false on the
/// one-file page, which has no test hooks; there views cut under reduced motion).
async function atStep(page, step, rest = true) {
  await page.waitForFunction((n) => window.friendshipMap.snapshot().story?.step === n, step, { timeout: 10000 });
  await (rest ? settled(page) : nextFrames(page));
}

test("a story file beside the iframe page plays with a clicker's keys, each step as its own link", async () => {
  const { page, context, log } = await openMap(browser, `${server.url}embed.html?lang=en&story=test-story.json`, { reducedMotion: "reduce" });
  await atStep(page, 0);
  const fallback = ["1979: Qingdao and Shimonoseki", "The 1990s in East Asia", "青岛的伙伴"];
  for (let i = 0; i < STORY.steps.length; i++) {
    if (i > 0) {
      // Nothing focused: the key reaches the page, which hands it to the map.
      assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
      await page.keyboard.press("PageDown");
      await atStep(page, i);
    }
    const got = await shown(page);
    const want = await linked(STORY.steps[i].state, "embed.html?lang=en&");
    assert.deepEqual(got.summary, want.summary, `step ${i + 1}`);
    assert.equal(got.query, want.query, `step ${i + 1}`);
    assert.equal(got.text, fallback[i]);
    assert.equal(got.count, `${i + 1} / 3`);
    assert.match(got.live, new RegExp(`^Step ${i + 1} of 3: ${fallback[i]}\\. The map shows ${want.summary.ties} ti`));
    if (i === 1) await page.screenshot({ path: `${ARTIFACTS}story-embed.png` });
  }
  await page.keyboard.press("PageDown");
  assert.equal((await shown(page)).step, 2, "the last step stays");
  await page.keyboard.press("Home");
  await atStep(page, 0);
  await page.keyboard.press("End");
  await atStep(page, 2);
  await page.keyboard.press("PageUp");
  await atStep(page, 1);
  // The table, the canvas's text alternative, says the step.
  await page.click("#table-toggle");
  await page.locator("#table-caption").getByText("Story, step 2 of 3: The 1990s in East Asia").waitFor();
  // Closing the story takes its attribute away; the map stays as the step left it.
  const before = await shown(page);
  await page.click("#story-close");
  await page.waitForFunction(() => !window.friendshipMap.snapshot().story);
  // The panels draw the closed story on their next frame.
  await page.locator("#story").waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.querySelector("friendship-map").hasAttribute("story")), false);
  assert.deepEqual((await shown(page)).summary, before.summary);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a bad step is named with its number and field, and the rest plays", async () => {
  const { page, context, log } = await openMap(browser, server.url);
  const bad = JSON.stringify({ steps: [STORY.steps[0], { state: "regions=atlantis", caption: "x" }, { state: "asof=2000" }] });
  const done = await page.evaluate((text) => document.querySelector("friendship-map").openStory(text, "bad.json"), bad);
  assert.deepEqual(done.problems.map((p) => p.text), [
    "step 2: state: ignored URL parameter regions=\"atlantis\"",
    "step 3: caption: missing (step left out)",
  ]);
  await page.locator("#notice-list").getByText("bad.json: step 3: caption: missing (step left out)").waitFor();
  assert.equal(await page.evaluate(() => window.friendshipMap.snapshot().story.steps), 2);
  assert.ok(log.errors.some((e) => e.includes("bad.json: step 2: state")), "said in the console too");
  await context.close();
});

test("presenter mode steps the story with space and arrows, plays it by itself, and reads from the back of a hall", async () => {
  const { page, context, log } = await openMap(browser, `${server.url}?story=example-story.json`, { viewport: { width: 3840, height: 2160 }, deviceScaleFactor: 1 });
  await atStep(page, 0);
  await page.click("#present-toggle");
  await settled(page);
  let s = await shown(page);
  assert.equal(s.caption, null, "the timeline does not play under a story");
  assert.equal(await page.evaluate(() => window.friendshipMap.snapshot().spinning), false);
  // The sentence is large: at least 2.5% of the screen's width per character line height.
  const size = await page.locator("#story-text").evaluate((n) => parseFloat(getComputedStyle(n).fontSize));
  assert.ok(size >= 100, `font size ${size}px at 3840 px`);
  await page.screenshot({ path: `${ARTIFACTS}story-4k-zh.png` });
  await page.evaluate(() => document.querySelector("friendship-map").setAttribute("lang", "en"));
  await settled(page);
  await page.screenshot({ path: `${ARTIFACTS}story-4k-en.png` });
  await page.keyboard.press(" ");
  await atStep(page, 1);
  await page.keyboard.press("ArrowRight");
  await atStep(page, 2);
  await page.keyboard.press("ArrowLeft");
  await atStep(page, 1);
  s = await shown(page);
  assert.equal(s.count, "2 / 7");
  // Qingdao's step in English, for the report.
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await atStep(page, 3);
  await page.screenshot({ path: `${ARTIFACTS}story-4k-en-qingdao.png` });
  // Automatic play: the step's flight and duration, then the next.
  await page.click("#story-play");
  await page.waitForFunction(() => window.friendshipMap.snapshot().story.playing);
  await page.waitForFunction(() => window.friendshipMap.snapshot().story.step === 4, null, { timeout: 15000 });
  await page.click("#story-play");
  await page.waitForFunction(() => !window.friendshipMap.snapshot().story.playing);
  // Leaving presenter mode keeps the step.
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !window.friendshipMap.snapshot().presenting);
  assert.equal((await shown(page)).step, 4);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the share dialog's editor builds a story that plays back the same", async () => {
  const { page, context, log } = await openMap(browser, server.url, { reducedMotion: "reduce", viewport: { width: 1280, height: 900 } });
  await page.evaluate(() => document.querySelector("friendship-map").setAttribute("lang", "en"));
  const states = ["asof=1985&sel=Jinan", "regions=europe&kinds=sister", "cities=Weihai&proj=equirectangular", "years=2000-2010"];
  const added = [];
  for (const [i, state] of states.entries()) {
    await page.evaluate((q) => window.friendshipMap.dispatch({ type: "query", query: q }), state);
    await settled(page);
    added.push(await page.evaluate(() => ({ summary: window.friendshipMap.snapshot().summary, query: window.friendshipMap.query() })));
    await page.click("#share-toggle");
    if (i === 0) await page.fill("#story-title", "Our talk");
    if (i !== 1) await page.fill("#story-caption-zh", `第 ${i + 1} 步`);
    if (i !== 2) await page.fill("#story-caption-en", `Step ${i + 1} <b>bold</b>`);
    await page.click("#story-add");
    await page.locator("#story-status").getByText(`Step ${i + 1} added.`).waitFor();
    if (i < states.length - 1) await page.click("#share-close");
  }
  // Reordered and trimmed by keyboard: step 3 up, then step 4 deleted.
  await page.locator('button[aria-label="Move step 3 up"]').focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.querySelector("friendship-map").shadowRoot.activeElement?.getAttribute("aria-label")), "Move step 2 up", "the focus follows the step");
  await page.locator('button[aria-label="Delete step 4"]').focus();
  await page.keyboard.press("Enter");
  const order = [0, 2, 1];
  const items = await page.locator("#story-steps li .story-step-text").allTextContents();
  assert.deepEqual(items, ["Step 1 <b>bold</b>", "第 3 步", "Step 2 <b>bold</b>"]);
  await page.screenshot({ path: `${ARTIFACTS}story-editor.png` });
  // The file downloaded is the draft.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#story-download")]);
  const file = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(file.title, "Our talk");
  assert.deepEqual(file.steps.map((s) => s.state), order.map((i) => added[i].query));
  assert.deepEqual(file.steps[1].caption, { zh: "第 3 步" });
  // Preview plays it; paused, each step shows what its view showed when it was added.
  await page.click("#story-preview");
  await page.waitForFunction(() => window.friendshipMap.snapshot().story?.playing);
  await page.evaluate(() => window.friendshipMap.dispatch({ type: "storyPlay", on: false }));
  await atStep(page, 0);
  for (const [step, i] of order.entries()) {
    if (step > 0) {
      await page.keyboard.press("PageDown");
      await atStep(page, step);
    }
    const got = await shown(page);
    assert.deepEqual(got.summary, added[i].summary, `step ${step + 1}`);
    assert.equal(got.query, added[i].query, `step ${step + 1}`);
  }
  assert.equal((await shown(page)).text, "Step 2 <b>bold</b>", "text stays text");
  assert.deepEqual(log.errors, []);
  await context.close();
});

/// The EBML elements of `buf` from `start` to `end`: `[{id, data: [from, to]}]`.
function ebml(buf, start = 0, end = buf.length) {
  const out = [];
  const vint = (at, keepMarker) => {
    let len = 1;
    while (len <= 8 && !(buf[at] & (0x80 >> (len - 1)))) len++;
    let v = keepMarker ? buf[at] : buf[at] & (0xff >> len);
    for (let i = 1; i < len; i++) v = v * 256 + buf[at + i];
    return [v, len];
  };
  for (let at = start; at < end;) {
    const [id, il] = vint(at, true);
    const [size, sl] = vint(at + il, false);
    out.push({ id, data: [at + il + sl, Math.min(end, at + il + sl + size)] });
    at += il + sl + size;
  }
  return out;
}

test("a short story's video lasts its steps and flights with real frames, and its handout holds every step", async () => {
  const { page, context, log } = await openMap(browser, `${server.url}?story=test-story.json`);
  await atStep(page, 0);
  const video = await page.evaluate(async () => {
    const blob = await document.querySelector("friendship-map").exportStoryVideo({ width: 320, height: 180, fps: 10 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = "";
    for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return { type: blob.type, b64: btoa(s) };
  });
  assert.equal(video.type, "video/webm");
  const buf = Buffer.from(video.b64, "base64");
  const [header, segment] = ebml(buf);
  assert.equal(header.id, 0x1a45dfa3);
  const info = ebml(buf, ...segment.data).find((e) => e.id === 0x1549a966);
  const fields = ebml(buf, ...info.data);
  const scaleField = fields.find((e) => e.id === 0x2ad7b1);
  const scale = Number(buf.readUIntBE(scaleField.data[0], scaleField.data[1] - scaleField.data[0]));
  const duration = buf.readDoubleBE(fields.find((e) => e.id === 0x4489).data[0]) * scale / 1e6;
  // Three steps of 1 s and two flights of 1.5 s between them.
  const want = 3 * 1000 + 2 * 1500;
  assert.ok(Math.abs(duration - want) <= 1, `WebM duration ${duration} ms, want ${want} ms`);
  const blank = await context.newPage();
  const frames = await blank.evaluate(async (b64) => {
    const v = document.createElement("video");
    v.muted = true;
    v.src = URL.createObjectURL(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: "video/webm" }));
    await new Promise((r, e) => { v.onloadedmetadata = r; v.onerror = () => e(new Error("cannot decode")); });
    const out = [];
    for (const at of [0.1, 0.5, 0.95]) {
      v.currentTime = v.duration * at;
      await new Promise((r) => { v.onseeked = r; });
      const c = document.createElement("canvas");
      [c.width, c.height] = [v.videoWidth, v.videoHeight];
      const ctx = c.getContext("2d");
      ctx.drawImage(v, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      for (let i = 0; i < d.length; i += 4) colours.add(`${d[i] >> 4},${d[i + 1] >> 4},${d[i + 2] >> 4}`);
      out.push({ colours: colours.size, png: c.toDataURL("image/png") });
    }
    return { duration: v.duration, out };
  }, video.b64);
  await blank.close();
  assert.ok(Math.abs(frames.duration * 1000 - want) < 60, `the browser reads ${frames.duration} s`);
  for (const f of frames.out) assert.ok(f.colours > 20, `a decoded frame has ${f.colours} colours`);
  writeFileSync(`${ARTIFACTS}story-video-frame.png`, Buffer.from(frames.out[0].png.split(",")[1], "base64"));
  writeFileSync(`${ARTIFACTS}story.webm`, buf);
  // The handout: one page, a picture and the sentence per step, no script.
  const html = await page.evaluate(async () => (await document.querySelector("friendship-map").exportHandout({ width: 640, height: 360 })).text());
  assert.equal(html.match(/<section>/g).length, 3);
  assert.equal(html.match(/<svg /g).length, 3);
  for (const c of ["1979: Qingdao and Shimonoseki", "The 1990s in East Asia", "青岛的伙伴", "1979 年：青岛与下关"]) assert.ok(html.includes(c), c);
  assert.ok(!/<script/i.test(html));
  writeFileSync(`${ARTIFACTS}story-handout.html`, html);
  // The live map was not moved by the film or the handout.
  assert.equal((await shown(page)).step, 0);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the one-file page built with a story plays it with the network off", async () => {
  const out = `${DIST}test-one-file-story.html`;
  execFileSync("python3", ["scripts/build_single.py", "--story", `${DIST}test-story.json`, "--out", out], { stdio: "pipe" });
  execFileSync("python3", ["scripts/check_single.py", out], { stdio: "pipe" });
  const want = [];
  for (const s of STORY.steps) want.push(await linked(s.state));
  const context = await browser.newContext({ offline: true, reducedMotion: "reduce", viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`file://${out}`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 20000 });
  await atStep(page, 0, false);
  for (let i = 0; i < STORY.steps.length; i++) {
    if (i > 0) {
      await page.keyboard.press("PageDown");
      await atStep(page, i, false);
    }
    const got = await shown(page);
    assert.deepEqual(got.summary, want[i].summary, `step ${i + 1}`);
    assert.equal(got.text, [STORY.steps[0].caption.zh, STORY.steps[1].caption.en, STORY.steps[2].caption.zh][i]);
  }
  await page.screenshot({ path: `${ARTIFACTS}story-one-file-offline.png` });
  assert.deepEqual(errors, []);
  await context.close();
});
