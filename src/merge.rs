//! An office's list of ties set against the built-in data (`friendship-map merge`): which rows
//! are new, which match, which conflict and which the office lacks, as data and as text, and
//! the rows of the merged file. No I/O: the command reads and writes the files.
//!
//! Two rows are the same pair when they start at the same Shandong side and name the same
//! partner: the same English name (case, spaces and punctuation aside), else the same Chinese
//! name, else a partner in the same country within [`SAME_PLACE_M`].

mod differ;
mod rows;
mod sheet;
mod text;

pub use differ::Difference;
pub use rows::{change_note, merged_csv};
pub use sheet::Sheet;
pub use text::report_lines;

use crate::data::{Dataset, Record, SHANDONG_CITIES};
use crate::sphere::distance_m;
use crate::LonLat;
use std::collections::{BTreeSet, HashMap};

/// Partners of one country this close are the same place; positions further apart disagree,
/// metres (the placement check's coast tolerance, [`crate::validate::COAST_TOLERANCE_M`]).
pub const SAME_PLACE_M: f64 = 15_000.0;

/// How an office row's partner was recognised among the built-in rows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MatchedBy {
    /// The same English name, case, spaces and punctuation aside.
    EnglishName,
    /// The same Chinese name.
    ChineseName,
    /// The same country, and a partner this close.
    Position {
        /// Distance between the two positions, metres.
        metres: f64,
    },
}

/// One office row matched to a built-in row.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// Index of the office's tie.
    pub office: usize,
    /// Index of the built-in tie.
    pub builtin: usize,
    /// How the partner was recognised.
    pub by: MatchedBy,
    /// Fields that disagree: none for a MATCHING pair, some for a CONFLICTING one.
    pub conflicts: Vec<Difference>,
    /// Differences that are not disagreements: names written otherwise, a date given on one
    /// side only or more fully on one side.
    pub remarks: Vec<Difference>,
}

/// What the comparison found, as indices into the two datasets' ties (in file order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Office rows whose pair the built-in data lacks (NEW).
    pub new: Vec<usize>,
    /// Office rows matched to a built-in row (MATCHING or CONFLICTING).
    pub pairs: Vec<Pair>,
    /// Built-in rows of the Shandong sides in the office's list that the list lacks (MISSING).
    pub missing: Vec<usize>,
    /// Office rows that do not start at a Shandong side: not compared, not merged.
    pub outside: Vec<usize>,
    /// Office rows matching a built-in row an earlier office row matched, with that row's index:
    /// not merged.
    pub repeated: Vec<(usize, usize)>,
}

impl Report {
    /// The pairs with nothing that disagrees.
    pub fn matching(&self) -> impl Iterator<Item = &Pair> {
        self.pairs.iter().filter(|p| p.conflicts.is_empty())
    }

    /// The pairs with fields that disagree.
    pub fn conflicting(&self) -> impl Iterator<Item = &Pair> {
        self.pairs.iter().filter(|p| !p.conflicts.is_empty())
    }
}

/// Sets the office's ties against the built-in ones (both datasets index Shandong's sides in
/// [`SHANDONG_CITIES`] order, as every [`Dataset`] does).
pub fn compare(builtin: &Dataset, office: &Dataset) -> Report {
    let mut report = Report::default();
    let mut taken: HashMap<usize, usize> = HashMap::new();
    for (i, t) in office.ties.iter().enumerate() {
        if t.city >= SHANDONG_CITIES.len() {
            report.outside.push(i);
            continue;
        }
        let candidates = candidates(builtin, t.city, &t.record);
        let free = candidates.iter().find(|(b, _)| !taken.contains_key(b));
        match (free, candidates.first()) {
            (Some(&(b, by)), _) => {
                taken.insert(b, i);
                let (conflicts, remarks) = differ::differences(&t.record, &builtin.ties[b].record);
                report.pairs.push(Pair {
                    office: i,
                    builtin: b,
                    by,
                    conflicts,
                    remarks,
                });
            }
            (None, Some((b, _))) => report.repeated.push((i, taken[b])),
            (None, None) => report.new.push(i),
        }
    }
    let sides: BTreeSet<usize> = office
        .ties
        .iter()
        .map(|t| t.city)
        .filter(|&c| c < SHANDONG_CITIES.len())
        .collect();
    report.missing = (0..builtin.ties.len())
        .filter(|b| sides.contains(&builtin.ties[*b].city) && !taken.contains_key(b))
        .collect();
    report
}

/// The built-in ties of side `city` that name the same partner as `r`, best first: by English
/// name, then Chinese name, then position (nearest first); among equals, the one with the same
/// signing body first.
fn candidates(builtin: &Dataset, city: usize, r: &Record) -> Vec<(usize, MatchedBy)> {
    let key = name_key(&r.partner);
    let zh = r.partner_zh.trim();
    let at = LonLat::new(r.lon, r.lat);
    let mut found: Vec<(usize, MatchedBy)> = builtin
        .ties
        .iter()
        .enumerate()
        .filter(|(_, t)| t.city == city)
        .filter_map(|(b, t)| {
            let other = &t.record;
            let metres = distance_m(at, LonLat::new(other.lon, other.lat));
            let by = if !key.is_empty() && name_key(&other.partner) == key {
                MatchedBy::EnglishName
            } else if !zh.is_empty() && other.partner_zh.trim() == zh {
                MatchedBy::ChineseName
            } else if other.country == r.country && metres <= SAME_PLACE_M {
                MatchedBy::Position { metres }
            } else {
                return None;
            };
            Some((b, by))
        })
        .collect();
    let signer = |b: usize| {
        let s = &builtin.ties[b].record.signed_by;
        let fold = |v: &Option<String>| v.as_deref().map(crate::case::fold);
        fold(s) != fold(&r.signed_by)
    };
    let rank = |by: &MatchedBy| match by {
        MatchedBy::EnglishName => (0, 0.0),
        MatchedBy::ChineseName => (1, 0.0),
        MatchedBy::Position { metres } => (2, *metres),
    };
    found.sort_by(|(a, x), (b, y)| {
        let (ra, rb) = (rank(x), rank(y));
        ra.0.cmp(&rb.0)
            .then(signer(*a).cmp(&signer(*b)))
            .then(ra.1.total_cmp(&rb.1))
    });
    found
}

/// A name as compared: lower case, letters and digits only (`Misato-machi` = `misatomachi`).
pub fn name_key(name: &str) -> String {
    crate::case::fold(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source\n";

    fn data(rows: &str) -> Dataset {
        let mut d = Dataset::default();
        let options = crate::import::Preset::Standard.options();
        let errors = d.add_csv(&format!("{HEADER}{rows}"), 2030, &options);
        assert!(errors.is_empty(), "{errors:?}");
        d
    }

    #[test]
    fn names_compare_without_case_spaces_or_punctuation() {
        assert_eq!(name_key("Misato-Machi (Miyagi)"), "misatomachimiyagi");
        assert_eq!(name_key("Kfar Saba"), name_key("kfar-saba"));
        assert_eq!(name_key("Érd"), "érd");
    }

    #[test]
    fn a_partner_is_found_by_name_then_chinese_name_then_position() {
        let builtin = data(
            "Jinan,济南市,Kharkiv,哈尔科夫市,UA,city,sister,2004-09,49.9818,36.2548,https://a.example/1
Jinan,济南市,Coventry,考文垂市,GB,city,sister,1983-10-03,52.4066,-1.5122,https://a.example/2
Jinan,济南市,Vantaa,万塔市,FI,city,sister,2001-08-27,60.2941,25.0410,https://a.example/3
Jinan,济南市,Rennes,雷恩市,FR,city,sister,2002,48.1111,-1.6743,https://a.example/4
",
        );
        let office = data(
            "Jinan,济南市,Kharkov,哈尔科夫市,UA,city,sister,2006-07-31,49.9818,36.2548,https://b.example/1
Jinan,济南市,COVENTRY,考文垂,GB,city,sister,1983,52.4066,-1.5122,https://b.example/2
Jinan,济南市,Vantaa City,万塔,FI,city,sister,2001-08-27,60.30,25.05,https://b.example/3
Jinan,济南市,Graz,格拉茨,AT,city,sister,,47.07,15.44,https://b.example/4
",
        );
        let r = compare(&builtin, &office);
        let by: Vec<(usize, MatchedBy)> = r.pairs.iter().map(|p| (p.builtin, p.by)).collect();
        assert_eq!(by[0], (0, MatchedBy::ChineseName));
        assert_eq!(by[1], (1, MatchedBy::EnglishName));
        assert_eq!(by[2].0, 2);
        // Vantaa at (60.2941, 25.0410) and (60.30, 25.05): 0.8 km apart.
        let MatchedBy::Position { metres } = by[2].1 else {
            panic!("{:?}", by[2]);
        };
        assert!((metres - 800.0).abs() < 50.0, "{metres}");
        assert_eq!(r.new, [3]);
        assert_eq!(r.missing, [3], "Rennes");
        assert_eq!(r.conflicting().count(), 1, "Kharkiv's date");
        assert_eq!(r.matching().count(), 2, "1983 agrees with 1983-10-03");
    }
}
