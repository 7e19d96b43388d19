//! The backdrop: the moving part of a frame kept as an image, the basemap, the settled links and
//! the markers (the frame's `static_items`) drawn once into an off-screen canvas with a margin
//! around the view, then moved while the map is dragged and scaled while it is zoomed, so that
//! a pan or zoom frame costs a copy whether 200 links are shown or 26,000.

use crate::display_list::{Frame, Item};
use crate::viewport::Viewport;
use web_sys::HtmlCanvasElement;

/// A backdrop image and what it shows.
pub struct Backdrop {
    /// The pixels, at the sink's device-pixel ratio.
    pub canvas: HtmlCanvasElement,
    /// Identity of what it shows (see [`BackdropKey`]).
    pub key: BackdropKey,
    /// The viewport it was drawn with (its origin is the picture's top-left corner).
    pub view: Viewport,
}

/// What a picture shows: the static layers' (name, version), the view's width and height and
/// the device-pixel ratio (as bits).
pub type BackdropKey = (Vec<(&'static str, u64)>, u64, u64, u64);

impl Backdrop {
    /// Where the picture goes for view `v`: the scale factor and the top-left corner, CSS px.
    pub fn placement(&self, v: &Viewport) -> (f64, f64, f64) {
        let k = v.scale / self.view.scale;
        (k, v.tx - k * self.view.tx, v.ty - k * self.view.ty)
    }

    /// Whether the picture, placed for view `v`, covers it entirely.
    pub fn covers(&self, v: &Viewport) -> bool {
        let (k, x, y) = self.placement(v);
        x <= 0.5
            && y <= 0.5
            && x + k * self.view.width >= v.width - 0.5
            && y + k * self.view.height >= v.height - 0.5
    }

    /// Whether, at view `v`'s scale, the picture lands on whole device pixels (`dpr` per CSS
    /// px), so that copying it gives the same pixels as drawing the view afresh.
    pub fn aligned(&self, v: &Viewport, dpr: f64) -> bool {
        let (_, x, y) = self.placement(v);
        let off = |c: f64| ((c * dpr) - (c * dpr).round()).abs() < 1e-3;
        off(x) && off(y)
    }

    /// The view a picture around view `v` is drawn with: `v` with a margin on every side (a
    /// whole number of device pixels at `dpr`, so that the view sits on the pixel grid).
    pub fn around(v: &Viewport, dpr: f64) -> Viewport {
        let margin = crate::number::clamp(0.25 * v.width.max(v.height), 64.0, 512.0);
        let margin = (margin * dpr).round() / dpr;
        let mut around = *v;
        around.width += 2.0 * margin;
        around.height += 2.0 * margin;
        around.tx += margin;
        around.ty += margin;
        around
    }

    /// The view of the whole world at the fitted scale (for `frame`'s canvas size): the
    /// backdrop where a zoom-out gesture uncovers more than the picture around the view holds.
    pub fn world(frame: &Frame) -> Viewport {
        let v = frame.viewport;
        Viewport::fit(v.width, v.height, v.bounds)
    }
}

/// What a picture of the first `n` items of `frame` at `dpr` shows.
pub fn static_key(frame: &Frame, n: usize, dpr: f64) -> BackdropKey {
    let v = frame.viewport;
    let names = frame.items[..n]
        .iter()
        .filter_map(|i| match i {
            Item::Draw(l) | Item::Clip(l) => Some((l.name, l.version)),
            Item::Unclip | Item::Text(_) => None,
        })
        .collect();
    (names, v.width.to_bits(), v.height.to_bits(), dpr.to_bits())
}
