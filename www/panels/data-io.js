// Data in and out: the coverage line, PNG/CSV/GeoJSON exports, a user's own file (chosen, or
// the element's `src`), and the way back to the built-in data.
import { chosenSize, download, el } from "../dom.js";

/// Resolves once the browser has painted (or after 100 ms in a hidden tab, where it does not).
const painted = () => new Promise((resolve) => {
  const done = () => setTimeout(resolve, 0);
  requestAnimationFrame(done);
  setTimeout(done, 100);
});

/// Import errors listed at most (the rest is counted).
const ERRORS_SHOWN = 500;

export class DataPanel {
  /// `map.export(format)` writes the exports; `send(command)` imports; `placing()` resolves
  /// once the 1:50m basemap that imports place their partners on is there (or could not be
  /// had).
  constructor(ui, map, send, notice, placing) {
    Object.assign(this, { ui, map, send, notice, placing, imported: null, limits: [Infinity, Infinity] });
  }

  wire(element) {
    const { ui, map } = this;
    ui.$("export-png").addEventListener("click", async () => {
      download("shandong-friendship-map.png", await element.exportPng(chosenSize(ui, {})));
    });
    ui.$("export-csv").addEventListener("click", () => download("shandong-friendship-ties.csv", new Blob([map.export("csv")], { type: "text/csv" })));
    ui.$("export-geojson").addEventListener("click", () => download("shandong-friendship-ties.geojson", new Blob([map.export("geojson")], { type: "application/geo+json" })));
    ui.$("import-file").addEventListener("change", async () => {
      const file = ui.$("import-file").files[0];
      if (!file) return;
      const mode = ui.element.root.querySelector('input[name="import-mode"]:checked').value;
      const [maxBytes] = this.limits;
      if (file.size > maxBytes) {
        // Refused before it is read: the core would refuse it too, after the copy.
        this.importBytes(null, file.name, ui.$("import-preset").value, mode, file.size);
        return;
      }
      ui.$("import-result").textContent = ui.s.reading(file.name);
      this.importBytes(new Uint8Array(await file.arrayBuffer()), file.name, ui.$("import-preset").value, mode);
    });
    ui.$("builtin-data").addEventListener("click", () => {
      this.send({ type: "builtinData" });
      this.imported = null;
      ui.$("builtin-data").hidden = true;
      ui.$("import-result").textContent = "";
      ui.$("import-errors").replaceChildren();
      ui.$("import-file").value = "";
    });
  }

  /// Loads a file's bytes (placing its partners on the 1:50m basemap once it is there); lists
  /// its bad rows. Returns the report, or null when the file was refused. `tooLarge` is the
  /// size of a file refused before it was read.
  importBytes(...args) {
    // One import at a time: a file chosen while another is read waits for it.
    const run = (this.queue ?? Promise.resolve()).then(() => this.importNow(...args));
    this.queue = run.catch(() => {});
    return run;
  }

  async importNow(bytes, name, preset, mode, tooLarge = 0) {
    const { ui } = this;
    const say = (text, errors = []) => {
      ui.$("import-result").textContent = text;
      ui.$("import-errors").replaceChildren(...errors);
    };
    if (tooLarge) {
      const [maxBytes] = this.limits;
      say(`${ui.s.cannotRead}${ui.s.tooLarge(name, tooLarge, maxBytes)}`);
      return null;
    }
    await this.placing();
    // Three stages, with the browser painting the progress between them.
    const bar = ui.$("import-progress");
    const step = async (value, text) => {
      bar.value = value;
      bar.hidden = false;
      say(text);
      await painted();
    };
    let report;
    const stage = (type, extra = {}) => this.map.dispatch({ type, ...extra }).report;
    try {
      await step(0, ui.s.reading(name));
      report = stage("importStart", { data: bytes, options: { file: name, preset, mode } });
      if (!report.refused) {
        await step(1, ui.s.placing(name, ui.n(report.loaded)));
        stage("importPlace");
        await step(2, ui.s.drawing(name, ui.n(report.loaded)));
      }
      report = stage("importFinish");
    } catch (e) {
      say(`${ui.s.cannotRead}${e.message}`);
      return null;
    } finally {
      bar.hidden = true;
    }
    if (report.refused) {
      say(`${ui.s.cannotRead}${report.errors[0]?.text ?? name}`);
      return null;
    }
    const bad = new Set(report.errors.map((e) => e.line)).size;
    const items = report.errors.slice(0, ERRORS_SHOWN).map((e) => el("li", { textContent: e.text }));
    if (report.errors.length > ERRORS_SHOWN) items.push(el("li", { textContent: `… +${report.errors.length - ERRORS_SHOWN}` }));
    say(ui.s.imported(name, report.loaded, bad, report.total), items);
    ui.$("builtin-data").hidden = false;
    this.imported = name;
    return report;
  }

  /// Loads the element's `src` file (`layout`: the import preset). What fails is said on the
  /// map too (it is the only place a `controls="none"` map shows), with the reason.
  async loadSrc(src, layout) {
    const { ui } = this;
    const url = new URL(src, document.baseURI);
    let why;
    try {
      const r = await fetch(url);
      if (!r.ok) why = (s) => s.notFound(r.status);
      else {
        const bytes = new Uint8Array(await r.arrayBuffer());
        const report = await this.importBytes(bytes, src.split("/").pop(), layout || "standard", "replace");
        if (!report || report.loaded === 0) why = (s) => s.notData;
      }
    } catch (e) {
      why = url.origin !== location.origin ? (s) => s.otherOrigin : () => e.message;
    }
    if (why) {
      ui.$("import-result").textContent = ui.s.srcFailed(src, why(ui.s));
      this.notice.add((s) => s.srcFailed(src, why(s)));
    }
  }

  /// The title and the line under it: the map's title for what it speaks for (from the
  /// snapshot: the province, or the cities of its filter), and the built-in data's coverage,
  /// the cities' own counts and published totals, or the user's file.
  render(snapshot) {
    const { ui } = this;
    this.limits = [snapshot.data.max_import_bytes, snapshot.data.max_import_rows];
    const title = snapshot.title[ui.lang];
    ui.$("title").textContent = title;
    // The stand-alone and iframe pages are titled for what they show, too.
    if (ui.element.hasAttribute("url-state")) document.title = title;
    ui.$("coverage").textContent = this.imported
      ? ui.s.yourData(this.imported, ui.n(snapshot.summary.ties))
      : snapshot.scope.length
        ? ui.s.scopeLine(snapshot.scope, ui.n)
        : ui.s.coverage(snapshot.data, snapshot.all.countries, ui.n);
    ui.$("coverage-block").hidden = !!this.imported;
  }
}
