//! The records the page reads, as pure functions of the dataset and of what is shown: a tie
//! described, the tooltip's content, the Shandong sides, counts and the playback caption (the
//! facts about the data are in [`super::data_info`]). Names only; the page owns every sentence
//! (and the language).

use crate::data::Dataset;
use crate::playback::Playback;
use crate::stats::{ByStage, Stats};
use serde::Serialize;

/// One tie as the tooltip and the table describe it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TieInfo {
    /// Index in the dataset.
    pub index: usize,
    /// Partner, English.
    pub partner: String,
    /// Partner, Chinese.
    pub partner_zh: String,
    /// Country, English.
    pub country: String,
    /// Country, Chinese.
    pub country_zh: String,
    /// ISO alpha-2.
    pub country_code: String,
    /// Shandong side, English.
    pub city: String,
    /// Shandong side, Chinese.
    pub city_zh: String,
    /// `sister` or `friendly` ([`crate::data::Kind::as_str`]).
    pub kind: &'static str,
    /// `city` or `province` ([`crate::data::Level::as_str`]).
    pub level: &'static str,
    /// `YYYY[-MM[-DD]]`, or empty when unknown.
    pub established: String,
    /// District or county that signed, if not the city itself.
    pub signed_by: String,
    /// Source URLs.
    pub sources: Vec<String>,
    /// How strongly it is sourced (`official`, `partner-side`, `news`, `secondary`), or empty.
    pub evidence: &'static str,
    /// How far it has come: `established`, `agreement` or `intent` ([`crate::data::Stage`]).
    pub stage: &'static str,
}

/// A Shandong side (or an imported origin) for the page's list.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CityInfo {
    /// Index among the dataset's origins.
    pub index: usize,
    /// English name.
    pub name: String,
    /// Chinese name.
    pub name_zh: String,
    /// Ties in the dataset.
    pub ties: usize,
    /// One of the province and its 16 cities (not an imported origin).
    pub builtin: bool,
}

/// Counts of what is shown.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Ties shown.
    pub ties: usize,
    /// Distinct partners (name + country).
    pub partners: usize,
    /// Distinct partner countries.
    pub countries: usize,
    /// Shandong sides with at least one shown tie (the province counts as one).
    pub cities: usize,
}

impl From<&Stats> for Summary {
    fn from(s: &Stats) -> Self {
        Self {
            ties: s.ties,
            partners: s.partners,
            countries: s.countries,
            cities: s.cities,
        }
    }
}

/// A partner new in the playback step.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct NewPartner {
    /// Partner, Chinese.
    pub name_zh: String,
    /// Partner, English.
    pub name_en: String,
    /// Its Shandong side, Chinese.
    pub city_zh: String,
    /// Its Shandong side, English.
    pub city_en: String,
    /// `established`, `agreement` or `intent`.
    pub stage: &'static str,
}

/// The playback caption: the step's year and counts, and the new partners by name.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Caption {
    /// The year, or `None` for the "year unknown" step.
    pub year: Option<u16>,
    /// Ties new in this step.
    pub new: usize,
    /// Ties shown so far.
    pub total: usize,
    /// Countries shown so far.
    pub countries: usize,
    /// The ties shown so far by stage: agreements and letters of intent counted apart.
    pub stages: ByStage,
    /// The new partners.
    pub new_partners: Vec<NewPartner>,
    /// Step index.
    pub index: usize,
    /// Number of steps.
    pub steps: usize,
    /// Whether it advances by itself.
    pub playing: bool,
}

/// Describes tie `i`.
pub fn tie_info(dataset: &Dataset, i: usize) -> TieInfo {
    let t = &dataset.ties[i];
    let r = &t.record;
    let country = dataset.countries.get(&r.country);
    let city = &dataset.origins[t.city];
    TieInfo {
        index: i,
        partner: r.partner.clone(),
        partner_zh: r.partner_zh.clone(),
        country: country.map_or(r.country.clone(), |c| c.name_en.clone()),
        country_zh: country.map_or(r.country.clone(), |c| c.name_zh.clone()),
        country_code: r.country.clone(),
        city: city.name.clone(),
        city_zh: city.name_zh.clone(),
        kind: r.kind.as_str(),
        level: r.level.as_str(),
        established: r.established.map(|d| d.to_string()).unwrap_or_default(),
        signed_by: r.signed_by.clone().unwrap_or_default(),
        sources: r.sources.clone(),
        evidence: r.evidence.map_or("", |e| e.as_str()),
        stage: r.stage.as_str(),
    }
}

/// The shown ties, described, in dataset order.
pub fn rows(dataset: &Dataset, shown: &[bool]) -> Vec<TieInfo> {
    (0..dataset.ties.len())
        .filter(|&i| shown[i])
        .map(|i| tie_info(dataset, i))
        .collect()
}

/// The origins with their tie counts, province and cities first.
pub fn cities(dataset: &Dataset) -> Vec<CityInfo> {
    let mut counts = vec![0; dataset.origins.len()];
    for t in &dataset.ties {
        counts[t.city] += 1;
    }
    dataset
        .origins
        .iter()
        .zip(counts)
        .enumerate()
        .map(|(index, (c, ties))| CityInfo {
            index,
            name: c.name.clone(),
            name_zh: c.name_zh.clone(),
            ties,
            builtin: index < crate::data::SHANDONG_CITIES.len(),
        })
        .collect()
}

/// How many origins the page's list offers (an import may bring thousands).
pub const CITY_LIST_LIMIT: usize = 60;

/// The origins the page offers to filter on: the province and its cities with ties, then
/// imported origins by their number of ties, at most [`CITY_LIST_LIMIT`], and every origin of
/// `chosen` (so a filter's cities stay listed and can be switched off).
pub fn city_list(dataset: &Dataset, chosen: &[usize]) -> Vec<CityInfo> {
    let all = cities(dataset);
    let (mut builtin, mut imported): (Vec<CityInfo>, Vec<CityInfo>) = all
        .iter()
        .filter(|c| c.ties > 0)
        .cloned()
        .partition(|c| c.builtin);
    imported.sort_by(|a, b| b.ties.cmp(&a.ties).then(a.index.cmp(&b.index)));
    builtin.extend(imported);
    builtin.truncate(CITY_LIST_LIMIT);
    for &c in chosen {
        if !builtin.iter().any(|b| b.index == c) {
            if let Some(info) = all.get(c) {
                builtin.push(info.clone());
            }
        }
    }
    builtin
}

/// A region the page offers to filter on.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct RegionInfo {
    /// Its id (`europe`, `sco`).
    pub id: String,
    /// `continent`, `m49` or `grouping`.
    pub kind: crate::data::RegionKind,
    /// English name.
    pub name_en: String,
    /// Chinese name.
    pub name_zh: String,
}

/// The regions to filter on, in their file's order.
pub fn region_list(regions: &[crate::data::Region]) -> Vec<RegionInfo> {
    regions
        .iter()
        .map(|r| RegionInfo {
            id: r.id.clone(),
            kind: r.kind,
            name_en: r.name_en.clone(),
            name_zh: r.name_zh.clone(),
        })
        .collect()
}

/// The caption of the playback step; `stats` are those of what the step shows.
pub fn caption(dataset: &Dataset, playback: &Playback, stats: &Stats) -> Caption {
    Caption {
        year: playback.step(),
        new: playback.new_ties().len(),
        total: stats.ties,
        countries: stats.countries,
        stages: stats.by_stage,
        new_partners: playback
            .new_ties()
            .iter()
            .map(|&i| {
                let t = &dataset.ties[i];
                let city = &dataset.origins[t.city];
                NewPartner {
                    name_zh: t.record.partner_zh.clone(),
                    name_en: t.record.partner.clone(),
                    city_zh: city.name_zh.clone(),
                    city_en: city.name.clone(),
                    stage: t.record.stage.as_str(),
                }
            })
            .collect(),
        index: playback.index,
        steps: playback.steps.len(),
        playing: playback.playing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::SHANDONG_CITIES;

    use super::super::tooltip::tests::data;

    #[test]
    fn a_tie_is_described_with_names_in_both_languages() {
        let d = data();
        let t = tie_info(&d, 1);
        assert_eq!(
            (t.partner.as_str(), t.partner_zh.as_str()),
            ("Regensburg", "雷根斯堡市")
        );
        assert_eq!(
            (t.country.as_str(), t.country_zh.as_str()),
            ("Germany", "德国")
        );
        assert_eq!(
            (t.kind, t.level, t.established.as_str()),
            ("friendly", "city", "")
        );
        assert_eq!(t.sources.len(), 2);
        assert_eq!(tie_info(&d, 0).established, "1982-08-12");
        assert_eq!(rows(&d, &[false, true, true]).len(), 2);
    }

    #[test]
    fn cities_count_their_ties() {
        let c = cities(&data());
        assert_eq!(c.len(), SHANDONG_CITIES.len());
        assert_eq!((c[0].ties, c[1].ties, c[2].ties, c[3].ties), (1, 1, 1, 0));
        assert!(c.iter().all(|c| c.builtin));
    }

    #[test]
    fn the_caption_names_the_new_partners() {
        let d = data();
        let mut p = Playback::new(&d, &[true, true, true], Default::default());
        p.go_to(0);
        let s = crate::stats::stats(&d, &[true, false, false], &[]);
        let c = caption(&d, &p, &s);
        assert_eq!(c.year, Some(1982));
        assert_eq!((c.new, c.total, c.countries), (1, 1, 1));
        assert_eq!(c.new_partners[0].city_en, "Shandong");
        assert_eq!(c.new_partners[0].name_zh, "山口县");
        assert_eq!(
            c.steps,
            2000 - 1982 + 2,
            "each year, then the unknown years"
        );
    }
}
