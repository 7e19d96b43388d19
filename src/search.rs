//! Search over partners, countries and Shandong cities, in Chinese or English.

use crate::data::Dataset;
use serde::{Deserialize, Serialize};

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
    ) -> Result<Self, String> {
        let missing = |name: &str| format!("target: `{kind}` needs `{name}`");
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
            other => Err(format!(
                "target: unknown type `{other}` (partner, country or city)"
            )),
        }
    }
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SearchHit {
    /// Chinese label.
    pub label_zh: String,
    /// English label.
    pub label_en: String,
    /// Extra context (country, or the Shandong city), bilingual.
    pub detail: String,
    /// What choosing it does.
    pub target: Target,
}

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
                detail: if i < crate::data::SHANDONG_CITIES.len() {
                    "山东 · Shandong".into()
                } else {
                    "起点 · origin".into()
                },
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
        if matches(&c.name_en, &q) || matches(&c.name_zh, &q) || c.alpha2.to_ascii_lowercase() == q
        {
            let ties: Vec<usize> = (0..dataset.ties.len())
                .filter(|&i| dataset.ties[i].record.country == code)
                .collect();
            out.push(SearchHit {
                label_zh: c.name_zh.clone(),
                label_en: c.name_en.clone(),
                detail: format!("{} 项 · {} ties", ties.len(), ties.len()),
                target: Target::Country {
                    code: code.into(),
                    ties,
                },
            });
        }
    }
    let mut seen: Vec<(String, String)> = Vec::new();
    for t in &dataset.ties {
        let r = &t.record;
        let key = (crate::case::fold(&r.partner), r.country.clone());
        if seen.contains(&key) || !(matches(&r.partner, &q) || matches(&r.partner_zh, &q)) {
            continue;
        }
        seen.push(key);
        let ties: Vec<usize> = (0..dataset.ties.len())
            .filter(|&i| {
                let o = &dataset.ties[i].record;
                o.partner.eq_ignore_ascii_case(&r.partner) && o.country == r.country
            })
            .collect();
        let country = dataset.countries.get(&r.country);
        out.push(SearchHit {
            label_zh: r.partner_zh.clone(),
            label_en: r.partner.clone(),
            detail: format!(
                "{} {}",
                country.map_or(r.country.as_str(), |c| c.name_zh.as_str()),
                country.map_or(r.country.as_str(), |c| c.name_en.as_str())
            ),
            target: Target::Partner { ties },
        });
    }
    out.truncate(limit);
    out
}
