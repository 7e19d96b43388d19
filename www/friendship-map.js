// <friendship-map>: the map of Shandong's international friendships as a custom element.
// One <script type="module" src=".../friendship-map.js"> loads it; everything it needs sits
// beside this file. Styles live in a shadow root, so host pages cannot break them and they
// cannot break the host page. All state (data, filters, playback, statistics, search, URL
// state) and all map input live in Rust behind the wasm `FriendshipMap` handle; this element
// is its lifecycle and public API, and the panels (./panels/) write what it reports, in the
// page's language (i18n.js).
// First: the wasm's download and compilation start as soon as this bundle runs (module.js).
import { besideScript, loadModule } from "./module.js";
import { ATTRIBUTES, PAGE_ATTRIBUTES, attributeQuery, isBasemapFile, languageOf } from "./attributes.js";
import { Basemap } from "./basemap.js";
import { el } from "./dom.js";
import { guard, watch } from "./fatal.js";
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
import { StoryEditor } from "./panels/story-editor.js";
import { StoryPanel } from "./panels/story.js";
import { exportHandout } from "./exports.js";
import { exportVideo } from "./video.js";

performance.mark("friendship-map:script");

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
    performance.mark("friendship-map:element");
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
    performance.mark("friendship-map:module-ready");
    this.module = m;
    const map = (this.map = guard(new m.FriendshipMap(ui.$("map")), (e) => this.#fatal(e)));
    ui.$("status").hidden = true;
    ui.$("map").querySelector("canvas").setAttribute("aria-describedby", "coverage");
    this.#parts(map);
    // The map's own state first, in one dispatch, and one frame drawn now, so the first frame
    // shown is the right one and does not wait for the panels.
    const fromUrl = this.urls.enabled && location.search.length > 1;
    const query = fromUrl ? location.search : attributeQuery(this);
    this.classList.toggle("bare", this.getAttribute("controls") === "none");
    const basemap = this.getAttribute("basemap");
    const done = this.send([
      { type: "language", lang: this.language },
      { type: "viewAnimation", on: !REDUCED_MOTION },
      this.playback.options(),
      { type: "query", query },
    ]);
    this.#report(done?.warnings ?? [], fromUrl ? query : "");
    if (!isBasemapFile(basemap)) this.basemap.apply(basemap);
    this.#inset(this.getAttribute("inset"));
    map.render();
    this.snapshot = map.snapshot();
    this.query = this.snapshot.query;
    this.shownFilter = JSON.stringify(this.snapshot.filter);
    this.#sources();
    this.#wire(map);
    this.#applyLanguage();
    performance.mark("friendship-map:panels");
    this.urls.onHistory((q) => this.#fromQuery(q));
    new ResizeObserver(() => this.#reserve()).observe(ui.$("map"));
    // Embedded in a longer page, one finger scrolls the page and two move the map; the
    // stand-alone page (url-state) takes every gesture.
    this.classList.toggle("embedded", !this.urls.enabled);
    if (this.getAttribute("mode") === "present") this.presenter.set(true);
    if (isBasemapFile(basemap)) this.basemap.apply(basemap);
    if (this.getAttribute("src")) this.data.loadSrc(this.getAttribute("src"), this.getAttribute("src-layout"));
    // A story: the attribute's file, or the one the one-file page was built with.
    const inline = globalThis.__FRIENDSHIP_MAP_STORY__;
    const story = this.getAttribute("story") || (this.urls.enabled && new URLSearchParams(location.search).get("story"));
    if (story) this.story.load(story);
    else if (inline && this.urls.enabled) this.story.open(inline.text, inline.name);
    this.dataset.ready = "true";
    if (this.urls.enabled) {
      // The page's map object, for scripts and tests on the stand-alone page.
      window.friendshipMap = map;
      document.documentElement.dataset.ready = "true";
    }
    this.dispatchEvent(new CustomEvent("ready", { bubbles: true, composed: true }));
  }

  /// The built-in rows' source URLs, which the first load leaves out (they are a third of the
  /// data's bytes and no part of the first picture): fetched after the first frame, or inline
  /// in the one-file page. The table, tooltips and exports have them from then on.
  async #sources() {
    try {
      let text = globalThis.__FRIENDSHIP_MAP_SOURCES__;
      if (text === undefined) {
        const r = await fetch(besideScript("sources.txt"));
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        text = await r.text();
      }
      this.send({ type: "sources", text });
    } catch (e) {
      console.warn(`sources of the built-in data unavailable: ${e.message}`);
    }
  }

  /// The one door in, for every part of the page: applies a command or a list of them. A value
  /// the map refuses (an unknown region, style or placement) is said in the console and in the
  /// notice on the map, and the map stays as it was; a trap goes on to the fatal overlay.
  send(commands) {
    try {
      return this.map.dispatch(commands);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) throw e;
      console.warn(e.message);
      this.notice.add(() => e.message);
      return null;
    }
  }

  #parts(map) {
    const { ui } = this;
    const send = (c) => this.send(c);
    this.urls = new UrlSync(this);
    this.notice = new Notice(ui);
    this.basemap = new Basemap(ui, send, this.notice);
    this.filters = new FiltersPanel(ui, send, (push) => this.urls.soon(push));
    this.stats = new StatsPanel(ui);
    this.table = new TablePanel(ui, send);
    this.playback = new PlaybackPanel(ui, send);
    this.search = new SearchPanel(ui, map, send, () => this.urls.soon(true));
    this.data = new DataPanel(ui, map, send, this.notice, () => this.basemap.detail());
    this.presenter = new Presenter(ui, send, this.playback);
    this.share = new SharePanel(ui, map, this);
    this.publish = new PublishPanel(ui, this);
    this.story = new StoryPanel(ui, send, this, this.notice);
    this.storyEditor = new StoryEditor(ui, map, this);
  }

  #wire(map) {
    const { ui } = this;
    for (const part of [this.notice, this.filters, this.table, this.playback, this.search, this.presenter]) part.wire();
    this.data.wire(this);
    this.share.wire();
    this.publish.wire();
    this.story.wire();
    this.storyEditor.wire();
    const view = (type) => () => { this.send({ type }); this.urls.soon(true); };
    ui.$("projection").addEventListener("change", () => {
      this.send({ type: "projection", name: ui.$("projection").value });
      this.urls.soon(true);
    });
    ui.$("reset").addEventListener("click", view("resetView"));
    ui.$("fit").addEventListener("click", view("fit"));
    ui.$("zoom-in").addEventListener("click", () => this.send({ type: "zoomIn" }));
    ui.$("zoom-out").addEventListener("click", () => this.send({ type: "zoomOut" }));
    ui.$("lang-toggle").addEventListener("click", () => this.setAttribute("lang", ui.zh ? "en" : "zh"));
    map.on((e) => this.#event(e));
  }

  /// The map's one event: a snapshot after each change of what is shown, and the rest.
  #event(e) {
    const { ui } = this;
    if (e.type === "data") {
      this.snapshot = e.snapshot;
      this.query = e.snapshot.query;
      this.#render();
    } else if (e.type === "view") {
      this.query = e.query;
    } else if (e.type === "select") {
      this.urls.soon(true);
      this.dispatchEvent(new CustomEvent("select", { bubbles: true, composed: true, detail: { city: e.city } }));
    } else if (e.type === "hover") {
      showTooltip(ui.$("tooltip"), e.tooltip, e.x, e.y, ui.s);
    } else if (e.type === "detail") {
      this.basemap.detail();
    } else if (e.type === "leave") {
      this.presenter.set(false);
    }
    // The URL follows every change outside the timeline and stories (deliberate changes asked
    // for a new history entry already; this one replaces).
    const moving = this.snapshot.caption || this.snapshot.story;
    if ((e.type === "data" || e.type === "view") && !moving) this.urls.soon(false);
  }

  attributeChangedCallback(name, old, value) {
    // Before the map exists too: an embed without controls never lays out its panels.
    if (name === "controls") return void this.classList.toggle("bare", value === "none");
    if (name === "lang") this.language = languageOf(value);
    if (!this.map || old === value) return;
    if (name === "lang") this.#applyLanguage();
    else if (name === "mode") this.presenter.set(value === "present");
    else if (name === "basemap") this.basemap.apply(value);
    else if (name === "review-number") this.basemap.review(value);
    else if (name === "inset") this.#inset(value);
    else if (name === "src" || name === "src-layout") this.data.loadSrc(this.getAttribute("src"), this.getAttribute("src-layout"));
    else if (name === "story") value ? this.story.load(value) : this.story.close();
    else this.#fromQuery(attributeQuery(this));
  }

  /// The `inset` attribute: where the Shandong close-up goes (auto, a corner, or none).
  #inset(value) {
    this.send({ type: "inset", placement: value || "auto" });
  }

  #fromQuery(q) {
    this.#report(this.send({ type: "query", query: q })?.warnings ?? [], "");
  }

  /// Says which values were ignored, and (for the page's own query) which keys are not the
  /// map's: in the console and on the map, where an editor previewing the page sees them.
  #report(warnings, ownQuery) {
    const unknown = ownQuery ? this.module.unknownKeys(ownQuery).filter((k) => !PAGE_ATTRIBUTES.includes(k)) : [];
    for (const w of warnings) console.warn(`ignored URL parameter ${w.key}=${JSON.stringify(w.value)}`);
    for (const k of unknown) console.warn(`unknown URL parameter ${k}`);
    this.notice.add(...warnings.map((w) => (s) => s.ignoredValue(w)), ...unknown.map((k) => (s) => s.unknownParameter(k)));
  }

  /// Tells the map which boxes the page's controls cover over its canvas (buttons, legend,
  /// credit, review number, caption, notice): no name goes there, and the close-up avoids them.
  /// Sent only when they moved.
  #reserve() {
    const c = this.ui.$("map").querySelector("canvas").getBoundingClientRect();
    const boxes = [];
    for (const n of this.root.querySelectorAll(".map-controls, .legend, .attribution, .review, .caption, .story, .notice")) {
      const r = n.getBoundingClientRect();
      if (!n.hidden && r.width && r.height) boxes.push(r.left - c.left, r.top - c.top, r.width, r.height);
    }
    const key = boxes.join(",");
    if (key === this.reserved) return;
    this.reserved = key;
    this.send({ type: "reserved", boxes });
  }

  // ---------- output ----------
  #render() {
    const s = this.snapshot;
    // The phone layout sizes the map for its projection (the globe is round); the select says
    // it too, whoever changed it (a link, a story's step).
    this.classList.toggle("globe", s.projection === "globe");
    this.ui.$("projection").value = s.projection;
    for (const part of [this.filters, this.stats, this.playback, this.data, this.search, this.story]) part.render(s);
    this.table.note = this.story.tableNote();
    for (const part of [this.table, this.presenter]) part.render(s);
    this.#reserve();
    // A changed filter (a panel, the API, a URL) is told to the host page once, from the
    // snapshot: the filter as the map holds it.
    const filter = JSON.stringify(s.filter);
    if (filter !== this.shownFilter) {
      this.shownFilter = filter;
      this.dispatchEvent(new CustomEvent("filterchange", { bubbles: true, composed: true, detail: s.filter }));
    }
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
    this.send({ type: "language", lang: this.language });
    this.presenter.label();
    this.basemap.review(this.getAttribute("review-number"));
    this.notice.render();
    this.filters.relabel();
    this.#render();
  }

  /// Test and benchmark hooks of this map (a class of its own, apart from `map`).
  diagnostics() {
    this.diag ??= watch(new this.module.Diagnostics(this.map));
    return this.diag;
  }

  // ---------- public API ----------
  /// The filter as the map holds it (`{years, unknown_year, regions, cities, sister, friendly,
  /// city_level, province_level, evidence}`).
  get filter() {
    return this.snapshot?.filter;
  }
  /// Sets the filter's fields given (cities by index or name); an unknown value is refused
  /// with an error that names it, and the map stays as it was.
  set filter(f) {
    this.map.dispatch({ ...f, type: "filter" });
    this.urls.soon(true);
  }
  play() { this.send({ type: "play" }); }
  pause() { this.send({ type: "pause" }); }
  /// Counts of what is shown: `{ties, partners, countries, cities}`.
  summary() { return this.map.snapshot().summary; }
  exportCsv() { return this.map.export("csv"); }
  exportGeoJson() { return this.map.export("geojson"); }
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
  /// Opens a story file's text (`name` names it in messages); its problems are said on the
  /// map. Returns `{warnings, problems}`, or null when no step can play.
  openStory(text, name) { return this.story.open(text, name); }
  closeStory() { this.story.close(); }
  /// A WebM Blob of the story shown, each step held for its duration with the flights between:
  /// `{width, height, fps, onProgress, signal}`.
  exportStoryVideo(options) { return exportVideo(this, { ...options, story: true }); }
  /// The story's handout, one HTML page (a picture and the sentences per step), as a Blob:
  /// `{width, height}` of each picture (default 1280×720).
  exportHandout(options) { return exportHandout(this, options); }
}

customElements.define("friendship-map", FriendshipMapElement);
