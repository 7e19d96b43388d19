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
/// Agreements and memoranda that do not themselves establish a tie (`stage` `agreement`):
/// thinner than a tie and dotted, in Okabe–Ito's reddish purple, so they differ from ties by
/// width and dash and from the grey dots of an unknown year by colour.
pub fn link_agreement() -> Style {
    Style {
        dash_px: Some([1.2, 1.8]),
        ..Style::stroke(Rgba(0xcc, 0x79, 0xa7, 230), 0.8)
    }
}
/// Letters of intent (`stage` `intent`): as agreements, with the dots twice as far apart.
pub fn link_intent() -> Style {
    Style {
        dash_px: Some([1.2, 3.6]),
        ..link_agreement()
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

/// Leader lines from a name set apart to what it names (thin, the country names' grey).
pub fn leader_line() -> Style {
    Style::stroke(Rgba(0x66, 0x66, 0x66, 255), 0.8)
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

mod scale;
mod text;

pub use scale::*;
pub use text::*;
