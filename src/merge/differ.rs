//! The fields in which an office row and the built-in row of the same pair differ: conflicts
//! (both give a value and they disagree) and remarks (names written otherwise, a date given on
//! one side only or more fully on one side).

use super::SAME_PLACE_M;
use crate::data::{Date, Record};
use crate::sphere::distance_m;
use crate::LonLat;

/// One field as each side gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The column (`established`, `kind`, `lat/lon`, ...).
    pub field: &'static str,
    /// The office's value (`(none)` for an empty one).
    pub office: String,
    /// The built-in row's value.
    pub builtin: String,
}

/// What an empty value is written as.
const NONE: &str = "(none)";

fn diff(field: &'static str, office: impl ToString, builtin: impl ToString) -> Difference {
    Difference {
        field,
        office: office.to_string(),
        builtin: builtin.to_string(),
    }
}

/// A date as written, or `(none)`.
pub(crate) fn date_text(d: Option<Date>) -> String {
    d.map_or(NONE.into(), |d| d.to_string())
}

/// A position as `lat, lon` (as short as the value allows, to 6 decimals).
pub(crate) fn position_text(r: &Record) -> String {
    let n = |x: f64| crate::number::short(x, 6);
    format!("{}, {}", n(r.lat), n(r.lon))
}

/// Whether two dates agree at the precision both give (1983 agrees with 1983-10-03).
pub(crate) fn dates_agree(a: Date, b: Date) -> bool {
    let same = |x: Option<u8>, y: Option<u8>| x.zip(y).is_none_or(|(x, y)| x == y);
    a.year == b.year && same(a.month, b.month) && same(a.day, b.day)
}

/// Whether the two positions are further apart than [`SAME_PLACE_M`].
pub(crate) fn positions_disagree(a: &Record, b: &Record) -> bool {
    distance_m(LonLat::new(a.lon, a.lat), LonLat::new(b.lon, b.lat)) > SAME_PLACE_M
}

/// The conflicts and the remarks between the office's row `o` and the built-in row `b`.
pub(crate) fn differences(o: &Record, b: &Record) -> (Vec<Difference>, Vec<Difference>) {
    let mut conflicts = Vec::new();
    let mut remarks = Vec::new();
    if o.partner != b.partner {
        remarks.push(diff("partner", &o.partner, &b.partner));
    }
    if o.partner_zh != b.partner_zh {
        remarks.push(diff("partner_zh", &o.partner_zh, &b.partner_zh));
    }
    if o.country != b.country {
        conflicts.push(diff("country", &o.country, &b.country));
    }
    if o.level != b.level {
        conflicts.push(diff("level", o.level.as_str(), b.level.as_str()));
    }
    if o.kind != b.kind {
        conflicts.push(diff("kind", o.kind.as_str(), b.kind.as_str()));
    }
    let dates = diff(
        "established",
        date_text(o.established),
        date_text(b.established),
    );
    match (o.established, b.established) {
        (Some(x), Some(y)) if !dates_agree(x, y) => conflicts.push(dates),
        (x, y) if x != y => remarks.push(dates),
        _ => {}
    }
    if positions_disagree(o, b) {
        conflicts.push(diff("lat/lon", position_text(o), position_text(b)));
    }
    let signer = |r: &Record| r.signed_by.clone().unwrap_or_else(|| NONE.into());
    let fold = |r: &Record| r.signed_by.as_deref().map(crate::case::fold);
    if fold(o) != fold(b) {
        conflicts.push(diff("signed_by", signer(o), signer(b)));
    }
    (conflicts, remarks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::record::parse_date;

    fn date(s: &str) -> Date {
        parse_date(s, 2030).expect("a date").expect("not empty")
    }

    #[test]
    fn dates_agree_at_the_shared_precision() {
        assert!(dates_agree(date("1983"), date("1983-10-03")));
        assert!(dates_agree(date("1983-10"), date("1983-10-03")));
        assert!(!dates_agree(date("1983-11"), date("1983-10-03")));
        assert!(!dates_agree(date("1995"), date("1996")));
        assert!(!dates_agree(date("2004-09"), date("2006-07-31")));
    }
}
