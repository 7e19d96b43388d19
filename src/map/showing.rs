//! What a [`MapState`] shows: the dataset, the filter, the selected city and the timeline.

use super::{Facts, MapState};

/// How long the new partners of a playback step stay named after it, ms of playback.
pub const LINGER_MS: f64 = 3_000.0;
use crate::data::{Dataset, Region};
use crate::filter::Filter;
use crate::playback::{PlayOptions, Playback};
use crate::scene::LinkGeometry;
use std::rc::Rc;

impl MapState {
    /// The dataset shown.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Shows another dataset (an import): filters, selection and playback start afresh; the
    /// view stays.
    pub fn set_dataset(&mut self, dataset: Dataset) {
        self.geometry = Rc::new(LinkGeometry::build(&dataset, self.camera.projector()));
        let v = self.next_version();
        self.facts = Facts::of(&dataset, v);
        self.dataset = Rc::new(dataset);
        self.selection.reset(&self.dataset, &self.regions);
        self.emphasis.clear();
        self.refresh_links();
    }

    /// Gives the built-in data shown the sources handed over after the first frame (see
    /// [`crate::data::dataset::set_builtin_sources`]); false when other data is shown.
    pub fn fill_builtin_sources(&mut self) -> bool {
        let filled = Rc::make_mut(&mut self.dataset).fill_builtin_sources();
        if filled {
            // The table and exports show the sources now.
            self.data_version = self.next_version();
            self.dirty = true;
        }
        filled
    }

    /// Changes whenever another dataset is shown.
    pub fn dataset_version(&self) -> u64 {
        self.facts.version
    }

    /// The regions that can be filtered on.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The current filter.
    pub fn filter(&self) -> &Filter {
        self.selection.filter()
    }

    /// Applies a filter: stops playback and clears the search focus; keeps the view.
    pub fn set_filter(&mut self, filter: Filter) {
        self.selection
            .set_filter(filter, &self.dataset, &self.regions);
        self.set_focus(Vec::new());
        self.refresh_links();
    }

    /// Which ties are shown now, index for index with the dataset.
    pub fn shown(&self) -> &[bool] {
        self.selection.shown()
    }

    /// Changes whenever the set of shown ties or their drawing changes (not the view).
    pub fn data_version(&self) -> u64 {
        self.data_version
    }

    /// Emphasises one origin's links (index into the dataset's origins), or none. An index
    /// out of range clears the selection.
    ///
    /// Selecting Jinan's marker selects Jinan's own ties; the province is selected by name.
    pub fn select_city(&mut self, city: Option<usize>) {
        if self.selection.select(city, self.dataset.origins.len()) {
            self.refresh_links();
        }
    }

    /// The selected origin.
    pub fn selected_city(&self) -> Option<usize> {
        self.selection.selected_city()
    }

    /// An origin by its English or Chinese name (built-in or imported).
    pub fn city_named(&self, name: &str) -> Option<usize> {
        self.dataset.origin_index(name)
    }

    // ---------- playback ----------

    /// Starts (or resumes) playback over the current non-year filters; after the end, from the
    /// start again.
    pub fn play(&mut self) {
        self.selection.play(&self.dataset, &self.regions);
        self.set_focus(Vec::new());
        self.refresh_links();
    }

    /// Pauses playback (the step stays shown).
    pub fn pause(&mut self) {
        self.dirty |= self.selection.pause();
    }

    /// Playing if paused or stopped, paused if playing.
    pub fn toggle_play(&mut self) {
        if self.playback().is_some_and(|p| p.playing) {
            self.pause();
        } else {
            self.play();
        }
    }

    /// Leaves playback: the filter's own years are shown again.
    pub fn stop(&mut self) {
        self.lingering.clear();
        if self.selection.stop(&self.dataset, &self.regions) {
            self.refresh_links();
        }
    }

    /// Ages the names of earlier playback steps' new ties by `dt_ms`, and keeps those of the
    /// step just left (`before`: its index and new ties) named for [`LINGER_MS`].
    fn linger(&mut self, dt_ms: f64, before: Option<(usize, Vec<usize>)>) {
        let dt = crate::number::clamp(dt_ms, 0.0, 250.0);
        self.lingering.retain_mut(|(_, age)| {
            *age += dt;
            *age < LINGER_MS
        });
        let now = self.playback().map(|p| p.index);
        if let Some((_, ties)) = before.filter(|(i, _)| Some(*i) != now) {
            self.lingering.extend(ties.into_iter().map(|t| (t, 0.0)));
        }
    }

    /// Steps the timeline by `delta` years (entering playback, paused, if needed).
    pub fn step(&mut self, delta: isize) {
        self.lingering.clear();
        self.selection.step(delta, &self.dataset, &self.regions);
        self.refresh_links();
    }

    /// Playback options, kept for later playbacks too.
    pub fn set_playback_options(&mut self, options: PlayOptions) {
        self.selection.set_options(options);
        self.dirty = true;
    }

    /// The playback state, if playing or paused in it.
    pub fn playback(&self) -> Option<&Playback> {
        self.selection.playback()
    }

    /// Advances animations (playback, the globe's turn, a flight, a story's automatic play) by
    /// `dt_ms`; returns whether more frames are needed (a story's step holding still needs
    /// none: see [`MapState::story_wake_ms`]).
    pub fn tick(&mut self, dt_ms: f64) -> bool {
        let flew = self.camera.fly(dt_ms);
        let turned = self.camera.tick(dt_ms);
        if turned {
            self.reproject();
        }
        let before = self.playback().map(|p| (p.index, p.new_ties().to_vec()));
        let t = self.selection.tick(dt_ms, &self.dataset, &self.regions);
        self.linger(dt_ms, before);
        if t.data {
            self.refresh_links();
        }
        self.story_tick(dt_ms);
        self.dirty |= t.redraw || turned || flew;
        t.animating || self.camera.moving()
    }
}
