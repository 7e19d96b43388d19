//! Colours and line styles of the map: the one source. The page's CSS repeats the link and
//! accent colours (`--sister`, `--friendly`, `--accent`) and the background for the legend, the
//! histogram and the moment before the map draws; `tests/palette.rs` keeps the copies equal.

/// An sRGB colour with alpha (0–255 each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

impl Rgba {
    /// CSS `rgba(...)` text.
    pub fn css(self) -> String {
        if self.3 == 255 {
            format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
        } else {
            format!(
                "rgba({},{},{},{})",
                self.0,
                self.1,
                self.2,
                crate::number::fixed(f64::from(self.3) / 255.0, 3)
            )
        }
    }
}

/// How a layer is painted.
///
/// # Units
/// `width_px`, `dash_px` and `radius_px` are CSS pixels whatever the zoom.
#[derive(Clone, Debug, PartialEq)]
pub struct Style {
    /// Fill colour, if filled.
    pub fill: Option<Rgba>,
    /// Stroke colour, if stroked.
    pub stroke: Option<Rgba>,
    /// Stroke width, CSS px.
    pub width_px: f64,
    /// Dash pattern (on, off), CSS px; `None` for solid.
    pub dash_px: Option<[f64; 2]>,
}

impl Style {
    /// This style for a picture scaled by `k` (see [`presenter_scale`]): the stroke width and
    /// the dash pattern multiplied by `k`; colours unchanged.
    pub fn scaled(&self, k: f64) -> Self {
        Self {
            width_px: self.width_px * k,
            dash_px: self.dash_px.map(|[on, off]| [on * k, off * k]),
            ..self.clone()
        }
    }

    const fn stroke(c: Rgba, width_px: f64) -> Self {
        Self {
            fill: None,
            stroke: Some(c),
            width_px,
            dash_px: None,
        }
    }
    const fn fill(c: Rgba) -> Self {
        Self {
            fill: Some(c),
            stroke: None,
            width_px: 0.0,
            dash_px: None,
        }
    }
}

/// Ocean (the sphere's outline, filled).
pub fn ocean() -> Style {
    Style {
        fill: Some(Rgba(0xee, 0xf3, 0xf8, 255)),
        stroke: Some(Rgba(0xb8, 0xc6, 0xd6, 255)),
        width_px: 1.0,
        dash_px: None,
    }
}
/// Graticule lines.
pub fn graticule() -> Style {
    Style::stroke(Rgba(0xc9, 0xd5, 0xe2, 255), 0.5)
}
/// Land fill.
pub fn land() -> Style {
    Style::fill(Rgba(0xdd, 0xd8, 0xcc, 255))
}
/// China's land, emphasised.
pub fn land_china() -> Style {
    Style::fill(Rgba(0xf1, 0xe0, 0xc8, 255))
}
/// Land borders between countries.
pub fn borders() -> Style {
    Style::stroke(Rgba(0xff, 0xff, 0xff, 255), 0.6)
}
/// Coastlines.
pub fn coast() -> Style {
    Style::stroke(Rgba(0xa9, 0xa2, 0x94, 255), 0.5)
}
/// Sister-city links (solid). Colours from the Okabe–Ito colour-blind-safe palette.
pub fn link_sister() -> Style {
    Style::stroke(Rgba(0xd5, 0x5e, 0x00, 217), 1.0)
}
/// Friendly-cooperation links (dashed, so kinds differ without colour).
pub fn link_friendly() -> Style {
    Style {
        dash_px: Some([4.0, 2.5]),
        ..Style::stroke(Rgba(0x00, 0x72, 0xb2, 191), 1.0)
    }
}
/// Links of unknown year, shown apart under a year filter (grey and dotted: not placed in any
/// year).
pub fn link_unknown() -> Style {
    Style {
        dash_px: Some([1.5, 2.5]),
        ..Style::stroke(Rgba(0x70, 0x70, 0x70, 200), 1.0)
    }
}
/// Links of the selected Shandong city or the hovered tie.
pub fn link_highlight() -> Style {
    Style::stroke(Rgba(0xcc, 0x00, 0x33, 255), 2.0)
}
/// Links when thousands are shown: hairlines, faint, so density reads as colour depth (and
/// Chromium strokes lines of 1 px or less on its fast path).
pub fn dense(mut s: Style) -> Style {
    s.width_px = 0.6;
    s.dash_px = s.dash_px.map(|[on, off]| [on * 0.75, off * 0.75]);
    if let Some(c) = s.stroke.as_mut() {
        c.3 = 56;
    }
    s
}
/// Playback: the links new in the current year.
pub fn link_new() -> Style {
    Style::stroke(Rgba(0xcc, 0x00, 0x33, 255), 2.5)
}
/// Links dimmed because another city is selected.
pub fn link_dimmed() -> Style {
    Style::stroke(Rgba(0x88, 0x88, 0x88, 64), 0.6)
}
/// Partner markers.
pub fn partner_marker() -> Style {
    Style {
        fill: Some(Rgba(0xff, 0xff, 0xff, 255)),
        stroke: Some(Rgba(0x33, 0x33, 0x33, 255)),
        width_px: 0.8,
        dash_px: None,
    }
}
/// Shandong city markers.
pub fn shandong_marker() -> Style {
    Style {
        fill: Some(Rgba(0xcc, 0x00, 0x33, 255)),
        stroke: Some(Rgba(0xff, 0xff, 0xff, 255)),
        width_px: 1.2,
        dash_px: None,
    }
}
/// Hovered or selected marker ring.
pub fn marker_highlight() -> Style {
    Style {
        fill: Some(Rgba(0xff, 0xd7, 0x00, 255)),
        stroke: Some(Rgba(0x33, 0x33, 0x33, 255)),
        width_px: 1.5,
        dash_px: None,
    }
}

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

    /// This font scaled by `k` (see [`presenter_scale`]).
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
    /// This style scaled by `k` (see [`presenter_scale`]): font size and halo width.
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
/// The close-up's frame: a box of the ocean's colour with a thin grey border.
pub fn inset_frame() -> Style {
    Style {
        fill: ocean().fill,
        stroke: Some(Rgba(0x88, 0x88, 0x88, 255)),
        width_px: 1.0,
        dash_px: None,
    }
}
/// The close-up's land: filled like the world's land, outlined by its coast.
pub fn inset_land() -> Style {
    Style {
        stroke: None,
        ..land()
    }
}

/// `layer` with its stroke widths and dashes scaled by `k` (see [`presenter_scale`]); the
/// geometry is moved, not copied, when the layer is not shared.
pub fn scaled_layer(
    mut layer: std::rc::Rc<crate::display_list::Layer>,
    k: f64,
) -> std::rc::Rc<crate::display_list::Layer> {
    if k != 1.0 {
        let l = std::rc::Rc::make_mut(&mut layer);
        l.style = l.style.scaled(k);
    }
    layer
}

/// The canvas size (CSS px) at which presenter mode draws at scale 1: a 1920×1080 screen.
pub const PRESENTER_REFERENCE_PX: [f64; 2] = [1920.0, 1080.0];
/// The largest presenter scale (an 8K screen at device pixel ratio 1).
pub const PRESENTER_MAX_SCALE: f64 = 4.0;

/// The factor by which presenter mode scales every width, radius, dash, gap and font size, from
/// the canvas's CSS width: its ratio to [`PRESENTER_REFERENCE_PX`]'s width, never below 1 nor
/// above [`PRESENTER_MAX_SCALE`] (stage screens are landscape; the width decides how far the
/// back row sits). So a 3840-wide canvas at device pixel ratio 1 gets 2 and shows the picture of
/// 1920 at ratio 2 (only sharper). Outside presenter mode the factor is 1.
///
/// Apply it with [`Style::scaled`], [`TextStyle::scaled`] and by multiplying marker radii and
/// label gaps (`crate::label::Options::scaled`); [`picture_scale`] adds presenter mode's boost.
///
/// # Units
/// CSS pixels in (the height is not used); a dimensionless factor out (1 for a non-finite size).
pub fn presenter_scale(width_px: f64, _height_px: f64) -> f64 {
    let k = width_px / PRESENTER_REFERENCE_PX[0];
    if k.is_finite() {
        crate::number::clamp(k, 1.0, PRESENTER_MAX_SCALE)
    } else {
        1.0
    }
}

/// How much larger presenter mode draws than the page at the reference size: a room reads the
/// picture from metres away (links, markers and names about 1.8 times a desk's sizes).
pub const PRESENTER_BOOST: f64 = 1.8;

/// The picture's scale: 1 on pages; in presenter mode [`PRESENTER_BOOST`] times
/// [`presenter_scale`] of the canvas's CSS size (so 1.8 at 1920×1080 and 3.6 on a 3840×2160
/// screen at device pixel ratio 1, which then shows the 1920×1080 picture at ratio 2).
///
/// # Units
/// CSS pixels in; a dimensionless factor out.
pub fn picture_scale(presenting: bool, width_px: f64, height_px: f64) -> f64 {
    if presenting {
        PRESENTER_BOOST * presenter_scale(width_px, height_px)
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_picture_grows_in_presenter_mode_only() {
        assert_eq!(picture_scale(false, 3840.0, 2160.0), 1.0);
        assert_eq!(picture_scale(true, 1920.0, 1080.0), PRESENTER_BOOST);
        assert_eq!(picture_scale(true, 3840.0, 2160.0), 2.0 * PRESENTER_BOOST);
        assert_eq!(picture_scale(true, 1280.0, 720.0), PRESENTER_BOOST);
    }

    #[test]
    fn scaled_styles_multiply_every_size() {
        let s = link_friendly().scaled(2.0);
        assert_eq!(s.width_px, 2.0);
        assert_eq!(s.dash_px, Some([8.0, 5.0]));
        assert_eq!(s.stroke, link_friendly().stroke, "colour kept");
        assert_eq!(link_sister().scaled(1.0), link_sister());
        let t = label_city().scaled(2.0);
        assert_eq!(t.font.size_px, 26.0);
        assert_eq!(t.font.weight, 700);
        assert_eq!(t.halo_px, 4.0);
        assert_eq!(t.fill, label_city().fill);
    }

    #[test]
    fn presenter_scale_follows_the_canvas_size() {
        assert_eq!(presenter_scale(3840.0, 2160.0), 2.0);
        assert_eq!(presenter_scale(1920.0, 1080.0), 1.0);
        assert_eq!(presenter_scale(1280.0, 720.0), 1.0, "never below 1");
        // A wide but short canvas: the height decides.
        assert_eq!(presenter_scale(3840.0, 1967.0), 2.0, "the width decides");
        assert_eq!(presenter_scale(2880.0, 1620.0), 1.5);
        assert_eq!(presenter_scale(1e6, 1e6), PRESENTER_MAX_SCALE);
        assert_eq!(presenter_scale(f64::NAN, 1080.0), 1.0);
    }

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
