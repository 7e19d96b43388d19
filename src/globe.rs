//! The globe: an orthographic view of the sphere turned to any centre, with lines and polygons
//! clipped at the horizon (the great circle 90° from the centre).
//!
//! Positions are rotated as unit vectors so that the centre lies on +x; a point is visible when
//! its x is positive, and projects to (y, z).

use crate::lonlat::LonLat;

/// A view direction: the geographic point at the centre of the globe.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Globe {
    /// Centre longitude, degrees.
    pub center_lon: f64,
    /// Centre latitude, degrees.
    pub center_lat: f64,
}

/// A point in world units of the globe (the unit disk), y north.
pub type Xy = [f64; 2];

impl Globe {
    /// Rotates a position so that the centre is +x: returns the unit vector in view space.
    pub fn rotate(&self, p: LonLat) -> [f64; 3] {
        let v = LonLat::new(p.lon - self.center_lon, p.lat).to_unit_vector();
        let (s, c) = self.center_lat.to_radians().sin_cos();
        [v[0] * c + v[2] * s, v[1], -v[0] * s + v[2] * c]
    }

    /// The inverse of [`Globe::rotate`].
    pub fn unrotate(&self, v: [f64; 3]) -> LonLat {
        let (s, c) = self.center_lat.to_radians().sin_cos();
        let w = [v[0] * c - v[2] * s, v[1], v[0] * s + v[2] * c];
        let p = LonLat::from_vector(w);
        LonLat::new(crate::lonlat::wrap_lon(p.lon + self.center_lon), p.lat)
    }

    /// The projected point of a view-space vector (orthographic: drop x).
    pub fn xy(v: [f64; 3]) -> Xy {
        [v[1], v[2]]
    }

    /// The geographic position under a world point, if it is on the disk.
    pub fn invert(&self, xy: Xy) -> Option<LonLat> {
        let r2 = xy[0] * xy[0] + xy[1] * xy[1];
        (r2 <= 1.0).then(|| self.unrotate([(1.0 - r2).sqrt(), xy[0], xy[1]]))
    }

    /// Projects a position; hidden ones (behind the horizon) are `None`.
    pub fn project(&self, p: LonLat) -> Option<Xy> {
        let v = self.rotate(p);
        (v[0] >= 0.0).then(|| Self::xy(v))
    }

    /// Projects a polyline, cut where it passes behind the horizon; each visible run becomes a
    /// piece, ending exactly on the horizon where it was cut.
    pub fn project_line(&self, points: &[LonLat]) -> Vec<Vec<Xy>> {
        let mut pieces = Vec::new();
        let mut current: Vec<Xy> = Vec::new();
        let mut prev: Option<[f64; 3]> = None;
        for p in points {
            let v = self.rotate(*p);
            if let Some(u) = prev {
                if (u[0] >= 0.0) != (v[0] >= 0.0) {
                    let h = horizon_crossing(u, v);
                    current.push(Self::xy(h));
                    if v[0] < 0.0 {
                        pieces.push(std::mem::take(&mut current));
                    }
                }
            }
            if v[0] >= 0.0 {
                current.push(Self::xy(v));
            }
            prev = Some(v);
        }
        pieces.push(current);
        pieces.retain(|p| p.len() >= 2);
        pieces
    }

    /// Clips a closed ring to the visible hemisphere: the kept part, with the cut closed along
    /// the horizon (the shorter way round, right for areas smaller than a hemisphere).
    pub fn clip_ring(&self, ring: &[LonLat]) -> Vec<Xy> {
        let n = ring.len();
        if n < 3 {
            return Vec::new();
        }
        let vs: Vec<[f64; 3]> = ring.iter().map(|p| self.rotate(*p)).collect();
        let mut out: Vec<[f64; 3]> = Vec::new();
        let mut exit: Option<[f64; 3]> = None;
        for i in 0..n {
            let (u, v) = (vs[i], vs[(i + 1) % n]);
            let (iu, iv) = (u[0] >= 0.0, v[0] >= 0.0);
            if iu {
                out.push(u);
            }
            if iu != iv {
                let h = horizon_crossing(u, v);
                if iu {
                    out.push(h);
                    exit = Some(h);
                } else {
                    if let Some(e) = exit.take() {
                        out.extend(horizon_arc(e, h));
                    } else {
                        // Entering before any exit: remember to close from the last exit.
                        out.push([f64::NAN, 0.0, 0.0]);
                    }
                    out.push(h);
                }
            }
        }
        // A ring that entered before it first left closes from its final exit.
        if let Some(k) = out.iter().position(|v| v[0].is_nan()) {
            let entry = out.get(k + 1).copied();
            let arc = match (exit, entry) {
                (Some(e), Some(h)) => horizon_arc(e, h),
                _ => Vec::new(),
            };
            out.splice(k..=k, arc);
        }
        if out.is_empty() {
            // Wholly hidden, or a ring around the whole visible disk (e.g. seen from inside).
            return Vec::new();
        }
        out.iter().map(|v| Self::xy(*v)).collect()
    }
}

/// Where the great circle through `u` and `v` (one visible, one not) meets the horizon.
fn horizon_crossing(u: [f64; 3], v: [f64; 3]) -> [f64; 3] {
    let t = u[0] / (u[0] - v[0]);
    let q = [0.0, u[1] + t * (v[1] - u[1]), u[2] + t * (v[2] - u[2])];
    let len = (q[1] * q[1] + q[2] * q[2]).sqrt();
    if len < 1e-12 {
        return [0.0, 1.0, 0.0];
    }
    [0.0, q[1] / len, q[2] / len]
}

/// Points along the horizon from `a` to `b` (both on it), the shorter way, every 2°.
fn horizon_arc(a: [f64; 3], b: [f64; 3]) -> Vec<[f64; 3]> {
    let (ta, tb) = (a[2].atan2(a[1]), b[2].atan2(b[1]));
    let mut d = tb - ta;
    while d > std::f64::consts::PI {
        d -= std::f64::consts::TAU;
    }
    while d < -std::f64::consts::PI {
        d += std::f64::consts::TAU;
    }
    let steps = (d.abs().to_degrees() / 2.0).ceil() as usize;
    (1..steps)
        .map(|i| {
            let t = ta + d * i as f64 / steps as f64;
            [0.0, t.cos(), t.sin()]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHANDONG: Globe = Globe {
        center_lon: 118.0,
        center_lat: 36.0,
    };

    #[test]
    fn the_centre_projects_to_the_origin_and_round_trips() {
        let c = SHANDONG.project(LonLat::new(118.0, 36.0)).expect("visible");
        assert!(c[0].abs() < 1e-12 && c[1].abs() < 1e-12);
        let p = LonLat::new(139.69, 35.69);
        let back = SHANDONG
            .invert(SHANDONG.project(p).expect("Tokyo is visible"))
            .expect("on disk");
        assert!((back.lon - p.lon).abs() < 1e-9 && (back.lat - p.lat).abs() < 1e-9);
        // The antipode of Shandong is hidden.
        assert!(SHANDONG.project(LonLat::new(-62.0, -36.0)).is_none());
    }

    #[test]
    fn lines_end_on_the_horizon() {
        let path =
            crate::sphere::great_circle(LonLat::new(120.38, 36.06), LonLat::new(-43.2, -22.9), 1.0);
        let pieces = SHANDONG.project_line(&path);
        assert_eq!(pieces.len(), 1);
        let end = pieces[0][pieces[0].len() - 1];
        assert!(
            ((end[0] * end[0] + end[1] * end[1]).sqrt() - 1.0).abs() < 1e-9,
            "ends on the unit circle"
        );
        assert!(pieces[0]
            .iter()
            .all(|p| p[0] * p[0] + p[1] * p[1] <= 1.0 + 1e-9));
    }

    #[test]
    fn clipped_rings_stay_on_the_disk() {
        // A big square straddling the horizon east of the centre.
        let ring: Vec<LonLat> = (0..=40)
            .map(|i| LonLat::new(180.0 + f64::from(i), 10.0))
            .chain((0..=40).map(|i| LonLat::new(220.0 - f64::from(i), 50.0)))
            .collect();
        let clipped = SHANDONG.clip_ring(&ring);
        assert!(clipped.len() > 10);
        assert!(clipped
            .iter()
            .all(|p| p[0].is_finite() && p[0] * p[0] + p[1] * p[1] <= 1.0 + 1e-9));
        // A ring wholly behind gives nothing.
        let hidden: Vec<LonLat> = (0..10)
            .map(|i| LonLat::new(-62.0 + f64::from(i), -36.0))
            .collect();
        assert!(SHANDONG.clip_ring(&hidden).is_empty());
    }
}
