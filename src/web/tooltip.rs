//! The tooltip element: filled with text nodes only (never HTML), placed beside the pointer.

use crate::map::{TieInfo, Tooltip};
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "sister" => "友好城市 · sister city",
        _ => "友好合作关系 · friendly cooperation",
    }
}

fn line(doc: &Document, parent: &HtmlElement, class: &str, text: &str) {
    if let Ok(el) = doc.create_element("div") {
        el.set_class_name(class);
        el.set_text_content(Some(text));
        let _ = parent.append_child(&el);
    }
}

fn tie_line(t: &TieInfo) -> String {
    let year = if t.established.is_empty() {
        "年份不详 · year unknown".to_string()
    } else {
        t.established.clone()
    };
    let signed = if t.signed_by.is_empty() {
        String::new()
    } else {
        format!(" ({})", t.signed_by)
    };
    format!(
        "{} {}{} · {} · {}",
        t.city_zh,
        t.city,
        signed,
        kind_label(t.kind),
        year
    )
}

/// Shows `tip` near (`x`, `y`) CSS px within `container`, or hides the tooltip for `None`.
pub fn show(el: &HtmlElement, container: &HtmlElement, tip: Option<&Tooltip>, x: f64, y: f64) {
    let Some(tip) = tip else {
        el.set_hidden(true);
        return;
    };
    let Some(doc) = el.owner_document() else {
        return;
    };
    el.set_text_content(None);
    line(
        &doc,
        el,
        "fm-tt-title",
        &format!("{} {}", tip.title_zh, tip.title_en),
    );
    match tip.target {
        "city" => line(
            &doc,
            el,
            "fm-tt-line",
            &format!(
                "{} 项友好关系 · {} ties shown · 点击突出显示 / click to emphasise",
                tip.count, tip.count
            ),
        ),
        _ => {
            if let Some(first) = tip.ties.first() {
                line(
                    &doc,
                    el,
                    "fm-tt-sub",
                    &format!("{} {}", first.country_zh, first.country),
                );
            }
            for t in tip.ties.iter().take(8) {
                line(&doc, el, "fm-tt-line", &tie_line(t));
            }
            if tip.ties.len() > 8 {
                line(
                    &doc,
                    el,
                    "fm-tt-line",
                    &format!("… +{}", tip.ties.len() - 8),
                );
            }
        }
    }
    el.set_hidden(false);
    // Keep it inside the container: flip to the left/top of the pointer near the edges.
    let cw = f64::from(container.client_width());
    let ch = f64::from(container.client_height());
    let (w, h) = (f64::from(el.offset_width()), f64::from(el.offset_height()));
    let left = if x + 14.0 + w > cw {
        (x - 14.0 - w).max(0.0)
    } else {
        x + 14.0
    };
    let top = if y + 14.0 + h > ch {
        (y - 14.0 - h).max(0.0)
    } else {
        y + 14.0
    };
    if let Some(style) = el.dyn_ref::<HtmlElement>().map(|e| e.style()) {
        let _ = style.set_property("left", &format!("{left}px"));
        let _ = style.set_property("top", &format!("{top}px"));
    }
}
