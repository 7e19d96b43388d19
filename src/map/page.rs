//! What the page tells a [`MapState`] about itself: the language names are written in, the
//! picture's scale, the boxes its own controls cover, where the Shandong close-up goes, and how
//! wide text is drawn.

use super::annotate::Lang;
use super::MapState;
use crate::closeup::InsetPlacement;
use crate::label::{Rect, TextMeasure, WidthTable};
use std::rc::Rc;

/// The page's settings.
#[derive(Clone)]
pub struct Page {
    /// The language of names on the map.
    pub lang: Lang,
    /// Every width, radius and font size is multiplied by this (see
    /// [`crate::style::drawing_scale`]).
    pub scale: f64,
    /// Boxes the page's own controls cover over the canvas (buttons, legend, caption), CSS px:
    /// no label goes there, and the close-up avoids them.
    pub reserved: Vec<Rect>,
    /// Where the close-up goes (or `none`).
    pub inset: InsetPlacement,
    /// Text widths (the canvas's in the page; a fixed table natively).
    pub measure: Rc<dyn TextMeasure>,
    /// Presenter mode: the picture follows the screen's size and the globe turns.
    pub presenting: bool,
    /// The last year a filter or URL may name (this year, as the page's clock says).
    pub this_year: u16,
    /// Whether the table of the ties shown is open (the snapshot carries its rows).
    pub table: bool,
}

/// The year the built-in data was researched (`data/as_of.txt`): the last year until the page
/// says what year it is.
fn data_year() -> u16 {
    let digits = crate::coverage::DATA_AS_OF.bytes().take(4);
    digits.fold(0u16, |y, b| y * 10 + u16::from(b.wrapping_sub(b'0') % 10))
}

impl Default for Page {
    fn default() -> Self {
        Self {
            lang: Lang::Zh,
            scale: 1.0,
            reserved: Vec::new(),
            inset: InsetPlacement::Auto,
            measure: Rc::new(WidthTable),
            presenting: false,
            this_year: data_year(),
            table: false,
        }
    }
}

impl MapState {
    /// This map with `year` as the last year filters and URLs may name (the page's clock).
    pub fn with_year(mut self, year: u16) -> Self {
        self.page.this_year = year.max(crate::data::record::FIRST_YEAR);
        self
    }

    /// Presenter mode: the picture's scale follows the screen (see
    /// [`crate::style::drawing_scale`]) and the globe turns by itself (not under a story).
    pub fn set_presenting(&mut self, on: bool) {
        self.page.presenting = on;
        // Under a story the step's view holds.
        self.camera.set_spin(on && self.story.is_none());
        let v = *self.camera.viewport();
        self.set_drawing_scale(crate::style::drawing_scale(on, v.width, v.height));
        self.dirty = true;
    }

    /// How text widths are measured (shared by forks).
    pub fn text_measure(&self) -> &dyn crate::label::TextMeasure {
        self.page.measure.as_ref()
    }

    /// Whether the table is open.
    pub fn table_open(&self) -> bool {
        self.page.table
    }

    /// Whether the globe turns by itself now.
    pub fn spinning(&self) -> bool {
        self.camera.spinning()
    }

    /// Whether the map is in presenter mode.
    pub fn presenting(&self) -> bool {
        self.page.presenting
    }

    /// Opens or closes the table (the snapshot carries its rows while it is open).
    pub fn set_table(&mut self, open: bool) {
        if self.page.table != open {
            self.page.table = open;
            self.data_version = self.next_version();
            self.dirty = true;
        }
    }

    /// The language of the names on the map.
    pub fn set_language(&mut self, lang: Lang) {
        self.dirty |= self.page.lang != lang;
        self.page.lang = lang;
    }

    /// The picture's scale (see [`crate::style::drawing_scale`]): links, markers, names and the
    /// close-up are drawn that many times their page sizes.
    pub fn set_drawing_scale(&mut self, scale: f64) {
        let k = crate::number::clamp(scale, 0.25, 16.0);
        if k != self.page.scale {
            self.page.scale = k;
            self.reproject();
        }
    }

    /// The picture's scale.
    pub fn drawing_scale(&self) -> f64 {
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
    pub fn set_text_measure(&mut self, measure: Rc<dyn TextMeasure>) {
        self.page.measure = measure;
        self.dirty = true;
    }
}
