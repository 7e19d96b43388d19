// The basemap around the map: a built-in style or an office's own file (with its credit line
// and review number), and the detailed 1:50m basemap fetched when the view zooms in.
import { isBasemapFile } from "./attributes.js";
import { besideScript } from "./module.js";

export class Basemap {
  /// `send(command)` is the map's door (it throws nothing: a refused value is noticed).
  constructor(ui, send, notice) {
    Object.assign(this, { ui, send, notice, failed: false, number: null });
  }

  /// The 1:50m basemap, fetched once: drawn when zooming in, and what imports place their
  /// partners on. Resolves whether or not it could be had.
  detail() {
    this.detailPromise ??= (async () => {
      try {
        const r = await fetch(besideScript("basemap-50m.bin"));
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        this.send({ type: "detailBasemap", bytes: new Uint8Array(await r.arrayBuffer()) });
      } catch (e) {
        console.warn(`detailed basemap unavailable, keeping 1:110m: ${e.message}`);
      }
    })();
    return this.detailPromise;
  }

  /// Applies the `basemap` attribute: a style name (an unknown one is reported by the map and
  /// the style kept), or the URL of a GeoJSON/TopoJSON file. An office's file that cannot be
  /// loaded is reported on the map, and the land-only style (which needs no review number) is
  /// drawn instead, without the review number issued for the office's basemap.
  async apply(value) {
    const b = value || "countries";
    this.failed = false;
    this.#credit("basemapCredit");
    if (!isBasemapFile(b)) {
      this.send({ type: "basemap", style: b });
      this.review(this.number);
      return;
    }
    let why = null;
    try {
      const r = await fetch(new URL(b, document.baseURI));
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      const text = await r.text();
      try {
        this.ui.element.map.dispatch({ type: "loadBasemap", text });
      } catch (e) {
        if (e instanceof WebAssembly.RuntimeError) throw e;
        throw new Error(e.message);
      }
      // The credit line names the page's own basemap, not Natural Earth.
      this.#credit("basemapOwn");
    } catch (e) {
      why = e.message;
    }
    if (why !== null) {
      console.warn(`basemap ${b}: ${why}`);
      this.failed = true;
      this.send({ type: "basemap", style: "land" });
      this.notice.add((s) => s.officeBasemapFailed(b, why));
    }
    this.review(this.number);
  }

  #credit(key) {
    const credit = this.ui.$("credit");
    credit.dataset.t = key;
    credit.textContent = this.ui.s[key];
  }

  /// Shows the map review number (审图号), if any, unless the basemap it was issued for failed.
  review(number) {
    this.number = number;
    const shown = number && !this.failed ? number : "";
    const box = this.ui.$("review");
    box.hidden = !shown;
    box.textContent = shown ? `${this.ui.s.reviewNumber}${shown}` : "";
  }
}
