//! Fuzzing every parser of the crate on stable Rust (see `fuzz_common`): the built-in format's CSV
//! parser, imports in both layouts, JSON entries, the URL query, numbers against std, dates, the
//! binary basemap decoder, and basemaps from polygons and topologies (the core part of GeoJSON
//! and TopoJSON basemaps; their JSON walking is in the web layer). Beyond "no panic", each target
//! checks what its parser promises: errors in line order, exports that import back, queries that
//! read back, numbers as std reads and writes them.
//!
//! The bounded run (fixed seeds) takes about a minute in a debug build on 2 cores; longer runs:
//! `scripts/fuzz.sh`.
#![cfg(not(target_arch = "wasm32"))]

mod fuzz_common;

use fuzz_common::{fuzz, Rng};
use shandong_friendship_map::data::dataset::PARTNERSHIPS_CSV;
use shandong_friendship_map::data::{Dataset, ImportOptions, Mapping};
use shandong_friendship_map::export::to_csv;
use shandong_friendship_map::import::{import_bytes, import_csv, ImportReport, Preset};
use shandong_friendship_map::json_entry::entries_from_json;
use std::sync::OnceLock;

/// An empty dataset, built once (its country table takes a while in a debug build).
fn empty() -> Dataset {
    static EMPTY: OnceLock<Dataset> = OnceLock::new();
    EMPTY.get_or_init(Dataset::default).clone()
}

/// Small files cut from the built-in data: the header and a few rows, with each line end.
fn csv_corpus() -> Vec<Vec<u8>> {
    let lines: Vec<&str> = PARTNERSHIPS_CSV.lines().collect();
    let mut rng = Rng::new(7);
    let mut out = Vec::new();
    for end in ["\n", "\r\n", "\r"] {
        for _ in 0..8 {
            let mut text = String::from(lines[0]);
            text.push_str(end);
            for _ in 0..1 + rng.below(4) {
                text.push_str(lines[1 + rng.below(lines.len() - 1)]);
                text.push_str(end);
            }
            out.push(text.into_bytes());
        }
    }
    out
}

/// Errors in line order, ties at lines of their own, nothing beyond the file's end.
fn check_report(text: &[u8], d: &Dataset, before: usize, r: &ImportReport) {
    let lines = text.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64 + 1;
    assert!(
        r.errors.windows(2).all(|w| w[0].line <= w[1].line),
        "errors out of order"
    );
    assert!(
        r.errors.iter().all(|e| e.line <= lines),
        "an error past the end"
    );
    assert_eq!(r.loaded + before, d.ties.len());
    if r.refused {
        assert_eq!((r.loaded, r.errors.len()), (0, 1));
    }
    let mut seen: Vec<u64> = d.ties[before..].iter().map(|t| t.line).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), r.loaded, "two ties at one line");
}

/// The loaded ties export and import back to as many ties, without errors.
fn check_round_trip(d: &Dataset) {
    let text = to_csv(d, &vec![true; d.ties.len()]);
    let mut back = empty();
    let r = import_csv(&mut back, &text, "export.csv", Preset::Standard, 2026);
    assert!(
        r.errors.is_empty(),
        "export does not import back: {:?}\n{text}",
        r.errors
    );
    assert_eq!(back.ties.len(), d.ties.len());
    for (a, b) in d.ties.iter().zip(&back.ties) {
        assert_eq!(
            (a.from, a.to, &a.record.partner),
            (b.from, b.to, &b.record.partner)
        );
    }
}

#[test]
fn csv_dataset_parser() {
    let strict = ImportOptions {
        mapping: Mapping::strict(),
        country_names: false,
    };
    fuzz("csv_dataset", &csv_corpus(), 10_000, |bytes| {
        let text = String::from_utf8_lossy(bytes);
        let mut d = empty();
        let errors = d.add_csv(&text, 2026, &strict);
        assert!(
            errors.windows(2).all(|w| w[0].line <= w[1].line),
            "errors out of order"
        );
        assert!(d.ties.iter().all(|t| t.line >= 2));
    });
}

fn import_target(name: &str, preset: Preset, corpus: Vec<Vec<u8>>, count: u64) {
    fuzz(name, &corpus, count, |bytes| {
        let mut d = empty();
        let r = import_bytes(&mut d, bytes, "f", preset, 2026, entries_from_json);
        check_report(bytes, &d, 0, &r);
        if r.loaded > 0 {
            check_round_trip(&d);
        }
    });
}

#[test]
fn import_standard_layout() {
    let mut corpus = csv_corpus();
    corpus.push(
        "partner,shandong_city,shandong_city_zh,origin_lat,origin_lon,partner_zh,country,level,kind,lat,lon,source,signed_by,notes\n\
          =A,Berlin,柏林,52.5,13.4,甲,Germany,city,sister,-8.72,-9.1,https://e.org/a,,'=n\n\
          B,Qingdao,青岛市,,,乙,JP,province,friendly,33.1,131.2,https://e.org/b https://e.org/c,x,\n"
            .as_bytes()
            .to_vec(),
    );
    import_target("import_standard", Preset::Standard, corpus, 6_000);
}

#[test]
fn import_world_layout() {
    let corpus = vec![
        b"city1,country1,lat1,lng1,city2,country2,lat2,lng2\nBerat,Albania,40.7022,19.9583,Amasya,Turkey,40.65,35.8331\nBerat,Albania,40.7022,19.9583,Bagcilar,Turkey,41.0344,28.8564\n".to_vec(),
        b"city1,country1,lat1,lng1,city2,country2,lat2,lng2\r\nQingdao,China,36.06,120.38,Kiel,Germany,54.32,10.13\r\nJinan,China,36.67,117,Sacramento,United States,38.58,-121.49\r\n".to_vec(),
    ];
    import_target("import_world", Preset::WorldTwinCities, corpus, 6_000);
}

#[test]
fn json_entries() {
    let corpus = vec![
        r#"[{"shandong_city":"Yantai","shandong_city_zh":"烟台市","partner":"Beppu","partner_zh":"别府市","country":"JP","level":"city","kind":"sister","established":1985,"lat":33.2795,"lon":131.4914,"source":"https://e.org/x","signed_by":null}]"#.as_bytes().to_vec(),
        r#"[{"shandong_city":"Berlin","shandong_city_zh":"柏林","origin_lat":52.5,"origin_lon":13.4,"partner":"=x","partner_zh":"y","country":"Portugal","level":"province","kind":"friendly","lat":"-8.7","lon":-9,"source":"https://e.org/y"}, 5, [1], true, {"partner": {"a": 1}}]"#.as_bytes().to_vec(),
        b"{\"a\": 1}".to_vec(),
        b"[]".to_vec(),
    ];
    fuzz("json_entries", &corpus, 8_000, |bytes| {
        let mut d = empty();
        let r = import_bytes(
            &mut d,
            bytes,
            "f.json",
            Preset::Standard,
            2026,
            entries_from_json,
        );
        assert!(r.errors.windows(2).all(|w| w[0].line <= w[1].line));
        if r.loaded > 0 {
            check_round_trip(&d);
        }
    });
}

#[test]
fn url_query() {
    use shandong_friendship_map::data::builtin_regions;
    use shandong_friendship_map::url_state::{from_query, to_query};
    let regions = builtin_regions();
    let origins = Dataset::builtin().origins;
    let corpus: Vec<Vec<u8>> = [
        "years=2000-2020&unknown=0&regions=europe,sco&cities=Qingdao,%E6%B5%8E%E5%8D%97%E5%B8%82",
        "asof=2013&kinds=sister&levels=province&proj=globe&sel=Weihai&view=2.5,120.1,36.2",
        "?kinds=sister,friendly&levels=city,province&view=1,-180,90&x=%zz%&+&=",
        "years=1973-2026&proj=equirectangular&view=64,180,-90",
    ]
    .iter()
    .map(|q| q.as_bytes().to_vec())
    .collect();
    fuzz("url_query", &corpus, 40_000, |bytes| {
        let query = String::from_utf8_lossy(bytes);
        let (state, _) = from_query(&query, &regions, &origins, 2026);
        // What is read writes back to a query that reads as the same state, with no warning.
        let again = to_query(&state, &origins);
        let (back, warnings) = from_query(&again, &regions, &origins, 2026);
        assert!(warnings.is_empty(), "{again}: {warnings:?}");
        // `unknown` only matters with a year filter, and is written only then.
        let norm = |mut f: shandong_friendship_map::filter::Filter| {
            if f.years == shandong_friendship_map::filter::Years::All {
                f.unknown_year = true;
            }
            f
        };
        assert_eq!(norm(back.filter), norm(state.filter), "{again}");
        assert_eq!(
            (back.projection, back.selected),
            (state.projection, state.selected)
        );
        assert_eq!(back.view.is_some(), state.view.is_some(), "{again}");
    });
}

/// Significant digits of a decimal string (leading zeros excluded).
fn significant_digits(s: &str) -> usize {
    let mantissa = s.split(['e', 'E']).next().unwrap_or("");
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').len()
}

#[test]
fn numbers_against_std() {
    use shandong_friendship_map::number::{exact, fixed, parse};
    let corpus: Vec<Vec<u8>> = [
        "34.1833",
        "-104.6091",
        "0e400",
        "1.7976931348623157e308",
        "5e-324",
        "2.5E-3",
        "+7.",
        ".5",
        "1e22",
        "9007199254740993",
        "0.30000000000000004",
        "-0",
        "1e-400",
        "123456789012345678901234567890",
        "2.2250738585072011e-308",
    ]
    .iter()
    .map(|q| q.as_bytes().to_vec())
    .collect();
    fuzz("numbers", &corpus, 120_000, |bytes| {
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
    });
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

#[test]
fn dates() {
    use shandong_friendship_map::data::record::parse_date;
    let corpus: Vec<Vec<u8>> = [
        "1979",
        "1979-10",
        "1979-10-03",
        "2024-02-29",
        "2023-02-29",
        "1972",
        "2026-12-31",
    ]
    .iter()
    .map(|q| q.as_bytes().to_vec())
    .collect();
    fuzz("dates", &corpus, 80_000, |bytes| {
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
    });
}

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
        encode_basemap([0.01, 0.01, 100.0, 20.0], std::slice::from_ref(&square), &[0]),
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
