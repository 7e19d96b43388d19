//! The world basemap: Natural Earth countries (public domain) from npm `world-atlas`, converted
//! by `node tools/basemap.mjs` into a compact binary embedded in the crate.
//!
//! # Format (`data/basemap-*.bin`, version 1)
//! Integers are LEB128 varints; signed ones zigzag-encoded; floats little-endian f64.
//! - magic `SDBM`, version byte `1`;
//! - quantization: `scale_x, scale_y, translate_x, translate_y` (f64), as TopoJSON's transform;
//! - arcs: count, then per arc a point count and its delta-encoded quantized `(dx, dy)` pairs;
//! - countries: count, then per country its ISO 3166-1 numeric id (0 if none), its name
//!   (length-prefixed UTF-8) and its polygons: count, rings per polygon, arc references per
//!   ring (signed: `!i` means arc `i` reversed, as in TopoJSON).

use crate::lonlat::LonLat;

/// The 1:110m basemap built into the binary.
pub const BASEMAP_110M: &[u8] = include_bytes!("../data/basemap-110m.bin");

/// One country: its polygons, each a list of rings (the first the outer ring).
#[derive(Clone, Debug, PartialEq)]
pub struct CountryShape {
    /// ISO 3166-1 numeric code, 0 when Natural Earth gives none.
    pub numeric: u16,
    /// Natural Earth's name.
    pub name: String,
    /// Polygons as rings of arc references (see the module format notes).
    pub polygons: Vec<Vec<Vec<i32>>>,
}

/// A country given as plain polygons: ISO numeric code, name, polygons of rings of positions.
pub type PolygonCountry = (u16, String, Vec<Vec<Vec<LonLat>>>);
/// A country given as rings of arc references: ISO numeric code, name, polygons.
pub type TopologyCountry = (u16, String, Vec<Vec<Vec<i32>>>);

/// A decoded basemap: shared arcs and the countries built from them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Basemap {
    /// Arcs as lon/lat polylines, degrees.
    pub arcs: Vec<Vec<LonLat>>,
    /// Countries.
    pub countries: Vec<CountryShape>,
}

/// Why a basemap could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, DecodeError> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or_else(|| DecodeError(format!("truncated at byte {}", self.pos)))?;
        self.pos += 1;
        Ok(b)
    }
    fn varint(&mut self) -> Result<u64, DecodeError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(DecodeError(format!("varint too long at byte {}", self.pos)))
    }
    fn count(&mut self, what: &str) -> Result<usize, DecodeError> {
        let n = self.varint()? as usize;
        // A count can never exceed the bytes left (each item takes at least one byte).
        if n > self.bytes.len() - self.pos {
            return Err(DecodeError(format!(
                "{what} count {n} too large at byte {}",
                self.pos
            )));
        }
        Ok(n)
    }
    fn zigzag(&mut self) -> Result<i64, DecodeError> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
    /// One arc: a point count and delta-encoded quantized points, dequantized with
    /// `[scale_x, scale_y, translate_x, translate_y]`. Deltas that overflow and points that are
    /// not finite reject the file.
    fn arc(&mut self, [sx, sy, tx, ty]: [f64; 4]) -> Result<Vec<LonLat>, DecodeError> {
        let n = self.count("point")?;
        let (mut x, mut y) = (0i64, 0i64);
        let mut arc = Vec::with_capacity(n);
        for _ in 0..n {
            let overflow = |pos| DecodeError(format!("coordinate overflows at byte {pos}"));
            x = x
                .checked_add(self.zigzag()?)
                .ok_or_else(|| overflow(self.pos))?;
            y = y
                .checked_add(self.zigzag()?)
                .ok_or_else(|| overflow(self.pos))?;
            let p = LonLat::new(x as f64 * sx + tx, y as f64 * sy + ty);
            if !(p.lon.is_finite() && p.lat.is_finite()) {
                return Err(DecodeError(format!(
                    "point not finite at byte {}",
                    self.pos
                )));
            }
            arc.push(p);
        }
        Ok(arc)
    }
    fn f64(&mut self) -> Result<f64, DecodeError> {
        let mut b = [0u8; 8];
        for x in b.iter_mut() {
            *x = self.byte()?;
        }
        Ok(f64::from_le_bytes(b))
    }
}

impl Basemap {
    /// Decodes the binary format described in the module docs.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut r = Reader { bytes, pos: 0 };
        if bytes.get(0..4) != Some(b"SDBM".as_slice()) {
            return Err(DecodeError("not a basemap (magic)".into()));
        }
        r.pos = 4;
        let version = r.byte()?;
        if version != 1 {
            return Err(DecodeError(format!("unsupported version {version}")));
        }
        let (sx, sy, tx, ty) = (r.f64()?, r.f64()?, r.f64()?, r.f64()?);
        if ![sx, sy, tx, ty].iter().all(|v| v.is_finite()) {
            return Err(DecodeError("quantization is not finite".into()));
        }
        let n_arcs = r.count("arc")?;
        let mut arcs = Vec::with_capacity(n_arcs);
        for _ in 0..n_arcs {
            arcs.push(r.arc([sx, sy, tx, ty])?);
        }
        let n_countries = r.count("country")?;
        let mut countries = Vec::with_capacity(n_countries);
        for _ in 0..n_countries {
            let numeric = u16::try_from(r.varint()?)
                .map_err(|_| DecodeError("country id out of range".into()))?;
            let len = r.count("name")?;
            let name = String::from_utf8(bytes[r.pos..r.pos + len].to_vec())
                .map_err(|_| DecodeError("name is not UTF-8".into()))?;
            r.pos += len;
            let mut polygons = Vec::new();
            for _ in 0..r.count("polygon")? {
                let mut rings = Vec::new();
                for _ in 0..r.count("ring")? {
                    let mut ring = Vec::new();
                    for _ in 0..r.count("arc ref")? {
                        let a = r.zigzag()?;
                        let idx = if a < 0 { !a } else { a };
                        if idx as usize >= arcs.len() {
                            return Err(DecodeError(format!("arc {idx} out of range")));
                        }
                        ring.push(a as i32);
                    }
                    rings.push(ring);
                }
                polygons.push(rings);
            }
            countries.push(CountryShape {
                numeric,
                name,
                polygons,
            });
        }
        Ok(Self { arcs, countries })
    }

    /// A basemap from plain polygons (GeoJSON-like): every ring becomes its own arc, so all
    /// outlines draw as coastlines (no shared borders are known).
    pub fn from_polygons(countries: Vec<PolygonCountry>) -> Self {
        let mut arcs = Vec::new();
        let mut shapes = Vec::new();
        for (numeric, name, polygons) in countries {
            let mut polys = Vec::new();
            for rings in polygons {
                let mut refs = Vec::new();
                for ring in rings.into_iter().filter(|r| r.len() >= 3) {
                    refs.push(vec![arcs.len() as i32]);
                    arcs.push(ring);
                }
                if !refs.is_empty() {
                    polys.push(refs);
                }
            }
            shapes.push(CountryShape {
                numeric,
                name,
                polygons: polys,
            });
        }
        Self {
            arcs,
            countries: shapes,
        }
    }

    /// A basemap from a topology (TopoJSON-like) whose arcs are already decoded to lon/lat.
    /// Arc references out of range are dropped.
    pub fn from_topology(arcs: Vec<Vec<LonLat>>, countries: Vec<TopologyCountry>) -> Self {
        let n = arcs.len() as i32;
        let ok = |a: &i32| (if *a < 0 { !*a } else { *a }) < n;
        let countries = countries
            .into_iter()
            .map(|(numeric, name, polygons)| CountryShape {
                numeric,
                name,
                polygons: polygons
                    .into_iter()
                    .map(|rings| {
                        rings
                            .into_iter()
                            .filter(|r| !r.is_empty() && r.iter().all(ok))
                            .collect()
                    })
                    .collect(),
            })
            .collect();
        Self { arcs, countries }
    }

    /// The ring's points in order, following arcs (reversed ones backwards) and dropping the
    /// duplicated joint between consecutive arcs.
    pub fn ring_points(&self, ring: &[i32]) -> Vec<LonLat> {
        let mut out: Vec<LonLat> = Vec::new();
        for &a in ring {
            let (idx, rev) = if a < 0 {
                ((!a) as usize, true)
            } else {
                (a as usize, false)
            };
            let arc = &self.arcs[idx];
            let skip = usize::from(!out.is_empty());
            if rev {
                out.extend(arc.iter().rev().skip(skip));
            } else {
                out.extend(arc.iter().skip(skip));
            }
        }
        out
    }

    /// Whether a position lies inside a country's polygons (even-odd rule in lon/lat, adequate
    /// away from the poles and the antimeridian-crossing rings of Russia and Fiji).
    pub fn contains(&self, country: &CountryShape, p: LonLat) -> bool {
        country.polygons.iter().any(|rings| {
            rings
                .iter()
                .filter(|ring| point_in_ring(&self.ring_points(ring), p))
                .count()
                % 2
                == 1
        })
    }
}

/// Whether `p` lies inside a closed ring (crossing count in lon/lat).
pub(crate) fn point_in_ring(ring: &[LonLat], p: LonLat) -> bool {
    let mut inside = false;
    let n = ring.len();
    for i in 0..n {
        let a = ring[i];
        let b = ring[(i + n - 1) % n];
        if (a.lat > p.lat) != (b.lat > p.lat) {
            let x = a.lon + (p.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon);
            if p.lon < x {
                inside = !inside;
            }
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_basemap_decodes() {
        let m = Basemap::decode(BASEMAP_110M).expect("decodes");
        assert_eq!(m.countries.len(), 177);
        let china = m
            .countries
            .iter()
            .find(|c| c.numeric == 156)
            .expect("China");
        assert!(
            m.contains(china, LonLat::new(116.9972, 36.6683)),
            "Jinan in China"
        );
        assert!(
            !m.contains(china, LonLat::new(130.9371, 33.9555)),
            "Shimonoseki not"
        );
        let japan = m
            .countries
            .iter()
            .find(|c| c.numeric == 392)
            .expect("Japan");
        assert!(
            m.contains(japan, LonLat::new(139.69, 35.69)),
            "Tokyo in Japan"
        );
    }

    /// A header and one arc of the given zigzag-encoded deltas.
    fn one_arc(header: [f64; 4], deltas: &[u64]) -> Vec<u8> {
        let mut b = b"SDBM\x01".to_vec();
        for v in header {
            b.extend(v.to_le_bytes());
        }
        let varint = |mut v: u64, b: &mut Vec<u8>| loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                b.push(byte);
                break;
            }
            b.push(byte | 0x80);
        };
        varint(1, &mut b); // one arc
        varint(deltas.len() as u64 / 2, &mut b);
        for &d in deltas {
            varint(d, &mut b);
        }
        varint(0, &mut b); // no countries
        b
    }

    #[test]
    fn rejects_overflowing_deltas() {
        let ok = [1.0, 1.0, 0.0, 0.0];
        assert!(Basemap::decode(&one_arc(ok, &[2, 2, 4, 4])).is_ok());
        // i64::MAX then +1 in x (zigzag: 2n for n >= 0).
        let e = Basemap::decode(&one_arc(ok, &[u64::MAX - 1, 0, 2, 0])).expect_err("overflow");
        assert!(e.0.contains("overflows"), "{e:?}");
        // i64::MIN then -1 in y (zigzag: 2|n| - 1 for n < 0).
        let e = Basemap::decode(&one_arc(ok, &[0, u64::MAX, 0, 1])).expect_err("overflow");
        assert!(e.0.contains("overflows"), "{e:?}");
    }

    #[test]
    fn rejects_non_finite_headers_and_points() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            for i in 0..4 {
                let mut h = [1.0, 1.0, 0.0, 0.0];
                h[i] = bad;
                assert!(Basemap::decode(&one_arc(h, &[2, 2])).is_err(), "{h:?}");
            }
        }
        // Finite header, but the point overflows f64.
        let e = Basemap::decode(&one_arc([1e300, 1.0, 0.0, 0.0], &[u64::MAX - 1, 0]));
        assert!(e.is_err());
    }

    #[test]
    fn rejects_garbage() {
        assert!(Basemap::decode(b"nope").is_err());
        let mut truncated = BASEMAP_110M.to_vec();
        truncated.truncate(1000);
        assert!(Basemap::decode(&truncated).is_err());
    }
}
