//! Timeline playback: steps through the years from the first tie to the last, then the ties of
//! unknown year; each step's new ties grow along their great circle and stay emphasised until
//! the next step.

use crate::data::Dataset;

/// Milliseconds a year with new ties is shown at speed 1.
pub const STEP_MS: f64 = 1600.0;
/// Share of a step during which new links grow from the Shandong end to the partner.
pub const GROW_SHARE: f64 = 0.6;
/// A year without new ties passes this much faster.
const EMPTY_STEP_FACTOR: f64 = 0.35;

/// One step of the timeline: a year, or the final "year unknown" step.
pub type Step = Option<u16>;

/// The playback state (pure: time is fed in by [`Playback::advance`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Playback {
    /// The steps: every year from the first to the last year with ties, then `None` if some
    /// ties have no year.
    pub steps: Vec<Step>,
    /// Current step.
    pub index: usize,
    /// Time spent in the current step, ms.
    pub elapsed_ms: f64,
    /// Advancing by itself.
    pub playing: bool,
    /// Start again after the last step.
    pub looping: bool,
    /// Speed multiplier (1 = [`STEP_MS`] per year).
    pub speed: f64,
    /// Grow links (false: new links appear at once, for reduced motion).
    pub animate: bool,
    /// Ties established in each step, by step.
    new_by_step: Vec<Vec<usize>>,
    /// Completed loops (for soak tests).
    pub loops: u64,
}

impl Playback {
    /// A timeline over the ties with `eligible[i]` (the user's non-year filters), at step 0.
    pub fn new(dataset: &Dataset, eligible: &[bool]) -> Self {
        let years: Vec<u16> = dataset
            .ties
            .iter()
            .zip(eligible)
            .filter(|(_, e)| **e)
            .filter_map(|(t, _)| t.record.established.map(|d| d.year))
            .collect();
        let unknown = dataset
            .ties
            .iter()
            .zip(eligible)
            .any(|(t, e)| *e && t.record.established.is_none());
        let mut steps: Vec<Step> = match (years.iter().min(), years.iter().max()) {
            (Some(&a), Some(&b)) => (a..=b).map(Some).collect(),
            _ => Vec::new(),
        };
        if unknown || steps.is_empty() {
            steps.push(None);
        }
        let new_by_step = steps
            .iter()
            .map(|step| {
                (0..dataset.ties.len())
                    .filter(|&i| {
                        eligible[i] && dataset.ties[i].record.established.map(|d| d.year) == *step
                    })
                    .collect()
            })
            .collect();
        Self {
            steps,
            index: 0,
            elapsed_ms: 0.0,
            playing: false,
            looping: false,
            speed: 1.0,
            animate: true,
            new_by_step,
            loops: 0,
        }
    }

    /// The current step.
    pub fn step(&self) -> Step {
        self.steps[self.index]
    }

    /// Ties new in the current step.
    pub fn new_ties(&self) -> &[usize] {
        &self.new_by_step[self.index]
    }

    /// Whether tie `i` is shown at the current step (cumulative), given it is eligible.
    pub fn shows(&self, year: Option<u16>) -> bool {
        match (self.step(), year) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(s), Some(y)) => y <= s,
        }
    }

    fn step_ms(&self) -> f64 {
        let base = STEP_MS / self.speed.max(0.05);
        if self.new_ties().is_empty() {
            base * EMPTY_STEP_FACTOR
        } else {
            base
        }
    }

    /// How far the current step's new links have grown, 0 to 1.
    pub fn growth(&self) -> f64 {
        if !self.animate {
            return 1.0;
        }
        crate::number::clamp(self.elapsed_ms / (self.step_ms() * GROW_SHARE), 0.0, 1.0)
    }

    /// Jumps to a step (clamped), at its start.
    pub fn go_to(&mut self, index: usize) {
        self.index = index.min(self.steps.len() - 1);
        self.elapsed_ms = 0.0;
    }

    /// Moves by `delta` steps (wrapping when looping).
    pub fn step_by(&mut self, delta: isize) {
        let n = self.steps.len() as isize;
        let here = self.index as isize;
        // Any delta, even isize::MIN or MAX (from JavaScript), without overflow.
        let i = if self.looping {
            (here + delta.rem_euclid(n)).rem_euclid(n)
        } else {
            here.saturating_add(delta)
        };
        self.go_to(i.clamp(0, n - 1) as usize);
    }

    /// Advances time by `dt_ms` while playing. Returns whether the step changed. At the end it
    /// stops, or with `looping` starts over.
    pub fn advance(&mut self, dt_ms: f64) -> bool {
        if !self.playing {
            return false;
        }
        self.elapsed_ms += crate::number::clamp(dt_ms, 0.0, 250.0);
        if self.elapsed_ms < self.step_ms() {
            return false;
        }
        if self.index + 1 < self.steps.len() {
            self.go_to(self.index + 1);
        } else if self.looping {
            self.loops += 1;
            self.go_to(0);
        } else {
            self.elapsed_ms = self.step_ms();
            self.playing = false;
            return false;
        }
        true
    }

    /// Whether frames are still needed (playing, or links still growing).
    pub fn animating(&self) -> bool {
        self.playing || (self.animate && self.growth() < 1.0)
    }
}
