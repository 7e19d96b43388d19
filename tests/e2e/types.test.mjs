// End to end: the TypeScript declarations shipped in dist/ (www/friendship-map.d.ts) agree with
// the built map. Real values taken from the page (snapshots with the table open, a playback
// caption, imported origins; a tooltip; search hits; an import report; dispatch results), the
// handle's command names (read from the Rust that reads them) and the element's attribute names
// are written out as typed TypeScript and compiled with `tsc --noEmit --strict`: a field the map
// sends and the declarations lack, or one they declare and the map never sends, fails; so does
// the usage file, whose wrong attribute and command names must be errors.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ATTRIBUTES } from "../../www/attributes.js";
import { launch, nextFrames, openMap, startServer } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const ROOT = new URL("../../", import.meta.url).pathname;
const OUT = `${ROOT}test-artifacts/types/`;
const tsc = (project) => execFileSync(`${ROOT}node_modules/.bin/tsc`, ["-p", project], { encoding: "utf8", stdio: "pipe" });

test("the usage file type-checks against the declarations, and its wrong names are errors", () => {
  tsc(`${ROOT}tests/types/tsconfig.json`);
});

test("real snapshots, events and results, the command names and the attributes match the declarations", async () => {
  const { page, context } = await openMap(browser, `${server.url}?asof=1990`);
  const values = await page.evaluate(async () => {
    const m = window.friendshipMap;
    const events = [];
    m.on((e) => events.push(e));
    const out = {};
    m.dispatch([{ type: "table", open: true }, { type: "play" }, { type: "pause" }]);
    m.render();
    out.playing = m.snapshot();
    out.hits = m.search("青岛");
    out.query = m.dispatch({ type: "query", query: "regions=europe,atlantis&sel=Qingdao" });
    m.render();
    out.selected = m.snapshot();
    const csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source,origin_lat,origin_lon\n" +
      "Berlin,柏林,Beijing,北京,CN,city,sister,1994,39.9,116.4,https://example.org/a,52.52,13.40\nBad,坏,,,XX,city,sister,,1,1,,1,1\n";
    out.imported = m.dispatch({ type: "import", data: csv, options: { file: "x.csv" } });
    m.render();
    out.importedSnapshot = m.snapshot();
    m.dispatch({ type: "builtinData" });
    const talk = JSON.stringify({ title: "t", steps: [{ state: "asof=1979&sel=Qingdao&foo=1", caption: { zh: "一" }, duration: 3 }, { caption: "x" }] });
    out.storyOpened = m.dispatch({ type: "story", text: talk });
    out.keyed = m.dispatch({ type: "key", key: "PageDown" });
    out.checked = m.checkStory(talk);
    out.storyFile = m.story();
    m.render();
    out.storied = m.snapshot();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    out.events = events.filter((e) => e.type !== "data" || e === events.findLast((x) => x.type === "data"));
    return out;
  });
  // A tooltip from a real hover.
  const tip = await page.evaluate(async () => {
    const m = window.friendshipMap;
    m.dispatch([{ type: "builtinData" }]);
    m.render();
    const [x, y] = window.fmd.screenPoint(130.94, 33.96);
    let got = null;
    m.on((e) => { if (e.type === "hover") got = e; });
    m.dispatch({ type: "hover", x, y });
    return got;
  });
  await nextFrames(page);
  await context.close();
  const commands = [...readFileSync(`${ROOT}src/web/command_js.rs`, "utf8").matchAll(/^\s+"([a-zA-Z]+)" =>/gm)].map((m) => m[1]);
  assert.ok(commands.length > 30, `${commands.length} command names read`);
  const lit = (v) => JSON.stringify(v, null, 1);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}real.ts`, `// Written by tests/e2e/types.test.mjs from the built map; checked by tsc.
import type { Dispatched, FriendshipMapAttribute, MapCommand, MapEvent, SearchHit, Snapshot, Story, StoryProblem } from "../../www/friendship-map";
export const playing: Snapshot = ${lit(values.playing)};
export const selected: Snapshot = ${lit(values.selected)};
export const importedSnapshot: Snapshot = ${lit(values.importedSnapshot)};
export const hits: SearchHit[] = ${lit(values.hits)};
export const query: Dispatched = ${lit(values.query)};
export const imported: Dispatched = ${lit(values.imported)};
export const storied: Snapshot = ${lit(values.storied)};
export const storyOpened: Dispatched = ${lit(values.storyOpened)};
export const keyed: Dispatched = ${lit(values.keyed)};
export const checked: StoryProblem[] = ${lit(values.checked)};
export const storyFile: Story = ${lit(values.storyFile)};
export const events: MapEvent[] = ${lit([...values.events, tip].filter(Boolean))};
// Every command the map reads is declared, and every declared one is read.
export const commandTypes: MapCommand["type"][] = ${lit(commands)};
export const everyCommand: Record<MapCommand["type"], true> = ${lit(Object.fromEntries(commands.map((c) => [c, true])))};
// The same for the element's attributes.
export const attributes: FriendshipMapAttribute[] = ${lit(ATTRIBUTES)};
export const everyAttribute: Record<FriendshipMapAttribute, true> = ${lit(Object.fromEntries(ATTRIBUTES.map((a) => [a, true])))};
`);
  writeFileSync(`${OUT}tsconfig.json`, JSON.stringify({ extends: "../../tests/types/tsconfig.json", files: ["real.ts"] }));
  try {
    tsc(`${OUT}tsconfig.json`);
  } catch (e) {
    assert.fail(`the declarations disagree with the built map:\n${e.stdout}`);
  }
  assert.ok(values.query.warnings.some((w) => w.value === "atlantis"));
  assert.ok(values.playing.caption.new_partners.length >= 1, "a caption with new partners was checked");
  assert.ok(tip?.tooltip?.ties?.length >= 1, "a tooltip was taken from a hover");
  assert.ok(values.storied.story && values.storyOpened.problems.length === 2, "a story with its problems was checked");
});
