//! Films: the playback filmed: presenter mode's timeline, from a first year to a last, played on a map
//! of its own (the page's live map is not touched) and sought to exact times, so a video gets
//! every frame complete at its own timestamp however long a frame takes to draw.
//!
//! A story is filmed the same way ([`story`]).
//!
//! Each step lasts as on stage ([`crate::playback::Playback::step_ms`]: a year without new ties
//! passes faster); the film's time crosses step boundaries exactly, without the up to one
//! frame that live playback loses at each step (its clock advances in whole frames).

use crate::map::MapState;
use crate::playback::{PlayOptions, STEP_MS};

pub mod story;

pub use story::StoryFilm;

/// Something filmed: a map of its own, sought forward to exact times (the playback, or a
/// story's steps).
pub trait Reel {
    /// How long the film lasts, ms.
    fn duration_ms(&self) -> f64;
    /// Plays on to `t_ms` from the film's start (never back; the last picture stays at the end).
    fn seek(&mut self, t_ms: f64);
    /// The filmed map at the time sought.
    fn map(&self) -> &MapState;
}

impl Reel for Film {
    fn duration_ms(&self) -> f64 {
        Film::duration_ms(self)
    }
    fn seek(&mut self, t_ms: f64) {
        Film::seek(self, t_ms);
    }
    fn map(&self) -> &MapState {
        Film::map(self)
    }
}

/// The longest tick the playback takes at once, ms (it clamps longer ones).
const MAX_TICK_MS: f64 = 250.0;

/// A playback being filmed.
pub struct Film {
    map: MapState,
    /// The first and last step filmed (indexes into the playback's steps).
    first: usize,
    last: usize,
    /// Time filmed so far, ms.
    t_ms: f64,
    duration_ms: f64,
}

/// The playback speed at which a year with new ties lasts `seconds_per_year` (the playback
/// takes 0.1× to 20×, so 0.08 s to 16 s a year).
pub fn speed_for(seconds_per_year: f64) -> f64 {
    STEP_MS / (1000.0 * seconds_per_year.max(1e-3))
}

impl Film {
    /// Films `map` (a map made for the film, sized as the video, with the page's filter, view
    /// and basemap): its playback from the step of year `from` (or the first) to that of `to`
    /// (or the last, which is the ties of unknown year when there are some), a year with new
    /// ties lasting `seconds_per_year`. On the globe, the globe turns as on stage.
    pub fn new(
        mut map: MapState,
        seconds_per_year: f64,
        from: Option<u16>,
        to: Option<u16>,
    ) -> Self {
        map.set_playback_options(PlayOptions {
            speed: speed_for(seconds_per_year),
            looping: false,
            animate: true,
        });
        map.play();
        // As on stage: presenter mode's sizes, and the globe turning.
        let v = *map.viewport();
        map.set_presenting(true);
        map.resize(v.width, v.height);
        let steps = map.playback().map_or_else(Vec::new, |p| p.steps.clone());
        let n = steps.len().max(1);
        let first = from.map_or(0, |y| {
            steps
                .iter()
                .position(|s| s.is_some_and(|s| s >= y))
                .unwrap_or(n - 1)
        });
        let last = to.map_or(n - 1, |y| {
            steps
                .iter()
                .rposition(|s| s.is_some_and(|s| s <= y))
                .unwrap_or(0)
        });
        let last = last.max(first);
        if first > 0 {
            // Into the playback at `first`, paused, then on again.
            map.step(first as isize);
            map.play();
        }
        let duration_ms = map.playback().map_or(0.0, |p| {
            let mut p = p.clone();
            (first..=last)
                .map(|i| {
                    p.go_to(i);
                    p.step_ms()
                })
                .sum()
        });
        Self {
            map,
            first,
            last,
            t_ms: 0.0,
            duration_ms,
        }
    }

    /// How long the film lasts, ms.
    pub fn duration_ms(&self) -> f64 {
        self.duration_ms
    }

    /// The steps filmed, first and last (indexes into the playback's steps).
    pub fn steps(&self) -> (usize, usize) {
        (self.first, self.last)
    }

    /// Time filmed so far, ms.
    pub fn time_ms(&self) -> f64 {
        self.t_ms
    }

    /// Plays on to `t_ms` from the film's start (never back; at most to just before the end,
    /// so the last step filmed stays shown).
    pub fn seek(&mut self, t_ms: f64) {
        let target = t_ms.min(self.duration_ms - 1e-6);
        let last = self.last;
        play_on(&mut self.map, &mut self.t_ms, target, MAX_TICK_MS, |map| {
            let p = map.playback()?;
            Some((p.step_ms() - p.elapsed_ms, p.index >= last))
        });
    }

    /// The filmed map at the time sought (its frame and caption are the film's picture).
    pub fn map(&self) -> &MapState {
        &self.map
    }
}

/// Ticks `map` on from `*t_ms` to `target` (ms), at most `max_tick_ms` a tick, landing exactly
/// on each step's end so that the next step starts with no time lost, and never past the end
/// of the last step. `step` says the time left in the step shown, ms, and whether it is the
/// last (None: nothing plays any more, and time stops).
pub(crate) fn play_on(
    map: &mut MapState,
    t_ms: &mut f64,
    target: f64,
    max_tick_ms: f64,
    step: impl Fn(&MapState) -> Option<(f64, bool)>,
) {
    while *t_ms < target {
        let Some((left, last)) = step(map) else {
            return;
        };
        let want = (target - *t_ms).min(max_tick_ms);
        if want >= left && !last {
            map.tick(left + 1e-9);
            *t_ms += left.max(0.0);
        } else {
            let dt = want.min((left - 1e-9).max(0.0));
            if dt <= 0.0 {
                return;
            }
            map.tick(dt);
            *t_ms += dt;
        }
    }
}
