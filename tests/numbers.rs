//! Decimal numbers read and written by `src/number.rs`, against std: bit for bit for the
//! coordinates the map meets and at the extremes (zero with a huge exponent, the largest double,
//! the smallest subnormal), fixed point as std's `{:.N}` writes it (past 9e18 too).
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::number::{exact, fixed, parse, short};

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

/// The cases: zero with a huge exponent, the largest double, the smallest subnormal.
#[test]
fn extremes_read_as_std_reads_them() {
    assert_eq!(parse("0e400"), Some(0.0));
    assert_eq!(parse("-0.000e-99999"), Some(-0.0));
    assert_eq!(parse("1.7976931348623157e308"), Some(f64::MAX));
    assert_eq!(parse("1.7976931348623159e308"), Some(f64::INFINITY));
    assert_eq!(parse("5e-324").map(f64::to_bits), Some(1));
    assert_eq!(parse("2e-324"), Some(0.0));
    assert_eq!(parse("2.2250738585072014e-308"), Some(f64::MIN_POSITIVE));
    assert_eq!(parse("1e99999999999"), Some(f64::INFINITY));
    assert_eq!(parse("1e-99999999999"), Some(0.0));
}

/// Random mantissas of up to 19 digits with any exponent: bit for bit std's reading.
#[test]
fn agrees_with_std_on_any_exponent() {
    let mut state = 0x853c_49e6_748f_ea9bu64;
    for _ in 0..20_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let digits = (state % 19) as u32 + 1;
        let mantissa = (state >> 8) % 10u64.pow(digits);
        let exp = (state >> 40) as i32 % 700 - 350;
        let s = format!("{mantissa}e{exp}");
        assert_eq!(
            parse(&s).map(f64::to_bits),
            s.parse::<f64>().ok().map(f64::to_bits),
            "{s}"
        );
    }
}

/// Fixed point past 9e18 and everywhere else: std's `{:.N}` (without a negative zero).
#[test]
fn fixed_agrees_with_std() {
    assert_eq!(fixed(1e20, 2), "100000000000000000000.00");
    assert_eq!(fixed(-9.5e18, 0), "-9500000000000000000");
    assert_eq!(fixed(f64::MAX, 0), format!("{:.0}", f64::MAX));
    assert_eq!(fixed(0.125, 2), "0.12");
    assert_eq!(fixed(0.375, 2), "0.38");
    assert_eq!(fixed(2.5, 0), "2");
    let mut state = 0x1234_5678_9abc_def1u64;
    for _ in 0..20_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let x = f64::from_bits(state);
        if !x.is_finite() {
            continue;
        }
        let d = (state % 21) as usize;
        let want = format!("{x:.d$}");
        let want = if want
            .trim_start_matches('-')
            .bytes()
            .all(|b| b == b'0' || b == b'.')
        {
            want.trim_start_matches('-').to_string()
        } else {
            want
        };
        assert_eq!(fixed(x, d as u32), want, "{x:e} at {d}");
    }
}

/// Every double of magnitude 0.001 or more is written so that it reads back bit for bit.
#[test]
fn exact_reads_back() {
    assert_eq!(exact(33.9555, 8), "33.9555");
    assert_eq!(exact(-8.72, 8), "-8.72");
    assert_eq!(exact(0.1 + 0.2, 8), "0.30000000000000004");
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..20_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let x = f64::from_bits(state);
        if x.is_finite() && x.abs() >= 0.001 && x.abs() < 1e15 {
            assert_eq!(parse(&exact(x, 8)), Some(x), "{x:e}");
        }
    }
}

/// Numbers rounded to `d` decimals (exactly, as std's `{:.d}` rounds) are written as std's
/// shortest form writes them.
#[test]
fn short_matches_std_on_rounded_values() {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..100_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let x = (state % 360_000_000) as f64 / 1e6 - 180.0;
        for d in [1usize, 5, 8] {
            let r: f64 = format!("{x:.d$}").parse().expect("std reads its own");
            let want = if r == 0.0 {
                "0".to_string()
            } else {
                format!("{r}")
            };
            assert_eq!(short(x, d as u32), want, "{x} at {d}");
        }
    }
}
