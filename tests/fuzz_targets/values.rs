//! Value parsers: numbers against std's reading and fixed-point writing, dates against an
//! independent oracle.

use shandong_friendship_map::data::record::parse_date;
use shandong_friendship_map::number::{exact, fixed, parse};

/// Significant digits of a decimal string (leading zeros excluded).
fn significant_digits(s: &str) -> usize {
    let mantissa = s.split(['e', 'E']).next().unwrap_or("");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').len()
}

/// A number read as std reads it (bit for bit up to 19 significant digits), refused only where
/// std reads words (`inf`, `NaN`); the input's first 8 bytes as a double written in fixed point
/// as std writes it, and read back by [`exact`].
pub fn numbers(bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes);
    let std = s.parse::<f64>();
    match parse(&s) {
        Some(v) => {
            let w = std.unwrap_or_else(|_| panic!("we read {s:?}, std does not"));
            if significant_digits(&s) <= 19 {
                assert_eq!(v.to_bits(), w.to_bits(), "{s:?}: {v:e} vs std {w:e}");
            } else {
                let ulp = (w.abs().max(f64::MIN_POSITIVE) * f64::EPSILON).max(5e-324);
                assert!((v - w).abs() <= ulp || v == w, "{s:?}: {v:e} vs std {w:e}");
            }
        }
        None => {
            // std also reads inf, infinity and NaN, which no data file should hold.
            let word = s.trim_start_matches(['+', '-']).to_ascii_lowercase();
            assert!(
                std.is_err() || ["inf", "infinity", "nan"].contains(&word.as_str()),
                "std reads {s:?}, we do not"
            );
        }
    }
    // Writing: the input's first 8 bytes as a double, against std's fixed point.
    let mut b = [0u8; 8];
    for (i, x) in bytes.iter().take(8).enumerate() {
        b[i] = *x;
    }
    let x = f64::from_le_bytes(b);
    if x.is_finite() {
        let d = usize::from(bytes.first().copied().unwrap_or(0) % 21);
        let want = format!("{x:.d$}");
        let zero = want
            .trim_start_matches('-')
            .bytes()
            .all(|c| c == b'0' || c == b'.');
        let want = if zero {
            want.trim_start_matches('-').to_string()
        } else {
            want
        };
        assert_eq!(fixed(x, d as u32), want, "{x:e} at {d}");
        if x.abs() >= 1e-3 && x.abs() < 1e15 {
            assert_eq!(parse(&exact(x, 8)), Some(x), "{x:e}");
        }
    }
}

/// An independent reading of `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (1973 to 2026), written with
/// remainders on purpose (the parser uses `is_multiple_of`).
#[allow(clippy::manual_is_multiple_of)]
fn date_oracle(s: &str) -> Option<(u16, Option<u8>, Option<u8>)> {
    let parts: Vec<&str> = s.split('-').collect();
    let ok = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if parts.len() > 3 || !ok(parts[0], 4) || !parts[1..].iter().all(|p| ok(p, 2)) {
        return None;
    }
    let year: u16 = parts[0].parse().ok()?;
    let month: Option<u8> = parts.get(1).map(|m| m.parse().unwrap_or(0));
    let day: Option<u8> = parts.get(2).map(|d| d.parse().unwrap_or(0));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let month_ok = month.is_none_or(|m| (1..=12).contains(&m));
    let day_ok = match (month, day) {
        (Some(m), Some(d)) if month_ok => d >= 1 && d <= days[usize::from(m) - 1],
        (_, None) => true,
        _ => false,
    };
    ((1973..=2026).contains(&year) && month_ok && day_ok).then_some((year, month, day))
}

/// A date read as the oracle reads it, and written back unchanged.
pub fn dates(bytes: &[u8]) {
    let s = String::from_utf8_lossy(bytes);
    let got = parse_date(&s, 2026);
    if s.is_empty() {
        assert_eq!(got, Ok(None));
        return;
    }
    match (got, date_oracle(&s)) {
        (Ok(Some(d)), Some(o)) => {
            assert_eq!((d.year, d.month, d.day), o, "{s:?}");
            assert_eq!(d.to_string(), s, "written back");
        }
        (Err(_), None) => {}
        (got, want) => panic!("{s:?}: parsed {got:?}, oracle {want:?}"),
    }
}
