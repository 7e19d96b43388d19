// The element's attributes: one vocabulary for the element, the iframe page's query and the
// README's table. Attributes that describe what is shown are the map's URL-state keys and go
// to the map as a query; the others set up the page around the map.

/// Attributes that describe what is shown (the map reads them as URL-state keys, by these very
/// names; it also accepts its short aliases `asof`, `proj`, `sel`).
export const STATE_ATTRIBUTES = ["cities", "years", "as-of", "unknown", "regions", "kinds", "levels", "evidence", "stages", "selected", "view", "projection"];

/// Attributes of the page around the map.
export const PAGE_ATTRIBUTES = ["lang", "mode", "controls", "basemap", "review-number", "src", "src-layout", "inset", "story"];

/// Every attribute the element observes.
export const ATTRIBUTES = [...STATE_ATTRIBUTES, ...PAGE_ATTRIBUTES];

/// `zh` or `en` from a `lang` value.
export const languageOf = (value) => ((value || "zh").startsWith("en") ? "en" : "zh");

/// The query the element's state attributes describe.
export function attributeQuery(element) {
  const parts = [];
  for (const name of STATE_ATTRIBUTES) {
    const v = element.getAttribute(name);
    if (v) parts.push(`${name}=${encodeURIComponent(v)}`);
  }
  return parts.join("&");
}

/// Whether a basemap value names a file (GeoJSON or TopoJSON, with or without a query string)
/// rather than a built-in style.
export const isBasemapFile = (value) => /\.(geo|topo)?json(\?.*)?$/i.test(value || "");
