//! The canvas backend: replays a frame into a `CanvasRenderingContext2d`, keeping one `Path2D`
//! per world layer until its version changes, so a pan or zoom frame only re-strokes cached paths.

use crate::display_list::{Frame, Item, Layer, PathEl, Sink, Space};
use crate::viewport::Viewport;
use std::collections::HashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

/// The basemap kept as a picture while the map is dragged: drawn once with a margin around the
/// view, then only moved, until the scale, the basemap or the size changes, or the drag leaves
/// the margin.
struct Picture {
    canvas: HtmlCanvasElement,
    /// Identity of what it shows: the static layers' names and versions, scale, size, dpr.
    key: (Vec<(&'static str, u64)>, u64, u64, u64, u64),
    /// The view's translation (CSS px) when it was drawn.
    tx: f64,
    ty: f64,
    /// Margin drawn around the view on each side, CSS px.
    margin: f64,
}

/// Paints frames into a 2D context at a device-pixel ratio.
pub struct CanvasSink {
    ctx: CanvasRenderingContext2d,
    /// Device pixels per CSS pixel.
    pub dpr: f64,
    /// Built paths by (layer name, version), with whether the current frame used them.
    cache: HashMap<(&'static str, u64), (Path2d, bool)>,
    picture: Option<Box<Picture>>,
    last_scale: f64,
}

impl CanvasSink {
    /// A sink for a context.
    pub fn new(ctx: CanvasRenderingContext2d) -> Self {
        Self {
            ctx,
            dpr: 1.0,
            cache: HashMap::new(),
            picture: None,
            last_scale: f64::NAN,
        }
    }

    /// Paints a frame, reusing the basemap picture when only the position changed since it was
    /// drawn (a drag). While the scale changes (zooming), everything is drawn directly.
    pub fn paint(&mut self, frame: &Frame) {
        let v = frame.viewport;
        let steady = v.scale == self.last_scale;
        self.last_scale = v.scale;
        let n = frame.static_items.min(frame.items.len());
        if !steady || n == 0 || !self.paint_picture(frame, n) {
            self.picture = None;
            frame.replay(self);
            return;
        }
        for item in &frame.items[n..] {
            match item {
                Item::Draw(l) => self.draw(l, &v),
                Item::Clip(l) => self.clip(l, &v),
                Item::Unclip => self.unclip(),
            }
        }
    }

    /// Draws the static part from the picture (making it first if needed); false if no picture
    /// can be made.
    fn paint_picture(&mut self, frame: &Frame, n: usize) -> bool {
        let v = frame.viewport;
        let names: Vec<(&'static str, u64)> = frame.items[..n]
            .iter()
            .filter_map(|i| match i {
                Item::Draw(l) | Item::Clip(l) => Some((l.name, l.version)),
                Item::Unclip => None,
            })
            .collect();
        let key = (
            names,
            v.scale.to_bits(),
            v.width.to_bits(),
            v.height.to_bits(),
            self.dpr.to_bits(),
        );
        let fits = |p: &Picture| {
            p.key == key && (v.tx - p.tx).abs() <= p.margin && (v.ty - p.ty).abs() <= p.margin
        };
        if !self.picture.as_deref().is_some_and(fits) {
            let margin = (0.25 * v.width.max(v.height)).clamp(64.0, 512.0);
            let Some(picture) = make_picture(frame, n, key, margin, self.dpr) else {
                return false;
            };
            self.picture = Some(Box::new(picture));
        }
        let Some(p) = self.picture.as_deref() else {
            return false;
        };
        let _ = self.ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
        let dx = (v.tx - p.tx - p.margin) * self.dpr;
        let dy = (v.ty - p.ty - p.margin) * self.dpr;
        let _ = self
            .ctx
            .draw_image_with_html_canvas_element(&p.canvas, dx.round(), dy.round());
        self.ctx.set_line_join("round");
        self.ctx.set_line_cap("round");
        true
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

    fn path_for(&mut self, layer: &Layer) -> Option<Path2d> {
        let key = (layer.name, layer.version);
        let cacheable = layer.space == Space::World && layer.version != 0;
        if cacheable {
            if let Some((p, used)) = self.cache.get_mut(&key) {
                *used = true;
                return Some(p.clone());
            }
        }
        let path = Path2d::new().ok()?;
        for el in &layer.path {
            match *el {
                PathEl::MoveTo([x, y]) => path.move_to(x, y),
                PathEl::LineTo([x, y]) => path.line_to(x, y),
                PathEl::Close => path.close_path(),
                PathEl::Circle([x, y], r) => {
                    path.move_to(x + r, y);
                    let _ = path.arc(x, y, r, 0.0, std::f64::consts::TAU);
                }
            }
        }
        if cacheable {
            self.cache.insert(key, (path.clone(), true));
        }
        Some(path)
    }

    fn set_space(&self, layer: &Layer, v: &Viewport) -> f64 {
        match layer.space {
            Space::World => {
                self.world_transform(v);
                v.scale
            }
            Space::Screen => {
                self.screen_transform();
                1.0
            }
        }
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
        let Some(path) = self.path_for(layer) else {
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
        if let Some(path) = self.path_for(layer) {
            self.set_space(layer, v);
            self.ctx.clip_with_path_2d(&path);
        }
    }

    fn unclip(&mut self) {
        self.ctx.restore();
    }
}

/// Draws the first `n` items of `frame` into a new off-screen canvas, `margin` CSS px larger than
/// the view on each side.
fn make_picture(
    frame: &Frame,
    n: usize,
    key: (Vec<(&'static str, u64)>, u64, u64, u64, u64),
    margin: f64,
    dpr: f64,
) -> Option<Picture> {
    let v = frame.viewport;
    let doc = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(((v.width + 2.0 * margin) * dpr).round() as u32);
    canvas.set_height(((v.height + 2.0 * margin) * dpr).round() as u32);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    let mut sink = CanvasSink::new(ctx);
    sink.dpr = dpr;
    let mut shifted = v;
    shifted.width += 2.0 * margin;
    shifted.height += 2.0 * margin;
    shifted.tx += margin;
    shifted.ty += margin;
    let part = Frame {
        viewport: shifted,
        background: frame.background,
        items: frame.items[..n].to_vec(),
        static_items: 0,
    };
    part.replay(&mut sink);
    Some(Picture {
        canvas,
        key,
        tx: v.tx,
        ty: v.ty,
        margin,
    })
}
