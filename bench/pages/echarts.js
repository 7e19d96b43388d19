// An ECharts page drawing the same links with a `lines` series (polyline great-circle vertices)
// on a geo component in the same projection; effect trails on for the Shandong set.
/* global echarts */
import { dense, flush, loadData, projection, STYLE } from "./common.js";

const el = document.getElementById("chart");
const { links, land } = await loadData();
const proj = projection(innerWidth, innerHeight);
echarts.registerMap("world", land);
const chart = echarts.init(el, null, { renderer: "canvas", devicePixelRatio: 1 });
const data = [];
for (const f of links.features) {
  const lines = f.geometry.type === "LineString" ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const coords of lines) {
    data.push({ coords, lineStyle: { color: f.properties.kind === "sister" ? STYLE.sister : STYLE.friendly,
      type: f.properties.kind === "sister" ? "solid" : STYLE.dash } });
  }
}
let center = null, zoom = 1;
chart.setOption({
  animation: false,
  backgroundColor: "#f7f9fb",
  geo: {
    map: "world", roam: true, zoom,
    projection: { project: (p) => proj(p), unproject: (p) => proj.invert(p) },
    itemStyle: { areaColor: "#ddd8cc", borderColor: "#ffffff", borderWidth: 0.6 },
    emphasis: { disabled: true }, silent: true,
  },
  series: [{
    // Progressive rendering off: a flushed frame must be complete, as in the other pages.
    type: "lines", coordinateSystem: "geo", polyline: true, large: dense, progressive: 0, data,
    lineStyle: { width: STYLE.width },
    effect: { show: !dense, period: 4, trailLength: 0.2, symbolSize: 3 },
  }],
});
const zr = chart.getZr();
const canvas = () => el.querySelector("canvas");
function frame() {
  zr.flush();
  flush(canvas().getContext("2d"));
}
frame();
window.bench = {
  firstFrame: performance.now(),
  pan(dx, dy) {
    const c = center ?? proj.invert([innerWidth / 2, innerHeight / 2]);
    const [x, y] = proj(c);
    center = proj.invert([x - dx / zoom, y - dy / zoom]);
    chart.setOption({ geo: { center } });
  },
  zoom(k) { zoom *= k; chart.setOption({ geo: { zoom } }); },
  frame,
};
