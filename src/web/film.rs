//! The film handle JavaScript holds while it makes a video (`map.film(…)`): the playback or a
//! story, sought frame by frame, each frame painted with the caption the page writes into the
//! canvas it encodes.

use super::canvas::CanvasSink;
use super::fields::kind_of;
use super::handle::context_2d;
use super::js::{to_js, type_err};
use super::publication_js::overlay_texts;
use crate::film::Reel;
use crate::publication::Publication;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// A playback or a story being filmed, as JavaScript sees it.
#[wasm_bindgen(js_name = Film)]
pub struct FilmHandle {
    film: Box<dyn Reel>,
    /// The video's picture (size, scale; presenter mode's overlay).
    publication: Publication,
    /// Paints into the canvas of the first `render` (keeping built paths between frames).
    sink: Option<(HtmlCanvasElement, CanvasSink)>,
}

impl FilmHandle {
    /// A handle over a film, drawn as `publication`.
    pub fn new(film: Box<dyn Reel>, mut publication: Publication) -> Self {
        publication.presenting = true;
        Self {
            film,
            publication,
            sink: None,
        }
    }
}

#[wasm_bindgen(js_class = Film)]
impl FilmHandle {
    /// How long the film lasts, ms.
    #[wasm_bindgen(js_name = durationMs)]
    pub fn duration_ms(&self) -> f64 {
        self.film.duration_ms()
    }

    /// Plays on to `t_ms` from the film's start (forward only).
    pub fn seek(&mut self, t_ms: JsValue) -> Result<(), JsValue> {
        let t = t_ms.as_f64().filter(|t| t.is_finite()).ok_or_else(|| {
            type_err(&format!(
                "seek(t_ms) takes a finite number, not {}",
                kind_of(&t_ms)
            ))
        })?;
        self.film.seek(t);
        Ok(())
    }

    /// The caption at the time sought (as the snapshot's `caption`).
    pub fn caption(&self) -> Result<JsValue, JsValue> {
        self.film
            .map()
            .caption()
            .map_or(Ok(JsValue::NULL), |c| to_js(&c))
    }

    /// The story's step at the time sought (as the snapshot's `story`), or null.
    pub fn story(&self) -> Result<JsValue, JsValue> {
        self.film
            .map()
            .story_info()
            .map_or(Ok(JsValue::NULL), |s| to_js(&s))
    }

    /// Paints the frame at the time sought into `canvas` (sized to the video), with the
    /// overlay `texts` (`{sister, friendly, credit, review, headline, names, story,
    /// storyCount}`) in presenter mode's sizes (a story's frames titled for their step).
    pub fn render(&mut self, canvas: JsValue, texts: JsValue) -> Result<(), JsValue> {
        let canvas: HtmlCanvasElement = canvas.dyn_into().map_err(|v| {
            type_err(&format!(
                "render(canvas, texts) takes a canvas, not {}",
                kind_of(&v)
            ))
        })?;
        self.publication.texts = overlay_texts(&texts, "render(canvas, texts)")?;
        let map = self.film.map();
        if map.story().is_some() {
            // A story's steps speak for different cities: each frame is titled for its own.
            let t = crate::map::scope::title(&map.scope());
            let title = if map.language() == crate::lang::Lang::Zh {
                t.zh
            } else {
                t.en
            };
            self.publication.texts.title = Some(title);
        }
        let p = &self.publication;
        if !self.sink.as_ref().is_some_and(|(c, _)| *c == canvas) {
            canvas.set_width(p.width_px as u32);
            canvas.set_height(p.height_px as u32);
            let mut sink = CanvasSink::new(context_2d(&canvas)?);
            sink.dpr = p.scale;
            self.sink = Some((canvas, sink));
        }
        let frame = self.film.map().publish(p);
        if let Some((_, sink)) = self.sink.as_mut() {
            sink.paint(&frame, false);
            sink.end_frame();
        }
        Ok(())
    }
}
