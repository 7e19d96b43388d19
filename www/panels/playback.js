// The timeline controls (play/pause, step, speed, loop) and the caption of the year shown.
import { el } from "../dom.js";
import { REDUCED_MOTION } from "../ui.js";

/// New partners named in the caption (more on a presenter's screen).
const NAMES_SHOWN = { page: 6, present: 8 };

export class PlaybackPanel {
  constructor(ui, map) {
    Object.assign(this, { ui, map, presenting: false, caption: null });
  }

  wire() {
    const { ui, map } = this;
    this.applyOptions();
    ui.$("speed").addEventListener("change", () => this.applyOptions());
    ui.$("loop").addEventListener("change", () => this.applyOptions());
    ui.$("play").addEventListener("click", () => this.toggle());
    ui.$("step-back").addEventListener("click", () => map.step(-1));
    ui.$("step-fwd").addEventListener("click", () => map.step(1));
  }

  /// Speed, looping (always in presenter mode) and growth (off for reduced motion).
  applyOptions() {
    const { ui } = this;
    this.map.setPlaybackOptions(Number(ui.$("speed").value), ui.$("loop").checked || this.presenting, !REDUCED_MOTION);
  }

  toggle() {
    if (this.caption?.playing) this.map.pause();
    else this.map.play();
  }

  render(snapshot) {
    const { ui } = this;
    const c = (this.caption = snapshot.caption ?? null);
    const playing = !!c?.playing;
    ui.$("play").textContent = `${playing ? "‖" : "▶"} ${playing ? ui.s.pause : ui.s.play}`;
    const box = ui.$("caption");
    box.hidden = !c;
    if (!c) return;
    const max = this.presenting ? NAMES_SHOWN.present : NAMES_SHOWN.page;
    const names = c.new_partners.slice(0, max).map((p) => (ui.zh ? `${p.city_zh}–${p.name_zh}` : p.name_en)).join(ui.zh ? "、" : ", ");
    const more = c.new_partners.length > max ? ui.s.andMore(c.new_partners.length) : "";
    // Lines break only between the " · " parts, never inside "累计 1 项".
    const big = el("div", { class: "big" });
    ui.s.caption(c, ui.n).forEach((part, i) => big.append(...(i ? [" · "] : []), el("span", { textContent: part })));
    box.replaceChildren(big, el("div", { class: "names", textContent: names + more }));
  }
}
