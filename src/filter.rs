//! Filters over the ties: years (a range, or cumulative "as of"), regions, Shandong cities,
//! kinds, levels, evidence and stages. Ties without a known year are never placed in a guessed year: they are
//! shown or hidden as a group, by their own switch, and always counted.

use crate::data::{Dataset, Evidence, Kind, Level, Region, Stage};
use serde::{Serialize, Serializer};

/// Which years are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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
    ) -> Result<Self, crate::Error> {
        let need = |v: Option<u16>, name: &str| {
            v.ok_or_else(|| crate::Error::value("years", format!("`{mode}` needs `{name}`")))
        };
        match mode {
            "all" => Ok(Years::All),
            "range" => Ok(Years::Range {
                from: need(from, "from")?,
                to: need(to, "to")?,
            }),
            "asof" => Ok(Years::AsOf {
                year: need(year, "year")?,
            }),
            other => Err(crate::Error::value(
                "years",
                format!("unknown mode `{other}` (all, range or asof)"),
            )),
        }
    }
}

/// The whole filter. Empty lists mean "all".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Filter {
    /// Years shown.
    pub years: Years,
    /// Whether ties with no known year are shown under a year filter (drawn apart, and counted
    /// apart); off by default, since a tie first reported in 2025 may be far younger than the
    /// years asked for. With `years` `All` they are always shown.
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
    /// Evidence levels shown (written as their [`Evidence::as_str`] names); empty = all. Ties
    /// without a level (imports without the `evidence` column) are always shown.
    #[serde(serialize_with = "evidence_names")]
    pub evidence: Vec<Evidence>,
    /// Stages shown (written as their [`Stage::as_str`] names); empty = all. By default the
    /// map shows every stage, as the province counts them (its totals include agreements and
    /// letters of intent), and draws and counts the agreements and letters of intent apart.
    #[serde(serialize_with = "stage_names")]
    pub stages: Vec<Stage>,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            years: Years::All,
            unknown_year: false,
            regions: Vec::new(),
            cities: Vec::new(),
            sister: true,
            friendly: true,
            city_level: true,
            province_level: true,
            evidence: Vec::new(),
            stages: Vec::new(),
        }
    }
}

/// The levels as their CSV names, as the page and the URL write them.
fn evidence_names<S: Serializer>(levels: &[Evidence], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(levels.iter().map(|e| e.as_str()))
}

/// The stages as their names, as the page and the URL write them.
fn stage_names<S: Serializer>(stages: &[Stage], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(stages.iter().map(|e| e.as_str()))
}

impl Filter {
    /// Whether a year filter (a range or "as of") is active.
    pub fn has_years(&self) -> bool {
        self.years != Years::All
    }

    /// Whether a tie of unknown year would be shown apart (under a year filter, switched on).
    pub fn shows_unknown_apart(&self) -> bool {
        self.has_years() && self.unknown_year
    }

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
                let sourced = self.evidence.is_empty()
                    || r.evidence.is_none_or(|e| self.evidence.contains(&e));
                let staged = self.stages.is_empty() || self.stages.contains(&r.stage);
                kind && level
                    && city
                    && region
                    && sourced
                    && staged
                    && self.year_matches(r.established.map(|d| d.year))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin_regions;

    fn data() -> Dataset {
        let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source
Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.96,130.94,https://a.example/1
Jinan,济南市,Bavaria,巴伐利亚州,DE,province,friendly,2004-05,48.14,11.58,https://a.example/2
Yantai,烟台市,Miskolc,米什科尔茨市,HU,city,sister,,48.1,20.79,https://a.example/3
";
        let (d, errors) = Dataset::from_csv(csv, 2030);
        assert!(errors.is_empty(), "{errors:?}");
        d
    }

    #[test]
    fn years_range_and_as_of_and_the_unknown_switch() {
        let mut f = Filter {
            years: Years::Range {
                from: 1979,
                to: 2000,
            },
            ..Filter::default()
        };
        assert!(f.year_matches(Some(1979)) && f.year_matches(Some(2000)));
        assert!(!f.year_matches(Some(2001)));
        assert!(
            !f.year_matches(None),
            "unknown years are left out by default"
        );
        assert!(!f.shows_unknown_apart());
        f.unknown_year = true;
        assert!(f.year_matches(None) && f.shows_unknown_apart());
        f.unknown_year = false;
        f.years = Years::AsOf { year: 1990 };
        assert!(f.year_matches(Some(1973)) && !f.year_matches(Some(1991)));
        f.years = Years::All;
        assert!(f.year_matches(None), "all years show unknown years too");
    }

    #[test]
    fn every_criterion_narrows() {
        let d = data();
        let r = builtin_regions();
        let apply = |f: Filter| f.apply(&d, &r);
        assert_eq!(apply(Filter::default()), [true, true, true]);
        let europe = Filter {
            regions: vec!["europe".into()],
            ..Filter::default()
        };
        assert_eq!(apply(europe), [false, true, true]);
        let cities = Filter {
            cities: vec![2],
            ..Filter::default()
        };
        assert_eq!(apply(cities), [true, false, false]);
        let friendly = Filter {
            sister: false,
            ..Filter::default()
        };
        assert_eq!(apply(friendly), [false, true, false]);
        let provinces = Filter {
            city_level: false,
            ..Filter::default()
        };
        assert_eq!(apply(provinces), [false, true, false]);
        let official = Filter {
            evidence: vec![Evidence::Official, Evidence::PartnerSide],
            ..Filter::default()
        };
        assert_eq!(
            apply(official),
            [true, true, true],
            "no levels in this file: all pass"
        );
    }

    #[test]
    fn stages_narrow_and_all_are_shown_by_default() {
        let (d, errors) = Dataset::from_csv(crate::data::THREE_STAGES_CSV, 2030);
        assert!(errors.is_empty(), "{errors:?}");
        let r = builtin_regions();
        let only = |stages: Vec<Stage>| {
            Filter {
                stages,
                ..Filter::default()
            }
            .apply(&d, &r)
        };
        assert_eq!(Filter::default().apply(&d, &r), [true, true, true]);
        assert_eq!(only(vec![Stage::Established]), [true, false, false]);
        assert_eq!(only(vec![Stage::Agreement]), [false, true, false]);
        assert_eq!(
            only(vec![Stage::Intent, Stage::Agreement]),
            [false, true, true]
        );
    }

    #[test]
    fn years_from_fields_name_what_is_missing() {
        assert_eq!(Years::from_fields("all", None, None, None), Ok(Years::All));
        assert_eq!(
            Years::from_fields("asof", None, None, Some(2000)),
            Ok(Years::AsOf { year: 2000 })
        );
        let e = Years::from_fields("range", Some(1990), None, None).expect_err("no `to`");
        assert_eq!(e.to_string(), "years: `range` needs `to`");
        assert!(Years::from_fields("when", None, None, None).is_err());
    }
}
