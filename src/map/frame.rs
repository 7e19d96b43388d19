//! Frame composition: the basemap, the links, the emphasis and the markers of one view, in
//! painting order, as a display list.

use crate::display_list::{Frame, Item, Layer};
use crate::projection::Xy;
use crate::scene::{markers, partial_layer, world_markers, BaseLayers, LinkGeometry};
use crate::style;
use crate::viewport::Viewport;
use std::rc::Rc;

/// Partner marker radius, CSS px.
pub const PARTNER_RADIUS_PX: f64 = 2.5;
/// Shandong city marker radius, CSS px.
pub const CITY_RADIUS_PX: f64 = 4.0;
/// How much larger a hovered or selected marker is drawn, CSS px.
pub const HIGHLIGHT_GROWTH_PX: f64 = 1.5;
/// With thousands of links, markers are drawn from this zoom on.
const DENSE_MARKER_ZOOM: f64 = 3.0;
/// Marker radii (partner, city) of dense sets once zoomed in, CSS px.
const DENSE_RADII_PX: (f64, f64) = (1.2, 1.8);
/// The map's background behind the sphere.
pub const BACKGROUND: &str = "#f7f9fb";

/// The playback step's new links: growing from the Shandong end, then emphasised for the rest
/// of the step.
pub struct Growing<'a> {
    /// Tie indexes.
    pub ties: &'a [usize],
    /// How far they have grown, 0–1.
    pub fraction: f64,
}

/// Everything a frame is made of.
pub struct FrameParts<'a> {
    /// The camera.
    pub viewport: Viewport,
    /// The basemap's layers for this zoom.
    pub base: &'a BaseLayers,
    /// The settled links, by style.
    pub links: &'a [Rc<Layer>],
    /// The search focus.
    pub focus: Option<&'a Rc<Layer>>,
    /// The playback step's new links.
    pub growing: Option<Growing<'a>>,
    /// The hovered tie.
    pub hover: Option<&'a Rc<Layer>>,
    /// Projected positions.
    pub geometry: &'a LinkGeometry,
    /// Which ties are shown.
    pub shown: &'a [bool],
    /// Which origins have a marker (a shown tie, and the marker standing for their place).
    pub cities_shown: &'a [bool],
    /// Thousands of links are shown (fine, faint links; markers only when zoomed in).
    pub dense: bool,
    /// The hovered or selected marker: its world position and radius, CSS px.
    pub emphasised: Option<(Xy, f64)>,
    /// The picture's scale: marker radii and styles are multiplied by it (the link layers
    /// come scaled already).
    pub scale: f64,
    /// Names and the close-up, painted last.
    pub annotations: Vec<Item>,
}

/// The marker radii (partner, city), CSS px at scale 1, for a set of links at a zoom.
pub fn marker_radii(dense: bool, zoom: f64) -> (f64, f64) {
    match (dense, zoom >= DENSE_MARKER_ZOOM) {
        (false, _) => (PARTNER_RADIUS_PX, CITY_RADIUS_PX),
        // Thousands of links: markers only once zoomed in (the links' ends show where partners
        // are, and tens of thousands of circles per frame would cost more than the links).
        (true, true) => DENSE_RADII_PX,
        (true, false) => (0.0, 0.0),
    }
}

fn shown_points<'a>(points: &'a [Xy], shown: &'a [bool]) -> impl Iterator<Item = Xy> + 'a {
    points
        .iter()
        .zip(shown)
        .filter(|(_, s)| **s)
        .map(|(p, _)| *p)
}

/// Paints the parts in order: basemap, links, focus, partner markers and city markers (the
/// frame's static items: a pan moves them as one picture), then growing links, hover, the
/// emphasised marker, names and the close-up.
pub fn compose(p: FrameParts<'_>) -> Frame {
    let b = p.base;
    let mut items = vec![
        Item::Draw(b.outline.clone()),
        Item::Draw(b.graticule.clone()),
        Item::Clip(b.outline.clone()),
        Item::Draw(b.land.clone()),
        Item::Draw(b.land_china.clone()),
        Item::Unclip,
        Item::Draw(b.coast.clone()),
        Item::Draw(b.borders.clone()),
    ];
    items.extend(p.links.iter().cloned().map(Item::Draw));
    items.extend(p.focus.cloned().map(Item::Draw));
    let vp = &p.viewport;
    let k = p.scale;
    let (partner_r, city_r) = marker_radii(p.dense, vp.zoom());
    let partners = shown_points(&p.geometry.partner, p.shown);
    let partner_style = style::partner_marker().scaled(k);
    let partner_layer = world_markers(
        "markers.partner",
        partner_style,
        partners,
        partner_r * k,
        vp.scale,
    );
    items.push(Item::Draw(Rc::new(partner_layer)));
    let cities = shown_points(&p.geometry.cities, p.cities_shown);
    let city_style = style::shandong_marker().scaled(k);
    let city_layer = world_markers("markers.city", city_style, cities, city_r * k, vp.scale);
    items.push(Item::Draw(Rc::new(city_layer)));
    // Everything so far moves with the view as one picture; what follows is drawn each frame.
    let static_items = items.len();
    if let Some(g) = p.growing.filter(|g| !g.ties.is_empty()) {
        // Version 0: rebuilt every frame, never cached by a backend.
        let mut layer = partial_layer(p.geometry, g.ties, g.fraction, 0);
        layer.style = layer.style.scaled(p.scale);
        items.push(Item::Draw(Rc::new(layer)));
    }
    items.extend(p.hover.cloned().map(Item::Draw));
    if let Some((at, r)) = p.emphasised {
        let layer = markers(
            "markers.highlight",
            style::marker_highlight().scaled(k),
            std::iter::once(at),
            r,
            vp,
        );
        items.push(Item::Draw(Rc::new(layer)));
    }
    items.extend(p.annotations);
    Frame {
        viewport: p.viewport,
        background: BACKGROUND,
        items,
        static_items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_sets_hide_markers_until_zoomed_in() {
        assert_eq!(
            marker_radii(false, 1.0),
            (PARTNER_RADIUS_PX, CITY_RADIUS_PX)
        );
        assert_eq!(marker_radii(true, 1.0), (0.0, 0.0));
        assert_eq!(marker_radii(true, DENSE_MARKER_ZOOM), DENSE_RADII_PX);
    }

    #[test]
    fn only_shown_points_get_markers() {
        let pts = [[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]];
        let got: Vec<Xy> = shown_points(&pts, &[true, false, true]).collect();
        assert_eq!(got, vec![[0.0, 0.0], [2.0, 2.0]]);
    }
}
