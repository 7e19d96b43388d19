// The filter controls: years (all, range, as of), year-unknown switch, region, kinds, levels,
// evidence levels and stages, Shandong cities, clear. Written from the snapshot (the filter as
// the map holds it, the cities and regions it offers); each control sends only its own field,
// so what the page does not show (several regions, cities beyond the list) survives every click.
import { el } from "../dom.js";
import { yearBounds } from "../ui.js";

export class FiltersPanel {
  /// `send(command)` is the map's door; `moved(push)` is called after the user changed the
  /// filter (the URL follows).
  constructor(ui, send, moved) {
    Object.assign(this, { ui, send, moved, mode: "all", bounds: [0, 0], filter: null, cityKey: "", regionKey: "" });
  }

  wire() {
    const { ui } = this;
    for (const b of ui.all(".seg button")) {
      b.addEventListener("click", () => {
        this.mode = b.dataset.mode;
        this.#showMode();
        this.#patch({ years: this.#years() }, true);
      });
    }
    for (const id of ["year-from", "year-to"]) {
      ui.$(id).addEventListener("input", () => {
        this.#showMode();
        this.#patch({ years: this.#years() }, false);
      });
      ui.$(id).addEventListener("change", () => this.moved(true));
    }
    const flags = { unknown: "unknown_year", "kind-sister": "sister", "kind-friendly": "friendly", "level-city": "city_level", "level-province": "province_level" };
    for (const [id, field] of Object.entries(flags)) {
      ui.$(id).addEventListener("change", () => this.#patch({ [field]: ui.$(id).checked }, true));
    }
    for (const [field, group, key] of [["evidence", "evidence", "evidence"], ["stages", "stages", "stage"]]) {
      const boxes = () => [...ui.all(`#${group} input`)];
      for (const box of boxes()) {
        box.addEventListener("change", () => {
          // At least one stays ticked (none ticked would read as "all of them").
          if (!boxes().some((b) => b.checked)) box.checked = true;
          const on = boxes().filter((b) => b.checked).map((b) => b.dataset[key]);
          // All of them ticked is written as none (no filter on the field).
          this.#patch({ [field]: on.length === boxes().length ? [] : on }, true);
        });
      }
    }
    // A region is a place: the view follows it (the fit button offers the same for the rest).
    ui.$("region").addEventListener("change", () => {
      const id = ui.$("region").value;
      if (id === "*") return;
      this.send([{ type: "filter", regions: id ? [id] : [] }, { type: id ? "fit" : "resetView" }]);
      this.moved(true);
    });
    ui.$("reset-filters").addEventListener("click", () => {
      this.send({ type: "resetFilter" });
      this.moved(true);
    });
  }

  /// Sends one field of the filter.
  #patch(fields, push) {
    this.send({ type: "filter", ...fields });
    this.moved(push);
  }

  /// Builds the lists again in the new language.
  relabel() {
    this.cityKey = this.regionKey = "";
  }

  /// The region list (the snapshot's regions); several regions chosen (from a link or an
  /// attribute) show as one entry naming them all.
  #regions(snapshot) {
    const { ui } = this;
    const chosen = snapshot.filter.regions;
    const key = `${ui.lang}|${chosen.join(",")}`;
    if (key === this.regionKey) return;
    this.regionKey = key;
    const sel = ui.$("region");
    sel.replaceChildren(el("option", { value: "", textContent: ui.s.allRegions }));
    const byId = new Map(snapshot.regions.map((r) => [r.id, r]));
    if (chosen.length > 1) {
      const names = chosen.map((id) => byId.get(id)).map((r) => ui.name(r.name_zh, r.name_en));
      sel.append(el("option", { value: "*", textContent: names.join(ui.zh ? " + " : " + ") }));
    }
    for (const [kind, label] of [["continent", "continents"], ["m49", "m49"], ["grouping", "groupings"]]) {
      const g = el("optgroup", { label: ui.s[label] });
      for (const r of snapshot.regions.filter((r) => r.kind === kind)) {
        g.append(el("option", { value: r.id, textContent: ui.name(r.name_zh, r.name_en) }));
      }
      sel.append(g);
    }
    sel.value = chosen.length > 1 ? "*" : chosen[0] ?? "";
  }

  /// The city buttons: the origins the map offers (the province and its cities, imported
  /// origins by size, and every city of the filter).
  #cities(snapshot) {
    const { ui } = this;
    const key = `${ui.lang}|${snapshot.dataset}|${snapshot.cities.map((c) => c.index).join(",")}`;
    if (key === this.cityKey) return;
    this.cityKey = key;
    const buttons = snapshot.cities.map((c) => {
      const label = ui.zh && c.name_zh !== c.name ? [`${c.name_zh} `, el("span", { class: "en", textContent: c.name })] : [c.name];
      const b = el("button", { type: "button", data: { index: c.index, city: c.name } },
        el("span", {}, ...label), el("span", { class: "count", textContent: String(c.ties) }));
      b.addEventListener("click", () => {
        const chosen = this.filter.cities;
        const on = chosen.includes(c.index);
        this.#patch({ cities: on ? chosen.filter((i) => i !== c.index) : [...chosen, c.index] }, true);
      });
      return el("li", {}, b);
    });
    ui.$("cities").replaceChildren(...buttons);
  }

  /// Writes the controls from the snapshot.
  render(snapshot) {
    const { ui } = this;
    const f = (this.filter = snapshot.filter);
    this.#regions(snapshot);
    this.#cities(snapshot);
    const [first, last] = (this.bounds = yearBounds(snapshot.all));
    const from = ui.$("year-from"), to = ui.$("year-to");
    for (const r of [from, to]) Object.assign(r, { min: first, max: last, step: 1 });
    this.mode = f.years.mode;
    if (f.years.mode === "range") [from.value, to.value] = [f.years.from, f.years.to];
    else if (f.years.mode === "asof") to.value = f.years.year;
    else [from.value, to.value] = [first, last];
    this.#showMode();
    ui.$("unknown").checked = f.unknown_year;
    // Without a year filter every tie is shown, those of unknown year too.
    ui.$("unknown").disabled = f.years.mode === "all";
    ui.$("unknown-count").textContent = ui.n(snapshot.all.unknown_year.sister + snapshot.all.unknown_year.friendly);
    for (const b of ui.all(".cities button")) b.setAttribute("aria-pressed", String(f.cities.includes(Number(b.dataset.index))));
    ui.$("kind-sister").checked = f.sister;
    ui.$("kind-friendly").checked = f.friendly;
    ui.$("level-city").checked = f.city_level;
    ui.$("level-province").checked = f.province_level;
    // No level (or stage) chosen means all of them.
    for (const box of ui.all("#evidence input")) box.checked = !f.evidence.length || f.evidence.includes(box.dataset.evidence);
    for (const box of ui.all("#stages input")) box.checked = !f.stages.length || f.stages.includes(box.dataset.stage);
  }

  /// The years the controls show, as the filter writes them.
  #years() {
    let a = Number(this.ui.$("year-from").value), b = Number(this.ui.$("year-to").value);
    if (a > b) [a, b] = [b, a];
    return this.mode === "all" ? { mode: "all" } : this.mode === "asof" ? { mode: "asof", year: b } : { mode: "range", from: a, to: b };
  }

  #showMode() {
    const { ui } = this;
    for (const b of ui.all(".seg button")) b.setAttribute("aria-pressed", String(b.dataset.mode === this.mode));
    ui.$("year-from").hidden = this.mode !== "range";
    ui.$("year-to").hidden = this.mode === "all";
    const y = this.#years();
    ui.$("year-label").textContent = y.mode === "range" ? `${y.from}–${y.to}` : y.mode === "asof" ? ui.s.asOf(y.year) : ui.s.allYears(...this.bounds);
  }
}
