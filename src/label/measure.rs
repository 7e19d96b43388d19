//! Text widths: the [`TextMeasure`] trait the placement asks, and [`WidthTable`], a fixed table
//! of the map's font for native tests and as a fallback where no canvas measures.

use super::widths;
use crate::style::Font;

/// Measures how wide a text is drawn.
///
/// The web layer measures with the canvas (`src/web/text_metrics.rs`, cached per text and
/// font); native code and tests use [`WidthTable`].
pub trait TextMeasure {
    /// The advance width of `text` in `font`.
    ///
    /// # Units
    /// CSS pixels (the font's size is CSS px too).
    fn width_px(&self, text: &str, font: Font) -> f64;
}

/// Widths from a fixed table of the page's first font, Noto Sans CJK SC:
///
/// - CJK ideographs, kana, Hangul, CJK punctuation and full-width forms: 1 em (every such glyph
///   of the font is 1 em wide);
/// - printable ASCII, Latin-1, Latin Extended-A and the dashes, quotes and ellipsis of General
///   Punctuation: the font's own advances, measured once in Chromium by
///   `tools/text_widths.mjs` (`src/label/widths.rs`), regular below weight 600, bold from it;
/// - combining marks: 0; anything else (Cyrillic, Arabic, …): 0.6 em, about a Latin letter.
///
/// Kerning is ignored, so Latin words come out up to a few per cent wider or narrower than a
/// browser draws them: labels are placed with a padding that absorbs that. On systems without
/// Noto Sans CJK the fallback fonts differ more; the web layer measures the real font instead.
#[derive(Clone, Copy, Debug, Default)]
pub struct WidthTable;

/// Width of characters outside the table, in em.
const OTHER_EM: f64 = 0.6;

impl WidthTable {
    /// The advance of one character, in thousandths of an em.
    pub fn advance_milli_em(c: char, bold: bool) -> u32 {
        let cp = u32::from(c);
        let mut offset = 0usize;
        for (lo, hi) in widths::RANGES {
            if (lo..=hi).contains(&cp) {
                let table: &[u16] = if bold {
                    &widths::BOLD
                } else {
                    &widths::REGULAR
                };
                return u32::from(table[offset + (cp - lo) as usize]);
            }
            offset += (hi - lo + 1) as usize;
        }
        if is_full_width(cp) {
            1000
        } else if (0x300..=0x36f).contains(&cp) || cp == 0x200b {
            0 // combining marks, zero-width space
        } else {
            (OTHER_EM * 1000.0) as u32
        }
    }
}

/// Whether a code point is drawn 1 em wide by a CJK font.
fn is_full_width(cp: u32) -> bool {
    matches!(cp,
        0x1100..=0x115f      // Hangul Jamo (leading consonants)
        | 0x2e80..=0x303e    // CJK radicals, Kangxi, ideographic description, CJK punctuation
        | 0x3041..=0x33ff    // kana, Bopomofo, Hangul compatibility, CJK compatibility
        | 0x3400..=0x4dbf    // CJK Extension A
        | 0x4e00..=0x9fff    // CJK Unified Ideographs
        | 0xa960..=0xa97f    // Hangul Jamo Extended-A
        | 0xac00..=0xd7a3    // Hangul syllables
        | 0xf900..=0xfaff    // CJK Compatibility Ideographs
        | 0xfe30..=0xfe4f    // CJK compatibility forms
        | 0xff01..=0xff60    // full-width forms
        | 0xffe0..=0xffe6    // full-width signs
        | 0x20000..=0x3fffd // CJK Extensions B and later
    )
}

impl TextMeasure for WidthTable {
    fn width_px(&self, text: &str, font: Font) -> f64 {
        let bold = font.weight >= 600;
        let milli: u32 = text.chars().map(|c| Self::advance_milli_em(c, bold)).sum();
        f64::from(milli) / 1000.0 * font.size_px
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR_12: Font = Font {
        size_px: 12.0,
        weight: 400,
    };

    #[test]
    fn chinese_is_one_em_a_character() {
        assert_eq!(WidthTable.width_px("青岛市", REGULAR_12), 36.0);
        assert_eq!(WidthTable.width_px("下関市", REGULAR_12), 36.0, "kanji");
        assert_eq!(WidthTable.width_px("부산", REGULAR_12), 24.0, "Hangul");
        assert_eq!(WidthTable.width_px("", REGULAR_12), 0.0);
    }

    #[test]
    fn latin_uses_the_measured_table() {
        // Noto Sans CJK SC at 1000 px in Chromium: "i" 275, "m" 926, space 224, digits 555.
        assert_eq!(WidthTable::advance_milli_em('i', false), 275);
        assert_eq!(WidthTable::advance_milli_em('m', false), 926);
        assert_eq!(WidthTable::advance_milli_em(' ', false), 224);
        assert_eq!(WidthTable::advance_milli_em('7', false), 555);
        assert!(WidthTable::advance_milli_em('m', true) > WidthTable::advance_milli_em('m', false));
        // Accented letters are as wide as their base letters in this font.
        assert_eq!(
            WidthTable::advance_milli_em('é', false),
            WidthTable::advance_milli_em('e', false)
        );
        assert_eq!(
            WidthTable::advance_milli_em('Ł', false),
            562,
            "Latin Extended-A"
        );
        let w = WidthTable.width_px("Shimonoseki", REGULAR_12);
        // S 596 + h 607 + i 275 + m 926 + o 606 + n 610 + o 606 + s 468 + e 554 + k 552 + i 275.
        assert!((w - 6.075 * 12.0).abs() < 1e-9, "{w}");
        assert!(
            WidthTable.width_px("Illinois", REGULAR_12)
                < WidthTable.width_px("WOMMWOMM", REGULAR_12)
        );
    }

    #[test]
    fn widths_scale_with_the_font_size() {
        let big = Font {
            size_px: 24.0,
            ..REGULAR_12
        };
        let text = "Osaka 大阪";
        assert_eq!(
            WidthTable.width_px(text, big),
            2.0 * WidthTable.width_px(text, REGULAR_12)
        );
    }

    #[test]
    fn other_scripts_get_a_typical_width() {
        assert_eq!(WidthTable::advance_milli_em('Ж', false), 600);
        assert_eq!(WidthTable::advance_milli_em('\u{301}', false), 0);
        assert_eq!(
            WidthTable::advance_milli_em('“', false),
            1000,
            "CJK fonts' quotes are wide"
        );
    }
}
