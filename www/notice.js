// A notice on the map for editors previewing a page: URL parameters or attribute values the
// map did not understand (also written to the console).
import { el } from "./dom.js";

export class Notice {
  constructor(ui) {
    Object.assign(this, { ui, items: [] });
  }

  wire() {
    this.ui.$("notice-close").addEventListener("click", () => {
      this.items = [];
      this.render();
    });
  }

  /// Adds messages (functions of the strings, so they follow the language).
  add(...messages) {
    this.items.push(...messages);
    this.render();
  }

  render() {
    const { ui } = this;
    ui.$("notice").hidden = this.items.length === 0;
    ui.$("notice-list").replaceChildren(...this.items.map((m) => el("li", { textContent: m(ui.s) })));
  }
}
