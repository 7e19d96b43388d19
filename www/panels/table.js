// The data table: the ties shown, sortable by column; the canvas's text alternative (kept in
// the page for screen readers when closed).
import { el } from "../dom.js";

/// Rows drawn at most (the rest is counted in the caption).
const ROW_LIMIT = 2000;

export class TablePanel {
  constructor(ui, send) {
    Object.assign(this, { ui, send, open: false, key: null, dir: 1, rows: [], note: "" });
  }

  wire() {
    const { ui } = this;
    ui.$("table-toggle").addEventListener("click", () => {
      this.open = !this.open;
      ui.$("table-toggle").setAttribute("aria-pressed", String(this.open));
      ui.element.classList.toggle("table-open", this.open);
      // While open, the map's snapshot carries the rows.
      this.send({ type: "table", open: this.open });
    });
    for (const b of ui.all("th button")) {
      b.addEventListener("click", () => {
        this.dir = this.key === b.dataset.sort ? -this.dir : 1;
        this.key = b.dataset.sort;
        this.#draw();
      });
    }
  }

  /// The snapshot's rows (present while the table is open).
  render(snapshot) {
    this.rows = snapshot.table ?? [];
    this.#draw();
  }

  /// Redraws the table when it is open (it is built only then).
  #draw() {
    if (!this.open) return;
    const { ui, key } = this;
    const s = ui.s;
    const rows = [...this.rows];
    const named = { city: (r) => ui.name(r.city_zh, r.city), partner: (r) => ui.name(r.partner_zh, r.partner), country: (r) => ui.name(r.country_zh, r.country) };
    const val = named[key] ?? ((r) => r[key] ?? "");
    if (key) rows.sort((a, b) => this.dir * String(val(a)).localeCompare(String(val(b)), ui.zh ? "zh-CN" : "en"));
    for (const th of ui.all("th[aria-sort]")) {
      const k = th.querySelector("button").dataset.sort;
      th.setAttribute("aria-sort", k === key ? (this.dir > 0 ? "ascending" : "descending") : "none");
    }
    // Under a story the caption says the step, so the table reads as the map shows it.
    const note = this.note ? ` — ${this.note}` : "";
    ui.$("table-caption").textContent = s.tableCaption(rows.length) + (rows.length > ROW_LIMIT ? ` (${ROW_LIMIT})` : "") + note;
    const signed = (r) => (r.signed_by ? (ui.zh ? `（${r.signed_by}）` : ` (${r.signed_by})`) : "");
    ui.$("table").querySelector("tbody").replaceChildren(...rows.slice(0, ROW_LIMIT).map((r) => {
      const links = r.sources.map((u, i) => el("a", { href: u, textContent: `[${i + 1}]`, rel: "noopener noreferrer", target: "_blank" }));
      return el("tr", {},
        el("td", { textContent: `${ui.name(r.city_zh, r.city)}${signed(r)}` }),
        el("td", { textContent: ui.zh ? `${r.partner_zh} ${r.partner}` : `${r.partner} (${r.partner_zh})` }),
        el("td", { textContent: ui.name(r.country_zh, r.country) }),
        el("td", { textContent: r.kind === "sister" ? s.sister : s.friendly }),
        el("td", { textContent: s.stageOf(r.stage) }),
        el("td", { textContent: r.level === "city" ? s.cityLevel : s.provinceLevel }),
        el("td", { textContent: r.established || s.yearUnknown }),
        el("td", { textContent: s.evidenceOf(r.evidence) }),
        el("td", {}, ...links));
    }));
  }
}
