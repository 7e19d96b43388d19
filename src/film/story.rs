//! A story filmed: its steps on a map of its own, from the first to the last, each held for its
//! duration with the flight to it before (the pace of automatic play in presenter mode, flights
//! included whatever the page's motion setting: the video is for an audience), sought to exact
//! times as the playback's film is.

use super::{play_on, Reel};
use crate::command::Command;
use crate::map::flight::STORY_FLIGHT_MS;
use crate::map::MapState;

/// The longest tick the film takes at once, ms (a flight advances at most this much a frame).
const MAX_TICK_MS: f64 = 100.0;

/// A story being filmed.
pub struct StoryFilm {
    map: MapState,
    t_ms: f64,
    duration_ms: f64,
}

impl StoryFilm {
    /// Films the story shown on `map` (a map made for the film, sized as the video), from its
    /// first step; `None` when no story is shown.
    pub fn new(mut map: MapState) -> Option<Self> {
        let story = map.story()?.story().clone();
        let holds: f64 = story.steps.iter().map(|s| 1000.0 * s.duration).sum();
        let flights = (story.steps.len() - 1) as f64 * STORY_FLIGHT_MS;
        let v = *map.viewport();
        map.set_presenting(true);
        map.resize(v.width, v.height);
        let _ = map.apply(Command::ViewAnimation(true));
        map.open_story(story);
        map.story_play(true);
        Some(Self {
            map,
            t_ms: 0.0,
            duration_ms: holds + flights,
        })
    }

    /// The step shown at the time sought (from 0).
    pub fn step(&self) -> usize {
        self.map.story().map_or(0, |s| s.index())
    }
}

impl Reel for StoryFilm {
    fn duration_ms(&self) -> f64 {
        self.duration_ms
    }

    fn seek(&mut self, t_ms: f64) {
        let target = t_ms.min(self.duration_ms - 1e-6);
        play_on(&mut self.map, &mut self.t_ms, target, MAX_TICK_MS, |map| {
            let s = map.story()?;
            Some((s.left_ms(), s.index() + 1 == s.story().steps.len()))
        });
    }

    fn map(&self) -> &MapState {
        &self.map
    }
}
