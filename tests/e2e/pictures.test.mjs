// End to end: with the world's 25,917 pairs loaded, drags and wheel zooms move or scale a
// picture of the basemap and links (they do not re-stroke them), and once the gesture rests the
// map shows exactly what a fresh draw of the same view shows.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, launch, nextFrames, openMap, settled, startServer } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

/// Channels may differ by this much (anti-aliasing noise) without the pixel counting as changed.
const CHANNEL_TOLERANCE = 24;
/// At most this share of the canvas's pixels may differ between the resting map and a fresh draw.
const MAX_DIFFERENT = 0.001;

/// Share of pixels that differ between the map's canvas and a fresh draw of its frame.
const differenceFromFresh = (page) => page.evaluate((tol) => {
  const shown = document.querySelector("friendship-map").shadowRoot.querySelector("#map canvas");
  const fresh = document.createElement("canvas");
  window.fmd.freshDraw(fresh);
  const a = shown.getContext("2d").getImageData(0, 0, shown.width, shown.height).data;
  const b = fresh.getContext("2d").getImageData(0, 0, fresh.width, fresh.height).data;
  if (a.length !== b.length) return 1;
  let differ = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i] - b[i]) > tol || Math.abs(a[i + 1] - b[i + 1]) > tol || Math.abs(a[i + 2] - b[i + 2]) > tol) differ++;
  }
  return differ / (a.length / 4);
}, CHANNEL_TOLERANCE);

/// Waits until the gesture has rested and its sharp frame is painted.
const rest = settled;

test("with the world set loaded, pans and zooms copy a picture and the resting map equals a fresh draw", async () => {
  // A fractional pixel ratio: a 3 px drag moves the picture by 4.5 device pixels, off the grid,
  // so the resting frame must draw it again rather than keep the rounded copy.
  const { page, context, log } = await openMap(browser, server.url, { deviceScaleFactor: 1.5 });
  await page.selectOption("#import-preset", "world-twin-cities");
  await page.setInputFiles("#import-file", new URL("../../../shared/data/world_twin_cities.csv", import.meta.url).pathname);
  await page.waitForFunction(() => document.querySelector("friendship-map").shadowRoot.getElementById("import-result").textContent.includes("已载入"), null, { timeout: 60000 });
  assert.ok(await page.evaluate(() => window.friendshipMap.snapshot().summary.ties) > 25000);
  await rest(page);
  const box = await page.locator("#map canvas").boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const checked = [];
  const check = async (what) => {
    await rest(page);
    const share = await differenceFromFresh(page);
    checked.push(`${what} ${(share * 100).toFixed(3)} %`);
    assert.ok(share <= MAX_DIFFERENT, `${what}: ${(share * 100).toFixed(3)} % of pixels differ from a fresh draw`);
  };
  await check("after the import");

  // A drag: every frame of it after the first copies the picture.
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const dragFrames = [];
  for (let i = 1; i <= 21; i++) {
    await page.mouse.move(cx - 3 * i, cy - 1.5 * i);
    await nextFrames(page);
    dragFrames.push(await page.evaluate(() => window.fmd.fromPicture()));
  }
  await page.mouse.up();
  assert.ok(dragFrames.slice(1).every(Boolean), `drag frames from the picture: ${dragFrames}`);
  await check("after a drag");

  // Wheel zooms in, then out: the frames between the notches scale the picture.
  const zoomFrames = [];
  for (const dy of [-120, -120, -120, 120, -120]) {
    await page.mouse.wheel(0, dy);
    await nextFrames(page);
    zoomFrames.push(await page.evaluate(() => window.fmd.fromPicture()));
  }
  assert.ok(zoomFrames.filter(Boolean).length >= 3, `zoom frames from the picture: ${zoomFrames}`);
  assert.ok((await page.evaluate(() => window.fmd.view().zoom)) > 1.5);
  await check("after wheel zooms");

  // A drag while zoomed in (the world picture stays behind for zoom-outs).
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(cx + 5 * i, cy + 2.3 * i);
  await page.mouse.up();
  await check("after a drag zoomed in");
  await page.screenshot({ path: `${ARTIFACTS}pictures-world-zoomed.png` });
  console.log(`# world set, differences from a fresh draw: ${checked.join("; ")}`);
  // (The test's own read-backs draw Chromium's advice to make the canvas willReadFrequently.)
  assert.deepEqual(log.errors.filter((e) => !e.includes("willReadFrequently")), []);
  await context.close();
});
