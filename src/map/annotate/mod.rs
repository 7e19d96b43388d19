//! Names on the map for one view, placed without overlap by [`crate::label`] in a
//! cartographer's order, at every zoom:
//!
//! 1. what the reader pointed at or asked for, by priority: the hovered partner, the selected
//!    city's partners, the searched ones, the playback's new and lingering ones; then Shandong
//!    (its cities one by one once they stand apart, else one name, and the close-up,
//!    [`super::closeup`], tells them apart) (`shandong.rs`);
//! 2. the countries whose places lie in the Shandong cluster (South Korea and Japan at world
//!    zooms), named with their counts outside it, with a leader line (`cluster.rs`);
//! 3. countries with their counts where their partners are too dense to be named one by one:
//!    those with two or more partners whose names find no room in a trial (`countries.rs`);
//! 4. partners by weight: ties at the place, then province level, then distance from the
//!    names already placed, wherever they fit, up to a budget that grows with the map's size
//!    on screen and the square of the zoom: about 16 names at 1280×720 and 5 on a phone at the
//!    world view, every name that fits from about zoom 2.5 on (`partners.rs`).
//!
//! The stages run in `names.rs`. The page's reserved boxes and the close-up are kept free;
//! markers are never covered. Counts are of the ties shown (filters apply), names are in the
//! page's language.

mod cluster;
mod countries;
mod names;
mod partners;
mod shandong;

use super::origins::Markers;
use crate::data::Dataset;
use crate::display_list::{Item, Layer, Space, TextLayer};
use crate::hit::Hit;
use crate::label::{text_layer, Candidate, Placed, Rect, Segment, TextMeasure};
use crate::lonlat::LonLat;
use crate::projection::Projector;
use crate::scene::LinkGeometry;
use crate::style::{self, TextStyle};
use crate::viewport::Viewport;
use names::Names;
use std::collections::HashMap;
use std::rc::Rc;

pub use crate::lang::Lang;

pub use countries::country_slots;
pub use shandong::{crowded, shandong_spots, CROWDED_PX};

/// Priority tiers (higher is placed first).
const HOVERED: f64 = 100_000.0;
const SELECTED: f64 = 80_000.0;
const FOCUSED: f64 = 70_000.0;
const NEW: f64 = 60_000.0;
const LINGERING: f64 = 50_000.0;
const SHANDONG: f64 = 40_000.0;
const COUNTRY: f64 = 20_000.0;

/// What the annotation of a view needs to know.
pub struct Scene<'a> {
    /// The data shown.
    pub dataset: &'a Dataset,
    /// Projected positions.
    pub geometry: &'a LinkGeometry,
    /// Which ties are shown.
    pub shown: &'a [bool],
    /// Which origins have a marker.
    pub cities_shown: &'a [bool],
    /// Origins sharing a marker.
    pub markers: &'a Markers,
    /// Per tie, its country's slot ([`country_slots`]).
    pub country_slots: &'a [u16],
    /// The camera.
    pub viewport: &'a Viewport,
    /// Marker radii as drawn (partner, city), CSS px; 0 when not drawn.
    pub radii: (f64, f64),
    /// The picture's scale (1, or the presenter scale).
    pub scale: f64,
    /// The language of the names.
    pub lang: Lang,
    /// Text widths.
    pub measure: &'a dyn TextMeasure,
    /// The selected origin.
    pub selected: Option<usize>,
    /// The hover target.
    pub hover: Option<Hit>,
    /// Ties highlighted by a search.
    pub focus: &'a [usize],
    /// The playback step's new ties.
    pub new_ties: &'a [usize],
    /// Ties new a little earlier in the playback, still named (with their age, ms).
    pub lingering: &'a [(usize, f64)],
    /// Boxes the page keeps for its own (buttons, legend, caption) and the close-up, CSS px.
    pub reserved: &'a [Rect],
    /// The projection (for places given as positions).
    pub projector: &'a Projector,
    /// Where each country's name goes, by ISO numeric code.
    pub country_points: &'a HashMap<u16, LonLat>,
}

/// What a label names: each kind is one text layer, in this painting order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Country,
    Partner,
    /// An emphasised partner: hovered, of the selected city, searched, new in the playback.
    New,
    City,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Country, Kind::Partner, Kind::New, Kind::City];

    fn layer(self) -> &'static str {
        match self {
            Kind::Country => "labels.country",
            Kind::Partner => "labels.partner",
            Kind::New => "labels.new",
            Kind::City => "labels.city",
        }
    }

    fn style(self) -> TextStyle {
        match self {
            Kind::Country => style::label_country(),
            Kind::Partner => style::label_partner(),
            Kind::New => style::label_new(),
            Kind::City => style::label_city(),
        }
    }
}

/// A name to place, with its kind.
struct Named {
    candidate: Candidate,
    kind: Kind,
}

fn name(lang: Lang, zh: &str, en: &str) -> Rc<str> {
    Rc::from(match lang {
        Lang::Zh if !zh.is_empty() => zh,
        _ => en,
    })
}

/// The frame's labels (text items, one layer per style, and the leader lines) and the boxes
/// they take.
pub fn labels(s: &Scene) -> (Vec<Item>, Vec<Rect>) {
    let [w, h] = [s.viewport.width, s.viewport.height];
    let near = Rect::new(0.0, 0.0, w, h).inflate(8.0 * s.scale);
    let spots = partners::partner_spots(s, &near);
    let shandong = shandong_spots(s);
    let mut names = Names::new(s, &spots, &shandong);
    names.emphasised_and_shandong(s, &spots, &shandong);
    let tallies = countries::Tallies::of(s);
    let called = names.cluster_countries(s, &spots, &shandong, &tallies);
    let rest = names.the_rest(s, &spots);
    names.dense_countries(s, &spots, &rest, &tallies, &called);
    names.by_weight(s, &rest);
    let placed = names.placer.placed();
    let boxes = placed.iter().map(|p| p.rect).collect();
    let mut items = leader_layer(&names.leaders, s.scale);
    items.extend(group(&names.named, placed, s.scale));
    (items, boxes)
}

/// The leader lines as one screen layer (none when there are none).
fn leader_layer(lines: &[Segment], k: f64) -> Vec<Item> {
    if lines.is_empty() {
        return Vec::new();
    }
    // Version 0: rebuilt every frame, never cached by a backend.
    let mut layer = Layer::new(
        "labels.leaders",
        0,
        Space::Screen,
        style::leader_line().scaled(k),
    );
    for l in lines {
        layer.polyline(&[l.a, l.b]);
    }
    vec![Item::Draw(Rc::new(layer))]
}

/// One text layer per kind, in a fixed painting order (countries under partners and cities).
fn group(named: &[Named], placed: &[Placed], k: f64) -> Vec<Item> {
    Kind::ALL
        .into_iter()
        .filter_map(|kind| {
            let mine = placed.iter().filter(|p| named[p.candidate].kind == kind);
            let t: TextLayer = text_layer(kind.layer(), kind.style().scaled(k), mine);
            (!t.labels.is_empty()).then(|| Item::Text(Rc::new(t)))
        })
        .collect()
}
