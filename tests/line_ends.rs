//! Line numbers in errors are right whatever the line ends: LF (Unix), CRLF (Excel's default)
//! and a lone CR (old Mac), for the built-in format's parser and both import layouts; errors come
//! in line order, duplicates among them.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::import::{import_csv, Preset};

const ENDS: [(&str, &str); 3] = [("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r")];

/// Joins lines with `end` (after the last one too).
fn with_ends(lines: &[&str], end: &str) -> String {
    lines.iter().map(|l| format!("{l}{end}")).collect()
}

#[test]
fn builtin_format() {
    let lines = [
        "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source",
        "Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.9555,130.9371,https://e.org/a",
        "Qingdao,青岛市,Bad kind,坏,JP,city,twin,1979,34,131,https://e.org/b",
        "Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.9555,130.9371,https://e.org/c",
        "Jinan,济南市,Nowhere,无处,XX,city,sister,1984,10,10,https://e.org/d",
        "Jinan,济南市,Sacramento,萨克拉门托市,US,city,sister,1984,38.5816,-121.4944,https://e.org/e",
    ];
    for (name, end) in ENDS {
        let (d, errors) = Dataset::from_csv(&with_ends(&lines, end), 2026);
        let texts: Vec<String> = errors.iter().map(|e| e.display_in("f.csv")).collect();
        assert_eq!(
            texts,
            [
                "f.csv:3: kind: `twin` is not `sister` or `friendly`",
                "f.csv:4: partner: duplicate of line 2: Qingdao – Shimonoseki",
                "f.csv:5: country: `XX` is not an ISO 3166-1 alpha-2 code",
            ],
            "{name}"
        );
        let loaded: Vec<u64> = d.ties.iter().map(|t| t.line).collect();
        assert_eq!(loaded, [2, 6], "{name}");
    }
}

#[test]
fn standard_import_with_a_cell_over_two_lines() {
    for (name, end) in ENDS {
        let lines = [
            "partner,partner_zh,shandong_city,shandong_city_zh,country,level,kind,lat,lon,source,comment",
            &format!("Kaposvár,考波什堡,Qingdao,青岛市,Hungary,city,sister,46.3667,17.8,https://e.org/a,\"two{end}lines\""),
            "Nowhere,无处,Qingdao,青岛市,Atlantis,city,sister,10,10,https://e.org/b,",
            "Kaposvár,考波什堡,Qingdao,青岛市,HU,city,sister,46.3667,17.8,https://e.org/c,",
            "Pécs,佩奇,Jinan,济南市,HU,town,sister,46.0762,18.2281,https://e.org/d,",
        ];
        let mut d = Dataset::default();
        let r = import_csv(
            &mut d,
            &with_ends(&lines, end),
            "mine.csv",
            Preset::Standard,
            2026,
        );
        let texts: Vec<&str> = r.errors.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "mine.csv:4: country: `Atlantis` is not an ISO 3166-1 alpha-2 code",
                "mine.csv:5: partner: duplicate of line 2: Qingdao – Kaposvár",
                "mine.csv:6: level: `town` is not `city` or `province`",
            ],
            "{name}"
        );
        assert_eq!(r.loaded, 1, "{name}");
    }
}

#[test]
fn world_twin_cities_import() {
    let lines = [
        "city1,country1,lat1,lng1,city2,country2,lat2,lng2",
        "Berat,Albania,40.7022,19.9583,Amasya,Turkey,40.65,35.8331",
        "Berat,Albania,40.7022,19.9583,Nowhere,Atlantis,41.0344,28.8564",
        "Berat,Albania,40.7022,19.9583,Amasya,Turkey,40.65,35.8331",
        "Berat,Albania,40.7022,19.9583,Bağcılar,Turkey,91,28.8564",
    ];
    for (name, end) in ENDS {
        let mut d = Dataset::default();
        let r = import_csv(
            &mut d,
            &with_ends(&lines, end),
            "w.csv",
            Preset::WorldTwinCities,
            2026,
        );
        let texts: Vec<&str> = r.errors.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "w.csv:3: country: `Atlantis` is not an ISO 3166-1 alpha-2 code",
                "w.csv:4: partner: duplicate of line 2: Berat – Amasya",
                "w.csv:5: lat: `91` is outside -90..90 degrees",
            ],
            "{name}"
        );
    }
}

/// Blank lines the reader skips still count.
#[test]
fn blank_lines_count() {
    let lines = [
        "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source",
        "",
        "Qingdao,青岛市,Bad kind,坏,JP,city,twin,1979,34,131,https://e.org/b",
        "",
        "",
        "Jinan,济南市,Nowhere,无处,XX,city,sister,1984,10,10,https://e.org/d",
    ];
    for (name, end) in ENDS {
        let (_, errors) = Dataset::from_csv(&with_ends(&lines, end), 2026);
        let at: Vec<u64> = errors.iter().map(|e| e.line).collect();
        assert_eq!(at, [3, 6], "{name}");
    }
}
