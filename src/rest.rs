//! When the map is drawn sharp again after a gesture: the frame loop's decisions as data.
//!
//! A frame is *final* when it is what a fresh draw of the same view would give (static items
//! copied from a picture made at this scale and on the device-pixel grid, or drawn directly when
//! no picture can be made); any other frame (a moved or scaled picture, a direct draw while a
//! picture is due) is *provisional*. Whatever the timing of the frames before it, a provisional
//! frame is followed by exactly one rest frame once nothing else has been painted for
//! [`REST_AFTER_MS`], and a rest frame never asks for another (no loop when a picture cannot be
//! made).

/// How long the map must go without a frame before the rest frame is painted, ms.
pub const REST_AFTER_MS: i32 = 120;

/// How a painted frame left the canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Painted {
    /// Equal to a fresh draw of the same view.
    Final,
    /// A moved or scaled picture, or a direct draw while a picture is due.
    Provisional,
}

/// What the loop does with its rest timer after a decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timer {
    /// (Re)start the timer: the rest frame follows [`REST_AFTER_MS`] after this frame.
    Arm,
    /// Stop the timer if it runs: no rest frame is due.
    Cancel,
}

/// The rest-frame scheduler of one map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rest {
    /// A rest frame is due when the timer fires.
    due: bool,
    /// The next frame painted is the rest frame (the timer fired).
    resting: bool,
}

impl Rest {
    /// The timer fired: returns whether to paint the rest frame now (the caller paints it with
    /// [`Rest::resting`] true).
    pub fn timer_fired(&mut self) -> bool {
        if !std::mem::take(&mut self.due) {
            return false;
        }
        self.resting = true;
        true
    }

    /// Whether the frame about to be painted is the rest frame (it must equal a fresh draw).
    pub fn resting(&self) -> bool {
        self.resting
    }

    /// A frame was painted: what to do with the timer.
    pub fn painted(&mut self, how: Painted) -> Timer {
        let was_rest = std::mem::take(&mut self.resting);
        self.due = how == Painted::Provisional && !was_rest;
        if self.due {
            Timer::Arm
        } else {
            Timer::Cancel
        }
    }

    /// Whether a rest frame is still to come.
    pub fn pending(&self) -> bool {
        self.due || self.resting
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_provisional_frame_is_followed_by_one_rest_frame() {
        let mut r = Rest::default();
        assert_eq!(r.painted(Painted::Provisional), Timer::Arm);
        assert!(r.pending());
        assert!(r.timer_fired());
        assert!(r.resting());
        assert_eq!(r.painted(Painted::Final), Timer::Cancel);
        assert!(!r.pending());
        assert!(!r.timer_fired(), "a second timer callback paints nothing");
    }

    #[test]
    fn a_final_frame_cancels_the_rest_frame() {
        let mut r = Rest::default();
        r.painted(Painted::Provisional);
        assert_eq!(r.painted(Painted::Final), Timer::Cancel);
        assert!(!r.timer_fired());
    }

    #[test]
    fn a_rest_frame_that_stays_provisional_asks_for_nothing_more() {
        let mut r = Rest::default();
        r.painted(Painted::Provisional);
        assert!(r.timer_fired());
        assert_eq!(r.painted(Painted::Provisional), Timer::Cancel);
        assert!(!r.pending());
    }

    #[test]
    fn any_sequence_of_frames_ends_in_one_rest_frame_or_none() {
        // Every interleaving of provisional and final frames and timer callbacks, up to 8 events:
        // once the events stop, firing the timer paints exactly one more frame when the last
        // painted frame was provisional and not a rest frame, and none otherwise.
        for n in 0..8u32 {
            for bits in 0..3u32.pow(n) {
                let mut r = Rest::default();
                let mut last: Option<(Painted, bool)> = None;
                let mut code = bits;
                for _ in 0..n {
                    match code % 3 {
                        0 => {
                            let rest = r.resting();
                            r.painted(Painted::Provisional);
                            last = Some((Painted::Provisional, rest));
                        }
                        1 => {
                            let rest = r.resting();
                            r.painted(Painted::Final);
                            last = Some((Painted::Final, rest));
                        }
                        _ => {
                            if r.timer_fired() {
                                r.painted(Painted::Final);
                                last = Some((Painted::Final, true));
                            }
                        }
                    }
                    code /= 3;
                }
                let want = matches!(last, Some((Painted::Provisional, false)));
                assert_eq!(r.pending(), want, "events {bits} of {n}");
                let mut extra = 0;
                while r.timer_fired() {
                    extra += 1;
                    r.painted(Painted::Final);
                }
                assert_eq!(extra, u32::from(want));
                assert!(!r.pending());
            }
        }
    }
}
