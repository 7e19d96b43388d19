//! The names of a view placed stage by stage (see the module page): each stage adds its
//! candidates to one placement, so every later name keeps clear of the earlier ones.

use super::countries::{self, Tallies};
use super::partners::{self, PartnerSpot};
use super::{cluster, shandong, Kind, Named, Scene, COUNTRY};
use crate::label::{priority_order, ranked, Candidate, Circle, Obstacles, Options, Placer};
use crate::label::{Rect, Segment};
use crate::projection::Xy;

/// Countries named at most (besides those of the Shandong cluster).
const COUNTRIES_NAMED: usize = 14;
/// Candidates of a stage handed to the placement at most (the rest have the lowest
/// priorities or weights).
const MAX_CANDIDATES: usize = 1500;

/// The names placed so far and the candidates they came from (a placed name's `candidate` is
/// its index in `named`).
pub(super) struct Names<'m> {
    pub placer: Placer<'m>,
    pub named: Vec<Named>,
    pub leaders: Vec<Segment>,
}

/// The partners left for the weight stage: heaviest first, as `(weight, index in named)`, and
/// their spots.
pub(super) struct Rest {
    order: Vec<(u64, usize)>,
    spots: Vec<usize>,
}

impl<'m> Names<'m> {
    /// An empty placement over the view that keeps clear of the page's boxes and of the
    /// partners' and Shandong's markers.
    pub fn new(s: &Scene<'m>, spots: &[PartnerSpot], shandong: &[(usize, Xy)]) -> Self {
        let (partner_r, city_r) = s.radii;
        let mut circles: Vec<Circle> = Vec::new();
        if partner_r > 0.0 {
            circles.extend(spots.iter().map(|p| Circle {
                at: p.at,
                radius_px: partner_r,
            }));
        }
        if city_r > 0.0 {
            circles.extend(shandong.iter().map(|&(_, at)| Circle {
                at,
                radius_px: city_r,
            }));
        }
        let obstacles = Obstacles {
            circles: &circles,
            rects: s.reserved,
        };
        let size = [s.viewport.width, s.viewport.height];
        let options = Options::default().scaled(s.scale);
        Self {
            placer: Placer::new(size, &obstacles, s.measure, options),
            named: Vec::new(),
            leaders: Vec::new(),
        }
    }

    /// Adds candidates and places them by priority (highest first, then key), at most
    /// [`MAX_CANDIDATES`].
    fn by_priority(&mut self, more: Vec<Named>) {
        let candidates: Vec<Candidate> = more.iter().map(|n| n.candidate.clone()).collect();
        let mut order = priority_order(&candidates);
        order.truncate(MAX_CANDIDATES);
        let mut more: Vec<Option<Named>> = more.into_iter().map(Some).collect();
        for i in order {
            if let Some(n) = more[i].take() {
                self.placer.try_place(self.named.len(), &n.candidate);
                self.named.push(n);
            }
        }
    }

    /// Stage 1: the emphasised partners and Shandong, by priority.
    pub fn emphasised_and_shandong(
        &mut self,
        s: &Scene,
        spots: &[PartnerSpot],
        shandong: &[(usize, Xy)],
    ) {
        let mut first: Vec<Named> = spots
            .iter()
            .filter(|p| p.tier > 0.0)
            .map(|p| partners::partner_name(s, p))
            .collect();
        shandong::shandong_names(s, shandong, &mut first);
        self.by_priority(first);
    }

    /// Stage 2: the countries in the Shandong cluster, named outside it with a leader line;
    /// returns their slots.
    pub fn cluster_countries(
        &mut self,
        s: &Scene,
        spots: &[PartnerSpot],
        shandong: &[(usize, Xy)],
        tallies: &Tallies,
    ) -> Vec<usize> {
        let Some(c) = cluster::shandong_cluster(s, shandong, spots) else {
            return Vec::new();
        };
        let callouts = cluster::callouts(s, &c, spots, tallies);
        for (_, c) in &callouts {
            let i = self.named.len();
            if let Some(line) = self.placer.try_callout(i, c) {
                self.leaders.push(line);
            }
            self.named.push(Named {
                candidate: Candidate {
                    at: c.target,
                    radius_px: 0.0,
                    text: c.text.clone(),
                    font: c.font,
                    priority: COUNTRY,
                    key: i as u64,
                },
                kind: Kind::Country,
            });
        }
        callouts.into_iter().map(|(k, _)| k).collect()
    }

    /// The partners not emphasised, on screen, heaviest first (at most [`MAX_CANDIDATES`]),
    /// added to `named` for the later stages.
    pub fn the_rest(&mut self, s: &Scene, spots: &[PartnerSpot]) -> Rest {
        let view = Rect::new(0.0, 0.0, s.viewport.width, s.viewport.height);
        // Heaviest first, then the first tie's index.
        let key = |p: &PartnerSpot| {
            let light = u64::from(u32::MAX).saturating_sub(partners::weight(p));
            light << 32 | p.first as u64
        };
        let keyed = (0..spots.len())
            .filter(|&i| spots[i].tier == 0.0 && view.contains(spots[i].at))
            .map(|i| (key(&spots[i]), i))
            .collect();
        let mut rest = ranked(keyed);
        rest.truncate(MAX_CANDIDATES);
        let order = rest
            .iter()
            .map(|&i| {
                self.named.push(partners::partner_name(s, &spots[i]));
                (partners::weight(&spots[i]), self.named.len() - 1)
            })
            .collect();
        Rest { order, spots: rest }
    }

    /// Stage 3: the countries (but the `called` ones) with two or more partners whose names
    /// find no room in a trial (each partner's name tried in order of weight, with no budget
    /// and no spreading: cheap, and enough to tell where partners are too dense), with their
    /// counts, by number of ties.
    pub fn dense_countries(
        &mut self,
        s: &Scene,
        spots: &[PartnerSpot],
        rest: &Rest,
        tallies: &Tallies,
        called: &[usize],
    ) {
        let mut trial = self.placer.clone();
        let outcome: Vec<bool> = rest
            .order
            .iter()
            .map(|&(_, i)| trial.try_place(i, &self.named[i].candidate))
            .collect();
        let tried = rest
            .spots
            .iter()
            .zip(outcome)
            .map(|(&i, ok)| (spots[i].country, ok));
        let dense = countries::too_dense(tallies, tried, called, COUNTRIES_NAMED);
        let names = dense
            .into_iter()
            .filter_map(|k| {
                let t = tallies.get(k);
                countries::anchor(s, t, spots, k).map(|at| countries::country_name(s, t, at))
            })
            .collect();
        self.by_priority(names);
    }

    /// Stage 4: partners by weight, within the view's budget less the emphasised names
    /// placed (they share it, the emphasised first).
    pub fn by_weight(&mut self, s: &Scene, rest: &Rest) {
        let emphasised = self.placer.placed().iter();
        let emphasised = emphasised
            .filter(|p| self.named[p.candidate].kind == Kind::New)
            .count();
        let most = partners::budget(s).saturating_sub(emphasised);
        partners::place_by_weight(&mut self.placer, &self.named, &rest.order, most);
    }
}
