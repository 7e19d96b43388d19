//! Statistics of the ties shown: totals, counts per year (the histogram), per continent and
//! region, top countries, each split by kind; and the ties by stage (established, agreements,
//! letters of intent), counted apart.

use crate::data::{Dataset, Kind, Region, Stage};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Counts split by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ByKind {
    /// Sister ties.
    pub sister: usize,
    /// Friendly ties.
    pub friendly: usize,
}

impl ByKind {
    fn add(&mut self, kind: Kind) {
        match kind {
            Kind::Sister => self.sister += 1,
            Kind::Friendly => self.friendly += 1,
        }
    }
    /// Both kinds together.
    pub fn total(&self) -> usize {
        self.sister + self.friendly
    }
}

/// Counts split by stage: the province's totals count all three, the map counts them apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ByStage {
    /// Established ties.
    pub established: usize,
    /// Agreements and memoranda that do not themselves establish a tie.
    pub agreement: usize,
    /// Letters of intent.
    pub intent: usize,
}

impl ByStage {
    /// Counts one tie of `stage`.
    pub fn add(&mut self, stage: Stage) {
        match stage {
            Stage::Established => self.established += 1,
            Stage::Agreement => self.agreement += 1,
            Stage::Intent => self.intent += 1,
        }
    }
    /// The agreements and letters of intent: what is not (yet) an established tie.
    pub fn pending(&self) -> usize {
        self.agreement + self.intent
    }
}

/// Ties established in one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct YearCount {
    /// The year.
    pub year: u16,
    /// Its ties by kind.
    pub count: ByKind,
}

/// One labelled count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Count {
    /// Id (country code, region id, year).
    pub id: String,
    /// English label.
    pub name_en: String,
    /// Chinese label.
    pub name_zh: String,
    /// Counts.
    pub count: ByKind,
}

/// Everything the statistics panel shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Ties shown.
    pub ties: usize,
    /// Distinct partners (name and country).
    pub partners: usize,
    /// Distinct partner countries.
    pub countries: usize,
    /// Distinct continents.
    pub continents: usize,
    /// Shandong sides with a shown tie (the province counts as one).
    pub cities: usize,
    /// By kind.
    pub by_kind: ByKind,
    /// By stage (the ties shown in all: established, agreements, letters of intent).
    pub by_stage: ByStage,
    /// Per established year, ascending (only years with ties).
    pub by_year: Vec<YearCount>,
    /// Ties shown whose year is unknown.
    pub unknown_year: ByKind,
    /// Per continent, most first.
    pub by_continent: Vec<Count>,
    /// Top countries, most first (at most [`TOP_COUNTRIES`]).
    pub top_countries: Vec<Count>,
    /// Per grouping (SCO, RCEP...), in table order.
    pub by_grouping: Vec<Count>,
}

/// How many countries the statistics list.
pub const TOP_COUNTRIES: usize = 10;

/// Computes the statistics of the ties with `shown[i]`.
pub fn stats(dataset: &Dataset, shown: &[bool], regions: &[Region]) -> Stats {
    let mut s = Stats::default();
    let mut partners = BTreeSet::new();
    let mut countries: BTreeMap<&str, ByKind> = BTreeMap::new();
    let mut continents: BTreeMap<String, ByKind> = BTreeMap::new();
    let mut years: BTreeMap<u16, ByKind> = BTreeMap::new();
    let mut cities = BTreeSet::new();
    let groupings: Vec<&Region> = regions
        .iter()
        .filter(|r| r.kind == crate::data::RegionKind::Grouping)
        .collect();
    let mut grouping_counts = vec![ByKind::default(); groupings.len()];
    for (t, _) in dataset.ties.iter().zip(shown).filter(|(_, s)| **s) {
        let r = &t.record;
        s.ties += 1;
        s.by_kind.add(r.kind);
        s.by_stage.add(r.stage);
        partners.insert((crate::case::fold(&r.partner), r.country.as_str()));
        countries.entry(&r.country).or_default().add(r.kind);
        cities.insert(t.city);
        match r.established {
            Some(d) => years.entry(d.year).or_default().add(r.kind),
            None => s.unknown_year.add(r.kind),
        }
        if let Some(c) = dataset.countries.get(&r.country) {
            continents
                .entry(c.continent.clone())
                .or_default()
                .add(r.kind);
            for (g, count) in groupings.iter().zip(grouping_counts.iter_mut()) {
                if g.contains(c) {
                    count.add(r.kind);
                }
            }
        }
    }
    s.partners = partners.len();
    s.countries = countries.len();
    s.continents = continents.len();
    s.cities = cities.len();
    s.by_year = years
        .into_iter()
        .map(|(year, count)| YearCount { year, count })
        .collect();
    s.by_continent = continent_counts(continents, regions);
    s.top_countries = top_countries(countries, dataset);
    s.by_grouping = groupings
        .iter()
        .zip(grouping_counts)
        .map(|(g, count)| Count {
            id: g.id.clone(),
            name_en: g.name_en.clone(),
            name_zh: g.name_zh.clone(),
            count,
        })
        .collect();
    s
}

/// Most first, then by id.
fn by_size(a: &Count, b: &Count) -> std::cmp::Ordering {
    b.count.total().cmp(&a.count.total()).then(a.id.cmp(&b.id))
}

/// Counts per continent, named as the continent regions are.
fn continent_counts(continents: BTreeMap<String, ByKind>, regions: &[Region]) -> Vec<Count> {
    let region_of = |name: &str| {
        regions
            .iter()
            .find(|r| r.kind == crate::data::RegionKind::Continent && r.name_en == name)
    };
    let mut out: Vec<Count> = continents
        .into_iter()
        .map(|(name, count)| {
            let reg = region_of(&name);
            Count {
                id: reg.map_or(crate::case::fold(&name), |r| r.id.clone()),
                name_zh: reg.map_or(name.clone(), |r| r.name_zh.clone()),
                name_en: name,
                count,
            }
        })
        .collect();
    out.sort_by(by_size);
    out
}

/// The countries with most ties (at most [`TOP_COUNTRIES`]).
fn top_countries(countries: BTreeMap<&str, ByKind>, dataset: &Dataset) -> Vec<Count> {
    let mut top: Vec<Count> = countries
        .into_iter()
        .map(|(code, count)| {
            let c = dataset.countries.get(code);
            Count {
                id: code.to_string(),
                name_en: c.map_or(code.to_string(), |c| c.name_en.clone()),
                name_zh: c.map_or(code.to_string(), |c| c.name_zh.clone()),
                count,
            }
        })
        .collect();
    top.sort_by(by_size);
    top.truncate(TOP_COUNTRIES);
    top
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin_regions;

    #[test]
    fn counts_by_kind_year_continent_country_and_grouping() {
        let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source,stage
Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.96,130.94,https://a.example/1,
Jinan,济南市,Yamaguchi,山口市,JP,city,friendly,1979,34.18,131.47,https://a.example/2,intent
Qingdao,青岛市,Regensburg,雷根斯堡市,DE,city,sister,,49.01,12.1,https://a.example/3,agreement
Yantai,烟台市,Shimonoseki,下关市,JP,city,sister,2000,33.96,130.94,https://a.example/4,
";
        let (d, errors) = Dataset::from_csv(csv, 2030);
        assert!(errors.is_empty(), "{errors:?}");
        let r = builtin_regions();
        let s = stats(&d, &[true, true, true, true], &r);
        assert_eq!(
            (s.ties, s.partners, s.countries, s.continents, s.cities),
            (4, 3, 2, 2, 3)
        );
        assert_eq!((s.by_kind.sister, s.by_kind.friendly), (3, 1));
        assert_eq!(
            s.by_stage,
            ByStage {
                established: 2,
                agreement: 1,
                intent: 1
            },
            "counted apart, and in the total"
        );
        assert_eq!(s.by_stage.pending(), 2);
        assert_eq!(s.by_year.len(), 2);
        assert_eq!(s.by_year[0].year, 1979);
        assert_eq!(s.by_year[0].count.total(), 2);
        assert_eq!(s.unknown_year.sister, 1);
        assert_eq!(s.top_countries[0].id, "JP", "most first");
        assert_eq!(s.top_countries[0].count.total(), 3);
        assert_eq!(s.by_continent[0].id, "asia");
        let rcep = s.by_grouping.iter().find(|g| g.id == "rcep").expect("RCEP");
        assert_eq!(rcep.count.total(), 3, "Japan is an RCEP member");
        let none = stats(&d, &[false; 4], &r);
        assert_eq!((none.ties, none.by_stage), (0, ByStage::default()));
        assert!(none.by_year.is_empty() && none.top_countries.is_empty());
    }
}
