//! What the placement is asked to label, the shapes it avoids, and the eight positions around a
//! marker with the box each gives.

use crate::display_list::Anchor;
use crate::projection::Xy;
use crate::style::Font;
use std::rc::Rc;

/// An axis-aligned rectangle in screen space.
///
/// # Units
/// CSS pixels, y down; `min` is the top-left corner, `max` the bottom-right.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Top-left corner, CSS px.
    pub min: Xy,
    /// Bottom-right corner, CSS px.
    pub max: Xy,
}

impl Rect {
    /// The rectangle at `x`, `y` (top-left) of a size.
    pub fn new(x: f64, y: f64, width: f64, height: f64) -> Self {
        Self {
            min: [x, y],
            max: [x + width, y + height],
        }
    }

    /// Width, CSS px.
    pub fn width(&self) -> f64 {
        self.max[0] - self.min[0]
    }

    /// Height, CSS px.
    pub fn height(&self) -> f64 {
        self.max[1] - self.min[1]
    }

    /// Whether the two share some area (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.min[0] < o.max[0]
            && o.min[0] < self.max[0]
            && self.min[1] < o.max[1]
            && o.min[1] < self.max[1]
    }

    /// Whether a point lies inside or on the edge.
    pub fn contains(&self, p: Xy) -> bool {
        (self.min[0]..=self.max[0]).contains(&p[0]) && (self.min[1]..=self.max[1]).contains(&p[1])
    }

    /// Whether `o` lies wholly inside this one (edges may touch).
    pub fn encloses(&self, o: &Rect) -> bool {
        o.min[0] >= self.min[0]
            && o.min[1] >= self.min[1]
            && o.max[0] <= self.max[0]
            && o.max[1] <= self.max[1]
    }

    /// Whether the rectangle covers some of a circle's inside (touching does not count).
    pub fn overlaps_circle(&self, c: &Circle) -> bool {
        self.distance2_to(c.at) < c.radius_px * c.radius_px
    }

    /// The squared distance from `p` to the rectangle (0 inside), CSS px².
    pub fn distance2_to(&self, p: Xy) -> f64 {
        // Along each axis, with comparisons rather than `f64::max`, which is a libm call on
        // some targets.
        let gap = |v: f64, lo: f64, hi: f64| {
            if v < lo {
                lo - v
            } else if v > hi {
                v - hi
            } else {
                0.0
            }
        };
        let dx = gap(p[0], self.min[0], self.max[0]);
        let dy = gap(p[1], self.min[1], self.max[1]);
        dx * dx + dy * dy
    }

    /// This rectangle grown by `px` on every side.
    pub fn inflate(&self, px: f64) -> Self {
        Self {
            min: [self.min[0] - px, self.min[1] - px],
            max: [self.max[0] + px, self.max[1] + px],
        }
    }
}

/// A marker disc that no label may cover.
///
/// # Units
/// CSS pixels, y down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Circle {
    /// Centre, CSS px.
    pub at: Xy,
    /// Radius, CSS px (including its outline).
    pub radius_px: f64,
}

impl Circle {
    /// The square around the circle.
    pub fn bounds(&self) -> Rect {
        Rect {
            min: [self.at[0] - self.radius_px, self.at[1] - self.radius_px],
            max: [self.at[0] + self.radius_px, self.at[1] + self.radius_px],
        }
    }
}

/// A point to label.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The marker's centre, CSS px.
    pub at: Xy,
    /// The marker's radius, CSS px: the label keeps clear of it (0 for a bare point).
    pub radius_px: f64,
    /// The text, in the page's language.
    pub text: Rc<str>,
    /// Its font (the text layer it goes to must use the same).
    pub font: Font,
    /// Higher is placed first (e.g. selected city's partners, then by number of ties).
    pub priority: f64,
    /// Breaks ties in `priority`, lower first: a stable id (a tie or origin index), so equal
    /// priorities place the same way in every frame.
    pub key: u64,
}

/// Where a label sits around its marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Position {
    /// Right of the marker, vertically centred.
    Right,
    /// Left of it, vertically centred.
    Left,
    /// Above it, centred.
    Top,
    /// Below it, centred.
    Bottom,
    /// Above and to the right.
    TopRight,
    /// Above and to the left.
    TopLeft,
    /// Below and to the right.
    BottomRight,
    /// Below and to the left.
    BottomLeft,
}

impl Position {
    /// The order in which positions are tried: the cartographic preference for point labels
    /// of Slocum et al., *Thematic Cartography and Geographic Visualization* (2005), after
    /// Yoeli (1972), favouring the right side: upper right, lower right, upper left, lower
    /// left, above, below, right, left. The centred side positions come last because beside a
    /// dense cluster a label level with a point is the hardest to attribute.
    pub const PREFERENCE: [Position; 8] = [
        Position::TopRight,
        Position::BottomRight,
        Position::TopLeft,
        Position::BottomLeft,
        Position::Top,
        Position::Bottom,
        Position::Right,
        Position::Left,
    ];

    /// The label's anchor in this position: the part of the text nearest the marker.
    pub fn anchor(self) -> Anchor {
        match self {
            Self::Right => Anchor::Left,
            Self::Left => Anchor::Right,
            Self::Top => Anchor::Bottom,
            Self::Bottom => Anchor::Top,
            Self::TopRight => Anchor::BottomLeft,
            Self::TopLeft => Anchor::BottomRight,
            Self::BottomRight => Anchor::TopLeft,
            Self::BottomLeft => Anchor::TopRight,
        }
    }

    /// Unit direction from the marker towards the label (screen axes, y down; diagonals at
    /// 45°).
    pub fn direction(self) -> [f64; 2] {
        let d = std::f64::consts::FRAC_1_SQRT_2;
        match self {
            Self::Right => [1.0, 0.0],
            Self::Left => [-1.0, 0.0],
            Self::Top => [0.0, -1.0],
            Self::Bottom => [0.0, 1.0],
            Self::TopRight => [d, -d],
            Self::TopLeft => [-d, -d],
            Self::BottomRight => [d, d],
            Self::BottomLeft => [-d, d],
        }
    }
}

/// Where a label of a given em box size goes in one position.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spot {
    /// The anchor point of the em box, CSS px.
    pub at: Xy,
    /// The box that must stay free: the em box grown by the padding, CSS px.
    pub rect: Rect,
}

/// The spot of a `width`×`height` em box (CSS px) around a marker at `at` of radius
/// `radius_px`, in `position`, with `padding_px` around the box and `gap_px` between the
/// marker's edge and the padded box (at its nearest point: an edge, or the corner for the
/// diagonals), so the label never covers its own marker.
pub fn spot(
    at: Xy,
    radius_px: f64,
    [width, height]: [f64; 2],
    position: Position,
    gap_px: f64,
    padding_px: f64,
) -> Spot {
    let d = position.direction();
    let reach = radius_px + gap_px;
    let (w, h) = (width + 2.0 * padding_px, height + 2.0 * padding_px);
    // The padded box's nearest point to the marker lies at `reach` along `d`; the anchor
    // fraction says which point of the box that is.
    let [fx, fy] = position.anchor().fraction();
    let near = [at[0] + reach * d[0], at[1] + reach * d[1]];
    let rect = Rect::new(near[0] - fx * w, near[1] - fy * h, w, h);
    let anchor = [
        rect.min[0] + padding_px + fx * width,
        rect.min[1] + padding_px + fy * height,
    ];
    Spot { at: anchor, rect }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spots_keep_clear_of_their_own_marker() {
        let marker = Circle {
            at: [100.0, 50.0],
            radius_px: 4.0,
        };
        for p in Position::PREFERENCE {
            let s = spot(marker.at, 4.0, [40.0, 12.0], p, 2.0, 1.5);
            assert!(!s.rect.overlaps_circle(&marker), "{p:?}");
            // The padded box's nearest point is exactly radius + gap from the centre.
            let dx = (s.rect.min[0] - 100.0).max(100.0 - s.rect.max[0]).max(0.0);
            let dy = (s.rect.min[1] - 50.0).max(50.0 - s.rect.max[1]).max(0.0);
            assert!((dx.hypot(dy) - 6.0).abs() < 1e-9, "{p:?}: {}", dx.hypot(dy));
        }
    }

    #[test]
    fn right_spot_known_values() {
        let s = spot([100.0, 50.0], 4.0, [40.0, 12.0], Position::Right, 2.0, 1.0);
        assert_eq!(s.rect, Rect::new(106.0, 43.0, 42.0, 14.0));
        assert_eq!(s.at, [107.0, 50.0], "left middle of the em box");
        let s = spot(
            [100.0, 50.0],
            4.0,
            [40.0, 12.0],
            Position::TopLeft,
            2.0,
            1.0,
        );
        let k = 6.0 * std::f64::consts::FRAC_1_SQRT_2;
        assert_eq!(s.rect.max, [100.0 - k, 50.0 - k]);
        assert_eq!(s.at, [99.0 - k, 49.0 - k], "bottom-right of the em box");
    }

    #[test]
    fn rectangle_predicates() {
        let a = Rect::new(0.0, 0.0, 10.0, 10.0);
        assert!(a.overlaps(&Rect::new(9.0, 9.0, 5.0, 5.0)));
        assert!(!a.overlaps(&Rect::new(10.0, 0.0, 5.0, 5.0)), "touching");
        assert!(a.encloses(&Rect::new(0.0, 0.0, 10.0, 10.0)));
        assert!(!a.encloses(&Rect::new(-0.1, 0.0, 1.0, 1.0)));
        let c = |x, y, r| Circle {
            at: [x, y],
            radius_px: r,
        };
        assert!(a.overlaps_circle(&c(12.0, 5.0, 2.5)));
        assert!(!a.overlaps_circle(&c(12.0, 5.0, 2.0)), "touching");
        assert!(
            !a.overlaps_circle(&c(13.0, 13.0, 4.0)),
            "off the corner: 4.24 away"
        );
        assert!(a.overlaps_circle(&c(5.0, 5.0, 0.5)), "inside");
    }
}
