//! Search over partners, countries and Shandong cities, in Chinese or English.

use crate::data::Dataset;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What a search result points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Target {
    /// One partner: the ties ending there.
    Partner {
        /// Tie indexes.
        ties: Vec<usize>,
    },
    /// A country: its ties.
    Country {
        /// ISO alpha-2.
        code: String,
        /// Tie indexes.
        ties: Vec<usize>,
    },
    /// An origin (index into the dataset's origins).
    City {
        /// City index.
        city: usize,
    },
}

impl Target {
    /// The target from its written fields (`{type, ties, code, city}`, as serialized); an
    /// error names a missing field or an unknown type.
    pub fn from_fields(
        kind: &str,
        ties: Option<Vec<usize>>,
        code: Option<String>,
        city: Option<usize>,
    ) -> Result<Self, crate::Error> {
        let missing =
            |name: &str| crate::Error::value("target", format!("`{kind}` needs `{name}`"));
        match kind {
            "partner" => Ok(Target::Partner {
                ties: ties.ok_or_else(|| missing("ties"))?,
            }),
            "country" => Ok(Target::Country {
                code: code.ok_or_else(|| missing("code"))?,
                ties: ties.ok_or_else(|| missing("ties"))?,
            }),
            "city" => Ok(Target::City {
                city: city.ok_or_else(|| missing("city"))?,
            }),
            other => Err(crate::Error::value(
                "target",
                format!("unknown type `{other}` (partner, country or city)"),
            )),
        }
    }
}

/// One search result (names only: the page writes its line in its language).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// Chinese label.
    pub label_zh: String,
    /// English label.
    pub label_en: String,
    /// For a partner: its country, Chinese. Empty otherwise.
    pub country_zh: String,
    /// For a partner: its country, English. Empty otherwise.
    pub country_en: String,
    /// For a country: its ties. For an origin: whether it is one of Shandong's own (1) or
    /// imported (0). For a partner: its ties.
    pub count: usize,
    /// What choosing it does.
    pub target: Target,
}

/// Case-insensitive comparison, everywhere in search the same ([`crate::case::fold`]).
fn matches(hay: &str, needle: &str) -> bool {
    crate::case::fold(hay).contains(needle)
}

/// Results for `query` (case-insensitive substring of any name), at most `limit`: Shandong
/// cities first, then countries, then partners. An empty query gives nothing.
pub fn search(dataset: &Dataset, query: &str, limit: usize) -> Vec<SearchHit> {
    let q = crate::case::fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, c) in dataset.origins.iter().enumerate() {
        if matches(&c.name, &q) || matches(&c.name_zh, &q) {
            out.push(SearchHit {
                label_zh: c.name_zh.clone(),
                label_en: c.name.clone(),
                country_zh: String::new(),
                country_en: String::new(),
                count: usize::from(i < crate::data::SHANDONG_CITIES.len()),
                target: Target::City { city: i },
            });
        }
    }
    let mut codes: Vec<&str> = dataset
        .ties
        .iter()
        .map(|t| t.record.country.as_str())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    for code in codes {
        let Some(c) = dataset.countries.get(code) else {
            continue;
        };
        if matches(&c.name_en, &q) || matches(&c.name_zh, &q) || crate::case::fold(&c.alpha2) == q {
            let ties: Vec<usize> = (0..dataset.ties.len())
                .filter(|&i| dataset.ties[i].record.country == code)
                .collect();
            out.push(SearchHit {
                label_zh: c.name_zh.clone(),
                label_en: c.name_en.clone(),
                country_zh: String::new(),
                country_en: String::new(),
                count: ties.len(),
                target: Target::Country {
                    code: code.into(),
                    ties,
                },
            });
        }
    }
    // Partners: one result per (name folded, country), with all its ties; found in one pass
    // over the ties, so a broad query over a large import stays linear.
    let key = |r: &crate::data::Record| (crate::case::fold(&r.partner), r.country.clone());
    let mut groups: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, t) in dataset.ties.iter().enumerate() {
        groups.entry(key(&t.record)).or_default().push(i);
    }
    for t in &dataset.ties {
        if out.len() >= limit {
            break;
        }
        let r = &t.record;
        if !(matches(&r.partner, &q) || matches(&r.partner_zh, &q)) {
            continue;
        }
        let Some(ties) = groups.remove(&key(r)) else {
            continue; // already listed
        };
        let country = dataset.countries.get(&r.country);
        let name = |f: fn(&crate::data::Country) -> &String| {
            country.map_or(r.country.clone(), |c| f(c).clone())
        };
        out.push(SearchHit {
            label_zh: r.partner_zh.clone(),
            label_en: r.partner.clone(),
            country_zh: name(|c| &c.name_zh),
            country_en: name(|c| &c.name_en),
            count: ties.len(),
            target: Target::Partner { ties },
        });
    }
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source
Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.96,130.94,https://a.example/1
Jinan,济南市,Ærø,艾尔岛,DK,city,friendly,,54.88,10.4,https://a.example/2
Yantai,烟台市,ÆRØ,艾尔岛,DK,city,friendly,,54.88,10.4,https://a.example/3
";
        let (d, errors) = Dataset::from_csv(csv, 2030);
        assert!(errors.is_empty(), "{errors:?}");
        d
    }

    #[test]
    fn cities_then_countries_then_partners_in_either_language() {
        let d = data();
        let hits = search(&d, "青岛", 10);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].target, Target::City { city: 2 });
        assert_eq!(hits[0].count, 1, "one of Shandong's own");
        let jp = search(&d, "jp", 10);
        assert_eq!(
            jp[0].target,
            Target::Country {
                code: "JP".into(),
                ties: vec![0]
            }
        );
        let p = search(&d, "shimo", 10);
        assert_eq!(
            (p[0].country_zh.as_str(), p[0].country_en.as_str()),
            ("日本", "Japan")
        );
        assert!(search(&d, "  ", 10).is_empty());
    }

    #[test]
    fn one_case_folding_for_matching_and_grouping() {
        // Ærø and ÆRØ are one partner (folded beyond ASCII), with both ties.
        let hits = search(&data(), "ærø", 10);
        let partners: Vec<&SearchHit> = hits
            .iter()
            .filter(|h| matches!(h.target, Target::Partner { .. }))
            .collect();
        assert_eq!(partners.len(), 1);
        assert_eq!(partners[0].target, Target::Partner { ties: vec![1, 2] });
    }

    #[test]
    fn results_are_limited() {
        assert_eq!(search(&data(), "a", 2).len(), 2);
    }
}
