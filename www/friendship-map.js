// <friendship-map>: the map of Shandong's international friendships as a custom element.
// One <script type="module" src=".../friendship-map.js"> loads it; everything it needs sits
// beside this file. Styles live in a shadow root, so host pages cannot break them and they
// cannot break the host page. All state (data, filters, playback, statistics, search, URL
// state) and all map input live in Rust behind the wasm `FriendshipMap` handle; this element
// is its lifecycle and public API, and the panels (./panels/) write what it reports, in the
// page's language (i18n.js).
import { ATTRIBUTES, PAGE_ATTRIBUTES, attributeQuery, isBasemapFile, languageOf } from "./attributes.js";
import { Basemap } from "./basemap.js";
import { el } from "./dom.js";
import { guard } from "./fatal.js";
import { besideScript, loadModule } from "./module.js";
import { Notice } from "./notice.js";
import { DataPanel } from "./panels/data-io.js";
import { FiltersPanel } from "./panels/filters.js";
import { PlaybackPanel } from "./panels/playback.js";
import { SearchPanel } from "./panels/search.js";
import { StatsPanel } from "./panels/stats.js";
import { TablePanel } from "./panels/table.js";
import { Presenter } from "./presenter.js";
import { TEMPLATE } from "./template.js";
import { showTooltip } from "./tooltip.js";
import { REDUCED_MOTION, Ui } from "./ui.js";
import { UrlSync } from "./url-sync.js";
import { exportPng, exportSvg } from "./exports.js";
import { PublishPanel } from "./panels/publish.js";
import { SharePanel } from "./panels/share.js";
import { exportVideo } from "./video.js";

export class FriendshipMapElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
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
      this.root.append(el("link", { rel: "stylesheet", href: besideScript("friendship-map.css").href }));
    }
    const t = document.createElement("template");
    t.innerHTML = TEMPLATE;
    this.root.append(t.content.cloneNode(true));
    this.language = languageOf(this.getAttribute("lang"));
    this.ui = new Ui(this);
    this.ready = loadModule().then((m) => this.#start(m)).catch((e) => this.#fail(e?.message || String(e)));
  }

  #fail(message) {
    const status = this.ui.$("status");
    status.hidden = false;
    status.classList.add("error");
    status.textContent = `${this.ui.s.loadError}${message}`;
  }

  /// The map stopped (a trap in the wasm): say so on it, offer a reload, tell the host page.
  #fatal(error) {
    const status = this.ui.$("status");
    status.hidden = false;
    status.classList.add("error");
    const reload = el("button", { type: "button", textContent: this.ui.s.reload });
    reload.addEventListener("click", () => location.reload());
    status.replaceChildren(el("span", { textContent: `${this.ui.s.fatal}${error.message}` }), reload);
    this.dispatchEvent(new CustomEvent("error", { bubbles: true, composed: true, detail: { message: error.message } }));
  }

  // ---------- start-up ----------
  #start(m) {
    const { ui } = this;
    const map = (this.map = guard(new m.FriendshipMap(ui.$("map")), (e) => this.#fatal(e)));
    ui.$("status").hidden = true;
    ui.$("map").querySelector("canvas").setAttribute("aria-describedby", "coverage");
    this.#parts(map);
    // The map's own state first and one frame drawn now, so the first frame shown is the
    // right one and does not wait for the panels.
    const fromUrl = this.urls.enabled && location.search.length > 1;
    const query = fromUrl ? location.search : attributeQuery(this);
    this.classList.toggle("bare", this.getAttribute("controls") === "none");
    this.#report(map.applyQuery(query), fromUrl ? query : "");
    const basemap = this.getAttribute("basemap");
    if (!isBasemapFile(basemap)) this.basemap.apply(basemap);
    this.#inset(this.getAttribute("inset"));
    map.setLanguage(this.language);
    map.render();
    this.snapshot = map.snapshot();
    this.#wire(map);
    this.#applyLanguage();
    this.urls.onHistory((q) => this.#fromQuery(q, false));
    new ResizeObserver(() => this.#reserve()).observe(ui.$("map"));
    // Embedded in a longer page, one finger scrolls the page and two move the map; the
    // stand-alone page (url-state) takes every gesture.
    this.classList.toggle("embedded", !this.urls.enabled);
    if (this.getAttribute("mode") === "present") this.presenter.set(true);
    if (isBasemapFile(basemap)) this.basemap.apply(basemap);
    if (this.getAttribute("src")) this.data.loadSrc(this.getAttribute("src"), this.getAttribute("src-layout"));
    this.dataset.ready = "true";
    if (this.urls.enabled) {
      // The page's map object, for scripts and tests on the stand-alone page.
      window.friendshipMap = map;
      document.documentElement.dataset.ready = "true";
    }
    this.dispatchEvent(new CustomEvent("ready", { bubbles: true, composed: true }));
  }

  #parts(map) {
    const { ui } = this;
    this.urls = new UrlSync(this, map);
    this.notice = new Notice(ui);
    this.basemap = new Basemap(ui, map, this.notice);
    this.filters = new FiltersPanel(ui, map, (push) => this.#filterChanged(push));
    this.stats = new StatsPanel(ui);
    this.table = new TablePanel(ui, map);
    this.playback = new PlaybackPanel(ui, map);
    this.search = new SearchPanel(ui, map, () => this.urls.soon(true));
    this.data = new DataPanel(ui, map, this.notice, () => this.#filterChanged(true), () => this.basemap.detail());
    this.presenter = new Presenter(ui, map, this.playback);
    this.share = new SharePanel(ui, map, this);
    this.publish = new PublishPanel(ui, this);
  }

  #wire(map) {
    const { ui } = this;
    for (const part of [this.notice, this.basemap, this.filters, this.table, this.playback, this.search, this.presenter]) part.wire();
    this.data.wire(this);
    this.share.wire();
    this.publish.wire();
    ui.$("projection").addEventListener("change", () => {
      map.setProjection(ui.$("projection").value);
      map.setSpin(this.presenter.on && map.projection() === "globe");
      this.urls.soon(true);
    });
    ui.$("reset").addEventListener("click", () => { map.resetView(); this.urls.soon(true); });
    ui.$("fit").addEventListener("click", () => { map.fitShown(); this.urls.soon(true); });
    map.setViewAnimation(!REDUCED_MOTION);
    ui.$("zoom-in").addEventListener("click", () => map.zoomIn());
    ui.$("zoom-out").addEventListener("click", () => map.zoomOut());
    ui.$("lang-toggle").addEventListener("click", () => this.setAttribute("lang", ui.zh ? "en" : "zh"));
    map.onSelect((city) => {
      this.urls.soon(true);
      this.dispatchEvent(new CustomEvent("select", { bubbles: true, composed: true, detail: { city } }));
    });
    map.onHover((tip, x, y) => showTooltip(ui.$("tooltip"), tip, x, y, ui.s));
    // The URL follows every change outside the timeline (deliberate changes asked for a new
    // history entry already; this one replaces).
    map.onChange((what, snapshot) => {
      if (what === "data") {
        this.snapshot = snapshot;
        this.#render();
      }
      if (!this.snapshot.caption) this.urls.soon(false);
    });
  }

  attributeChangedCallback(name, old, value) {
    if (name === "lang") this.language = languageOf(value);
    if (!this.map || old === value) return;
    if (name === "lang") this.#applyLanguage();
    else if (name === "mode") this.presenter.set(value === "present");
    else if (name === "basemap") this.basemap.apply(value);
    else if (name === "review-number") this.basemap.review(value);
    else if (name === "controls") this.classList.toggle("bare", value === "none");
    else if (name === "inset") this.#inset(value);
    else if (name === "src" || name === "src-layout") this.data.loadSrc(this.getAttribute("src"), this.getAttribute("src-layout"));
    else this.#fromQuery(attributeQuery(this), true);
  }

  /// The `inset` attribute: where the Shandong close-up goes (auto, a corner, or none).
  #inset(value) {
    if (!this.map.setInset(value || "auto")) {
      console.warn(`inset ${value}: not auto, none or a corner`);
      this.notice.add(() => `inset ${value}: auto, none, top-left, top-right, bottom-left, bottom-right`);
    }
  }

  #fromQuery(q, notify) {
    this.#report(this.map.applyQuery(q), "");
    if (notify) this.#filterChanged(false);
  }

  /// Says which values were ignored, and (for the page's own query) which keys are not the
  /// map's: in the console and on the map, where an editor previewing the page sees them.
  #report(warnings, ownQuery) {
    const unknown = ownQuery ? this.map.unknownKeys(ownQuery).filter((k) => !PAGE_ATTRIBUTES.includes(k)) : [];
    for (const w of warnings) console.warn(w);
    for (const k of unknown) console.warn(`unknown URL parameter ${k}`);
    this.notice.add(...warnings.map((w) => (s) => s.ignoredValue(w)), ...unknown.map((k) => (s) => s.unknownParameter(k)));
  }

  #filterChanged(push) {
    this.urls.soon(push);
    this.dispatchEvent(new CustomEvent("filterchange", { bubbles: true, composed: true, detail: this.map.getFilter() }));
  }

  /// Tells the map which boxes the page's controls cover over its canvas (buttons, legend,
  /// credit, review number, caption, notice): no name goes there, and the close-up avoids them.
  #reserve() {
    const c = this.ui.$("map").querySelector("canvas").getBoundingClientRect();
    const boxes = [];
    for (const n of this.root.querySelectorAll(".map-controls, .legend, .attribution, .review, .caption, .notice")) {
      const r = n.getBoundingClientRect();
      if (!n.hidden && r.width && r.height) boxes.push(r.left - c.left, r.top - c.top, r.width, r.height);
    }
    this.map.setReserved(new Float64Array(boxes));
  }

  // ---------- output ----------
  #render() {
    const s = this.snapshot;
    if (s.dataset !== this.shownDataset) {
      this.shownDataset = s.dataset;
      this.filters.buildCities();
    }
    for (const part of [this.filters, this.stats, this.playback, this.data, this.search]) part.render(s);
    this.table.render();
    this.#reserve();
  }

  #applyLanguage() {
    const { ui } = this;
    const s = ui.s;
    for (const n of this.root.querySelectorAll("[data-t]")) {
      const v = s[n.dataset.t];
      if (typeof v === "string") n.textContent = v;
    }
    for (const n of this.root.querySelectorAll("[data-t-label]")) n.setAttribute("aria-label", s[n.dataset.tLabel]);
    for (const n of this.root.querySelectorAll("[data-t-placeholder]")) n.placeholder = s[n.dataset.tPlaceholder];
    ui.$("map").setAttribute("aria-label", `${s.mapLabel} — ${s.keyboardHint}`);
    this.root.querySelector(".fm-root").lang = ui.zh ? "zh-CN" : "en";
    if (!this.map) return;
    ui.$("map").querySelector("canvas").setAttribute("aria-label", `${s.mapLabel} — ${s.keyboardHint}`);
    this.map.setLanguage(this.language);
    ui.$("projection").value = this.map.projection();
    this.filters.buildRegions();
    this.filters.buildCities();
    this.presenter.label();
    this.basemap.review(this.getAttribute("review-number"));
    this.notice.render();
    this.#render();
  }

  // ---------- public API ----------
  get filter() {
    return this.map?.getFilter();
  }
  set filter(f) {
    this.map.setFilter(f);
    this.#filterChanged(true);
  }
  play() { this.map.play(); }
  pause() { this.map.pause(); }
  summary() { return this.map.summary(); }
  exportCsv() { return this.map.exportCsv(); }
  exportGeoJson() { return this.map.exportGeoJson(); }
  /// A PNG of the current view with its legend, credit line and review number: `{width,
  /// height}` in pixels, up to 8192 a side, and `scale` pixels per CSS pixel (default: the
  /// canvas as shown, at the screen's pixel ratio; with a size, 1).
  exportPng(options) { return exportPng(this, options); }
  /// The same picture as an SVG Blob (text as text): `{width, height, scale}` (default: the
  /// canvas as shown, scale 1).
  exportSvg(options) { return exportSvg(this, options); }
  /// A WebM Blob of the playback, as presenter mode plays it: `{width, height, fps,
  /// secondsPerYear, from, to, onProgress, signal}` (see video.js).
  exportVideo(options) { return exportVideo(this, options); }
}

customElements.define("friendship-map", FriendshipMapElement);
