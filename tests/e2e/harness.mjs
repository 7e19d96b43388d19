// Shared set-up for the end-to-end tests: serve dist/ with the real server (and its CSP header)
// on a free port, and launch Debian's Chromium through playwright-core.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { chromium } from "playwright-core";

export const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });

export async function startServer() {
  const proc = spawn("python3", ["scripts/serve.py", "--port", "0", "--dir", "dist"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    proc.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve(m[0]);
    });
    proc.on("exit", (code) => reject(new Error(`server exited ${code}`)));
    setTimeout(() => reject(new Error("server did not start")), 10000);
  });
  return { url, stop: () => proc.kill() };
}

/// Gives every page of `context` `window.fmd`: the first map's test hooks (its
/// `diagnostics()`, a class apart from the map's handle).
export async function withDiagnostics(context) {
  await context.addInitScript(() => {
    Object.defineProperty(window, "fmd", { get: () => document.querySelector("friendship-map")?.diagnostics() });
  });
  return context;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

/// Opens a page (without waiting for the map), collecting console errors and warnings, page
/// errors and every request's URL.
export async function openPage(browser, url, options = {}) {
  const context = await withDiagnostics(await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options }));
  const p = await context.newPage();
  const log = { errors: [], requests: [] };
  p.on("console", (m) => { if (["error", "warning"].includes(m.type())) log.errors.push(m.text()); });
  p.on("pageerror", (e) => log.errors.push(e.message));
  p.on("request", (r) => log.requests.push(r.url()));
  await p.goto(url);
  return { p, context, log };
}

/// Opens the page, collecting console errors, page errors and every request's URL.
export async function openMap(browser, url, options = {}) {
  const context = await withDiagnostics(await browser.newContext({ viewport: { width: 1280, height: 720 }, ...options }));
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") log.errors.push(m.text()); });
  page.on("pageerror", (e) => log.errors.push(e.message));
  page.on("request", (r) => log.requests.push(r.url()));
  const response = await page.goto(url);
  await page.waitForSelector("html[data-ready=true]", { timeout: 20000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, context, log, response };
}

/// Great-circle midpoint of two lon/lat positions (degrees), computed here independently of the
/// crate: normalised sum of the unit vectors.
export function midpoint([lon1, lat1], [lon2, lat2]) {
  const rad = Math.PI / 180;
  const v = (lon, lat) => [Math.cos(lat * rad) * Math.cos(lon * rad), Math.cos(lat * rad) * Math.sin(lon * rad), Math.sin(lat * rad)];
  const a = v(lon1, lat1), b = v(lon2, lat2);
  const m = [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
  return [Math.atan2(m[1], m[0]) / rad, Math.atan2(m[2], Math.hypot(m[0], m[1])) / rad];
}

/// RGBA pixels of the map canvas in a square of `r` CSS px around (x, y).
export async function pixelsAround(page, [x, y], r = 2) {
  return page.evaluate(([x, y, r]) => {
    const c = document.querySelector("friendship-map").shadowRoot.querySelector("#map canvas");
    const dpr = c.width / c.getBoundingClientRect().width;
    const d = c.getContext("2d").getImageData(Math.round((x - r) * dpr), Math.round((y - r) * dpr), Math.round(2 * r * dpr) + 1, Math.round(2 * r * dpr) + 1).data;
    const out = [];
    for (let i = 0; i < d.length; i += 4) out.push([d[i], d[i + 1], d[i + 2], d[i + 3]]);
    return out;
  }, [x, y, r]);
}

/// The canvas's position on the page, to turn map coordinates into mouse coordinates.
export async function canvasOrigin(page) {
  const box = await page.locator("#map canvas").boundingBox();
  return [box.x, box.y];
}

/// Rows of a CSV file of the repository (RFC 4180 quoting), as objects keyed by the header.
export function readCsv(path) {
  const text = readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ""])));
}

export const nextFrames = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/// Waits until every map on the page has painted what it was asked to and the sharp frame after
/// a gesture (the map's own signal, not a fixed time), then two animation frames.
export async function settled(page) {
  await page.waitForFunction(() => [...document.querySelectorAll("friendship-map")].every((m) => m.map && !m.diagnostics().busy()), null, { timeout: 10000 });
  await nextFrames(page);
}
