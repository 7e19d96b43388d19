// Writes data/shandong-coast.bin: the land of the Shandong close-up (inset), i.e. Natural Earth
// land (public domain; npm `world-atlas` 2.0.2, `land-10m.json`, Natural Earth 1:10m land)
// clipped to a box around Shandong and simplified for an inset of up to about 600 px wide.
// Land and coast only: no national or provincial boundaries are in the source or the output.
//
//   node tools/shandong_coast.mjs
//
// Steps: each land polygon's outer ring is clipped to the box (Sutherland–Hodgman; holes are
// dropped: there are none in the box), simplified by Douglas–Peucker with a tolerance of
// TOLERANCE_DEG (longitudes scaled by cos 36.3° so the tolerance is isotropic on the map), and
// rings smaller than MIN_AREA_DEG2 (islets of a few square kilometres) are left out.
//
// Format (read by src/inset/coast.rs): "SDC1", a LEB128 varint ring count, then per ring a
// varint point count and its points as zigzag varint deltas (the first from 0,0) on a grid of
// QUANTUM_DEG degrees from the box's south-west corner.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as topojson from "topojson-client";

const require = createRequire(import.meta.url);
const BOX = { west: 114.0, south: 34.0, east: 123.5, north: 38.6 };
const QUANTUM_DEG = 0.005;
const TOLERANCE_DEG = 0.01;
const MIN_AREA_DEG2 = 0.0015;
const KX = Math.cos((36.3 * Math.PI) / 180);

function clip(ring) {
  // Sutherland–Hodgman against the box's four edges, in lon/lat.
  const edges = [
    [(p) => p[0] >= BOX.west, (a, b) => cross(a, b, 0, BOX.west)],
    [(p) => p[0] <= BOX.east, (a, b) => cross(a, b, 0, BOX.east)],
    [(p) => p[1] >= BOX.south, (a, b) => cross(a, b, 1, BOX.south)],
    [(p) => p[1] <= BOX.north, (a, b) => cross(a, b, 1, BOX.north)],
  ];
  let out = ring.slice(0, -1);
  for (const [inside, at] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const a = input[(i + input.length - 1) % input.length], b = input[i];
      if (inside(b)) {
        if (!inside(a)) out.push(at(a, b));
        out.push(b);
      } else if (inside(a)) out.push(at(a, b));
    }
    if (out.length === 0) return [];
  }
  return out;
}

function cross(a, b, axis, v) {
  const t = (v - a[axis]) / (b[axis] - a[axis]);
  const p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  p[axis] = v;
  return p;
}

function simplify(points) {
  // Douglas–Peucker on an open polyline, in map-scaled degrees.
  const keep = new Array(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let best = -1, far = TOLERANCE_DEG;
    for (let k = i + 1; k < j; k++) {
      const d = distance(points[k], points[i], points[j]);
      if (d > far) { far = d; best = k; }
    }
    if (best >= 0) { keep[best] = true; stack.push([i, best], [best, j]); }
  }
  return points.filter((_, k) => keep[k]);
}

function distance(p, a, b) {
  const [px, py, ax, ay, bx, by] = [p[0] * KX, p[1], a[0] * KX, a[1], b[0] * KX, b[1]];
  const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

const area = (r) => Math.abs(r.reduce((s, p, i) => { const q = r[(i + 1) % r.length]; return s + p[0] * q[1] - q[0] * p[1]; }, 0)) / 2;

const topo = JSON.parse(readFileSync(require.resolve("world-atlas/land-10m.json"), "utf8"));
const land = topojson.feature(topo, topo.objects.land);
const polygons = land.geometry ? (land.geometry.type === "Polygon" ? [land.geometry.coordinates] : land.geometry.coordinates)
  : land.features.flatMap((f) => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates));
const rings = [];
let holes = 0, dropped = 0;
for (const [outer, ...inner] of polygons) {
  const c = clip(outer);
  if (c.length < 3) continue;
  holes += inner.filter((h) => clip(h).length >= 3).length;
  // Simplify as a closed ring: split at the point farthest from the first, so both halves keep
  // their ends.
  let far = 0;
  c.forEach((p, k) => { if (Math.hypot(p[0] - c[0][0], p[1] - c[0][1]) > Math.hypot(c[far][0] - c[0][0], c[far][1] - c[0][1])) far = k; });
  const a = simplify(c.slice(0, far + 1)), b = simplify([...c.slice(far), c[0]]);
  const ring = [...a, ...b.slice(1, -1)];
  if (ring.length < 3 || area(ring) < MIN_AREA_DEG2) { dropped++; continue; }
  rings.push(ring);
}
if (holes) throw new Error(`${holes} holes inside the box: the format has no holes`);

const bytes = [];
const varint = (v) => { do { let b = v % 128; v = Math.floor(v / 128); bytes.push(v > 0 ? b | 0x80 : b); } while (v > 0); };
const zigzag = (v) => varint(v >= 0 ? 2 * v : -2 * v - 1);
for (const c of "SDC1") bytes.push(c.charCodeAt(0));
varint(rings.length);
let points = 0;
for (const ring of rings) {
  const q = [];
  for (const [lon, lat] of ring) {
    const p = [Math.round((lon - BOX.west) / QUANTUM_DEG), Math.round((lat - BOX.south) / QUANTUM_DEG)];
    const last = q[q.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) q.push(p);
  }
  varint(q.length);
  let [x, y] = [0, 0];
  for (const [px, py] of q) { zigzag(px - x); zigzag(py - y); [x, y] = [px, py]; }
  points += q.length;
}
writeFileSync(new URL("../data/shandong-coast.bin", import.meta.url), Buffer.from(bytes));
console.log(`data/shandong-coast.bin: ${rings.length} rings, ${points} points, ${bytes.length} bytes (${dropped} islets left out)`);
