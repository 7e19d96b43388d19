//! The canvas backend: replays a frame into a `CanvasRenderingContext2d`, keeping one `Path2D`
//! per world layer until its version changes, so a pan or zoom frame only re-strokes cached paths.

use crate::display_list::{Layer, PathEl, Sink, Space};
use crate::viewport::Viewport;
use std::collections::HashMap;
use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, Path2d};

/// Paints frames into a 2D context at a device-pixel ratio.
pub struct CanvasSink {
    ctx: CanvasRenderingContext2d,
    /// Device pixels per CSS pixel.
    pub dpr: f64,
    /// Built paths by (layer name, version), with whether the current frame used them.
    cache: HashMap<(&'static str, u64), (Path2d, bool)>,
}

impl CanvasSink {
    /// A sink for a context.
    pub fn new(ctx: CanvasRenderingContext2d) -> Self {
        Self {
            ctx,
            dpr: 1.0,
            cache: HashMap::new(),
        }
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
