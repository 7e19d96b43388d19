//! The camera and the basemaps of a [`MapState`]: projection, pan, zoom, spin, level of detail
//! and style.

use super::{CameraKey, MapState};
use crate::basemap::Basemap;
use crate::projection::{ProjectionKind, Projector};
use crate::scene::BasemapStyle;
use crate::viewport::Viewport;

impl MapState {
    /// Switches the projection; the view is fitted anew.
    pub fn set_projection(&mut self, kind: ProjectionKind) {
        self.camera.set_projection(kind);
        self.reproject();
    }

    /// The projection.
    pub fn projection(&self) -> ProjectionKind {
        self.camera.kind()
    }

    /// Whether the globe turns by itself.
    pub fn set_spin(&mut self, on: bool) {
        self.camera.set_spin(on);
        self.dirty = true;
    }

    /// What a host compares between frames to tell a moved camera from a redraw in place.
    pub fn camera(&self) -> CameraKey {
        self.camera.key()
    }

    /// The screen transform.
    pub fn viewport(&self) -> &Viewport {
        self.camera.viewport()
    }

    /// The projection.
    pub fn projector(&self) -> &Projector {
        self.camera.projector()
    }

    /// A new canvas size (CSS px); in presenter mode the picture's scale follows it.
    pub fn resize(&mut self, width: f64, height: f64) {
        self.dirty |= self.camera.resize(width, height);
        let k = crate::style::drawing_scale(self.page.presenting, width, height);
        self.set_drawing_scale(k);
    }

    /// Drags the map by a screen offset (CSS px).
    pub fn pan(&mut self, dx: f64, dy: f64) {
        if self.camera.pan(dx, dy) {
            self.reproject();
        }
        self.dirty = true;
    }

    /// Zooms by `factor` keeping the point under (`x`, `y`) CSS px fixed.
    pub fn zoom_at(&mut self, factor: f64, x: f64, y: f64) {
        self.camera.zoom_at(factor, x, y);
        self.dirty = true;
    }

    /// Zooms by `factor` about the centre of the map.
    pub fn zoom_by(&mut self, factor: f64) {
        let v = *self.camera.viewport();
        self.zoom_at(factor, v.width / 2.0, v.height / 2.0);
    }

    /// Back to the whole world, nothing selected.
    pub fn reset_view(&mut self) {
        if self.camera.reset() {
            self.reproject();
        }
        self.select_city(None);
        self.dirty = true;
    }

    // ---------- basemaps ----------

    /// Whether the finer (1:50m) basemap should be fetched now: true once, when the view first
    /// zooms close to [`super::DETAIL_ZOOM`] and none is loaded.
    pub fn take_detail_request(&mut self) -> bool {
        let zoom = self.camera.viewport().zoom();
        self.basemaps
            .take_detail_request(self.camera.projector(), zoom)
    }

    /// Uses `basemap` (the 1:50m one) from [`super::DETAIL_ZOOM`] on.
    pub fn set_detail_basemap(&mut self, basemap: &Basemap) {
        let v = self.next_version();
        self.basemaps
            .set_detail(basemap, self.camera.projector(), v);
        self.dirty = true;
    }

    /// The 1:50m basemap, once loaded (imports place their partners on it).
    pub fn detail_basemap(&self) -> Option<&Basemap> {
        self.basemaps.detail_basemap()
    }

    /// Whether the frame now uses the 1:50m basemap.
    pub fn showing_detail(&self) -> bool {
        self.basemaps.showing_detail(self.camera.viewport().zoom())
    }

    /// Draws the basemap in another style (land only, or China's worldview).
    pub fn set_basemap_style(&mut self, style: BasemapStyle) {
        let v = self.next_version();
        self.dirty |= self.basemaps.set_style(style, self.camera.projector(), v);
    }

    /// Replaces the built-in basemap (an office's own approved one); the 1:50m detail is not
    /// used with it.
    pub fn set_basemap(&mut self, basemap: Basemap) {
        let v = self.next_version();
        self.basemaps.replace(basemap, self.camera.projector(), v);
        self.dirty = true;
    }
}
