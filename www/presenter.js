// Presenter mode: the map alone with a large caption, the timeline playing in a loop, the
// globe turning (the map decides: presenter mode on the globe), or a story's steps; full
// screen when asked from the button. Keys are the map's (space, ←/→, Esc; a story's clicker
// keys).

export class Presenter {
  constructor(ui, send, playback) {
    Object.assign(this, { ui, send, playback, on: false, fullscreenEntered: false, playing: false, story: false });
  }

  wire() {
    const { ui } = this;
    ui.$("present-toggle").addEventListener("click", () => {
      const on = !this.on;
      this.set(on);
      if (on) ui.element.requestFullscreen?.().catch(() => {});
      else if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    });
    document.addEventListener("fullscreenchange", () => {
      if (!document.fullscreenElement && this.on && this.fullscreenEntered) this.set(false);
      this.fullscreenEntered = document.fullscreenElement === ui.element;
    });
  }

  set(on) {
    const { ui } = this;
    this.on = on;
    this.playback.presenting = on;
    ui.element.classList.toggle("present", on);
    ui.$("present-toggle").setAttribute("aria-pressed", String(on));
    this.label();
    // Under a story the step holds: no timeline, and leaving keeps the step's view.
    const start = on ? (this.playing || this.story ? [] : [{ type: "play" }]) : this.story ? [] : [{ type: "stop" }, { type: "resetView" }];
    this.send([{ type: "presenting", on }, this.playback.options(), ...start]);
    // The map's keys (space, ←/→, Esc) work wherever the focus is inside the element.
    if (on) ui.$("map").querySelector("canvas").focus();
  }

  render(snapshot) {
    this.playing = !!snapshot.caption?.playing;
    this.story = !!snapshot.story;
  }

  label() {
    this.ui.$("present-toggle").textContent = this.on ? this.ui.s.leavePresent : this.ui.s.present;
  }
}
