//! Invariants of the great-circle paths and antimeridian cuts over many random pairs.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use shandong_friendship_map::antimeridian::split;
use shandong_friendship_map::sphere::{central_angle_deg, great_circle, MAX_STEP_DEG};
use shandong_friendship_map::LonLat;

fn lonlat() -> impl Strategy<Value = LonLat> {
    (-180.0f64..180.0, -90.0f64..=90.0).prop_map(|(lon, lat)| LonLat::new(lon, lat))
}

fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn paths_are_total_and_exact_at_the_ends(a in lonlat(), b in lonlat()) {
        let path = great_circle(a, b, MAX_STEP_DEG);
        prop_assert!(!path.is_empty());
        prop_assert!(path.iter().all(|p| p.lon.is_finite() && p.lat.is_finite()));
        prop_assert!(path.iter().all(|p| (-180.0..180.0).contains(&p.lon) && p.lat.abs() <= 90.0));
        prop_assert_eq!(path[0].lat, a.lat);
        prop_assert_eq!(path[path.len() - 1].lat, b.lat);
        // Steps never exceed the maximum (plus rounding).
        for w in path.windows(2) {
            prop_assert!(central_angle_deg(w[0], w[1]) <= MAX_STEP_DEG * 1.0001);
        }
    }

    #[test]
    fn interior_points_lie_on_the_great_circle(a in lonlat(), b in lonlat()) {
        let angle = central_angle_deg(a, b);
        prop_assume!(angle > 0.01 && angle < 179.9);
        let path = great_circle(a, b, MAX_STEP_DEG);
        let ua = a.to_unit_vector();
        let ub = b.to_unit_vector();
        let n = [ua[1] * ub[2] - ua[2] * ub[1], ua[2] * ub[0] - ua[0] * ub[2], ua[0] * ub[1] - ua[1] * ub[0]];
        let len = dot(n, n).sqrt();
        for p in &path {
            // In the plane of the great circle...
            prop_assert!((dot(p.to_unit_vector(), n) / len).abs() < 1e-9);
            // ...and between the ends: d(a,p) + d(p,b) = d(a,b).
            let sum = central_angle_deg(a, *p) + central_angle_deg(*p, b);
            prop_assert!((sum - angle).abs() < 1e-6, "{} vs {}", sum, angle);
        }
    }

    #[test]
    fn antimeridian_pieces_meet_at_180(a in lonlat(), b in lonlat()) {
        let path = great_circle(a, b, MAX_STEP_DEG);
        let pieces = split(&path);
        for piece in &pieces {
            prop_assert!(piece.len() >= 2);
            for w in piece.windows(2) {
                prop_assert!((w[1].lon - w[0].lon).abs() <= 180.0);
            }
        }
        for w in pieces.windows(2) {
            let end = w[0][w[0].len() - 1];
            let start = w[1][0];
            prop_assert_eq!(end.lon.abs(), 180.0);
            prop_assert_eq!(start.lon, -end.lon);
            prop_assert!((end.lat - start.lat).abs() < 1e-12);
            prop_assert!(end.lat.is_finite());
        }
    }
}

#[test]
fn antipodal_pairs_are_defined() {
    for (lon, lat) in [
        (120.38, 36.06),
        (0.0, 0.0),
        (-75.0, -89.5),
        (179.9, 10.0),
        (10.0, 90.0),
    ] {
        let a = LonLat::new(lon, lat);
        let b = LonLat::new(lon + if lon > 0.0 { -180.0 } else { 180.0 }, -lat);
        let path = great_circle(a, b, MAX_STEP_DEG);
        assert!(path.len() > 150, "{a:?}");
        assert!(
            path.iter().all(|p| p.lon.is_finite() && p.lat.is_finite()),
            "{a:?}"
        );
        assert!(!split(&path).is_empty());
    }
}
