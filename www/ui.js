// What the element's parts share: its shadow root, its language and number formats.
import { STRINGS } from "./i18n.js";

/// The user asked for reduced motion: links appear without growing, fits jump.
export const REDUCED_MOTION = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

const FORMATS = { zh: new Intl.NumberFormat("zh-CN"), en: new Intl.NumberFormat("en") };

export class Ui {
  constructor(element) {
    this.element = element;
  }

  /// An element of the shadow root by id.
  $(id) {
    return this.element.root.getElementById(id);
  }

  /// All elements of the shadow root matching a selector.
  all(selector) {
    return this.element.root.querySelectorAll(selector);
  }

  get lang() {
    return this.element.language;
  }

  get zh() {
    return this.lang === "zh";
  }

  /// The strings of the current language.
  get s() {
    return STRINGS[this.lang];
  }

  /// A count in the language's format.
  n = (v) => FORMATS[this.lang].format(v);

  /// The name in the current language.
  name(zh, en) {
    return this.zh ? zh : en;
  }
}

/// The first and last year with ties in the whole dataset (statistics `all`), or this year
/// twice when no tie has a year.
export function yearBounds(all) {
  const y = all.by_year;
  const now = new Date().getFullYear();
  return y.length ? [y[0].year, y[y.length - 1].year] : [now, now];
}
