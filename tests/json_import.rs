//! JSON imports: values keep their type, so a wrong-typed value is reported with the type found;
//! an entry that is not an object is reported and the good entries still load; a top-level
//! object is refused as "expected an array of objects".
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::import::{import_bytes, ImportReport, Preset};
use shandong_friendship_map::json_entry::entries_from_json;

const GOOD: &str = r#"{"shandong_city": "Yantai", "shandong_city_zh": "烟台市", "partner": "Beppu",
  "partner_zh": "别府市", "country": "JP", "level": "city", "kind": "sister", "established": 1985,
  "lat": 33.2795, "lon": 131.4914, "source": "https://example.org/x", "signed_by": null}"#;

fn import(json: &str) -> (Dataset, ImportReport) {
    let mut d = Dataset::default();
    let r = import_bytes(
        &mut d,
        json.as_bytes(),
        "mine.json",
        Preset::Standard,
        2026,
        entries_from_json,
    );
    (d, r)
}

fn texts(r: &ImportReport) -> Vec<&str> {
    r.errors.iter().map(|e| e.text.as_str()).collect()
}

#[test]
fn numbers_nulls_and_strings_load() {
    let (d, r) = import(&format!("[{GOOD}]"));
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(r.loaded, 1);
    let t = &d.ties[0].record;
    assert_eq!((t.lat, t.lon), (33.2795, 131.4914));
    assert_eq!(t.established.map(|d| d.year), Some(1985));
    assert_eq!(t.signed_by, None);
}

#[test]
fn wrong_types_are_named() {
    let json = format!(
        "[{}, {}, {}, {}]",
        GOOD.replace("\"lat\": 33.2795", "\"lat\": true"),
        GOOD.replace("\"Beppu\"", "[\"Beppu\"]"),
        GOOD.replace("\"JP\"", "{\"code\": \"JP\"}"),
        GOOD.replace("\"Beppu\"", "\"Usuki\"").replace(
            "\"established\": 1985",
            "\"established\": false, \"extra\": [1, 2]"
        ),
    );
    let (_, r) = import(&json);
    assert_eq!(
        texts(&r),
        [
            "mine.json:1: lat: is `true`: expected text or a number",
            "mine.json:2: partner: is an array: expected text or a number",
            "mine.json:3: country: is an object: expected text or a number",
            "mine.json:4: established: is `false`: expected text or a number",
        ]
    );
    assert_eq!(r.loaded, 0);
}

#[test]
fn entries_that_are_not_objects_are_reported_and_the_rest_load() {
    let second = GOOD.replace("\"Beppu\"", "\"Usuki\"");
    let json = format!("[{GOOD}, 5, \"text\", null, [1], true, {second}]");
    let (d, r) = import(&json);
    assert_eq!(r.loaded, 2);
    assert_eq!(d.ties.len(), 2);
    assert_eq!(
        texts(&r),
        [
            "mine.json:2: entry: is a number (5), not an object",
            "mine.json:3: entry: is a string, not an object",
            "mine.json:4: entry: is null, not an object",
            "mine.json:5: entry: is an array, not an object",
            "mine.json:6: entry: is `true`, not an object",
        ]
    );
}

#[test]
fn a_top_level_object_is_refused() {
    let (d, r) = import(&format!("\u{feff}  {GOOD}"));
    assert!(r.refused);
    assert_eq!(d.ties.len(), 0);
    assert_eq!(
        texts(&r),
        ["mine.json:1: file: expected an array of objects (`[{...}, ...]`), found a JSON object"]
    );
    let (_, r) = import("[1, 2");
    assert!(
        r.refused && r.errors[0].text.starts_with("mine.json: not valid JSON"),
        "{r:?}"
    );
}
