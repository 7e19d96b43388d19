// The statistics panel: totals, bars per continent, top countries and groupings, and the year
// histogram behind the year sliders (bars of years filtered out are drawn faint).
import { el } from "../dom.js";
import { yearBounds } from "../ui.js";

const total = (k) => k.sister + k.friendly;

export class StatsPanel {
  constructor(ui) {
    this.ui = ui;
  }

  render(snapshot) {
    const { ui } = this;
    const s = snapshot.stats;
    const tile = (key, v) => el("div", {}, el("dt", { textContent: ui.s[key] }), el("dd", { textContent: ui.n(v) }));
    ui.$("totals").replaceChildren(tile("ties", s.ties), tile("partners", s.partners), tile("countries", s.countries),
      tile("continentsN", s.continents), tile("sister", s.by_kind.sister), tile("friendly", s.by_kind.friendly),
      tile("agreements", s.by_stage.agreement), tile("intents", s.by_stage.intent));
    const pending = s.by_stage.agreement + s.by_stage.intent;
    ui.$("stage-note").hidden = !pending;
    ui.$("stage-note").textContent = pending ? ui.s.stageNote(s.by_stage, ui.n) : "";
    const max = Math.max(1, ...s.by_continent.map((c) => total(c.count)), ...s.top_countries.map((c) => total(c.count)));
    this.#bars(ui.$("by-continent"), s.by_continent, max);
    this.#bars(ui.$("by-country"), s.top_countries, max);
    this.#bars(ui.$("by-grouping"), s.by_grouping, max);
    this.#histogram(snapshot);
    this.#coverage(snapshot.data.coverage);
    const apart = snapshot.unknown_apart;
    ui.$("unknown-apart").hidden = !apart;
    ui.$("unknown-apart").textContent = apart ? ui.s.unknownApart(ui.n(apart)) : "";
    ui.$("legend-unknown").hidden = !apart;
    for (const stage of ["agreement", "intent"]) ui.$(`legend-${stage}`).hidden = !snapshot.stages_drawn.includes(stage);
  }

  #bars(list, items, max) {
    const { ui } = this;
    list.replaceChildren(...items.map((c) => {
      const track = el("span", { class: "track" }, el("span", { class: "s" }), el("span", { class: "f" }));
      track.children[0].style.width = `${(100 * c.count.sister) / max}%`;
      track.children[1].style.width = `${(100 * c.count.friendly) / max}%`;
      const label = ui.name(c.name_zh, c.name_en);
      const li = el("li", {}, el("span", { textContent: label }), track, el("span", { class: "n", textContent: String(total(c.count)) }));
      li.title = `${label}: ${c.count.sister} ${ui.s.sister}, ${c.count.friendly} ${ui.s.friendly}`;
      return li;
    }));
  }

  /// Each Shandong side's rows against its latest published figure, as the core computed them:
  /// "济南 25 / 92 (2024-12)", a bar for the share when the figure is a total of the same ties.
  #coverage(sides) {
    const { ui } = this;
    ui.$("by-city-coverage").replaceChildren(...sides.map((c) => {
      const track = el("span", { class: "track" }, el("span", { class: "c" }));
      track.firstChild.style.width = `${Math.min(100, c.share_percent ?? 0)}%`;
      const label = ui.zh ? c.name_zh : c.name;
      const li = el("li", { data: { city: c.name } }, el("span", { textContent: label }), track,
        el("span", { class: "n", textContent: ui.s.coverageFigure(c, ui.n) }));
      li.title = ui.s.coverageTitle(c, ui.n);
      return li;
    }));
  }

  #histogram({ stats, all }) {
    const [first, last] = yearBounds(all);
    const byYear = (s) => new Map(s.by_year.map((c) => [c.year, c.count]));
    const shown = byYear(stats);
    const every = byYear(all);
    const peak = Math.max(1, ...all.by_year.map((c) => total(c.count)));
    const none = { sister: 0, friendly: 0 };
    const bars = [];
    for (let y = first; y <= last; y++) {
      const k = shown.get(y) ?? none;
      const a = every.get(y) ?? none;
      const off = total(k) === 0 && total(a) > 0;
      const v = off ? a : k;
      const bar = el("div", { class: off ? "bar off" : "bar", title: `${y}: ${total(a)}` }, el("div", { class: "s" }), el("div", { class: "f" }));
      bar.children[0].style.height = `${(100 * v.sister) / peak}%`;
      bar.children[1].style.height = `${(100 * v.friendly) / peak}%`;
      bars.push(bar);
    }
    this.ui.$("hist").replaceChildren(...bars);
  }
}
