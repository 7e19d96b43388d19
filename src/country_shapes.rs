//! A basemap's country polygons decoded once, with bounding boxes, for placing many points: an
//! import of 25,000 partners asks "is this point in its country, or near its coast?" once per
//! row, and decoding the rings and measuring every coast segment each time dominated it.

use crate::basemap::{point_in_ring, Basemap};
use crate::LonLat;

/// Metres per degree of latitude (mean Earth radius 6,371,008.8 m).
const METRES_PER_DEGREE: f64 = 6_371_008.8 * std::f64::consts::PI / 180.0;

/// A box in degrees: west, south, east, north.
#[derive(Clone, Copy, Debug)]
struct Bounds([f64; 4]);

impl Bounds {
    fn of(points: &[LonLat]) -> Self {
        let mut b = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        for p in points {
            b = [
                b[0].min(p.lon),
                b[1].min(p.lat),
                b[2].max(p.lon),
                b[3].max(p.lat),
            ];
        }
        Self(b)
    }

    /// Whether `p` lies in the box grown by `dlon` and `dlat` degrees.
    fn holds(&self, p: LonLat, dlon: f64, dlat: f64) -> bool {
        let [w, s, e, n] = self.0;
        p.lon >= w - dlon && p.lon <= e + dlon && p.lat >= s - dlat && p.lat <= n + dlat
    }
}

/// One polygon: the box around all its rings, and the rings with theirs.
struct Polygon {
    bounds: Bounds,
    rings: Vec<(Bounds, Vec<LonLat>)>,
}

/// Every country's polygons by ISO 3166-1 numeric code (a list searched in order: about 240
/// entries, and smaller in the wasm than a map).
pub struct CountryShapes {
    by_numeric: Vec<(u16, Vec<Polygon>)>,
}

impl CountryShapes {
    /// Decodes the countries of `map` that have a numeric code.
    pub fn new(map: &Basemap) -> Self {
        let mut by_numeric: Vec<(u16, Vec<Polygon>)> = Vec::new();
        for c in map.countries.iter().filter(|c| c.numeric != 0) {
            let at = match by_numeric.iter().position(|(n, _)| *n == c.numeric) {
                Some(at) => at,
                None => {
                    by_numeric.push((c.numeric, Vec::new()));
                    by_numeric.len() - 1
                }
            };
            let polygons = &mut by_numeric[at].1;
            for rings in &c.polygons {
                let rings: Vec<(Bounds, Vec<LonLat>)> = rings
                    .iter()
                    .map(|r| {
                        let points = map.ring_points(r);
                        (Bounds::of(&points), points)
                    })
                    .collect();
                let all: Vec<LonLat> = rings.iter().flat_map(|(_, r)| r.iter().copied()).collect();
                polygons.push(Polygon {
                    bounds: Bounds::of(&all),
                    rings,
                });
            }
        }
        Self { by_numeric }
    }

    fn polygons(&self, numeric: u16) -> Option<&[Polygon]> {
        self.by_numeric
            .iter()
            .find(|(n, _)| *n == numeric)
            .map(|(_, p)| p.as_slice())
    }

    /// Whether `p` lies inside country `numeric` (even-odd rule per polygon, in lon/lat as
    /// [`Basemap::contains`]) or within `tolerance_m` of one of its rings, measured by
    /// `distance_m(p, a, b)` to each segment a–b that could be that close; `None` when the
    /// basemap does not draw the country (tiny ones it leaves out).
    pub fn holds(
        &self,
        numeric: u16,
        p: LonLat,
        tolerance_m: f64,
        distance_m: impl Fn(LonLat, LonLat, LonLat) -> f64,
    ) -> Option<bool> {
        let polygons = self.polygons(numeric)?;
        let inside = polygons.iter().any(|poly| {
            // Outside the box, the even-odd count is even for every ring.
            poly.bounds.holds(p, 0.0, 0.0)
                && poly
                    .rings
                    .iter()
                    .filter(|(_, r)| point_in_ring(r, p))
                    .count()
                    % 2
                    == 1
        });
        if inside {
            return Some(true);
        }
        // A segment within the tolerance lies in a box grown by it (with room to spare: the
        // distance is measured in a local plane); near the poles every ring is measured.
        let dlat = 1.5 * tolerance_m / METRES_PER_DEGREE;
        let k = p.lat.to_radians().cos();
        let dlon = if k > 0.05 { dlat / k } else { 360.0 };
        let near = polygons
            .iter()
            .flat_map(|poly| &poly.rings)
            .filter(|(b, _)| b.holds(p, dlon, dlat))
            .any(|(_, r)| {
                r.windows(2)
                    .any(|w| distance_m(p, w[0], w[1]) <= tolerance_m)
            });
        Some(near)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::BASEMAP_110M;
    use crate::validate::segment_distance_m;

    /// The index answers as the plain method does: every polygon's even-odd rule, then every
    /// segment of every ring measured (no boxes).
    #[test]
    fn same_answers_as_measuring_every_ring() {
        let map = Basemap::decode(BASEMAP_110M).expect("built-in basemap");
        let shapes = CountryShapes::new(&map);
        let tolerance_m = 150_000.0;
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        let (mut inside, mut near, mut out) = (0, 0, 0);
        for c in map.countries.iter().filter(|c| c.numeric != 0).step_by(3) {
            for _ in 0..12 {
                // Around a vertex of the country's coast or border: inside, near and far.
                let ring = map.ring_points(&c.polygons[0][0]);
                let v = ring[(next() * ring.len() as f64) as usize % ring.len()];
                let p = LonLat::new(
                    v.lon + 8.0 * next() - 4.0,
                    (v.lat + 8.0 * next() - 4.0).clamp(-89.0, 89.0),
                );
                let all: Vec<_> = map
                    .countries
                    .iter()
                    .filter(|s| s.numeric == c.numeric)
                    .collect();
                let contained = all.iter().any(|s| map.contains(s, p));
                let close = all
                    .iter()
                    .flat_map(|s| s.polygons.iter().flatten())
                    .any(|r| {
                        map.ring_points(r)
                            .windows(2)
                            .any(|w| segment_distance_m(p, w[0], w[1]) <= tolerance_m)
                    });
                let want = contained || close;
                assert_eq!(
                    shapes.holds(c.numeric, p, tolerance_m, segment_distance_m),
                    Some(want),
                    "{} at {p:?}",
                    c.name
                );
                match (contained, close) {
                    (true, _) => inside += 1,
                    (false, true) => near += 1,
                    _ => out += 1,
                }
            }
        }
        // Each kind of answer must occur often for the comparison to mean anything.
        assert!(
            inside > 50 && near > 50 && out > 50,
            "{inside} inside, {near} near, {out} out"
        );
    }
}
