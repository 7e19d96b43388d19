// Writing a story from the page, in the share dialog: the map as it is now (its state query)
// added as a step with a sentence in Chinese and/or English and how long it stays; the steps
// listed, moved up or down and deleted with buttons (keyboard reachable, named with their
// step); preview (the map plays the story), the story file downloaded, the example story, the
// story shown taken up for editing. The draft is only the file's fields: the map checks it
// (`checkStory`) and says what it cannot use, step by step.
import { download, el } from "../dom.js";
import { besideScript } from "../module.js";

/// The example story, served beside the map (the one-file page carries it inline).
export const EXAMPLE_STORY = "example-story.json";

export class StoryEditor {
  constructor(ui, map, element) {
    Object.assign(this, { ui, map, element, steps: [] });
  }

  wire() {
    const { ui } = this;
    ui.$("story-add").addEventListener("click", () => this.add());
    ui.$("story-preview").addEventListener("click", () => this.preview());
    ui.$("story-download").addEventListener("click", () => {
      download("story.json", new Blob([`${JSON.stringify(this.file(), null, 2)}\n`], { type: "application/json" }));
    });
    ui.$("story-example").addEventListener("click", () => {
      ui.$("share-dialog").close();
      const inline = globalThis.__FRIENDSHIP_MAP_EXAMPLE_STORY__;
      if (inline) this.element.openStory(inline, EXAMPLE_STORY);
      else this.element.setAttribute("story", besideScript(EXAMPLE_STORY).href);
    });
    ui.$("story-edit-shown").addEventListener("click", () => {
      const story = this.map.story();
      if (!story) return;
      ui.$("story-title").value = story.title;
      this.steps = story.steps.map((s) => ({ state: s.state, caption: { ...s.caption }, duration: s.duration }));
      this.draw();
    });
    // One click per button in the list, whichever step's it is.
    ui.$("story-steps").addEventListener("click", (e) => {
      const b = e.target.closest("button[data-act]");
      if (b) this.act(b.dataset.act, Number(b.dataset.i));
    });
  }

  /// The story file of the draft.
  file() {
    return { title: this.ui.$("story-title").value.trim(), steps: this.steps };
  }

  /// Adds the map as it is now as a step, with the sentence and duration typed.
  add() {
    const { ui } = this;
    const caption = {};
    for (const lang of ["zh", "en"]) {
      const v = ui.$(`story-caption-${lang}`).value.trim();
      if (v) caption[lang] = v;
    }
    if (!caption.zh && !caption.en) {
      this.say(ui.s.storyNeedCaption);
      ui.$("story-caption-zh").focus();
      return;
    }
    const seconds = Number(ui.$("story-duration").value);
    this.steps.push({ state: this.map.query(), caption, ...(seconds ? { duration: seconds } : {}) });
    ui.$("story-caption-zh").value = "";
    ui.$("story-caption-en").value = "";
    this.draw(ui.s.storyAdded(this.steps.length));
  }

  /// Moves a step up or down, or deletes it; the focus stays with the step (or its place).
  act(what, i) {
    const { steps } = this;
    const to = what === "up" ? i - 1 : i + 1;
    if (what === "delete") steps.splice(i, 1);
    else if (to >= 0 && to < steps.length) [steps[i], steps[to]] = [steps[to], steps[i]];
    else return;
    this.draw();
    const at = what === "delete" ? Math.min(i, steps.length - 1) : to;
    const again = this.ui.$("story-steps").querySelector(`button[data-act="${what}"][data-i="${at}"]`);
    (again && !again.disabled ? again : this.ui.$("story-add")).focus();
  }

  /// Plays the draft on the map, from its first step.
  preview() {
    const { ui, element } = this;
    if (!this.steps.length) return this.say(ui.s.storyNone);
    ui.$("share-dialog").close();
    element.removeAttribute("story");
    if (element.openStory(JSON.stringify(this.file()), "story.json")) element.send({ type: "storyPlay", on: true });
  }

  say(text) {
    this.ui.$("story-status").textContent = text;
  }

  /// The list of steps and what the map says of the draft.
  draw(said = "") {
    const { ui } = this;
    const s = ui.s;
    const button = (act, i, label, text, disabled = false) => {
      const b = el("button", { type: "button", textContent: text, disabled, data: { act, i: String(i) } });
      b.setAttribute("aria-label", label);
      return b;
    };
    ui.$("story-steps").replaceChildren(...this.steps.map((step, i) => el("li", {},
      el("span", { class: "story-step-text", textContent: step.caption[ui.lang] ?? step.caption.zh ?? step.caption.en }),
      el("code", { class: "story-step-state", textContent: step.state || "—" }),
      el("span", { class: "story-step-buttons" },
        button("up", i, s.storyUp(i + 1), s.storyUpText, i === 0),
        button("down", i, s.storyDown(i + 1), s.storyDownText, i + 1 === this.steps.length),
        button("delete", i, s.storyDelete(i + 1), s.storyDeleteText)))));
    ui.$("story-empty").hidden = this.steps.length > 0;
    const problems = this.steps.length ? this.map.checkStory(JSON.stringify(this.file())) : [];
    ui.$("story-problems").replaceChildren(...problems.map((p) => el("li", { textContent: p.text })));
    this.say(said);
  }

  /// When the dialog opens: the list in the page's language, "edit the story shown" offered
  /// when one is.
  open() {
    this.ui.$("story-edit-shown").hidden = !this.element.snapshot?.story;
    this.draw();
  }
}
