//! The basemap: the binary decoder (a decoded file has finite points and arc references in
//! range), and basemaps built from polygons and topologies with any coordinates (NaN and infinite
//! too), drawn through every projection and style. These are the core part of office
//! GeoJSON/TopoJSON basemaps; walking the parsed JSON is the web layer's (wasm32 only).

use super::choices::Choices;
use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::globe::Globe;
use shandong_friendship_map::projection::{Equirectangular, NaturalEarth1, Projector};
use shandong_friendship_map::scene::{base_layers, BasemapStyle};
use shandong_friendship_map::LonLat;

/// A small basemap in the binary format, with the given arcs (quantized points) and one
/// country referencing `refs` (for seed inputs).
pub fn encode_basemap(header: [f64; 4], arcs: &[Vec<(i64, i64)>], refs: &[i64]) -> Vec<u8> {
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
    // One country, China (156), with one polygon of one ring.
    for v in [1, 156, 5] {
        varint(v, &mut b);
    }
    b.extend(b"China");
    for v in [1, 1, refs.len() as u64] {
        varint(v, &mut b);
    }
    for &r in refs {
        varint(zigzag(r), &mut b);
    }
    b
}

/// The binary decoder: refuses or yields finite points whose rings can be walked.
pub fn basemap_binary(bytes: &[u8]) {
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
}

/// A ring of up to 11 positions, any of them NaN, infinite or out of range.
fn ring(c: &mut Choices) -> Vec<LonLat> {
    (0..c.below(12))
        .map(|_| LonLat::new(c.coord(180.0), c.coord(90.0)))
        .collect()
}

/// A basemap from plain polygons or from a topology (arc references in or out of range).
fn shapes(c: &mut Choices) -> Basemap {
    if c.byte().is_multiple_of(2) {
        let countries = (0..1 + c.below(3))
            .map(|i| {
                let polygons = (0..c.below(3))
                    .map(|_| (0..1 + c.below(2)).map(|_| ring(c)).collect())
                    .collect();
                (
                    i as u16 * 100 + u16::from(c.byte()),
                    String::new(),
                    polygons,
                )
            })
            .collect();
        return Basemap::from_polygons(countries);
    }
    let arcs: Vec<Vec<LonLat>> = (0..c.below(6)).map(|_| ring(c)).collect();
    let refs = |c: &mut Choices| -> Vec<i32> {
        (0..c.below(4)).map(|_| i32::from(c.byte() as i8)).collect()
    };
    let countries = (0..1 + c.below(3))
        .map(|_| {
            let polygons = (0..c.below(3))
                .map(|_| (0..1 + c.below(2)).map(|_| refs(c)).collect())
                .collect();
            (u16::from(c.byte()), String::new(), polygons)
        })
        .collect();
    Basemap::from_topology(arcs, countries)
}

/// Basemaps from shapes, drawn through every projection in a style, and points tested in them.
pub fn basemap_shapes(bytes: &[u8]) {
    let projectors = [
        Projector::new(Box::new(NaturalEarth1), 150.0),
        Projector::new(Box::new(Equirectangular), -30.0),
        Projector::globe(Globe {
            center_lon: 118.0,
            center_lat: 36.0,
        }),
    ];
    let mut c = Choices(bytes, 0);
    let map = shapes(&mut c);
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
}
