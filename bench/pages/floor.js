// The plain floor: every link projected once into one Path2D, stroked once a frame under a
// canvas transform, in one colour and the links' width. Nothing else: no basemap, no markers,
// no dashes, no second style.
import { canvasSized, flush, loadLinks, projection, STYLE } from "./common.js";

const canvas = canvasSized();
const ctx = canvas.getContext("2d");
const links = await loadLinks();
const proj = projection(canvas.width, canvas.height);
const path = new Path2D();
for (const f of links.features) {
  const lines = f.geometry.type === "LineString" ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const line of lines) {
    line.forEach((c, i) => { const [x, y] = proj(c); i ? path.lineTo(x, y) : path.moveTo(x, y); });
  }
}
let s = 1, tx = 0, ty = 0;
function frame() {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = "#f7f9fb";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(s, 0, 0, s, tx, ty);
  ctx.lineWidth = STYLE.width / s;
  ctx.strokeStyle = STYLE.sister;
  ctx.stroke(path);
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
