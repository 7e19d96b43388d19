//! Greedy label placement: candidates in priority order, each at the first of its positions
//! that stays inside the viewport and clear of every marker, reserved box and label already
//! placed; what fits nowhere is left out.

use super::candidate::{Candidate, Circle, Position, Rect};
use super::measure::TextMeasure;
use super::placer::Placer;
use crate::display_list::{Label, TextLayer};
use crate::style::TextStyle;

/// Spacing rules of a placement.
///
/// # Units
/// CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Between a marker's edge and its label's padded box.
    pub gap_px: f64,
    /// Around each label's em box (at least the halo's width, so halos never cover another
    /// label's glyphs; also absorbs small measuring errors).
    pub padding_px: f64,
    /// Kept free along the viewport's edges.
    pub margin_px: f64,
    /// The positions to try, in order.
    pub positions: &'static [Position],
}

impl Default for Options {
    fn default() -> Self {
        Self {
            gap_px: 2.0,
            padding_px: 2.0,
            margin_px: 2.0,
            positions: &Position::PREFERENCE,
        }
    }
}

impl Options {
    /// These options for a picture scaled by `k` (see `crate::style::presenter_scale`).
    pub fn scaled(&self, k: f64) -> Self {
        Self {
            gap_px: self.gap_px * k,
            padding_px: self.padding_px * k,
            margin_px: self.margin_px * k,
            positions: self.positions,
        }
    }
}

/// What labels must not cover, besides each other and the candidates' own markers.
#[derive(Clone, Copy, Debug, Default)]
pub struct Obstacles<'a> {
    /// Marker discs (e.g. every shown partner and Shandong city), CSS px.
    pub circles: &'a [Circle],
    /// Reserved boxes (the inset, a legend), CSS px.
    pub rects: &'a [Rect],
}

/// A label that found room.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Index of its candidate.
    pub candidate: usize,
    /// Where it sits around its marker.
    pub position: Position,
    /// The box it keeps free (em box and padding), CSS px.
    pub rect: Rect,
    /// What to draw: anchor point, anchor and text.
    pub label: Label,
}

/// Places labels for `candidates` in a viewport of `size_px` (width, height; CSS px).
///
/// Candidates go in order of `priority` (highest first), then `key`, then index; each takes
/// the first position of `options.positions` whose padded box lies inside the viewport (less
/// the margin) and overlaps no obstacle, no candidate's marker and no label placed before it.
/// A candidate with no such position, with empty text, or whose marker lies outside the
/// viewport, gets no label. The result lists the placed labels in placement order and is the
/// same for the same input. (A [`Placer`] places in an order of the caller's own.)
///
/// # Units
/// CSS pixels throughout; widths come from `measure`, em boxes are one font size tall.
pub fn place(
    candidates: &[Candidate],
    obstacles: &Obstacles,
    size_px: [f64; 2],
    measure: &dyn TextMeasure,
    options: &Options,
) -> Vec<Placed> {
    let mut placer = Placer::new(size_px, obstacles, measure, options.clone());
    for c in candidates {
        placer.avoid(Circle {
            at: c.at,
            radius_px: c.radius_px,
        });
    }
    for i in priority_order(candidates) {
        placer.try_place(i, &candidates[i]);
    }
    placer.into_placed()
}

/// The indexes of `candidates` in placement order: highest priority first, then lowest key,
/// then input order (keys are unique).
pub fn priority_order(candidates: &[Candidate]) -> Vec<usize> {
    let mut order: Vec<(f64, u64, usize)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (-c.priority, c.key, i))
        .collect();
    order.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    order.into_iter().map(|(_, _, i)| i).collect()
}

/// The indexes of `keyed` (`(key, index)`) in order of their keys, smallest first (then
/// index): the one sort the callouts and the map's name stages share (every sort with an order
/// of its own adds its code to the wasm).
pub fn ranked(mut keyed: Vec<(u64, usize)>) -> Vec<usize> {
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// A text layer of placed labels (e.g. those of one style: filter `place`'s result by
/// candidate).
pub fn text_layer<'a>(
    name: &'static str,
    style: TextStyle,
    placed: impl IntoIterator<Item = &'a Placed>,
) -> TextLayer {
    TextLayer {
        name,
        style,
        labels: placed.into_iter().map(|p| p.label.clone()).collect(),
    }
}
