// End to end: a user's own data file through the page: good rows load, bad rows are listed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
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
  assert.equal((await page.evaluate(() => window.friendshipMap.summary())).ties, 2);
  const errors = await page.locator("#import-errors li").allInnerTexts();
  assert.deepEqual(errors, [
    "broken.csv:3: country: `XX` is not an ISO 3166-1 alpha-2 code",
    "broken.csv:4: established: `20x0` is not YYYY, YYYY-MM or YYYY-MM-DD",
  ]);
  await page.screenshot({ path: `${ARTIFACTS}import-broken.png` });
  // Back to the built-in data.
  await page.click("#builtin-data");
  await nextFrames(page);
  assert.ok((await page.evaluate(() => window.friendshipMap.summary())).ties > 200);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("the world's 25,917 twin-town pairs load through the page's column mapping", async () => {
  const { page, context } = await openMap(browser, server.url);
  await page.selectOption("#import-preset", "world-twin-cities");
  const t0 = Date.now();
  await page.setInputFiles("#import-file", new URL("../../../shared/data/world_twin_cities.csv", import.meta.url).pathname);
  await page.waitForFunction(() => document.querySelector("friendship-map").shadowRoot.getElementById("import-result").textContent.includes("已载入"), null, { timeout: 60000 });
  await nextFrames(page);
  const ms = Date.now() - t0;
  const result = await page.locator("#import-result").innerText();
  const [, loaded, bad] = result.match(/已载入 (\d+) 行，(\d+) 行有误/).map(Number);
  assert.equal(loaded + bad, 25917, result);
  assert.ok(loaded > 25000, result);
  assert.equal((await page.evaluate(() => window.friendshipMap.summary())).ties, loaded);
  assert.equal(await page.locator("#import-errors li").count(), Math.min(bad, 500) + (bad > 500 ? 1 : 0));
  await page.screenshot({ path: `${ARTIFACTS}import-world.png` });
  console.log(`# world import through the page: ${loaded} loaded, ${bad} rejected, ${ms} ms to first frame`);
  await context.close();
});
