// The export block's SVG and video buttons (the playback's, and a story's with its handout),
// with the video's progress bar and cancel button.
import { chosenSize, download } from "../dom.js";

export class PublishPanel {
  constructor(ui, element) {
    Object.assign(this, { ui, element, controller: null });
  }

  wire() {
    const { ui, element } = this;
    ui.$("export-svg").addEventListener("click", async () => {
      download("shandong-friendship-map.svg", await element.exportSvg(chosenSize(ui, {})));
    });
    ui.$("export-video").addEventListener("click", () => this.video(false));
    ui.$("export-story-video").addEventListener("click", () => this.video(true));
    ui.$("export-handout").addEventListener("click", async () => {
      download("story-handout.html", await element.exportHandout());
    });
    ui.$("video-cancel").addEventListener("click", () => this.controller?.abort());
  }

  async video(story) {
    const { ui, element } = this;
    if (this.controller) return;
    const controller = (this.controller = new AbortController());
    const bar = ui.$("video-bar");
    const status = ui.$("video-status");
    bar.value = 0;
    ui.$("video-progress").hidden = false;
    bar.hidden = false;
    ui.$("video-cancel").hidden = false;
    ui.$("export-video").disabled = true;
    ui.$("export-story-video").disabled = true;
    status.textContent = ui.s.videoMaking(0);
    const started = performance.now();
    try {
      const blob = await element[story ? "exportStoryVideo" : "exportVideo"]({
        ...chosenSize(ui, { width: 1920, height: 1080 }),
        signal: controller.signal,
        onProgress: (f) => {
          bar.value = f;
          status.textContent = ui.s.videoMaking(Math.floor(f * 100));
        },
      });
      download(story ? "story.webm" : "shandong-friendship-playback.webm", blob);
      status.textContent = ui.s.videoDone(Math.round((performance.now() - started) / 1000));
    } catch (e) {
      status.textContent = e.name === "AbortError" ? ui.s.videoCancelled : `${ui.s.videoFailed}${e.message}`;
    } finally {
      this.controller = null;
      ui.$("export-video").disabled = false;
      ui.$("export-story-video").disabled = false;
      ui.$("video-cancel").hidden = true;
      bar.hidden = true;
    }
  }
}
