//! The camera: how world units map to CSS pixels, with pan and anchored zoom.

use crate::projection::Xy;

/// Deepest zoom, as a multiple of the fitted world scale.
pub const MAX_ZOOM: f64 = 32.0;
/// Widest zoom, as a multiple of the fitted world scale.
pub const MIN_ZOOM: f64 = 0.8;

/// Screen transform: `x_px = tx + scale * x`, `y_px = ty - scale * y`.
///
/// # Units
/// `width`, `height`, `tx`, `ty` in CSS pixels; `scale` in CSS pixels per world unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Canvas width, CSS px.
    pub width: f64,
    /// Canvas height, CSS px.
    pub height: f64,
    /// CSS px per world unit.
    pub scale: f64,
    /// Screen x of the world origin, CSS px.
    pub tx: f64,
    /// Screen y of the world origin, CSS px.
    pub ty: f64,
    /// World bounds `[min_x, min_y, max_x, max_y]`.
    pub bounds: [f64; 4],
}

/// A canvas side in CSS px: at least 1, `None` when not a finite number.
fn valid_size(v: f64) -> Option<f64> {
    v.is_finite().then(|| v.max(1.0))
}

impl Viewport {
    /// A viewport showing the whole world `bounds`, centred, with a small margin.
    pub fn fit(width: f64, height: f64, bounds: [f64; 4]) -> Self {
        let mut v = Self {
            width: valid_size(width).unwrap_or(1.0),
            height: valid_size(height).unwrap_or(1.0),
            scale: 1.0,
            tx: 0.0,
            ty: 0.0,
            bounds,
        };
        v.scale = v.fit_scale();
        let cx = (bounds[0] + bounds[2]) / 2.0;
        let cy = (bounds[1] + bounds[3]) / 2.0;
        v.tx = v.width / 2.0 - v.scale * cx;
        v.ty = v.height / 2.0 + v.scale * cy;
        v
    }

    /// The scale at which the whole world fits.
    pub fn fit_scale(&self) -> f64 {
        let w = self.bounds[2] - self.bounds[0];
        let h = self.bounds[3] - self.bounds[1];
        0.96 * (self.width / w).min(self.height / h)
    }

    /// Zoom as a multiple of the fitted scale.
    pub fn zoom(&self) -> f64 {
        self.scale / self.fit_scale()
    }

    /// World point to screen (CSS px).
    pub fn to_screen(&self, p: Xy) -> Xy {
        [self.tx + self.scale * p[0], self.ty - self.scale * p[1]]
    }

    /// Screen (CSS px) to world point.
    pub fn to_world(&self, s: Xy) -> Xy {
        [(s[0] - self.tx) / self.scale, (self.ty - s[1]) / self.scale]
    }

    /// Moves the map by a screen offset (CSS px).
    pub fn pan(&mut self, dx: f64, dy: f64) {
        self.tx += dx;
        self.ty += dy;
        self.clamp();
    }

    /// Multiplies the scale by `factor`, keeping the world point under `anchor` (CSS px) fixed.
    pub fn zoom_at(&mut self, factor: f64, anchor: Xy) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let fit = self.fit_scale();
        let world = self.to_world(anchor);
        self.scale = crate::number::clamp(self.scale * factor, fit * MIN_ZOOM, fit * MAX_ZOOM);
        self.tx = anchor[0] - self.scale * world[0];
        self.ty = anchor[1] + self.scale * world[1];
        self.clamp();
    }

    /// Keeps the world under the screen centre: the map cannot be dragged out of sight.
    fn clamp(&mut self) {
        let (cx, cy) = (self.width / 2.0, self.height / 2.0);
        let [x0, y0, x1, y1] = self.bounds;
        self.tx = crate::number::clamp(self.tx, cx - self.scale * x1, cx - self.scale * x0);
        self.ty = crate::number::clamp(self.ty, cy + self.scale * y0, cy + self.scale * y1);
    }

    /// Shows all `points` (world units) with a margin, zooming in no further than 8× and out no
    /// further than the fitted world.
    pub fn fit_points(&mut self, points: &[Xy]) {
        if points.is_empty() {
            return;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in points {
            (x0, y0, x1, y1) = (x0.min(p[0]), y0.min(p[1]), x1.max(p[0]), y1.max(p[1]));
        }
        let fit = self.fit_scale();
        let w = (x1 - x0).max(1e-9);
        let h = (y1 - y0).max(1e-9);
        let scale =
            crate::number::clamp(0.8 * (self.width / w).min(self.height / h), fit, fit * 8.0);
        self.set_view(scale / fit, [(x0 + x1) / 2.0, (y0 + y1) / 2.0]);
    }

    /// Sets the zoom (multiple of the fitted scale) and the world point at the centre.
    pub fn set_view(&mut self, zoom: f64, centre: Xy) {
        let fit = self.fit_scale();
        self.scale = fit * crate::number::clamp(zoom, MIN_ZOOM, MAX_ZOOM);
        self.tx = self.width / 2.0 - self.scale * centre[0];
        self.ty = self.height / 2.0 + self.scale * centre[1];
        self.clamp();
    }

    /// A new canvas size, keeping the world point at the centre and the zoom level. A size that
    /// is not a finite number is ignored (the camera would be lost for good).
    pub fn resize(&mut self, width: f64, height: f64) {
        let (Some(width), Some(height)) = (valid_size(width), valid_size(height)) else {
            return;
        };
        let zoom = self.zoom();
        let centre = self.to_world([self.width / 2.0, self.height / 2.0]);
        self.width = width;
        self.height = height;
        self.scale = self.fit_scale() * zoom;
        self.tx = self.width / 2.0 - self.scale * centre[0];
        self.ty = self.height / 2.0 + self.scale * centre[1];
        self.clamp();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const B: [f64; 4] = [-2.7, -1.4, 2.7, 1.4];

    #[test]
    fn zoom_keeps_the_anchor_fixed() {
        let mut v = Viewport::fit(800.0, 400.0, B);
        let anchor = [600.0, 120.0];
        let before = v.to_world(anchor);
        v.zoom_at(2.0, anchor);
        let after = v.to_world(anchor);
        assert!((before[0] - after[0]).abs() < 1e-12 && (before[1] - after[1]).abs() < 1e-12);
        assert!((v.zoom() - 2.0).abs() < 1e-12);
    }

    #[test]
    fn zoom_is_bounded() {
        let mut v = Viewport::fit(800.0, 400.0, B);
        v.zoom_at(1e9, [400.0, 200.0]);
        assert!((v.zoom() - MAX_ZOOM).abs() < 1e-9);
        v.zoom_at(1e-9, [400.0, 200.0]);
        assert!((v.zoom() - MIN_ZOOM).abs() < 1e-9);
    }

    #[test]
    fn pan_cannot_lose_the_world() {
        let mut v = Viewport::fit(800.0, 400.0, B);
        v.pan(1e6, -1e6);
        let c = v.to_world([400.0, 200.0]);
        assert!(c[0] >= B[0] - 1e-9 && c[0] <= B[2] + 1e-9);
        assert!(c[1] >= B[1] - 1e-9 && c[1] <= B[3] + 1e-9);
    }

    #[test]
    fn resize_keeps_centre_and_zoom() {
        let mut v = Viewport::fit(800.0, 400.0, B);
        v.zoom_at(3.0, [500.0, 100.0]);
        let c = v.to_world([400.0, 200.0]);
        v.resize(360.0, 640.0);
        let c2 = v.to_world([180.0, 320.0]);
        assert!((c[0] - c2[0]).abs() < 1e-9 && (c[1] - c2[1]).abs() < 1e-9);
        assert!((v.zoom() - 3.0).abs() < 1e-9);
    }

    /// Found by the MapState fuzzer: `resize(1725.5, inf)` made the camera infinite for good.
    #[test]
    fn sizes_that_are_not_numbers_are_ignored() {
        let mut v = Viewport::fit(800.0, 400.0, B);
        let before = v;
        for (w, h) in [
            (1725.5, f64::INFINITY),
            (f64::NAN, 400.0),
            (f64::NEG_INFINITY, 1.0),
        ] {
            v.resize(w, h);
            assert_eq!(v, before, "{w} x {h}");
        }
        let f = Viewport::fit(f64::NAN, f64::INFINITY, B);
        assert!([f.width, f.height, f.scale, f.tx, f.ty]
            .iter()
            .all(|x| x.is_finite()));
        for (dx, dy) in [(f64::NAN, f64::INFINITY), (f64::NEG_INFINITY, 1e308)] {
            v.pan(dx, dy);
            v.zoom_at(f64::NAN, [dx, dy]);
            assert!([v.scale, v.tx, v.ty].iter().all(|x| x.is_finite()), "{v:?}");
        }
    }
}
