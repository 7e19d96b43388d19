//! Statistics of the ties shown: totals, counts per year (the histogram), per continent and
//! region, top countries, each split by kind.

use crate::data::{Dataset, Kind, Region};
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
    /// Per established year, ascending (only years with ties).
    pub by_year: Vec<(u16, ByKind)>,
    /// Ties shown whose year is unknown.
    pub unknown_year: ByKind,
    /// Per continent, most first.
    pub by_continent: Vec<Count>,
    /// Top countries, most first (at most 10).
    pub top_countries: Vec<Count>,
    /// Per grouping (SCO, RCEP...), in table order.
    pub by_grouping: Vec<Count>,
}

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
    s.by_year = years.into_iter().collect();
    let continent_region = |name: &str| {
        regions
            .iter()
            .find(|r| r.kind == crate::data::RegionKind::Continent && r.name_en == name)
    };
    s.by_continent = continents
        .into_iter()
        .map(|(name, count)| {
            let reg = continent_region(&name);
            Count {
                id: reg.map_or(crate::case::fold(&name), |r| r.id.clone()),
                name_zh: reg.map_or(name.clone(), |r| r.name_zh.clone()),
                name_en: name,
                count,
            }
        })
        .collect();
    s.by_continent
        .sort_by(|a, b| b.count.total().cmp(&a.count.total()).then(a.id.cmp(&b.id)));
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
    top.sort_by(|a, b| b.count.total().cmp(&a.count.total()).then(a.id.cmp(&b.id)));
    top.truncate(10);
    s.top_countries = top;
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
