//! What the page lays over the map in HTML (the legend, the credit line, the map review number
//! and, in playback, the caption) as display-list items, for the pictures that leave the page:
//! PNG and SVG exports and video frames, which thus carry them exactly alike. The page hands in
//! the texts (it owns the strings and the language; the command line has a table of its own);
//! the layout and colours follow the page's CSS (`www/friendship-map.css`: `.legend`,
//! `.attribution`, `.review`, `.caption` and presenter mode's sizes). A story step's caption is
//! laid out in [`story`].

pub mod story;

pub use story::{wrap, StoryCaptionText};

use crate::display_list::{Anchor, Item, Label, Layer, Space, TextLayer};
use crate::label::TextMeasure;
use crate::style::{self, Font, Rgba, Style, TextStyle};
use std::rc::Rc;

/// The page's text colour (`--ink`).
pub const INK: Rgba = Rgba(0x1f, 0x29, 0x33, 255);
/// The page's secondary text colour (`--muted`).
pub const MUTED: Rgba = Rgba(0x5f, 0x6b, 0x7a, 255);
/// The page's hairlines (`--line`).
pub const LINE: Rgba = Rgba(0xd9, 0xe0, 0xe8, 255);

/// The playback caption as the page writes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CaptionText {
    /// The year line (`1979 · 新增 1 项 · 累计 1 项、1 个国家`).
    pub headline: String,
    /// The new partners (may be empty).
    pub names: String,
}

/// The texts of the overlay, in the page's language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OverlayTexts {
    /// The legend's sister-city entry.
    pub sister: String,
    /// The legend's friendly-cooperation entry.
    pub friendly: String,
    /// The legend's entry for agreements and memoranda that do not establish a tie (drawn when
    /// not empty: [`crate::map::MapState::publish`] empties it when none is shown).
    pub agreement: String,
    /// The legend's entry for letters of intent (likewise).
    pub intent: String,
    /// The basemap's credit line.
    pub credit: String,
    /// The map review number line (审图号：GS(2024)1234号), when the page shows one.
    pub review: Option<String>,
    /// The playback caption, for video frames.
    pub caption: Option<CaptionText>,
    /// The map's title (the province's, or the cities' it speaks for), at the top left.
    pub title: Option<String>,
    /// A story step's caption, for video frames.
    pub story: Option<StoryCaptionText>,
}

/// Sizes of the overlay: the page's, or presenter mode's (which follow the picture's width as
/// the CSS's `vw` clamps do).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Sizes {
    legend_px: f64,
    key_px: f64,
    small_px: f64,
    headline_px: f64,
    names_px: f64,
}

impl Sizes {
    /// The legend box's height, CSS px.
    fn legend_height(&self) -> f64 {
        2.0 * self.legend_px / 3.0 + 1.4 * self.legend_px
    }

    fn of(presenting: bool, width: f64) -> Self {
        let vw = |share: f64, lo: f64, hi: f64| {
            if presenting {
                crate::number::clamp(width * share, lo, hi)
            } else {
                lo
            }
        };
        Self {
            legend_px: vw(0.011, 12.0, 48.0),
            key_px: vw(0.02, 22.0, 90.0),
            small_px: 11.0,
            headline_px: vw(0.034, 22.0, 150.0),
            names_px: vw(0.017, 13.0, 76.0),
        }
    }
}

fn text_style(size_px: f64, weight: u16, fill: Rgba) -> TextStyle {
    TextStyle {
        font: Font { size_px, weight },
        fill,
        halo: None,
        halo_px: 0.0,
    }
}

fn text_item(name: &'static str, style: TextStyle, labels: Vec<(f64, f64, Anchor, &str)>) -> Item {
    let labels = labels
        .into_iter()
        .map(|(x, y, anchor, text)| Label {
            at: [x, y],
            anchor,
            text: Rc::from(text),
        })
        .collect();
    Item::Text(Rc::new(TextLayer {
        name,
        style,
        labels,
    }))
}

/// A screen-space box (`x`, `y` its top-left corner, CSS px).
fn rect(name: &'static str, style: Style, x: f64, y: f64, w: f64, h: f64) -> Item {
    let mut layer = Layer::new(name, 0, Space::Screen, style);
    layer.ring(&[[x, y], [x + w, y], [x + w, y + h], [x, y + h]]);
    Item::Draw(Rc::new(layer))
}

fn panel(alpha: u8, border: bool) -> Style {
    Style {
        fill: Some(Rgba(255, 255, 255, alpha)),
        stroke: border.then_some(LINE),
        width_px: 1.0,
        dash_px: None,
    }
}

/// A legend key: a short line in a link style, opaque and 2 px wide as the page's.
fn key(name: &'static str, link: Style, x: f64, y: f64, len: f64) -> Item {
    let mut style = link.scaled(2.0 / link.width_px);
    if let Some(c) = style.stroke.as_mut() {
        c.3 = 255;
    }
    let mut layer = Layer::new(name, 0, Space::Screen, style);
    layer.polyline(&[[x, y], [x + len, y]]);
    Item::Draw(Rc::new(layer))
}

/// The legend at the lower left, above the review number's line: `.legend`. Its entries are
/// the two kinds, then agreements and letters of intent when their texts are given.
fn legend(t: &OverlayTexts, s: Sizes, height: f64, m: &dyn TextMeasure) -> Vec<Item> {
    let font = Font {
        size_px: s.legend_px,
        weight: 400,
    };
    let pad_h = s.legend_px * 2.0 / 3.0;
    let (gap, space) = (s.legend_px / 3.0, s.legend_px * 2.0 / 3.0);
    let entries: Vec<(&'static str, Style, &str)> = [
        (
            "overlay.key.sister",
            style::link_sister(),
            t.sister.as_str(),
        ),
        ("overlay.key.friendly", style::link_friendly(), &t.friendly),
        (
            "overlay.key.agreement",
            style::link_agreement(),
            &t.agreement,
        ),
        ("overlay.key.intent", style::link_intent(), &t.intent),
    ]
    .into_iter()
    .enumerate()
    .filter(|(i, (_, _, text))| *i < 2 || !text.is_empty())
    .map(|(_, e)| e)
    .collect();
    let h = s.legend_height();
    let (x, y) = (10.0, height - 26.0 - h);
    let mid = y + h / 2.0;
    let mut keys = Vec::new();
    let mut labels = Vec::new();
    let mut at = x + pad_h;
    for (i, (name, link, text)) in entries.into_iter().enumerate() {
        if i > 0 {
            at += space;
        }
        keys.push(key(name, link, at, mid, s.key_px));
        at += s.key_px + gap;
        labels.push((at, mid, Anchor::Left, text));
        at += m.width_px(text, font);
    }
    let w = at + pad_h - x;
    let mut items = vec![rect("overlay.legend.box", panel(230, true), x, y, w, h)];
    items.extend(keys);
    items.push(text_item(
        "overlay.legend",
        text_style(s.legend_px, 400, INK),
        labels,
    ));
    items
}

/// A line of small text on a light box at the bottom edge, from `x` (left or right edge, as
/// `anchor` says): `.review` and `.attribution`.
fn footnote(
    name: &'static str,
    text: &str,
    x: f64,
    anchor: Anchor,
    s: Sizes,
    height: f64,
    m: &dyn TextMeasure,
) -> Vec<Item> {
    let font = Font {
        size_px: s.small_px,
        weight: 400,
    };
    let w = m.width_px(text, font) + 10.0;
    let h = 1.4 * s.small_px + 2.0;
    let left = if anchor == Anchor::Right { x - w } else { x };
    let y = height - 4.0 - h;
    vec![
        rect(name, panel(217, false), left, y, w, h),
        text_item(
            name,
            text_style(s.small_px, 400, MUTED),
            vec![(left + 5.0, y + h / 2.0, Anchor::Left, text)],
        ),
    ]
}

/// `text` cut with an ellipsis to fit `max_px` in `font`.
fn fitted(text: &str, font: Font, max_px: f64, m: &dyn TextMeasure) -> String {
    if m.width_px(text, font) <= max_px {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let cut: String = chars.iter().collect::<String>() + "…";
        if m.width_px(&cut, font) <= max_px {
            return cut;
        }
    }
    String::new()
}

/// Presenter mode's caption, centred near the bottom (`.caption` in `:host(.present)`), above
/// the legend.
fn caption(c: &CaptionText, s: Sizes, width: f64, height: f64, m: &dyn TextMeasure) -> Vec<Item> {
    let (pad_v, pad_h) = (0.012 * height, 0.024 * width);
    let max = 0.9 * width - 2.0 * pad_h;
    let bold = |size_px| Font {
        size_px,
        weight: 700,
    };
    // The year line shrinks rather than wraps; the names are cut.
    let at_one = m.width_px(&c.headline, bold(1.0)).max(1e-9);
    let headline_px = s.headline_px.min(max / at_one);
    let names_font = Font {
        size_px: s.names_px,
        weight: 400,
    };
    let names = fitted(&c.names, names_font, max, m);
    let text_w = m
        .width_px(&c.headline, bold(headline_px))
        .max(m.width_px(&names, names_font));
    let lines_h = 1.4 * headline_px
        + if names.is_empty() {
            0.0
        } else {
            1.4 * s.names_px
        };
    let (w, h) = (text_w + 2.0 * pad_h, lines_h + 2.0 * pad_v);
    let legend_top = height - 26.0 - s.legend_height();
    let bottom = (0.95 * height).min(legend_top - 0.01 * height);
    let (x, y) = ((width - w) / 2.0, bottom - h);
    let mid = width / 2.0;
    let mut items = vec![
        rect("overlay.caption.box", panel(240, true), x, y, w, h),
        text_item(
            "overlay.caption",
            text_style(headline_px, 700, INK),
            vec![(
                mid,
                y + pad_v + 0.7 * headline_px,
                Anchor::Center,
                &c.headline,
            )],
        ),
    ];
    if !names.is_empty() {
        let names_y = y + pad_v + 1.4 * headline_px + 0.7 * s.names_px;
        items.push(text_item(
            "overlay.caption.names",
            text_style(s.names_px, 400, INK),
            vec![(mid, names_y, Anchor::Center, &names)],
        ));
    }
    items
}

/// The overlay of a picture `width`×`height` CSS px: legend, review number, credit line and
/// (when given) the caption, in painting order, to be appended to the picture's frame.
/// `presenting` takes presenter mode's sizes, which grow with the width; `measure` sizes the
/// boxes to their texts.
pub fn overlay(
    texts: &OverlayTexts,
    width: f64,
    height: f64,
    presenting: bool,
    measure: &dyn TextMeasure,
) -> Vec<Item> {
    let s = Sizes::of(presenting, width);
    let mut items = legend(texts, s, height, measure);
    if let Some(review) = texts.review.as_deref().filter(|r| !r.is_empty()) {
        items.extend(footnote(
            "overlay.review",
            review,
            10.0,
            Anchor::Left,
            s,
            height,
            measure,
        ));
    }
    if !texts.credit.is_empty() {
        let right = width - 6.0;
        items.extend(footnote(
            "overlay.credit",
            &texts.credit,
            right,
            Anchor::Right,
            s,
            height,
            measure,
        ));
    }
    if let Some(c) = &texts.caption {
        items.extend(caption(c, s, width, height, measure));
    }
    if let Some(c) = texts.story.as_ref().filter(|c| !c.sentence.is_empty()) {
        items.extend(story::caption(c, s, width, height, measure));
    }
    if let Some(t) = texts.title.as_deref().filter(|t| !t.is_empty()) {
        items.extend(title(t, s, width, measure));
    }
    items
}

/// The title, bold, in a box at the top left (cut to the picture's width).
fn title(text: &str, s: Sizes, width: f64, m: &dyn TextMeasure) -> Vec<Item> {
    let size_px = 0.8 * s.headline_px;
    let font = Font {
        size_px,
        weight: 700,
    };
    let pad = 0.4 * size_px;
    let text = fitted(text, font, 0.7 * width, m);
    let (w, h) = (m.width_px(&text, font) + 2.0 * pad, 1.4 * size_px + pad);
    vec![
        rect("overlay.title.box", panel(217, false), 8.0, 8.0, w, h),
        text_item(
            "overlay.title",
            text_style(size_px, 700, INK),
            vec![(8.0 + pad, 8.0 + h / 2.0, Anchor::Left, &text)],
        ),
    ]
}

/// The screen boxes the overlay's `items` cover (its panels), CSS px: a publication keeps
/// names and the close-up out of them.
pub fn covered(items: &[Item]) -> Vec<crate::label::Rect> {
    let mut out = Vec::new();
    for item in items {
        let Item::Draw(l) = item else { continue };
        let mut xs = l.path.iter().filter_map(|p| match p {
            crate::display_list::PathEl::MoveTo(p) | crate::display_list::PathEl::LineTo(p) => {
                Some(*p)
            }
            _ => None,
        });
        let Some(first) = xs.next() else { continue };
        let (mut lo, mut hi) = (first, first);
        for p in xs {
            lo = [lo[0].min(p[0]), lo[1].min(p[1])];
            hi = [hi[0].max(p[0]), hi[1].max(p[1])];
        }
        out.push(crate::label::Rect::new(
            lo[0],
            lo[1],
            hi[0] - lo[0],
            hi[1] - lo[1],
        ));
    }
    out
}
