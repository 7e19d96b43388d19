//! A story step's caption in a picture (video frames): its sentence wrapped on up to four
//! lines, large, and the step's number ("3 / 7") beneath, centred near the bottom above the
//! legend as presenter mode shows it (`.story` in the page's CSS).

use super::{fitted, panel, rect, text_item, text_style, Sizes, INK, MUTED};
use crate::display_list::{Anchor, Item};
use crate::label::TextMeasure;
use crate::style::Font;

/// The most lines a sentence takes in a picture (a longer one is cut with an ellipsis).
pub const MAX_LINES: usize = 4;

/// A story step's caption as the page writes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoryCaptionText {
    /// The step's sentence in the picture's language.
    pub sentence: String,
    /// The step's number (`3 / 7`).
    pub count: String,
}

/// Whether a line may break before or after `c` with no space (CJK writing).
fn breaks_anywhere(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
        || ('\u{ac00}'..='\u{d7af}').contains(&c)
}

/// The pieces a line is made of: a word with the spaces after it, or one CJK character.
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if breaks_anywhere(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else if c == ' ' {
            word.push(c);
            out.push(std::mem::take(&mut word));
        } else {
            // Punctuation after a CJK character stays with it.
            let after_cjk = out.last_mut().filter(|p| p.chars().all(breaks_anywhere));
            if let Some(last) = after_cjk.filter(|_| word.is_empty() && c.is_ascii_punctuation()) {
                last.push(c);
                continue;
            }
            word.push(c);
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// `text` in lines of at most `max_px` in `font` (a word wider than a line is cut), at most
/// [`MAX_LINES`], the last cut with an ellipsis when the text goes on.
pub fn wrap(text: &str, font: Font, max_px: f64, m: &dyn TextMeasure) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut rest = pieces(text).into_iter().peekable();
    for p in rest.by_ref() {
        let wider = format!("{line}{p}");
        if line.is_empty() || m.width_px(wider.trim_end(), font) <= max_px {
            line = wider;
            continue;
        }
        lines.push(std::mem::take(&mut line).trim_end().to_string());
        line = p;
        if lines.len() == MAX_LINES {
            break;
        }
    }
    let cut = lines.len() == MAX_LINES && (!line.is_empty() || rest.peek().is_some());
    if lines.len() < MAX_LINES && !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            *last = fitted(&format!("{last}…"), font, max_px, m);
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    lines
        .into_iter()
        .map(|l| fitted(&l, font, max_px, m))
        .collect()
}

/// The caption's items: a box centred near the bottom, above the legend.
pub(super) fn caption(
    c: &StoryCaptionText,
    s: Sizes,
    width: f64,
    height: f64,
    m: &dyn TextMeasure,
) -> Vec<Item> {
    let (pad_v, pad_h) = (0.012 * height, 0.024 * width);
    let max = 0.9 * width - 2.0 * pad_h;
    let size_px = 0.8 * s.headline_px;
    let font = Font {
        size_px,
        weight: 700,
    };
    let count_font = Font {
        size_px: s.names_px,
        weight: 400,
    };
    let lines = wrap(&c.sentence, font, max, m);
    let text_w = lines
        .iter()
        .map(|l| m.width_px(l, font))
        .fold(m.width_px(&c.count, count_font), f64::max);
    let line_h = 1.35 * size_px;
    let h = lines.len() as f64 * line_h + 1.4 * s.names_px + 2.0 * pad_v;
    let w = text_w + 2.0 * pad_h;
    let legend_top = height - 26.0 - s.legend_height();
    let bottom = (0.95 * height).min(legend_top - 0.01 * height);
    let (x, y) = ((width - w) / 2.0, bottom - h);
    let mid = width / 2.0;
    let placed = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            (
                mid,
                y + pad_v + (i as f64 + 0.5) * line_h,
                Anchor::Center,
                l.as_str(),
            )
        })
        .collect();
    let count_y = y + pad_v + lines.len() as f64 * line_h + 0.7 * s.names_px;
    vec![
        rect("overlay.story.box", panel(240, true), x, y, w, h),
        text_item("overlay.story", text_style(size_px, 700, INK), placed),
        text_item(
            "overlay.story.count",
            text_style(s.names_px, 400, MUTED),
            vec![(mid, count_y, Anchor::Center, &c.count)],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::WidthTable;

    const FONT: Font = Font {
        size_px: 20.0,
        weight: 700,
    };

    #[test]
    fn latin_breaks_between_words_and_chinese_between_characters() {
        let m = WidthTable;
        let en = wrap(
            "1979: Qingdao and Shimonoseki, the first tie",
            FONT,
            200.0,
            &m,
        );
        assert!(en.len() >= 2, "{en:?}");
        assert!(en.iter().all(|l| m.width_px(l, FONT) <= 200.0), "{en:?}");
        assert_eq!(en.join(" "), "1979: Qingdao and Shimonoseki, the first tie");
        let zh = wrap("1979年，青岛市与日本下关市结为友好城市。", FONT, 200.0, &m);
        assert_eq!(zh.concat(), "1979年，青岛市与日本下关市结为友好城市。");
        assert!(
            zh.len() > 1 && zh.iter().all(|l| m.width_px(l, FONT) <= 200.0),
            "{zh:?}"
        );
    }

    #[test]
    fn a_long_sentence_is_cut_after_four_lines() {
        let m = WidthTable;
        let lines = wrap(&"word ".repeat(200), FONT, 150.0, &m);
        assert_eq!(lines.len(), MAX_LINES);
        assert!(lines[3].ends_with('…'), "{lines:?}");
        assert!(wrap("", FONT, 150.0, &m).is_empty());
        let one = wrap(&"x".repeat(100), FONT, 50.0, &m);
        assert_eq!(one.len(), 1, "a word wider than the line is cut: {one:?}");
    }
}
