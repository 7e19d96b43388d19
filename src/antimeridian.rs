//! Cutting polylines where they cross the antimeridian (±180°), at the great-circle crossing.
//!
//! The same cut serves any map centre: rotate longitudes by the centre first, then cut at ±180°.

use crate::lonlat::{cross, LonLat};
use crate::sphere::plane_normal;

/// Splits a polyline whose longitudes lie in [-180, 180] into pieces that never step across
/// the antimeridian.
///
/// Two consecutive points more than 180° of longitude apart are taken to cross ±180°; the
/// crossing latitude is where the great circle through them meets that meridian, and the
/// pieces end and start there, at +180 on the side of positive longitudes and -180 on the
/// other. Pieces with fewer than two distinct points are dropped.
///
/// # Units
/// Degrees in and out.
pub fn split(points: &[LonLat]) -> Vec<Vec<LonLat>> {
    let mut pieces = Vec::new();
    let mut current: Vec<LonLat> = Vec::new();
    for (i, &p) in points.iter().enumerate() {
        if i > 0 {
            let q = points[i - 1];
            if (p.lon - q.lon).abs() > 180.0 {
                let lat = crossing_lat(q, p);
                let side_q = if q.lon > 0.0 { 180.0 } else { -180.0 };
                current.push(LonLat::new(side_q, lat));
                push_piece(&mut pieces, std::mem::take(&mut current));
                current.push(LonLat::new(-side_q, lat));
            }
        }
        current.push(p);
    }
    push_piece(&mut pieces, current);
    pieces
}

fn push_piece(pieces: &mut Vec<Vec<LonLat>>, piece: Vec<LonLat>) {
    if piece.len() >= 2 && piece.iter().any(|p| *p != piece[0]) {
        pieces.push(piece);
    }
}

/// Latitude (degrees) at which the great circle through `a` and `b` crosses the 180° meridian
/// between them. Falls back to the mean latitude when the points are (nearly) coincident or
/// their great circle is a meridian.
pub fn crossing_lat(a: LonLat, b: LonLat) -> f64 {
    let n = plane_normal(a, b);
    // The 0°/180° meridian plane has normal e_y; its line with the great circle's plane is n × e_y.
    let d = cross(n, [0.0, 1.0, 0.0]);
    let horizontal = d[0].abs();
    if horizontal < 1e-12 && d[2].abs() < 1e-12 {
        return (a.lat + b.lat) / 2.0;
    }
    // Of the two directions ±d, take the one on the 180° side (x < 0).
    let (x, z) = if d[0] <= 0.0 {
        (d[0], d[2])
    } else {
        (-d[0], -d[2])
    };
    z.atan2(-x).to_degrees()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sphere::{great_circle, MAX_STEP_DEG};

    #[test]
    fn tokyo_san_francisco_is_cut_once() {
        let path = great_circle(LonLat::new(139.69, 35.69), LonLat::new(-122.42, 37.77), 1.0);
        let pieces = split(&path);
        assert_eq!(pieces.len(), 2);
        let end = *pieces[0].last().unwrap();
        let start = pieces[1][0];
        assert_eq!(end.lon, 180.0);
        assert_eq!(start.lon, -180.0);
        assert_eq!(end.lat, start.lat);
        // The crossing lies north of both ends (great circles bulge poleward).
        assert!(end.lat > 37.77, "{}", end.lat);
    }

    #[test]
    fn no_cut_without_crossing() {
        let path = great_circle(
            LonLat::new(120.38, 36.06),
            LonLat::new(130.94, 33.96),
            MAX_STEP_DEG,
        );
        assert_eq!(split(&path), vec![path.clone()]);
    }

    #[test]
    fn crossing_latitude_on_equator() {
        assert!((crossing_lat(LonLat::new(170.0, 0.0), LonLat::new(-170.0, 0.0))).abs() < 1e-9);
        // Symmetric points: crossing at their common latitude's great-circle apex, above it.
        let lat = crossing_lat(LonLat::new(170.0, 40.0), LonLat::new(-170.0, 40.0));
        assert!(lat > 40.0 && lat < 41.0, "{lat}");
    }
}
