//! A display-list path as SVG path data (`M x y L x y … Z`, circles as two half arcs), so that
//! the canvas backend builds a `Path2D` from one string instead of one call into JavaScript per
//! point (at the first frame, 40,000 calls for the built-in set; 720,000 for the world file).
//!
//! Numbers are written in fixed point with [`DECIMALS`] decimals, trailing zeros dropped: in
//! world units (the projection's, about ±3) that is a twentieth of a device pixel at the deepest
//! zoom of a 4K screen (64×, about 45,000 device px per unit), and finer than the links' own
//! `f32` points. A point that is not finite is left out, as a canvas ignores `lineTo(NaN, …)`.

use crate::display_list::PathEl;

/// Decimals written.
pub const DECIMALS: u32 = 6;

/// Coordinates are clamped to this magnitude (far outside any canvas).
const LIMIT: f64 = 1e11;

/// The path as SVG path data (circles' radii as given: a screen-space layer's).
pub fn path_data(path: &[PathEl]) -> String {
    path_data_in(path, 1.0)
}

/// The path as SVG path data in a space of `px_per_unit` CSS px per unit: a circle's radius,
/// always in CSS px (see [`PathEl::Circle`]), is written in the path's units (for a world-space
/// layer, `px_per_unit` is the viewport's scale).
pub fn path_data_in(path: &[PathEl], px_per_unit: f64) -> String {
    // Written as ASCII bytes (pushing `char`s encodes each as UTF-8: half the time of the first
    // frame's paths went there).
    let mut s = Vec::with_capacity(path.len() * 18);
    for el in path {
        match *el {
            PathEl::MoveTo([x, y]) => command(&mut s, b'M', &[x, y]),
            PathEl::LineTo([x, y]) => command(&mut s, b'L', &[x, y]),
            PathEl::Close => s.push(b'Z'),
            PathEl::Circle([x, y], r) => {
                let r = r / px_per_unit;
                if [x, y, r].iter().all(|v| v.is_finite()) {
                    command(&mut s, b'M', &[x + r, y]);
                    // Two half circles, clockwise on the canvas (as `arc` from 0 to τ draws).
                    command(&mut s, b'A', &[r, r, 0.0, 1.0, 1.0, x - r, y]);
                    command(&mut s, b'A', &[r, r, 0.0, 1.0, 1.0, x + r, y]);
                }
            }
        }
    }
    // Only ASCII was written.
    String::from_utf8(s).unwrap_or_default()
}

fn command(s: &mut Vec<u8>, c: u8, values: &[f64]) {
    if values.iter().any(|v| !v.is_finite()) {
        return;
    }
    s.push(c);
    for (i, &v) in values.iter().enumerate() {
        if i > 0 {
            s.push(b' ');
        }
        fixed(s, v);
    }
}

/// `10^DECIMALS`.
const SCALE: u64 = 10u64.pow(DECIMALS);

/// Writes `v` rounded to [`DECIMALS`] decimals, without trailing zeros.
fn fixed(s: &mut Vec<u8>, v: f64) {
    let n = (v.clamp(-LIMIT, LIMIT) * SCALE as f64).round() as i64;
    if n < 0 {
        s.push(b'-');
    }
    let n = n.unsigned_abs();
    // The integer's digits, right to left.
    let mut int = n / SCALE;
    let mut buf = [b'0'; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (int % 10) as u8;
        int /= 10;
        if int == 0 {
            break;
        }
    }
    s.extend_from_slice(&buf[i..]);
    let mut frac = n % SCALE;
    if frac == 0 {
        return;
    }
    // The fraction's digits with leading zeros, then without trailing ones.
    let mut digits = [b'0'; DECIMALS as usize];
    for d in digits.iter_mut().rev() {
        *d = b'0' + (frac % 10) as u8;
        frac /= 10;
    }
    let end = digits.iter().rposition(|&d| d != b'0').map_or(0, |p| p + 1);
    s.push(b'.');
    s.extend_from_slice(&digits[..end]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_paths() {
        let p = [
            PathEl::MoveTo([1.5, -2.0]),
            PathEl::LineTo([0.000_001, 123.456_789_01]),
            PathEl::LineTo([f64::NAN, 1.0]),
            PathEl::Close,
            PathEl::Circle([10.0, 20.0], 2.5),
        ];
        assert_eq!(
            path_data(&p),
            "M1.5 -2L0.000001 123.456789Z\
             M12.5 20A2.5 2.5 0 1 1 7.5 20A2.5 2.5 0 1 1 12.5 20"
        );
        assert_eq!(path_data(&[PathEl::MoveTo([-0.05, 0.0])]), "M-0.05 0");
    }

    #[test]
    fn a_circle_in_world_units_keeps_its_radius_in_px() {
        let c = [PathEl::Circle([1.0, 2.0], 2.5)];
        // 100 px per unit: 2.5 px is 0.025 units.
        assert_eq!(
            path_data_in(&c, 100.0),
            "M1.025 2A0.025 0.025 0 1 1 0.975 2A0.025 0.025 0 1 1 1.025 2"
        );
        assert_eq!(path_data_in(&c, 0.0), "", "no scale, no circle");
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Every number reads back within half a unit of the last decimal.
        #[test]
        fn numbers_read_back(x in -1e6f64..1e6, y in -4.0f64..4.0) {
            let d = path_data(&[PathEl::LineTo([x, y])]);
            let (a, b) = d[1..].split_once(' ').expect("two numbers");
            let tol = 0.5e-6 + 1e-15 * x.abs().max(1.0) * 1e6;
            proptest::prop_assert!((a.parse::<f64>().expect("x") - x).abs() <= tol, "{d}");
            proptest::prop_assert!((b.parse::<f64>().expect("y") - y).abs() <= 0.5e-6 + 1e-12, "{d}");
        }
    }
}
