//! Publications read from the page's objects (size, scale, overlay texts) and painted into a
//! canvas: shared by the picture exports ([`super::publish`]) and the film ([`super::film`]).

use super::canvas::CanvasSink;
use super::fields::Fields;
use super::handle::context_2d;
use super::js::js_err;
use crate::display_list::Frame;
use crate::overlay::{CaptionText, OverlayTexts, StoryCaptionText};
use crate::publication::Publication;
use wasm_bindgen::JsValue;
use web_sys::HtmlCanvasElement;

/// The overlay's texts from the page's object `{title, sister, friendly, agreement, intent,
/// credit, review, headline, names, story, storyCount}` (all text, all optional).
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
        title: f.text("title")?.filter(|t| !t.is_empty()),
        caption: headline.map(|headline| CaptionText {
            headline,
            names: f.text("names").ok().flatten().unwrap_or_default(),
        }),
        story: f.text("story")?.map(|sentence| StoryCaptionText {
            sentence,
            count: f.text("storyCount").ok().flatten().unwrap_or_default(),
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
