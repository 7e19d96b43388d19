//! The Shandong cluster and the countries inside it. At world zooms South Korea (the most
//! ties of any country) and Japan lie a few pixels from Shandong: their partners' markers and
//! Shandong's run together into one dark cluster where no name fits, so the map named neither.
//! Each country whose places lie mostly in that cluster is named outside it, with its count,
//! and a leader line from the name to the country ([`crate::label::Callout`]).
//!
//! Leader lines rather than a second close-up (a "Korea · Japan" panel), chosen from
//! screenshots of both on the desk page (980×655 CSS px of map at 1280×720) and on a phone:
//! the panel took a second corner (the South Pacific and the tip of South America, where
//! partner names now go) yet still showed Korea as a clump around Seoul with five of its 65
//! ties named, drew Shandong's markers again at its edge, and has no room on a phone (the
//! Shandong close-up has none there either); the leader lines cost two short names beside the
//! cluster, read at once as "South Korea 65, Japan 23", and work at every size, the phone's
//! included. Zooming in tells the partners apart, as it does elsewhere.

use super::countries::{anchor, caption, Tallies, SLOTS};
use super::partners::PartnerSpot;
use super::shandong::{crowd, crowded};
use super::Scene;
use crate::label::Callout;
use crate::projection::Xy;

/// Markers whose discs come closer than this (edge to edge, CSS px at scale 1: a partner
/// name's height, so no name fits between them) run together into one cluster.
const GAP_PX: f64 = 12.0;
/// The cluster is looked for this far from Shandong at most (CSS px at scale 1).
const REACH_PX: f64 = 240.0;
/// Countries named this way at most (the most ties first).
const MOST: usize = 6;

/// The partners' markers that run together with Shandong's.
pub(super) struct Cluster {
    /// The middle of Shandong's markers, CSS px.
    pub centre: Xy,
    /// Shandong's markers' reach from `centre`, CSS px.
    pub reach: f64,
    /// Per partner spot, whether it is in the cluster.
    pub member: Vec<bool>,
}

/// The cluster around Shandong's markers when they crowd together (`None` when they stand
/// apart): every partner marker linked to them through markers whose discs come closer than
/// [`GAP_PX`].
pub(super) fn shandong_cluster(
    s: &Scene,
    shandong: &[(usize, Xy)],
    spots: &[PartnerSpot],
) -> Option<Cluster> {
    if !crowded(shandong, s.scale) {
        return None;
    }
    let (centre, reach) = crowd(shandong);
    let (partner_r, city_r) = s.radii;
    let gap = GAP_PX * s.scale;
    let mut grid = CellGrid::new(centre, REACH_PX * s.scale, 2.0 * partner_r + gap, spots);
    // Shandong's markers reach the partners' within their own radius and the gap.
    let seed = city_r + partner_r + gap;
    for &(_, p) in shandong {
        for c in grid.around(p, seed) {
            if grid.cells[c]
                .iter()
                .any(|&j| dist2(spots[j].at, p) <= seed * seed)
            {
                grid.join(c);
            }
        }
    }
    let link2 = grid.link * grid.link;
    while let Some(a) = grid.queue.pop() {
        for b in grid.neighbours(a) {
            let near = |&i: &usize| {
                let p = spots[i].at;
                grid.cells[b]
                    .iter()
                    .any(|&j| dist2(spots[j].at, p) <= link2)
            };
            if grid.cells[a].iter().any(near) {
                grid.join(b);
            }
        }
    }
    let mut member = vec![false; spots.len()];
    for (c, cell) in grid.cells.iter().enumerate() {
        if grid.joined[c] {
            for &j in cell {
                member[j] = true;
            }
        }
    }
    Some(Cluster {
        centre,
        reach,
        member,
    })
}

/// The squared distance between two points (no `hypot`, which is slow in libm).
fn dist2(a: Xy, b: Xy) -> f64 {
    let (dx, dy) = (a[0] - b[0], a[1] - b[1]);
    dx * dx + dy * dy
}

/// The partners' markers near Shandong in square cells whose diagonal is the link distance, so
/// that the markers of one cell are all linked: the search joins whole cells, and compares
/// markers only between a joined cell and its neighbours.
struct CellGrid {
    /// The link distance, CSS px.
    link: f64,
    /// Top-left corner, cell side (CSS px) and cells per side.
    origin: Xy,
    side: f64,
    n: usize,
    /// The spots in each cell, row by row.
    cells: Vec<Vec<usize>>,
    joined: Vec<bool>,
    queue: Vec<usize>,
}

impl CellGrid {
    /// The spots within `bound` (CSS px) of `centre`, by cell.
    fn new(centre: Xy, bound: f64, link: f64, spots: &[PartnerSpot]) -> Self {
        let side = link / std::f64::consts::SQRT_2;
        let n = ((2.0 * bound / side).ceil() as usize).clamp(1, 2048);
        let origin = [centre[0] - bound, centre[1] - bound];
        let mut grid = Self {
            link,
            origin,
            side,
            n,
            cells: vec![Vec::new(); n * n],
            joined: vec![false; n * n],
            queue: Vec::new(),
        };
        for (i, p) in spots.iter().enumerate() {
            if let Some(c) = grid.cell(p.at) {
                grid.cells[c].push(i);
            }
        }
        grid
    }

    /// The column and row of a point, if inside.
    fn col_row(&self, p: Xy) -> Option<(usize, usize)> {
        let x = (p[0] - self.origin[0]) / self.side;
        let y = (p[1] - self.origin[1]) / self.side;
        let inside = (0.0..self.n as f64).contains(&x) && (0.0..self.n as f64).contains(&y);
        inside.then_some((x as usize, y as usize))
    }

    fn cell(&self, p: Xy) -> Option<usize> {
        self.col_row(p).map(|(x, y)| y * self.n + x)
    }

    /// The cells within `reach` CSS px of a point's cell (by whole cells).
    fn around(&self, p: Xy, reach: f64) -> Vec<usize> {
        let Some((x, y)) = self.col_row(p) else {
            return Vec::new();
        };
        self.block(x, y, (reach / self.side).ceil() as usize)
    }

    /// The cells not yet joined that may hold a marker linked to one in cell `c`.
    fn neighbours(&self, c: usize) -> Vec<usize> {
        let (x, y) = (c % self.n, c / self.n);
        let mut out = self.block(x, y, 2);
        out.retain(|&b| !self.joined[b] && !self.cells[b].is_empty());
        out
    }

    fn block(&self, x: usize, y: usize, k: usize) -> Vec<usize> {
        let (x0, x1) = (x.saturating_sub(k), (x + k).min(self.n - 1));
        let (y0, y1) = (y.saturating_sub(k), (y + k).min(self.n - 1));
        (y0..=y1)
            .flat_map(|r| (x0..=x1).map(move |c| r * self.n + c))
            .collect()
    }

    fn join(&mut self, c: usize) {
        if !self.joined[c] {
            self.joined[c] = true;
            self.queue.push(c);
        }
    }
}

/// The countries most of whose places on screen lie in the cluster, most ties first (at most
/// [`MOST`]), each as a callout from outside the cluster to the country (its slot and the
/// callout).
pub(super) fn callouts(
    s: &Scene,
    cluster: &Cluster,
    spots: &[PartnerSpot],
    tallies: &Tallies,
) -> Vec<(usize, Callout)> {
    // Per country slot: places in the cluster, places on screen.
    let mut inside = vec![(0u32, 0u32); SLOTS];
    for (p, m) in spots.iter().zip(&cluster.member) {
        let e = &mut inside[p.country];
        e.0 += u32::from(*m);
        e.1 += 1;
    }
    let mostly = tallies.used.iter().copied();
    let mostly = mostly.filter(|&k| 2 * inside[k].0 > inside[k].1);
    let mut countries = tallies.most_ties_first(mostly);
    countries.truncate(MOST);
    let font = super::Kind::Country.style().font.scaled(s.scale);
    let c = cluster.centre;
    countries
        .into_iter()
        .filter_map(|k| {
            let t = tallies.get(k);
            let target = anchor(s, t, spots, k)?;
            let away = (target[0] - c[0]).hypot(target[1] - c[1]);
            let callout = Callout {
                target,
                centre: c,
                clear_px: away.max(cluster.reach + s.radii.1),
                text: caption(s, t),
                font,
                line_px: crate::style::leader_line().width_px * s.scale,
            };
            Some((k, callout))
        })
        .collect()
}
