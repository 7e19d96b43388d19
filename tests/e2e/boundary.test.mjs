// End to end: the seam between the page and the map. Every method of every class the module
// exports refuses values of the wrong kind with a normal error (never a trap); a filter click
// is one call into the map and one snapshot; what the panel does not show (several regions,
// cities beyond its list) survives clicks; repeated imports keep memory flat; pictures and
// videos refuse bad options as errors of their kind.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, nextFrames, openMap, readCsv, startServer } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const WORLD = new URL("../../../shared/data/world_twin_cities.csv", import.meta.url).pathname;

test("every exported method takes any value without trapping, and the map lives on", async () => {
  const { page, context, log } = await openMap(browser, server.url);
  const result = await page.evaluate(async () => {
    const el = document.querySelector("friendship-map");
    const m = el.module;
    const big = "x".repeat(10 * 1024 * 1024);
    const values = [undefined, null, 0, -1, "Qingdao", {}, { type: "select", city: 0 }, NaN, big, [1, 2], () => 1];
    const tried = [];
    const traps = [];
    // The methods as the built module lists them: a new method cannot escape this test.
    const raw = new m.FriendshipMap(document.createElement("div"));
    const film = raw.film({ width: 64, height: 36 });
    const objects = [["FriendshipMap", raw], ["Diagnostics", new m.Diagnostics(raw)], ["Film", film]];
    const skip = new Set(["constructor", "free", "panicForTest", "__destroy_into_raw"]);
    for (const [name, obj] of objects) {
      const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(obj)).filter((k) => typeof obj[k] === "function" && !skip.has(k) && !k.startsWith("__"));
      for (const method of methods) {
        for (const v of values) {
          for (const args of [[v], [v, v]]) {
            try {
              obj[method](...args);
            } catch (e) {
              if (e instanceof WebAssembly.RuntimeError) traps.push(`${name}.${method}(${typeof v}): ${e.message}`);
            }
          }
        }
        tried.push(`${name}.${method}`);
      }
    }
    // The exported functions too.
    for (const f of Object.keys(m).filter((k) => typeof m[k] === "function" && /^[a-z]/.test(k) && k !== "default" && k !== "initSync")) {
      for (const v of values) {
        try { m[f](v); } catch (e) { if (e instanceof WebAssembly.RuntimeError) traps.push(`${f}: ${e.message}`); }
      }
      tried.push(f);
    }
    film.free();
    raw.free();
    // A number where text is wanted is a TypeError naming the argument.
    let typeError = null;
    try { el.map.search(7); } catch (e) { typeError = `${e.constructor.name}: ${e.message}`; }
    let selectZero = null;
    try { el.map.dispatch({ type: "select", city: -1 }); } catch (e) { selectZero = `${e.constructor.name}: ${e.message}`; }
    return { tried, traps, typeError, selectZero, ties: el.map.snapshot().summary.ties };
  });
  assert.deepEqual(result.traps, []);
  for (const m of ["FriendshipMap.dispatch", "FriendshipMap.on", "FriendshipMap.search", "FriendshipMap.publish", "Film.seek", "Diagnostics.screenPoint", "unknownKeys"]) {
    assert.ok(result.tried.includes(m), `${m} not tried: ${result.tried}`);
  }
  assert.match(result.typeError, /^TypeError: search\(query\) takes text, not a number/);
  assert.match(result.selectZero, /^TypeError: dispatch\(command\)\.city takes a city name, an index or null/);
  assert.ok(result.ties > 200, "the map still answers");
  assert.deepEqual(log.errors.filter((e) => !/ignored|unknown/.test(e)), []);
  await context.close();
});

test("a filter click is one call into the map and one snapshot; regions and cities the panel does not show survive", async () => {
  const { page, context } = await openMap(browser, `${server.url}?regions=europe,sco`);
  // Count the calls into the wasm handle and the snapshots it hands back.
  await page.evaluate(() => {
    const el = document.querySelector("friendship-map");
    window.calls = [];
    window.snapshots = 0;
    const proto = el.module.FriendshipMap.prototype;
    for (const k of Object.getOwnPropertyNames(proto)) {
      const f = proto[k];
      if (typeof f !== "function" || k === "constructor") continue;
      proto[k] = function (...args) { window.calls.push(k); window.commands = [...(window.commands ?? []), JSON.stringify(args[0])]; return f.apply(this, args); };
    }
    el.addEventListener("filterchange", () => window.snapshots++);
    const render = el.stats.render.bind(el.stats);
    el.stats.render = (s) => { window.rendered = (window.rendered ?? 0) + 1; render(s); };
  });
  // (A click that changes what the legend lists, e.g. hiding every letter of intent, also tells
  // the map the legend's new box, so that no name goes under it: a second call, by design.
  // These three leave the legend as it is.)
  for (const id of ["#level-province", '#evidence input[data-evidence="secondary"]', '#evidence input[data-evidence="news"]']) {
    await page.evaluate(() => { window.calls = []; window.rendered = 0; });
    await page.click(id);
    await page.waitForFunction(() => window.rendered >= 1);
    await nextFrames(page);
    assert.deepEqual(await page.evaluate(() => window.calls), ["dispatch"], `${id}: calls into the map: ${await page.evaluate(() => window.commands)}`);
    assert.equal(await page.evaluate(() => window.rendered), 1, `${id}: snapshots rendered`);
  }
  const f = await page.evaluate(() => window.friendshipMap.snapshot().filter);
  assert.deepEqual(f.regions, ["europe", "sco"]);
  assert.equal(f.province_level, false);
  assert.deepEqual(f.evidence, ["official", "partner-side"]);
  assert.equal(await page.evaluate(() => window.snapshots), 3, "one filterchange event per click");
  await context.close();
});

test("seventy imported origins selected stay selected after a click", async () => {
  const { page, context } = await openMap(browser, server.url);
  const header = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source,origin_lat,origin_lon\n";
  const rows = Array.from({ length: 70 }, (_, i) => `Origin${i},源${i},Partner${i},伙伴${i},JP,city,sister,2000,35.${i},139.${i},https://example.org/${i},${10 + i / 10},${20 + i / 10}`).join("\n");
  await page.evaluate((csv) => window.friendshipMap.dispatch({ type: "import", data: csv, options: { file: "seventy.csv" } }), header + rows + "\n");
  const names = Array.from({ length: 70 }, (_, i) => `Origin${i}`);
  await page.evaluate((cities) => window.friendshipMap.dispatch({ type: "filter", cities }), names);
  await nextFrames(page);
  assert.equal((await page.evaluate(() => window.friendshipMap.snapshot().filter)).cities.length, 70);
  await page.click("#kind-friendly");
  await nextFrames(page);
  const after = await page.evaluate(() => window.friendshipMap.snapshot().filter);
  assert.equal(after.cities.length, 70, "the cities beyond the panel's list were kept");
  assert.equal(after.friendly, false);
  await context.close();
});

test("a filter refuses what it cannot use, by name, and keeps each value once", async () => {
  const { page, context } = await openMap(browser, server.url);
  const refused = await page.evaluate(() => {
    const out = [];
    for (const f of [{ regions: ["europe", "atlantis"] }, { evidence: ["rumour"] }, { cities: ["Gotham"] }, { cities: [999] }]) {
      try { document.querySelector("friendship-map").filter = f; out.push(null); } catch (e) { out.push(e.message); }
    }
    return out;
  });
  assert.match(refused[0], /atlantis/);
  assert.match(refused[1], /rumour/);
  assert.match(refused[2], /Gotham/);
  assert.match(refused[3], /999/);
  assert.equal((await page.evaluate(() => window.friendshipMap.snapshot().filter)).regions.length, 0, "the map stayed as it was");
  await page.evaluate(() => window.friendshipMap.dispatch({ type: "filter", cities: Array(1_000_00).fill(0) }));
  await nextFrames(page);
  assert.deepEqual((await page.evaluate(() => window.friendshipMap.snapshot().filter)).cities, [0]);
  assert.equal(await page.evaluate(() => window.friendshipMap.query()), "cities=Shandong");
  await context.close();
});

test("ten imports of the world file in a row keep the wasm's memory flat", async () => {
  const { page, context } = await openMap(browser, server.url);
  const text = readFileSync(WORLD, "utf8");
  const sizes = [];
  for (let i = 0; i < 10; i++) {
    const loaded = await page.evaluate((t) => window.friendshipMap.dispatch({ type: "import", data: t, options: { preset: "world-twin-cities" } }).report.loaded, text);
    assert.ok(loaded > 25000);
    await nextFrames(page);
    sizes.push(await page.evaluate(() => window.fmd.wasmMemoryBytes()));
  }
  console.log(`# wasm memory after each import, MB: ${sizes.map((b) => (b / 1e6).toFixed(1)).join(", ")}`);
  // Memory grows to hold two datasets while the second import is read, then stays.
  assert.equal(sizes[9], sizes[2], `memory grew from the third import to the tenth: ${sizes}`);
  await context.close();
});

test("pictures and videos refuse bad options as errors of their kind", async () => {
  const { page, context } = await openMap(browser, server.url);
  const out = await page.evaluate(async () => {
    const el = document.querySelector("friendship-map");
    const why = async (p) => { try { await p; return null; } catch (e) { return `${e.name}: ${e.message}`; } };
    const controller = new AbortController();
    controller.abort();
    return {
      negative: await why(el.exportPng({ width: -1 })),
      huge: await why(el.exportPng({ width: 9000, height: 100 })),
      svgNaN: await why(el.exportSvg({ width: NaN, height: 100 })),
      aborted: await why(el.exportVideo({ width: 64, height: 36, signal: controller.signal })),
    };
  });
  assert.match(out.negative, /^Error: width: -1 px is not from 16 to 8192/);
  assert.match(out.huge, /^Error: width: 9000 px is not from 16 to 8192/);
  assert.match(out.svgNaN, /^TypeError: publish\(options\)\.width takes a finite number, not NaN/);
  assert.match(out.aborted, /^AbortError/);
  await context.close();
});

test("the built-in rows' sources come after the first frame, every one as the data file has it", async () => {
  const { page, context, log } = await openMap(browser, server.url);
  const rows = readCsv("data/partnerships.csv");
  // The wasm carries the rows without their URLs; the page hands them over after its first frame.
  await page.waitForFunction(() => window.friendshipMap.export("csv").includes("https://"));
  const exported = await page.evaluate(() => window.friendshipMap.export("csv"));
  const lines = exported.trim().split("\n");
  assert.equal(lines.length - 1, rows.length);
  for (const r of rows) {
    const url = r.source.split(/\s+/)[0];
    assert.ok(exported.includes(url), `${r.shandong_city} – ${r.partner}: ${url}`);
  }
  // The table shows them as links.
  await page.click("#table-toggle");
  await page.waitForSelector("#table tbody tr td a");
  assert.equal(await page.locator("#table tbody tr").count(), rows.length);
  assert.deepEqual(log.errors, []);
  await context.close();
});
