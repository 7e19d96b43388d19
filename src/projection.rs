//! Map projections: pure raw functions (with inverses, for hit-testing) behind one trait, and a
//! [`Projector`] that rotates the world to the map's centre meridian first.
//!
//! Projected coordinates are unitless ("world units", radians-scale), y pointing north.

use crate::antimeridian::split;
use crate::globe::Globe;
use crate::lonlat::{wrap_lon, LonLat};

/// A raw projection of the sphere, centred on 0°E, 0°N.
pub trait RawProjection {
    /// Projects a position.
    ///
    /// # Units
    /// Radians in (`lon` in [-π, π], `lat` in [-π/2, π/2]), world units out.
    fn forward(&self, lon: f64, lat: f64) -> [f64; 2];
    /// The position of a projected point, or `None` outside the map.
    ///
    /// # Units
    /// World units in, radians out.
    fn inverse(&self, x: f64, y: f64) -> Option<(f64, f64)>;
    /// Which projection this is.
    fn kind(&self) -> ProjectionKind;
}

/// The projections the map offers. Their names (one table, [`ProjectionKind::NAMES`]) are the
/// values of the URL's `projection` key, the element's `projection` attribute and the API.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ProjectionKind {
    /// Natural Earth I, centred on the Pacific (the default).
    #[default]
    NaturalEarth,
    /// Plate carrée.
    Equirectangular,
    /// The orthographic globe, centred on Shandong.
    Globe,
}

impl ProjectionKind {
    /// Every projection with its name.
    pub const NAMES: [(ProjectionKind, &'static str); 3] = [
        (ProjectionKind::NaturalEarth, "naturalearth"),
        (ProjectionKind::Equirectangular, "equirectangular"),
        (ProjectionKind::Globe, "globe"),
    ];

    /// The name.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("naturalearth", |(_, n)| n)
    }

    /// A projection by name (the empty name is the default).
    pub fn from_name(name: &str) -> Option<Self> {
        if name.is_empty() {
            return Some(Self::default());
        }
        Self::NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(k, _)| *k)
    }
}

/// Natural Earth I (Šavrič, Jenny, Patterson, Petrovič and Hurni, 2011): a pseudo-cylindrical
/// compromise projection made for world maps. Its x grows linearly with longitude on each
/// parallel, which the basemap's seam handling relies on.
#[derive(Clone, Copy, Debug, Default)]
pub struct NaturalEarth1;

// The published polynomial coefficients.
const A0: f64 = 0.8707;
const A1: f64 = -0.131979;
const A2: f64 = -0.013791;
const A3: f64 = 0.003971;
const A4: f64 = -0.001529;
const B0: f64 = 1.007226;
const B1: f64 = 0.015085;
const B2: f64 = -0.044475;
const B3: f64 = 0.028874;
const B4: f64 = -0.005916;

impl NaturalEarth1 {
    fn y_of(phi: f64) -> f64 {
        let p2 = phi * phi;
        let p4 = p2 * p2;
        phi * (B0 + B1 * p2 + p4 * p2 * (B2 + B3 * p2 + B4 * p4))
    }
    fn dy_dphi(phi: f64) -> f64 {
        let p2 = phi * phi;
        let p4 = p2 * p2;
        B0 + 3.0 * B1 * p2 + p4 * p2 * (7.0 * B2 + 9.0 * B3 * p2 + 11.0 * B4 * p4)
    }
    fn x_factor(phi: f64) -> f64 {
        let p2 = phi * phi;
        let p4 = p2 * p2;
        A0 + A1 * p2 + p4 * (A2 + p4 * (A3 * p2 + A4 * p4))
    }
}

impl RawProjection for NaturalEarth1 {
    fn forward(&self, lon: f64, lat: f64) -> [f64; 2] {
        [lon * Self::x_factor(lat), Self::y_of(lat)]
    }

    fn inverse(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let y_max = Self::y_of(std::f64::consts::FRAC_PI_2);
        if y.abs() > y_max + 1e-9 {
            return None;
        }
        let mut phi = y / B0;
        for _ in 0..25 {
            let delta = (Self::y_of(phi) - y) / Self::dy_dphi(phi);
            phi -= delta;
            if delta.abs() < 1e-12 {
                break;
            }
        }
        let phi = crate::number::clamp(
            phi,
            -std::f64::consts::FRAC_PI_2,
            std::f64::consts::FRAC_PI_2,
        );
        let lon = x / Self::x_factor(phi);
        (lon.abs() <= std::f64::consts::PI + 1e-9).then_some((lon, phi))
    }

    fn kind(&self) -> ProjectionKind {
        ProjectionKind::NaturalEarth
    }
}

/// Plate carrée: x = λ, y = φ.
#[derive(Clone, Copy, Debug, Default)]
pub struct Equirectangular;

impl RawProjection for Equirectangular {
    fn forward(&self, lon: f64, lat: f64) -> [f64; 2] {
        [lon, lat]
    }
    fn inverse(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        use std::f64::consts::{FRAC_PI_2, PI};
        (x.abs() <= PI + 1e-9 && y.abs() <= FRAC_PI_2 + 1e-9).then_some((x, y))
    }
    fn kind(&self) -> ProjectionKind {
        ProjectionKind::Equirectangular
    }
}

/// A raw projection turned so that `center_lon` is the map's central meridian, or the globe
/// (orthographic, turned to any centre, clipped at the horizon).
#[derive(Clone)]
pub struct Projector {
    raw: std::rc::Rc<dyn RawProjection>,
    /// The central meridian, degrees. The map's seam is the meridian opposite.
    pub center_lon: f64,
    globe: Option<Globe>,
}

/// A point in world units, y north.
pub type Xy = [f64; 2];

impl Projector {
    /// A projector with the given raw projection and central meridian (degrees).
    pub fn new(raw: Box<dyn RawProjection>, center_lon: f64) -> Self {
        Self {
            raw: raw.into(),
            center_lon,
            globe: None,
        }
    }

    /// The globe, centred on `globe`'s centre.
    pub fn globe(globe: Globe) -> Self {
        Self {
            raw: std::rc::Rc::new(Equirectangular),
            center_lon: globe.center_lon,
            globe: Some(globe),
        }
    }

    /// The globe's view, when this is the globe.
    pub fn as_globe(&self) -> Option<&Globe> {
        self.globe.as_ref()
    }

    /// Which projection this is.
    pub fn kind(&self) -> ProjectionKind {
        if self.globe.is_some() {
            ProjectionKind::Globe
        } else {
            self.raw.kind()
        }
    }

    /// The projection's name (see [`ProjectionKind::NAMES`]).
    pub fn name(&self) -> &'static str {
        self.kind().name()
    }

    /// Longitude relative to the central meridian, wrapped into [-180, 180).
    pub fn rotate(&self, p: LonLat) -> LonLat {
        LonLat::new(wrap_lon(p.lon - self.center_lon), p.lat)
    }

    /// Projects a position that is already rotated (longitude relative to the centre, degrees;
    /// may lie beyond ±180 for the unwrapped basemap rings).
    pub fn project_rotated(&self, p: LonLat) -> Xy {
        self.raw.forward(p.lon.to_radians(), p.lat.to_radians())
    }

    /// Projects a geographic position (NaN on the globe's far side).
    pub fn project(&self, p: LonLat) -> Xy {
        match &self.globe {
            Some(g) => g.project(p).unwrap_or([f64::NAN, f64::NAN]),
            None => self.project_rotated(self.rotate(p)),
        }
    }

    /// The geographic position of a world point, or `None` off the map.
    pub fn invert(&self, xy: Xy) -> Option<LonLat> {
        if let Some(g) = &self.globe {
            return g.invert(xy);
        }
        let (lon, lat) = self.raw.inverse(xy[0], xy[1])?;
        Some(LonLat::new(
            wrap_lon(lon.to_degrees() + self.center_lon),
            lat.to_degrees(),
        ))
    }

    /// Projects a polyline, cut where it crosses the map's seam.
    pub fn project_line(&self, points: &[LonLat]) -> Vec<Vec<Xy>> {
        if let Some(g) = &self.globe {
            return g.project_line(points);
        }
        let rotated: Vec<LonLat> = points.iter().map(|p| self.rotate(*p)).collect();
        split(&rotated)
            .iter()
            .map(|piece| piece.iter().map(|p| self.project_rotated(*p)).collect())
            .collect()
    }

    /// The map's outline (the whole sphere) as a closed ring in world units.
    pub fn outline(&self) -> Vec<Xy> {
        if self.globe.is_some() {
            return (0..360)
                .map(|i| {
                    let (s, c) = f64::from(i).to_radians().sin_cos();
                    [c, s]
                })
                .collect();
        }
        let mut ring = Vec::with_capacity(4 * 181);
        for i in 0..=180 {
            ring.push(self.project_rotated(LonLat::new(180.0, -90.0 + i as f64)));
        }
        for i in 0..=180 {
            ring.push(self.project_rotated(LonLat::new(-180.0, 90.0 - i as f64)));
        }
        ring
    }

    /// The bounding box of the outline: `[min_x, min_y, max_x, max_y]` in world units.
    pub fn bounds(&self) -> [f64; 4] {
        let o = self.outline();
        let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for [x, y] in o {
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        }
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_earth_known_values() {
        let p = NaturalEarth1;
        assert_eq!(p.forward(0.0, 0.0), [0.0, 0.0]);
        let [x, _] = p.forward(std::f64::consts::PI, 0.0);
        assert!((x - std::f64::consts::PI * 0.8707).abs() < 1e-12);
        let [_, y] = p.forward(0.0, std::f64::consts::FRAC_PI_2);
        assert!((y - 1.4224).abs() < 1e-3, "{y}");
    }

    #[test]
    fn natural_earth_round_trips() {
        let p = NaturalEarth1;
        for lat in (-89..=89).step_by(7) {
            for lon in (-179..=179).step_by(11) {
                let (l, f) = (f64::from(lon).to_radians(), f64::from(lat).to_radians());
                let [x, y] = p.forward(l, f);
                let (l2, f2) = p.inverse(x, y).expect("on the map");
                assert!(
                    (l - l2).abs() < 1e-9 && (f - f2).abs() < 1e-9,
                    "{lon} {lat}"
                );
            }
        }
        assert!(p.inverse(3.0, 0.0).is_none());
        assert!(p.inverse(0.0, 1.6).is_none());
    }

    #[test]
    fn projector_centres_on_the_pacific() {
        let pr = Projector::new(Box::new(NaturalEarth1), 150.0);
        let [x, _] = pr.project(LonLat::new(150.0, 10.0));
        assert!(x.abs() < 1e-12);
        // Los Angeles lies east (right) of Qingdao, Berlin west (left).
        let qd = pr.project(LonLat::new(120.38, 36.06))[0];
        assert!(pr.project(LonLat::new(-118.24, 34.05))[0] > qd);
        assert!(pr.project(LonLat::new(13.4, 52.5))[0] < qd);
        let back = pr
            .invert(pr.project(LonLat::new(-118.24, 34.05)))
            .expect("inverts");
        assert!((back.lon + 118.24).abs() < 1e-9 && (back.lat - 34.05).abs() < 1e-9);
    }
}
