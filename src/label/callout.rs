//! Names set apart from what they name and joined to it by a leader line, for places inside a
//! crowd of markers where no name fits beside them (South Korea and Japan next to Shandong at
//! world zooms): the name goes just outside the crowd, on the side where its place lies, and
//! the line runs from the place to the nearest point of the name's box.

use super::candidate::{spot, Position, Rect};
use super::placement::ranked;
use super::placer::Placer;
use super::segment::Segment;
use crate::projection::Xy;
use crate::style::Font;
use std::rc::Rc;

/// A name to set outside a crowd.
///
/// # Units
/// CSS pixels, y down.
#[derive(Clone, Debug, PartialEq)]
pub struct Callout {
    /// The point the leader line ends at (the place named), CSS px.
    pub target: Xy,
    /// The crowd's centre, CSS px.
    pub centre: Xy,
    /// The crowd's radius, CSS px: the name's box lies beyond it.
    pub clear_px: f64,
    /// The text, in the page's language.
    pub text: Rc<str>,
    /// Its font.
    pub font: Font,
    /// The leader line's stroke width, CSS px: names keep their padding clear of it.
    pub line_px: f64,
}

/// How far beyond the crowd's radius the name may go, in ems of its font, nearest first.
const REACH_EM: [f64; 5] = [0.5, 1.5, 3.0, 4.5, 6.5];
/// How far (radians) the name's side may turn from the direction of its place.
const MAX_TURN_RAD: f64 = 1.75;

/// The angle between two directions, radians in [0, π].
fn turn(a: [f64; 2], b: [f64; 2]) -> f64 {
    let dot = a[0] * b[0] + a[1] * b[1];
    let cross = a[0] * b[1] - a[1] * b[0];
    cross.abs().atan2(dot)
}

/// The point of `r` nearest to `p`.
fn nearest_in(r: &Rect, p: Xy) -> Xy {
    let clamp = |v: f64, lo: f64, hi: f64| {
        if v < lo {
            lo
        } else if v > hi {
            hi
        } else {
            v
        }
    };
    [
        clamp(p[0], r.min[0], r.max[0]),
        clamp(p[1], r.min[1], r.max[1]),
    ]
}

impl Placer<'_> {
    /// Places callout `c` (candidate number `index`): the spots around the crowd, cheapest
    /// first (the leader's length, times one plus its turn away from the place's direction),
    /// take the first whose box fits and whose line crosses no name, box or other line. The
    /// name's box and its line are then taken; returns the line (from the place to the box).
    pub fn try_callout(&mut self, index: usize, c: &Callout) -> Option<Segment> {
        if c.text.is_empty() {
            return None;
        }
        let em = [self.measure.width_px(&c.text, c.font), c.font.size_px];
        let away = [c.target[0] - c.centre[0], c.target[1] - c.centre[1]];
        let away = if away[0].hypot(away[1]) < 1e-9 {
            [1.0, 0.0]
        } else {
            away
        };
        let mut spots: Vec<(Position, f64)> = Vec::new();
        let mut costs: Vec<(u64, usize)> = Vec::new();
        for p in Position::PREFERENCE {
            let t = turn(p.direction(), away);
            if t > MAX_TURN_RAD {
                continue;
            }
            for r in REACH_EM {
                let reach = c.clear_px + r * c.font.size_px;
                // A cost of at least 0 sorts as its bits do.
                costs.push(((reach * (1.0 + t)).max(0.0).to_bits(), spots.len()));
                spots.push((p, reach));
            }
        }
        let (gap, pad) = (self.options.gap_px, self.options.padding_px);
        for (position, reach) in ranked(costs).into_iter().map(|i| spots[i]) {
            let s = spot(c.centre, reach, em, position, gap, pad);
            // A name over its own place needs no line (and would hide the place).
            if s.rect.contains(c.target) || !self.fits(&s.rect) {
                continue;
            }
            let line = Segment {
                a: c.target,
                b: nearest_in(&s.rect.inflate(-pad), c.target),
                half_width_px: c.line_px / 2.0 + pad,
            };
            // The line's own stroke may touch its box: test the centre line only.
            let bare = Segment {
                half_width_px: 0.0,
                ..line
            };
            if !self.grid.line_is_clear(&bare) {
                continue;
            }
            self.grid.insert_segment(line);
            self.keep(index, position, &s, &c.text);
            return Some(bare);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::{Circle, Obstacles, Options, WidthTable};

    fn callout(target: Xy) -> Callout {
        Callout {
            target,
            centre: [100.0, 100.0],
            clear_px: 20.0,
            text: Rc::from("韩国 65"),
            font: Font {
                size_px: 11.0,
                weight: 400,
            },
            line_px: 0.8,
        }
    }

    #[test]
    fn the_name_leaves_the_crowd_on_its_places_side() {
        let crowd: Vec<Circle> = (0..40)
            .map(|i| Circle {
                at: [85.0 + f64::from(i % 8) * 4.0, 90.0 + f64::from(i / 8) * 4.0],
                radius_px: 2.5,
            })
            .collect();
        let obstacles = Obstacles {
            circles: &crowd,
            rects: &[],
        };
        let mut placer = Placer::new([300.0, 200.0], &obstacles, &WidthTable, Options::default());
        let line = placer
            .try_callout(0, &callout([112.0, 98.0]))
            .expect("placed");
        let box_ = placer.placed()[0].rect;
        assert!(box_.min[0] > 100.0, "east of the crowd: {box_:?}");
        assert!(crowd.iter().all(|m| !box_.overlaps_circle(m)));
        assert_eq!(line.a, [112.0, 98.0]);
        assert!(
            box_.inflate(0.1).contains(line.b),
            "{line:?} ends at its box"
        );
        // A second name keeps off the first and its line, and the lines do not cross.
        let second = placer
            .try_callout(1, &callout([116.0, 104.0]))
            .expect("placed");
        let b2 = placer.placed()[1].rect;
        assert!(!b2.overlaps(&box_));
        assert!(!second.crosses(&line));
    }

    #[test]
    fn no_room_no_name() {
        let all = [
            Rect::new(0.0, 0.0, 300.0, 95.0),
            Rect::new(0.0, 105.0, 300.0, 95.0),
        ];
        let obstacles = Obstacles {
            circles: &[],
            rects: &all,
        };
        let mut placer = Placer::new([300.0, 200.0], &obstacles, &WidthTable, Options::default());
        assert!(placer.try_callout(0, &callout([120.0, 100.0])).is_none());
        assert!(placer.placed().is_empty());
    }
}
