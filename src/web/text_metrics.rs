//! Label widths measured by the browser: canvas `measureText` in the map's font, each text
//! measured once per font (size and weight) and kept, so a label costs one measurement per
//! font and language however many frames place it.

use crate::label::TextMeasure;
use crate::style::Font;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Past this many cached widths the cache starts afresh (a guard against a long session with
/// imported datasets; the built-in names in two languages and two fonts are about 3,000).
const MAX_CACHED: usize = 50_000;

/// A font: its size's bits and its weight.
type FontKey = (u64, u16);

/// The widths of one font, by text.
type FontWidths = (FontKey, HashMap<String, f64>);

/// Measures with canvas contexts of its own (so measuring never changes the map's drawing
/// state), one per font: setting a context's `font` parses CSS, and names of several fonts are
/// measured in turn (about 30 ms of a first frame went to switching one context's font). Should
/// the browser refuse, a text counts 1 em per character: wider than any real label, so
/// placement stays free of overlaps (`WidthTable` is not linked for so rare a case).
pub struct CanvasMeasure {
    /// A context per font (size bits, weight), its `font` set once; the first one given may
    /// have no font yet.
    contexts: RefCell<Vec<(Option<FontKey>, CanvasRenderingContext2d)>>,
    /// Widths in CSS px per font (size bits, weight), then by text. Fonts are few (partner,
    /// city, country and inset labels), so they are searched in order.
    cache: RefCell<Vec<FontWidths>>,
    cached: RefCell<usize>,
}

/// A 2D context on a detached 1×1 canvas of the page's document.
fn detached_context() -> Option<CanvasRenderingContext2d> {
    let doc = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(1);
    canvas.set_height(1);
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

impl CanvasMeasure {
    /// A measurer on detached canvases of the page's document; `None` without one.
    pub fn new() -> Option<Self> {
        Some(Self::with_context(detached_context()?))
    }

    /// A measurer whose first font is measured on a given context (its `font` is set then).
    pub fn with_context(ctx: CanvasRenderingContext2d) -> Self {
        Self {
            contexts: RefCell::new(vec![(None, ctx)]),
            cache: RefCell::new(Vec::new()),
            cached: RefCell::new(0),
        }
    }

    /// The context of `font` (made, and its font set, on first use).
    fn context(&self, font: Font, key: (u64, u16)) -> Option<CanvasRenderingContext2d> {
        let mut all = self.contexts.borrow_mut();
        if let Some((_, ctx)) = all.iter().find(|(k, _)| *k == Some(key)) {
            return Some(ctx.clone());
        }
        let ctx = match all.iter_mut().find(|(k, _)| k.is_none()) {
            Some(free) => {
                free.0 = Some(key);
                free.1.clone()
            }
            None => {
                let ctx = detached_context()?;
                all.push((Some(key), ctx.clone()));
                ctx
            }
        };
        ctx.set_font(&font.css());
        Some(ctx)
    }

    /// Forgets every width (e.g. after the fonts changed).
    pub fn clear(&self) {
        self.cache.borrow_mut().clear();
        *self.cached.borrow_mut() = 0;
    }

    /// How many widths are cached.
    pub fn len(&self) -> usize {
        *self.cached.borrow()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn measure(&self, text: &str, font: Font, key: (u64, u16)) -> f64 {
        let measured = self.context(font, key).map(|ctx| ctx.measure_text(text));
        match measured {
            Some(Ok(m)) if m.width().is_finite() => m.width(),
            // Characters counted as UTF-8 lead bytes (`chars().count()` links a larger routine).
            _ => text.bytes().filter(|b| b & 0xc0 != 0x80).count() as f64 * font.size_px,
        }
    }
}

impl TextMeasure for CanvasMeasure {
    fn width_px(&self, text: &str, font: Font) -> f64 {
        let key = (font.size_px.to_bits(), font.weight);
        let cached = |(k, m): &FontWidths| (*k == key).then(|| m.get(text).copied()).flatten();
        if let Some(w) = self.cache.borrow().iter().find_map(cached) {
            return w;
        }
        let width = self.measure(text, font, key);
        if self.len() >= MAX_CACHED {
            self.clear();
        }
        let mut cache = self.cache.borrow_mut();
        let i = match cache.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                cache.push((key, HashMap::new()));
                cache.len() - 1
            }
        };
        cache[i].1.insert(text.to_owned(), width);
        *self.cached.borrow_mut() += 1;
        width
    }
}
