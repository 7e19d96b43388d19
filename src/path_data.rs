//! A display-list path as SVG path data (`M x y L x y … Z`, circles as two half arcs), so that
//! the canvas backend builds a `Path2D` from one string instead of one call into JavaScript per
//! point (at the first frame, 40,000 calls for the built-in set; 720,000 for the world file).
//!
//! Numbers are written in fixed point with [`DECIMALS`] decimals, trailing zeros dropped: in
//! world units (the projection's, about ±3) that is far below a device pixel at the deepest
//! zoom. A point that is not finite is left out, as a canvas ignores `lineTo(NaN, …)`.

use crate::display_list::PathEl;

/// Decimals written.
pub const DECIMALS: u32 = 7;

/// Coordinates are clamped to this magnitude (far outside any canvas).
const LIMIT: f64 = 1e11;

/// The path as SVG path data.
pub fn path_data(path: &[PathEl]) -> String {
    let mut s = String::with_capacity(path.len() * 20);
    for el in path {
        match *el {
            PathEl::MoveTo([x, y]) => command(&mut s, 'M', &[x, y]),
            PathEl::LineTo([x, y]) => command(&mut s, 'L', &[x, y]),
            PathEl::Close => s.push('Z'),
            PathEl::Circle([x, y], r) => {
                if [x, y, r].iter().all(|v| v.is_finite()) {
                    command(&mut s, 'M', &[x + r, y]);
                    // Two half circles, clockwise on the canvas (as `arc` from 0 to τ draws).
                    command(&mut s, 'A', &[r, r, 0.0, 1.0, 1.0, x - r, y]);
                    command(&mut s, 'A', &[r, r, 0.0, 1.0, 1.0, x + r, y]);
                }
            }
        }
    }
    s
}

fn command(s: &mut String, c: char, values: &[f64]) {
    if values.iter().any(|v| !v.is_finite()) {
        return;
    }
    s.push(c);
    for (i, &v) in values.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        fixed(s, v);
    }
}

/// Writes `v` rounded to [`DECIMALS`] decimals, without trailing zeros.
fn fixed(s: &mut String, v: f64) {
    let scale = 10u64.pow(DECIMALS);
    let n = (v.clamp(-LIMIT, LIMIT) * scale as f64).round() as i64;
    if n < 0 {
        s.push('-');
    }
    let n = n.unsigned_abs();
    digits(s, n / scale, 1);
    let mut frac = n % scale;
    if frac == 0 {
        return;
    }
    s.push('.');
    let mut width = DECIMALS;
    while frac.is_multiple_of(10) {
        frac /= 10;
        width -= 1;
    }
    digits(s, frac, width);
}

/// Writes `n` in decimal with at least `width` digits (zeros in front).
fn digits(s: &mut String, mut n: u64, width: u32) {
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    while n > 0 || buf.len() - i < width as usize {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    s.extend(buf[i..].iter().map(|&b| b as char));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_paths() {
        let p = [
            PathEl::MoveTo([1.5, -2.0]),
            PathEl::LineTo([0.000_000_1, 123.456_789_01]),
            PathEl::LineTo([f64::NAN, 1.0]),
            PathEl::Close,
            PathEl::Circle([10.0, 20.0], 2.5),
        ];
        assert_eq!(
            path_data(&p),
            "M1.5 -2L0.0000001 123.456789Z\
             M12.5 20A2.5 2.5 0 1 1 7.5 20A2.5 2.5 0 1 1 12.5 20"
        );
        assert_eq!(path_data(&[PathEl::MoveTo([-0.05, 0.0])]), "M-0.05 0");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Every number reads back within half a unit of the last decimal.
        #[test]
        fn numbers_read_back(x in -1e6f64..1e6, y in -4.0f64..4.0) {
            let d = path_data(&[PathEl::LineTo([x, y])]);
            let (a, b) = d[1..].split_once(' ').expect("two numbers");
            let tol = 0.5e-7 + 1e-15 * x.abs().max(1.0) * 1e7;
            proptest::prop_assert!((a.parse::<f64>().expect("x") - x).abs() <= tol, "{d}");
            proptest::prop_assert!((b.parse::<f64>().expect("y") - y).abs() <= 0.5e-7 + 1e-12, "{d}");
        }
    }
}
