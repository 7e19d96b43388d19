// Pictures of the map that leave the page: PNG and SVG of the current view, drawn by the core
// from the same frame, with the page's legend, credit line and review number (HTML over the
// canvas in the page) handed to the core as texts, so both carry them alike.

/// The overlay's texts as the page shows them now, in its language: the legend, the credit
/// line (Natural Earth's or the page's own basemap) and the review number when it is shown.
export function overlayTexts(element) {
  const { ui } = element;
  const review = ui.$("review");
  return {
    sister: ui.s.legendSister,
    friendly: ui.s.legendFriendly,
    // The map names these only when it draws some.
    agreement: ui.s.legendAgreement,
    intent: ui.s.legendIntent,
    credit: ui.$("credit").textContent,
    review: review.hidden ? "" : review.textContent,
    title: element.snapshot?.title[ui.lang] ?? "",
  };
}

/// The canvas's size as shown, CSS px.
function shownSize(element) {
  const r = element.ui.$("map").querySelector("canvas").getBoundingClientRect();
  return [Math.max(16, Math.round(r.width)), Math.max(16, Math.round(r.height))];
}

/// A PNG of the current view: `{width, height}` in pixels and `scale` pixels per CSS pixel
/// (default: the canvas as shown, at the screen's pixel ratio).
export async function exportPng(element, { width, height, scale } = {}) {
  const canvas = document.createElement("canvas");
  const [w, h] = shownSize(element);
  const dpr = window.devicePixelRatio || 1;
  const k = scale ?? (width === undefined ? dpr : 1);
  // The map checks the size (16 to 8192 px a side) and throws for anything else.
  element.map.publish({ format: "png", canvas, width: width ?? Math.round(w * dpr), height: height ?? Math.round(h * dpr), scale: k, texts: overlayTexts(element), presenting: !!element.presenter?.on });
  return new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
}

/// An SVG document of the current view, as a Blob: `{width, height}` in pixels (default: the
/// canvas as shown) and `scale` pixels per CSS pixel (default 1).
export async function exportSvg(element, { width, height, scale = 1 } = {}) {
  const [w, h] = shownSize(element);
  const svg = element.map.publish({ format: "svg", width: width ?? w, height: height ?? h, scale, texts: overlayTexts(element), presenting: !!element.presenter?.on });
  return new Blob([svg], { type: "image/svg+xml" });
}

/// The story's handout: one HTML page with each step's picture (`{width, height}`, default
/// 1280×720) and sentences, made by the map (see src/handout.rs), as a Blob.
export async function exportHandout(element, { width = 1280, height = 720 } = {}) {
  const html = element.map.publish({ format: "handout", width, height, scale: 1, texts: overlayTexts(element) });
  return new Blob([html], { type: "text/html" });
}
