//! The land of the Shandong close-up: Natural Earth 1:10m land (public domain, via npm
//! `world-atlas` 2.0.2) clipped to a box around Shandong and simplified by
//! `tools/shandong_coast.mjs` into `data/shandong-coast.bin`. Coast only: the data holds no
//! national or provincial boundary.

use crate::lonlat::LonLat;

/// The box the data covers (degrees): west, south, east, north.
pub const BOX: [f64; 4] = [114.0, 34.0, 123.5, 38.6];
/// Grid step of the data, degrees.
const QUANTUM_DEG: f64 = 0.005;
/// The encoded land rings (see `tools/shandong_coast.mjs` for the format).
const DATA: &[u8] = include_bytes!("../../data/shandong-coast.bin");

/// Reads one LEB128 varint at `*at`, advancing it.
fn varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

fn zigzag(v: u64) -> i64 {
    (v >> 1) as i64 ^ -((v & 1) as i64)
}

/// Decodes rings of land from the format of `tools/shandong_coast.mjs`; `None` if malformed.
pub fn decode(bytes: &[u8]) -> Option<Vec<Vec<LonLat>>> {
    let mut at = 4;
    if bytes.get(..4)? != b"SDC1" {
        return None;
    }
    let rings = varint(bytes, &mut at)?;
    let mut out = Vec::new();
    for _ in 0..rings {
        let n = varint(bytes, &mut at)?;
        let (mut x, mut y) = (0i64, 0i64);
        let mut ring = Vec::new();
        for _ in 0..n {
            x += zigzag(varint(bytes, &mut at)?);
            y += zigzag(varint(bytes, &mut at)?);
            ring.push(LonLat::new(
                BOX[0] + x as f64 * QUANTUM_DEG,
                BOX[1] + y as f64 * QUANTUM_DEG,
            ));
        }
        out.push(ring);
    }
    (at == bytes.len()).then_some(out)
}

/// The embedded land rings (closed implicitly, in lon/lat degrees; empty if the data were
/// malformed, which a test rules out).
pub fn land() -> Vec<Vec<LonLat>> {
    decode(DATA).unwrap_or_default()
}

/// Whether the segment `a`–`b` runs along the box's edge (where the clip cut the land): such
/// segments are not coastline and are not stroked.
pub fn on_box_edge(a: LonLat, b: LonLat) -> bool {
    let eps = QUANTUM_DEG / 2.0;
    let same = |u: f64, v: f64, edge: f64| (u - edge).abs() < eps && (v - edge).abs() < eps;
    same(a.lon, b.lon, BOX[0])
        || same(a.lon, b.lon, BOX[2])
        || same(a.lat, b.lat, BOX[1])
        || same(a.lat, b.lat, BOX[3])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_land_decodes_and_stays_in_its_box() {
        let rings = land();
        assert!(!rings.is_empty());
        for r in &rings {
            assert!(r.len() >= 3);
            for p in r {
                assert!((BOX[0] - 1e-9..=BOX[2] + 1e-9).contains(&p.lon), "{p:?}");
                assert!((BOX[1] - 1e-9..=BOX[3] + 1e-9).contains(&p.lat), "{p:?}");
            }
        }
        // The Shandong peninsula's tip, Chengshan Jiao (122.7°E, 37.4°N), is on the coast: some
        // vertex lies within 0.05° of it; the sea off Qingdao (121°E, 35.5°N) is no vertex's.
        let near = |lon: f64, lat: f64, d: f64| {
            rings
                .iter()
                .flatten()
                .any(|p| (p.lon - lon).abs() < d && (p.lat - lat).abs() < d)
        };
        assert!(near(122.7, 37.4, 0.05));
        assert!(!near(121.0, 35.5, 0.3));
    }

    #[test]
    fn malformed_data_is_refused() {
        assert_eq!(decode(b"SDC1"), None);
        assert_eq!(decode(b"XXXX\x00"), None);
        assert_eq!(decode(b"SDC1\x01\x02\x00"), None, "truncated ring");
        assert_eq!(decode(b"SDC1\x00\x00"), None, "trailing bytes");
        assert_eq!(decode(b"SDC1\x00"), Some(vec![]));
        let one = decode(b"SDC1\x01\x01\x02\x01").expect("one point");
        assert_eq!(one, vec![vec![LonLat::new(114.005, 33.995)]]);
    }

    #[test]
    fn box_edges_are_told_from_coast() {
        let a = LonLat::new(114.0, 35.0);
        assert!(on_box_edge(a, LonLat::new(114.0, 36.0)));
        assert!(!on_box_edge(a, LonLat::new(114.2, 36.0)));
        assert!(on_box_edge(
            LonLat::new(120.0, 38.6),
            LonLat::new(121.0, 38.6)
        ));
    }
}
