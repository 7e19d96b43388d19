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

/// The widths of one font (size bits, weight), by text.
type FontWidths = ((u64, u16), HashMap<String, f64>);

/// Measures with a canvas context of its own (so measuring never changes the map's drawing
/// state). Should the browser refuse, a text counts 1 em per character: wider than any real
/// label, so placement stays free of overlaps (`WidthTable` is not linked for so rare a case).
pub struct CanvasMeasure {
    ctx: CanvasRenderingContext2d,
    /// Widths in CSS px per font (size bits, weight), then by text. Fonts are few (partner,
    /// city, country and inset labels), so they are searched in order.
    cache: RefCell<Vec<FontWidths>>,
    /// The font last set on `ctx`.
    current: RefCell<Option<(u64, u16)>>,
    cached: RefCell<usize>,
}

impl CanvasMeasure {
    /// A measurer on a detached 1×1 canvas of the page's document; `None` without one.
    pub fn new() -> Option<Self> {
        let doc = web_sys::window()?.document()?;
        let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width(1);
        canvas.set_height(1);
        let ctx = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(Self::with_context(ctx))
    }

    /// A measurer on a given context (its `font` is changed by measuring).
    pub fn with_context(ctx: CanvasRenderingContext2d) -> Self {
        Self {
            ctx,
            cache: RefCell::new(Vec::new()),
            current: RefCell::new(None),
            cached: RefCell::new(0),
        }
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
        if *self.current.borrow() != Some(key) {
            self.ctx.set_font(&font.css());
            *self.current.borrow_mut() = Some(key);
        }
        match self.ctx.measure_text(text) {
            Ok(m) if m.width().is_finite() => m.width(),
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
