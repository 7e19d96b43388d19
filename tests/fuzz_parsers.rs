//! Fuzzing the text parsers on stable Rust (the driver: `fuzz_common`; the targets:
//! `fuzz_targets/text.rs`, `fuzz_targets/story.rs`): the built-in format's CSV parser, imports in
//! both layouts, JSON entries, the URL query and story files, with fixed seeds and counts. (Numbers and dates: `fuzz_values.rs`;
//! basemaps: `fuzz_basemap.rs`; the map's state: `fuzz_map_state.rs`. Longer runs, and the same
//! targets under `cargo fuzz`: `scripts/fuzz.sh`.)
#![cfg(not(target_arch = "wasm32"))]

mod fuzz_common;
mod fuzz_targets;

use fuzz_common::{fuzz, Rng};
use fuzz_targets::{story, text};
use shandong_friendship_map::data::dataset::PARTNERSHIPS_CSV;

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

fn corpus(items: &[&str]) -> Vec<Vec<u8>> {
    items.iter().map(|s| s.as_bytes().to_vec()).collect()
}

#[test]
fn csv_dataset_parser() {
    fuzz("csv_dataset", &csv_corpus(), 10_000, text::csv_dataset);
}

#[test]
fn import_standard_layout() {
    let mut c = csv_corpus();
    c.extend(corpus(&["\
partner,shandong_city,shandong_city_zh,origin_lat,origin_lon,partner_zh,country,level,kind,lat,lon,source,signed_by,notes
=A,Berlin,柏林,52.5,13.4,甲,Germany,city,sister,-8.72,-9.1,https://e.org/a,,'=n
B,Qingdao,青岛市,,,乙,JP,province,friendly,33.1,131.2,https://e.org/b https://e.org/c,x,
"]));
    fuzz("import_standard", &c, 6_000, text::import_standard);
}

#[test]
fn import_world_layout() {
    let c = corpus(&[
        "city1,country1,lat1,lng1,city2,country2,lat2,lng2\nBerat,Albania,40.7022,19.9583,Amasya,Turkey,40.65,35.8331\nBerat,Albania,40.7022,19.9583,Bagcilar,Turkey,41.0344,28.8564\n",
        "city1,country1,lat1,lng1,city2,country2,lat2,lng2\r\nQingdao,China,36.06,120.38,Kiel,Germany,54.32,10.13\r\nJinan,China,36.67,117,Sacramento,United States,38.58,-121.49\r\n",
    ]);
    fuzz("import_world", &c, 6_000, text::import_world);
}

#[test]
fn json_entries() {
    let c = corpus(&[
        r#"[{"shandong_city":"Yantai","shandong_city_zh":"烟台市","partner":"Beppu","partner_zh":"别府市","country":"JP","level":"city","kind":"sister","established":1985,"lat":33.2795,"lon":131.4914,"source":"https://e.org/x","signed_by":null}]"#,
        r#"[{"shandong_city":"Berlin","shandong_city_zh":"柏林","origin_lat":52.5,"origin_lon":13.4,"partner":"=x","partner_zh":"y","country":"Portugal","level":"province","kind":"friendly","lat":"-8.7","lon":-9,"source":"https://e.org/y"}, 5, [1], true, {"partner": {"a": 1}}]"#,
        "{\"a\": 1}",
        "[]",
    ]);
    fuzz("json_entries", &c, 8_000, text::json_entries);
}

#[test]
fn url_query() {
    let c = corpus(&[
        "years=2000-2020&unknown=0&regions=europe,sco&cities=Qingdao,%E6%B5%8E%E5%8D%97%E5%B8%82",
        "asof=2013&kinds=sister&levels=province&proj=globe&sel=Weihai&view=2.5,120.1,36.2",
        "?kinds=sister,friendly&levels=city,province&view=1,-180,90&x=%zz%&+&=",
        "years=1973-2026&proj=equirectangular&view=64,180,-90",
    ]);
    fuzz("url_query", &c, 40_000, text::url_query);
}

#[test]
fn story_file() {
    let c = corpus(&[
        r#"{"title": "Shandong", "steps": [{"state": "asof=1979&sel=Qingdao&view=4,125,35", "caption": {"zh": "1979年：青岛与下关", "en": "1979"}, "duration": 5}, {"state": "regions=atlantis", "caption": "x"}]}"#,
        r#"{"steps": [{"caption": {"zh": "\u202e\ud800<b>", "fr": 1}, "state": 3}, "x", {"state": "", "caption": {"en": "a\nb"}, "duration": -1e400}], "steps": null}"#,
        "[1, 2.5e-3, -0, true, false, null, {\"a\": [[]]}, \"\\\"\\/\\b\\f\\n\\r\\t\"]",
        "\u{feff}{\"steps\": [{\"state\": \"https://e.org/embed.html?view=2,10,50#x\", \"caption\": \"y\"}]}",
    ]);
    fuzz("story_file", &c, 20_000, story::story_file);
}
