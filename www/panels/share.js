// The embed-code builder: a dialog with the map exactly as it is now (filters, selection,
// view, projection, language, basemap, presenter mode, controls, review number) in three
// snippets to paste: the stand-alone page's link, an iframe, and the script tag with the
// element. The state's attribute names come from the map (`attributes()`, the core's one
// name table); the page's own attributes from the element.
import { PAGE_ATTRIBUTES, isBasemapFile } from "../attributes.js";
import { besideScript } from "../module.js";

/// How long the "copied" confirmation stays, ms.
const CONFIRM_MS = 4000;

/// Text for a double-quoted HTML attribute value.
const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escape = (v) => String(v).replace(/[&<>"]/g, (c) => ENTITIES[c]);

/// A query value: percent-encoded, with commas kept readable (the map reads both).
const queryValue = (v) => encodeURIComponent(v).replace(/%2C/g, ",");

export class SharePanel {
  constructor(ui, map, element) {
    Object.assign(this, { ui, map, element, timers: {} });
  }

  wire() {
    const { ui } = this;
    const dialog = ui.$("share-dialog");
    ui.$("share-toggle").addEventListener("click", () => this.open());
    ui.$("share-close").addEventListener("click", () => dialog.close());
    // Esc closes the modal dialog by itself; the focus goes back to the button either way.
    dialog.addEventListener("close", () => ui.$("share-toggle").focus());
    dialog.addEventListener("click", (e) => { if (e.target === dialog) dialog.close(); });
    // The map's keys (presenter mode's space, arrows and Esc) stay out of the dialog: Esc here
    // closes the dialog only, arrows move in the snippets.
    dialog.addEventListener("keydown", (e) => e.stopPropagation());
    for (const b of ui.all("[data-copy]")) b.addEventListener("click", () => this.copy(b.dataset.copy));
  }

  open() {
    const { ui } = this;
    const s = this.snippets();
    ui.$("share-link").value = s.link;
    ui.$("share-iframe").value = s.iframe;
    ui.$("share-element").value = s.element;
    ui.$("share-imported").hidden = !(this.element.data?.imported && !this.element.getAttribute("src"));
    ui.$("share-story").hidden = !(this.element.snapshot?.story && !this.element.getAttribute("story"));
    this.element.storyEditor?.open();
    for (const n of ui.all(".copied")) n.textContent = "";
    ui.$("share-dialog").showModal();
    ui.$("share-link").focus();
    ui.$("share-link").select();
  }

  /// The map's attributes now, `[[name, value], …]`: the page's own (as shown now: the
  /// language and presenter mode may have been switched by their buttons), then the state's.
  attributes() {
    const e = this.element;
    const page = [];
    for (const name of PAGE_ATTRIBUTES) {
      let v = e.getAttribute(name) || "";
      if (name === "lang") v = e.language;
      if (name === "mode") v = e.presenter?.on ? "present" : "";
      if (name === "controls" && v !== "none") v = "";
      // Files are named absolutely: the snippet goes into another page.
      if (v && (name === "src" || name === "story" || (name === "basemap" && isBasemapFile(v)))) v = new URL(v, document.baseURI).href;
      if (v) page.push([name, v]);
    }
    return [...page, ...this.map.attributes()];
  }

  /// The three snippets: `{link, iframe, element}`.
  snippets() {
    const attrs = this.attributes();
    const base = besideScript("").href;
    const query = attrs.map(([k, v]) => `${k}=${queryValue(v)}`).join("&");
    const link = `${base}embed.html${query ? `?${query}` : ""}`;
    const title = this.ui.s.mapOf(this.element.snapshot.title[this.ui.lang]);
    // No inline style: the snippets work on pages under a strict CSP (style-src 'self').
    const iframe = `<iframe src="${escape(link)}" title="${escape(title)}" width="100%" height="600" frameborder="0" loading="lazy" allowfullscreen></iframe>`;
    const element = `<script type="module" src="${escape(`${base}friendship-map.js`)}"></script>\n` +
      `<friendship-map${attrs.map(([k, v]) => ` ${k}="${escape(v)}"`).join("")}></friendship-map>`;
    return { link, iframe, element };
  }

  /// Copies a snippet (the Clipboard API; else the text is selected for Ctrl+C) and says so.
  async copy(id) {
    const { ui } = this;
    const area = ui.$(id);
    const status = ui.$(`${id}-copied`);
    let done = false;
    try {
      await navigator.clipboard.writeText(area.value);
      done = true;
    } catch {
      area.focus();
      area.select();
      try {
        done = document.execCommand("copy");
      } catch {
        done = false;
      }
    }
    status.textContent = done ? ui.s.copied : ui.s.copyManually;
    clearTimeout(this.timers[id]);
    this.timers[id] = setTimeout(() => { status.textContent = ""; }, CONFIRM_MS);
  }
}
