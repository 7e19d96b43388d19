// A hand-made d3-geo canvas map, as a web editor would write it: every frame re-projects and
// re-strokes the sphere, graticule, land, borders and the same great-circle links.
/* global d3 */
import { canvasSized, flush, loadData, projection, STYLE } from "./common.js";

const canvas = canvasSized();
const ctx = canvas.getContext("2d");
const { links, land, borders } = await loadData();
const proj = projection(canvas.width, canvas.height);
const path = d3.geoPath(proj, ctx);
const graticule = d3.geoGraticule10();
const byKind = (k) => ({ type: "FeatureCollection", features: links.features.filter((f) => f.properties.kind === k) });
const sister = byKind("sister"), friendly = byKind("friendly");
function frame() {
  ctx.setLineDash([]);
  ctx.fillStyle = "#f7f9fb"; ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.beginPath(); path({ type: "Sphere" }); ctx.fillStyle = "#eef3f8"; ctx.fill();
  ctx.beginPath(); path(graticule); ctx.strokeStyle = "#c9d5e2"; ctx.lineWidth = 0.5; ctx.stroke();
  ctx.beginPath(); path(land); ctx.fillStyle = "#ddd8cc"; ctx.fill();
  ctx.beginPath(); path(borders); ctx.strokeStyle = "#fff"; ctx.lineWidth = 0.6; ctx.stroke();
  ctx.lineWidth = STYLE.width;
  ctx.beginPath(); path(sister); ctx.strokeStyle = STYLE.sister; ctx.stroke();
  ctx.beginPath(); path(friendly); ctx.strokeStyle = STYLE.friendly; ctx.setLineDash(STYLE.dash); ctx.stroke();
  flush(ctx);
}
frame();
window.bench = {
  firstFrame: performance.now(),
  pan(dx, dy) { const [x, y] = proj.translate(); proj.translate([x + dx, y + dy]); },
  zoom(k) {
    const [x, y] = proj.translate(), cx = canvas.width / 2, cy = canvas.height / 2;
    proj.scale(proj.scale() * k).translate([cx - (cx - x) * k, cy - (cy - y) * k]);
  },
  frame,
};
