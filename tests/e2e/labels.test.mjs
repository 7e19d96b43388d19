// End to end: the map names places. Screenshots at a desk, on a phone and on a 4K stage, in
// Chinese and English: at first sight (issue 21) partners named by weight (10–20 at a desk,
// 3–6 on a phone) and South Korea and Japan named with their counts; the stage picture's
// sizes; a click in the Shandong close-up; names in the exported PNG.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, launch, nextFrames, startServer, withDiagnostics } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function open(path, viewport, deviceScaleFactor) {
  const context = await withDiagnostics(await browser.newContext({ viewport, deviceScaleFactor }));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + path);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30000 });
  await nextFrames(page);
  return { page, context, errors };
}

const labels = (page) => page.evaluate(() => window.fmd.labels());
const han = /[\u4e00-\u9fff]/;
const partnerNames = (named) => named.filter(([layer]) => layer === "labels.partner").map(([, text]) => text);

/// South Korea and Japan are named on the map with the counts of their shown ties (the
/// snapshot's statistics, counted apart from the names), in the page's language.
async function koreaAndJapanNamed(page, named, lang, where) {
  const top = await page.evaluate(() => window.friendshipMap.snapshot().stats.top_countries);
  for (const code of ["KR", "JP"]) {
    const c = top.find((t) => t.id === code);
    const want = `${lang === "zh" ? c.name_zh : c.name_en} ${c.count.sister + c.count.friendly}`;
    const countries = named.filter(([layer]) => layer === "labels.country").map(([, text]) => text);
    assert.ok(countries.includes(want), `${where}: ${want} among ${JSON.stringify(countries)}`);
  }
}

for (const lang of ["zh", "en"]) {
  test(`names in ${lang} at a desk, on a phone and on a 4K stage`, async () => {
    const desk = await open(`embed.html?lang=${lang}`, { width: 1280, height: 720 }, 2);
    const named = await labels(desk.page);
    const map = named.filter(([layer]) => layer.startsWith("labels."));
    const inset = named.filter(([layer]) => layer === "inset.labels");
    assert.ok(map.length >= 4, JSON.stringify(map));
    assert.ok(inset.length >= 14, `the close-up names most of the 16 cities: ${JSON.stringify(inset)}`);
    for (const [, text] of [...map, ...inset]) assert.equal(han.test(text), lang === "zh", text);
    const deskPartners = partnerNames(named);
    assert.ok(deskPartners.length >= 10 && deskPartners.length <= 20, `desk: ${JSON.stringify(deskPartners)}`);
    await koreaAndJapanNamed(desk.page, named, lang, "desk");
    await desk.page.screenshot({ path: `${ARTIFACTS}labels-desk-${lang}.png` });
    assert.deepEqual(desk.errors, []);
    await desk.context.close();

    // A phone has no room for the close-up, but names a few partners, South Korea and Japan;
    // zoomed in, more partners get their names.
    const phone = await open(`embed.html?lang=${lang}`, { width: 390, height: 844 }, 3);
    const phoneNamed = await labels(phone.page);
    assert.equal(phoneNamed.filter(([l]) => l.startsWith("inset")).length, 0);
    const phonePartners = partnerNames(phoneNamed);
    assert.ok(phonePartners.length >= 3 && phonePartners.length <= 6, `phone: ${JSON.stringify(phonePartners)}`);
    await koreaAndJapanNamed(phone.page, phoneNamed, lang, "phone");
    await phone.page.screenshot({ path: `${ARTIFACTS}labels-phone-world-${lang}.png` });
    await phone.page.evaluate(() => window.friendshipMap.dispatch({ type: "query", query: "view=5.00,10.00,48.00" }).warnings);
    await nextFrames(phone.page);
    assert.ok((await labels(phone.page)).length >= 3, "zoomed in on Europe, names appear");
    await phone.page.screenshot({ path: `${ARTIFACTS}labels-phone-${lang}.png` });
    await phone.context.close();

    const stage = await open(`embed.html?lang=${lang}&mode=present`, { width: 3840, height: 2160 }, 1);
    // Presenter mode plays the years: wait for the first names it places.
    await stage.page.waitForFunction(() => window.fmd.labels().length >= 1, null, { timeout: 10000 });
    await stage.page.screenshot({ path: `${ARTIFACTS}labels-stage-4k-${lang}.png` });
    // Out of the timeline, the stage shows every tie: the same first sight, at the stage's size.
    await stage.page.evaluate(() => window.friendshipMap.dispatch({ type: "stop" }));
    await nextFrames(stage.page);
    const stageNamed = await labels(stage.page);
    const stagePartners = partnerNames(stageNamed);
    assert.ok(stagePartners.length >= 10 && stagePartners.length <= 20, `stage: ${JSON.stringify(stagePartners)}`);
    await koreaAndJapanNamed(stage.page, stageNamed, lang, "stage");
    await stage.page.screenshot({ path: `${ARTIFACTS}labels-stage-4k-world-${lang}.png` });
    await stage.context.close();
  });
}

test("the 4K stage picture draws links and names at least 1.8 times the desk's device pixels", async () => {
  // Device pixels of a 1 px link and a 12 px name: CSS px × picture scale × device pixel ratio.
  const size = async (path, viewport, dpr) => {
    const { page, context } = await open(path, viewport, dpr);
    const k = await page.evaluate(() => window.fmd.drawingScale());
    await context.close();
    return k * dpr;
  };
  const desk = await size("", { width: 1280, height: 720 }, 2);
  const stage = await size("embed.html?mode=present", { width: 3840, height: 2160 }, 1);
  const hd = await size("embed.html?mode=present", { width: 1920, height: 1080 }, 2);
  assert.ok(stage >= 1.8 * desk, `stage ${stage} vs desk ${desk}`);
  assert.equal(stage, hd, "3840×2160 at ratio 1 shows the 1920×1080 picture at ratio 2");
});

test("a click on a city in the close-up selects it; names are in the exported PNG", async () => {
  const { page, context } = await open("", { width: 1280, height: 720 }, 1);
  const weihai = (await labels(page)).find(([layer, text]) => layer === "inset.labels" && text.startsWith("威海"));
  assert.ok(weihai, "Weihai named in the close-up");
  const box = await page.locator("#map canvas").boundingBox();
  await page.mouse.click(box.x + weihai[2], box.y + weihai[3]);
  assert.equal(await page.evaluate(() => window.friendshipMap.snapshot().selected), "Weihai");
  await nextFrames(page);
  await page.screenshot({ path: `${ARTIFACTS}labels-inset-weihai.png` });
  // The export paints the same names: dark glyph pixels where a name is anchored.
  const named = (await labels(page)).filter(([layer]) => layer.startsWith("labels."));
  assert.ok(named.length > 0);
  const inked = await page.evaluate(async (names) => {
    const el = document.querySelector("friendship-map");
    const r = el.shadowRoot.querySelector("#map canvas").getBoundingClientRect();
    const blob = await el.exportPng({ width: Math.round(r.width), height: Math.round(r.height) });
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = c.getContext("2d");
    ctx.drawImage(bmp, 0, 0);
    // Inside each name's own box (no marker lies there, links may): glyph pixels, neutral
    // dark grey or black, or the emphasis's dark red.
    return names.map(([, text, x, y, fx, fy, font]) => {
      ctx.font = font;
      const w = ctx.measureText(text).width;
      const size = parseFloat(font.match(/(\d+(\.\d+)?)px/)[1]);
      const d = ctx.getImageData(Math.round(x - fx * w), Math.round(y - fy * size), Math.max(1, Math.round(w)), Math.round(size)).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
        const grey = Math.max(r, g, b) - Math.min(r, g, b) < 16 && r < 170;
        if (grey || (r > 120 && r < 190 && g < 50 && b < 70)) n++;
      }
      return n;
    });
  }, named);
  assert.ok(inked.every((n) => n > 5), `glyph pixels near each name: ${inked}`);
  await context.close();
});
