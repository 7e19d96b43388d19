//! The handle's publishing methods: the state under the element's attribute names (for the
//! embed-code builder), the SVG and PNG exports with the page's overlay (legend, credit line,
//! review number) drawn from the same frame, and the playback filmed for a video.

use super::canvas::CanvasSink;
use super::film::FilmHandle;
use super::handle::{context_2d, FriendshipMap};
use super::js::{js_err, this_year};
use crate::basemap::{Basemap, BASEMAP_110M};
use crate::display_list::Frame;
use crate::film::Film;
use crate::label::TextMeasure;
use crate::map::MapState;
use crate::overlay::{overlay, CaptionText, OverlayTexts};
use crate::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// The overlay's texts from the page's object `{sister, friendly, credit, review, headline,
/// names}` (strings; `review` and `headline` may be absent).
pub(super) fn overlay_texts(v: &JsValue) -> OverlayTexts {
    let get = |k: &str| {
        js_sys::Reflect::get(v, &JsValue::from_str(k))
            .ok()
            .and_then(|x| x.as_string())
    };
    OverlayTexts {
        sister: get("sister").unwrap_or_default(),
        friendly: get("friendly").unwrap_or_default(),
        credit: get("credit").unwrap_or_default(),
        review: get("review").filter(|r| !r.is_empty()),
        caption: get("headline").map(|headline| CaptionText {
            headline,
            names: get("names").unwrap_or_default(),
        }),
    }
}

/// The size of a picture `width`×`height` px drawn at `scale` px per CSS px, in CSS px.
pub(super) fn css_size(width: f64, height: f64, scale: f64) -> (f64, f64, f64) {
    let k = if scale.is_finite() && scale > 0.0 {
        crate::number::clamp(scale, 0.1, 16.0)
    } else {
        1.0
    };
    (width / k, height / k, k)
}

/// Widths of the overlay's few texts, measured by a detached canvas in the map's font (each
/// export measures about four; no cache). Without a canvas, 1 em a character.
pub(super) struct Measure(Option<web_sys::CanvasRenderingContext2d>);

impl Measure {
    pub(super) fn new() -> Self {
        let ctx = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
            .and_then(|c| context_2d(&c).ok());
        Self(ctx)
    }
}

impl TextMeasure for Measure {
    fn width_px(&self, text: &str, font: crate::style::Font) -> f64 {
        let measured = self.0.as_ref().and_then(|ctx| {
            ctx.set_font(&font.css());
            ctx.measure_text(text).ok().map(|m| m.width())
        });
        // Characters counted as UTF-8 lead bytes (`chars().count()` links a larger routine).
        let chars = || text.bytes().filter(|b| b & 0xc0 != 0x80).count();
        measured.unwrap_or_else(|| chars() as f64 * font.size_px)
    }
}

/// Paints `frame` into `canvas`, sized `width`×`height` px at `scale` px per CSS px.
pub(super) fn paint(
    canvas: &HtmlCanvasElement,
    frame: &Frame,
    width: u32,
    height: u32,
    scale: f64,
) -> Result<(), JsValue> {
    canvas.set_width(width);
    canvas.set_height(height);
    let mut sink = CanvasSink::new(context_2d(canvas)?);
    sink.dpr = scale;
    frame.replay(&mut sink);
    Ok(())
}

impl FriendshipMap {
    /// The current view at a CSS size with the overlay appended.
    fn export_frame(&self, w: f64, h: f64, texts: &JsValue, presenting: bool) -> Frame {
        let mut frame = self.read(|m| m.frame_sized(w, h));
        let items = overlay(&overlay_texts(texts), w, h, presenting, &Measure::new());
        frame.items.extend(items);
        frame
    }
}

#[wasm_bindgen]
impl FriendshipMap {
    /// The state under the element's attribute names, `[[name, value], …]` (the URL query's
    /// keys in their long form, values decoded): what the embed-code builder writes as
    /// attributes or as the iframe page's query.
    #[wasm_bindgen(js_name = stateAttributes)]
    pub fn state_attributes(&self) -> js_sys::Array {
        let out = js_sys::Array::new();
        for (name, value) in crate::url_state::attributes(&self.query()) {
            let pair = js_sys::Array::new();
            pair.push(&JsValue::from_str(name));
            pair.push(&JsValue::from_str(&value));
            out.push(&pair);
        }
        out
    }

    /// The current view (same centre and zoom) as an SVG document `width`×`height` px, drawn
    /// at `scale` px per CSS px (1: as the page draws at that size), with the overlay `texts`
    /// (`{sister, friendly, credit, review}`, in the page's language) in presenter mode's
    /// sizes when `presenting`.
    #[wasm_bindgen(js_name = exportSvg)]
    pub fn export_svg(
        &self,
        width: f64,
        height: f64,
        scale: f64,
        texts: JsValue,
        presenting: bool,
    ) -> String {
        let size = |px: f64| crate::number::clamp(px, 16.0, 32768.0);
        let (pw, ph) = (size(width), size(height));
        let (w, h, _) = css_size(pw, ph, scale);
        let frame = self.export_frame(w, h, &texts, presenting);
        let write = |px: f64| crate::number::short(px, 1);
        crate::svg::to_svg(&frame, &write(pw), &write(ph))
    }

    /// Paints the current view with the overlay `texts` (as `exportSvg`) into `canvas` at
    /// `width`×`height` pixels (16 to 8192 each), `scale` px per CSS px: the PNG export.
    #[wasm_bindgen(js_name = renderExport)]
    pub fn render_export(
        &self,
        canvas: HtmlCanvasElement,
        width: u32,
        height: u32,
        scale: f64,
        texts: JsValue,
        presenting: bool,
    ) -> Result<(), JsValue> {
        let (pw, ph) = (width.clamp(16, 8192), height.clamp(16, 8192));
        let (w, h, k) = css_size(f64::from(pw), f64::from(ph), scale);
        let frame = self.export_frame(w, h, &texts, presenting);
        paint(&canvas, &frame, pw, ph, k)
    }

    /// The playback filmed for a video `width`×`height` px at `scale` px per CSS px, on a map
    /// of its own with this one's data, filters, selection, projection and view (the page hands
    /// it the basemap style or file): from year `from` (or the first) to `to` (or the last
    /// step), `seconds_per_year` a year with new ties.
    pub fn film(
        &self,
        width: f64,
        height: f64,
        scale: f64,
        seconds_per_year: f64,
        from: Option<u16>,
        to: Option<u16>,
    ) -> Result<FilmHandle, JsValue> {
        let (w, h, k) = css_size(
            crate::number::clamp(width, 16.0, 8192.0),
            crate::number::clamp(height, 16.0, 8192.0),
            scale,
        );
        let basemap =
            Basemap::decode(BASEMAP_110M).map_err(|e| js_err(&Error::from(e).to_string()))?;
        let (dataset, query, lang, inset) = self.read(|m| {
            let page = (m.language(), m.inset_placement());
            (m.dataset().clone(), m.query(), page.0, page.1)
        });
        let mut map = MapState::new(dataset, &basemap, w, h);
        map.apply_query(&query, this_year());
        // Named as on the stage: the page's language and close-up, presenter mode's scale.
        map.set_language(lang);
        map.set_inset(inset);
        map.set_picture_scale(crate::style::picture_scale(true, w, h));
        if let Some(measure) = super::text_metrics::CanvasMeasure::new() {
            map.set_text_measure(Box::new(measure));
        }
        let film = Film::new(map, seconds_per_year, from, to);
        Ok(FilmHandle::new(film, (width, height, k)))
    }
}
