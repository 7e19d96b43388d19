//! Decimal numbers read and written without core's float parsing and formatting, whose code
//! and tables (powers of five, cached powers of ten) would cost the wasm about 30 KB.
//!
//! Reading is exact (correctly rounded) for the numbers this map meets: at most 15 significant
//! digits and a decimal exponent within ±22, which covers every coordinate written with up to
//! 12 decimals. Longer numbers are read to within a few units in the last place. Writing is in
//! fixed point, for magnitudes below 10¹⁵ at the given decimals.

/// Powers of ten that an `f64` holds exactly (10⁰ … 10²²).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `x` limited to `lo..=hi`, like `f64::clamp` but without its panic (and the float
/// formatting of its message) when the limits are reversed or NaN: then the result is `hi`.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi)
}

/// Parses a decimal number: an optional sign, digits with an optional `.` and fraction, and an
/// optional exponent (`e`/`E`, optional sign, digits). `None` for anything else (empty text,
/// `inf`, `NaN`, spaces, a lone `.`).
pub fn parse(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let negative = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    // Up to 19 significant digits in the mantissa; later ones only move the exponent.
    let (mut mantissa, mut digits, mut exp10, mut seen) = (0u64, 0u32, 0i32, false);
    let mut digit = |d: u8, fraction: bool, mantissa: &mut u64| {
        if digits < 19 {
            *mantissa = *mantissa * 10 + u64::from(d);
            if *mantissa > 0 {
                digits += 1;
            }
            if fraction {
                exp10 -= 1;
            }
        } else if !fraction {
            exp10 += 1;
        }
    };
    while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
        digit(c - b'0', false, &mut mantissa);
        seen = true;
        i += 1;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            digit(c - b'0', true, &mut mantissa);
            seen = true;
            i += 1;
        }
    }
    if !seen {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        let sign = match b.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut e = 0i32;
        while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
            e = (e * 10 + i32::from(c - b'0')).min(100_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp10 += sign * e;
    }
    if i != b.len() {
        return None;
    }
    let m = mantissa as f64;
    // Exact when both operands are exact: one rounding, as the decimal's true value would get.
    let value = if mantissa < (1 << 53) && exp10.unsigned_abs() <= 22 {
        let p = POW10[exp10.unsigned_abs() as usize];
        if exp10 < 0 {
            m / p
        } else {
            m * p
        }
    } else {
        m * 10f64.powi(exp10)
    };
    Some(if negative { -value } else { value })
}

/// `x` rounded to `decimals` places (at most 9), written in fixed point: `fixed(0.6, 3)` is
/// `"0.600"`. Non-finite values are written `0`.
pub fn fixed(x: f64, decimals: u32) -> String {
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals);
    let scaled = (x * scale as f64).round();
    if !scaled.is_finite() || scaled.abs() >= 9.0e18 {
        return "0".into();
    }
    let n = scaled.abs() as u64;
    let mut out = String::new();
    if scaled < 0.0 && n != 0 {
        out.push('-');
    }
    out.push_str(&(n / scale).to_string());
    if decimals > 0 {
        let fraction = (n % scale).to_string();
        out.push('.');
        for _ in fraction.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(&fraction);
    }
    out
}

/// As [`fixed`], without trailing zeros (nor a trailing `.`): `short(34.18330, 5)` is
/// `"34.1833"`, `short(2.0, 5)` is `"2"`.
pub fn short(x: f64, decimals: u32) -> String {
    let s = fixed(x, decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_coordinates_exactly() {
        for s in [
            "34.1833",
            "-104.6091",
            "0",
            "-0.4815",
            "180",
            "-180.0",
            "1e3",
            "2.5E-3",
            "+7.",
            ".5",
            "131.4667",
            "0.000001",
            "89.999999999999",
        ] {
            assert_eq!(parse(s), s.parse::<f64>().ok(), "{s}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for s in [
            "", "-", ".", "e5", "1e", "1.2.3", " 1", "1 ", "inf", "NaN", "1,5", "0x10", "--1",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }

    /// Random coordinates written with 0–12 decimals read back as std reads them, bit for bit.
    #[test]
    fn agrees_with_std_on_random_decimals() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let decimals = (next() % 13) as usize;
            let int = next() % 181;
            let frac = next() % 10u64.pow(decimals as u32);
            let sign = if next() % 2 == 0 { "-" } else { "" };
            let s = if decimals == 0 {
                format!("{sign}{int}")
            } else {
                format!("{sign}{int}.{frac:0decimals$}")
            };
            assert_eq!(parse(&s), s.parse::<f64>().ok(), "{s}");
        }
    }

    /// Long mantissas and large exponents: close to std's reading.
    #[test]
    fn long_numbers_are_close() {
        for s in [
            "3.14159265358979323846264338",
            "12345678901234567890123",
            "1.5e300",
            "7e-300",
        ] {
            let (a, b) = (parse(s).expect(s), s.parse::<f64>().expect(s));
            assert!(((a - b) / b).abs() < 1e-14, "{s}: {a} vs {b}");
        }
    }

    #[test]
    fn writes_fixed_and_short() {
        assert_eq!(fixed(0.6, 3), "0.600");
        assert_eq!(fixed(2.0, 2), "2.00");
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(-1.005, 1), "-1.0");
        assert_eq!(fixed(123.456, 0), "123");
        assert_eq!(short(34.1833, 5), "34.1833");
        assert_eq!(short(-104.60910, 5), "-104.6091");
        assert_eq!(short(2.0, 5), "2");
        assert_eq!(short(0.0, 5), "0");
        assert_eq!(short(f64::NAN, 5), "0");
    }

    /// Numbers rounded to `d` decimals are written as std's shortest form writes them.
    #[test]
    fn short_matches_std_on_rounded_values() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..100_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = (state % 360_000_000) as f64 / 1e6 - 180.0;
            for d in [1, 5, 8] {
                let p = 10f64.powi(d);
                let r = (x * p).round() / p;
                let want = if r == 0.0 {
                    "0".to_string()
                } else {
                    format!("{r}")
                };
                assert_eq!(short(x, d as u32), want, "{x} at {d}");
            }
        }
    }
}
