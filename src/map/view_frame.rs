//! The picture of a [`MapState`]: its frame for the canvas or an export, with the names and the
//! Shandong close-up laid out for that view.

use super::annotate::{labels, Scene};
use super::closeup::closeup;
use super::frame::{self, marker_radii, FrameParts, Growing};
use super::frame::{CITY_RADIUS_PX, HIGHLIGHT_GROWTH_PX, PARTNER_RADIUS_PX};
use super::MapState;
use crate::closeup::Closeup;
use crate::display_list::Frame;
use crate::hit::Hit;
use crate::label::{Circle, Rect};
use crate::viewport::Viewport;

impl MapState {
    /// The frame to paint now.
    pub fn frame(&self) -> Frame {
        self.frame_in(*self.camera.viewport(), &self.page.reserved)
    }

    /// The current view painted at another size (CSS px), same centre and zoom: for exports
    /// (no page controls cover an export).
    pub fn frame_sized(&self, width: f64, height: f64) -> Frame {
        self.frame_reserving(width, height, &[])
    }

    /// [`MapState::frame_sized`] with `reserved` boxes (CSS px) kept free of names and the
    /// close-up: a publication's overlay.
    pub fn frame_reserving(&self, width: f64, height: f64, reserved: &[Rect]) -> Frame {
        let mut v = *self.camera.viewport();
        v.resize(width, height);
        self.frame_in(v, reserved)
    }

    /// What names and the close-up are laid out for: this map at `viewport`.
    fn scene<'a>(&'a self, viewport: &'a Viewport, reserved: &'a [Rect]) -> Scene<'a> {
        let k = self.page.scale;
        let (partner_r, city_r) = marker_radii(self.drawn.dense, viewport.zoom());
        let playback = self.selection.playback();
        Scene {
            dataset: &self.dataset,
            geometry: &self.geometry,
            shown: self.selection.shown(),
            cities_shown: &self.drawn.cities_shown,
            markers: &self.facts.markers,
            country_slots: &self.facts.country_slots,
            viewport,
            radii: (partner_r * k, city_r * k),
            scale: k,
            lang: self.page.lang,
            measure: self.page.measure.as_ref(),
            selected: self.selection.selected_city(),
            hover: self.emphasis.hover(),
            focus: self.emphasis.focus(),
            new_ties: playback.map_or(&[], |p| p.new_ties()),
            lingering: &self.lingering,
            reserved,
            projector: self.camera.projector(),
            country_points: self.basemaps.label_points(),
        }
    }

    /// The close-up at the current view, if one is shown (for hit-testing).
    pub fn inset(&self) -> Option<Closeup> {
        let v = *self.camera.viewport();
        let s = self.scene(&v, &self.page.reserved);
        closeup(&s, self.page.inset, &marker_boxes(&s))
    }

    fn frame_in(&self, viewport: Viewport, reserved: &[Rect]) -> Frame {
        let k = self.page.scale;
        let g = &self.geometry;
        let grow = |r: f64| (r + HIGHLIGHT_GROWTH_PX) * k;
        let emphasised = match self.emphasis.hover() {
            Some(Hit::Partner(i)) => Some((g.partner[i], grow(PARTNER_RADIUS_PX))),
            Some(Hit::City(c)) => Some((g.cities[c], grow(CITY_RADIUS_PX))),
            _ => self
                .selection
                .selected_city()
                .map(|c| (g.cities[c], grow(CITY_RADIUS_PX))),
        };
        let scene = self.scene(&viewport, reserved);
        let inset = closeup(&scene, self.page.inset, &marker_boxes(&scene));
        // The close-up's box is kept free of names too.
        let mut annotations = Vec::new();
        let mut kept: Vec<Rect> = reserved.to_vec();
        kept.extend(inset.as_ref().map(|i| i.rect));
        let (names, _) = labels(&Scene {
            reserved: &kept,
            ..scene
        });
        annotations.extend(names);
        if let Some(i) = &inset {
            annotations.extend(i.items().iter().cloned());
        }
        frame::compose(FrameParts {
            viewport,
            base: self.basemaps.layers(viewport.zoom()),
            links: &self.drawn.links,
            focus: self.emphasis.focus_layer(),
            growing: self.selection.playback().map(|p| Growing {
                ties: p.new_ties(),
                fraction: p.growth(),
            }),
            hover: self.emphasis.hover_layer(),
            geometry: g,
            shown: self.selection.shown(),
            cities_shown: &self.drawn.cities_shown,
            dense: self.drawn.dense,
            emphasised,
            scale: k,
            annotations,
        })
    }
}

/// The boxes of the partners' markers, shown or not (the close-up goes where it covers fewest;
/// counting every tie, not only those shown, keeps it in one corner while the playback adds
/// links).
fn marker_boxes(s: &Scene) -> Vec<Rect> {
    let r = s.radii.0.max(1.0);
    s.geometry
        .partner
        .iter()
        .map(|p| {
            Circle {
                at: s.viewport.to_screen(*p),
                radius_px: r,
            }
            .bounds()
        })
        .filter(|b| b.min[0].is_finite() && b.min[1].is_finite())
        .collect()
}
