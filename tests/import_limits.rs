//! Imports past the limits are refused with a message before parsing, and leave the data as it
//! was; text that is not UTF-8 is refused with its line, the same for every caller (the page
//! hands over the file's bytes, the command line reads them from disk).
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::import::{import_bytes, import_csv, import_objects, Preset};
use shandong_friendship_map::input::{MAX_IMPORT_BYTES, MAX_IMPORT_ROWS};
use shandong_friendship_map::json_entry::{entries_from_json, JsonEntry, JsonValue};

const HEADER: &str =
    "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source\n";
const ROW: &str =
    "Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.9555,130.9371,https://e.org/a\n";

fn bytes(d: &mut Dataset, data: &[u8]) -> shandong_friendship_map::import::ImportReport {
    import_bytes(d, data, "f.csv", Preset::Standard, 2026, entries_from_json)
}

#[test]
fn a_50_mib_file_is_refused_and_the_data_stays() {
    let mut d = Dataset::builtin();
    let before = d.ties.len();
    let mut big = String::from(HEADER);
    while big.len() <= 50 * 1024 * 1024 {
        big.push_str(&ROW.repeat(1000));
    }
    let r = bytes(&mut d, big.as_bytes());
    assert!(r.refused);
    assert_eq!((r.loaded, r.total, d.ties.len()), (0, before, before));
    assert_eq!(r.errors.len(), 1);
    assert!(
        r.errors[0]
            .text
            .starts_with("f.csv: the file is 50.0 MiB ("),
        "{}",
        r.errors[0].text
    );
    // Through the text entry point too.
    assert!(import_csv(&mut d, &big, "f.csv", Preset::Standard, 2026).refused);
    assert!(big.len() > MAX_IMPORT_BYTES);
}

#[test]
fn too_many_rows_are_refused() {
    let text = String::from(HEADER) + &ROW.repeat(MAX_IMPORT_ROWS + 1);
    assert!(text.len() < MAX_IMPORT_BYTES);
    let mut d = Dataset::default();
    let r = bytes(&mut d, text.as_bytes());
    assert!(r.refused, "{:?}", r.errors.first());
    assert!(r.errors[0]
        .text
        .contains("an import takes at most 50000 rows"));
    let entries = vec![JsonEntry::Other(JsonValue::Null); MAX_IMPORT_ROWS + 1];
    let r = import_objects(&mut d, &entries, "f.json", Preset::Standard, 2026);
    assert!(
        r.refused && r.errors[0].text.contains("50001 entries"),
        "{r:?}"
    );
}

#[test]
fn latin1_is_refused_with_its_line_in_every_line_end() {
    for end in ["\n", "\r\n", "\r"] {
        let text = [
            HEADER,
            ROW,
            "Qingdao,青岛市,Köln,科隆,DE,city,sister,,50.9,6.9,https://e.org/k\n",
        ]
        .concat()
        .replace('\n', end);
        // The same file saved as Latin-1: `ö` is the byte 0xF6 (and the Chinese cells are gone,
        // as Latin-1 cannot hold them: written here as `?`).
        let latin1: Vec<u8> = text
            .chars()
            .map(|c| {
                if c == 'ö' {
                    0xf6
                } else if c.is_ascii() {
                    c as u8
                } else {
                    b'?'
                }
            })
            .collect();
        let mut d = Dataset::default();
        let r = bytes(&mut d, &latin1);
        assert!(r.refused);
        assert_eq!(
            r.errors[0].text,
            "f.csv:3: file: not UTF-8 (byte 0xF6 at column 14); save it as UTF-8 (in Excel: \"CSV UTF-8\")",
            "{end:?}"
        );
        assert_eq!(d.ties.len(), 0);
    }
}

#[test]
fn utf8_with_a_bom_loads() {
    let text = ["\u{feff}", HEADER, ROW].concat();
    let mut d = Dataset::default();
    let r = bytes(&mut d, text.as_bytes());
    assert_eq!(
        (r.loaded, r.errors.len(), r.refused),
        (1, 0, false),
        "{:?}",
        r.errors
    );
}
