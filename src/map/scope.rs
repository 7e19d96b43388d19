//! What a map speaks for: the province, or the Shandong cities its filter holds. A city's embed
//! (`cities=Jinan`) is titled for the city, with its own count and its latest published total
//! beside it; the page writes the sentences, from these names and numbers.

use crate::data::Dataset;
use crate::totals::{published_totals, PUBLISHED_TOTALS_CSV};
use serde::Serialize;

/// One Shandong side the map speaks for.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ScopeCity {
    /// Index among the dataset's origins.
    pub index: usize,
    /// English name (`Jinan`; `Shandong` for the province's own ties).
    pub name: String,
    /// Chinese name (`济南市`).
    pub name_zh: String,
    /// Its ties shown now.
    pub shown: usize,
    /// Its latest published total (its government's own ties), when one is known.
    pub published_total: Option<u32>,
    /// That total's date (`YYYY-MM`), when the source gives one.
    pub published_as_of: Option<String>,
}

/// A text in both languages.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Both {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// The map's title for what it speaks for: the province (`scope` empty), one city
/// (济南市国际友好城市, "Jinan's international friendship cities"), two or three cities by name,
/// or how many.
pub fn title(scope: &[ScopeCity]) -> Both {
    let names = |sep: &str, zh: bool| {
        let n: Vec<&str> = scope
            .iter()
            .map(|c| {
                if zh {
                    c.name_zh.as_str()
                } else {
                    c.name.as_str()
                }
            })
            .collect();
        n.join(sep)
    };
    match scope.len() {
        0 => Both {
            zh: "山东省国际友好城市".into(),
            en: "Shandong's international friendship cities".into(),
        },
        1 => Both {
            zh: format!("{}国际友好城市", scope[0].name_zh),
            en: format!("{}'s international friendship cities", scope[0].name),
        },
        2 | 3 => Both {
            zh: format!("{}国际友好城市", names("、", true)),
            en: format!("{}: international friendship cities", names(" and ", false)),
        },
        n => Both {
            zh: format!("山东省 {n} 个城市的国际友好城市"),
            en: format!("International friendship cities of {n} Shandong cities"),
        },
    }
}

/// The latest published total of each origin, by index (built-in cities only; `None` for
/// imported origins and cities without a figure). Read once per dataset.
pub fn latest_totals(dataset: &Dataset) -> Vec<Option<(u32, String)>> {
    // The totals file is checked by the native tests; a broken one only loses the figures.
    let totals = published_totals(PUBLISHED_TOTALS_CSV).unwrap_or_default();
    dataset
        .origins
        .iter()
        .enumerate()
        .map(|(i, o)| {
            if i >= crate::data::SHANDONG_CITIES.len() {
                return None;
            }
            // The latest figure that gives a total (some give only the sister ties).
            let t = totals
                .iter()
                .filter(|t| t.shandong_city == o.name && t.total.is_some())
                .max_by(|a, b| a.as_of.cmp(&b.as_of))?;
            Some((t.total?, t.as_of.clone()))
        })
        .collect()
}

/// The cities `chosen` (a filter's), with their shown counts and latest published totals;
/// empty when the filter holds none (the map speaks for the province and all its cities).
pub fn scope(
    dataset: &Dataset,
    chosen: &[usize],
    shown: &[bool],
    totals: &[Option<(u32, String)>],
) -> Vec<ScopeCity> {
    let mut counts = vec![0usize; dataset.origins.len()];
    for (t, _) in dataset.ties.iter().zip(shown).filter(|(_, s)| **s) {
        counts[t.city] += 1;
    }
    chosen
        .iter()
        .filter_map(|&c| {
            let o = dataset.origins.get(c)?;
            let total = totals.get(c).cloned().flatten();
            Some(ScopeCity {
                index: c,
                name: o.name.clone(),
                name_zh: o.name_zh.clone(),
                shown: counts[c],
                published_total: total.as_ref().map(|t| t.0),
                published_as_of: total.map(|t| t.1).filter(|d| !d.is_empty()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_is_named_with_its_count_and_latest_total() {
        let d = Dataset::builtin();
        let jinan = d.origin_index("Jinan").expect("Jinan");
        let totals = latest_totals(&d);
        let all = vec![true; d.ties.len()];
        let s = scope(&d, &[jinan], &all, &totals);
        assert_eq!(s.len(), 1);
        assert_eq!(
            (s[0].name.as_str(), s[0].name_zh.as_str()),
            ("Jinan", "济南市")
        );
        let rows = d.ties.iter().filter(|t| t.city == jinan).count();
        assert_eq!(s[0].shown, rows);
        // data/published_totals.csv: Jinan 92 (2024-12), its latest figure.
        assert_eq!(s[0].published_total, Some(92));
        assert_eq!(s[0].published_as_of.as_deref(), Some("2024-12"));
        assert!(
            scope(&d, &[], &all, &totals).is_empty(),
            "the province speaks for all"
        );
    }

    #[test]
    fn titles_for_the_province_one_city_several_and_many() {
        let d = Dataset::builtin();
        let all = vec![true; d.ties.len()];
        let totals = latest_totals(&d);
        let named = |names: &[&str]| {
            let idx: Vec<usize> = names.iter().filter_map(|n| d.origin_index(n)).collect();
            title(&scope(&d, &idx, &all, &totals))
        };
        let t = named(&[]);
        assert_eq!(
            (t.zh.as_str(), t.en.as_str()),
            (
                "山东省国际友好城市",
                "Shandong's international friendship cities"
            )
        );
        let t = named(&["Jinan"]);
        assert_eq!(
            (t.zh.as_str(), t.en.as_str()),
            (
                "济南市国际友好城市",
                "Jinan's international friendship cities"
            )
        );
        let t = named(&["Jinan", "Qingdao"]);
        assert_eq!(t.zh, "济南市、青岛市国际友好城市");
        assert_eq!(t.en, "Jinan and Qingdao: international friendship cities");
        let t = named(&["Jinan", "Qingdao", "Yantai", "Weihai"]);
        assert_eq!(t.zh, "山东省 4 个城市的国际友好城市");
        assert_eq!(t.en, "International friendship cities of 4 Shandong cities");
    }

    #[test]
    fn several_cities_and_what_is_shown() {
        let d = Dataset::builtin();
        let (jinan, qingdao) = (d.origin_index("Jinan"), d.origin_index("青岛市"));
        let (jinan, qingdao) = (jinan.expect("Jinan"), qingdao.expect("Qingdao"));
        let totals = latest_totals(&d);
        let none = vec![false; d.ties.len()];
        let s = scope(&d, &[qingdao, jinan], &none, &totals);
        assert_eq!(
            s.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
            ["Qingdao", "Jinan"]
        );
        assert!(s.iter().all(|c| c.shown == 0));
        assert_eq!(s[0].published_total, Some(95));
    }
}
