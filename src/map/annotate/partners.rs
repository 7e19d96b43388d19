//! Partners' names: one per place with a shown tie, emphasised ones (hovered, of the selected
//! city, searched, new in the playback) first by priority, then the rest by weight: ties at
//! the place, then province level, then distance from the names already placed, so that among
//! equals the names spread over the map instead of piling up where partners are dense.

use super::countries::slot_of;
use super::{name, Kind, Named, Scene, FOCUSED, HOVERED, LINGERING, NEW, SELECTED};
use crate::data::Level;
use crate::hit::Hit;
use crate::label::{Candidate, Placer, Rect};
use crate::projection::Xy;
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

/// A partner's marker on screen with the shown ties ending there.
pub(super) struct PartnerSpot {
    pub at: Xy,
    /// The first of its ties (a stable key).
    pub first: usize,
    pub ties: u32,
    pub province: bool,
    /// Its emphasis (0 for none).
    pub tier: f64,
    /// Its country's slot ([`slot`]).
    pub country: usize,
}

fn tier_of(s: &Scene, tie: usize) -> f64 {
    let t = &s.dataset.ties[tie];
    let g = &s.geometry.partner;
    let hovered = matches!(s.hover, Some(Hit::Partner(i) | Hit::Link(i)) if g[i] == g[tie]);
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

/// A hasher for places (two `f64`s' bits): one multiply per word (FxHash's), as the world
/// file's 25,917 ties are grouped by place every frame; no outside input chooses the keys'
/// bits against it, so std's keyed SipHash is not needed.
#[derive(Default)]
struct PlaceHasher(u64);

impl Hasher for PlaceHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The shown partners' markers within `near` (the view and a margin), one per place.
pub(super) fn partner_spots(s: &Scene, near: &Rect) -> Vec<PartnerSpot> {
    let mut by_place: HashMap<(u64, u64), usize, BuildHasherDefault<PlaceHasher>> =
        HashMap::default();
    let mut spots: Vec<PartnerSpot> = Vec::new();
    for (i, _) in s.shown.iter().enumerate().filter(|(_, on)| **on) {
        let p = s.geometry.partner[i];
        let at = s.viewport.to_screen(p);
        if !near.contains(at) {
            continue; // also NaN: the globe's far side
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
                    country: slot_of(s, i),
                });
            }
        }
    }
    spots
}

/// A partner's name to place.
pub(super) fn partner_name(s: &Scene, p: &PartnerSpot) -> Named {
    let r = &s.dataset.ties[p.first].record;
    let kind = if p.tier >= LINGERING {
        Kind::New
    } else {
        Kind::Partner
    };
    Named {
        candidate: Candidate {
            at: p.at,
            radius_px: s.radii.0,
            text: name(s.lang, &r.partner_zh, &r.partner),
            font: kind.style().font.scaled(s.scale),
            priority: p.tier + 10.0 * f64::from(p.ties) + if p.province { 5.0 } else { 0.0 },
            key: p.first as u64 + 1_000,
        },
        kind,
    }
}

/// A name waiting in a weight class: how far it lay from the names placed when last looked
/// at (`seen` of them), larger first, then the lower key.
struct Waiting {
    distance: f64,
    key: u64,
    index: usize,
    seen: usize,
}

impl PartialEq for Waiting {
    fn eq(&self, o: &Self) -> bool {
        self.cmp(o) == Ordering::Equal
    }
}
impl Eq for Waiting {}
impl PartialOrd for Waiting {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Waiting {
    fn cmp(&self, o: &Self) -> Ordering {
        self.distance
            .total_cmp(&o.distance)
            .then(o.key.cmp(&self.key))
    }
}

/// Places the names `order` lists (indexes into `named`, heaviest first: a weight class is a
/// run of equal `weight`s) wherever they fit, `most` at most: class by class, and within a
/// class the one farthest from every name placed so far first. Distances only shrink as names
/// are added, so a name is looked at again only when it comes to the top (a lazy greedy: the
/// same order as recomputing every distance after each name, at a fraction of the cost).
/// Returns which of `order` were placed.
pub(super) fn place_by_weight(
    placer: &mut Placer,
    named: &[Named],
    order: &[(u64, usize)],
    most: usize,
) -> Vec<bool> {
    let mut placed = vec![false; order.len()];
    let mut count = 0;
    let mut start = 0;
    while start < order.len() && count < most {
        let weight = order[start].0;
        let end = start + order[start..].partition_point(|&(w, _)| w == weight);
        let now = placer.placed().len();
        let mut heap: BinaryHeap<(Waiting, usize)> = (start..end)
            .map(|k| {
                let c = &named[order[k].1].candidate;
                let distance = placer.distance_to_placed(c.at, 0);
                let w = Waiting {
                    distance,
                    key: c.key,
                    index: order[k].1,
                    seen: now,
                };
                (w, k)
            })
            .collect();
        while count < most {
            let Some((mut w, k)) = heap.pop() else {
                break;
            };
            let now = placer.placed().len();
            if w.seen < now {
                let c = &named[w.index].candidate;
                w.distance = w.distance.min(placer.distance_to_placed(c.at, w.seen));
                w.seen = now;
                heap.push((w, k));
                continue;
            }
            placed[k] = placer.try_place(w.index, &named[w.index].candidate);
            count += usize::from(placed[k]);
        }
        start = end;
    }
    placed
}

/// The weight of a partner's name: its ties, then province level (higher places first).
pub(super) fn weight(p: &PartnerSpot) -> u64 {
    u64::from(p.ties) * 2 + u64::from(p.province)
}

/// The map's size on screen at the world view that one partner name is given, CSS px at scale
/// 1 (the side of a square of the map's area): about 16 names at 1280×720, 12 on the desk
/// page's 980×655 canvas and 5 on a phone 390 px wide.
const NAME_SPACING_PX: f64 = 55.0;

/// How many partner names a view takes by weight: one per [`NAME_SPACING_PX`] of the map's
/// size in the view (the square root of the area its bounds cover on screen), times the square
/// of the zoom, so that the world view reads as an overview and from about zoom 2.5 on every
/// name that fits is placed. (Emphasised names come on top.)
pub(super) fn budget(s: &Scene) -> usize {
    let v = s.viewport;
    let a = v.to_screen([v.bounds[0], v.bounds[3]]);
    let b = v.to_screen([v.bounds[2], v.bounds[1]]);
    let clip = |lo: f64, hi: f64, max: f64| (hi.min(max) - lo.max(0.0)).max(0.0);
    let area = clip(a[0], b[0], v.width) * clip(a[1], b[1], v.height);
    let side = area.sqrt() / s.scale;
    let zoom = v.zoom();
    (side / NAME_SPACING_PX * zoom * zoom).round() as usize
}
