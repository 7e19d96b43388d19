//! Where the Shandong close-up goes: a corner of the map chosen where it hides least, or one
//! named by the page (`inset="top-left"`), or none (`inset="none"`).

use crate::label::Rect;

/// A corner of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Corner {
    /// Top left.
    TopLeft,
    /// Top right.
    TopRight,
    /// Bottom left.
    BottomLeft,
    /// Bottom right.
    BottomRight,
}

impl Corner {
    /// The order in which equally good corners are taken. On the Pacific-centred world view the
    /// bottom corners hold the Southern Ocean and Antarctica, where few partners lie; the page's
    /// legend sits at the bottom left, so the bottom right comes first.
    pub const PREFERENCE: [Corner; 4] = [
        Corner::BottomRight,
        Corner::BottomLeft,
        Corner::TopRight,
        Corner::TopLeft,
    ];

    /// The corner's attribute spelling (`top-left`, …).
    pub fn name(self) -> &'static str {
        match self {
            Self::TopLeft => "top-left",
            Self::TopRight => "top-right",
            Self::BottomLeft => "bottom-left",
            Self::BottomRight => "bottom-right",
        }
    }

    /// The rectangle of `size_px` in this corner of a `viewport_px` view, `margin_px` from its
    /// edges (CSS px).
    pub fn rect(self, viewport_px: [f64; 2], size_px: [f64; 2], margin_px: f64) -> Rect {
        let [vw, vh] = viewport_px;
        let [w, h] = size_px;
        let x = match self {
            Self::TopLeft | Self::BottomLeft => margin_px,
            Self::TopRight | Self::BottomRight => vw - margin_px - w,
        };
        let y = match self {
            Self::TopLeft | Self::TopRight => margin_px,
            Self::BottomLeft | Self::BottomRight => vh - margin_px - h,
        };
        Rect::new(x, y, w, h)
    }
}

/// The page's choice for the close-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InsetPlacement {
    /// The corner where it hides least ([`choose_corner`]).
    #[default]
    Auto,
    /// Always this corner.
    Corner(Corner),
    /// No close-up.
    Hidden,
}

impl InsetPlacement {
    /// From the `inset` attribute: `auto` (or empty), a corner name, or `none`; `None` for
    /// anything else.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim() {
            "" | "auto" => Some(Self::Auto),
            "none" | "off" => Some(Self::Hidden),
            v => Corner::PREFERENCE
                .into_iter()
                .find(|c| c.name() == v)
                .map(Self::Corner),
        }
    }
}

/// Where to put a close-up of `size_px` in a `viewport_px` view, `margin_px` from the edges:
/// the corner whose rectangle overlaps the fewest `reserved` boxes (page controls, the legend:
/// avoided first), then the fewest `shown` boxes (the markers and labels on the map), ties
/// going by [`Corner::PREFERENCE`]. `None` when hidden or when the view is smaller than the
/// close-up and its margins.
///
/// # Units
/// CSS pixels.
pub fn choose_corner(
    viewport_px: [f64; 2],
    size_px: [f64; 2],
    margin_px: f64,
    shown: &[Rect],
    reserved: &[Rect],
    placement: InsetPlacement,
) -> Option<(Corner, Rect)> {
    let fits = size_px[0] + 2.0 * margin_px <= viewport_px[0]
        && size_px[1] + 2.0 * margin_px <= viewport_px[1];
    if !fits {
        return None;
    }
    let at = |c: Corner| (c, c.rect(viewport_px, size_px, margin_px));
    match placement {
        InsetPlacement::Hidden => None,
        InsetPlacement::Corner(c) => Some(at(c)),
        InsetPlacement::Auto => Corner::PREFERENCE.into_iter().map(at).min_by_key(|(_, r)| {
            let count = |boxes: &[Rect]| boxes.iter().filter(|b| b.overlaps(r)).count();
            (count(reserved), count(shown))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corner_rectangles() {
        let v = [800.0, 400.0];
        assert_eq!(
            Corner::TopLeft.rect(v, [200.0, 120.0], 10.0),
            Rect::new(10.0, 10.0, 200.0, 120.0)
        );
        assert_eq!(
            Corner::BottomRight.rect(v, [200.0, 120.0], 10.0),
            Rect::new(590.0, 270.0, 200.0, 120.0)
        );
    }

    #[test]
    fn attribute_values() {
        assert_eq!(InsetPlacement::parse("auto"), Some(InsetPlacement::Auto));
        assert_eq!(InsetPlacement::parse(""), Some(InsetPlacement::Auto));
        assert_eq!(InsetPlacement::parse("none"), Some(InsetPlacement::Hidden));
        assert_eq!(
            InsetPlacement::parse(" top-left "),
            Some(InsetPlacement::Corner(Corner::TopLeft))
        );
        assert_eq!(InsetPlacement::parse("middle"), None);
    }
}
