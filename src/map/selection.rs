//! What is shown: the filter, or the timeline's step over the filter's other criteria, and the
//! selected Shandong city.

use crate::data::{Dataset, Region};
use crate::filter::{Filter, Years};
use crate::playback::{PlayOptions, Playback};

/// The filter, the playback and the ties they show.
#[derive(Clone)]
pub struct Selection {
    filter: Filter,
    playback: Option<Playback>,
    options: PlayOptions,
    shown: Vec<bool>,
    selected_city: Option<usize>,
}

/// What a tick of the timeline changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tick {
    /// The shown ties or their drawing changed (a new step, or growth ended).
    pub data: bool,
    /// Something moved on screen (links grew).
    pub redraw: bool,
    /// More frames are needed.
    pub animating: bool,
}

impl Selection {
    /// Every tie of `dataset` shown, nothing selected.
    pub fn new(dataset: &Dataset, regions: &[Region]) -> Self {
        let mut s = Self {
            filter: Filter::default(),
            playback: None,
            options: PlayOptions::default(),
            shown: Vec::new(),
            selected_city: None,
        };
        s.recompute(dataset, regions);
        s
    }

    /// Recomputes which ties are shown: the filter's, or the playback step's.
    pub fn recompute(&mut self, dataset: &Dataset, regions: &[Region]) {
        self.shown = match &self.playback {
            None => self.filter.apply(dataset, regions),
            Some(p) => dataset
                .ties
                .iter()
                .zip(self.eligible_for_playback(dataset, regions))
                .map(|(t, e)| e && p.shows(t.record.established.map(|d| d.year)))
                .collect(),
        };
    }

    /// Starts afresh on another dataset: default filter, no playback, nothing selected.
    pub fn reset(&mut self, dataset: &Dataset, regions: &[Region]) {
        self.filter = Filter::default();
        self.playback = None;
        self.selected_city = None;
        self.recompute(dataset, regions);
    }

    /// Which ties are shown, index for index with the dataset.
    pub fn shown(&self) -> &[bool] {
        &self.shown
    }

    /// The shown ties drawn as settled links: all shown ties but the playback step's new ones
    /// while they grow (they are drawn growing instead).
    pub fn settled(&self) -> Vec<bool> {
        let mut settled = self.shown.clone();
        if let Some(p) = self.playback.as_ref().filter(|p| p.growth() < 1.0) {
            for &i in p.new_ties() {
                settled[i] = false;
            }
        }
        settled
    }

    /// The filter.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Applies a filter and leaves the timeline.
    pub fn set_filter(&mut self, filter: Filter, dataset: &Dataset, regions: &[Region]) {
        self.playback = None;
        self.filter = filter;
        self.recompute(dataset, regions);
    }

    /// The selected origin.
    pub fn selected_city(&self) -> Option<usize> {
        self.selected_city
    }

    /// Selects an origin (ignored when out of range) or none; returns whether it changed.
    pub fn select(&mut self, city: Option<usize>, origins: usize) -> bool {
        let city = city.filter(|&c| c < origins);
        let changed = city != self.selected_city;
        self.selected_city = city;
        changed
    }

    /// The playback, when in the timeline.
    pub fn playback(&self) -> Option<&Playback> {
        self.playback.as_ref()
    }

    /// The user's filter without its years: what playback runs over.
    fn eligible_for_playback(&self, dataset: &Dataset, regions: &[Region]) -> Vec<bool> {
        Filter {
            years: Years::All,
            unknown_year: true,
            ..self.filter.clone()
        }
        .apply(dataset, regions)
    }

    fn new_playback(&self, dataset: &Dataset, regions: &[Region]) -> Playback {
        let eligible = self.eligible_for_playback(dataset, regions);
        Playback::new(dataset, &eligible, self.options)
    }

    /// Plays the timeline: on from a pause, or from the start (after the end, or outside it).
    pub fn play(&mut self, dataset: &Dataset, regions: &[Region]) {
        if self.playback.as_ref().is_none_or(Playback::finished) {
            self.playback = Some(self.new_playback(dataset, regions));
        }
        if let Some(p) = &mut self.playback {
            p.playing = true;
        }
        self.recompute(dataset, regions);
    }

    /// Pauses the timeline (the step stays shown); returns whether it was playing.
    pub fn pause(&mut self) -> bool {
        self.playback
            .as_mut()
            .is_some_and(|p| std::mem::replace(&mut p.playing, false))
    }

    /// Leaves the timeline; returns whether it was in it.
    pub fn stop(&mut self, dataset: &Dataset, regions: &[Region]) -> bool {
        let was = self.playback.take().is_some();
        if was {
            self.recompute(dataset, regions);
        }
        was
    }

    /// Steps the timeline by `delta` years, paused (entering it at the start, or at the end
    /// when stepping back).
    pub fn step(&mut self, delta: isize, dataset: &Dataset, regions: &[Region]) {
        let p = match &mut self.playback {
            Some(p) => p,
            None => {
                let mut p = self.new_playback(dataset, regions);
                if delta < 0 {
                    p.go_to(p.steps.len() - 1);
                }
                self.playback.insert(p)
            }
        };
        p.playing = false;
        p.step_by(delta);
        self.recompute(dataset, regions);
    }

    /// The playback options, kept for later playbacks too (speed clamped to 0.1–20).
    pub fn set_options(&mut self, options: PlayOptions) {
        self.options = options.clamped();
        if let Some(p) = &mut self.playback {
            p.options = self.options;
        }
    }

    /// Advances the timeline by `dt_ms`.
    pub fn tick(&mut self, dt_ms: f64, dataset: &Dataset, regions: &[Region]) -> Tick {
        let Some(p) = &mut self.playback else {
            return Tick::default();
        };
        let growing = p.growing();
        let stepped = p.advance(dt_ms);
        let still_growing = p.growing();
        let tick = Tick {
            data: stepped || growing != still_growing,
            redraw: growing || stepped || still_growing,
            animating: p.animating(),
        };
        if stepped {
            self.recompute(dataset, regions);
        }
        tick
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin_regions;

    fn data() -> (Dataset, Vec<Region>) {
        let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source
Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979-10-03,33.96,130.94,https://a.example/1
Jinan,济南市,Regensburg,雷根斯堡市,DE,city,sister,1990,49.01,12.1,https://a.example/2
Yantai,烟台市,Miskolc,米什科尔茨市,HU,city,friendly,,48.1,20.79,https://a.example/3
";
        let (d, errors) = Dataset::from_csv(csv, 2030);
        assert!(errors.is_empty(), "{errors:?}");
        (d, builtin_regions())
    }

    #[test]
    fn the_filter_decides_what_is_shown_outside_playback() {
        let (d, r) = data();
        let mut s = Selection::new(&d, &r);
        assert_eq!(s.shown(), [true, true, true]);
        let f = Filter {
            years: Years::AsOf { year: 1985 },
            unknown_year: false,
            ..Filter::default()
        };
        s.set_filter(f, &d, &r);
        assert_eq!(s.shown(), [true, false, false]);
    }

    #[test]
    fn stepping_walks_the_years_cumulatively_and_ends_with_unknown_years() {
        let (d, r) = data();
        let mut s = Selection::new(&d, &r);
        s.step(0, &d, &r);
        let p = s.playback().expect("in playback");
        assert_eq!(p.step(), Some(1979));
        assert_eq!(s.shown(), [true, false, false]);
        assert!(!p.playing, "stepping pauses");
        s.step(11, &d, &r);
        assert_eq!(s.playback().and_then(|p| p.step()), Some(1990));
        assert_eq!(s.shown(), [true, true, false]);
        s.step(1, &d, &r);
        assert_eq!(s.playback().map(|p| p.step()), Some(None));
        assert_eq!(s.shown(), [true, true, true]);
        assert!(s.stop(&d, &r));
        assert!(!s.stop(&d, &r));
        assert_eq!(s.shown(), [true, true, true]);
    }

    #[test]
    fn stepping_back_enters_at_the_end() {
        let (d, r) = data();
        let mut s = Selection::new(&d, &r);
        s.step(-1, &d, &r);
        assert_eq!(s.playback().and_then(|p| p.step()), Some(1990));
    }

    #[test]
    fn growing_links_are_not_settled_and_ticks_report_changes() {
        let (d, r) = data();
        let mut s = Selection::new(&d, &r);
        s.play(&d, &r);
        assert_eq!(s.shown(), [true, false, false]);
        assert_eq!(s.settled(), [false, false, false], "Shimonoseki grows");
        let t = s.tick(16.0, &d, &r);
        assert!(t.animating && t.redraw && !t.data);
        // A tick counts at most 250 ms; links grow for 60 % of a 1,600 ms step.
        for _ in 0..3 {
            assert!(!s.tick(250.0, &d, &r).data, "still growing");
        }
        assert!(s.tick(250.0, &d, &r).data, "growth ended within the step");
        assert_eq!(s.settled(), [true, false, false]);
        assert!(s.pause());
        assert!(!s.pause());
        assert!(!s.tick(5000.0, &d, &r).animating);
    }

    #[test]
    fn options_are_clamped_and_kept() {
        let (d, r) = data();
        let mut s = Selection::new(&d, &r);
        s.set_options(PlayOptions {
            speed: 100.0,
            looping: true,
            animate: false,
        });
        s.play(&d, &r);
        let o = s.playback().expect("playing").options;
        assert_eq!(o.speed, 20.0);
        assert!(o.looping && !o.animate);
        assert_eq!(s.settled(), s.shown(), "no growth without animation");
    }

    #[test]
    fn selection_ignores_unknown_origins() {
        let (d, r) = data();
        let mut s = Selection::new(&d, &r);
        assert!(s.select(Some(2), d.origins.len()));
        assert!(!s.select(Some(2), d.origins.len()));
        assert!(s.select(Some(999), d.origins.len()), "out of range clears");
        assert_eq!(s.selected_city(), None);
    }
}
