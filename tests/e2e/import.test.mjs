// End to end: a user's own data file through the page: good rows load, bad rows are listed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ARTIFACTS, launch, nextFrames, openMap, startServer } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test("a broken CSV loads its good rows and lists the bad ones in the page", async () => {
  const { page, context, log } = await openMap(browser, server.url);
  const csv = [
    "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source",
    "Qingdao,青岛市,Kaposvár,考波什堡,HU,city,sister,2010,46.3667,17.8,https://example.org/a",
    "Qingdao,青岛市,Nowhere,无处,XX,city,sister,2010,10,10,https://example.org/b",
    "Jinan,济南市,Pécs,佩奇,HU,city,sister,20x0,46.0762,18.2281,https://example.org/c",
    "Weihai,威海市,Debrecen,德布勒森,HU,city,friendly,2019-05,47.5316,21.6273,https://example.org/f",
  ].join("\n");
  await page.setInputFiles("#import-file", { name: "broken.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector("friendship-map").shadowRoot.getElementById("import-result").textContent.includes("已载入"));
  assert.equal((await page.evaluate(() => window.friendshipMap.snapshot().summary)).ties, 2);
  const errors = await page.locator("#import-errors li").allInnerTexts();
  assert.deepEqual(errors, [
    "broken.csv:3: country: `XX` is not an ISO 3166-1 alpha-2 code",
    "broken.csv:4: established: `20x0` is not YYYY, YYYY-MM or YYYY-MM-DD",
  ]);
  await page.screenshot({ path: `${ARTIFACTS}import-broken.png` });
  // Back to the built-in data.
  await page.click("#builtin-data");
  await nextFrames(page);
  assert.ok((await page.evaluate(() => window.friendshipMap.snapshot().summary)).ties > 200);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the world's 25,917 twin-town pairs load through the page's column mapping", async () => {
  const { page, context } = await openMap(browser, server.url);
  await page.selectOption("#import-preset", "world-twin-cities");
  // The progress the page shows between the import's stages, as the browser paints it.
  await page.evaluate(() => {
    const root = document.querySelector("friendship-map").shadowRoot;
    const bar = root.getElementById("import-progress");
    window.progressSeen = [];
    const look = () => {
      if (!bar.hidden) window.progressSeen.push([bar.value, root.getElementById("import-result").textContent]);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const t0 = Date.now();
  await page.setInputFiles("#import-file", new URL("../../../shared/data/world_twin_cities.csv", import.meta.url).pathname);
  await page.waitForFunction(() => document.querySelector("friendship-map").shadowRoot.getElementById("import-result").textContent.includes("已载入"), null, { timeout: 60000 });
  await nextFrames(page);
  const ms = Date.now() - t0;
  const result = await page.locator("#import-result").innerText();
  const [, loaded, bad] = result.match(/已载入 (\d+) 行，(\d+) 行有误/).map(Number);
  assert.equal(loaded + bad, 25917, result);
  assert.ok(loaded > 25000, result);
  assert.equal((await page.evaluate(() => window.friendshipMap.snapshot().summary)).ties, loaded);
  assert.equal(await page.locator("#import-errors li").count(), Math.min(bad, 500) + (bad > 500 ? 1 : 0));
  const seen = await page.evaluate(() => window.progressSeen);
  assert.ok(seen.some(([v, t]) => v === 1 && t.includes("正在核对")), JSON.stringify(seen.slice(0, 3)));
  assert.ok(seen.some(([v, t]) => v === 2 && t.includes("正在绘制")), JSON.stringify(seen.slice(0, 3)));
  assert.ok(await page.locator("#import-progress").isHidden());
  await page.screenshot({ path: `${ARTIFACTS}import-world.png` });
  console.log(`# world import through the page: ${loaded} loaded, ${bad} rejected, ${ms} ms to first frame`);
  await context.close();
});

const HEADER = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source";
const importFile = async (page, name, buffer) => {
  await page.setInputFiles("#import-file", { name, mimeType: "text/plain", buffer });
  await page.waitForFunction((n) => document.querySelector("friendship-map").shadowRoot.getElementById("import-result").textContent.includes(n) &&
    !document.querySelector("friendship-map").shadowRoot.getElementById("import-result").textContent.includes("…"), name, { timeout: 30000 });
  return page.locator("#import-result").innerText();
};

test("files the page refuses say why, and the data shown stays", async () => {
  const { page, context, log } = await openMap(browser, server.url);
  const before = (await page.evaluate(() => window.friendshipMap.snapshot().summary)).ties;
  // A 50 MB file is refused before it is read.
  const path = join(tmpdir(), `fm-huge-${process.pid}.csv`);
  writeFileSync(path, Buffer.alloc(50 * 1024 * 1024, 0x41));
  await page.setInputFiles("#import-file", path);
  await page.waitForFunction(() => document.querySelector("friendship-map").shadowRoot.getElementById("import-result").textContent.includes("MB"), null, { timeout: 30000 });
  unlinkSync(path);
  assert.match(await page.locator("#import-result").innerText(), /无法读取：fm-huge-\d+\.csv 有 50\.0 MB，超过 16 MB 的上限，未读取/);
  // Latin-1: named as not UTF-8, with the line and column of the first bad byte.
  const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nQingdao,青岛市,K`), Buffer.from([0xf6]), Buffer.from("ln,科隆,DE,city,sister,,50.9,6.9,https://example.org/k\n")]);
  assert.match(await importFile(page, "latin1.csv", latin1), /latin1\.csv:2: file: not UTF-8/);
  // A top-level JSON object.
  assert.match(await importFile(page, "object.json", Buffer.from('{"partner": "Kaposvár"}')), /object\.json:1: file: expected an array of objects/);
  assert.equal((await page.evaluate(() => window.friendshipMap.snapshot().summary)).ties, before, "the built-in data stays");
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("JSON entries keep their types; a partner outside its country is listed", async () => {
  const { page, context } = await openMap(browser, server.url);
  const row = { shandong_city: "Qingdao", shandong_city_zh: "青岛市", partner: "Kaposvár", partner_zh: "考波什堡", country: "HU", level: "city", kind: "sister", established: "2010", lat: 46.3667, lon: 17.8, source: "https://example.org/a" };
  const entries = [row, "not an object", { ...row, partner: "Pécs", partner_zh: "佩奇", lat: true }, { ...row, partner: "Győr", partner_zh: "杰尔", lat: 35.0, lon: 139.0 }];
  await page.setInputFiles("#import-file", { name: "ties.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(entries)) });
  await page.waitForFunction(() => document.querySelector("friendship-map").shadowRoot.getElementById("import-result").textContent.includes("已载入"), null, { timeout: 30000 });
  const errors = await page.locator("#import-errors li").allInnerTexts();
  assert.equal(errors.length, 3, errors.join("\n"));
  assert.match(errors[0], /^ties\.json:2: .*a string/);
  assert.match(errors[1], /^ties\.json:3: lat: .*`true`/);
  assert.match(errors[2], /^ties\.json:4: lat\/lon: Győr \(35, 139\) is not in Hungary \(HU\)/);
  assert.equal((await page.evaluate(() => window.friendshipMap.snapshot().summary)).ties, 1);
  await context.close();
});
