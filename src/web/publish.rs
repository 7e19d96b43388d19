//! Publishing: the state under the element's attribute names (for the embed codes), the ties
//! shown as CSV or GeoJSON, pictures (SVG, or PNG painted into a canvas) and the playback
//! filmed for a video. Every picture is a [`Publication`] of the live map or of a fork of it.

use super::fields::{text_arg, Fields};
use super::film::FilmHandle;
use super::handle::FriendshipMap;
use super::js::{js_err, type_err};
use super::publication_js::{paint, publication};
use crate::film::{Film, StoryFilm};
use crate::publication::{MAX_RASTER_PX, MAX_VECTOR_PX};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

#[wasm_bindgen]
impl FriendshipMap {
    /// The state under the element's attribute names, `[[name, value], …]` (the URL query's
    /// keys in their long form, values decoded): what the embed codes write as attributes or
    /// as the iframe page's query.
    pub fn attributes(&self) -> js_sys::Array {
        let out = js_sys::Array::new();
        for (name, value) in crate::url_state::attributes(&self.query()) {
            let pair = js_sys::Array::new();
            pair.push(&JsValue::from_str(name));
            pair.push(&JsValue::from_str(&value));
            out.push(&pair);
        }
        out
    }

    /// The ties shown as text: `format` `csv` (the data file's columns) or `geojson` (RFC 7946;
    /// antimeridian crossings as MultiLineStrings).
    pub fn export(&self, format: JsValue) -> Result<String, JsValue> {
        let format = text_arg(&format, "export(format)")?;
        self.read(|m| match format.as_str() {
            "csv" => Ok(crate::export::to_csv(m.dataset(), m.shown())),
            "geojson" => Ok(crate::export::to_geojson(m.dataset(), m.shown())),
            _ => Err(js_err("export: format is `csv` or `geojson`")),
        })
    }

    /// A picture of the current view (same centre and zoom) with the overlay: `{format: "svg"
    /// | "png" | "handout", width, height, scale, presenting, texts: {sister, friendly, credit,
    /// review}, canvas}`, `width`×`height` px (16 to 8192 for PNG, to 32768 for SVG) at `scale`
    /// px per CSS px (1: as the page draws at that size). SVG returns the document's text; PNG
    /// paints into `canvas` (the page encodes it); `handout` returns an HTML page of the story
    /// shown, a picture of that size and the sentence for each step ([`crate::handout`]).
    pub fn publish(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let f = Fields::of(&options, "publish(options)")?;
        match f.need_text("format")?.as_str() {
            "svg" => {
                let p = publication(&f, MAX_VECTOR_PX)?;
                let frame = self.read(|m| m.publish(&p));
                let px = |v: f64| crate::number::short(v, 1);
                Ok(crate::svg::to_svg(&frame, &px(p.width_px), &px(p.height_px)).into())
            }
            "png" => {
                let p = publication(&f, MAX_RASTER_PX)?;
                let canvas: HtmlCanvasElement = f
                    .raw("canvas")
                    .dyn_into()
                    .map_err(|_| f.wrong("canvas", "a canvas element"))?;
                let frame = self.read(|m| m.publish(&p));
                paint(&canvas, &frame, &p)?;
                Ok(JsValue::UNDEFINED)
            }
            "handout" => {
                let p = publication(&f, MAX_VECTOR_PX)?;
                let html = self.read(|m| crate::handout::handout(m, &p, m.language()));
                html.map(JsValue::from)
                    .ok_or_else(|| js_err("publish: a handout needs a story shown"))
            }
            _ => Err(js_err("publish: format is `svg`, `png` or `handout`")),
        }
    }

    /// The playback filmed for a video: `{width, height, scale, secondsPerYear, from, to}`
    /// (px, up to 8192 a side), on a fork of this map (same data, filters, selection,
    /// projection, view, basemap and language; the live map goes on undisturbed), from year
    /// `from` (or the first) to `to` (or the last step), `secondsPerYear` a year with new ties.
    /// With `story: true`, the story shown instead, from its first step to its last, each held
    /// for its duration with a flight to it ([`crate::film::story`]).
    pub fn film(&self, options: JsValue) -> Result<FilmHandle, JsValue> {
        let f = Fields::of(&options, "film(options)")?;
        let p = publication(&f, MAX_RASTER_PX)?;
        if f.boolean("story")?.unwrap_or(false) {
            if ["secondsPerYear", "from", "to"]
                .iter()
                .any(|k| !f.absent(k))
            {
                return Err(type_err(
                    "film(options): secondsPerYear, from and to are the playback's, not a story's",
                ));
            }
            let (w, h) = p.css_size();
            let mut map = self.read(crate::map::MapState::fork);
            map.resize(w, h);
            let film = StoryFilm::new(map).ok_or_else(|| js_err("film: no story is shown"))?;
            return Ok(FilmHandle::new(Box::new(film), p));
        }
        let seconds = f.number("secondsPerYear")?.unwrap_or(1.6);
        if !(0.08..=16.0).contains(&seconds) {
            return Err(type_err("film(options).secondsPerYear takes 0.08 to 16"));
        }
        let year = |k: &str| Ok::<_, JsValue>(f.whole(k, 9999.0)?.map(|y| y as u16));
        let (from, to) = (year("from")?, year("to")?);
        let (w, h) = p.css_size();
        let mut map = self.read(crate::map::MapState::fork);
        map.resize(w, h);
        Ok(FilmHandle::new(
            Box::new(Film::new(map, seconds, from, to)),
            p,
        ))
    }
}
