// An ECharts page drawing the same links with `lines` series (polyline great-circle vertices,
// one series per kind with the map's colours, widths and dashes) on a geo component in the same
// projection; effect trails on for the Shandong set. Pans and zooms go through ECharts' own
// roam action (`geoRoam`), as a drag or a wheel on the chart does.
/* global echarts */
import { dense, eachLine, flush, loadData, projection, STYLE } from "./common.js";

const el = document.getElementById("chart");
const { links, land } = await loadData();
const proj = projection(innerWidth, innerHeight);
echarts.registerMap("world", land);
const chart = echarts.init(el, null, { renderer: "canvas", devicePixelRatio: 1 });
const data = { sister: [], friendly: [] };
eachLine(links, (kind, coords) => (data[kind] ?? data.sister).push({ coords }));
const series = (kind) => ({
  // Progressive rendering off: a flushed frame must be complete, as in the other pages.
  type: "lines", coordinateSystem: "geo", polyline: true, large: dense, progressive: 0, data: data[kind],
  lineStyle: { width: STYLE.width, color: STYLE[kind], type: kind === "sister" ? "solid" : STYLE.dash, opacity: 1 },
  effect: { show: !dense, period: 4, trailLength: 0.2, symbolSize: 3 },
});
chart.setOption({
  animation: false,
  backgroundColor: "#f7f9fb",
  geo: {
    map: "world", roam: true,
    projection: { project: (p) => proj(p), unproject: (p) => proj.invert(p) },
    itemStyle: { areaColor: "#ddd8cc", borderColor: "#ffffff", borderWidth: 0.6 },
    emphasis: { disabled: true }, silent: true,
  },
  series: ["sister", "friendly"].filter((k) => data[k].length).map(series),
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
  pan(dx, dy) { chart.dispatchAction({ type: "geoRoam", geoIndex: 0, dx, dy }); },
  zoom(k) { chart.dispatchAction({ type: "geoRoam", geoIndex: 0, zoom: k, originX: innerWidth / 2, originY: innerHeight / 2 }); },
  frame,
};
