//! The link layers of the ties shown: established ties by kind (sister solid, friendly
//! dashed), agreements and letters of intent apart (thinner, dotted), a selected city's links
//! above the others dimmed; one tie's or several ties' links for hover and search; the growing
//! links of playback.

use crate::data::{Dataset, Kind, Stage};
use crate::display_list::{Layer, Space};
use crate::link_geometry::LinkGeometry;
use crate::projection::Xy;
use crate::style;
use std::rc::Rc;

/// Above this many shown links, links and markers are drawn fine and faint.
pub const DENSE_LINKS: usize = 2000;

/// Link layers for the shown ties: established sister and friendly ties apart, agreements and
/// letters of intent apart from them (thinner and dotted, whatever their kind), and, when a
/// city is selected, its established links highlighted above the others dimmed (its
/// agreements and letters of intent keep their own style, so they stay told apart). `dense`
/// (more than [`DENSE_LINKS`] shown) draws them fine and faint. Each tie starts a feature of
/// its layer ([`Layer::features`]).
pub fn link_layers(
    dataset: &Dataset,
    geometry: &LinkGeometry,
    shown: &[bool],
    selected_city: Option<usize>,
    dense: bool,
    version: u64,
) -> Vec<Rc<Layer>> {
    let look = |s: style::Style| if dense { style::dense(s) } else { s };
    let layer = |name, s| Layer::new(name, version, Space::World, s);
    // In drawing order: dimmed, letters of intent, agreements, friendly, sister, selected.
    let mut layers = [
        layer("links.dimmed", style::link_dimmed()),
        layer("links.intent", look(style::link_intent())),
        layer("links.agreement", look(style::link_agreement())),
        layer("links.friendly", look(style::link_friendly())),
        layer("links.sister", look(style::link_sister())),
        layer("links.selected", style::link_highlight()),
    ];
    let target = |i: usize| -> Option<usize> {
        let tie = dataset
            .ties
            .get(i)
            .filter(|_| shown.get(i) == Some(&true))?;
        let own = selected_city.is_none_or(|c| c == tie.city);
        Some(match (tie.record.stage, tie.record.kind) {
            _ if !own => 0,
            (Stage::Intent, _) => 1,
            (Stage::Agreement, _) => 2,
            _ if selected_city.is_some() => 5,
            (Stage::Established, Kind::Friendly) => 3,
            (Stage::Established, Kind::Sister) => 4,
        })
    };
    // Exact sizes first: the layers live until the next rebuild, and a vector grown by doubling
    // would hold up to twice the memory its points need.
    let mut sizes = [0usize; 6];
    for i in 0..dataset.ties.len() {
        if let Some(t) = target(i) {
            sizes[t] += geometry
                .pieces(i)
                .map(|p| if p.len() >= 2 { p.len() } else { 0 })
                .sum::<usize>();
        }
    }
    for (layer, size) in layers.iter_mut().zip(sizes) {
        layer.path.reserve_exact(size);
    }
    let mut buf = Vec::new();
    for i in 0..dataset.ties.len() {
        let Some(t) = target(i) else {
            continue;
        };
        add_tie(&mut layers[t], geometry, i, &mut buf);
    }
    layers
        .into_iter()
        .filter(|l| !l.path.is_empty())
        .map(Rc::new)
        .collect()
}

/// A layer with one tie's link, for hover emphasis.
pub fn tie_layer(geometry: &LinkGeometry, tie: usize, version: u64) -> Layer {
    let mut layer = Layer::new(
        "links.hover",
        version,
        Space::World,
        style::link_highlight(),
    );
    add_tie(&mut layer, geometry, tie, &mut Vec::new());
    layer
}

/// A layer with several ties' links (search focus).
pub fn ties_layer(geometry: &LinkGeometry, ties: &[usize], version: u64) -> Layer {
    let mut layer = Layer::new(
        "links.focus",
        version,
        Space::World,
        style::link_highlight(),
    );
    let mut buf = Vec::new();
    for &i in ties {
        add_tie(&mut layer, geometry, i, &mut buf);
    }
    layer
}

/// Appends tie `tie`'s link to `layer` as a feature of its own (`buf`: scratch space).
pub fn add_tie(layer: &mut Layer, geometry: &LinkGeometry, tie: usize, buf: &mut Vec<Xy>) {
    layer.begin_feature();
    for piece in geometry.pieces(tie) {
        piece.write_to(buf);
        layer.polyline(buf);
    }
}

/// The first `fraction` (0–1, by vertex count, which is by arc length since links are densified
/// evenly) of each tie's link, from the Shandong end: the growing links of playback.
pub fn partial_layer(
    geometry: &LinkGeometry,
    ties: &[usize],
    fraction: f64,
    version: u64,
) -> Layer {
    let mut layer = Layer::new("links.new", version, Space::World, style::link_new());
    let mut pts: Vec<Xy> = Vec::new();
    for &i in ties {
        let segments: usize = geometry.pieces(i).map(|p| p.len().saturating_sub(1)).sum();
        let mut budget = crate::number::clamp(fraction, 0.0, 1.0) * segments as f64;
        for piece in geometry.pieces(i) {
            if budget <= 0.0 || piece.len() < 2 {
                break;
            }
            let whole = (budget.floor() as usize).min(piece.len() - 1);
            pts.clear();
            pts.extend(piece.points().take(whole + 1));
            let rest = budget - whole as f64;
            if whole < piece.len() - 1 && rest > 0.0 {
                let (a, b) = (piece.point(whole), piece.point(whole + 1));
                pts.push([a[0] + (b[0] - a[0]) * rest, a[1] + (b[1] - a[1]) * rest]);
            }
            layer.polyline(&pts);
            budget -= (piece.len() - 1) as f64;
        }
    }
    layer
}
