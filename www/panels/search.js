// Search over partners, countries and Shandong cities; choosing a result focuses it. Results
// are searched again whenever the data changes, so no result of older data can be chosen.
import { el } from "../dom.js";

export class SearchPanel {
  /// `map.search(q)` reads the results; `send(command)` focuses one; `chosen()` is called
  /// after a result was chosen.
  constructor(ui, map, send, chosen) {
    Object.assign(this, { ui, map, send, chosen, dataset: null });
  }

  wire() {
    this.ui.$("search").addEventListener("input", () => this.#search());
  }

  /// Searches again for another dataset or language.
  render(snapshot) {
    if (snapshot.dataset !== this.dataset || this.ui.lang !== this.lang) {
      [this.dataset, this.lang] = [snapshot.dataset, this.ui.lang];
      this.#search();
    }
  }

  #search() {
    const { ui, map } = this;
    const hits = map.search(ui.$("search").value);
    ui.$("search-results").replaceChildren(...hits.map((h) => {
      const b = el("button", { type: "button" }, ui.zh ? `${h.label_zh} ${h.label_en}` : h.label_en, el("span", { class: "detail", textContent: ui.s.hitDetail(h) }));
      b.addEventListener("click", () => {
        this.send({ type: "focus", target: h.target });
        this.chosen();
      });
      return el("li", {}, b);
    }));
  }
}
