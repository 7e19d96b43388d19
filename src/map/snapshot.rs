//! One message per change: everything the page's panels show, built once per data version and
//! handed over with the change event (instead of the page calling back for each part).

use super::data_info::DataInfo;
use super::describe::{caption, city_list, region_list, rows, Caption, CityInfo};
use super::describe::{RegionInfo, Summary, TieInfo};
use super::scope::{Both, ScopeCity};
use super::MapState;
use crate::data::Stage;
use crate::filter::Filter;
use crate::lang::Lang;
use crate::stats::{stats, Stats};
use serde::Serialize;

/// What the panels show after a change of what is shown.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Snapshot {
    /// The data version this describes ([`MapState::data_version`]).
    pub version: u64,
    /// The dataset's version ([`MapState::dataset_version`]): lists of cities and search
    /// results are rebuilt when it changes.
    pub dataset: u64,
    /// Statistics of the ties shown.
    pub stats: Stats,
    /// Statistics of the whole dataset (the histogram's axis, the unknown-year count).
    pub all: Stats,
    /// Counts of the ties shown.
    pub summary: Summary,
    /// The playback caption, in playback.
    pub caption: Option<Caption>,
    /// About the data.
    pub data: DataInfo,
    /// The filter.
    pub filter: Filter,
    /// The selected origin's English name.
    pub selected: Option<String>,
    /// The projection's name.
    pub projection: &'static str,
    /// The language of the names on the map.
    pub language: Lang,
    /// Presenter mode.
    pub presenting: bool,
    /// The globe turns by itself (presenter mode on the globe).
    pub spinning: bool,
    /// The origins the page offers to filter on ([`super::describe::city_list`]).
    pub cities: Vec<CityInfo>,
    /// The regions to filter on.
    pub regions: Vec<RegionInfo>,
    /// The ties shown, described, while the table is open.
    pub table: Option<Vec<TieInfo>>,
    /// The state as a URL query (filters, selection, projection, view).
    pub query: String,
    /// The Shandong cities the map speaks for (the filter's), with their counts and published
    /// totals; empty for the province as a whole.
    pub scope: Vec<ScopeCity>,
    /// The map's title for its scope, in both languages.
    pub title: Both,
    /// Rows in the dataset.
    pub rows: usize,
    /// Of the ties shown, those of unknown year drawn apart under a year filter.
    pub unknown_apart: usize,
    /// The stages drawn apart in their own style now (`agreement`, `intent`): the legend
    /// names them.
    #[serde(serialize_with = "stage_names")]
    pub stages_drawn: Vec<Stage>,
    /// The story shown: its step and sentence.
    pub story: Option<super::story::StoryInfo>,
}

/// Stages as their names.
fn stage_names<S: serde::Serializer>(stages: &[Stage], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(stages.iter().map(|x| x.as_str()))
}

impl Snapshot {
    /// The snapshot of `map` now (statistics computed once for all its parts).
    pub fn of(map: &MapState) -> Self {
        let dataset = map.dataset();
        let shown = stats(dataset, map.shown(), map.regions());
        Self {
            version: map.data_version(),
            dataset: map.dataset_version(),
            summary: Summary::from(&shown),
            caption: map.playback().map(|p| caption(dataset, p, &shown)),
            stats: shown,
            all: map.all_stats().clone(),
            data: map.data_info().clone(),
            filter: map.filter().clone(),
            selected: map.selected_city().map(|c| dataset.origins[c].name.clone()),
            projection: map.projection().name(),
            language: map.language(),
            presenting: map.presenting(),
            spinning: map.spinning(),
            cities: city_list(dataset, &map.filter().cities),
            regions: region_list(map.regions()),
            table: map.table_open().then(|| rows(dataset, map.shown())),
            query: map.query(),
            title: super::scope::title(&map.scope()),
            scope: map.scope(),
            rows: dataset.ties.len(),
            unknown_apart: map.unknown_apart().len(),
            stages_drawn: map.stages_drawn(),
            story: map.story_info(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::basemap::Basemap;
    use crate::data::Dataset;
    use crate::filter::{Filter, Years};
    use crate::map::MapState;

    #[test]
    fn the_snapshot_agrees_with_the_single_records() {
        let mut m = MapState::new(Dataset::builtin(), &Basemap::default(), 800.0, 400.0);
        m.set_filter(Filter {
            years: Years::AsOf { year: 2000 },
            ..Filter::default()
        });
        m.select_city(Some(2));
        let s = m.snapshot();
        assert_eq!(s.summary, m.summary());
        assert_eq!(s.stats, m.stats());
        assert_eq!(s.all.ties, m.dataset().ties.len());
        assert!(s.stats.ties < s.all.ties);
        assert_eq!(s.selected.as_deref(), Some("Qingdao"));
        assert_eq!(s.caption, None);
        assert_eq!(s.version, m.data_version());
        m.step(1);
        let s = m.snapshot();
        assert_eq!(s.caption, m.caption());
        assert!(s.version > 0 && s.caption.is_some());
    }
}
