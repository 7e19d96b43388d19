//! Hooks for tests, benchmarks and soak runs: a class of their own (`new Diagnostics(map)`),
//! apart from the map's handle, which pages use.

use super::frame_loop::draw_now;
use super::handle::FriendshipMap;
use super::host::Shared;
use crate::lonlat::LonLat;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Test and benchmark hooks on one map.
#[wasm_bindgen]
pub struct Diagnostics {
    host: Shared,
}

#[wasm_bindgen]
impl Diagnostics {
    /// The hooks of `map`.
    #[wasm_bindgen(constructor)]
    pub fn new(map: &FriendshipMap) -> Diagnostics {
        Diagnostics {
            host: map.host.clone(),
        }
    }

    /// Diagnostics: the picture's scale (1 on pages; larger in presenter mode on big screens).
    #[wasm_bindgen(js_name = drawingScale)]
    pub fn drawing_scale(&self) -> f64 {
        self.host.borrow().map.drawing_scale()
    }

    /// Diagnostics: frames painted since start (a frame is painted only when something changed).
    #[wasm_bindgen(js_name = framesDrawn)]
    pub fn frames_drawn(&self) -> u32 {
        self.host.borrow().frames.drawn
    }

    /// Diagnostics: the camera, `{zoom, scale, tx, ty, width, height}` (CSS px).
    pub fn view(&self) -> Result<JsValue, JsValue> {
        let host = self.host.borrow();
        let v = host.map.viewport();
        let o = js_sys::Object::new();
        for (k, x) in [
            ("zoom", v.zoom()),
            ("scale", v.scale),
            ("tx", v.tx),
            ("ty", v.ty),
            ("width", v.width),
            ("height", v.height),
        ] {
            js_sys::Reflect::set(&o, &k.into(), &x.into())?;
        }
        Ok(o.into())
    }

    /// Diagnostics: where a geographic position is on the canvas now, `[x, y]` CSS px.
    #[wasm_bindgen(js_name = screenPoint)]
    pub fn screen_point(&self, lon: f64, lat: f64) -> Vec<f64> {
        let host = self.host.borrow();
        let p = host.map.projector().project(LonLat::new(lon, lat));
        host.map.viewport().to_screen(p).to_vec()
    }

    /// Diagnostics: whether the 1:50m basemap is drawn now.
    #[wasm_bindgen(js_name = showingDetail)]
    pub fn showing_detail(&self) -> bool {
        self.host.borrow().map.showing_detail()
    }

    /// Diagnostics: rows in the dataset shown.
    #[wasm_bindgen(js_name = tieCount)]
    pub fn tie_count(&self) -> usize {
        self.host.borrow().map.dataset().ties.len()
    }

    /// Diagnostics: the wasm linear memory's size in bytes (soak tests: it must stay flat).
    #[wasm_bindgen(js_name = wasmMemoryBytes)]
    pub fn wasm_memory_bytes(&self) -> f64 {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .ok()
            .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
            .map_or(0.0, |b| f64::from(b.byte_length()))
    }

    /// Diagnostics: advances animations (playback, the globe's turn) by `ms` as if that much
    /// time had passed, then paints: for soak tests and benchmarks that cannot wait.
    pub fn advance(&self, ms: f64) {
        let ms = if ms.is_finite() { ms.max(0.0) } else { 0.0 };
        {
            let mut host = self.host.borrow_mut();
            host.map.tick(ms);
            host.frames.last_frame_ms = None;
        }
        draw_now(&self.host);
    }

    /// Diagnostics: completed playback loops.
    pub fn loops(&self) -> f64 {
        self.host
            .borrow()
            .map
            .playback()
            .map_or(0.0, |p| p.loops as f64)
    }

    /// Diagnostics: panics inside the map (a trap in the release build), for the test that the
    /// page says so instead of dying silently.
    #[wasm_bindgen(js_name = panicForTest)]
    pub fn panic_for_test(&self) {
        let shown = self.host.borrow().map.dataset().ties.len();
        // Data-dependent, so the optimiser keeps it.
        if shown != usize::MAX {
            panic!("a test panic with {shown} ties shown");
        }
    }

    /// Diagnostics: the names on the map now, as `[[layer, text, x, y, fx, fy, font], …]`: the
    /// anchor point (CSS px), where it lies in the text's box (fractions of its width and
    /// height) and the CSS font; the close-up's names too. For tests that read the picture.
    pub fn labels(&self) -> js_sys::Array {
        let frame = self.host.borrow().map.frame();
        let out = js_sys::Array::new();
        for item in &frame.items {
            if let crate::display_list::Item::Text(t) = item {
                for l in &t.labels {
                    let row = js_sys::Array::new();
                    row.push(&t.name.into());
                    row.push(&JsValue::from_str(&l.text));
                    row.push(&l.at[0].into());
                    row.push(&l.at[1].into());
                    let [fx, fy] = l.anchor.fraction();
                    row.push(&fx.into());
                    row.push(&fy.into());
                    row.push(&JsValue::from_str(&t.style.font.css()));
                    out.push(&row);
                }
            }
        }
        out
    }

    /// Diagnostics: paints the current frame afresh (no picture, no cached path) into `canvas`
    /// at the map's size and pixel ratio, for tests that compare it with what the map shows.
    #[wasm_bindgen(js_name = freshDraw)]
    pub fn fresh_draw(&self, canvas: JsValue) -> Result<(), JsValue> {
        let canvas: web_sys::HtmlCanvasElement = canvas
            .dyn_into()
            .map_err(|_| super::js::type_err("freshDraw(canvas) takes a canvas"))?;
        let host = self.host.borrow();
        canvas.set_width(host.canvas.width());
        canvas.set_height(host.canvas.height());
        let ctx = canvas
            .get_context("2d")?
            .ok_or("no 2d context")?
            .dyn_into::<web_sys::CanvasRenderingContext2d>()?;
        let mut sink = super::canvas::CanvasSink::new(ctx);
        sink.dpr = host.sink.dpr;
        host.map.frame().replay(&mut sink);
        Ok(())
    }

    /// Diagnostics: whether a frame is still to come without further input: one requested and
    /// not painted, or the sharp frame after a gesture (tests wait on this instead of a
    /// fixed time).
    pub fn busy(&self) -> bool {
        let host = self.host.borrow();
        host.frames.pending() || host.frames.rest.pending()
    }

    /// Diagnostics: whether the last frame copied the basemap and links from a picture (moved
    /// or scaled) rather than stroking them.
    #[wasm_bindgen(js_name = fromPicture)]
    pub fn from_picture(&self) -> bool {
        self.host.borrow().sink.from_picture
    }
}
