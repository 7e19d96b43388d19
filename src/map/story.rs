//! A story played on the map: which step is shown, and its automatic play. A step is applied
//! as a link is, through the map's one door ([`MapState::apply`] of a
//! [`Command::Query`] with the step's state), then reached by a flight from the view before
//! (a cut when fits do not fly: reduced motion). Under a story the globe does not turn and the
//! timeline does not play: the step's view and years hold.

use super::flight::STORY_FLIGHT_MS;
use super::MapState;
use crate::command::Command;
use crate::story::{Caption, Story};
use crate::url_state::Warning;
use std::rc::Rc;

/// A story being shown.
#[derive(Clone, Debug)]
pub struct Showing {
    story: Rc<Story>,
    index: usize,
    playing: bool,
    /// Time since the step was reached (its flight included), ms.
    elapsed_ms: f64,
    /// The step's flight, ms (0 for a cut).
    flight_ms: f64,
}

impl Showing {
    /// How long the step is shown in automatic play: its flight, then its duration, ms.
    pub fn hold_ms(&self) -> f64 {
        self.flight_ms + 1000.0 * self.story.steps[self.index].duration
    }

    /// Time left on this step, ms.
    pub fn left_ms(&self) -> f64 {
        (self.hold_ms() - self.elapsed_ms).max(0.0)
    }

    /// The step shown (from 0).
    pub fn index(&self) -> usize {
        self.index
    }

    /// The story.
    pub fn story(&self) -> &Story {
        &self.story
    }
}

/// What the page shows of the story: the snapshot's `story`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct StoryInfo {
    /// The talk's title.
    pub title: String,
    /// The step shown, from 0.
    pub step: usize,
    /// How many steps play.
    pub steps: usize,
    /// The step's sentence in both languages.
    pub caption: Caption,
    /// How long the step stays in automatic play, seconds.
    pub duration: f64,
    /// Automatic play is on.
    pub playing: bool,
}

impl MapState {
    /// A story file's text read against this map's data, regions and year.
    pub fn read_story(&self, text: &str) -> crate::story::Read {
        let words = crate::story::Vocabulary {
            regions: &self.regions,
            dataset: &self.dataset,
            last_year: self.page.this_year,
        };
        crate::story::read(text, &words)
    }

    /// Shows `story` from its first step (automatic play off). The globe stops turning.
    pub fn open_story(&mut self, story: Story) -> Vec<Warning> {
        self.story = Some(Showing {
            story: Rc::new(story),
            index: 0,
            playing: false,
            elapsed_ms: 0.0,
            flight_ms: 0.0,
        });
        self.camera.set_spin(false);
        self.go(0, false)
    }

    /// Leaves the story: the map stays as its step left it; the globe turns again in presenter
    /// mode.
    pub fn close_story(&mut self) {
        if self.story.take().is_some() {
            self.camera.set_spin(self.page.presenting);
            self.data_version = self.next_version();
            self.dirty = true;
        }
    }

    /// The story shown, if any.
    pub fn story(&self) -> Option<&Showing> {
        self.story.as_ref()
    }

    /// Goes to step `index` (clamped to the last): its state applied as a URL query, the view
    /// reached by a flight from the one before. Returns the values the state skipped.
    pub fn story_go(&mut self, index: usize) -> Vec<Warning> {
        self.go(index, true)
    }

    /// Goes to step `index`; `moving`: from another step, so the view flies there when fits
    /// fly, and automatic play gives the move [`STORY_FLIGHT_MS`] before the step's duration
    /// (also when the view does not move or cannot fly: the pace of a talk stays even).
    fn go(&mut self, index: usize, moving: bool) -> Vec<Warning> {
        let Some(s) = &self.story else {
            return Vec::new();
        };
        let index = index.min(s.story.steps.len() - 1);
        let state = s.story.steps[index].state.clone();
        let before = self.camera.key();
        let warnings = match self.apply(Command::Query(state)) {
            Ok(out) => out.warnings,
            Err(_) => Vec::new(),
        };
        // A flight only within one projection and, on the globe, one turn of it.
        let moving = moving && self.camera.animate;
        if moving && self.camera.key().globe == before.globe {
            self.camera.fly_from(before.viewport, STORY_FLIGHT_MS);
        }
        if let Some(s) = &mut self.story {
            s.index = index;
            s.elapsed_ms = 0.0;
            s.flight_ms = if moving { STORY_FLIGHT_MS } else { 0.0 };
        }
        self.data_version = self.next_version();
        self.dirty = true;
        warnings
    }

    /// Steps the story by `by` steps (clamped to the first and last).
    pub fn story_step(&mut self, by: i32) -> Vec<Warning> {
        let Some(s) = &self.story else {
            return Vec::new();
        };
        let to = (s.index as i64 + i64::from(by)).max(0) as usize;
        self.story_go(to)
    }

    /// Automatic play on or off (on at the last step of several starts again from the first).
    pub fn story_play(&mut self, on: bool) {
        let Some(s) = &mut self.story else {
            return;
        };
        if s.playing == on {
            return;
        }
        s.playing = on;
        let n = s.story.steps.len();
        let restart = on && n > 1 && s.index + 1 == n;
        if restart {
            self.story_go(0);
        }
        self.data_version = self.next_version();
        self.dirty = true;
    }

    /// Advances automatic play by `dt_ms` (at most one step at a time, so a late clock never
    /// skips a step).
    pub(super) fn story_tick(&mut self, dt_ms: f64) {
        let Some(s) = self.story.as_mut().filter(|s| s.playing) else {
            return;
        };
        s.elapsed_ms += dt_ms.max(0.0);
        if s.elapsed_ms < s.hold_ms() {
            return;
        }
        if s.index + 1 < s.story.steps.len() {
            let next = s.index + 1;
            self.story_go(next);
            return;
        }
        // The talk ends on its last step.
        s.playing = false;
        self.data_version = self.next_version();
        self.dirty = true;
    }

    /// In automatic play, how long until the next step, ms: a host waits that long instead of
    /// drawing frames while a step holds still.
    pub fn story_wake_ms(&self) -> Option<f64> {
        self.story
            .as_ref()
            .filter(|s| s.playing)
            .map(Showing::left_ms)
    }

    /// The snapshot's record of the story shown.
    pub fn story_info(&self) -> Option<StoryInfo> {
        let s = self.story.as_ref()?;
        let step = &s.story.steps[s.index];
        Some(StoryInfo {
            title: s.story.title.clone(),
            step: s.index,
            steps: s.story.steps.len(),
            caption: step.caption.clone(),
            duration: step.duration,
            playing: s.playing,
        })
    }
}
