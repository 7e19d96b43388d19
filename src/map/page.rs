//! What the page tells a [`MapState`] about itself: the language names are written in, the
//! picture's scale, the boxes its own controls cover, where the Shandong close-up goes, and how
//! wide text is drawn.

use super::annotate::Lang;
use super::MapState;
use crate::inset::InsetPlacement;
use crate::label::{Rect, TextMeasure, WidthTable};

/// The page's settings.
pub struct Page {
    /// The language of names on the map.
    pub lang: Lang,
    /// Every width, radius and font size is multiplied by this (see
    /// [`crate::style::picture_scale`]).
    pub scale: f64,
    /// Boxes the page's own controls cover over the canvas (buttons, legend, caption), CSS px:
    /// no label goes there, and the close-up avoids them.
    pub reserved: Vec<Rect>,
    /// Where the close-up goes (or `none`).
    pub inset: InsetPlacement,
    /// Text widths (the canvas's in the page; a fixed table natively).
    pub measure: Box<dyn TextMeasure>,
}

impl Default for Page {
    fn default() -> Self {
        Self {
            lang: Lang::Zh,
            scale: 1.0,
            reserved: Vec::new(),
            inset: InsetPlacement::Auto,
            measure: Box::new(WidthTable),
        }
    }
}

impl MapState {
    /// The language of the names on the map.
    pub fn set_language(&mut self, lang: Lang) {
        self.dirty |= self.page.lang != lang;
        self.page.lang = lang;
    }

    /// The picture's scale (see [`crate::style::picture_scale`]): links, markers, names and the
    /// close-up are drawn that many times their page sizes.
    pub fn set_picture_scale(&mut self, scale: f64) {
        let k = crate::number::clamp(scale, 0.25, 16.0);
        if k != self.page.scale {
            self.page.scale = k;
            self.reproject();
        }
    }

    /// The picture's scale.
    pub fn picture_scale(&self) -> f64 {
        self.page.scale
    }

    /// The language of the names on the map.
    pub fn language(&self) -> Lang {
        self.page.lang
    }

    /// Where the Shandong close-up goes.
    pub fn inset_placement(&self) -> InsetPlacement {
        self.page.inset
    }

    /// The boxes the page's controls cover over the canvas (CSS px).
    pub fn set_reserved(&mut self, boxes: Vec<Rect>) {
        if boxes != self.page.reserved {
            self.page.reserved = boxes;
            self.dirty = true;
        }
    }

    /// Where the Shandong close-up goes: `auto`, a corner, or `none`.
    pub fn set_inset(&mut self, placement: InsetPlacement) {
        self.dirty |= self.page.inset != placement;
        self.page.inset = placement;
    }

    /// How text widths are measured (the page's canvas; a fixed table by default).
    pub fn set_text_measure(&mut self, measure: Box<dyn TextMeasure>) {
        self.page.measure = measure;
        self.dirty = true;
    }
}
