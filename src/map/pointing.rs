//! What the pointer and the search do to a [`MapState`]: hover, click, search focus, and the
//! gestures' actions.

use super::MapState;
use crate::hit::{hit_test, Hit};
use crate::search::{search, SearchHit, Target};
use crate::Error;

/// How many search results are offered.
const SEARCH_RESULTS: usize = 12;

impl MapState {
    pub(super) fn set_focus(&mut self, ties: Vec<usize>) {
        let v = self.next_version();
        self.emphasis
            .set_focus(ties, &self.geometry, v, self.page.scale);
        self.dirty = true;
    }

    /// Ties highlighted by the last search choice.
    pub fn focus(&self) -> &[usize] {
        self.emphasis.focus()
    }

    /// Search results for a query (Chinese or English).
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        search(&self.dataset, query, SEARCH_RESULTS)
    }

    /// Chooses a search result: a city is selected; a partner's or country's ties are
    /// highlighted. The view moves to show them. A target that does not fit this dataset (a
    /// stale result) is refused and changes nothing.
    pub fn choose(&mut self, target: &Target) -> Result<(), Error> {
        let ties: Vec<usize> = match target {
            Target::City { city } => {
                let c = *city;
                if c >= self.dataset.origins.len() {
                    return Err(Error::NotInData {
                        what: "city",
                        index: c,
                    });
                }
                self.select_city(Some(c));
                self.set_focus(Vec::new());
                let m = &self.facts.markers;
                let shown = self.selection.shown();
                (0..self.dataset.ties.len())
                    .filter(|&i| m.same(self.dataset.ties[i].city, c) && shown[i])
                    .collect()
            }
            Target::Partner { ties } | Target::Country { ties, .. } => {
                if let Some(bad) = ties.iter().find(|&&i| i >= self.dataset.ties.len()) {
                    return Err(Error::NotInData {
                        what: "tie",
                        index: *bad,
                    });
                }
                self.select_city(None);
                self.set_focus(ties.clone());
                ties.clone()
            }
        };
        self.fit_ties(&ties);
        Ok(())
    }

    /// Fits the view to the ties shown (their partners and Shandong ends), flying there unless
    /// motion is reduced; on the globe, turns it to their centre. False when nothing is shown.
    pub fn fit_shown(&mut self) -> bool {
        let shown = self.selection.shown();
        let ties: Vec<usize> = (0..shown.len()).filter(|&i| shown[i]).collect();
        self.fit_ties(&ties);
        !ties.is_empty()
    }

    fn fit_ties(&mut self, ties: &[usize]) {
        if ties.is_empty() {
            return;
        }
        if self.camera.is_globe() {
            let ends = ties.iter().flat_map(|&i| {
                let t = &self.dataset.ties[i];
                [t.from, t.to]
            });
            if self.camera.turn_to(&ends.collect::<Vec<_>>()) {
                self.reproject();
            }
        } else {
            let g = &self.geometry;
            let ends = ties
                .iter()
                .flat_map(|&i| [g.partner[i], g.cities[self.dataset.ties[i].city]]);
            self.camera.fit_points(&ends.collect::<Vec<_>>());
        }
        self.dirty = true;
    }

    /// Whether fits of the view fly there (off by default; the page turns it on unless the
    /// user asks for reduced motion).
    pub fn set_view_animation(&mut self, on: bool) {
        self.camera.animate = on;
    }

    /// Updates the hover target for a pointer at (`x`, `y`) CSS px; returns it.
    pub fn hover_at(&mut self, x: f64, y: f64) -> Option<Hit> {
        if self.inset().is_some_and(|i| i.contains([x, y])) {
            // The close-up covers the map there.
            self.set_hover(None);
            return None;
        }
        let hit = hit_test(
            &self.geometry,
            self.camera.viewport(),
            self.selection.shown(),
            &self.drawn.cities_shown,
            [x, y],
        );
        self.set_hover(hit);
        hit
    }

    /// Sets or clears the hover target.
    pub fn set_hover(&mut self, hit: Option<Hit>) {
        let v = self.next_version();
        self.dirty |= self
            .emphasis
            .set_hover(hit, &self.geometry, v, self.page.scale);
    }

    /// The current hover target.
    pub fn hover(&self) -> Option<Hit> {
        self.emphasis.hover()
    }

    /// Handles a click at (`x`, `y`): a Shandong city toggles its selection, anything else
    /// clears it. Returns whether the selection changed.
    pub fn click_at(&mut self, x: f64, y: f64) -> bool {
        let before = self.selected_city();
        if let Some(inset) = self.inset().filter(|i| i.contains([x, y])) {
            // A city in the close-up toggles as on the map; its empty parts clear nothing.
            if let Some(c) = inset.hit([x, y]) {
                self.select_city((before != Some(c)).then_some(c));
            }
            self.set_hover(None);
            return self.selected_city() != before;
        }
        match self.hover_at(x, y) {
            Some(Hit::City(c)) if before != Some(c) => self.select_city(Some(c)),
            Some(Hit::City(_)) | None => self.select_city(None),
            _ => {}
        }
        self.selected_city() != before
    }
}
