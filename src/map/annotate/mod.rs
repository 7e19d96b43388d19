//! Names on the map for one view: which places may carry a label and in what order (the hovered
//! or selected city's partners, the year's new partners during playback, then by number of ties
//! and level), placed without overlap by [`crate::label`]; countries when zoomed out far; the
//! Shandong cities one by one once they stand apart, else the close-up ([`super::closeup`]).

use super::origins::Markers;
use crate::data::{Dataset, Level, SHANDONG_CITIES};
use crate::display_list::{Item, TextLayer};
use crate::hit::Hit;
use crate::label::TextMeasure;
use crate::label::{place, text_layer, Candidate, Circle, Obstacles, Options, Placed, Rect};
use crate::lonlat::LonLat;
use crate::projection::Projector;
use crate::projection::Xy;
use crate::scene::LinkGeometry;
use crate::style::{self, TextStyle};
use crate::viewport::Viewport;
use std::collections::HashMap;
use std::rc::Rc;

pub use crate::lang::Lang;

/// Below this zoom (a multiple of the whole world's scale) countries are named, not partners
/// (but for the emphasised ones).
pub const PARTNER_ZOOM: f64 = 1.6;
/// The Shandong origins are named one by one when their markers spread over more than this
/// (CSS px, times the picture's scale); closer, one name stands for them and the close-up
/// tells them apart.
pub const CROWDED_PX: f64 = 90.0;
/// Countries named at most, when zoomed out far.
const COUNTRIES_NAMED: usize = 14;
/// Candidates handed to the placement at most (the rest have the lowest priorities).
const MAX_CANDIDATES: usize = 1500;

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

/// A partner's marker with the ties ending there.
struct PartnerSpot {
    at: Xy,
    first: usize,
    ties: u32,
    province: bool,
    tier: f64,
}

fn tier_of(s: &Scene, tie: usize) -> f64 {
    let t = &s.dataset.ties[tie];
    let hovered = matches!(s.hover, Some(Hit::Partner(i) | Hit::Link(i)) if s.geometry.partner[i] == s.geometry.partner[tie]);
    if hovered {
        HOVERED
    } else if s.selected.is_some_and(|c| s.markers.same(c, t.city)) {
        SELECTED
    } else if s.focus.contains(&tie) {
        FOCUSED
    } else if s.new_ties.contains(&tie) {
        NEW
    } else if s.lingering.iter().any(|&(t, _)| t == tie) {
        LINGERING
    } else {
        0.0
    }
}

/// The shown partners' markers on screen, one per place.
fn partner_spots(s: &Scene) -> Vec<PartnerSpot> {
    let mut by_place: HashMap<(u64, u64), usize> = HashMap::new();
    let mut spots: Vec<PartnerSpot> = Vec::new();
    for (i, _) in s.shown.iter().enumerate().filter(|(_, on)| **on) {
        let p = s.geometry.partner[i];
        let at = s.viewport.to_screen(p);
        if !(at[0].is_finite() && at[1].is_finite()) {
            continue;
        }
        let tier = tier_of(s, i);
        let province = s.dataset.ties[i].record.level == Level::Province;
        match by_place.entry((p[0].to_bits(), p[1].to_bits())) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let spot = &mut spots[*e.get()];
                spot.ties += 1;
                spot.province |= province;
                spot.tier = spot.tier.max(tier);
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(spots.len());
                spots.push(PartnerSpot {
                    at,
                    first: i,
                    ties: 1,
                    province,
                    tier,
                });
            }
        }
    }
    spots
}

/// The screen positions of the Shandong origins with a marker, by origin index.
pub fn shandong_spots(s: &Scene) -> Vec<(usize, Xy)> {
    (0..SHANDONG_CITIES.len().min(s.cities_shown.len()))
        .filter(|&c| s.cities_shown[c])
        .map(|c| (c, s.viewport.to_screen(s.geometry.cities[c])))
        .filter(|(_, at)| at[0].is_finite() && at[1].is_finite())
        .collect()
}

/// Whether the Shandong origins crowd into one spot at this view (then one name stands for
/// them, and the close-up shows them apart).
pub fn crowded(spots: &[(usize, Xy)], scale: f64) -> bool {
    let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
    for (_, p) in spots {
        lo = [lo[0].min(p[0]), lo[1].min(p[1])];
        hi = [hi[0].max(p[0]), hi[1].max(p[1])];
    }
    spots.len() > 1 && (hi[0] - lo[0]).hypot(hi[1] - lo[1]) < CROWDED_PX * scale
}

fn shandong_names(s: &Scene, spots: &[(usize, Xy)], out: &mut Vec<Named>) {
    let city_r = s.radii.1;
    if crowded(spots, s.scale) {
        let n = spots.len() as f64;
        let c = spots
            .iter()
            .fold([0.0, 0.0], |a, (_, p)| [a[0] + p[0] / n, a[1] + p[1] / n]);
        let reach = spots
            .iter()
            .map(|(_, p)| (p[0] - c[0]).hypot(p[1] - c[1]))
            .fold(0.0, f64::max);
        out.push(Named {
            candidate: Candidate {
                at: c,
                radius_px: reach + city_r,
                text: name(s.lang, "山东", "Shandong"),
                font: Kind::City.style().font.scaled(s.scale),
                priority: SHANDONG,
                key: 0,
            },
            kind: Kind::City,
        });
        return;
    }
    for &(c, at) in spots {
        // The province's own ties start at Jinan: its marker is named Jinan.
        let o = &s.dataset.origins[s.markers.marker(c)];
        out.push(Named {
            candidate: Candidate {
                at,
                radius_px: city_r,
                text: name(s.lang, o.name_zh.trim_end_matches('市'), &o.name),
                font: Kind::City.style().font.scaled(s.scale),
                priority: SHANDONG + if s.selected == Some(c) { 1.0 } else { 0.0 },
                key: c as u64,
            },
            kind: Kind::City,
        });
    }
}

/// Countries named when zoomed out far, with their count of ties: each inside its largest
/// polygon (else at the middle of its shown partners' markers).
fn country_names(s: &Scene, spots: &[PartnerSpot], out: &mut Vec<Named>) {
    let mut by_country: HashMap<&str, ([f64; 2], u32, usize)> = HashMap::new();
    for p in spots {
        let code = s.dataset.ties[p.first].record.country.as_str();
        let e = by_country.entry(code).or_insert(([0.0; 2], 0, p.first));
        e.0 = [
            e.0[0] + p.at[0] * f64::from(p.ties),
            e.0[1] + p.at[1] * f64::from(p.ties),
        ];
        e.1 += p.ties;
    }
    let mut countries: Vec<(&str, [f64; 2], u32, usize)> = by_country
        .into_iter()
        .map(|(code, (sum, n, first))| {
            (
                code,
                [sum[0] / f64::from(n), sum[1] / f64::from(n)],
                n,
                first,
            )
        })
        .collect();
    countries.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    for (code, mean, n, first) in countries.into_iter().take(COUNTRIES_NAMED) {
        let c = s.dataset.countries.get(code);
        let at = c
            .and_then(|c| s.country_points.get(&c.numeric))
            .map(|p| s.viewport.to_screen(s.projector.project(*p)))
            .filter(|p| p[0].is_finite() && p[1].is_finite())
            .unwrap_or(mean);
        let label = match c {
            Some(c) => name(s.lang, &c.name_zh, &c.name_en),
            None => Rc::from(code),
        };
        out.push(Named {
            candidate: Candidate {
                at,
                radius_px: 0.0,
                text: Rc::from(format!("{label} {n}")),
                font: Kind::Country.style().font.scaled(s.scale),
                priority: COUNTRY + f64::from(n),
                key: first as u64,
            },
            kind: Kind::Country,
        });
    }
}

/// The frame's labels (text items, one layer per style) and the boxes they take.
pub fn labels(s: &Scene) -> (Vec<Item>, Vec<Rect>) {
    let k = s.scale;
    let spots = partner_spots(s);
    let shandong = shandong_spots(s);
    let mut named: Vec<Named> = Vec::new();
    shandong_names(s, &shandong, &mut named);
    let far = s.viewport.zoom() < PARTNER_ZOOM;
    if far {
        country_names(s, &spots, &mut named);
    }
    for p in &spots {
        if far && p.tier == 0.0 {
            continue;
        }
        let r = &s.dataset.ties[p.first].record;
        let kind = if p.tier >= LINGERING {
            Kind::New
        } else {
            Kind::Partner
        };
        named.push(Named {
            candidate: Candidate {
                at: p.at,
                radius_px: s.radii.0,
                text: name(s.lang, &r.partner_zh, &r.partner),
                font: kind.style().font.scaled(k),
                priority: p.tier + 10.0 * f64::from(p.ties) + if p.province { 5.0 } else { 0.0 },
                key: p.first as u64 + 1_000,
            },
            kind,
        });
    }
    if named.len() > MAX_CANDIDATES {
        named.sort_by(|a, b| b.candidate.priority.total_cmp(&a.candidate.priority));
        named.truncate(MAX_CANDIDATES);
    }
    let mut circles: Vec<Circle> = Vec::new();
    if s.radii.0 > 0.0 {
        circles.extend(spots.iter().map(|p| Circle {
            at: p.at,
            radius_px: s.radii.0,
        }));
    }
    if s.radii.1 > 0.0 {
        circles.extend(shandong.iter().map(|&(_, at)| Circle {
            at,
            radius_px: s.radii.1,
        }));
    }
    let candidates: Vec<Candidate> = named.iter().map(|n| n.candidate.clone()).collect();
    let obstacles = Obstacles {
        circles: &circles,
        rects: s.reserved,
    };
    let size = [s.viewport.width, s.viewport.height];
    let placed = place(
        &candidates,
        &obstacles,
        size,
        s.measure,
        &Options::default().scaled(k),
    );
    let boxes = placed.iter().map(|p| p.rect).collect();
    (group(&named, &placed, k), boxes)
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
