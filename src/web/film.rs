//! The film handle JavaScript holds while it makes a video (`map.film(…)`): the page sets its
//! basemap as the live map's, then seeks it frame by frame and has each frame painted, with the
//! caption it writes, into the canvas it encodes.

use super::api_publish::{overlay_texts, Measure};
use super::basemap_json;
use super::canvas::CanvasSink;
use super::handle::context_2d;
use super::js::{js_err, to_js};
use crate::basemap::Basemap;
use crate::film::Film;
use crate::overlay::overlay;
use crate::scene::BasemapStyle;
use crate::Error;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// A playback being filmed, as JavaScript sees it.
#[wasm_bindgen(js_name = Film)]
pub struct FilmHandle {
    film: Film,
    /// The video's size in px, and px per CSS px.
    size: (f64, f64, f64),
    /// Paints into the canvas of the first `render` (keeping built paths between frames).
    sink: Option<(HtmlCanvasElement, CanvasSink)>,
    measure: Measure,
}

impl FilmHandle {
    /// A handle over a film of a video `size` (px, px, px per CSS px).
    pub fn new(film: Film, size: (f64, f64, f64)) -> Self {
        Self {
            film,
            size,
            sink: None,
            measure: Measure::new(),
        }
    }
}

#[wasm_bindgen(js_class = Film)]
impl FilmHandle {
    /// Basemap style, as the live map's `setBasemapStyle`.
    #[wasm_bindgen(js_name = setBasemapStyle)]
    pub fn set_basemap_style(&mut self, style: &str) -> Result<(), JsValue> {
        let s = BasemapStyle::from_name(style)
            .ok_or_else(|| js_err(&format!("unknown basemap style `{style}`")))?;
        self.film.map_mut().set_basemap_style(s);
        Ok(())
    }

    /// An office's basemap (GeoJSON or TopoJSON text), as the live map's `loadBasemap`.
    #[wasm_bindgen(js_name = loadBasemap)]
    pub fn load_basemap(&mut self, text: &str) -> Result<(), JsValue> {
        let parsed = js_sys::JSON::parse(text).map_err(|_| js_err("basemap: not valid JSON"))?;
        let basemap = basemap_json::basemap_from_json(&parsed)
            .map_err(|e| js_err(&Error::Basemap(e).to_string()))?;
        self.film.map_mut().set_basemap(basemap);
        Ok(())
    }

    /// The 1:50m basemap, as the live map's `setDetailBasemap`.
    #[wasm_bindgen(js_name = setDetailBasemap)]
    pub fn set_detail_basemap(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        let basemap = Basemap::decode(bytes).map_err(|e| js_err(&Error::from(e).to_string()))?;
        self.film.map_mut().set_detail_basemap(&basemap);
        Ok(())
    }

    /// How long the film lasts, ms.
    #[wasm_bindgen(js_name = durationMs)]
    pub fn duration_ms(&self) -> f64 {
        self.film.duration_ms()
    }

    /// Plays on to `t_ms` from the film's start (forward only).
    pub fn seek(&mut self, t_ms: f64) {
        self.film.seek(t_ms);
    }

    /// The caption at the time sought (as the live map's `caption()`).
    pub fn caption(&self) -> Result<JsValue, JsValue> {
        self.film
            .map()
            .caption()
            .map_or(Ok(JsValue::NULL), |c| to_js(&c))
    }

    /// Paints the frame at the time sought into `canvas` (sized to the video), with the
    /// overlay `texts` (`{sister, friendly, credit, review, headline, names}`) in presenter
    /// mode's sizes.
    pub fn render(&mut self, canvas: HtmlCanvasElement, texts: JsValue) -> Result<(), JsValue> {
        let (pw, ph, k) = self.size;
        let (w, h) = (pw / k, ph / k);
        let fresh = !self.sink.as_ref().is_some_and(|(c, _)| *c == canvas);
        if fresh {
            canvas.set_width(pw.round() as u32);
            canvas.set_height(ph.round() as u32);
            let mut sink = CanvasSink::new(context_2d(&canvas)?);
            sink.dpr = k;
            self.sink = Some((canvas, sink));
        }
        let mut frame = self.film.map().frame_sized(w, h);
        frame
            .items
            .extend(overlay(&overlay_texts(&texts), w, h, true, &self.measure));
        if let Some((_, sink)) = self.sink.as_mut() {
            sink.paint(&frame, false);
            sink.end_frame();
        }
        Ok(())
    }
}
