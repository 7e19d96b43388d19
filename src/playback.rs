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

/// How the timeline plays: kept by the map for every playback.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlayOptions {
    /// Speed multiplier (1 = [`STEP_MS`] per year), 0.1 to 20.
    pub speed: f64,
    /// Start again after the last step.
    pub looping: bool,
    /// Grow links (false: new links appear at once, for reduced motion).
    pub animate: bool,
}

impl Default for PlayOptions {
    fn default() -> Self {
        Self {
            speed: 1.0,
            looping: false,
            animate: true,
        }
    }
}

impl PlayOptions {
    /// The options with the speed clamped to 0.1–20.
    pub fn clamped(self) -> Self {
        Self {
            speed: crate::number::clamp(self.speed, 0.1, 20.0),
            ..self
        }
    }
}

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
    /// Speed, looping, growth.
    pub options: PlayOptions,
    /// Ties established in each step, by step.
    new_by_step: Vec<Vec<usize>>,
    /// Completed loops (for soak tests).
    pub loops: u64,
}

impl Playback {
    /// A timeline over the ties with `eligible[i]` (the user's non-year filters), at step 0.
    pub fn new(dataset: &Dataset, eligible: &[bool], options: PlayOptions) -> Self {
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
            options,
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

    /// Whether a tie established in `year` (`None`: unknown) is shown at the current step
    /// (cumulative), given it is eligible.
    pub fn shows(&self, year: Option<u16>) -> bool {
        match (self.step(), year) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(s), Some(y)) => y <= s,
        }
    }

    /// How long the current step lasts at the playback's speed, ms (a year without new ties
    /// passes faster).
    pub fn step_ms(&self) -> f64 {
        let base = STEP_MS / self.options.speed.max(0.05);
        if self.new_ties().is_empty() {
            base * EMPTY_STEP_FACTOR
        } else {
            base
        }
    }

    /// How far the current step's new links have grown, 0 to 1.
    pub fn growth(&self) -> f64 {
        if !self.options.animate {
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
        let i = if self.options.looping {
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
        } else if self.options.looping {
            self.loops += 1;
            self.go_to(0);
        } else {
            self.elapsed_ms = self.step_ms();
            self.playing = false;
            return false;
        }
        true
    }

    /// Whether the step's new links are still growing.
    pub fn growing(&self) -> bool {
        self.options.animate && self.growth() < 1.0
    }

    /// Whether the timeline is at its end and stopped (playing again starts over).
    pub fn finished(&self) -> bool {
        self.index + 1 == self.steps.len() && !self.growing() && !self.playing
    }

    /// Whether frames are still needed (playing, or links still growing).
    pub fn animating(&self) -> bool {
        self.playing || self.growing()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source
Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.96,130.94,https://a.example/1
Jinan,济南市,Regensburg,雷根斯堡市,DE,city,sister,1981,49.01,12.1,https://a.example/2
Yantai,烟台市,Miskolc,米什科尔茨市,HU,city,friendly,,48.1,20.79,https://a.example/3
";
        Dataset::from_csv(csv, 2030).0
    }

    #[test]
    fn every_year_from_first_to_last_then_the_unknown_years() {
        let p = Playback::new(&data(), &[true, true, true], PlayOptions::default());
        assert_eq!(p.steps, vec![Some(1979), Some(1980), Some(1981), None]);
        assert_eq!(p.new_ties(), [0]);
        let q = Playback::new(&data(), &[true, true, false], PlayOptions::default());
        assert_eq!(q.steps.len(), 3, "no unknown step without unknown ties");
    }

    #[test]
    fn steps_are_cumulative() {
        let mut p = Playback::new(&data(), &[true, true, true], PlayOptions::default());
        p.go_to(2);
        assert!(p.shows(Some(1979)) && p.shows(Some(1981)) && !p.shows(None));
        p.go_to(3);
        assert!(p.shows(None));
    }

    #[test]
    fn time_advances_steps_and_empty_years_pass_faster() {
        let mut p = Playback::new(&data(), &[true, true, true], PlayOptions::default());
        assert!(!p.advance(1000.0), "paused");
        p.playing = true;
        let mut ms = 0.0;
        while !p.advance(100.0) {
            ms += 100.0;
        }
        assert_eq!(p.index, 1);
        assert!((ms - STEP_MS).abs() <= 100.0, "{ms}");
        let mut empty = 0.0;
        while !p.advance(100.0) {
            empty += 100.0;
        }
        assert!(empty < STEP_MS * 0.5, "1980 has no new ties: {empty}");
    }

    #[test]
    fn the_end_stops_or_loops() {
        let mut p = Playback::new(&data(), &[true, true, true], PlayOptions::default());
        p.go_to(3);
        p.playing = true;
        for _ in 0..100 {
            p.advance(250.0);
        }
        assert!(!p.playing && p.finished());
        p.options.looping = true;
        p.playing = true;
        for _ in 0..100 {
            p.advance(250.0);
        }
        assert!(p.loops >= 1 && p.playing);
        p.go_to(0);
        p.step_by(-1);
        assert_eq!(p.index, 3, "stepping back wraps when looping");
    }

    #[test]
    fn growth_is_instant_without_animation() {
        let mut p = Playback::new(
            &data(),
            &[true, true, true],
            PlayOptions {
                animate: false,
                ..PlayOptions::default()
            },
        );
        assert_eq!(p.growth(), 1.0);
        assert!(!p.growing());
        p.options.animate = true;
        assert_eq!(p.growth(), 0.0);
        assert!(p.growing());
    }
}
