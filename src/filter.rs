//! Filters over the ties: years (a range, or cumulative "as of"), regions, Shandong cities,
//! kinds and levels. Ties without a known year are never placed in a guessed year: they are
//! shown or hidden as a group, by their own switch, and always counted.

use crate::data::{Dataset, Evidence, Kind, Level, Region};
use serde::{Deserialize, Serialize};

/// Which years are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum Years {
    /// Every year.
    All,
    /// Established from `from` to `to`, both included.
    Range {
        /// First year shown.
        from: u16,
        /// Last year shown.
        to: u16,
    },
    /// Cumulative: established in `year` or before.
    AsOf {
        /// Last year shown.
        year: u16,
    },
}

impl Years {
    /// The years from their written fields (`{mode, from, to, year}`, as serialized); an error
    /// names a missing field or an unknown mode.
    pub fn from_fields(
        mode: &str,
        from: Option<u16>,
        to: Option<u16>,
        year: Option<u16>,
    ) -> Result<Self, String> {
        let need = |v: Option<u16>, name: &str| v.ok_or(format!("years: `{mode}` needs `{name}`"));
        match mode {
            "all" => Ok(Years::All),
            "range" => Ok(Years::Range {
                from: need(from, "from")?,
                to: need(to, "to")?,
            }),
            "asof" => Ok(Years::AsOf {
                year: need(year, "year")?,
            }),
            other => Err(format!(
                "years: unknown mode `{other}` (all, range or asof)"
            )),
        }
    }
}

/// The whole filter. Empty lists mean "all".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    /// Years shown.
    pub years: Years,
    /// Whether ties with no known year are shown (when `years` is not `All`; with `All` they
    /// always are).
    pub unknown_year: bool,
    /// Region ids (any of them matches); empty = everywhere.
    pub regions: Vec<String>,
    /// Origins (Shandong sides) by index into the dataset's origins; empty = all.
    pub cities: Vec<usize>,
    /// Sister ties shown.
    pub sister: bool,
    /// Friendly ties shown.
    pub friendly: bool,
    /// City-level partners shown.
    pub city_level: bool,
    /// Province-level partners shown.
    pub province_level: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            years: Years::All,
            unknown_year: true,
            regions: Vec::new(),
            cities: Vec::new(),
            sister: true,
            friendly: true,
            city_level: true,
            province_level: true,
        }
    }
}

impl Filter {
    /// Whether the year test passes for an established year (`None` = unknown).
    pub fn year_matches(&self, year: Option<u16>) -> bool {
        match (self.years, year) {
            (Years::All, _) => true,
            (_, None) => self.unknown_year,
            (Years::Range { from, to }, Some(y)) => from <= y && y <= to,
            (Years::AsOf { year: last }, Some(y)) => y <= last,
        }
    }

    /// Which ties pass, index for index with `dataset.ties`.
    pub fn apply(&self, dataset: &Dataset, regions: &[Region]) -> Vec<bool> {
        let chosen: Vec<&Region> = regions
            .iter()
            .filter(|r| self.regions.contains(&r.id))
            .collect();
        dataset
            .ties
            .iter()
            .map(|t| {
                let r = &t.record;
                let kind = match r.kind {
                    Kind::Sister => self.sister,
                    Kind::Friendly => self.friendly,
                };
                let level = match r.level {
                    Level::City => self.city_level,
                    Level::Province => self.province_level,
                };
                let city = self.cities.is_empty() || self.cities.contains(&t.city);
                let region = self.regions.is_empty()
                    || dataset
                        .countries
                        .get(&r.country)
                        .is_some_and(|c| chosen.iter().any(|reg| reg.contains(c)));
                kind && level && city && region && self.year_matches(r.established.map(|d| d.year))
            })
            .collect()
    }
}

/// Which ties rest on one of the evidence `levels`, index for index with `dataset.ties` (an
/// empty list passes every level); ties without a level (imports without the `evidence` column)
/// pass when `unknown` is true. Combine it with [`Filter::apply`] (both true) to filter on
/// evidence.
pub fn evidence_mask(dataset: &Dataset, levels: &[Evidence], unknown: bool) -> Vec<bool> {
    dataset
        .ties
        .iter()
        .map(|t| match t.record.evidence {
            Some(e) => levels.is_empty() || levels.contains(&e),
            None => unknown,
        })
        .collect()
}
