//! A placement under way: the collision grid of what is already taken (markers, reserved
//! boxes, placed names, leader lines), to which names are added one at a time in an order the
//! caller decides ([`super::place`] goes by priority; the map adds its names in stages).

use super::candidate::{spot, Candidate, Circle, Position, Rect, Spot};
use super::grid::Grid;
use super::measure::TextMeasure;
use super::placement::{Obstacles, Options, Placed};
use super::segment::Segment;
use crate::display_list::Label;
use crate::projection::Xy;
use std::rc::Rc;

/// Names placed so far and the room they leave.
#[derive(Clone)]
pub struct Placer<'m> {
    pub(super) grid: Grid,
    /// The viewport less its margin: every name's padded box stays inside.
    pub(super) inside: Rect,
    viewport: Rect,
    pub(super) measure: &'m dyn TextMeasure,
    pub(super) options: Options,
    pub(super) placed: Vec<Placed>,
}

impl<'m> Placer<'m> {
    /// An empty placement in a viewport of `size_px` (width, height; CSS px) that keeps clear
    /// of `obstacles` (circles of radius 0 are ignored).
    pub fn new(
        size_px: [f64; 2],
        obstacles: &Obstacles,
        measure: &'m dyn TextMeasure,
        options: Options,
    ) -> Self {
        let [width, height] = size_px;
        let m = options.margin_px;
        let mut placer = Self {
            grid: Grid::new(width, height),
            inside: Rect {
                min: [m, m],
                max: [width - m, height - m],
            },
            viewport: Rect::new(0.0, 0.0, width, height),
            measure,
            options,
            placed: Vec::new(),
        };
        for r in obstacles.rects {
            placer.grid.insert_rect(*r);
        }
        for c in obstacles.circles {
            placer.avoid(*c);
        }
        placer
    }

    /// Keeps names off a marker (a circle of radius 0 is ignored).
    pub fn avoid(&mut self, c: Circle) {
        if c.radius_px > 0.0 {
            self.grid.insert_circle(c);
        }
    }

    /// Keeps names off a box and leader lines out of it (e.g. a name drawn by other means).
    pub fn reserve(&mut self, r: Rect) {
        self.grid.insert_rect(r);
    }

    /// Whether a padded name box of this size would fit at `r`: inside the viewport less the
    /// margin, clear of everything taken.
    pub fn fits(&self, r: &Rect) -> bool {
        self.inside.encloses(r) && !self.grid.collides(r)
    }

    /// Places `c` (candidate number `index`) at the first of the options' positions around
    /// its marker that fits; whether it found one. A candidate with empty text, or whose
    /// marker lies outside the viewport, is not placed.
    pub fn try_place(&mut self, index: usize, c: &Candidate) -> bool {
        if c.text.is_empty() || !self.viewport.contains(c.at) {
            return false;
        }
        let o = &self.options;
        // A name that cannot fit even at its least possible width is not measured (measuring
        // crosses into the browser: most names of a crowded view never fit).
        let least = [least_width_px(&c.text, c.font.size_px), c.font.size_px];
        let could = o.positions.iter().any(|&p| {
            let s = spot(c.at, c.radius_px, least, p, o.gap_px, o.padding_px);
            self.fits(&s.rect)
        });
        if !could {
            return false;
        }
        let em = [self.measure.width_px(&c.text, c.font), c.font.size_px];
        let fits = o.positions.iter().find_map(|&p| {
            let s = spot(c.at, c.radius_px, em, p, o.gap_px, o.padding_px);
            self.fits(&s.rect).then_some((p, s))
        });
        let Some((position, s)) = fits else {
            return false;
        };
        self.keep(index, position, &s, &c.text);
        true
    }

    /// Takes a leader line's room: later names keep clear of it, later lines do not cross it.
    pub fn take_line(&mut self, s: Segment) {
        self.grid.insert_segment(s);
    }

    /// The labels placed so far, in placement order.
    pub fn placed(&self) -> &[Placed] {
        &self.placed
    }

    /// The labels placed, in placement order.
    pub fn into_placed(self) -> Vec<Placed> {
        self.placed
    }

    /// Keeps the name `text` of candidate `index` at spot `s` in `position`: its box is taken.
    pub(super) fn keep(&mut self, index: usize, position: Position, s: &Spot, text: &Rc<str>) {
        self.grid.insert_rect(s.rect);
        self.placed.push(Placed {
            candidate: index,
            position,
            rect: s.rect,
            label: Label {
                at: s.at,
                anchor: position.anchor(),
                text: text.clone(),
            },
        });
    }

    /// The distance from `p` to the nearest box of the labels placed from number `since` on
    /// (`f64::INFINITY` when there are none), CSS px: for placing names far from the others
    /// first.
    pub fn distance_to_placed(&self, p: Xy, since: usize) -> f64 {
        let mut best = f64::INFINITY;
        for l in self.placed.get(since..).unwrap_or(&[]) {
            let d2 = l.rect.distance2_to(p);
            if d2 < best {
                best = d2;
            }
        }
        best.sqrt()
    }
}

/// A width no font draws `text` narrower than, CSS px at `size_px`: at least 0.9 em for a wide
/// character (CJK, kana, Hangul, full-width forms), 0.2 em for any other. A name whose box of
/// this width fits nowhere fits nowhere at its true width either: at the same anchor a wider
/// box holds the narrower one.
pub fn least_width_px(text: &str, size_px: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|ch| if u32::from(ch) >= 0x2E80 { 0.9 } else { 0.2 })
        .sum();
    em * size_px
}
