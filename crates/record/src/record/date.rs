//! Dates of ties: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, never guessed; this year from the clock.

use super::FIRST_YEAR;
use std::fmt;

/// A date given to year, month or day precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 1979.
    pub year: u16,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day of month, when known (only with a month).
    pub day: Option<u8>,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty means unknown.
pub fn parse_date(v: &str, last_year: u16) -> Result<Option<Date>, String> {
    if v.is_empty() {
        return Ok(None);
    }
    let bad = || format!("`{v}` is not YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = v.split('-').collect();
    let num = |s: &str, len: usize| -> Option<u16> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = parts.first().and_then(|s| num(s, 4)).ok_or_else(bad)?;
    if !(FIRST_YEAR..=last_year).contains(&year) {
        return Err(format!("year {year} is outside {FIRST_YEAR}..{last_year}"));
    }
    let month = match parts.get(1) {
        None => None,
        Some(s) => match num(s, 2) {
            Some(m @ 1..=12) => Some(m as u8),
            _ => return Err(bad()),
        },
    };
    let day = match (parts.get(2), month) {
        (None, _) => None,
        (Some(s), Some(m)) => match num(s, 2) {
            Some(d) if d >= 1 && d as u8 <= days_in_month(year, m) => Some(d as u8),
            _ => return Err(format!("`{v}`: no such day")),
        },
        (Some(_), None) => return Err(bad()),
    };
    if parts.len() > 3 {
        return Err(bad());
    }
    Ok(Some(Date { year, month, day }))
}

/// This year (UTC) from the system clock: the latest year accepted for `established`.
pub fn current_year() -> u16 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Civil-from-days on the proleptic Gregorian calendar (days since 0000-03-01).
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let year = yoe + era * 400 + i64::from(mp >= 10);
    u16::try_from(year).unwrap_or(u16::MAX)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
