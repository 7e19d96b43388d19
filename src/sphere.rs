//! Great circles on the mean-radius sphere: distances and densified paths, computed with `geo`.
//!
//! A link is densified once per dataset into a polyline in lon/lat; the view only re-projects it.

use crate::lonlat::{cross, dot, wrap_lon, LonLat};
use geo::{Distance, Haversine, InterpolatePoint};

/// Mean Earth radius in metres (IUGG R1), the radius `geo`'s `Haversine` uses.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Largest step between consecutive points of a densified link, in degrees of arc.
///
/// One degree keeps the chord within about 0.4 px of the true curve at the map's deepest zoom.
pub const MAX_STEP_DEG: f64 = 1.0;

/// Arcs longer than this (degrees) are treated as antipodal: the great circle is not unique.
const ANTIPODAL_DEG: f64 = 180.0 - 1e-7;

/// Great-circle (haversine) distance between two positions.
///
/// # Units
/// Degrees in, metres out, on the sphere of radius [`EARTH_RADIUS_M`].
pub fn distance_m(a: LonLat, b: LonLat) -> f64 {
    Haversine.distance(a.to_point(), b.to_point())
}

/// Central angle between two positions, in degrees (0 to 180).
pub fn central_angle_deg(a: LonLat, b: LonLat) -> f64 {
    (distance_m(a, b) / EARTH_RADIUS_M).to_degrees()
}

/// The great-circle path from `a` to `b` as a polyline with steps of at most `max_step_deg`.
///
/// The first point is exactly `a` and the last exactly `b`; longitudes are wrapped into
/// [-180, 180), so the result may jump across the antimeridian (see [`crate::antimeridian`]).
///
/// Defined cases:
/// - coincident endpoints give the single point `[a]` (nothing to draw as a line);
/// - antipodal endpoints (any great circle joins them) give the path that leaves `a` heading
///   due north, over the North Pole (from a pole, along `a`'s meridian).
///
/// # Units
/// Degrees in and out; `max_step_deg` is degrees of arc and must be positive.
pub fn great_circle(a: LonLat, b: LonLat, max_step_deg: f64) -> Vec<LonLat> {
    let angle = central_angle_deg(a, b);
    if angle == 0.0 || (a.lat.abs() == 90.0 && a.lat == b.lat) {
        return vec![a];
    }
    let mut points: Vec<LonLat> = if angle >= ANTIPODAL_DEG {
        antipodal_path(a, max_step_deg)
    } else {
        let step_m = max_step_deg.to_radians() * EARTH_RADIUS_M;
        Haversine
            .points_along_line(a.to_point(), b.to_point(), step_m, true)
            .map(LonLat::from_point)
            .collect()
    };
    // geo accumulates the ratio, which can leave a point a hair before the end: drop it.
    let n = points.len();
    if n > 2 && central_angle_deg(points[n - 2], b) < max_step_deg * 1e-6 {
        points.remove(n - 2);
    }
    for p in points.iter_mut() {
        p.lon = wrap_lon(p.lon);
    }
    if let Some(first) = points.first_mut() {
        *first = LonLat::new(wrap_lon(a.lon), a.lat);
    }
    if let Some(last) = points.last_mut() {
        *last = LonLat::new(wrap_lon(b.lon), b.lat);
    }
    points
}

/// Half a great circle from `a` heading north (see [`great_circle`]).
fn antipodal_path(a: LonLat, max_step_deg: f64) -> Vec<LonLat> {
    let u = a.to_unit_vector();
    let north = [0.0, 0.0, 1.0];
    // Tangent at `a` pointing north; at a pole, along the meridian of `a.lon` instead.
    let mut v = [
        north[0] - dot(north, u) * u[0],
        north[1] - dot(north, u) * u[1],
        north[2] - dot(north, u) * u[2],
    ];
    let len = dot(v, v).sqrt();
    if len < 1e-12 {
        // At a pole "north" is undefined: follow the meridian of `a.lon` towards the equator.
        v = LonLat::new(a.lon, 0.0).to_unit_vector();
    } else {
        v = [v[0] / len, v[1] / len, v[2] / len];
    }
    let steps = (180.0 / max_step_deg).ceil().max(1.0) as usize;
    (0..=steps)
        .map(|i| {
            let t = (i as f64 / steps as f64) * std::f64::consts::PI;
            let (s, c) = t.sin_cos();
            LonLat::from_vector([
                c * u[0] + s * v[0],
                c * u[1] + s * v[1],
                c * u[2] + s * v[2],
            ])
        })
        .collect()
}

/// A densified great circle kept compactly, as a dataset holds one per tie: the endpoints exact,
/// the points between them as `f32` lon/lat (to about 1 m, well below a pixel at the map's
/// deepest zoom), 8 bytes a point instead of 16.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DensePath {
    /// First and last points; `None` for an empty path.
    ends: Option<(LonLat, LonLat)>,
    /// A single point (coincident endpoints): `ends` holds it twice.
    single: bool,
    interior: Box<[[f32; 2]]>,
}

impl DensePath {
    /// Stores a polyline (as [`great_circle`] returns it).
    pub fn new(points: &[LonLat]) -> Self {
        let (Some(&a), Some(&b)) = (points.first(), points.last()) else {
            return Self::default();
        };
        let inner = points.get(1..points.len() - 1).unwrap_or_default();
        Self {
            ends: Some((a, b)),
            single: points.len() == 1,
            interior: inner.iter().map(|p| [p.lon as f32, p.lat as f32]).collect(),
        }
    }

    /// The number of points.
    pub fn len(&self) -> usize {
        match self.ends {
            None => 0,
            Some(_) if self.single => 1,
            Some(_) => self.interior.len() + 2,
        }
    }

    /// Whether the path has no points.
    pub fn is_empty(&self) -> bool {
        self.ends.is_none()
    }

    /// Writes the points (degrees) into `out`, replacing its contents.
    pub fn write_to(&self, out: &mut Vec<LonLat>) {
        out.clear();
        let Some((a, b)) = self.ends else {
            return;
        };
        out.push(a);
        if self.single {
            return;
        }
        out.extend(
            self.interior
                .iter()
                .map(|&[lon, lat]| LonLat::new(f64::from(lon), f64::from(lat))),
        );
        out.push(b);
    }

    /// The points (degrees).
    pub fn to_vec(&self) -> Vec<LonLat> {
        let mut v = Vec::with_capacity(self.len());
        self.write_to(&mut v);
        v
    }
}

/// Normal of the plane of the great circle through `a` and `b` (not normalised).
pub(crate) fn plane_normal(a: LonLat, b: LonLat) -> [f64; 3] {
    cross(a.to_unit_vector(), b.to_unit_vector())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn new_york_london_distance() {
        // geo's own reference value on the mean-radius sphere.
        let d = distance_m(LonLat::new(-74.006, 40.7128), LonLat::new(-0.1278, 51.5074));
        assert!(close(d, 5_570_230.0, 1.0), "{d}");
    }

    #[test]
    fn qingdao_shimonoseki_distance() {
        // GeoNames seats: Qingdao 120.3804E 36.0649N, Shimonoseki 130.9371E 33.9555N.
        // Independent value: the spherical law of cosines at R = 6,371,008.8 m.
        let q = LonLat::new(120.3804, 36.0649);
        let s = LonLat::new(130.9371, 33.9555);
        let (p1, p2) = (q.lat.to_radians(), s.lat.to_radians());
        let dl = (s.lon - q.lon).to_radians();
        let c = (p1.sin() * p2.sin() + p1.cos() * p2.cos() * dl.cos()).acos();
        let expected = c * EARTH_RADIUS_M;
        let d = distance_m(q, s);
        assert!(close(d, expected, 0.5), "{d} vs {expected}");
        assert!(close(d / 1000.0, 989.1, 0.1), "about 989.1 km: {d}");
    }

    #[test]
    fn reference_midpoint() {
        // geo's test value for the midpoint of (10E, 20N)-(125E, 25N).
        let m = LonLat::from_point(Haversine.point_at_ratio_between(
            geo::Point::new(10.0, 20.0),
            geo::Point::new(125.0, 25.0),
            0.5,
        ));
        assert!(close(m.lon, 65.87394172511485, 1e-9) && close(m.lat, 37.61809316888599, 1e-9));
        // The densified path passes through it too: 200 equal steps put it on vertex 100.
        let (a, b) = (LonLat::new(10.0, 20.0), LonLat::new(125.0, 25.0));
        let path = great_circle(a, b, central_angle_deg(a, b) / 200.0 * 1.000_001);
        assert_eq!(path.len(), 201);
        let mid = path[100];
        assert!(close(mid.lon, 65.87394172511485, 1e-9), "{mid:?}");
        assert!(close(mid.lat, 37.61809316888599, 1e-9), "{mid:?}");
    }

    #[test]
    fn coincident_is_one_point() {
        let p = LonLat::new(120.0, 36.0);
        assert_eq!(great_circle(p, p, 1.0), vec![p]);
    }

    #[test]
    fn antipodal_goes_over_the_north_pole() {
        let a = LonLat::new(120.0, 36.0);
        let b = LonLat::new(-60.0, -36.0);
        let path = great_circle(a, b, 1.0);
        assert!(path.iter().all(|p| p.lon.is_finite() && p.lat.is_finite()));
        assert_eq!(path[0], a);
        assert_eq!(*path.last().unwrap(), b);
        let top = path.iter().map(|p| p.lat).fold(f64::MIN, f64::max);
        assert!(close(top, 90.0, 1.0), "reaches the pole: {top}");
        // From the pole itself.
        let pole = great_circle(LonLat::new(0.0, 90.0), LonLat::new(0.0, -90.0), 1.0);
        assert!(pole.iter().all(|p| p.lat.is_finite() && p.lon.is_finite()));
        assert!(pole.len() > 100);
    }

    #[test]
    fn dense_paths_keep_ends_exact_and_points_within_a_metre() {
        for (a, b) in [
            (
                LonLat::new(120.3804, 36.0649),
                LonLat::new(-121.4944, 38.5816),
            ),
            (LonLat::new(120.0, 36.0), LonLat::new(120.5, 36.0)),
            (LonLat::new(120.0, 36.0), LonLat::new(-60.0, -36.0)),
        ] {
            let full = great_circle(a, b, MAX_STEP_DEG);
            let dense = DensePath::new(&full);
            let back = dense.to_vec();
            assert_eq!(back.len(), full.len());
            assert_eq!(
                (back[0], back[back.len() - 1]),
                (full[0], full[full.len() - 1])
            );
            for (p, q) in back.iter().zip(&full) {
                assert!(distance_m(*p, *q) < 1.5, "{p:?} {q:?}");
            }
        }
        let p = LonLat::new(120.0, 36.0);
        assert_eq!(DensePath::new(&[p]).to_vec(), vec![p]);
        assert!(DensePath::new(&[]).is_empty());
    }

    #[test]
    fn step_count_follows_length() {
        let short = great_circle(LonLat::new(120.0, 36.0), LonLat::new(120.5, 36.0), 1.0);
        assert_eq!(short.len(), 2);
        let long = great_circle(LonLat::new(120.0, 36.0), LonLat::new(-118.0, 34.0), 1.0);
        let angle = central_angle_deg(LonLat::new(120.0, 36.0), LonLat::new(-118.0, 34.0));
        assert_eq!(long.len(), angle.ceil() as usize + 1);
    }
}
