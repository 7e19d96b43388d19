//! The picture's scale: presenter mode draws everything larger on big screens.

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
/// Apply it with [`super::Style::scaled`], [`super::TextStyle::scaled`] and by multiplying marker radii and
/// label gaps (`crate::label::Options::scaled`); [`drawing_scale`] adds presenter mode's boost.
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
pub fn drawing_scale(presenting: bool, width_px: f64, height_px: f64) -> f64 {
    if presenting {
        PRESENTER_BOOST * presenter_scale(width_px, height_px)
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::{label_city, link_friendly, link_sister};

    #[test]
    fn the_picture_grows_in_presenter_mode_only() {
        assert_eq!(drawing_scale(false, 3840.0, 2160.0), 1.0);
        assert_eq!(drawing_scale(true, 1920.0, 1080.0), PRESENTER_BOOST);
        assert_eq!(drawing_scale(true, 3840.0, 2160.0), 2.0 * PRESENTER_BOOST);
        assert_eq!(drawing_scale(true, 1280.0, 720.0), PRESENTER_BOOST);
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
}
