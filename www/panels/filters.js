// The filter controls: years (all, range, as of), year-unknown switch, region, kinds and
// levels, Shandong cities, clear. They are written from the snapshot's filter and read into a
// filter for the map; the filter's shape itself is the map's (getFilter / resetFilter).
import { el } from "../dom.js";
import { yearBounds } from "../ui.js";

/// How many origins the city list shows (an import may bring thousands).
const CITY_LIST_LIMIT = 60;

export class FiltersPanel {
  /// `changed(push)` is called after the user changed the filter.
  constructor(ui, map, changed) {
    Object.assign(this, { ui, map, changed, cityButtons: [], mode: "all", bounds: [0, 0] });
  }

  wire() {
    const { ui } = this;
    for (const b of ui.all(".seg button")) {
      b.addEventListener("click", () => {
        this.mode = b.dataset.mode;
        this.#showMode();
        this.#apply(true);
      });
    }
    for (const id of ["year-from", "year-to"]) {
      ui.$(id).addEventListener("input", () => this.#apply(false));
      ui.$(id).addEventListener("change", () => this.changed(true));
    }
    for (const id of ["unknown", "kind-sister", "kind-friendly", "level-city", "level-province"]) {
      ui.$(id).addEventListener("change", () => this.#apply(true));
    }
    for (const box of this.#evidenceBoxes()) {
      box.addEventListener("change", () => {
        // At least one level stays ticked (none ticked would read as "every level").
        if (![...this.#evidenceBoxes()].some((b) => b.checked)) box.checked = true;
        this.#apply(true);
      });
    }
    // A region is a place: the view follows it (the fit button offers the same for the rest).
    ui.$("region").addEventListener("change", () => {
      this.#apply(true);
      if (ui.$("region").value) this.map.fitShown();
      else this.map.resetView();
    });
    ui.$("reset-filters").addEventListener("click", () => {
      this.map.resetFilter();
      this.changed(true);
    });
  }

  /// The region list, in the current language.
  buildRegions() {
    const { ui } = this;
    const sel = ui.$("region");
    const value = sel.value;
    sel.replaceChildren(el("option", { value: "", textContent: ui.s.allRegions }));
    const regions = this.map.regions();
    for (const [kind, key] of [["continent", "continents"], ["m49", "m49"], ["grouping", "groupings"]]) {
      const g = el("optgroup", { label: ui.s[key] });
      for (const r of regions.filter((r) => r.kind === kind)) {
        g.append(el("option", { value: r.id, textContent: ui.name(r.name_zh, r.name_en) }));
      }
      sel.append(g);
    }
    sel.value = value;
  }

  /// The city buttons: the province and its cities with ties, then imported origins by size.
  buildCities() {
    const { ui } = this;
    const list = this.map.cities().filter((c) => c.ties > 0);
    const shown = [...list.filter((c) => c.builtin), ...list.filter((c) => !c.builtin).sort((a, b) => b.ties - a.ties)];
    this.cityButtons = shown.slice(0, CITY_LIST_LIMIT).map((c) => {
      const label = ui.zh && c.name_zh !== c.name ? [`${c.name_zh} `, el("span", { class: "en", textContent: c.name })] : [c.name];
      const b = el("button", { type: "button", data: { index: c.index, city: c.name } },
        el("span", {}, ...label), el("span", { class: "count", textContent: String(c.ties) }));
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", () => {
        b.setAttribute("aria-pressed", String(b.getAttribute("aria-pressed") !== "true"));
        this.#apply(true);
      });
      return b;
    });
    ui.$("cities").replaceChildren(...this.cityButtons.map((b) => el("li", {}, b)));
  }

  /// Writes the controls from the snapshot's filter.
  render(snapshot) {
    const { ui } = this;
    const f = snapshot.filter;
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
    ui.$("region").value = f.regions[0] ?? "";
    for (const b of this.cityButtons) b.setAttribute("aria-pressed", String(f.cities.includes(Number(b.dataset.index))));
    ui.$("kind-sister").checked = f.sister;
    ui.$("kind-friendly").checked = f.friendly;
    ui.$("level-city").checked = f.city_level;
    ui.$("level-province").checked = f.province_level;
    // No level chosen means all levels.
    for (const box of this.#evidenceBoxes()) box.checked = !f.evidence.length || f.evidence.includes(box.dataset.evidence);
  }

  #evidenceBoxes() {
    return this.ui.all("#evidence input");
  }

  #years() {
    let a = Number(this.ui.$("year-from").value), b = Number(this.ui.$("year-to").value);
    return a > b ? [b, a] : [a, b];
  }

  #showMode() {
    const { ui } = this;
    for (const b of ui.all(".seg button")) b.setAttribute("aria-pressed", String(b.dataset.mode === this.mode));
    ui.$("year-from").hidden = this.mode !== "range";
    ui.$("year-to").hidden = this.mode === "all";
    const [a, b] = this.#years();
    ui.$("year-label").textContent = this.mode === "range" ? `${a}–${b}` : this.mode === "asof" ? ui.s.asOf(b) : ui.s.allYears(...this.bounds);
  }

  /// The map's filter with the controls' values.
  #read() {
    const { ui } = this;
    const [a, b] = this.#years();
    const years = this.mode === "all" ? { mode: "all" } : this.mode === "asof" ? { mode: "asof", year: b } : { mode: "range", from: a, to: b };
    return {
      ...this.map.getFilter(),
      years,
      unknown_year: ui.$("unknown").checked,
      regions: ui.$("region").value ? [ui.$("region").value] : [],
      cities: this.cityButtons.filter((b) => b.getAttribute("aria-pressed") === "true").map((b) => Number(b.dataset.index)),
      sister: ui.$("kind-sister").checked,
      friendly: ui.$("kind-friendly").checked,
      city_level: ui.$("level-city").checked,
      province_level: ui.$("level-province").checked,
      evidence: this.#evidenceLevels(),
    };
  }

  /// The evidence levels ticked; all of them is written as none (no evidence filter).
  #evidenceLevels() {
    const boxes = [...this.#evidenceBoxes()];
    const on = boxes.filter((b) => b.checked).map((b) => b.dataset.evidence);
    return on.length === boxes.length ? [] : on;
  }

  #apply(push) {
    this.map.setFilter(this.#read());
    this.#showMode();
    this.changed(push);
  }
}
