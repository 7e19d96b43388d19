// The basemap around the map: a built-in style or an office's own file (with its credit line
// and review number), and the detailed 1:50m basemap fetched when the view zooms in.
import { isBasemapFile } from "./attributes.js";
import { besideScript } from "./module.js";

export class Basemap {
  constructor(ui, map, notice) {
    Object.assign(this, { ui, map, notice });
  }

  wire() {
    const { map } = this;
    map.onDetailNeeded(async () => {
      try {
        const r = await fetch(besideScript("basemap-50m.bin"));
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        map.setDetailBasemap(new Uint8Array(await r.arrayBuffer()));
      } catch (e) {
        console.warn(`detailed basemap unavailable, keeping 1:110m: ${e.message}`);
      }
    });
  }

  /// Applies the `basemap` attribute: a style name (an unknown one is reported and the default
  /// kept), or the URL of a GeoJSON/TopoJSON file.
  async apply(value) {
    const { ui, map } = this;
    const b = value || "countries";
    try {
      if (isBasemapFile(b)) {
        const r = await fetch(new URL(b, document.baseURI));
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        map.loadBasemap(await r.text());
        // The credit line names the page's own basemap, not Natural Earth.
        ui.$("credit").dataset.t = "basemapOwn";
        ui.$("credit").textContent = ui.s.basemapOwn;
      } else {
        map.setBasemapStyle(b);
      }
    } catch (e) {
      console.warn(`basemap ${b}: ${e.message}`);
      this.notice.add(() => `basemap ${b}: ${e.message}`);
    }
  }

  /// Shows the map review number (审图号), if any.
  review(number) {
    const box = this.ui.$("review");
    box.hidden = !number;
    box.textContent = number ? `${this.ui.s.reviewNumber}${number}` : "";
  }
}
