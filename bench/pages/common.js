// Shared by the peer pages: the same data and the same view as the map (Natural Earth I,
// centred on 150°E, fitted to the canvas), and the same link styles.
/* global d3, topojson */
export const params = new URLSearchParams(location.search);
export const dataset = params.get("data") || "shandong";
export const dense = dataset === "world";
export const STYLE = dense
  ? { sister: "rgba(213,94,0,0.22)", friendly: "rgba(0,114,178,0.22)", width: 0.6, dash: [3, 1.875] }
  : { sister: "rgba(213,94,0,0.851)", friendly: "rgba(0,114,178,0.749)", width: 1, dash: [4, 2.5] };

/// The links (GeoJSON of great-circle polylines, as the map exports them).
export function loadLinks() {
  return fetch(`/out/${dataset}.geojson`).then((r) => r.json());
}

/// The links and the 1:110m basemap (land and borders).
export async function loadData() {
  const [links, world] = await Promise.all([loadLinks(), fetch("/vendor/world-atlas/countries-110m.json").then((r) => r.json())]);
  const land = topojson.feature(world, world.objects.countries);
  const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
  return { links, land, borders };
}

export function canvasSized() {
  const c = document.querySelector("canvas");
  c.width = innerWidth;
  c.height = innerHeight;
  return c;
}

export function projection(w, h) {
  return d3.geoNaturalEarth1().rotate([-150, 0]).fitExtent([[0.02 * w, 0.02 * h], [0.98 * w, 0.98 * h]], { type: "Sphere" });
}

/// Forces the canvas to rasterise now (Chromium defers 2D drawing until it is read or shown).
export function flush(ctx) {
  ctx.getImageData(0, 0, 1, 1);
}
