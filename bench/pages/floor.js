// The plain floor: the links as one precomputed `Path2D` per style (sister solid, friendly
// dashed), stroked once each a frame at the map's widths, colours and dashes, over a land fill
// (one precomputed `Path2D` of the 1:110m land), all under a canvas transform: a translate for
// pans, a scale for zooms. Nothing else: no graticule, borders, markers or names.
/* global d3, topojson */
import { canvasSized, eachLine, flush, loadLinks, projection, STYLE } from "./common.js";

const canvas = canvasSized();
const ctx = canvas.getContext("2d");
const [links, world] = await Promise.all([loadLinks(), fetch("/vendor/world-atlas/land-110m.json").then((r) => r.json())]);
const proj = projection(canvas.width, canvas.height);
const land = new Path2D();
d3.geoPath(proj, land)(topojson.feature(world, world.objects.land));
const paths = { sister: new Path2D(), friendly: new Path2D() };
eachLine(links, (kind, line) => {
  const p = paths[kind] ?? paths.sister;
  line.forEach((c, i) => { const [x, y] = proj(c); i ? p.lineTo(x, y) : p.moveTo(x, y); });
});
let s = 1, tx = 0, ty = 0;
function frame() {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = "#f7f9fb";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(s, 0, 0, s, tx, ty);
  ctx.fillStyle = "#ddd8cc";
  ctx.fill(land);
  // Widths and dashes are CSS pixels whatever the zoom, as on the map.
  ctx.lineWidth = STYLE.width / s;
  ctx.strokeStyle = STYLE.sister;
  ctx.setLineDash([]);
  ctx.stroke(paths.sister);
  ctx.strokeStyle = STYLE.friendly;
  ctx.setLineDash(STYLE.dash.map((d) => d / s));
  ctx.stroke(paths.friendly);
  flush(ctx);
}
frame();
window.bench = {
  firstFrame: performance.now(),
  pan(dx, dy) { tx += dx; ty += dy; },
  zoom(k) { const cx = canvas.width / 2, cy = canvas.height / 2; tx = cx - (cx - tx) * k; ty = cy - (cy - ty) * k; s *= k; },
  /// Zoom `z` centred on (lon, lat), as the map's `view=z,lon,lat`.
  view(z, lon, lat) { const [x, y] = proj([lon, lat]); s = z; tx = canvas.width / 2 - z * x; ty = canvas.height / 2 - z * y; },
  frame,
};
