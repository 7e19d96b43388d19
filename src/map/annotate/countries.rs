//! Countries' names with their counts: how many shown ties end in each country (every shown
//! tie, on screen or not, so filters apply and the count is the table's), where each name goes,
//! and which countries are named: those whose partners are too dense to be named one by one.

use super::partners::PartnerSpot;
use super::{name, Kind, Named, Scene, COUNTRY};
use crate::label::{ranked, Candidate};
use crate::projection::Xy;
use std::rc::Rc;

/// Slots of [`slot`]: one per pair of capital letters, and one for anything else.
pub(super) const SLOTS: usize = 26 * 26 + 1;

/// A country's slot in a flat table: its ISO 3166-1 alpha-2 code's two letters (a table, not a
/// hash map, because the world file's 25,917 ties are counted every frame).
fn slot(code: &str) -> u16 {
    match code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => u16::from(a - b'A') * 26 + u16::from(b - b'A'),
        _ => (SLOTS - 1) as u16,
    }
}

/// The country slot of a tie of the scene.
pub(super) fn slot_of(s: &Scene, tie: usize) -> usize {
    s.country_slots
        .get(tie)
        .map_or(SLOTS - 1, |&k| usize::from(k))
}

/// Each tie's country slot, computed once per dataset (so a frame counts ties by country
/// without reading their records).
pub fn country_slots(dataset: &crate::data::Dataset) -> Rc<[u16]> {
    dataset
        .ties
        .iter()
        .map(|t| slot(&t.record.country))
        .collect()
}

/// One country's shown ties.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Tally {
    /// Shown ties ending in the country (on screen or not).
    pub count: u32,
    /// Its first shown tie (a stable key, and where its code is read).
    pub first: usize,
}

/// The shown ties per country.
pub(super) struct Tallies {
    by_slot: Vec<Tally>,
    /// The slots counted, in order of first appearance.
    pub used: Vec<usize>,
}

impl Tallies {
    /// Counts the shown ties by country.
    pub fn of(s: &Scene) -> Self {
        let mut by_slot = vec![Tally::default(); SLOTS];
        let mut used = Vec::new();
        for (i, _) in s.shown.iter().enumerate().filter(|(_, on)| **on) {
            let k = slot_of(s, i);
            if k == SLOTS - 1 {
                continue; // not a code: no name to give
            }
            let t = &mut by_slot[k];
            if t.count == 0 {
                t.first = i;
                used.push(k);
            }
            t.count += 1;
        }
        Self { by_slot, used }
    }

    /// Country slots, the most ties first (then the first tie's index).
    pub fn most_ties_first(&self, slots: impl Iterator<Item = usize>) -> Vec<usize> {
        let key = |t: Tally| u64::from(u32::MAX - t.count) << 32 | t.first as u64;
        ranked(slots.map(|k| (key(self.get(k)), k)).collect())
    }

    /// The tally of a slot.
    pub fn get(&self, slot: usize) -> Tally {
        self.by_slot.get(slot).copied().unwrap_or_default()
    }
}

/// A country's name and count in the page's language (`韩国 65`, `South Korea 65`).
pub(super) fn caption(s: &Scene, t: Tally) -> Rc<str> {
    let code = s.dataset.ties[t.first].record.country.as_str();
    let label = match s.dataset.countries.get(code) {
        Some(c) => name(s.lang, &c.name_zh, &c.name_en),
        None => Rc::from(code),
    };
    Rc::from(format!("{label} {}", t.count))
}

/// Where a country's name goes: inside its largest polygon when that point is on screen, else
/// the middle of its partners' markers on screen (`None` when it has none).
pub(super) fn anchor(s: &Scene, t: Tally, spots: &[PartnerSpot], slot: usize) -> Option<Xy> {
    let code = s.dataset.ties[t.first].record.country.as_str();
    let inside = |p: &Xy| {
        (0.0..=s.viewport.width).contains(&p[0]) && (0.0..=s.viewport.height).contains(&p[1])
    };
    let point = s
        .dataset
        .countries
        .get(code)
        .and_then(|c| s.country_points.get(&c.numeric))
        .map(|p| s.viewport.to_screen(s.projector.project(*p)))
        .filter(inside);
    point.or_else(|| {
        let (mut sum, mut n) = ([0.0, 0.0], 0.0);
        for p in spots.iter().filter(|p| p.country == slot && inside(&p.at)) {
            let w = f64::from(p.ties);
            sum = [sum[0] + p.at[0] * w, sum[1] + p.at[1] * w];
            n += w;
        }
        (n > 0.0).then(|| [sum[0] / n, sum[1] / n])
    })
}

/// The name of a country at `at`.
pub(super) fn country_name(s: &Scene, t: Tally, at: Xy) -> Named {
    Named {
        candidate: Candidate {
            at,
            radius_px: 0.0,
            text: caption(s, t),
            font: Kind::Country.style().font.scaled(s.scale),
            priority: COUNTRY + f64::from(t.count),
            key: t.first as u64,
        },
        kind: Kind::Country,
    }
}

/// The countries to name, most ties first, at most `most`: those with two or more partners on
/// screen that found no room for their names (`tried` gives each partner's country slot and
/// whether its name was placed), but for the `called` ones (named already).
pub(super) fn too_dense(
    tallies: &Tallies,
    tried: impl Iterator<Item = (usize, bool)>,
    called: &[usize],
    most: usize,
) -> Vec<usize> {
    let mut unnamed = vec![0u32; SLOTS];
    for (country, ok) in tried {
        unnamed[country] += u32::from(!ok);
    }
    let dense = tallies.used.iter().copied();
    let dense = dense.filter(|&k| unnamed[k] >= 2 && !called.contains(&k));
    let mut out = tallies.most_ties_first(dense);
    out.truncate(most);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_the_codes_letters() {
        assert_eq!(slot("AA"), 0);
        assert_eq!(slot("KR"), 10 * 26 + 17);
        assert_eq!(usize::from(slot("ZZ")), SLOTS - 2);
        for other in ["kr", "KOR", ""] {
            assert_eq!(usize::from(slot(other)), SLOTS - 1);
        }
    }
}
