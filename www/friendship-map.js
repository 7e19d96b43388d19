// <friendship-map>: the map of Shandong's international friendships as a custom element.
// One <script type="module" src=".../friendship-map.js"> loads it; everything it needs sits
// beside this file. Styles live in a shadow root, so host pages cannot break them and they
// cannot break the host page. All state (data, filters, playback, statistics, search, URL
// state) lives in Rust behind the wasm `FriendshipMap` handle; this file moves values between
// the DOM and that handle, and holds the UI strings (i18n.js).
import { STRINGS } from "./i18n.js";

const BASE = new URL(".", import.meta.url);
const ATTRS = ["projection", "lang", "cities", "years", "as-of", "regions", "kinds", "levels", "mode", "src", "src-layout", "basemap", "review-number", "controls", "selected", "view"];

let modulePromise;
/// The wasm module, loaded once per page (or provided inline by the one-file build).
function loadModule() {
  modulePromise ??= (async () => {
    if (globalThis.__FRIENDSHIP_MAP_INLINE__) return globalThis.__FRIENDSHIP_MAP_INLINE__;
    // The wasm download starts together with its JS glue, not after it.
    const wasm = fetch(new URL("pkg/shandong_friendship_map_bg.wasm", BASE));
    const m = await import(new URL("pkg/shandong_friendship_map.js", BASE).href);
    await m.default({ module_or_path: wasm });
    return m;
  })();
  return modulePromise;
}

const TEMPLATE = `
<div class="fm-root" part="root">
  <header class="top">
    <div class="titles">
      <h1 data-t="title"></h1>
      <p class="sub" id="coverage" data-t="subtitle"></p>
    </div>
    <div class="top-buttons">
      <button type="button" id="table-toggle" aria-pressed="false" data-t="table"></button>
      <button type="button" id="present-toggle" aria-pressed="false" data-t="present"></button>
      <button type="button" id="lang-toggle" data-t="language" data-t-label="languageLabel"></button>
    </div>
  </header>
  <main class="layout">
    <section class="map-wrap">
      <div id="map" class="map" role="region">
        <div class="status" id="status" role="status" data-t="loading"></div>
      </div>
      <div class="map-controls">
        <button type="button" id="reset" data-t="resetView"></button>
        <button type="button" id="zoom-in" data-t-label="zoomIn">+</button>
        <button type="button" id="zoom-out" data-t-label="zoomOut">−</button>
      </div>
      <div class="caption" id="caption" aria-live="polite" hidden></div>
      <div class="legend">
        <span class="key sister"></span><span data-t="legendSister"></span>
        <span class="key friendly"></span><span data-t="legendFriendly"></span>
      </div>
      <div class="review" id="review" hidden></div>
      <div class="attribution" id="credit" data-t="basemapCredit"></div>
    </section>
    <aside class="panel">
      <section class="block">
        <label class="h" for="search" data-t="search"></label>
        <input id="search" type="search" autocomplete="off" data-t-placeholder="searchPlaceholder" aria-controls="search-results">
        <ul id="search-results" class="results" data-t-label="searchResults"></ul>
      </section>
      <section class="block">
        <div class="h" data-t="years"></div>
        <div class="seg" role="group" data-t-label="years">
          <button type="button" data-mode="all" aria-pressed="true" data-t="modeAll"></button>
          <button type="button" data-mode="range" aria-pressed="false" data-t="modeRange"></button>
          <button type="button" data-mode="asof" aria-pressed="false" data-t="modeAsOf"></button>
        </div>
        <div class="years">
          <div class="hist" id="hist" aria-hidden="true"></div>
          <input type="range" id="year-from" data-t-label="fromYear">
          <input type="range" id="year-to" data-t-label="toYear">
        </div>
        <div class="year-labels" id="year-label"></div>
        <label class="check"><input type="checkbox" id="unknown" checked> <span data-t="includeUnknown"></span> (<span id="unknown-count">0</span>)</label>
        <div class="play" role="group">
          <button type="button" id="step-back" data-t-label="prev">«</button>
          <button type="button" id="play"></button>
          <button type="button" id="step-fwd" data-t-label="next">»</button>
          <select id="speed" data-t-label="speed">
            <option value="0.5">0.5×</option><option value="1" selected>1×</option><option value="2">2×</option><option value="4">4×</option>
          </select>
          <label class="check"><input type="checkbox" id="loop"> <span data-t="loop"></span></label>
        </div>
      </section>
      <section class="block">
        <label class="h" for="projection" data-t="projection"></label>
        <select id="projection">
          <option value="naturalearth" data-t="projNaturalEarth"></option>
          <option value="globe" data-t="projGlobe"></option>
          <option value="equirectangular" data-t="projEquirectangular"></option>
        </select>
        <label class="h" for="region" data-t="region"></label>
        <select id="region"></select>
        <div class="h" data-t="kindLevel"></div>
        <div class="toggles">
          <label class="check"><input type="checkbox" id="kind-sister" checked> <span data-t="sister"></span></label>
          <label class="check"><input type="checkbox" id="kind-friendly" checked> <span data-t="friendly"></span></label>
          <label class="check"><input type="checkbox" id="level-city" checked> <span data-t="cityLevel"></span></label>
          <label class="check"><input type="checkbox" id="level-province" checked> <span data-t="provinceLevel"></span></label>
        </div>
      </section>
      <section class="block">
        <div class="h" data-t="cities"></div>
        <p class="hint" data-t="citiesHint"></p>
        <ul id="cities" class="cities"></ul>
        <button type="button" id="reset-filters" class="wide" data-t="clearFilters"></button>
      </section>
      <section class="block" aria-live="polite">
        <div class="h" data-t="stats"></div>
        <dl class="totals" id="totals"></dl>
        <div class="sub-h" data-t="byContinent"></div>
        <ul class="bars" id="by-continent"></ul>
        <div class="sub-h" data-t="topCountries"></div>
        <ul class="bars" id="by-country"></ul>
        <div class="sub-h" data-t="byGrouping"></div>
        <ul class="bars" id="by-grouping"></ul>
      </section>
      <section class="block">
        <div class="h" data-t="export"></div>
        <div class="exports">
          <select id="png-size" data-t-label="pngSize">
            <option value="" data-t="pngCurrent"></option>
            <option value="1920x1080">1920×1080</option>
            <option value="3840x2160">3840×2160</option>
          </select>
          <button type="button" id="export-png" data-t="exportPng"></button>
          <button type="button" id="export-csv" data-t="exportCsv"></button>
          <button type="button" id="export-geojson" data-t="exportGeoJson"></button>
        </div>
      </section>
      <section class="block">
        <div class="h" data-t="importData"></div>
        <p class="hint" data-t="importHint"></p>
        <label class="file"><span data-t="chooseFile"></span>
          <input type="file" id="import-file" accept=".csv,.json,text/csv,application/json"></label>
        <select id="import-preset">
          <option value="standard" data-t="layoutStandard"></option>
          <option value="world-twin-cities" data-t="layoutWorld"></option>
        </select>
        <div class="toggles">
          <label class="check"><input type="radio" name="import-mode" value="replace" checked> <span data-t="replace"></span></label>
          <label class="check"><input type="radio" name="import-mode" value="add"> <span data-t="add"></span></label>
        </div>
        <div id="import-result" role="status" class="hint"></div>
        <ol id="import-errors" class="errors" data-t-label="errorsLabel"></ol>
        <button type="button" id="builtin-data" class="wide" hidden data-t="builtinData"></button>
      </section>
    </aside>
  </main>
  <section class="table-wrap" id="table-wrap">
    <table id="table">
      <caption id="table-caption"></caption>
      <thead><tr>
        <th scope="col" aria-sort="none"><button type="button" data-sort="city" data-t="colCity"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="partner" data-t="colPartner"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="country" data-t="colCountry"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="kind" data-t="colKind"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="level" data-t="colLevel"></button></th>
        <th scope="col" aria-sort="none"><button type="button" data-sort="established" data-t="colYear"></button></th>
        <th scope="col" data-t="colSource"></th>
      </tr></thead>
      <tbody></tbody>
    </table>
  </section>
</div>`;

const el = (tag, props = {}, ...children) => {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") n.className = v;
    else if (k === "data") Object.assign(n.dataset, v);
    else n[k] = v;
  }
  n.append(...children);
  return n;
};

function download(name, blob) {
  const a = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

export class FriendshipMapElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRS;
  }

  constructor() {
    super();
    this.root = this.attachShadow({ mode: "open" });
    const css = globalThis.__FRIENDSHIP_MAP_CSS__;
    if (css) {
      const style = new CSSStyleSheet();
      style.replaceSync(css);
      this.root.adoptedStyleSheets = [style];
    } else {
      this.root.append(el("link", { rel: "stylesheet", href: new URL("friendship-map.css", BASE).href }));
    }
    const t = document.createElement("template");
    t.innerHTML = TEMPLATE;
    this.root.append(t.content.cloneNode(true));
    this.language = (this.getAttribute("lang") || "zh").startsWith("en") ? "en" : "zh";
    this.sortKey = null;
    this.sortDir = 1;
    this.tableOpen = false;
    this.ready = loadModule().then((m) => this.#start(m)).catch((e) => this.#fail(e?.message || String(e)));
  }

  $(id) {
    return this.root.getElementById(id);
  }

  get s() {
    return STRINGS[this.language];
  }

  #fail(message) {
    const status = this.$("status");
    status.hidden = false;
    status.classList.add("error");
    status.textContent = `${this.s.loadError}${message}`;
  }

  // ---------- start-up ----------
  #start(m) {
    const map = new m.FriendshipMap(this.$("map"));
    this.map = map;
    this.$("status").hidden = true;
    const canvas = this.$("map").querySelector("canvas");
    canvas.tabIndex = 0;
    canvas.setAttribute("aria-describedby", "coverage");
    this.canvas = canvas;
    // The map's own state first and one frame drawn now, so the first frame shown is the
    // right one and does not wait for the panels below.
    map.setLanguage(this.language);
    // Statistics of the whole dataset (the year axis, the totals), before any filter.
    const q = this.hasAttribute("url-state") && location.search.length > 1 ? location.search : this.#attributeQuery();
    if (q) this.all = map.stats();
    const present = this.getAttribute("mode") === "present";
    this.present = present;
    this.classList.toggle("present", present);
    this.classList.toggle("bare", this.getAttribute("controls") === "none");
    if (this.getAttribute("projection")) map.setProjection(this.getAttribute("projection"));
    for (const w of map.applyQuery(q)) console.warn(w);
    const style = this.getAttribute("basemap") || "countries";
    if (!/\.(geo|topo)?json$/i.test(style)) map.setBasemapStyle(style);
    map.render();
    this.all ??= map.stats();
    this.#wire();
    // Builds the region and city lists in the language, writes the controls from the map's
    // filter and fills the panels.
    this.#applyLanguage();
    if (this.hasAttribute("url-state")) {
      window.addEventListener("popstate", () => this.#fromQuery(location.search, false));
    }
    // Embedded in a longer page, one finger scrolls the page and two move the map; the
    // stand-alone page (url-state) takes every gesture.
    this.classList.toggle("embedded", !this.hasAttribute("url-state"));
    this.$("projection").value = map.projection();
    if (present) this.#setPresent(true);
    if (/\.(geo|topo)?json$/i.test(style)) this.#applyBasemap();
    this.#applyReview();
    if (this.getAttribute("src")) this.#loadSrc();
    this.dataset.ready = "true";
    if (this.hasAttribute("url-state")) {
      // The page's map object, for scripts and tests on the stand-alone page.
      window.friendshipMap = map;
      document.documentElement.dataset.ready = "true";
    }
    this.dispatchEvent(new CustomEvent("ready", { bubbles: true, composed: true }));
  }

  attributeChangedCallback(name, old, value) {
    if (name === "lang") this.language = (value || "zh").startsWith("en") ? "en" : "zh";
    if (!this.map || old === value) return;
    if (name === "lang") this.#applyLanguage(); else if (name === "mode") this.#setPresent(value === "present");
    else if (name === "basemap") this.#applyBasemap();
    else if (name === "projection") this.#setProjection(value || "naturalearth");
    else if (name === "review-number") this.#applyReview();
    else if (name === "controls") this.classList.toggle("bare", value === "none");
    else if (name === "src" || name === "src-layout") this.#loadSrc();
    else this.#fromQuery(this.#attributeQuery(), true);
  }

  /// The URL-style query the filter attributes describe.
  #attributeQuery() {
    const map = { cities: "cities", years: "years", "as-of": "asof", regions: "regions", kinds: "kinds", levels: "levels", selected: "sel", view: "view" };
    const parts = [];
    for (const [attr, key] of Object.entries(map)) {
      const v = this.getAttribute(attr);
      if (v) parts.push(`${key}=${encodeURIComponent(v)}`);
    }
    return parts.join("&");
  }

  #fromQuery(q, notify = true) {
    for (const w of this.map.applyQuery(q)) console.warn(w);
    this.#writeControls(this.map.getFilter());
    this.#refresh();
    if (notify) this.#filterChanged(false);
  }

  async #applyBasemap() {
    const b = this.getAttribute("basemap") || "countries";
    try {
      if (/\.(geo|topo)?json$/i.test(b)) {
        const r = await fetch(new URL(b, document.baseURI));
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        this.map.loadBasemap(await r.text());
        // The credit line names the page's own basemap, not Natural Earth.
        this.$("credit").dataset.t = "basemapOwn";
        this.$("credit").textContent = this.s.basemapOwn;
      } else {
        this.map.setBasemapStyle(b);
      }
    } catch (e) {
      console.warn(`basemap ${b}: ${e.message}`);
    }
  }

  #applyReview() {
    const n = this.getAttribute("review-number");
    const box = this.$("review");
    box.hidden = !n;
    box.textContent = n ? `${this.s.reviewNumber}${n}` : "";
  }

  async #loadSrc() {
    const src = this.getAttribute("src");
    if (!src) return;
    try {
      const r = await fetch(new URL(src, document.baseURI));
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      this.#importText(await r.text(), src.split("/").pop(), this.getAttribute("src-layout") || "standard", "replace");
    } catch (e) {
      this.$("import-result").textContent = `${this.s.cannotRead}${src}: ${e.message}`;
    }
  }

  // ---------- controls ----------
  #buildRegions() {
    const sel = this.$("region");
    const regions = this.map.regions();
    sel.replaceChildren(el("option", { value: "", textContent: this.s.allRegions }));
    for (const [kind, key] of [["continent", "continents"], ["m49", "m49"], ["grouping", "groupings"]]) {
      const g = el("optgroup", { label: this.s[key] });
      for (const r of regions.filter((r) => r.kind === kind)) {
        g.append(el("option", { value: r.id, textContent: this.language === "zh" ? r.name_zh : r.name_en }));
      }
      sel.append(g);
    }
  }

  #buildCities() {
    this.cityButtons = [];
    const list = this.map.cities().map((c, i) => ({ ...c, i })).filter((c) => c.ties > 0);
    const shown = [...list.filter((c) => c.i < 17), ...list.filter((c) => c.i >= 17).sort((a, b) => b.ties - a.ties)].slice(0, 60);
    this.$("cities").replaceChildren(...shown.map((c) => {
      const label = this.language === "zh" && c.name_zh !== c.name ? [`${c.name_zh} `, el("span", { class: "en", textContent: c.name })] : [c.name];
      const b = el("button", { type: "button", data: { index: c.i, city: c.name } },
        el("span", {}, ...label), el("span", { class: "count", textContent: String(c.ties) }));
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", () => {
        b.setAttribute("aria-pressed", b.getAttribute("aria-pressed") === "true" ? "false" : "true");
        this.#applyControls(true);
      });
      this.cityButtons.push(b);
      return el("li", {}, b);
    }));
  }

  #years() {
    const y = this.all.by_year;
    const now = new Date().getFullYear();
    return y.length ? [y[0][0], y[y.length - 1][0]] : [1979, now];
  }

  #readControls() {
    let a = Number(this.$("year-from").value), b = Number(this.$("year-to").value);
    if (a > b) [a, b] = [b, a];
    const mode = this.mode ?? "all";
    const years = mode === "all" ? { mode: "all" } : mode === "asof" ? { mode: "asof", year: b } : { mode: "range", from: a, to: b };
    return {
      years,
      unknown_year: this.$("unknown").checked,
      regions: this.$("region").value ? [this.$("region").value] : [],
      cities: this.cityButtons.filter((b) => b.getAttribute("aria-pressed") === "true").map((b) => Number(b.dataset.index)),
      sister: this.$("kind-sister").checked,
      friendly: this.$("kind-friendly").checked,
      city_level: this.$("level-city").checked,
      province_level: this.$("level-province").checked,
    };
  }

  #writeControls(f) {
    const [first, last] = this.#years();
    const from = this.$("year-from"), to = this.$("year-to");
    for (const r of [from, to]) Object.assign(r, { min: first, max: last, step: 1 });
    this.mode = f.years.mode;
    for (const b of this.root.querySelectorAll(".seg button")) b.setAttribute("aria-pressed", String(b.dataset.mode === this.mode));
    if (f.years.mode === "range") { from.value = f.years.from; to.value = f.years.to; }
    else if (f.years.mode === "asof") { to.value = f.years.year; }
    else { from.value = first; to.value = last; }
    from.hidden = this.mode !== "range";
    to.hidden = this.mode === "all";
    this.$("unknown").checked = f.unknown_year;
    this.$("region").value = f.regions[0] ?? "";
    for (const b of this.cityButtons) b.setAttribute("aria-pressed", String(f.cities.includes(Number(b.dataset.index))));
    this.$("kind-sister").checked = f.sister;
    this.$("kind-friendly").checked = f.friendly;
    this.$("level-city").checked = f.city_level;
    this.$("level-province").checked = f.province_level;
    this.#yearLabel();
  }

  #yearLabel() {
    const [first, last] = this.#years();
    let a = Number(this.$("year-from").value), b = Number(this.$("year-to").value);
    if (a > b) [a, b] = [b, a];
    this.$("year-label").textContent = this.mode === "range" ? `${a}–${b}` : this.mode === "asof" ? this.s.asOf(b) : this.s.allYears(first, last);
  }

  #applyControls(push) {
    this.map.setFilter(this.#readControls());
    this.#yearLabel();
    this.#filterChanged(push);
  }

  #filterChanged(push) {
    this.#urlSoon(push);
    this.dispatchEvent(new CustomEvent("filterchange", { bubbles: true, composed: true, detail: this.map.getFilter() }));
  }

  #wire() {
    const map = this.map;
    for (const b of this.root.querySelectorAll(".seg button")) {
      b.addEventListener("click", () => {
        this.mode = b.dataset.mode;
        for (const o of this.root.querySelectorAll(".seg button")) o.setAttribute("aria-pressed", String(o === b));
        this.$("year-from").hidden = this.mode !== "range";
        this.$("year-to").hidden = this.mode === "all";
        this.#applyControls(true);
      });
    }
    for (const id of ["year-from", "year-to"]) {
      this.$(id).addEventListener("input", () => this.#applyControls(false));
      this.$(id).addEventListener("change", () => this.#urlSoon(true));
    }
    this.$("projection").addEventListener("change", () => { this.#setProjection(this.$("projection").value); this.#urlSoon(true); });
    for (const id of ["unknown", "kind-sister", "kind-friendly", "level-city", "level-province", "region"]) {
      this.$(id).addEventListener("change", () => this.#applyControls(true));
    }
    this.$("reset-filters").addEventListener("click", () => {
      map.setFilter({ years: { mode: "all" }, unknown_year: true, regions: [], cities: [], sister: true, friendly: true, city_level: true, province_level: true });
      this.#writeControls(map.getFilter());
      this.#filterChanged(true);
    });
    this.$("reset").addEventListener("click", () => { map.resetView(); this.#urlSoon(true); });
    this.$("zoom-in").addEventListener("click", () => map.zoomBy(1.5));
    this.$("zoom-out").addEventListener("click", () => map.zoomBy(1 / 1.5));
    // Keyboard on the map: arrows pan, +/- zoom, 0 resets.
    this.canvas.addEventListener("keydown", (e) => {
      const step = 60;
      const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (this.present && ["ArrowLeft", "ArrowRight", " "].includes(e.key)) return;
      if (moves[e.key]) map.panBy(...moves[e.key]);
      else if (e.key === "+" || e.key === "=") map.zoomBy(1.5);
      else if (e.key === "-") map.zoomBy(1 / 1.5);
      else if (e.key === "0") map.resetView();
      else return;
      e.preventDefault();
    });

    // playback
    const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
    const options = () => map.setPlaybackOptions(Number(this.$("speed").value), this.$("loop").checked || !!this.present, !reduced);
    this.playOptions = options;
    options();
    this.$("speed").addEventListener("change", options);
    this.$("loop").addEventListener("change", options);
    this.$("play").addEventListener("click", () => this.#togglePlay());
    this.$("step-back").addEventListener("click", () => { map.step(-1); this.#showPlayback(); });
    this.$("step-fwd").addEventListener("click", () => { map.step(1); this.#showPlayback(); });

    // search
    this.$("search").addEventListener("input", (e) => {
      this.$("search-results").replaceChildren(...map.search(e.target.value).map((h) => {
        const b = el("button", { type: "button" }, this.language === "zh" ? `${h.label_zh} ${h.label_en}` : h.label_en, el("span", { class: "detail", textContent: h.detail }));
        b.addEventListener("click", () => { map.choose(h.target); this.#urlSoon(true); });
        return el("li", {}, b);
      }));
    });

    // table
    this.$("table-toggle").addEventListener("click", () => {
      this.tableOpen = !this.tableOpen;
      this.$("table-toggle").setAttribute("aria-pressed", String(this.tableOpen));
      this.classList.toggle("table-open", this.tableOpen);
      this.#renderTable();
    });
    for (const b of this.root.querySelectorAll("th button")) {
      b.addEventListener("click", () => {
        this.sortDir = this.sortKey === b.dataset.sort ? -this.sortDir : 1;
        this.sortKey = b.dataset.sort;
        this.#renderTable();
      });
    }

    // presenter mode, language
    this.$("present-toggle").addEventListener("click", () => {
      const on = !this.present;
      this.#setPresent(on);
      if (on) this.requestFullscreen?.().catch(() => {});
      else if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    });
    this.addEventListener("keydown", (e) => {
      if (!this.present) return;
      if (e.key === " ") { this.#togglePlay(); e.preventDefault(); }
      else if (e.key === "ArrowRight") { map.step(1); this.#showPlayback(); e.preventDefault(); }
      else if (e.key === "ArrowLeft") { map.step(-1); this.#showPlayback(); e.preventDefault(); }
      else if (e.key === "Escape") this.#setPresent(false);
    });
    document.addEventListener("fullscreenchange", () => {
      if (!document.fullscreenElement && this.present && this.fullscreenEntered) this.#setPresent(false);
      this.fullscreenEntered = document.fullscreenElement === this;
    });
    this.$("lang-toggle").addEventListener("click", () => this.setAttribute("lang", this.language === "zh" ? "en" : "zh"));

    // exports
    this.$("export-png").addEventListener("click", async () => {
      const [w, h] = (this.$("png-size").value || "").split("x").map(Number);
      download("shandong-friendship-map.png", await this.exportPng(w ? { width: w, height: h } : {}));
    });
    this.$("export-csv").addEventListener("click", () => download("shandong-friendship-ties.csv", new Blob([map.exportCsv()], { type: "text/csv" })));
    this.$("export-geojson").addEventListener("click", () => download("shandong-friendship-ties.geojson", new Blob([map.exportGeoJson()], { type: "application/geo+json" })));

    // a user's own data
    this.$("import-file").addEventListener("change", async () => {
      const file = this.$("import-file").files[0];
      if (!file) return;
      this.$("import-result").textContent = this.s.reading(file.name);
      const mode = this.root.querySelector('input[name="import-mode"]:checked').value;
      this.#importText(await file.text(), file.name, this.$("import-preset").value, mode);
    });
    this.$("builtin-data").addEventListener("click", () => {
      map.useBuiltinData();
      this.imported = null;
      this.$("builtin-data").hidden = true;
      this.$("import-result").textContent = "";
      this.$("import-errors").replaceChildren();
      this.$("import-file").value = "";
      this.#afterDataChange();
    });

    map.onSelect((city) => {
      this.#urlSoon(true);
      this.dispatchEvent(new CustomEvent("select", { bubbles: true, composed: true, detail: { city } }));
    });
    map.onDetailNeeded(async () => {
      try {
        const r = await fetch(new URL("basemap-50m.bin", BASE));
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        map.setDetailBasemap(new Uint8Array(await r.arrayBuffer()));
      } catch (e) {
        console.warn(`detailed basemap unavailable, keeping 1:110m: ${e.message}`);
      }
    });
    map.onChange((what) => {
      if (what === "data") this.#refresh();
      else if (!map.caption()) this.#urlSoon(false);
    });
  }

  #importText(text, name, preset, mode) {
    let report;
    try {
      report = this.map.importData(text, { file: name, preset, mode });
    } catch (e) {
      this.$("import-result").textContent = `${this.s.cannotRead}${e.message}`;
      this.$("import-errors").replaceChildren();
      return null;
    }
    const bad = new Set(report.errors.map((e) => e.line)).size;
    this.$("import-result").textContent = this.s.imported(name, report.loaded, bad, report.total);
    const items = report.errors.slice(0, 500).map((e) => el("li", { textContent: e.text }));
    if (report.errors.length > 500) items.push(el("li", { textContent: `… +${report.errors.length - 500}` }));
    this.$("import-errors").replaceChildren(...items);
    this.$("builtin-data").hidden = false;
    this.imported = name;
    this.#afterDataChange();
    return report;
  }

  #afterDataChange() {
    this.all = this.map.stats();
    this.#buildCities();
    this.#writeControls(this.map.getFilter());
    this.#refresh();
    this.#filterChanged(true);
  }

  // ---------- output ----------
  #refresh() {
    this.#showStats();
    this.#showPlayback();
    this.#showCoverage();
    if (this.tableOpen) this.#renderTable();
  }

  #showCoverage() {
    const n = new Intl.NumberFormat(this.language === "zh" ? "zh-CN" : "en");
    this.$("coverage").textContent = this.imported
      ? this.s.yourData(this.imported, n.format(this.map.summary().ties))
      : this.s.coverage(this.map.dataInfo(), this.all.countries);
  }

  #togglePlay() {
    const c = this.map.caption();
    if (c && c.playing) this.map.pause(); else this.map.play();
    this.#showPlayback();
  }

  #showPlayback() {
    const c = this.map.caption();
    const playing = c && c.playing;
    this.$("play").textContent = `${playing ? "‖" : "▶"} ${playing ? this.s.pause : this.s.play}`;
    const cap = this.$("caption");
    if (!c) { cap.hidden = true; return; }
    cap.hidden = false;
    const n = new Intl.NumberFormat(this.language === "zh" ? "zh-CN" : "en");
    const max = this.present ? 8 : 6;
    const names = c.new_partners.slice(0, max)
      .map(([zh, en, city]) => (this.language === "zh" ? `${city}–${zh}` : en)).join(this.language === "zh" ? "、" : ", ");
    const more = c.new_partners.length > max ? this.s.andMore(c.new_partners.length) : "";
    // Lines break only between the " · " parts, never inside "累计 1 项".
    const parts = this.s.caption(c, n.format(c.total), c.countries).replace(String(c.total), n.format(c.total)).split(" · ");
    const big = el("div", { class: "big" });
    parts.forEach((p, i) => big.append(...(i ? [" · "] : []), el("span", { textContent: p })));
    cap.replaceChildren(
      big,
      el("div", { class: "names", textContent: names + more }),
    );
  }

  #bars(list, items, max) {
    list.replaceChildren(...items.map((c) => {
      const track = el("span", { class: "track" }, el("span", { class: "s" }), el("span", { class: "f" }));
      track.children[0].style.width = `${(100 * c.count.sister) / max}%`;
      track.children[1].style.width = `${(100 * c.count.friendly) / max}%`;
      const label = this.language === "zh" ? c.name_zh : c.name_en;
      const li = el("li", {}, el("span", { textContent: label }), track, el("span", { class: "n", textContent: String(c.count.sister + c.count.friendly) }));
      li.title = `${label}: ${c.count.sister} ${this.s.sister}, ${c.count.friendly} ${this.s.friendly}`;
      return li;
    }));
  }

  #showStats() {
    const s = this.map.stats();
    const n = new Intl.NumberFormat(this.language === "zh" ? "zh-CN" : "en");
    const tile = (key, v) => el("div", {}, el("dt", { textContent: this.s[key] }), el("dd", { textContent: n.format(v) }));
    this.$("totals").replaceChildren(tile("ties", s.ties), tile("partners", s.partners), tile("countries", s.countries),
      tile("continentsN", s.continents), tile("sister", s.by_kind.sister), tile("friendly", s.by_kind.friendly));
    const total = (c) => c.count.sister + c.count.friendly;
    const max = Math.max(1, ...s.by_continent.map(total), ...s.top_countries.map(total));
    this.#bars(this.$("by-continent"), s.by_continent, max);
    this.#bars(this.$("by-country"), s.top_countries, max);
    this.#bars(this.$("by-grouping"), s.by_grouping, max);
    this.$("unknown-count").textContent = n.format(this.all.unknown_year.sister + this.all.unknown_year.friendly);
    const [first, last] = this.#years();
    const shown = new Map(s.by_year);
    const all = new Map(this.all.by_year);
    const peak = Math.max(1, ...this.all.by_year.map(([, k]) => k.sister + k.friendly));
    const bars = [];
    for (let y = first; y <= last; y++) {
      const k = shown.get(y) ?? { sister: 0, friendly: 0 };
      const a = all.get(y) ?? { sister: 0, friendly: 0 };
      const off = k.sister + k.friendly === 0 && a.sister + a.friendly > 0;
      const v = off ? a : k;
      const bar = el("div", { class: off ? "bar off" : "bar", title: `${y}: ${a.sister + a.friendly}` }, el("div", { class: "s" }), el("div", { class: "f" }));
      bar.children[0].style.height = `${(100 * v.sister) / peak}%`;
      bar.children[1].style.height = `${(100 * v.friendly) / peak}%`;
      bars.push(bar);
    }
    this.$("hist").replaceChildren(...bars);
  }

  #renderTable() {
    const rows = this.map.rows();
    const key = this.sortKey;
    const val = (r) => (key === "city" ? (this.language === "zh" ? r.city_zh : r.city) : key === "partner" ? (this.language === "zh" ? r.partner_zh : r.partner)
      : key === "country" ? (this.language === "zh" ? r.country_zh : r.country) : r[key] ?? "");
    if (key) rows.sort((a, b) => this.sortDir * String(val(a)).localeCompare(String(val(b)), this.language === "zh" ? "zh-CN" : "en"));
    for (const th of this.root.querySelectorAll("th[aria-sort]")) {
      const k = th.querySelector("button").dataset.sort;
      th.setAttribute("aria-sort", k === key ? (this.sortDir > 0 ? "ascending" : "descending") : "none");
    }
    const zh = this.language === "zh";
    const limit = 2000;
    this.$("table-caption").textContent = this.s.tableCaption(rows.length) + (rows.length > limit ? ` (${limit})` : "");
    this.$("table").querySelector("tbody").replaceChildren(...rows.slice(0, limit).map((r) => {
      const links = r.sources.map((u, i) => el("a", { href: u, textContent: `[${i + 1}]`, rel: "noopener noreferrer", target: "_blank" }));
      return el("tr", {},
        el("td", { textContent: zh ? `${r.city_zh}${r.signed_by ? `（${r.signed_by}）` : ""}` : `${r.city}${r.signed_by ? ` (${r.signed_by})` : ""}` }),
        el("td", { textContent: zh ? `${r.partner_zh} ${r.partner}` : `${r.partner} (${r.partner_zh})` }),
        el("td", { textContent: zh ? r.country_zh : r.country }),
        el("td", { textContent: r.kind === "sister" ? this.s.sister : this.s.friendly }),
        el("td", { textContent: r.level === "city" ? this.s.cityLevel : this.s.provinceLevel }),
        el("td", { textContent: r.established || this.s.yearUnknown }),
        el("td", {}, ...links));
    }));
  }

  #applyLanguage() {
    const s = this.s;
    for (const n of this.root.querySelectorAll("[data-t]")) {
      const v = s[n.dataset.t];
      if (typeof v === "string") n.textContent = v;
    }
    for (const n of this.root.querySelectorAll("[data-t-label]")) n.setAttribute("aria-label", s[n.dataset.tLabel]);
    for (const n of this.root.querySelectorAll("[data-t-placeholder]")) n.placeholder = s[n.dataset.tPlaceholder];
    this.$("map").setAttribute("aria-label", `${s.mapLabel} — ${s.keyboardHint}`);
    this.canvas?.setAttribute("aria-label", `${s.mapLabel} — ${s.keyboardHint}`);
    this.root.querySelector(".fm-root").lang = this.language === "zh" ? "zh-CN" : "en";
    if (!this.map) return;
    this.map.setLanguage(this.language);
    const region = this.$("region").value;
    this.#buildRegions();
    this.$("region").value = region;
    const f = this.map.getFilter();
    this.#buildCities();
    this.#writeControls(f);
    this.#applyReview();
    this.#refresh();
  }

  #setProjection(name) {
    if (!this.map.setProjection(name)) { console.warn(`unknown projection ${name}`); return; }
    this.$("projection").value = this.map.projection();
    this.map.setSpin(!!this.present && name === "globe");
  }

  #setPresent(on) {
    this.present = on;
    this.classList.toggle("present", on);
    this.$("present-toggle").setAttribute("aria-pressed", String(on));
    this.$("present-toggle").textContent = on ? this.s.leavePresent : this.s.present;
    if (!this.map) return;
    this.playOptions?.();
    this.map.setSpin(on && this.map.projection() === "globe");
    if (on) {
      const c = this.map.caption();
      if (!c || !c.playing) this.map.play();
      this.tabIndex = -1;
      this.focus();
    } else {
      this.map.stop();
      this.map.resetView();
    }
    this.#showPlayback();
  }

  // ---------- URL state (only with the url-state attribute) ----------
  #urlSoon(push) {
    if (!this.hasAttribute("url-state")) return;
    this.pushNext ||= push;
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => {
      const q = this.map.query();
      if (`?${q}` !== location.search && (q || location.search)) {
        history[this.pushNext ? "pushState" : "replaceState"](null, "", q ? `?${q}` : location.pathname);
      }
      this.pushNext = false;
    }, 250);
  }

  // ---------- public API ----------
  get filter() {
    return this.map?.getFilter();
  }
  set filter(f) {
    this.map.setFilter(f);
    this.#writeControls(this.map.getFilter());
    this.#filterChanged(true);
  }
  play() { this.map.play(); this.#showPlayback(); }
  pause() { this.map.pause(); this.#showPlayback(); }
  summary() { return this.map.summary(); }
  exportCsv() { return this.map.exportCsv(); }
  exportGeoJson() { return this.map.exportGeoJson(); }
  /// A PNG of the current view: `{width, height}` in pixels (default: the canvas as shown,
  /// at the screen's pixel ratio); up to 8192 a side.
  exportPng({ width, height } = {}) {
    const c = document.createElement("canvas");
    const r = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.map.renderTo(c, Math.round(width || r.width * dpr), Math.round(height || r.height * dpr));
    return new Promise((resolve) => c.toBlob(resolve, "image/png"));
  }
}

customElements.define("friendship-map", FriendshipMapElement);
