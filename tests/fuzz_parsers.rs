//! Fuzzing the text parsers on stable Rust (see `fuzz_common`): the built-in format's CSV parser,
//! imports in both layouts, JSON entries and the URL query. Beyond "no panic", each target checks
//! what its parser promises: errors in line order, exports that import back, queries that read
//! back. (Numbers and dates: `fuzz_values.rs`; basemaps: `fuzz_basemap.rs`; the map's state:
//! `fuzz_map_state.rs`. Longer runs: `scripts/fuzz.sh`.)
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
