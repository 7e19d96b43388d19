//! The Shandong close-up (inset): at world zooms the province's 17 origins fall within a few
//! pixels, so a box in a corner shows them apart, in screen space: the coast (no boundaries),
//! the 16 cities' markers sized by their shown ties, short stubs of their links leaving towards
//! the partners, their names and counts placed without overlap, and the province's own count as
//! a title. A click in it selects a city ([`Closeup::hit`]).

pub mod coast;
pub mod corner;
mod draw;

use crate::data::Kind;
use crate::display_list::Item;
use crate::label::{Rect, TextMeasure};
use crate::lonlat::LonLat;
use crate::projection::Xy;
pub use corner::{choose_corner, Corner, InsetPlacement};
use geo::{Bearing, Haversine};
use std::rc::Rc;

/// The area the close-up shows, `[west, south, east, north]` in degrees: the 16 cities' seats
/// with a margin for their markers and names (tighter than the coast data's box, which the
/// frame clips, so the cities stand as far apart as the box allows).
const VIEW: [f64; 4] = [114.85, 34.3, 122.8, 38.1];
/// Latitude (degrees) whose parallel keeps its length: the middle of Shandong.
const MID_LAT_DEG: f64 = 36.3;
/// Padding inside the frame, CSS px at scale 1.
const PAD_PX: f64 = 6.0;
/// Length of a link stub beyond its marker, CSS px at scale 1.
const STUB_PX: f64 = 8.0;
/// How far outside a marker a click still selects it, CSS px at scale 1.
const SLOP_PX: f64 = 4.0;

/// The direction of one shown link at its Shandong end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stub {
    /// Initial great-circle bearing towards the partner, degrees clockwise from north
    /// ([`initial_bearing_deg`]).
    pub bearing_deg: f64,
    /// Sister (solid orange) or friendly (dashed blue).
    pub kind: Kind,
}

/// One origin of links as the close-up shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct CloseupOrigin {
    /// Its index in the dataset's origins: what [`Closeup::hit`] returns.
    pub index: usize,
    /// The seat's position.
    pub at: LonLat,
    /// Its name in the page's language, as short as reads well (`青岛`, `Qingdao`).
    pub name: Rc<str>,
    /// How many of its ties are shown.
    pub count: u32,
    /// The province's own ties: named in the title with its count, with no marker or stubs.
    pub province: bool,
    /// Drawn emphasised (the selected city; in presenter mode, the cities of the year's ties).
    pub emphasised: bool,
    /// Its shown links' directions (repeated directions are drawn once).
    pub stubs: Vec<Stub>,
}

/// The initial great-circle bearing from `from` to `to`, degrees clockwise from north in
/// [0, 360) (on the sphere, as the links are drawn).
pub fn initial_bearing_deg(from: LonLat, to: LonLat) -> f64 {
    Haversine.bearing(from.to_point(), to.to_point())
}

/// A close-up's size for a view: 30 % of its width within 240–380 px (times `scale`),
/// with the height of the box's aspect. `None` when the view is too small to spare it
/// (narrower than 2.6 widths or lower than 2 heights, e.g. a phone).
///
/// # Units
/// CSS pixels; `scale` as from `crate::style::presenter_scale`.
pub fn default_size(viewport_px: [f64; 2], scale: f64) -> Option<[f64; 2]> {
    let width = crate::number::clamp(0.3 * viewport_px[0], 240.0 * scale, 380.0 * scale);
    let pad = 2.0 * PAD_PX * scale;
    let aspect = (VIEW[3] - VIEW[1]) / ((VIEW[2] - VIEW[0]) * MID_LAT_DEG.to_radians().cos());
    let size = [width, (width - pad) * aspect + pad];
    (viewport_px[0] >= 2.6 * size[0] && viewport_px[1] >= 2.0 * size[1]).then_some(size)
}

/// A laid-out close-up: its display items and what lies where, for hit-testing.
#[derive(Clone, Debug)]
pub struct Closeup {
    /// The frame, CSS px.
    pub rect: Rect,
    /// Top-left of the box's area and CSS px per degree of latitude.
    origin: Xy,
    px_per_deg: f64,
    /// The size factor it was laid out with.
    scale: f64,
    /// Per drawn city: origin index, marker centre and radius.
    markers: Vec<(usize, Xy, f64)>,
    /// Per placed label or title: origin index and box.
    boxes: Vec<(usize, Rect)>,
    items: Vec<Item>,
}

impl Closeup {
    /// Lays out a close-up in `rect` (CSS px) for `origins`, with label widths from `measure`
    /// and every size multiplied by `scale` (1, or `crate::style::presenter_scale`).
    pub fn new(
        rect: Rect,
        origins: &[CloseupOrigin],
        measure: &dyn TextMeasure,
        scale: f64,
    ) -> Self {
        let pad = PAD_PX * scale;
        let inner = [rect.width() - 2.0 * pad, rect.height() - 2.0 * pad];
        let kx = MID_LAT_DEG.to_radians().cos();
        let box_deg = [(VIEW[2] - VIEW[0]) * kx, VIEW[3] - VIEW[1]];
        let px_per_deg = (inner[0] / box_deg[0]).min(inner[1] / box_deg[1]).max(0.0);
        let origin = [
            rect.min[0] + pad + (inner[0] - px_per_deg * box_deg[0]) / 2.0,
            rect.min[1] + pad + (inner[1] - px_per_deg * box_deg[1]) / 2.0,
        ];
        let mut inset = Self {
            rect,
            origin,
            px_per_deg,
            scale,
            markers: Vec::new(),
            boxes: Vec::new(),
            items: Vec::new(),
        };
        inset.build(origins, measure);
        inset
    }

    /// The screen position (CSS px) of a place in the close-up.
    pub fn project(&self, p: LonLat) -> Xy {
        let kx = MID_LAT_DEG.to_radians().cos();
        [
            self.origin[0] + (p.lon - VIEW[0]) * kx * self.px_per_deg,
            self.origin[1] + (VIEW[3] - p.lat) * self.px_per_deg,
        ]
    }

    /// What to draw, in order (screen space), to append to a frame after the map's own items.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Whether a screen point (CSS px) is on the close-up (a click there is the inset's, not
    /// the map's).
    pub fn contains(&self, p: Xy) -> bool {
        self.rect.contains(p)
    }

    /// The origin under a screen point (CSS px): the nearest city marker within a few pixels,
    /// else a city's label, else the title (the province); `None` elsewhere.
    pub fn hit(&self, p: Xy) -> Option<usize> {
        if !self.contains(p) {
            return None;
        }
        let slop = SLOP_PX * self.scale;
        let near = self
            .markers
            .iter()
            .map(|&(i, at, r)| (i, (at[0] - p[0]).hypot(at[1] - p[1]) - r))
            .filter(|&(_, d)| d <= slop)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        near.map(|(i, _)| i).or_else(|| {
            self.boxes
                .iter()
                .find(|(_, b)| b.contains(p))
                .map(|&(i, _)| i)
        })
    }
}
