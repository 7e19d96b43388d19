// Shared by the peer pages: the same data and the same view as the map (Natural Earth I,
// centred on 150°E, fitted to the canvas), and the same link styles.
/* global d3, topojson */
export const params = new URLSearchParams(location.search);
export const dataset = params.get("data") || "shandong";
export const dense = dataset === "world";
export const STYLE = dense
  ? { sister: "rgba(213,94,0,0.22)", friendly: "rgba(0,114,178,0.22)", width: 0.6, dash: [3, 1.875] }
  : { sister: "rgba(213,94,0,0.851)", friendly: "rgba(0,114,178,0.749)", width: 1, dash: [4, 2.5] };

/// The links: the lean data a careful page would fetch (each link's ends and kind, compact
/// JSON), made into great-circle polylines here, at most 1° of arc a step as the map densifies
/// them, as GeoJSON features with a `kind`.
export async function loadLinks() {
  const pairs = await fetch(`/out/${dataset}.links.json`).then((r) => r.json());
  const features = pairs.map(([lon1, lat1, lon2, lat2, k]) => {
    const a = [lon1, lat1], b = [lon2, lat2];
    const steps = Math.max(1, Math.ceil(d3.geoDistance(a, b) * 180 / Math.PI));
    const at = d3.geoInterpolate(a, b);
    const line = Array.from({ length: steps + 1 }, (_, i) => at(i / steps));
    return { type: "Feature", properties: { kind: k ? "friendly" : "sister" }, geometry: { type: "LineString", coordinates: line } };
  });
  return { type: "FeatureCollection", features };
}

/// The links and the 1:110m basemap (land and borders).
export async function loadData() {
  const [links, world] = await Promise.all([loadLinks(), fetch("/vendor/world-atlas/countries-110m.json").then((r) => r.json())]);
  const land = topojson.feature(world, world.objects.countries);
  const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
  return { links, land, borders };
}

/// The map's centre meridian; its seam, where links are cut, is the opposite one (30°W).
const CENTRE = 150;
/// Longitude relative to the centre, in [-180, 180).
const rel = (lon) => ((((lon - CENTRE + 180) % 360) + 360) % 360) - 180;

/// The features' polylines (`[lon, lat]` arrays), each cut at the seam as the map cuts them
/// (a point on each side of the seam where a segment crosses it), so that a page projecting
/// points one by one draws no line across the whole map. `each(kind, line)`.
export function eachLine(links, each) {
  for (const f of links.features) {
    const lines = f.geometry.type === "LineString" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const line of lines) for (const part of cutAtSeam(line)) each(f.properties.kind, part);
  }
}

function cutAtSeam(line) {
  const out = [[line[0]]];
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1], line[i]];
    const [ra, rb] = [rel(a[0]), rel(b[0])];
    if (Math.abs(rb - ra) > 180) {
      const side = ra > 0 ? 180 : -180;
      const t = (side - ra) / (rb + 2 * side - ra);
      const lat = a[1] + t * (b[1] - a[1]);
      const inside = 1e-6 * Math.sign(side);
      out[out.length - 1].push([CENTRE + side - inside, lat]);
      out.push([[CENTRE - side + inside, lat]]);
    }
    out[out.length - 1].push(b);
  }
  return out.filter((l) => l.length > 1);
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
