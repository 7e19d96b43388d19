//! What a [`MapState`] tells the page: the URL query, the records, the snapshot.

use super::data_info::DataInfo;
use super::describe::{self, Caption, CityInfo, Summary, TieInfo};
use super::tooltip::{self, Tooltip};
use super::{MapState, Snapshot};
use crate::hit::Hit;
use crate::projection::ProjectionKind;
use crate::stats::{stats, Stats};
use crate::url_state::Warning;
use crate::url_state::{from_query, to_query, UrlState};

impl MapState {
    /// The URL query of the current state (filters, selection, view); empty for the default.
    pub fn query(&self) -> String {
        to_query(
            &UrlState {
                projection: Some(self.camera.kind()).filter(|&k| k != ProjectionKind::default()),
                filter: self.selection.filter().clone(),
                selected: self.selection.selected_city(),
                view: self.camera.view(),
            },
            &self.dataset,
        )
    }

    /// Applies a URL query; returns warnings for the keys and values it ignored. A query that
    /// names regions or cities but no view starts fitted to what they show (as choosing a
    /// region in the panel does), at once: a link or an attribute opens on its place.
    pub fn apply_query(&mut self, query: &str) -> Vec<Warning> {
        let last_year = self.page.this_year;
        let (state, warnings) = from_query(query, &self.regions, &self.dataset, last_year);
        let kind = state.projection.unwrap_or_default();
        if kind != self.camera.kind() {
            self.set_projection(kind);
        } else if self.camera.reset() {
            // The globe turned home: a view is read as on a fresh map, whatever came before.
            self.reproject();
        }
        let place = !state.filter.regions.is_empty() || !state.filter.cities.is_empty();
        self.set_filter(state.filter);
        self.select_city(state.selected);
        self.camera.set_view(state.view);
        if place && state.view.is_none() {
            let animate = std::mem::replace(&mut self.camera.animate, false);
            self.fit_shown();
            self.camera.animate = animate;
        }
        self.dirty = true;
        warnings
    }

    // ---------- records for the page ----------

    /// Statistics of the ties shown.
    pub fn stats(&self) -> Stats {
        stats(&self.dataset, self.selection.shown(), &self.regions)
    }

    /// Statistics of the whole dataset.
    pub fn all_stats(&self) -> &Stats {
        &self.fact_records().all
    }

    /// Counts of the ties now shown.
    pub fn summary(&self) -> Summary {
        Summary::from(&self.stats())
    }

    /// About the data shown.
    pub fn data_info(&self) -> &DataInfo {
        &self.fact_records().data
    }

    /// The shown ties, described.
    pub fn rows(&self) -> Vec<TieInfo> {
        describe::rows(&self.dataset, self.selection.shown())
    }

    /// What the tooltip shows for a hover target.
    pub fn tooltip(&self, hit: Hit) -> Tooltip {
        tooltip::tooltip(
            &self.dataset,
            &self.geometry,
            self.selection.shown(),
            &self.facts.markers,
            hit,
        )
    }

    /// Origins with their tie counts, province and cities first.
    pub fn cities(&self) -> Vec<CityInfo> {
        describe::cities(&self.dataset)
    }

    /// The caption of the playback step, when in playback.
    pub fn caption(&self) -> Option<Caption> {
        let p = self.selection.playback()?;
        Some(describe::caption(&self.dataset, p, &self.stats()))
    }

    /// The Shandong cities the map speaks for (see [`super::scope`]).
    pub fn scope(&self) -> Vec<super::scope::ScopeCity> {
        let f = self.selection.filter();
        super::scope::scope(
            &self.dataset,
            &f.cities,
            self.shown(),
            &self.fact_records().totals,
        )
    }

    /// Everything the page's panels show, built once (per data version, by the host).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot::of(self)
    }
}

#[cfg(test)]
mod tests {
    use crate::basemap::Basemap;
    use crate::data::Dataset;
    use crate::import::{import_csv, Preset};
    use crate::map::MapState;

    /// Built-in data plus a tie from Berlin, an origin of the import's own.
    fn with_berlin() -> MapState {
        let mut d = Dataset::builtin();
        let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source,origin_lat,origin_lon
Berlin,柏林,Beijing,北京,CN,city,sister,1994,39.9,116.4,https://a.example/1,52.52,13.40
";
        let r = import_csv(&mut d, csv, "berlin.csv", Preset::Standard, 2026);
        assert_eq!(r.loaded, 1, "{:?}", r.errors);
        MapState::new(d, &Basemap::default(), 800.0, 400.0)
    }

    #[test]
    fn an_imported_origin_is_selected_by_name_and_by_url_alike() {
        let mut m = with_berlin();
        let berlin = m.city_named("Berlin").expect("the imported origin");
        assert_eq!(m.city_named("柏林"), Some(berlin));
        assert_eq!(m.city_named("Qingdao"), Some(2));
        m.select_city(Some(berlin));
        let q = m.query();
        assert_eq!(q, "sel=Berlin");
        let mut again = with_berlin();
        assert!(again.apply_query(&q).is_empty());
        assert_eq!(again.selected_city(), Some(berlin));
        assert!(again.apply_query("selected=%E6%9F%8F%E6%9E%97").is_empty());
        assert_eq!(again.selected_city(), Some(berlin));
    }
}
