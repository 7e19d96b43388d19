//! Facts about the data shown, for the page's coverage line and the statistics panel's coverage
//! per city: the rows of the governments' own ties (by stage), the province's latest published
//! figure with what it counts, and each Shandong side's rows against its own latest figure.
//! Computed here, in the core; the page only words them.

use crate::coverage::{latest, per_city, published_totals, DATA_AS_OF, PUBLISHED_TOTALS_CSV};
use crate::data::{Dataset, SHANDONG_CITIES};
use crate::stats::ByStage;
use crate::totals::Published;
use serde::Serialize;

/// Facts about the data shown, for the page's coverage line.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DataInfo {
    /// When the built-in data was researched (`YYYY-MM-DD`).
    pub as_of: String,
    /// Rows of the governments' own ties (every stage: the province counts them all).
    pub rows: usize,
    /// Those rows by stage: established ties, agreements, letters of intent.
    pub stages: ByStage,
    /// Rows signed by a district or county.
    pub by_districts: usize,
    /// Shandong's published all-level total, if known.
    pub published_total: Option<u32>,
    /// Its countries.
    pub published_countries: Option<u32>,
    /// Its date (`YYYY-MM`).
    pub published_as_of: Option<String>,
    /// What it counts: a [`crate::totals::COUNTS`] code (`all`: the province and its cities
    /// together, all levels).
    pub published_counts: String,
    /// Each Shandong side's rows against its latest published figure: the province, then the
    /// 16 cities.
    pub coverage: Vec<SideCoverage>,
    /// The largest file an import reads, bytes (a larger one is refused before it is read).
    pub max_import_bytes: usize,
    /// The most rows an import reads.
    pub max_import_rows: usize,
}

/// One Shandong side's rows against its latest published figure ("济南 25 / 92 (2024-12)").
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct SideCoverage {
    /// Index among the dataset's origins.
    pub index: usize,
    /// English name.
    pub name: String,
    /// Chinese name.
    pub name_zh: String,
    /// Rows of its government's own ties (every stage).
    pub rows: usize,
    /// Of those, agreements and letters of intent.
    pub pending: usize,
    /// Its latest published figure: the total, or the sister cities when only they were
    /// published (`published_counts` says which); `None` when no figure was found.
    pub published: Option<u32>,
    /// When that figure was given (`YYYY`, `YYYY-MM`…); empty when its source shows no date.
    pub published_as_of: String,
    /// What the figure counts (a [`crate::totals::COUNTS`] code), empty without a figure.
    pub published_counts: String,
    /// `rows` as a share of a total (whole percent), when the figure is a total of the same
    /// ties (not of sister cities only).
    pub share_percent: Option<u32>,
}

/// The coverage of each Shandong side against `totals`.
fn side_coverage(dataset: &Dataset, totals: &[Published]) -> Vec<SideCoverage> {
    let cov = per_city(dataset);
    SHANDONG_CITIES
        .iter()
        .zip(&cov)
        .enumerate()
        .map(|(index, (city, c))| {
            let figure = latest(totals, city.name).filter(|t| t.total.or(t.sister).is_some());
            SideCoverage {
                index,
                name: city.name.to_string(),
                name_zh: city.name_zh.to_string(),
                rows: c.rows,
                pending: c.agreement + c.intent,
                published: figure.and_then(|t| t.total.or(t.sister)),
                published_as_of: figure.map_or(String::new(), |t| t.as_of.clone()),
                published_counts: figure.map_or(String::new(), |t| t.counts.clone()),
                share_percent: figure.and_then(|t| t.share_percent(c.rows)),
            }
        })
        .collect()
}

/// Facts about `dataset` and the published totals built into the crate.
pub fn data_info(dataset: &Dataset) -> DataInfo {
    let cov = per_city(dataset);
    // The totals file is checked by the native tests; a broken one only loses the figures.
    let totals = published_totals(PUBLISHED_TOTALS_CSV).unwrap_or_default();
    let all = latest(&totals, "All");
    let rows: usize = cov.iter().map(|c| c.rows).sum();
    let agreement: usize = cov.iter().map(|c| c.agreement).sum();
    let intent: usize = cov.iter().map(|c| c.intent).sum();
    DataInfo {
        as_of: DATA_AS_OF.trim().to_string(),
        rows,
        stages: ByStage {
            established: rows - agreement - intent,
            agreement,
            intent,
        },
        by_districts: cov.iter().map(|c| c.signed_by_district).sum(),
        published_total: all.and_then(|t| t.total),
        published_countries: all.and_then(|t| t.countries),
        published_as_of: all.map(|t| t.as_of.clone()),
        published_counts: all.map_or(String::new(), |t| t.counts.clone()),
        coverage: side_coverage(dataset, &totals),
        max_import_bytes: crate::input::MAX_IMPORT_BYTES,
        max_import_rows: crate::input::MAX_IMPORT_ROWS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::tooltip::tests::data;

    #[test]
    fn data_info_counts_rows_and_reads_the_published_total() {
        let i = data_info(&data());
        assert_eq!((i.rows, i.by_districts), (3, 0));
        assert!(i.published_total.is_some_and(|n| n > 500));
        assert_eq!(i.published_counts, "all");
        assert_eq!(i.as_of.len(), 10);
        assert_eq!(i.coverage.len(), SHANDONG_CITIES.len());
    }

    /// Each city's rows against its latest figure, as the statistics panel shows them; a
    /// figure of sister cities only gives no share.
    #[test]
    fn coverage_per_city_against_the_latest_figure() {
        let i = data_info(&Dataset::builtin());
        let side = |name: &str| {
            i.coverage
                .iter()
                .find(|c| c.name == name)
                .expect("a side")
                .clone()
        };
        let jinan = side("Jinan");
        assert_eq!(
            (jinan.published, jinan.published_as_of.as_str()),
            (Some(92), "2024-12")
        );
        assert_eq!(jinan.published_counts, "city");
        assert_eq!(
            jinan.share_percent,
            Some(((jinan.rows * 100 + 46) / 92) as u32)
        );
        let dongying = side("Dongying");
        assert_eq!(
            (dongying.published_counts.as_str(), dongying.share_percent),
            ("sister", None)
        );
        let zaozhuang = side("Zaozhuang");
        assert_eq!((zaozhuang.published, zaozhuang.share_percent), (None, None));
        assert_eq!(side("Shandong").published, Some(89));
        let rows: usize = i.coverage.iter().map(|c| c.rows).sum();
        assert_eq!(rows, i.rows, "every government row is some side's");
        assert_eq!(
            i.stages.established + i.stages.agreement + i.stages.intent,
            i.rows
        );
        assert!(i.stages.agreement > 0 && i.stages.intent > 0, "round 5");
    }
}
