//! A short animated move of the view: a fit to what is shown flies there (the scale
//! geometrically, the centre linearly, eased in and out) unless motion is reduced.

use crate::viewport::Viewport;

/// How long a fit of the view to what is shown flies, ms.
pub const FLIGHT_MS: f64 = 600.0;

/// How long a story's flight from one step's view to the next lasts, ms (longer than a fit's:
/// an audience follows the move).
pub const STORY_FLIGHT_MS: f64 = 1500.0;

/// A flight under way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flight {
    from: Viewport,
    to: Viewport,
    elapsed_ms: f64,
    duration_ms: f64,
}

impl Flight {
    /// The view after `t` (0–1) of the flight: the scale moves geometrically, the world point
    /// at the centre linearly, both eased in and out.
    fn at(&self, t: f64) -> Viewport {
        let e = if t < 0.5 {
            4.0 * t * t * t
        } else {
            1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
        };
        let (a, b) = (&self.from, &self.to);
        let centre = [a.width / 2.0, a.height / 2.0];
        let (ca, cb) = (a.to_world(centre), b.to_world(centre));
        let c = [ca[0] + (cb[0] - ca[0]) * e, ca[1] + (cb[1] - ca[1]) * e];
        let mut v = *a;
        v.scale = a.scale * (b.scale / a.scale).powf(e);
        v.tx = centre[0] - v.scale * c[0];
        v.ty = centre[1] + v.scale * c[1];
        v
    }

    /// A flight from one view to another, lasting `duration_ms`.
    pub fn new(from: Viewport, to: Viewport, duration_ms: f64) -> Self {
        Self {
            from,
            to,
            elapsed_ms: 0.0,
            duration_ms: duration_ms.max(1.0),
        }
    }

    /// Advances by `dt_ms`: the view now, and whether the flight has arrived.
    pub fn advance(&mut self, dt_ms: f64) -> (Viewport, bool) {
        self.elapsed_ms += dt_ms;
        let t = self.elapsed_ms / self.duration_ms;
        if t >= 1.0 {
            (self.to, true)
        } else {
            (self.at(t), false)
        }
    }
}
