//! The canvas backend: replays a frame into a `CanvasRenderingContext2d`, keeping one `Path2D`
//! per world layer until its version changes, and the frame's static items (basemap and settled
//! links) as a [`Backdrop`] image that pans and zooms move or scale. Labels are drawn with `strokeText`
//! (the halo) under `fillText`.

use super::backdrop::{static_key, Backdrop, BackdropKey};
use crate::display_list::{Frame, Item, Layer, Sink, Space, TextLayer};
use crate::rest::Painted;
use crate::viewport::Viewport;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

/// How far a picture may be scaled during a zoom gesture before it is drawn afresh.
const MAX_PICTURE_SCALE: f64 = 3.0;

/// Above this many device pixels, zoom frames draw the map afresh instead of scaling the
/// picture, unless it holds more than [`MANY_POINTS`]: measured in Chromium's software canvas
/// (docs/PERFORMANCE.md), a smoothed scaled copy costs about 3 ms at 1280×720 against 6 ms for
/// the basemap's paths, but at 3840×2160 about 30 ms against 20 ms.
const MAX_SCALED_PIXELS: f64 = 4.2e6;

/// Static items with more path points than this are scaled during zooms at any size: at
/// 3840×2160 the built-in set's 40,000 points (basemap and links) draw afresh in about 20 ms,
/// the world file's 720,000 in about 320 ms, against about 30 ms for a scaled copy.
const MANY_POINTS: usize = 80_000;

/// Paints frames into a 2D context at a device-pixel ratio.
pub struct CanvasSink {
    ctx: CanvasRenderingContext2d,
    /// Device pixels per CSS pixel.
    pub dpr: f64,
    /// Built paths by (layer name, version), with whether the current frame used them.
    cache: HashMap<(&'static str, u64), (Path2d, bool)>,
    /// The static items around the view, at the scale of the last frame that held still.
    picture: Option<Box<Backdrop>>,
    /// The whole world's static items at the fitted scale, when zoomed in: the backdrop where
    /// a zoom-out gesture uncovers more than `picture` holds.
    world: Option<Box<Backdrop>>,
    last_scale: f64,
    /// What the last frame's static items showed.
    last_key: Option<BackdropKey>,
    /// The frame being painted is provisional (a scaled picture, a picture off the pixel grid,
    /// or a direct draw while a picture is due): the host paints again once the gesture rests.
    provisional: bool,
    /// Whether the last frame copied its static items from a picture.
    pub from_picture: bool,
}

impl CanvasSink {
    /// A sink for a context.
    pub fn new(ctx: CanvasRenderingContext2d) -> Self {
        Self {
            ctx,
            dpr: 1.0,
            cache: HashMap::new(),
            picture: None,
            world: None,
            last_scale: f64::NAN,
            last_key: None,
            provisional: false,
            from_picture: false,
        }
    }

    /// Paints a frame and says whether it equals a fresh draw of the same view
    /// ([`Painted::Final`]) or must be painted again once the gesture rests. While only the
    /// position changes (a drag), the static items are moved as a picture; while the scale
    /// changes (a zoom gesture), the picture is scaled; a frame at an unchanged scale after a
    /// gesture draws it afresh. A frame whose static items just changed (a filter, a playback
    /// step, the globe turning) is drawn directly: the picture is made when they hold still.
    /// `resting`: this is the frame after a gesture rested, which must equal a fresh draw.
    pub fn paint(&mut self, frame: &Frame, resting: bool) -> Painted {
        let v = frame.viewport;
        let steady = v.scale == self.last_scale;
        self.last_scale = v.scale;
        self.provisional = false;
        let n = frame.static_items.min(frame.items.len());
        let key = (n > 0).then(|| static_key(frame, n, self.dpr));
        let changed = key != self.last_key;
        self.last_key.clone_from(&key);
        let pictured = match key {
            None => false,
            Some(key) if steady => self.paint_picture(frame, n, &key, changed, resting),
            Some(key) => {
                self.scales_pictures(&v, frame, n)
                    && (self.paint_scaled(frame, n)
                        || (self.picture.is_some()
                            && self.paint_picture(frame, n, &key, false, resting)))
            }
        };
        self.from_picture = pictured;
        if !pictured {
            self.picture = None;
            frame.replay(self);
            // With static items, a fresh draw at rest copies them from a picture: a direct
            // draw is only final when there are none.
            return if n > 0 {
                Painted::Provisional
            } else {
                Painted::Final
            };
        }
        self.ctx.set_line_join("round");
        self.ctx.set_line_cap("round");
        for item in &frame.items[n..] {
            match item {
                Item::Draw(l) => self.draw(l, &v),
                Item::Clip(l) => self.clip(l, &v),
                Item::Unclip => self.unclip(),
                Item::Text(t) => self.text(t),
            }
        }
        if self.provisional {
            Painted::Provisional
        } else {
            Painted::Final
        }
    }

    /// During a zoom gesture: the picture scaled to the new view (over the whole world's
    /// picture where it does not reach); false when there is none close enough in scale.
    fn paint_scaled(&mut self, frame: &Frame, n: usize) -> bool {
        let v = frame.viewport;
        let size = (v.width.to_bits(), v.height.to_bits(), self.dpr.to_bits());
        let same_size = |p: &Backdrop| (p.key.1, p.key.2, p.key.3) == size;
        let usable = |p: &Backdrop| {
            let k = v.scale / p.view.scale;
            same_size(p) && (1.0 / MAX_PICTURE_SCALE..=MAX_PICTURE_SCALE).contains(&k)
        };
        let Some(p) = self.picture.as_deref().filter(|p| usable(p)) else {
            return false;
        };
        let world = if p.covers(&v) {
            None
        } else {
            // Zooming out past the picture's margin: the whole world behind it, made once.
            if !self.world.as_deref().is_some_and(same_size) {
                self.world = picture(frame, n, Backdrop::world(frame), self.dpr);
            }
            match self.world.as_deref() {
                Some(w) => Some(w),
                None => return false,
            }
        };
        let _ = self.ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        self.ctx.set_fill_style_str(frame.background);
        self.ctx
            .fill_rect(0.0, 0.0, v.width * self.dpr, v.height * self.dpr);
        for pic in world.into_iter().chain(std::iter::once(p)) {
            let (k, x, y) = pic.placement(&v);
            let d = self.dpr;
            let _ = self.ctx.set_transform(k, 0.0, 0.0, k, x * d, y * d);
            let _ = self
                .ctx
                .draw_image_with_html_canvas_element(&pic.canvas, 0.0, 0.0);
        }
        self.provisional = true;
        true
    }

    /// Draws the static items from the picture (making it first if needed); false if no
    /// picture can be made, or if the static items just changed (`changed`: they are drawn
    /// directly and the picture is made at rest). A `resting` frame redraws a picture that
    /// is off the device-pixel grid.
    fn paint_picture(
        &mut self,
        frame: &Frame,
        n: usize,
        key: &BackdropKey,
        changed: bool,
        resting: bool,
    ) -> bool {
        let v = frame.viewport;
        let d = self.dpr;
        let fits = |p: &Backdrop| {
            &p.key == key
                && p.view.scale == v.scale
                && p.covers(&v)
                && (!resting || p.aligned(&v, d))
        };
        if !self.picture.as_deref().is_some_and(fits) {
            if changed {
                self.provisional = true;
                return false;
            }
            self.picture = picture(frame, n, Backdrop::around(&v, d), d);
        }
        // Zoomed in, the whole world is kept too, for zoom-out gestures (on canvases small
        // enough to scale pictures at all).
        let home = Viewport::fit(v.width, v.height, v.bounds);
        if v.scale > 1.1 * home.scale
            && self.scales_pictures(&v, frame, n)
            && self.world.as_deref().is_none_or(|w| &w.key != key)
        {
            self.world = picture(frame, n, Backdrop::world(frame), d);
        }
        let Some(p) = self.picture.as_deref() else {
            return false;
        };
        let (_, x, y) = p.placement(&v);
        self.provisional |= !p.aligned(&v, d);
        let _ = self.ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        let _ = self.ctx.draw_image_with_html_canvas_element(
            &p.canvas,
            (x * d).round(),
            (y * d).round(),
        );
        true
    }

    /// Whether zoom frames scale pictures on a view of this size, for the first `n` items of
    /// `frame` (see `MAX_SCALED_PIXELS` and `MANY_POINTS`).
    fn scales_pictures(&self, v: &Viewport, frame: &Frame, n: usize) -> bool {
        let points = || {
            let layers = frame.items[..n].iter().filter_map(|i| match i {
                Item::Draw(l) | Item::Clip(l) => Some(l.path.len()),
                Item::Unclip | Item::Text(_) => None,
            });
            layers.sum::<usize>()
        };
        v.width * v.height * self.dpr * self.dpr <= MAX_SCALED_PIXELS || points() > MANY_POINTS
    }

    fn world_transform(&self, v: &Viewport) {
        let (s, d) = (v.scale, self.dpr);
        let _ = self
            .ctx
            .set_transform(d * s, 0.0, 0.0, -d * s, d * v.tx, d * v.ty);
    }

    fn screen_transform(&self) {
        let _ = self
            .ctx
            .set_transform(self.dpr, 0.0, 0.0, self.dpr, 0.0, 0.0);
    }

    /// Drops the paths the last frame did not use (old versions, the other basemap scale).
    pub fn end_frame(&mut self) {
        self.cache.retain(|_, (_, used)| std::mem::take(used));
    }

    fn path_for(&mut self, layer: &Layer, v: &Viewport) -> Option<Path2d> {
        let key = (layer.name, layer.version);
        let cacheable = layer.space == Space::World && layer.version != 0;
        if cacheable {
            if let Some((p, used)) = self.cache.get_mut(&key) {
                *used = true;
                return Some(p.clone());
            }
        }
        // One string for the whole path: a call into JavaScript per point costs more.
        let data = crate::path_data::path_data_in(&layer.path, layer.space.px_per_unit(v));
        let path = Path2d::new_with_path_string(&data).ok()?;
        if cacheable {
            self.cache.insert(key, (path.clone(), true));
        }
        Some(path)
    }

    fn set_space(&self, layer: &Layer, v: &Viewport) -> f64 {
        match layer.space {
            Space::World => self.world_transform(v),
            Space::Screen => self.screen_transform(),
        }
        layer.space.px_per_unit(v)
    }
}

impl Sink for CanvasSink {
    fn clear(&mut self, background: &str, v: &Viewport) {
        let _ = self.ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        self.ctx.set_fill_style_str(background);
        self.ctx
            .fill_rect(0.0, 0.0, v.width * self.dpr, v.height * self.dpr);
        self.ctx.set_line_join("round");
        self.ctx.set_line_cap("round");
    }

    fn draw(&mut self, layer: &Layer, v: &Viewport) {
        if layer.path.is_empty() {
            return;
        }
        let Some(path) = self.path_for(layer, v) else {
            return;
        };
        let units_per_px = 1.0 / self.set_space(layer, v);
        let s = &layer.style;
        if let Some(fill) = s.fill {
            self.ctx.set_fill_style_str(&fill.css());
            self.ctx.fill_with_path_2d(&path);
        }
        if let Some(stroke) = s.stroke {
            self.ctx.set_stroke_style_str(&stroke.css());
            self.ctx.set_line_width(s.width_px * units_per_px);
            let dash = js_sys::Array::new();
            if let Some([on, off]) = s.dash_px {
                dash.push(&JsValue::from_f64(on * units_per_px));
                dash.push(&JsValue::from_f64(off * units_per_px));
            }
            let _ = self.ctx.set_line_dash(&dash);
            self.ctx.stroke_with_path(&path);
        }
    }

    fn clip(&mut self, layer: &Layer, v: &Viewport) {
        self.ctx.save();
        if let Some(path) = self.path_for(layer, v) {
            self.set_space(layer, v);
            self.ctx.clip_with_path_2d(&path);
        }
    }

    fn unclip(&mut self) {
        self.ctx.restore();
    }

    /// All halos first, then all glyphs, so no label's halo covers another's glyphs (placed
    /// labels do not overlap, but their halos may touch).
    fn text(&mut self, layer: &TextLayer) {
        if layer.labels.is_empty() {
            return;
        }
        self.screen_transform();
        let s = &layer.style;
        self.ctx.set_font(&s.font.css());
        if let Some(halo) = s.halo.filter(|_| s.halo_px > 0.0) {
            self.ctx.set_stroke_style_str(&halo.css());
            self.ctx.set_line_width(2.0 * s.halo_px);
            let _ = self.ctx.set_line_dash(&js_sys::Array::new());
            self.ctx.set_line_join("round");
            draw_labels(&self.ctx, layer, |ctx, l| {
                ctx.stroke_text(&l.text, l.at[0], l.at[1])
            });
        }
        self.ctx.set_fill_style_str(&s.fill.css());
        draw_labels(&self.ctx, layer, |ctx, l| {
            ctx.fill_text(&l.text, l.at[0], l.at[1])
        });
    }
}

/// Draws each label of `layer` with `draw`, setting the text's alignment only when it changes
/// (each setting crosses into JavaScript with its text).
fn draw_labels(
    ctx: &CanvasRenderingContext2d,
    layer: &TextLayer,
    draw: impl Fn(&CanvasRenderingContext2d, &crate::display_list::Label) -> Result<(), JsValue>,
) {
    let mut last = None;
    for l in &layer.labels {
        if last != Some(l.anchor) {
            ctx.set_text_align(l.anchor.text_align());
            ctx.set_text_baseline(l.anchor.text_baseline());
            last = Some(l.anchor);
        }
        let _ = draw(ctx, l);
    }
}

/// The first `n` items of `frame` drawn for `view` as a picture.
fn picture(frame: &Frame, n: usize, view: Viewport, dpr: f64) -> Option<Box<Backdrop>> {
    Some(Box::new(Backdrop {
        canvas: draw_static(frame, n, &view, dpr)?,
        key: static_key(frame, n, dpr),
        view,
    }))
}

/// Draws the first `n` items of `frame` for viewport `v` into a new off-screen canvas of `v`'s
/// size.
pub(super) fn draw_static(
    frame: &Frame,
    n: usize,
    v: &Viewport,
    dpr: f64,
) -> Option<HtmlCanvasElement> {
    let doc = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width((v.width * dpr).round() as u32);
    canvas.set_height((v.height * dpr).round() as u32);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let mut sink = CanvasSink::new(ctx);
    sink.dpr = dpr;
    let part = Frame {
        viewport: *v,
        background: frame.background,
        items: frame.items[..n].to_vec(),
        static_items: 0,
    };
    part.replay(&mut sink);
    Some(canvas)
}
