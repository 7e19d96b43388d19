//! Decimal numbers read and written without core's float parsing and formatting, whose code
//! and tables (powers of five, cached powers of ten) would cost the wasm about 30 KB.
//!
//! Reading is correctly rounded (bit for bit what `str::parse::<f64>` gives) for every number
//! with at most 19 significant digits, whatever its exponent: the common case (at most 15
//! digits, exponent within ±22, which covers every coordinate written with up to 12 decimals)
//! takes one exact floating-point operation, the rest an exact big-integer division. Digits past
//! the 19th are dropped, so longer numbers are read to within one unit in the last place.
//! Writing is in fixed point, exact: the binary value rounded half to even at the given decimals,
//! as `format!("{:.N}")` writes it (but never `-0`).

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
            exp10 = exp10.saturating_add(1);
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
        let (e, end) = exponent(b, i + 1)?;
        exp10 = exp10.saturating_add(e);
        i = end;
    }
    if i != b.len() {
        return None;
    }
    let value = if mantissa == 0 {
        0.0
    } else if mantissa < (1 << 53) && exp10.unsigned_abs() <= 22 {
        // Exact when both operands are exact: one rounding, as the decimal's true value gets.
        let (m, p) = (mantissa as f64, POW10[exp10.unsigned_abs() as usize]);
        if exp10 < 0 {
            m / p
        } else {
            m * p
        }
    } else {
        correctly_rounded(mantissa, exp10)
    };
    Some(if negative { -value } else { value })
}

/// The exponent after an `e` at byte `i` (optional sign, at least one digit; its magnitude capped
/// at 100,000, past which every value is zero or infinite), and where it ends.
fn exponent(b: &[u8], mut i: usize) -> Option<(i32, usize)> {
    let sign = match b.get(i) {
        Some(b'-') => -1,
        Some(b'+') => 1,
        _ => 0,
    };
    if sign != 0 {
        i += 1;
    }
    let start = i;
    let mut e = 0i32;
    while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
        e = (e * 10 + i32::from(c - b'0')).min(100_000);
        i += 1;
    }
    (i > start).then_some((if sign < 0 { -e } else { e }, i))
}

/// `mantissa × 10^exp10` correctly rounded (half to even), for a non-zero mantissa: the ratio of
/// two big integers divided out to 53 bits, then rounded on the remainder.
fn correctly_rounded(mantissa: u64, exp10: i32) -> f64 {
    let digits = mantissa.ilog10() as i32 + 1;
    if exp10 + digits > 309 {
        return f64::INFINITY; // at least 10^309
    }
    if exp10 + digits < -324 {
        return 0.0; // below 10^-325, under half the smallest subnormal
    }
    let (mut num, mut den) = (big::Big::from_u64(mantissa), big::Big::from_u64(1));
    let target = if exp10 < 0 { &mut den } else { &mut num };
    for _ in 0..exp10.unsigned_abs() {
        target.mul_small(10);
    }
    // Binary exponent `k` such that num / (den·2^k) lies in [2^52, 2^53), at least -1074 (then
    // the result is subnormal and the quotient smaller).
    let mut k = (num.bit_len() as i64 - den.bit_len() as i64 - 53).max(-1074);
    loop {
        let (mut n, mut d) = (num.clone(), den.clone());
        if k >= 0 {
            d.shl(k as usize);
        } else {
            n.shl(k.unsigned_abs() as usize);
        }
        let mut q = n.div_small_quotient(&d);
        if q >= 1 << 53 {
            k += 1;
            continue;
        }
        // `n` now holds the remainder: round half to even.
        n.shl(1);
        let half = n.cmp(&d);
        if half == std::cmp::Ordering::Greater || (half.is_eq() && q & 1 == 1) {
            q += 1;
        }
        if q == 1 << 53 {
            q >>= 1;
            k += 1;
        }
        return from_parts(q, k);
    }
}

/// `q × 2^k` for `q < 2^53`, either normal (`q ≥ 2^52`) or subnormal (`k = -1074`); infinite past
/// the largest finite value.
fn from_parts(q: u64, k: i64) -> f64 {
    if q < 1 << 52 {
        return f64::from_bits(q); // subnormal (k is -1074) or zero
    }
    let biased = k + 1075;
    if biased >= 2047 {
        return f64::INFINITY;
    }
    f64::from_bits(((biased as u64) << 52) | (q & ((1 << 52) - 1)))
}

/// `x` rounded to `decimals` places (at most 20), written in fixed point: `fixed(0.6, 3)` is
/// `"0.600"`, `fixed(1e20, 1)` is `"100000000000000000000.0"`. Exact: the binary value rounded
/// half to even, as std's `{:.N}` does, except that a result of zero has no sign. Non-finite
/// values are written `0`.
pub fn fixed(x: f64, decimals: u32) -> String {
    let decimals = decimals.min(20);
    if !x.is_finite() {
        return "0".into();
    }
    // x = ±q·2^k exactly.
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (q, k) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exponent - 1075)
    };
    let mut n = big::Big::from_u64(q);
    for _ in 0..decimals / 9 {
        n.mul_small(1_000_000_000);
    }
    n.mul_small(10u32.pow(decimals % 9));
    if k >= 0 {
        n.shl(k as usize);
    } else {
        n.shr_round_even(k.unsigned_abs() as usize);
    }
    // The digits, left-padded with zeros to at least one before the point.
    let digits = n.to_decimal();
    let decimals = decimals as usize;
    let pad = (decimals + 1).saturating_sub(digits.len());
    let point = pad + digits.len() - decimals;
    let mut out = String::with_capacity(pad + digits.len() + 2);
    if x < 0.0 && !n.is_zero() {
        out.push('-');
    }
    for (i, c) in std::iter::repeat_n('0', pad)
        .chain(digits.chars())
        .enumerate()
    {
        if i == point {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// The shortest of `x` written with `min_decimals` to 20 decimals (as [`short`]) that [`parse`]
/// reads back as exactly `x`: `exact(33.9555, 8)` is `"33.9555"`, `exact(0.1 + 0.2, 8)` is
/// `"0.30000000000000004"`. Exact for every `x` of magnitude from 0.001 to 10¹⁵ (its 17
/// significant digits fit in 20 decimals), which covers every coordinate but the tiniest;
/// within 10⁻²⁰ below that.
pub fn exact(x: f64, min_decimals: u32) -> String {
    (min_decimals..20)
        .map(|d| short(x, d))
        .find(|s| parse(s) == Some(x))
        .unwrap_or_else(|| short(x, 20))
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

// Exact decimal reading and writing: a small big-integer type.
mod big;
