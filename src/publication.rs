//! A picture of the map that leaves the page: its size, scale and overlay (legend, credit line,
//! review number, caption), checked once, and the frame it is drawn from. Every sink takes
//! this one frame: the canvas (PNG), the SVG writer, the video's frames, the command line's
//! poster.

use crate::data::Stage;
use crate::display_list::Frame;
use crate::map::MapState;
use crate::overlay::{covered, overlay, OverlayTexts};
use crate::Error;

/// The smallest picture side, px.
pub const MIN_PX: f64 = 16.0;
/// The largest PNG or video side, px (browsers' canvases stop about there).
pub const MAX_RASTER_PX: f64 = 8192.0;
/// The largest SVG side, px (a poster at 300 dpi).
pub const MAX_VECTOR_PX: f64 = 32768.0;

/// What is published: a picture `width_px`×`height_px` drawn at `scale` px per CSS px.
#[derive(Clone, Debug, PartialEq)]
pub struct Publication {
    /// Width, px.
    pub width_px: f64,
    /// Height, px.
    pub height_px: f64,
    /// Pixels per CSS px (a picture drawn at 2 is the page's at twice the resolution).
    pub scale: f64,
    /// Presenter mode's sizes for the overlay.
    pub presenting: bool,
    /// The overlay's texts, in the page's language.
    pub texts: OverlayTexts,
}

impl Publication {
    /// A picture `width_px`×`height_px` at `scale`, each side at most `max_px`; refused with
    /// the value when a side or the scale is not a finite number in range.
    pub fn new(width_px: f64, height_px: f64, scale: f64, max_px: f64) -> Result<Self, Error> {
        let side = |v: f64, name: &'static str| {
            if v.is_finite() && (MIN_PX..=max_px).contains(&v) {
                Ok(v.round())
            } else if !v.is_finite() {
                Err(Error::value(name, "not a finite number of px"))
            } else {
                let n = crate::number::short(v, 1);
                let max = crate::number::short(max_px, 0);
                Err(Error::value(
                    name,
                    format!("{n} px is not from 16 to {max}"),
                ))
            }
        };
        if !scale.is_finite() {
            return Err(Error::value("scale", "not a finite number"));
        }
        if !(0.1..=16.0).contains(&scale) {
            let n = crate::number::short(scale, 2);
            return Err(Error::value("scale", format!("{n} is not from 0.1 to 16")));
        }
        Ok(Self {
            width_px: side(width_px, "width")?,
            height_px: side(height_px, "height")?,
            scale,
            presenting: false,
            texts: OverlayTexts::default(),
        })
    }

    /// The picture's size in CSS px.
    pub fn css_size(&self) -> (f64, f64) {
        (self.width_px / self.scale, self.height_px / self.scale)
    }
}

impl MapState {
    /// The frame of publication `p`: the current view (same centre and zoom) at its size, with
    /// its overlay (the title, legend, credit, review number and caption), which names and the
    /// close-up keep clear of. The legend names agreements and letters of intent only when some
    /// are drawn.
    pub fn publish(&self, p: &Publication) -> Frame {
        let (w, h) = p.css_size();
        let mut texts = p.texts.clone();
        let drawn = self.stages_drawn();
        if !drawn.contains(&Stage::Agreement) {
            texts.agreement.clear();
        }
        if !drawn.contains(&Stage::Intent) {
            texts.intent.clear();
        }
        let items = overlay(&texts, w, h, p.presenting, self.text_measure());
        let mut frame = self.frame_reserving(w, h, &covered(&items));
        frame.items.extend(items);
        frame
    }
}
