//! The basemaps and their level of detail: the built-in 1:110m one, the 1:50m one fetched when
//! zooming in, or an office's own; drawn in a style; projected for the current camera.

use super::label_points::label_points;
use crate::basemap::Basemap;
use crate::lonlat::LonLat;
use crate::projection::Projector;
use crate::scene::{base_layers, BaseLayers, BasemapStyle};
use std::collections::HashMap;
use std::rc::Rc;

/// Zoom (multiple of the fitted scale) from which the 1:50m basemap is drawn when loaded.
pub const DETAIL_ZOOM: f64 = 2.5;

/// The 1:50m basemap is asked for a little before [`DETAIL_ZOOM`], so it is there in time.
const DETAIL_REQUEST_ZOOM: f64 = DETAIL_ZOOM * 0.8;

/// The basemaps with their projected layers (the decoded basemaps are shared by forks).
#[derive(Clone)]
pub struct Basemaps {
    basemap: Rc<Basemap>,
    detail_basemap: Option<Rc<Basemap>>,
    style: BasemapStyle,
    base: BaseLayers,
    detail: Option<BaseLayers>,
    /// The 1:50m basemap was asked for (or is not wanted: an office's own basemap).
    detail_requested: bool,
    /// Stroke widths are multiplied by this (the picture's scale).
    scale: f64,
    /// Where each country's name goes (see [`super::label_points`]).
    label_points: HashMap<u16, LonLat>,
}

/// The layers of `basemap` in `style` for `projector`, strokes scaled by `k`.
fn build(
    basemap: &Basemap,
    projector: &Projector,
    style: BasemapStyle,
    version: u64,
    k: f64,
) -> BaseLayers {
    let b = base_layers(basemap, projector, style, version);
    let s = |l| crate::display_list::Layer::scaled(l, k);
    BaseLayers {
        outline: s(b.outline),
        graticule: s(b.graticule),
        land: s(b.land),
        land_china: s(b.land_china),
        borders: s(b.borders),
        coast: s(b.coast),
    }
}

impl Basemaps {
    /// The built-in `basemap`, projected; `version` tags the layers.
    pub fn new(basemap: &Basemap, projector: &Projector, version: u64) -> Self {
        Self {
            base: build(basemap, projector, BasemapStyle::Countries, version, 1.0),
            label_points: label_points(basemap),
            basemap: Rc::new(basemap.clone()),
            detail_basemap: None,
            style: BasemapStyle::Countries,
            detail: None,
            detail_requested: false,
            scale: 1.0,
        }
    }

    /// Projects every layer anew (the projection, the globe's centre or the picture's scale
    /// `k` changed). The 1:50m detail is not drawn on the globe.
    pub fn reproject(&mut self, projector: &Projector, version: u64, k: f64) {
        self.scale = k;
        self.base = build(&self.basemap, projector, self.style, version, k);
        self.detail = match (&self.detail_basemap, projector.as_globe()) {
            (Some(b), None) => Some(build(b, projector, self.style, version, k)),
            _ => None,
        };
    }

    /// The style.
    pub fn style(&self) -> BasemapStyle {
        self.style
    }

    /// Draws in another style; returns whether anything changed.
    pub fn set_style(&mut self, style: BasemapStyle, projector: &Projector, version: u64) -> bool {
        if style == self.style {
            return false;
        }
        self.style = style;
        let k = self.scale;
        self.base = build(&self.basemap, projector, style, version, k);
        self.detail = self
            .detail_basemap
            .as_ref()
            .map(|b| build(b, projector, style, version, k));
        true
    }

    /// Uses `basemap` (the 1:50m one) from [`DETAIL_ZOOM`] on.
    pub fn set_detail(&mut self, basemap: &Basemap, projector: &Projector, version: u64) {
        self.detail = Some(build(basemap, projector, self.style, version, self.scale));
        self.detail_basemap = Some(Rc::new(basemap.clone()));
    }

    /// Replaces the built-in basemap (an office's own approved one); the 1:50m detail is not
    /// used with it.
    pub fn replace(&mut self, basemap: Basemap, projector: &Projector, version: u64) {
        self.base = build(&basemap, projector, self.style, version, self.scale);
        self.label_points = label_points(&basemap);
        self.basemap = Rc::new(basemap);
        self.detail = None;
        self.detail_basemap = None;
        self.detail_requested = true;
    }

    /// Whether the 1:50m basemap should be fetched now: true once, when the view first comes
    /// close to [`DETAIL_ZOOM`] on a flat map and none is loaded.
    pub fn take_detail_request(&mut self, projector: &Projector, zoom: f64) -> bool {
        let want = projector.as_globe().is_none()
            && self.detail.is_none()
            && !self.detail_requested
            && zoom >= DETAIL_REQUEST_ZOOM;
        self.detail_requested |= want;
        want
    }

    /// Whether the 1:50m layers are drawn at `zoom`.
    pub fn showing_detail(&self, zoom: f64) -> bool {
        self.detail.is_some() && zoom >= DETAIL_ZOOM
    }

    /// The 1:50m basemap, once loaded.
    pub fn detail_basemap(&self) -> Option<&Basemap> {
        self.detail_basemap.as_deref()
    }

    /// Where each country's name goes, by ISO numeric code.
    pub fn label_points(&self) -> &HashMap<u16, LonLat> {
        &self.label_points
    }

    /// The layers to draw at `zoom`.
    pub fn layers(&self, zoom: f64) -> &BaseLayers {
        match &self.detail {
            Some(d) if zoom >= DETAIL_ZOOM => d,
            _ => &self.base,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::BASEMAP_110M;
    use crate::map::camera::Camera;
    use crate::projection::ProjectionKind;

    fn setup(kind: ProjectionKind) -> (Basemaps, Camera) {
        let b = Basemap::decode(BASEMAP_110M).expect("basemap");
        let cam = Camera::new(kind, 800.0, 400.0);
        (Basemaps::new(&b, cam.projector(), 1), cam)
    }

    #[test]
    fn detail_is_requested_once_when_zooming_in_on_a_flat_map() {
        let (mut b, cam) = setup(ProjectionKind::NaturalEarth);
        assert!(!b.take_detail_request(cam.projector(), 1.0));
        assert!(b.take_detail_request(cam.projector(), 2.1));
        assert!(!b.take_detail_request(cam.projector(), 3.0), "only once");
        let (mut g, globe) = setup(ProjectionKind::Globe);
        assert!(
            !g.take_detail_request(globe.projector(), 5.0),
            "not on the globe"
        );
    }

    #[test]
    fn detail_layers_are_drawn_from_the_detail_zoom() {
        let (mut b, cam) = setup(ProjectionKind::NaturalEarth);
        let fine = Basemap::decode(BASEMAP_110M).expect("basemap");
        b.set_detail(&fine, cam.projector(), 7);
        assert!(!b.showing_detail(2.0) && b.showing_detail(DETAIL_ZOOM));
        assert_eq!(b.layers(DETAIL_ZOOM).land.version, 7);
        assert_eq!(b.layers(1.0).land.version, 1);
        // An office's own basemap drops the detail and never asks for it.
        b.replace(fine, cam.projector(), 9);
        assert!(!b.showing_detail(10.0));
        assert!(!b.take_detail_request(cam.projector(), 10.0));
    }

    #[test]
    fn style_changes_rebuild_only_when_different() {
        let (mut b, cam) = setup(ProjectionKind::NaturalEarth);
        assert!(!b.set_style(BasemapStyle::Countries, cam.projector(), 2));
        assert!(b.set_style(BasemapStyle::Land, cam.projector(), 3));
        assert_eq!(b.style(), BasemapStyle::Land);
        assert!(
            b.layers(1.0).borders.path.is_empty(),
            "land style has no borders"
        );
    }
}
