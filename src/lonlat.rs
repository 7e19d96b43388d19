//! Geographic coordinates: longitude and latitude in degrees (WGS 84 values on a sphere).

use serde::Serialize;

/// A position on the sphere.
///
/// # Units
/// `lon` and `lat` are decimal degrees; `lon` east positive, `lat` north positive.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LonLat {
    /// Longitude in degrees, east positive.
    pub lon: f64,
    /// Latitude in degrees, north positive, within [-90, 90].
    pub lat: f64,
}

impl LonLat {
    /// A position from longitude and latitude in degrees.
    pub const fn new(lon: f64, lat: f64) -> Self {
        Self { lon, lat }
    }

    /// The unit vector of this position (x towards 0°E on the equator, z towards the North Pole).
    pub fn to_unit_vector(self) -> [f64; 3] {
        let (sin_lat, cos_lat) = self.lat.to_radians().sin_cos();
        let (sin_lon, cos_lon) = self.lon.to_radians().sin_cos();
        [cos_lat * cos_lon, cos_lat * sin_lon, sin_lat]
    }

    /// The position of a (not necessarily normalised, non-zero) vector.
    pub fn from_vector(v: [f64; 3]) -> Self {
        let lat = v[2].atan2(v[0].hypot(v[1])).to_degrees();
        let lon = v[1].atan2(v[0]).to_degrees();
        Self { lon, lat }
    }

    /// This position as a `geo` point (x = lon, y = lat).
    pub fn to_point(self) -> geo::Point<f64> {
        geo::Point::new(self.lon, self.lat)
    }

    /// The position of a `geo` point (x = lon, y = lat).
    pub fn from_point(p: geo::Point<f64>) -> Self {
        Self::new(p.x(), p.y())
    }
}

/// Wraps a longitude in degrees into [-180, 180).
pub fn wrap_lon(lon: f64) -> f64 {
    let w = (lon + 180.0).rem_euclid(360.0) - 180.0;
    // rem_euclid can return 360.0 - tiny for tiny negatives, giving +180; keep the half-open range.
    if w >= 180.0 {
        w - 360.0
    } else {
        w
    }
}

/// Cross product of two 3-vectors.
pub(crate) fn cross(a: [f64; 3], b: [f64; 3]) -> [f64; 3] {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

/// Dot product of two 3-vectors.
pub(crate) fn dot(a: [f64; 3], b: [f64; 3]) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_lon_is_half_open() {
        assert_eq!(wrap_lon(180.0), -180.0);
        assert_eq!(wrap_lon(-180.0), -180.0);
        assert_eq!(wrap_lon(190.0), -170.0);
        assert_eq!(wrap_lon(-190.0), 170.0);
        assert_eq!(wrap_lon(540.0), -180.0);
        assert!((wrap_lon(-1e-20) - 0.0).abs() < 1e-12);
    }

    #[test]
    fn unit_vector_round_trip() {
        let p = LonLat::new(120.38, 36.06);
        let q = LonLat::from_vector(p.to_unit_vector());
        assert!((p.lon - q.lon).abs() < 1e-12 && (p.lat - q.lat).abs() < 1e-12);
    }
}
