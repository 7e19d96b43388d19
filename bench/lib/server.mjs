// The benchmark's static server: the built map under its CSP, the peer pages, their npm
// packages, the exported links and the shared world file; and what a page's files weigh.
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

export const ROOT = new URL("../..", import.meta.url).pathname;
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; base-uri 'none'; form-action 'none'";
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css",
  ".wasm": "application/wasm", ".json": "application/json", ".geojson": "application/json", ".svg": "image/svg+xml",
  ".bin": "application/octet-stream", ".csv": "text/csv" };
const MOUNTS = [["/dist/", "dist"], ["/bench/", "bench/pages"], ["/vendor/", "bench/node_modules"], ["/out/", "bench/out"],
  ["/shared/", "../shared/data"]];

/// The file a URL path is served from (or null).
export function fileFor(url) {
  const path = decodeURIComponent(new URL(url, "http://x").pathname);
  for (const [prefix, dir] of MOUNTS) {
    if (path.startsWith(prefix)) {
      let f = normalize(join(ROOT, dir, path.slice(prefix.length)));
      if (existsSync(f) && statSync(f).isDirectory()) f = join(f, "index.html");
      return f;
    }
  }
  return null;
}

/// Starts the server; resolves to `{ base, close }`.
export async function serve() {
  const server = createServer((req, res) => {
    const f = fileFor(req.url);
    if (!f || !existsSync(f)) { res.writeHead(404); res.end(); return; }
    const headers = { "Content-Type": TYPES[extname(f)] || "application/octet-stream", "Cache-Control": "no-store" };
    if (req.url.startsWith("/dist/")) headers["Content-Security-Policy"] = CSP;
    res.writeHead(200, headers);
    res.end(readFileSync(f));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/// Gzipped bytes (gzip -9) of each same-origin URL path, by path.
export function gzBytes(paths) {
  const out = {};
  for (const p of new Set(paths)) {
    const f = fileFor(p);
    if (f && existsSync(f) && statSync(f).isFile()) out[p] = gzipSync(readFileSync(f), { level: 9 }).length;
  }
  return out;
}
