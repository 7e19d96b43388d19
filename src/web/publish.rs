//! Publishing: the state under the element's attribute names (for the embed codes), the ties
//! shown as CSV or GeoJSON, pictures (SVG, or PNG painted into a canvas) and the playback
//! filmed for a video. Every picture is a [`Publication`] of the live map or of a fork of it.

use super::canvas::CanvasSink;
use super::fields::{text_arg, Fields};
use super::film::FilmHandle;
use super::handle::{context_2d, FriendshipMap};
use super::js::{js_err, type_err};
use crate::display_list::Frame;
use crate::film::Film;
use crate::overlay::{CaptionText, OverlayTexts};
use crate::publication::{Publication, MAX_RASTER_PX, MAX_VECTOR_PX};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// The overlay's texts from the page's object `{sister, friendly, agreement, intent, credit,
/// review, headline, names}` (all text, all optional).
pub(super) fn overlay_texts(v: &JsValue, at: &str) -> Result<OverlayTexts, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(OverlayTexts::default());
    }
    let f = Fields::of(v, at)?;
    let text = |k: &str| Ok::<_, JsValue>(f.text(k)?.unwrap_or_default());
    let headline = f.text("headline")?;
    Ok(OverlayTexts {
        sister: text("sister")?,
        friendly: text("friendly")?,
        agreement: text("agreement")?,
        intent: text("intent")?,
        credit: text("credit")?,
        review: f.text("review")?.filter(|r| !r.is_empty()),
        caption: headline.map(|headline| CaptionText {
            headline,
            names: f.text("names").ok().flatten().unwrap_or_default(),
        }),
    })
}

/// A publication from `{width, height, scale, presenting, texts}` (px, px per CSS px), each
/// side at most `max_px`.
pub(super) fn publication(f: &Fields, max_px: f64) -> Result<Publication, JsValue> {
    let mut p = Publication::new(
        f.need_number("width")?,
        f.need_number("height")?,
        f.number("scale")?.unwrap_or(1.0),
        max_px,
    )
    .map_err(|e| js_err(&e.to_string()))?;
    p.presenting = f.boolean("presenting")?.unwrap_or(false);
    p.texts = overlay_texts(&f.raw("texts"), "publish(options).texts")?;
    Ok(p)
}

/// Paints `frame` into `canvas` at the publication's size.
pub(super) fn paint(
    canvas: &HtmlCanvasElement,
    frame: &Frame,
    p: &Publication,
) -> Result<(), JsValue> {
    canvas.set_width(p.width_px as u32);
    canvas.set_height(p.height_px as u32);
    let mut sink = CanvasSink::new(context_2d(canvas)?);
    sink.dpr = p.scale;
    frame.replay(&mut sink);
    Ok(())
}

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
    /// | "png", width, height, scale, presenting, texts: {sister, friendly, credit, review},
    /// canvas}`, `width`×`height` px (16 to 8192 for PNG, to 32768 for SVG) at `scale` px per
    /// CSS px (1: as the page draws at that size). SVG returns the document's text; PNG paints
    /// into `canvas` (the page encodes it).
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
            _ => Err(js_err("publish: format is `svg` or `png`")),
        }
    }

    /// The playback filmed for a video: `{width, height, scale, secondsPerYear, from, to}`
    /// (px, up to 8192 a side), on a fork of this map (same data, filters, selection,
    /// projection, view, basemap and language; the live map goes on undisturbed), from year
    /// `from` (or the first) to `to` (or the last step), `secondsPerYear` a year with new ties.
    pub fn film(&self, options: JsValue) -> Result<FilmHandle, JsValue> {
        let f = Fields::of(&options, "film(options)")?;
        let p = publication(&f, MAX_RASTER_PX)?;
        let seconds = f.number("secondsPerYear")?.unwrap_or(1.6);
        if !(0.08..=16.0).contains(&seconds) {
            return Err(type_err("film(options).secondsPerYear takes 0.08 to 16"));
        }
        let year = |k: &str| Ok::<_, JsValue>(f.whole(k, 9999.0)?.map(|y| y as u16));
        let (from, to) = (year("from")?, year("to")?);
        let (w, h) = p.css_size();
        let mut map = self.read(crate::map::MapState::fork);
        map.resize(w, h);
        Ok(FilmHandle::new(Film::new(map, seconds, from, to), p))
    }
}
