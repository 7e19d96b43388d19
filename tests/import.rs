//! A user's own data: good rows load, bad rows are listed with line, field and reason, nothing is
//! dropped silently; the world's 25,917 twin-town pairs load through a column mapping.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::import::{import_csv, import_objects, Preset};
use shandong_friendship_map::json_entry::{JsonEntry, JsonValue};
use shandong_friendship_map::map::MapState;
use std::collections::BTreeSet;

#[test]
fn a_broken_file_loads_its_good_rows_and_lists_the_bad_ones() {
    // Columns in another order, an extra column, country names, and four bad rows.
    let csv = "\
partner,partner_zh,shandong_city,shandong_city_zh,country,level,kind,established,lat,lon,source,comment
Kaposvár,考波什堡,Qingdao,青岛市,Hungary,city,sister,2010,46.3667,17.8,https://example.org/a,ok
Nowhere,无处,Qingdao,青岛市,Atlantis,city,sister,2010,10,10,https://example.org/b,bad country
Pécs,佩奇,Jinan,济南市,HU,town,sister,2010,46.0762,18.2281,https://example.org/c,bad level
Szeged,塞格德,Jinan,济南市,HU,city,friendly,2031,46.253,20.1414,https://example.org/d,future year
Győr,杰尔,Jinan,济南市,HU,city,friendly,,47.6833,17.6351,,no source
Debrecen,德布勒森,Weihai,威海市,HU,city,friendly,2019-05,47.5316,21.6273,https://example.org/f,ok
";
    let mut d = Dataset::default();
    let r = import_csv(&mut d, csv, "mine.csv", Preset::Standard, 2026);
    assert_eq!(r.loaded, 2);
    let texts: Vec<&str> = r.errors.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "mine.csv:3: country: `Atlantis` is not an ISO 3166-1 alpha-2 code",
            "mine.csv:4: level: `town` is not `city` or `province`",
            "mine.csv:5: established: year 2031 is outside 1973..2026",
            "mine.csv:6: source: is empty: every row needs a source URL",
        ]
    );
    assert_eq!(
        d.ties[0].record.country, "HU",
        "a country name became its code"
    );
}

#[test]
fn json_entries_are_numbered_in_errors() {
    let row = |partner: &str, lat: &str| -> Vec<(String, JsonValue)> {
        [
            ("shandong_city", "Yantai"),
            ("shandong_city_zh", "烟台市"),
            ("partner", partner),
            ("partner_zh", "某地"),
            ("country", "JP"),
            ("level", "city"),
            ("kind", "sister"),
            ("established", "1985-07-26"),
            ("lat", lat),
            ("lon", "131.4914"),
            ("source", "https://example.org/x"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), JsonValue::String(v.to_string())))
        .collect::<Vec<_>>()
    };
    let row = |partner, lat| JsonEntry::Object(row(partner, lat));
    let items = vec![
        row("Beppu", "33.2795"),
        row("Bad", "north"),
        row("Beppu", "33.2795"),
    ];
    let mut d = Dataset::default();
    let r = import_objects(&mut d, &items, "mine.json", Preset::Standard, 2026);
    assert_eq!(r.loaded, 1);
    let texts: Vec<&str> = r.errors.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "mine.json:2: lat: `north` is not a number",
            "mine.json:3: partner: duplicate of line 1: Yantai – Beppu",
        ]
    );
}

#[test]
fn the_header_must_provide_every_field() {
    let mut d = Dataset::default();
    let r = import_csv(
        &mut d,
        "partner,country\nA,JP\n",
        "x.csv",
        Preset::Standard,
        2026,
    );
    assert_eq!(r.loaded, 0);
    assert_eq!(r.errors.len(), 1);
    assert!(r.errors[0]
        .text
        .starts_with("x.csv:1: header: no column `shandong_city`"));
}

#[test]
fn the_world_twin_towns_load_through_the_mapping() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/world_twin_cities.csv"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        panic!("{path} is missing: the shared data sits beside the repository");
    };
    let rows = text.lines().count() - 1;
    assert_eq!(rows, 25_917);
    let mut d = Dataset::default();
    let r = import_csv(
        &mut d,
        &text,
        "world_twin_cities.csv",
        Preset::WorldTwinCities,
        2026,
    );
    // Nothing is dropped silently: every row either loaded or has at least one error.
    let bad_lines: BTreeSet<u64> = r.errors.iter().map(|e| e.line).collect();
    assert_eq!(
        r.loaded + bad_lines.len(),
        rows,
        "loaded {} + bad {}",
        r.loaded,
        bad_lines.len()
    );
    assert!(r.loaded > 24_000, "loaded {}", r.loaded);
    // Origins came from the file's own coordinates.
    assert!(d.origins.len() > 2_000);
    let map = MapState::new(d, &Basemap::default(), 1280.0, 720.0);
    assert_eq!(map.summary().ties, r.loaded);
    eprintln!(
        "world twin towns: {} loaded, {} rows rejected ({} errors), {} origins",
        r.loaded,
        bad_lines.len(),
        r.errors.len(),
        map.dataset().origins.len()
    );
}

/// The page's checked import and `friendship-map check` report the same problems, and the
/// import loads exactly the rows the check calls good.
#[test]
fn the_checked_import_runs_the_checks_of_the_check_command() {
    use shandong_friendship_map::data::record::current_year;
    use shandong_friendship_map::validate::{
        check_csv, import_csv_checked, Placement, COAST_TOLERANCE_M,
    };
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/office_list_broken.csv"
    );
    let text = std::fs::read_to_string(path).expect("fixture");
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/basemap-50m.bin"))
        .expect("basemap");
    let basemap = Basemap::decode(&bytes).expect("decodes");
    let placement = Placement {
        basemap: &basemap,
        tolerance_m: COAST_TOLERANCE_M,
    };
    let options = Preset::Standard.options();
    let check = check_csv(&text, &options, current_year(), Some(&placement), false);
    let mut d = Dataset::default();
    let r = import_csv_checked(
        &mut d,
        &text,
        "list.csv",
        &options,
        current_year(),
        &placement,
    );
    let from_check: Vec<String> = check
        .errors
        .iter()
        .map(|e| e.display_in("list.csv"))
        .collect();
    let from_import: Vec<&str> = r.errors.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(from_import, from_check);
    assert_eq!((r.loaded, check.good), (2, 2));
    let partners: Vec<&str> = d.ties.iter().map(|t| t.record.partner.as_str()).collect();
    assert_eq!(
        partners,
        ["Shimonoseki", "Debrecen"],
        "Seoul-in-Japan was taken out"
    );
}

/// Distinct origins are found by name in constant time: 40,000 rows each from its own origin
/// import in seconds (the linear lookup took minutes: every row scanned every origin before it).
#[test]
fn many_distinct_origins_import_in_linear_time() {
    let mut csv = String::from(
        "shandong_city,shandong_city_zh,origin_lat,origin_lon,partner,partner_zh,country,level,kind,lat,lon,source\n",
    );
    for i in 0..40_000 {
        let (lat, lon) = (i % 80, i % 170);
        csv.push_str(&format!(
            "Origin {i},起点{i},{lat},{lon},Partner {i},伙伴{i},JP,city,sister,{lat}.5,{lon}.5,https://example.org/{i}\n"
        ));
    }
    let start = std::time::Instant::now();
    let mut d = Dataset::default();
    let r = import_csv(&mut d, &csv, "many.csv", Preset::Standard, 2026);
    let took = start.elapsed();
    assert_eq!(
        (r.loaded, r.errors.len()),
        (40_000, 0),
        "{:?}",
        r.errors.first()
    );
    assert_eq!(d.origins.len(), 17 + 40_000);
    assert_eq!(d.origin_index("起点39999"), Some(17 + 39_999));
    assert_eq!(d.origin_index("Qingdao"), Some(2));
    assert!(took.as_secs_f64() < 8.0, "took {took:?}");
    eprintln!("40,000 distinct origins imported in {took:?}");
}
