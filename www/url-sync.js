// The page's URL follows the map (with the `url-state` attribute): filters, selection,
// projection and view, a new history entry for each deliberate change, the back and forward
// buttons restoring them.

/// The URL is written this long after the last change, ms.
const URL_DELAY_MS = 250;

export class UrlSync {
  /// `element.query` is the map's state as a query (kept from its events: no call into the map).
  constructor(element) {
    Object.assign(this, { element, push: false, timer: 0 });
  }

  get enabled() {
    return this.element.hasAttribute("url-state");
  }

  /// Writes the URL soon; `push` makes it a new history entry (else it replaces the current).
  soon(push) {
    if (!this.enabled) return;
    this.push ||= push;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const q = this.element.query;
      if (`?${q}` !== location.search && (q || location.search)) {
        history[this.push ? "pushState" : "replaceState"](null, "", q ? `?${q}` : location.pathname);
      }
      this.push = false;
    }, URL_DELAY_MS);
  }

  /// Calls `restore(query)` when the user goes back or forward.
  onHistory(restore) {
    if (this.enabled) window.addEventListener("popstate", () => restore(location.search));
  }
}
