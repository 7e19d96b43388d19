//! Shandong's names on the map: its cities one by one once their markers stand apart, else one
//! name for the province around the crowd (the close-up, [`crate::map::closeup`], then tells
//! the cities apart).

use super::{name, Kind, Named, Scene, SHANDONG};
use crate::data::SHANDONG_CITIES;
use crate::label::Candidate;
use crate::projection::Xy;

/// The Shandong origins are named one by one when their markers spread over more than this
/// (CSS px, times the picture's scale); closer, one name stands for them and the close-up
/// tells them apart.
pub const CROWDED_PX: f64 = 90.0;

/// The screen positions of the Shandong origins with a marker, by origin index.
pub fn shandong_spots(s: &Scene) -> Vec<(usize, Xy)> {
    (0..SHANDONG_CITIES.len().min(s.cities_shown.len()))
        .filter(|&c| s.cities_shown[c])
        .map(|c| (c, s.viewport.to_screen(s.geometry.cities[c])))
        .filter(|(_, at)| at[0].is_finite() && at[1].is_finite())
        .collect()
}

/// Whether the Shandong origins crowd into one spot at this view (then one name stands for
/// them, and the close-up shows them apart).
pub fn crowded(spots: &[(usize, Xy)], scale: f64) -> bool {
    let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
    for (_, p) in spots {
        lo = [lo[0].min(p[0]), lo[1].min(p[1])];
        hi = [hi[0].max(p[0]), hi[1].max(p[1])];
    }
    spots.len() > 1 && (hi[0] - lo[0]).hypot(hi[1] - lo[1]) < CROWDED_PX * scale
}

/// The middle of the crowded origins and how far the farthest lies from it, CSS px.
pub fn crowd(spots: &[(usize, Xy)]) -> (Xy, f64) {
    let n = spots.len().max(1) as f64;
    let c = spots
        .iter()
        .fold([0.0, 0.0], |a, (_, p)| [a[0] + p[0] / n, a[1] + p[1] / n]);
    let reach = spots
        .iter()
        .map(|(_, p)| (p[0] - c[0]).hypot(p[1] - c[1]))
        .fold(0.0, f64::max);
    (c, reach)
}

/// The names of the Shandong side: one around the crowd, or one per marker.
pub(super) fn shandong_names(s: &Scene, spots: &[(usize, Xy)], out: &mut Vec<Named>) {
    let city_r = s.radii.1;
    let font = Kind::City.style().font.scaled(s.scale);
    if crowded(spots, s.scale) {
        let (c, reach) = crowd(spots);
        out.push(Named {
            candidate: Candidate {
                at: c,
                radius_px: reach + city_r,
                text: name(s.lang, "山东", "Shandong"),
                font,
                priority: SHANDONG,
                key: 0,
            },
            kind: Kind::City,
        });
        return;
    }
    for &(c, at) in spots {
        // The province's own ties start at Jinan: its marker is named Jinan.
        let o = &s.dataset.origins[s.markers.marker(c)];
        out.push(Named {
            candidate: Candidate {
                at,
                radius_px: city_r,
                text: name(s.lang, o.name_zh.trim_end_matches('市'), &o.name),
                font,
                priority: SHANDONG + if s.selected == Some(c) { 1.0 } else { 0.0 },
                key: c as u64,
            },
            kind: Kind::City,
        });
    }
}
