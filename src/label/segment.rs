//! Leader lines as the placement sees them: a straight segment of some width that names keep
//! clear of, and the tests of a segment against a box and against another segment.

use super::candidate::Rect;
use crate::projection::Xy;

/// A stroked straight line in screen space (a leader line from a name to what it names).
///
/// # Units
/// CSS pixels, y down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// One end, CSS px.
    pub a: Xy,
    /// The other end, CSS px.
    pub b: Xy,
    /// Half the stroke's width plus any space kept around it, CSS px.
    pub half_width_px: f64,
}

impl Segment {
    /// The box around the stroke.
    pub fn bounds(&self) -> Rect {
        let w = self.half_width_px;
        Rect {
            min: [min(self.a[0], self.b[0]) - w, min(self.a[1], self.b[1]) - w],
            max: [max(self.a[0], self.b[0]) + w, max(self.a[1], self.b[1]) + w],
        }
    }

    /// Whether the stroke covers some of the inside of `r` (touching does not count).
    pub fn overlaps_rect(&self, r: &Rect) -> bool {
        crosses_rect(self.a, self.b, &r.inflate(self.half_width_px))
    }

    /// Whether the two lines cross (their centre lines meet at a point inside both; lines that
    /// only touch at an end, or run along one line, do not count).
    pub fn crosses(&self, o: &Segment) -> bool {
        let d1 = orient(o.a, o.b, self.a);
        let d2 = orient(o.a, o.b, self.b);
        let d3 = orient(self.a, self.b, o.a);
        let d4 = orient(self.a, self.b, o.b);
        d1 * d2 < 0.0 && d3 * d4 < 0.0
    }
}

// Comparisons rather than `f64::min`/`max`, which are libm calls on some targets.
fn min(a: f64, b: f64) -> f64 {
    if a < b {
        a
    } else {
        b
    }
}

fn max(a: f64, b: f64) -> f64 {
    if a > b {
        a
    } else {
        b
    }
}

/// Twice the signed area of the triangle `a`, `b`, `c` (positive when counter-clockwise in
/// y-up axes).
fn orient(a: Xy, b: Xy, c: Xy) -> f64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// Whether the segment `a`–`b` runs through the open inside of `r`: Liang–Barsky clipping,
/// a piece of positive length must remain.
pub fn crosses_rect(a: Xy, b: Xy, r: &Rect) -> bool {
    let d = [b[0] - a[0], b[1] - a[1]];
    let (mut t0, mut t1) = (0.0, 1.0);
    let sides = [
        (-d[0], a[0] - r.min[0]),
        (d[0], r.max[0] - a[0]),
        (-d[1], a[1] - r.min[1]),
        (d[1], r.max[1] - a[1]),
    ];
    for (p, q) in sides {
        if p == 0.0 {
            if q <= 0.0 {
                return false; // parallel to this side, outside or on it
            }
            continue;
        }
        let t = q / p;
        if p < 0.0 {
            t0 = max(t0, t);
        } else {
            t1 = min(t1, t);
        }
        if t0 >= t1 {
            return false;
        }
    }
    t0 < t1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(a: Xy, b: Xy) -> Segment {
        Segment {
            a,
            b,
            half_width_px: 0.0,
        }
    }

    #[test]
    fn segments_and_boxes() {
        let r = Rect::new(10.0, 10.0, 10.0, 10.0);
        assert!(seg([0.0, 0.0], [30.0, 30.0]).overlaps_rect(&r), "diagonal");
        assert!(seg([15.0, 15.0], [16.0, 16.0]).overlaps_rect(&r), "inside");
        assert!(!seg([0.0, 0.0], [9.0, 30.0]).overlaps_rect(&r), "beside");
        assert!(
            !seg([0.0, 10.0], [30.0, 10.0]).overlaps_rect(&r),
            "along an edge"
        );
        assert!(
            !seg([0.0, 20.0], [10.0, 30.0]).overlaps_rect(&r),
            "off a corner"
        );
        let wide = Segment {
            half_width_px: 1.5,
            ..seg([0.0, 9.0], [30.0, 9.0])
        };
        assert!(wide.overlaps_rect(&r), "its stroke reaches in");
        assert_eq!(wide.bounds(), Rect::new(-1.5, 7.5, 33.0, 3.0));
    }

    #[test]
    fn segments_cross() {
        let a = seg([0.0, 0.0], [10.0, 10.0]);
        assert!(a.crosses(&seg([0.0, 10.0], [10.0, 0.0])));
        assert!(!a.crosses(&seg([0.0, 10.0], [4.0, 6.0])), "stops short");
        assert!(!a.crosses(&seg([10.0, 10.0], [20.0, 0.0])), "shares an end");
        assert!(!a.crosses(&seg([2.0, 2.0], [20.0, 20.0])), "on one line");
    }
}
