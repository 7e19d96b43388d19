//! How text is drawn on the map: the page's font stack, font sizes, label styles.

use super::Rgba;

/// The font families of map text, the page's own stack (`www/friendship-map.css`): system
/// fonts only (no web fonts, so the map works offline); Noto Sans CJK renders Chinese on Linux
/// (Debian `fonts-noto-cjk`), PingFang and Microsoft YaHei on macOS and Windows.
pub const FONT_FAMILY: &str =
    "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", system-ui, sans-serif";

/// A font of [`FONT_FAMILY`]: size and weight.
///
/// # Units
/// `size_px` is CSS pixels (the em size).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    /// Em size, CSS px.
    pub size_px: f64,
    /// CSS weight (400 regular, 700 bold).
    pub weight: u16,
}

impl Font {
    /// The CSS `font` shorthand, e.g. `700 13px "Noto Sans CJK SC", …` (for canvas `font` and
    /// `measureText`). Written without core's float formatting (see `crate::number`).
    pub fn css(&self) -> String {
        format!(
            "{} {}px {FONT_FAMILY}",
            self.weight,
            crate::number::short(self.size_px, 2)
        )
    }

    /// This font scaled by `k` (see [`super::presenter_scale`]).
    pub fn scaled(self, k: f64) -> Self {
        Self {
            size_px: self.size_px * k,
            ..self
        }
    }
}

/// How a text layer is painted: glyphs filled, over a halo (an outline stroked first, in the
/// background's colour) that keeps them readable over links and land.
///
/// # Units
/// `halo_px` is CSS pixels beyond the glyphs' outline (the canvas strokes twice that width).
#[derive(Clone, Debug, PartialEq)]
pub struct TextStyle {
    /// Font size and weight.
    pub font: Font,
    /// Glyph colour.
    pub fill: Rgba,
    /// Halo colour; `None` for none.
    pub halo: Option<Rgba>,
    /// Halo width outside the glyphs, CSS px.
    pub halo_px: f64,
}

impl TextStyle {
    /// This style scaled by `k` (see [`super::presenter_scale`]): font size and halo width.
    pub fn scaled(&self, k: f64) -> Self {
        Self {
            font: self.font.scaled(k),
            halo_px: self.halo_px * k,
            ..self.clone()
        }
    }
}

const INK: Rgba = Rgba(0x22, 0x22, 0x22, 255);
const HALO: Rgba = Rgba(0xff, 0xff, 0xff, 230);

/// Partner city names on the map.
pub fn label_partner() -> TextStyle {
    TextStyle {
        font: Font {
            size_px: 12.0,
            weight: 400,
        },
        fill: INK,
        halo: Some(HALO),
        halo_px: 2.0,
    }
}
/// Shandong city names on the map (bold, in the Shandong markers' red, darkened for contrast).
pub fn label_city() -> TextStyle {
    TextStyle {
        font: Font {
            size_px: 13.0,
            weight: 700,
        },
        fill: Rgba(0x99, 0x00, 0x26, 255),
        halo: Some(HALO),
        halo_px: 2.0,
    }
}
/// Emphasised partner names: hovered, of the selected city, searched, or new in the playback
/// (bold, in the highlight's red, darkened for contrast).
pub fn label_new() -> TextStyle {
    TextStyle {
        font: Font {
            size_px: 12.0,
            weight: 700,
        },
        fill: Rgba(0x99, 0x00, 0x26, 255),
        halo: Some(HALO),
        halo_px: 2.0,
    }
}
/// Country names when zoomed out far (quieter than city names).
pub fn label_country() -> TextStyle {
    TextStyle {
        font: Font {
            size_px: 11.0,
            weight: 400,
        },
        fill: Rgba(0x66, 0x66, 0x66, 255),
        halo: Some(HALO),
        halo_px: 1.5,
    }
}
/// City names and counts in the Shandong close-up.
pub fn label_inset() -> TextStyle {
    TextStyle {
        font: Font {
            size_px: 11.0,
            weight: 400,
        },
        fill: INK,
        halo: Some(HALO),
        halo_px: 1.5,
    }
}
/// The close-up's title line (the province and its own count).
pub fn label_inset_title() -> TextStyle {
    TextStyle {
        font: Font {
            size_px: 12.0,
            weight: 700,
        },
        fill: INK,
        halo: None,
        halo_px: 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_css_names_weight_size_and_the_cjk_stack() {
        let f = Font {
            size_px: 12.5,
            weight: 700,
        };
        assert!(f.css().starts_with("700 12.5px \"Noto Sans CJK SC\""));
        assert!(label_partner().font.css().starts_with("400 12px "));
        assert!(f.css().ends_with("sans-serif"));
    }
}
