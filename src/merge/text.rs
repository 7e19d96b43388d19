//! The report as text, as `friendship-map merge` prints it: a line per row under NEW, MATCHING,
//! CONFLICTING and MISSING (`FILE:LINE: side – partner 中文名 (country, level, kind, date)`),
//! the fields that differ under each pair, and the counts at the end.

use super::differ::date_text;
use super::{MatchedBy, Pair, Report};
use crate::data::{Dataset, Tie, SHANDONG_CITIES};
use std::collections::BTreeSet;

/// The report's lines (without line ends). `office_file` and `builtin_file` name the two files
/// in `FILE:LINE` references. Text from the files is as written: a terminal needs it escaped
/// ([`crate::terminal::printable`]).
pub fn report_lines(
    report: &Report,
    builtin: &Dataset,
    office: &Dataset,
    office_file: &str,
    builtin_file: &str,
) -> Vec<String> {
    let at = |file: &str, t: &Tie, d: &Dataset| format!("{file}:{}: {}", t.line, describe(t, d));
    let mine = |i: usize| at(office_file, &office.ties[i], office);
    let sides: BTreeSet<usize> = (office.ties.iter().map(|t| t.city))
        .filter(|&c| c < SHANDONG_CITIES.len())
        .collect();
    let names: Vec<&str> = sides.iter().map(|&c| SHANDONG_CITIES[c].name).collect();
    let names = if names.is_empty() {
        "no Shandong side".into()
    } else {
        names.join(", ")
    };
    let mut out = vec![format!(
        "{office_file}: {} rows loaded ({names}), set against {builtin_file}",
        office.ties.len()
    )];
    // A section: its heading with the count of rows, then each row's lines, indented.
    let mut section = |word: &str, what: &str, rows: Vec<Vec<String>>| {
        out.push(String::new());
        out.push(format!("{word} ({}): {what}", rows.len()));
        out.extend(rows.into_iter().flatten().map(|r| format!("  {r}")));
    };
    let pairs = |list: Vec<&Pair>| -> Vec<Vec<String>> {
        let each = list.into_iter();
        (each.map(|p| pair_lines(p, builtin, office, office_file, builtin_file))).collect()
    };
    let new = report.new.iter().map(|&i| vec![mine(i)]).collect();
    section("NEW", "pairs only the office's list has", new);
    let same = "the same pair";
    section(
        "MATCHING",
        &format!("{same}, nothing disagrees"),
        pairs(report.matching().collect()),
    );
    let conflicting = pairs(report.conflicting().collect());
    section(
        "CONFLICTING",
        &format!("{same}, fields disagree"),
        conflicting,
    );
    let missing =
        (report.missing.iter()).map(|&b| vec![at(builtin_file, &builtin.ties[b], builtin)]);
    section(
        "MISSING",
        "built-in rows of these sides that the office's list lacks",
        missing.collect(),
    );
    if !report.outside.is_empty() {
        let rows = report.outside.iter().map(|&i| vec![mine(i)]).collect();
        section("NOT COMPARED", "not a Shandong side, so not merged", rows);
    }
    if !report.repeated.is_empty() {
        let rows = report.repeated.iter().map(|&(i, first)| {
            vec![format!(
                "{} (the pair of line {})",
                mine(i),
                office.ties[first].line
            )]
        });
        section(
            "REPEATED",
            "a pair an earlier row gave, so not merged",
            rows.collect(),
        );
    }
    out.push(String::new());
    out.push(summary(report));
    out
}

/// `Summary: 1 new, 2 matching, 3 conflicting, 4 missing` (and the rows not compared or
/// repeated, when there are any).
fn summary(report: &Report) -> String {
    let mut s = format!(
        "Summary: {} new, {} matching, {} conflicting, {} missing",
        report.new.len(),
        report.matching().count(),
        report.conflicting().count(),
        report.missing.len()
    );
    if !report.outside.is_empty() {
        s += &format!(", {} not compared", report.outside.len());
    }
    if !report.repeated.is_empty() {
        s += &format!(", {} repeated", report.repeated.len());
    }
    s
}

/// `Jinan – Coventry 考文垂市 (GB, city, sister, 1983-10-03)`, with the signing body if any.
fn describe(t: &Tie, d: &Dataset) -> String {
    let r = &t.record;
    let signed = r
        .signed_by
        .as_deref()
        .map_or(String::new(), |s| format!("; signed by {s}"));
    format!(
        "{} – {} {} ({}, {}, {}, {}{signed})",
        d.origins[t.city].name,
        r.partner,
        r.partner_zh,
        r.country,
        r.level.as_str(),
        r.kind.as_str(),
        date_text(r.established).replace("(none)", "no date"),
    )
}

/// A pair's line (`… is FILE:LINE (same English name)`), then one line per conflict and one
/// per remark (in parentheses: not a disagreement).
fn pair_lines(
    p: &Pair,
    builtin: &Dataset,
    office: &Dataset,
    office_file: &str,
    builtin_file: &str,
) -> Vec<String> {
    let (o, b) = (&office.ties[p.office], &builtin.ties[p.builtin]);
    let how = match p.by {
        MatchedBy::EnglishName => "same English name".to_string(),
        MatchedBy::ChineseName => "same Chinese name".to_string(),
        MatchedBy::Position { metres } => format!(
            "same country, {} km away",
            crate::number::short(metres / 1000.0, 1)
        ),
    };
    let mut out = vec![format!(
        "{office_file}:{}: {} is {builtin_file}:{} ({how})",
        o.line,
        describe(o, office),
        b.line
    )];
    for d in &p.conflicts {
        let mut line = format!(
            "    {}: office {}; built-in {}",
            d.field, d.office, d.builtin
        );
        if d.field == "lat/lon" {
            let km = crate::sphere::distance_m(o.to, b.to) / 1000.0;
            line += &format!(" ({} km apart)", crate::number::short(km, 1));
        }
        out.push(line);
    }
    for d in &p.remarks {
        out.push(format!(
            "    ({}: office {}; built-in {})",
            d.field, d.office, d.builtin
        ));
    }
    out
}
