//! The tooltip element: filled with text nodes only (never HTML), placed beside the pointer.

use crate::map::{TieInfo, Tooltip};
use web_sys::{Document, HtmlElement};

/// Tooltip language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese (names in both languages).
    Zh,
    /// English (names in both languages).
    En,
}

fn kind_label(kind: &str, lang: Lang) -> &'static str {
    match (kind, lang) {
        ("sister", Lang::Zh) => "友好城市",
        ("sister", Lang::En) => "sister city",
        (_, Lang::Zh) => "友好合作关系",
        (_, Lang::En) => "friendly cooperation",
    }
}

fn line(doc: &Document, parent: &HtmlElement, class: &str, text: &str) {
    if let Ok(el) = doc.create_element("div") {
        el.set_class_name(class);
        el.set_text_content(Some(text));
        let _ = parent.append_child(&el);
    }
}

fn names(zh: &str, en: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh if zh != en => format!("{zh} {en}"),
        Lang::En if zh != en => format!("{en} ({zh})"),
        _ => en.to_string(),
    }
}

fn tie_line(t: &TieInfo, lang: Lang) -> String {
    let year = match (t.established.is_empty(), lang) {
        (true, Lang::Zh) => "年份不详".to_string(),
        (true, Lang::En) => "year unknown".to_string(),
        (false, _) => t.established.clone(),
    };
    let signed = if t.signed_by.is_empty() {
        String::new()
    } else {
        format!(" ({})", t.signed_by)
    };
    format!(
        "{}{} · {} · {}",
        names(&t.city_zh, &t.city, lang),
        signed,
        kind_label(t.kind, lang),
        year
    )
}

/// Shows `tip` near (`x`, `y`) CSS px within `container`, or hides the tooltip for `None`.
pub fn show(
    el: &HtmlElement,
    container: &HtmlElement,
    tip: Option<&Tooltip>,
    x: f64,
    y: f64,
    lang: Lang,
) {
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
        &names(&tip.title_zh, &tip.title_en, lang),
    );
    match tip.target {
        "city" => line(
            &doc,
            el,
            "fm-tt-line",
            &match lang {
                Lang::Zh => format!("显示 {} 项友好关系 · 点击突出显示", tip.count),
                Lang::En => format!("{} ties shown · click to emphasise", tip.count),
            },
        ),
        _ => {
            if let Some(first) = tip.ties.first() {
                let country = match lang {
                    Lang::Zh => format!("{} {}", first.country_zh, first.country),
                    Lang::En => first.country.clone(),
                };
                line(&doc, el, "fm-tt-sub", &country);
            }
            for t in tip.ties.iter().take(8) {
                line(&doc, el, "fm-tt-line", &tie_line(t, lang));
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
    let style = el.style();
    let _ = style.set_property("left", &format!("{}px", crate::number::fixed(left, 1)));
    let _ = style.set_property("top", &format!("{}px", crate::number::fixed(top, 1)));
}
