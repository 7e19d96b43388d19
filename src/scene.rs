//! Scene building: the world layers of the map (ocean, graticule, land, borders, links) in
//! world units, built once per dataset, projection and selection; markers per frame (in world
//! units with a version that changes only with what they show, so that they move with the
//! picture of a pan).

use crate::basemap::Basemap;

use crate::display_list::{Layer, PathEl, Space};
use crate::graticule::graticule_lines;
use crate::lonlat::{wrap_lon, LonLat};
use crate::projection::{Projector, Xy};
use crate::style;
use std::rc::Rc;

pub use crate::link_geometry::{LinkGeometry, Piece};
pub use crate::link_layers::{
    add_tie, link_layers, partial_layer, tie_layer, ties_layer, DENSE_LINKS,
};

/// ISO 3166-1 numeric code of China, whose land is emphasised.
const CHINA_NUMERIC: u16 = 156;
/// Areas drawn as part of China in China's worldview: Taiwan (158), and Hong Kong (344) and
/// Macao (446) where the basemap has them apart.
const CHINA_PARTS: [u16; 3] = [158, 344, 446];

/// How the basemap is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BasemapStyle {
    /// Natural Earth's countries with their borders (de-facto boundaries).
    #[default]
    Countries,
    /// Land and coastlines only, no national or administrative boundaries: the style for pages
    /// published in China without a map review number.
    Land,
    /// Borders as China's official maps show them, as far as the data allows: Taiwan (and Hong
    /// Kong and Macao, where separate) drawn as part of China, with no border between them.
    /// Natural Earth has no lines for China's claims on its land borders (e.g. with India), so
    /// those stay as in the data: prefer `Land` where that matters.
    China,
}

impl BasemapStyle {
    /// A style by name (`countries`, `land`, `china`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "countries" | "" => Some(Self::Countries),
            "land" => Some(Self::Land),
            "china" => Some(Self::China),
            _ => None,
        }
    }
}

/// The static part of the map for one projection: basemap and graticule.
#[derive(Clone, Debug)]
pub struct BaseLayers {
    /// The sphere's outline, filled as ocean; also the clip for land.
    pub outline: Rc<Layer>,
    /// Meridians and parallels.
    pub graticule: Rc<Layer>,
    /// All land but China.
    pub land: Rc<Layer>,
    /// China's land.
    pub land_china: Rc<Layer>,
    /// Land borders.
    pub borders: Rc<Layer>,
    /// Coastlines.
    pub coast: Rc<Layer>,
}

/// Builds the basemap layers for a projection. `version` tags the layers for caching.
pub fn base_layers(
    basemap: &Basemap,
    projector: &Projector,
    style: BasemapStyle,
    version: u64,
) -> BaseLayers {
    let is_china =
        |n: u16| n == CHINA_NUMERIC || (style == BasemapStyle::China && CHINA_PARTS.contains(&n));
    let mut outline = Layer::new("outline", version, Space::World, style::ocean());
    outline.ring(&projector.outline());

    let mut graticule = Layer::new("graticule", version, Space::World, style::graticule());
    if projector.as_globe().is_some() {
        // On the globe the lines are cut at the horizon: project them as geography.
        for line in graticule_lines(0.0, 30.0) {
            for piece in projector.project_line(&line) {
                graticule.polyline(&piece);
            }
        }
    } else {
        for line in graticule_lines(projector.center_lon, 30.0) {
            let pts: Vec<Xy> = line.iter().map(|p| projector.project_rotated(*p)).collect();
            graticule.polyline(&pts);
        }
    }

    let mut land = Layer::new("land", version, Space::World, style::land());
    let mut land_china = Layer::new("land.china", version, Space::World, style::land_china());
    for country in &basemap.countries {
        let target = if is_china(country.numeric) && style != BasemapStyle::Land {
            &mut land_china
        } else {
            &mut land
        };
        for ring in country.polygons.iter().flatten() {
            fill_ring(target, &basemap.ring_points(ring), projector);
        }
    }

    let mut borders = Layer::new("borders", version, Space::World, style::borders());
    let mut coast = Layer::new("coast", version, Space::World, style::coast());
    let owners = arc_owners(basemap, |n| if is_china(n) { CHINA_NUMERIC } else { n });
    for (arc, owners) in basemap.arcs.iter().zip(owners) {
        let target = match owners {
            Owners::One => &mut coast,
            Owners::Two if style == BasemapStyle::Land => continue,
            Owners::Two => &mut borders,
            Owners::Same => continue,
        };
        for piece in drop_antimeridian_edges(arc) {
            for line in projector.project_line(&piece) {
                target.polyline(&line);
            }
        }
    }
    BaseLayers {
        outline: Rc::new(outline),
        graticule: Rc::new(graticule),
        land: Rc::new(land),
        land_china: Rc::new(land_china),
        borders: Rc::new(borders),
        coast: Rc::new(coast),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Owners {
    /// Used by one country once: a coastline.
    One,
    /// Shared by two different countries: a border.
    Two,
    /// Used twice by the same country (a cut in its own polygons): drawn as neither.
    Same,
}

/// Classifies arcs by the countries using them, with countries identified by `id(numeric)` (so
/// areas merged into one country share no border).
fn arc_owners(basemap: &Basemap, id: impl Fn(u16) -> u16) -> Vec<Owners> {
    let mut first: Vec<Option<(u16, usize)>> = vec![None; basemap.arcs.len()];
    let mut owners = vec![Owners::One; basemap.arcs.len()];
    for (ci, c) in basemap.countries.iter().enumerate() {
        // Countries without a code (Kosovo, N. Cyprus...) are told apart by their position.
        let who = (id(c.numeric), if c.numeric == 0 { ci } else { 0 });
        for ring in c.polygons.iter().flatten() {
            for &a in ring {
                let idx = if a < 0 { !a } else { a } as usize;
                match first[idx] {
                    None => first[idx] = Some(who),
                    Some(f) if f == who => owners[idx] = Owners::Same,
                    Some(_) => owners[idx] = Owners::Two,
                }
            }
        }
    }
    owners
}

/// Natural Earth cuts land at ±180°; those cut edges are not coastlines. Splits an arc where it
/// runs along the antimeridian.
fn drop_antimeridian_edges(arc: &[LonLat]) -> Vec<Vec<LonLat>> {
    let on_cut = |a: LonLat, b: LonLat| a.lon.abs() >= 179.999 && b.lon.abs() >= 179.999;
    let mut pieces = vec![Vec::new()];
    for (i, &p) in arc.iter().enumerate() {
        if i > 0 && on_cut(arc[i - 1], p) {
            pieces.push(Vec::new());
        }
        if let Some(last) = pieces.last_mut() {
            last.push(p);
        }
    }
    pieces.retain(|p| p.len() >= 2);
    pieces
}

/// Adds a filled ring to a layer without cutting it at the map's seam: longitudes are unwrapped
/// to run continuously (beyond ±180° where needed), the ring is drawn again shifted by 360° on
/// the side it overflows, and the frame clips land to the outline. This is exact for projections
/// whose x is linear in longitude on each parallel (Natural Earth, equirectangular).
fn fill_ring(layer: &mut Layer, ring: &[LonLat], projector: &Projector) {
    if ring.len() < 3 {
        return;
    }
    if let Some(g) = projector.as_globe() {
        layer.ring(&g.clip_ring(ring));
        return;
    }
    let mut unwrapped: Vec<LonLat> = Vec::with_capacity(ring.len() + 2);
    let mut prev = projector.rotate(ring[0]);
    unwrapped.push(prev);
    for p in &ring[1..] {
        let r = projector.rotate(*p);
        let lon = prev.lon + wrap_lon(r.lon - prev.lon);
        prev = LonLat::new(lon, r.lat);
        unwrapped.push(prev);
    }
    let first = unwrapped[0];
    let last = unwrapped[unwrapped.len() - 1];
    if (last.lon - first.lon).abs() > 180.0 {
        // The ring winds around a pole: close it along that pole.
        let mean_lat = ring.iter().map(|p| p.lat).sum::<f64>() / ring.len() as f64;
        let pole = if mean_lat < 0.0 { -90.0 } else { 90.0 };
        unwrapped.push(LonLat::new(last.lon, pole));
        unwrapped.push(LonLat::new(first.lon, pole));
    }
    let min = unwrapped.iter().map(|p| p.lon).fold(f64::MAX, f64::min);
    let max = unwrapped.iter().map(|p| p.lon).fold(f64::MIN, f64::max);
    let mut offsets = vec![0.0];
    if max > 180.0 {
        offsets.push(-360.0);
    }
    if min < -180.0 {
        offsets.push(360.0);
    }
    for off in offsets {
        let pts: Vec<Xy> = unwrapped
            .iter()
            .map(|p| projector.project_rotated(LonLat::new(p.lon + off, p.lat)))
            .collect();
        layer.ring(&pts);
    }
}

/// Circle markers at world points, as a world-space layer: drawn with the links' picture, so a
/// pan moves them instead of drawing them again. `radius_px` is in CSS px at `scale` (CSS px per
/// world unit); the layer's version is a hash of everything it draws (points, radius, scale,
/// stroke width), never 0, so it changes exactly when the layer does.
pub fn world_markers(
    name: &'static str,
    style: style::Style,
    points: impl Iterator<Item = Xy>,
    radius_px: f64,
    scale: f64,
) -> Layer {
    let mut path = Vec::new();
    if radius_px > 0.0 {
        path.extend(points.map(|p| PathEl::Circle(p, radius_px)));
    }
    // FNV-1a over the bits of what is drawn.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |v: u64| {
        h ^= v;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    for v in [radius_px, scale, style.width_px] {
        mix(v.to_bits());
    }
    for el in &path {
        if let PathEl::Circle([x, y], _) = el {
            mix(x.to_bits());
            mix(y.to_bits());
        }
    }
    mix(path.len() as u64);
    let mut layer = Layer::new(name, h | 1, Space::World, style);
    layer.path = path;
    layer
}

/// Screen-space circle markers at world points.
pub fn markers(
    name: &'static str,
    style: style::Style,
    points: impl Iterator<Item = Xy>,
    radius_px: f64,
    viewport: &crate::viewport::Viewport,
) -> Layer {
    let mut layer = Layer::new(name, 0, Space::Screen, style);
    if radius_px <= 0.0 {
        return layer;
    }
    let (w, h) = (viewport.width, viewport.height);
    for p in points {
        let s = viewport.to_screen(p);
        if s[0] >= -radius_px
            && s[1] >= -radius_px
            && s[0] <= w + radius_px
            && s[1] <= h + radius_px
        {
            layer.path.push(PathEl::Circle(s, radius_px));
        }
    }
    layer
}
