//! Hit-testing: what lies under a screen point (a marker, else the nearest link), in CSS px.

use crate::projection::Xy;
use crate::scene::LinkGeometry;
use crate::viewport::Viewport;

/// What the pointer is over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// An origin's marker (index into the dataset's origins).
    City(usize),
    /// A partner's marker (index of one tie ending there).
    Partner(usize),
    /// A link (tie index).
    Link(usize),
}

/// How close (CSS px) the pointer must be to a marker.
pub const MARKER_SLOP_PX: f64 = 7.0;
/// How close (CSS px) the pointer must be to a link.
pub const LINK_SLOP_PX: f64 = 5.0;

/// Finds what is under `screen` among the shown ties (`shown[i]`) and the Shandong cities that
/// have shown ties (`cities_shown[c]`). Markers win over links; the nearest wins within a kind.
pub fn hit_test(
    geometry: &LinkGeometry,
    viewport: &Viewport,
    shown: &[bool],
    cities_shown: &[bool],
    screen: Xy,
) -> Option<Hit> {
    let dist = |p: Xy| {
        let s = viewport.to_screen(p);
        (s[0] - screen[0]).hypot(s[1] - screen[1])
    };
    let mut best: Option<(f64, Hit)> = None;
    let mut consider = |d: f64, h: Hit, slop: f64| {
        if d <= slop && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, h));
        }
    };
    for (i, p) in geometry.partner.iter().enumerate() {
        if shown.get(i).copied().unwrap_or(false) {
            consider(dist(*p), Hit::Partner(i), MARKER_SLOP_PX);
        }
    }
    for (c, p) in geometry.cities.iter().enumerate() {
        if cities_shown.get(c).copied().unwrap_or(false) {
            // A hair further than partners, so a partner right beside Shandong stays reachable.
            consider(dist(*p) + 0.5, Hit::City(c), MARKER_SLOP_PX);
        }
    }
    if let Some((_, h)) = best {
        return Some(h);
    }
    let w = viewport.to_world(screen);
    let slop_world = LINK_SLOP_PX / viewport.scale;
    let mut best_link: Option<(f64, usize)> = None;
    for i in 0..geometry.ties() {
        if !shown.get(i).copied().unwrap_or(false) {
            continue;
        }
        for piece in geometry.pieces(i) {
            let mut points = piece.points();
            let Some(mut a) = points.next() else {
                continue;
            };
            for b in points {
                let d = segment_distance(w, a, b);
                a = b;
                if d <= slop_world && best_link.is_none_or(|(bd, _)| d < bd) {
                    best_link = Some((d, i));
                }
            }
        }
    }
    best_link.map(|(_, i)| Hit::Link(i))
}

/// Distance from `p` to the segment `a`–`b` (same units as the inputs).
pub fn segment_distance(p: Xy, a: Xy, b: Xy) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        crate::number::clamp(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2, 0.0, 1.0)
    };
    (p[0] - a[0] - t * dx).hypot(p[1] - a[1] - t * dy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_distance_cases() {
        assert_eq!(segment_distance([0.0, 1.0], [-1.0, 0.0], [1.0, 0.0]), 1.0);
        assert_eq!(segment_distance([3.0, 4.0], [0.0, 0.0], [0.0, 0.0]), 5.0);
        assert_eq!(segment_distance([2.0, 0.0], [-1.0, 0.0], [1.0, 0.0]), 1.0);
    }
}
