// The floor: the same polylines, projected once into one Path2D per kind, stroked from plain JS
// under a canvas transform. Only the links: no basemap, no markers.
import { canvasSized, flush, loadData, projection, STYLE } from "./common.js";

const canvas = canvasSized();
const ctx = canvas.getContext("2d");
const { links } = await loadData();
const proj = projection(canvas.width, canvas.height);
const paths = { sister: new Path2D(), friendly: new Path2D() };
for (const f of links.features) {
  const p = paths[f.properties.kind];
  const lines = f.geometry.type === "LineString" ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const line of lines) {
    line.forEach((c, i) => { const [x, y] = proj(c); i ? p.lineTo(x, y) : p.moveTo(x, y); });
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
  frame,
};
