//! The totals the province and its cities published, kept as a history per Shandong side
//! (`data/published_totals.csv`: one row per figure, with its date, what it counts and its
//! sources).

use crate::data::record::parse_date;
use serde::Serialize;

/// The published totals built into the crate.
pub const PUBLISHED_TOTALS_CSV: &str = include_str!("../data/published_totals.csv");

/// One published figure.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Published {
    /// `All` (province and cities together), `Shandong` (the province itself) or a city.
    pub shandong_city: String,
    /// Total ties published, if any.
    pub total: Option<u32>,
    /// Of which sister ties, if published.
    pub sister: Option<u32>,
    /// Of which friendly ties, if published.
    pub friendly: Option<u32>,
    /// Countries, if published.
    pub countries: Option<u32>,
    /// When the figure was given: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty when the source
    /// shows no date.
    pub as_of: String,
    /// What the figure counts.
    pub scope: String,
    /// Source URLs, space-separated.
    pub source: String,
    /// What the figure counts, as a code the page words ([`COUNTS`]); empty for a row without
    /// a figure.
    pub counts: String,
}

/// What a published figure counts (the `counts` column), with what the code means:
/// the one table the parser checks against and the page's words follow.
pub const COUNTS: [(&str, &str); 4] = [
    (
        "all",
        "the province and its cities together, all levels (provinces and states, cities)",
    ),
    (
        "province",
        "the province's own ties with provinces and states",
    ),
    (
        "city",
        "a city government's own ties, sister and friendly-cooperation cities",
    ),
    ("sister", "sister cities only"),
];

impl Published {
    /// `rows` as a share of this total, in whole percent (rounded half up); `None` when no
    /// total was published (or it is zero).
    pub fn share_percent(&self, rows: usize) -> Option<u32> {
        let total = self.total.filter(|n| *n > 0)? as usize;
        u32::try_from((rows * 100 + total / 2) / total).ok()
    }
}

/// Parses `data/published_totals.csv` (`shandong_city,total,sister,friendly,countries,as_of,
/// scope,source,counts`), checking each row: counts are whole numbers, `as_of` is a date or
/// empty, every figure has http(s) sources and says what it counts (a [`COUNTS`] code). Rows come back grouped by Shandong side (in the order
/// each side first appears) and newest first within a side, so the first row of a side is its
/// latest figure.
pub fn published_totals(text: &str) -> Result<Vec<Published>, String> {
    let mut out = Vec::new();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    for row in reader.records() {
        let row = row.map_err(|e| format!("data/published_totals.csv: {e}"))?;
        let line = row.position().map_or(0, |p| p.line());
        let at = |what: String| format!("data/published_totals.csv:{line}: {what}");
        let get = |i: usize| row.get(i).unwrap_or("").trim().to_string();
        let num = |i: usize| -> Result<Option<u32>, String> {
            let v = get(i);
            if v.is_empty() {
                return Ok(None);
            }
            v.parse()
                .map(Some)
                .map_err(|_| at(format!("`{v}` is not a count")))
        };
        let p = Published {
            shandong_city: get(0),
            total: num(1)?,
            sister: num(2)?,
            friendly: num(3)?,
            countries: num(4)?,
            as_of: get(5),
            scope: get(6),
            source: get(7),
            counts: get(8),
        };
        parse_date(&p.as_of, u16::MAX).map_err(|e| at(format!("as_of: {e}")))?;
        let figures = p.total.or(p.sister).or(p.friendly).is_some();
        let urls: Vec<&str> = p.source.split_whitespace().collect();
        if figures && urls.is_empty() {
            return Err(at("source: a figure needs its source".into()));
        }
        if let Some(bad) = urls.iter().find(|u| !u.starts_with("http")) {
            return Err(at(format!("source: `{bad}` is not an http(s) URL")));
        }
        let known = COUNTS.iter().any(|(code, _)| *code == p.counts);
        if figures && !known {
            let codes: Vec<&str> = COUNTS.iter().map(|(c, _)| *c).collect();
            let why = format!("`{}` is not one of {}", p.counts, codes.join(", "));
            return Err(at(format!("counts: {why} (what the figure counts)")));
        }
        out.push(p);
    }
    let first_seen = |city: &str| out.iter().position(|p| p.shandong_city == city);
    let mut keyed: Vec<(usize, Published)> = out
        .iter()
        .map(|p| (first_seen(&p.shandong_city).unwrap_or(0), p.clone()))
        .collect();
    keyed.sort_by(|(a, p), (b, q)| a.cmp(b).then_with(|| q.as_of.cmp(&p.as_of)));
    Ok(keyed.into_iter().map(|(_, p)| p).collect())
}

/// The latest figure of a Shandong side (`All`, `Shandong` or a city's English name): the one
/// with the latest `as_of` (undated figures count as oldest).
pub fn latest<'a>(totals: &'a [Published], city: &str) -> Option<&'a Published> {
    totals
        .iter()
        .filter(|t| t.shandong_city == city)
        .max_by(|a, b| a.as_of.cmp(&b.as_of))
}

/// Every figure of a Shandong side, oldest first (undated ones first).
pub fn history<'a>(totals: &'a [Published], city: &str) -> Vec<&'a Published> {
    let mut h: Vec<&Published> = totals.iter().filter(|t| t.shandong_city == city).collect();
    h.sort_by(|a, b| a.as_of.cmp(&b.as_of));
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_history_has_the_known_figures_and_latest_comes_first() {
        let t = published_totals(PUBLISHED_TOTALS_CSV).expect("parses");
        let qd = latest(&t, "Qingdao").expect("Qingdao");
        assert_eq!(
            (qd.total, qd.sister, qd.friendly, qd.as_of.as_str()),
            (Some(95), Some(30), Some(65), "2025-07")
        );
        let q2022 = history(&t, "Qingdao")
            .into_iter()
            .find(|p| p.as_of == "2022")
            .expect("Qingdao 2022");
        assert_eq!(
            (q2022.total, q2022.sister, q2022.friendly),
            (Some(84), Some(28), Some(56))
        );
        let yt = history(&t, "Yantai");
        assert!(yt.windows(2).all(|w| w[0].as_of <= w[1].as_of));
        assert!(yt
            .iter()
            .any(|p| p.as_of == "2021-05" && p.total == Some(32) && p.countries == Some(18)));
        // The first `All` row is the latest figure (what a page shows with `find`).
        let first_all = t.iter().find(|p| p.shandong_city == "All").expect("All");
        assert_eq!(Some(first_all), latest(&t, "All"));
        assert!(history(&t, "All").iter().any(|p| p.total == Some(702)));
        assert_eq!(latest(&t, "Gotham"), None);
    }

    /// The history of the province's totals as round 5 found it: every figure sourced and
    /// saying what it counts, the 766 split as its source splits it, and the narrower 463 said
    /// to be narrower.
    #[test]
    fn the_totals_history_loads_with_every_figure_sourced() {
        let t = published_totals(PUBLISHED_TOTALS_CSV).expect("parses");
        for p in &t {
            if p.total.or(p.sister).is_some() {
                assert!(
                    p.source.split_whitespace().all(|u| u.starts_with("http"))
                        && !p.source.is_empty(),
                    "{p:?}"
                );
                assert!(COUNTS.iter().any(|(c, _)| *c == p.counts), "{p:?}");
                assert!(!p.scope.is_empty(), "{p:?}");
            }
        }
        let all = history(&t, "All");
        let figure = |n: u32| all.iter().find(|p| p.total == Some(n)).copied();
        let at = |n: u32| figure(n).map(|p| (p.as_of.as_str(), p.countries));
        assert_eq!(at(718), Some(("2025-05", Some(107))));
        assert_eq!(at(612), Some(("2022-09", Some(93))));
        assert_eq!(at(586), Some(("2019", Some(86))));
        assert_eq!(at(766), Some(("2026-05", Some(109))));
        assert!(figure(766).is_some_and(|p| p.scope.contains("89") && p.scope.contains("677")));
        assert!(figure(463).is_some_and(|p| p.scope.contains("narrower count than the 586")));
        assert!(
            all.windows(2).all(|w| w[0].as_of <= w[1].as_of),
            "oldest first"
        );
        assert_eq!(latest(&t, "All").and_then(|p| p.total), Some(766));
        assert!(history(&t, "Weifang")
            .iter()
            .any(|p| p.total == Some(42) && p.as_of.is_empty() && p.countries == Some(23)));
    }

    #[test]
    fn rows_are_checked() {
        let head = "shandong_city,total,sister,friendly,countries,as_of,scope,source,counts\n";
        assert!(published_totals(&format!("{head}X,3,,,,2020,m,https://e.org/a,city\n")).is_ok());
        assert!(
            published_totals(&format!("{head}X,3,,,,2020,m,https://e.org/a,most\n"))
                .is_err_and(|e| e.contains("counts: `most` is not one of all"))
        );
        assert!(
            published_totals(&format!("{head}X,many,,,,2020,m,https://e.org/a,city\n"))
                .is_err_and(|e| e.contains(":2: `many` is not a count"))
        );
        assert!(
            published_totals(&format!("{head}X,3,,,,2020-13,m,https://e.org/a,city\n"))
                .is_err_and(|e| e.contains("as_of"))
        );
        assert!(published_totals(&format!("{head}X,3,,,,2020,m,,city\n"))
            .is_err_and(|e| e.contains("needs its source")));
        assert!(
            published_totals(&format!("{head}X,3,,,,2020,m,www.e.org,city\n"))
                .is_err_and(|e| e.contains("not an http(s) URL"))
        );
        assert!(published_totals(&format!("{head}X,,,,,,no published total found,,\n")).is_ok());
    }

    #[test]
    fn share_is_rounded_and_needs_a_total() {
        let p = Published {
            total: Some(8),
            ..Published::default()
        };
        assert_eq!(p.share_percent(1), Some(13)); // 12.5 % rounds up
        assert_eq!(p.share_percent(0), Some(0));
        assert_eq!(Published::default().share_percent(3), None);
    }
}
