// End to end: an accessibility audit with axe-core (WCAG 2.1 A and AA rules, the map's shadow
// root included) of the page in Chinese and English, the iframe page, presenter mode, the share
// dialog, the table, a story's step on stage and the story editor. Any serious or critical violation fails, named with its nodes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { launch, nextFrames, startServer, withDiagnostics } from "./harness.mjs";

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const AXE = readFileSync(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url), "utf8");

/// Opens `path` (the audit script is injected, so this context does not enforce the page's CSP;
/// the other tests run under it) and runs `prepare(page)` before the audit.
async function audit(path, prepare = async () => {}) {
  const context = await withDiagnostics(await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true }));
  const page = await context.newPage();
  await page.goto(server.url + path);
  await page.waitForFunction(() => [...document.querySelectorAll("friendship-map")].every((m) => m.dataset.ready === "true"), null, { timeout: 20000 });
  await prepare(page);
  await nextFrames(page);
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  await context.close();
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const VIEWS = [
  ["the page in Chinese", "index.html"],
  ["the page in English", "index.html?lang=en", async (p) => p.click("#lang-toggle")],
  ["the iframe page", "embed.html?lang=en&cities=Qingdao"],
  ["presenter mode", "embed.html?mode=present"],
  ["the share dialog", "index.html", async (p) => { await p.click("#share-toggle"); await p.waitForSelector("#share-dialog[open]"); }],
  ["the table", "index.html", async (p) => { await p.click("#table-toggle"); await p.waitForSelector("#table tbody tr"); }],
  ["a story's step in presenter mode", "embed.html?mode=present&story=example-story.json", async (p) => {
    await p.waitForFunction(() => window.friendshipMap.snapshot().story);
  }],
  ["the story editor with steps", "index.html", async (p) => {
    await p.click("#share-toggle");
    for (const text of ["一", "二"]) {
      await p.fill("#story-caption-zh", text);
      await p.click("#story-add");
    }
    await p.waitForSelector("#story-steps li:nth-child(2)");
  }],
];

for (const [name, path, prepare] of VIEWS) {
  test(`accessibility: ${name} has no serious or critical violation`, async () => {
    const bad = await audit(path, prepare);
    assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
  });
}
