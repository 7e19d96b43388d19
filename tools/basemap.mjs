// Converts Natural Earth countries (npm `world-atlas`, TopoJSON) into the compact binary basemap
// that the crate embeds (format documented in src/basemap.rs).
//
//   npm install && node tools/basemap.mjs            # writes data/basemap-110m.bin and data/basemap-50m.bin
//
// The TopoJSON topology is kept as it is (shared, quantized, delta-encoded arcs), only re-encoded
// as LEB128 varints, so borders and coastlines can be told apart in Rust (an arc used by two
// countries is a border, by one a coastline).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

class Writer {
  constructor() { this.bytes = []; }
  u8(v) { this.bytes.push(v & 0xff); }
  varint(v) {
    if (!Number.isInteger(v) || v < 0) throw new Error(`varint out of range: ${v}`);
    do {
      let b = v % 128;
      v = Math.floor(v / 128);
      this.u8(v > 0 ? b | 0x80 : b);
    } while (v > 0);
  }
  zigzag(v) { this.varint(v >= 0 ? 2 * v : -2 * v - 1); }
  f64(v) { const b = Buffer.alloc(8); b.writeDoubleLE(v); for (const x of b) this.u8(x); }
  str(s) { const b = Buffer.from(s, "utf8"); this.varint(b.length); for (const x of b) this.u8(x); }
  buffer() { return Buffer.from(this.bytes); }
}

function polygonsOf(geometry) {
  if (geometry.type === "Polygon") return [geometry.arcs];
  if (geometry.type === "MultiPolygon") return geometry.arcs;
  return [];
}

// Re-quantizes an arc (TopoJSON delta-encoded positions) onto a grid `q` times coarser, dropping
// points that fall on the one before. Endpoints round the same way in every arc, so arcs that
// meet still meet. Every arc keeps at least two points.
function requantize(arc, q) {
  if (q === 1) return arc;
  let x = 0, y = 0, px = null, py = null;
  const cells = [];
  for (const [dx, dy] of arc) {
    x += dx; y += dy;
    const cx = Math.round(x / q), cy = Math.round(y / q);
    if (cx !== px || cy !== py) cells.push([cx, cy]);
    px = cx; py = cy;
  }
  if (cells.length === 1) cells.push(cells[0]);
  // Keep the last point exact on the grid even when it rounds onto the one before.
  const [lx, ly] = [Math.round(x / q), Math.round(y / q)];
  const last = cells[cells.length - 1];
  if (last[0] !== lx || last[1] !== ly) cells.push([lx, ly]);
  return cells.map(([cx, cy], i) => (i === 0 ? [cx, cy] : [cx - cells[i - 1][0], cy - cells[i - 1][1]]));
}

function convert(scale, q) {
  const file = require.resolve(`world-atlas/countries-${scale}.json`);
  const topo = JSON.parse(readFileSync(file, "utf8"));
  if (!topo.transform) throw new Error(`${file}: expected a quantized topology`);
  const w = new Writer();
  for (const c of "SDBM") w.u8(c.charCodeAt(0));
  w.u8(1); // format version
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  w.f64(sx * q); w.f64(sy * q); w.f64(tx); w.f64(ty);
  w.varint(topo.arcs.length);
  let points = 0;
  for (const arc of topo.arcs.map((a) => requantize(a, q))) {
    w.varint(arc.length);
    for (const [dx, dy] of arc) { w.zigzag(dx); w.zigzag(dy); }
    points += arc.length;
  }
  const geoms = topo.objects.countries.geometries;
  w.varint(geoms.length);
  for (const g of geoms) {
    w.varint(g.id === undefined ? 0 : Number(g.id)); // ISO 3166-1 numeric; 0 = none (e.g. Kosovo)
    w.str(g.properties?.name ?? "");
    const polys = polygonsOf(g);
    w.varint(polys.length);
    for (const rings of polys) {
      w.varint(rings.length);
      for (const ring of rings) {
        w.varint(ring.length);
        for (const a of ring) w.zigzag(a);
      }
    }
  }
  const out = `data/basemap-${scale}.bin`;
  writeFileSync(out, w.buffer());
  const step = (sx * q).toFixed(4);
  console.log(`${out}: ${w.bytes.length} bytes, ${topo.arcs.length} arcs, ${points} points, ${geoms.length} countries, grid ${step}°`);
}

// 1:110m is drawn only below twice the whole-world zoom, where a pixel is at least 0.047° even
// at 3840 px wide; a 0.018° grid (5 × world-atlas's 0.0036°) is below a pixel there and about
// a fifth of the map's own accuracy (0.1 mm at 1:110m ≈ 11 km ≈ 0.1°). 1:50m keeps its grid.
convert("110m", Number(process.env.Q110 ?? 5));
convert("50m", 1);
