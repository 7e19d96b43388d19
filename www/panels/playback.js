// The timeline controls (play/pause, step, speed, loop) and the caption of the year shown.
import { el } from "../dom.js";
import { REDUCED_MOTION } from "../ui.js";

/// New partners named in the caption (more on a presenter's screen).
const NAMES_SHOWN = { page: 6, present: 8 };

export class PlaybackPanel {
  constructor(ui, send) {
    Object.assign(this, { ui, send, presenting: false, caption: null });
  }

  wire() {
    const { ui } = this;
    ui.$("speed").addEventListener("change", () => this.send(this.options()));
    ui.$("loop").addEventListener("change", () => this.send(this.options()));
    ui.$("play").addEventListener("click", () => this.send({ type: "togglePlay" }));
    ui.$("step-back").addEventListener("click", () => this.send({ type: "step", by: -1 }));
    ui.$("step-fwd").addEventListener("click", () => this.send({ type: "step", by: 1 }));
  }

  /// The command of the speed, looping (always in presenter mode) and growth (off for reduced
  /// motion).
  options() {
    const { ui } = this;
    return { type: "playback", speed: Number(ui.$("speed").value), loop: ui.$("loop").checked || this.presenting, animate: !REDUCED_MOTION };
  }

  render(snapshot) {
    const { ui } = this;
    const c = (this.caption = snapshot.caption ?? null);
    this.presenting = snapshot.presenting;
    const playing = !!c?.playing;
    ui.$("play").textContent = `${playing ? "‖" : "▶"} ${playing ? ui.s.pause : ui.s.play}`;
    const box = ui.$("caption");
    box.hidden = !c;
    if (!c) return;
    const text = captionText(ui, c, this.presenting ? NAMES_SHOWN.present : NAMES_SHOWN.page);
    // Lines break only between the " · " parts, never inside "累计 1 项".
    const big = el("div", { class: "big" });
    text.parts.forEach((part, i) => big.append(...(i ? [" · "] : []), el("span", { textContent: part })));
    box.replaceChildren(big, el("div", { class: "names", textContent: text.names }));
  }
}

/// The caption's words for the snapshot's `caption` record, naming at most `max` new partners:
/// `{parts, headline, names}` (the one place the caption is written: the page and the video).
export function captionText(ui, c, max = NAMES_SHOWN.present) {
  const names = c.new_partners.slice(0, max).map((p) => (ui.zh ? `${p.city_zh}–${p.name_zh}` : p.name_en) + ui.s.stageMark(p.stage)).join(ui.zh ? "、" : ", ");
  const more = c.new_partners.length > max ? ui.s.andMore(c.new_partners.length) : "";
  const parts = ui.s.caption(c, ui.n);
  return { parts, headline: parts.join(" · "), names: names + more };
}
