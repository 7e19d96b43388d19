// A story on the map: the step's sentence and number over the map (large in presenter mode)
// with its buttons (previous, automatic play, next, close), a line for screen readers saying
// the step and what the map shows, the keys of presentation clickers pressed anywhere on the
// map's own page (or in presenter mode), and story files read from the `story` attribute or
// the one-file page. The map holds the story and decides what each key does; this writes what
// it reports.
import { el } from "../dom.js";

/// A file name for messages: the last part of a URL.
const fileName = (src) => String(src).split(/[?#]/)[0].split("/").pop() || "story.json";

export class StoryPanel {
  constructor(ui, send, element, notice) {
    Object.assign(this, { ui, send, element, notice, info: null, spoken: "" });
  }

  wire() {
    const { ui } = this;
    ui.$("story-prev").addEventListener("click", () => this.send({ type: "storyStep", by: -1 }));
    ui.$("story-next").addEventListener("click", () => this.send({ type: "storyStep", by: 1 }));
    ui.$("story-play").addEventListener("click", () => this.send({ type: "storyPlay", on: !this.info?.playing }));
    // Closing a story named by the attribute takes the attribute away (its snippets too).
    ui.$("story-close").addEventListener("click", () => {
      if (this.element.hasAttribute("story")) this.element.removeAttribute("story");
      else this.close();
    });
    // A clicker's keys reach the page with nothing focused: on the map's own page (and in
    // presenter mode) they go to the map, which steps the story. Keys inside the element are
    // the map's own listener's; a host page keeps its keys otherwise.
    document.addEventListener("keydown", (e) => {
      const { element } = this;
      if (!this.info || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.target !== document.body && e.target !== document.documentElement) return;
      if (!element.presenter?.on && !element.urls?.enabled) return;
      if (this.send({ type: "key", key: e.key })?.handled) e.preventDefault();
    });
  }

  /// Opens a story file's text (`name` for messages): its problems are said in the console and
  /// on the map. Returns the dispatch's result, or null when no step can play.
  open(text, name = "story.json") {
    const done = this.send({ type: "story", text });
    for (const p of done?.problems ?? []) {
      console.warn(`${name}: ${p.text}`);
      this.notice.add(() => `${name}: ${p.text}`);
    }
    return done;
  }

  /// Reads the story file at `src` (beside the page: the page's policy allows no other site).
  async load(src) {
    const url = new URL(src, document.baseURI);
    let why;
    try {
      const r = await fetch(url);
      if (!r.ok) why = (s) => s.notFound(r.status);
      else if (!this.open(await r.text(), fileName(src))) why = (s) => s.storyUnplayable;
    } catch (e) {
      why = url.origin !== location.origin ? (s) => s.otherOrigin : () => e.message;
    }
    if (why) {
      console.warn(this.ui.s.storyFailed(src, why(this.ui.s)));
      this.notice.add((s) => s.storyFailed(src, why(s)));
    }
  }

  close() {
    if (!this.info) return;
    this.info = null;
    this.send({ type: "closeStory" });
  }

  render(snapshot) {
    const { ui } = this;
    const st = (this.info = snapshot.story ?? null);
    ui.element.classList.toggle("story-open", !!st);
    ui.$("story").hidden = !st;
    for (const id of ["export-story-video", "export-handout"]) ui.$(id).hidden = !st;
    if (!st) {
      this.spoken = "";
      ui.$("story-live").textContent = "";
      return;
    }
    const caption = st.caption[ui.lang];
    const text = ui.$("story-text");
    text.textContent = caption;
    text.lang = ui.zh ? "zh-CN" : "en";
    ui.$("story-count").textContent = `${st.step + 1} / ${st.steps}`;
    ui.$("story-prev").disabled = st.step === 0;
    ui.$("story-next").disabled = st.step + 1 === st.steps;
    ui.$("story-play").textContent = st.playing ? `‖ ${ui.s.pause}` : `▶ ${ui.s.storyPlay}`;
    // Screen readers hear a step once: its number, sentence and what the map shows.
    const said = ui.s.storyLive(st.step + 1, st.steps, caption, ui.s.storyShown(snapshot.summary, ui.n));
    if (said !== this.spoken) {
      this.spoken = said;
      ui.$("story-live").replaceChildren(el("span", { textContent: said }));
    }
  }

  /// The table's caption for the step shown (the table is the canvas's text alternative).
  tableNote() {
    return this.info ? this.ui.s.storyTable(this.info.step + 1, this.info.steps, this.info.caption[this.ui.lang]) : "";
  }
}
