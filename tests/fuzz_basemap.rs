//! Fuzzing the basemap on stable Rust (see `fuzz_common`): the binary decoder (small files and the
//! real 1:110m one, mutated), and basemaps built from polygons and topologies, drawn through every
//! projection and style. These are the core part of office GeoJSON/TopoJSON basemaps; walking the
//! parsed JSON itself is done by the web layer (`src/web/basemap_json.rs`, wasm32 only).
#![cfg(not(target_arch = "wasm32"))]

mod fuzz_common;

use fuzz_common::fuzz;

/// Reads a fuzzer's bytes as a stream of choices (zeros once they run out).
struct Choices<'a>(&'a [u8], usize);

impl Choices<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.0.get(self.1).copied().unwrap_or(0);
        self.1 += 1;
        b
    }
    fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n.max(1)
    }
    /// A coordinate: mostly ordinary degrees, sometimes NaN, infinite or huge.
    fn coord(&mut self, limit: f64) -> f64 {
        match self.byte() {
            0 => f64::NAN,
            1 => f64::INFINITY,
            2 => -1e308,
            3 => limit,
            4 => -limit,
            b => (f64::from(b) * 97.0 + f64::from(self.byte())) % (2.0 * limit) - limit,
        }
    }
}

/// A small basemap in the binary format, with the given arcs (quantized points) and one
/// country referencing `refs`.
fn encode_basemap(header: [f64; 4], arcs: &[Vec<(i64, i64)>], refs: &[i64]) -> Vec<u8> {
    fn varint(mut v: u64, b: &mut Vec<u8>) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                b.push(byte);
                return;
            }
            b.push(byte | 0x80);
        }
    }
    let zigzag = |n: i64| ((n << 1) ^ (n >> 63)) as u64;
    let mut b = b"SDBM\x01".to_vec();
    for v in header {
        b.extend(v.to_le_bytes());
    }
    varint(arcs.len() as u64, &mut b);
    for arc in arcs {
        varint(arc.len() as u64, &mut b);
        let (mut px, mut py) = (0i64, 0i64);
        for &(x, y) in arc {
            varint(zigzag(x.wrapping_sub(px)), &mut b);
            varint(zigzag(y.wrapping_sub(py)), &mut b);
            (px, py) = (x, y);
        }
    }
    varint(1, &mut b); // one country
    varint(156, &mut b);
    varint(5, &mut b);
    b.extend(b"China");
    varint(1, &mut b); // one polygon
    varint(1, &mut b); // one ring
    varint(refs.len() as u64, &mut b);
    for &r in refs {
        varint(zigzag(r), &mut b);
    }
    b
}

#[test]
fn basemap_binary_decoder() {
    use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
    use shandong_friendship_map::LonLat;
    let square = vec![(0, 0), (1000, 0), (1000, 1000), (0, 1000), (0, 0)];
    let mut corpus = vec![
        encode_basemap(
            [0.01, 0.01, 100.0, 20.0],
            std::slice::from_ref(&square),
            &[0],
        ),
        encode_basemap(
            [0.36, 0.18, -180.0, -90.0],
            &[square.clone(), vec![(0, 0), (999, 999)]],
            &[0, -2],
        ),
        encode_basemap(
            [1.0, 1.0, 0.0, 0.0],
            &[vec![(i64::MAX / 2, 0), (i64::MIN / 2, 5)]],
            &[0],
        ),
    ];
    // A piece of the real file (the whole of it is 27 KB: its header and first arcs).
    corpus.push(BASEMAP_110M[..600].to_vec());
    fuzz("basemap_binary", &corpus, 60_000, |bytes| {
        let Ok(map) = Basemap::decode(bytes) else {
            return;
        };
        for arc in &map.arcs {
            assert!(
                arc.iter().all(|p| p.lon.is_finite() && p.lat.is_finite()),
                "a point not finite"
            );
        }
        for c in &map.countries {
            for ring in c.polygons.iter().flatten() {
                let _ = map.ring_points(ring);
            }
            let _ = map.contains(c, LonLat::new(120.0, 36.0));
        }
    });
    // The whole real file, mutated (fewer runs: each decodes 27 KB).
    fuzz(
        "basemap_binary_110m",
        &[BASEMAP_110M.to_vec()],
        400,
        |bytes| {
            if let Ok(map) = Basemap::decode(bytes) {
                assert!(map
                    .arcs
                    .iter()
                    .flatten()
                    .all(|p| p.lon.is_finite() && p.lat.is_finite()));
            }
        },
    );
}

#[test]
fn basemap_shapes() {
    use shandong_friendship_map::basemap::Basemap;
    use shandong_friendship_map::globe::Globe;
    use shandong_friendship_map::projection::{Equirectangular, NaturalEarth1, Projector};
    use shandong_friendship_map::scene::{base_layers, BasemapStyle};
    use shandong_friendship_map::LonLat;
    let projectors = [
        Projector::new(Box::new(NaturalEarth1), 150.0),
        Projector::new(Box::new(Equirectangular), -30.0),
        Projector::globe(Globe {
            center_lon: 118.0,
            center_lat: 36.0,
        }),
    ];
    let corpus: Vec<Vec<u8>> = (0u8..8)
        .map(|i| {
            (0u8..64)
                .map(|j| i.wrapping_mul(31).wrapping_add(j.wrapping_mul(7)))
                .collect()
        })
        .collect();
    fuzz("basemap_shapes", &corpus, 3_000, |bytes| {
        let mut c = Choices(bytes, 0);
        let ring = |c: &mut Choices| -> Vec<LonLat> {
            (0..c.below(12))
                .map(|_| LonLat::new(c.coord(180.0), c.coord(90.0)))
                .collect()
        };
        let map = if c.byte().is_multiple_of(2) {
            let countries = (0..1 + c.below(3))
                .map(|i| {
                    let polygons = (0..c.below(3))
                        .map(|_| (0..1 + c.below(2)).map(|_| ring(&mut c)).collect())
                        .collect();
                    (
                        i as u16 * 100 + u16::from(c.byte()),
                        String::new(),
                        polygons,
                    )
                })
                .collect();
            Basemap::from_polygons(countries)
        } else {
            let arcs: Vec<Vec<LonLat>> = (0..c.below(6)).map(|_| ring(&mut c)).collect();
            let refs = |c: &mut Choices| -> Vec<i32> {
                (0..c.below(4)).map(|_| i32::from(c.byte() as i8)).collect()
            };
            let countries = (0..1 + c.below(3))
                .map(|_| {
                    let polygons = (0..c.below(3))
                        .map(|_| (0..1 + c.below(2)).map(|_| refs(&mut c)).collect())
                        .collect();
                    (u16::from(c.byte()), String::new(), polygons)
                })
                .collect();
            Basemap::from_topology(arcs, countries)
        };
        let style = [
            BasemapStyle::Countries,
            BasemapStyle::Land,
            BasemapStyle::China,
        ][c.below(3)];
        for p in &projectors {
            let _ = base_layers(&map, p, style, 1);
        }
        for country in &map.countries {
            let _ = map.contains(country, LonLat::new(c.coord(180.0), c.coord(90.0)));
        }
    });
}
