// Presenter mode: the map alone with a large caption, the timeline playing in a loop, the
// globe turning; full screen when asked from the button. Keys are the map's (space, ←/→, Esc).

export class Presenter {
  /// `changed(on)` is called after the mode changed.
  constructor(ui, map, playback) {
    Object.assign(this, { ui, map, playback, on: false, fullscreenEntered: false });
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
    this.map.onLeavePresentation(() => this.set(false));
  }

  set(on) {
    const { ui, map } = this;
    this.on = on;
    this.playback.presenting = on;
    ui.element.classList.toggle("present", on);
    ui.$("present-toggle").setAttribute("aria-pressed", String(on));
    this.label();
    map.setPresenting(on);
    this.playback.applyOptions();
    map.setSpin(on && map.projection() === "globe");
    if (on) {
      if (!this.playback.caption?.playing) map.play();
      // The map's keys (space, ←/→, Esc) work wherever the focus is inside the element.
      ui.$("map").querySelector("canvas").focus();
    } else {
      map.stop();
      map.resetView();
    }
  }

  label() {
    this.ui.$("present-toggle").textContent = this.on ? this.ui.s.leavePresent : this.ui.s.present;
  }
}
