//! The command line: GeoJSON that validates (RFC 7946 shapes, a closed set of properties,
//! antimeridian cuts at ±180), counts that match the map's summary, filter flags that narrow a
//! share link's query, options refused where they do not apply, and file text escaped.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::export::GEOJSON_PROPERTIES;
use shandong_friendship_map::filter::{Filter, Years};
use shandong_friendship_map::map::MapState;
use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_friendship-map"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn summary_for(query: &str) -> usize {
    let mut m = MapState::new(Dataset::builtin(), &Basemap::default(), 800.0, 400.0);
    assert!(m.apply_query(query).is_empty());
    m.summary().ties
}

fn check_geojson(text: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(text).expect("valid JSON");
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().expect("features").clone();
    for f in &features {
        assert_eq!(f["type"], "Feature");
        let props = f["properties"].as_object().expect("properties");
        let keys: Vec<&str> = props.keys().map(String::as_str).collect();
        let mut want = GEOJSON_PROPERTIES.to_vec();
        want.sort_unstable();
        let mut got = keys.clone();
        got.sort_unstable();
        assert_eq!(got, want, "closed set of properties");
        let g = &f["geometry"];
        let lines: Vec<&Vec<Value>> = match g["type"].as_str() {
            Some("LineString") => vec![g["coordinates"].as_array().expect("coords")],
            Some("MultiLineString") => g["coordinates"]
                .as_array()
                .expect("lines")
                .iter()
                .map(|l| l.as_array().expect("line"))
                .collect(),
            other => panic!("geometry {other:?}"),
        };
        for line in &lines {
            assert!(line.len() >= 2);
            for w in line.windows(2) {
                let (a, b) = (
                    w[0][0].as_f64().expect("lon"),
                    w[1][0].as_f64().expect("lon"),
                );
                assert!((a - b).abs() <= 180.0, "a step across the antimeridian");
            }
        }
        if lines.len() > 1 {
            for w in lines.windows(2) {
                let end = &w[0][w[0].len() - 1];
                let start = &w[1][0];
                assert_eq!(end[0].as_f64().map(f64::abs), Some(180.0));
                assert_eq!(start[0].as_f64(), end[0].as_f64().map(|x| -x));
                assert_eq!(start[1], end[1]);
            }
        }
    }
    features
}

#[test]
fn geojson_export_validates_and_matches_the_summary() {
    let (ok, out, err) = run(&[
        "export",
        "--format",
        "geojson",
        "--cities",
        "Qingdao",
        "--from",
        "2000",
        "--to",
        "2025",
        "--regions",
        "Europe",
        "--kinds",
        "sister",
    ]);
    assert!(ok, "{err}");
    let features = check_geojson(&out);
    assert_eq!(
        features.len(),
        summary_for("cities=Qingdao&years=2000-2025&regions=europe&kinds=sister")
    );
    // Everything: some links to the Americas cross the antimeridian.
    let (ok, out, _) = run(&["export", "--format", "geojson"]);
    assert!(ok);
    let all = check_geojson(&out);
    assert_eq!(all.len(), summary_for(""));
    assert!(all
        .iter()
        .any(|f| f["geometry"]["type"] == "MultiLineString"));
}

#[test]
fn csv_export_matches_the_summary_and_reloads() {
    let (ok, out, err) = run(&[
        "export", "--format", "csv", "--as-of", "2013", "--levels", "province",
    ]);
    assert!(ok, "{err}");
    let (d, errors) = Dataset::from_csv(&out, 2026);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(d.ties.len(), summary_for("asof=2013&levels=province"));
}

#[test]
fn bad_options_are_refused_with_usage() {
    let (ok, _, err) = run(&["export", "--format", "kml"]);
    assert!(!ok && err.contains("unknown format `kml`"));
    let (ok, _, err) = run(&["export", "--format", "csv", "--cities", "Gotham"]);
    assert!(!ok && err.contains("unknown city `Gotham`") && err.contains("usage"));
}

#[test]
fn an_imported_file_exports_through_the_same_path() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/two_ties.csv");
    let (ok, out, err) = run(&["export", "--format", "geojson", "--import", file]);
    assert!(ok, "{err}");
    assert_eq!(check_geojson(&out).len(), 1);
    assert!(
        err.contains("two_ties.csv:3: country: `ZZ` is not an ISO 3166-1 alpha-2 code"),
        "{err}"
    );
}

#[test]
fn check_passes_the_builtin_data_under_both_rules() {
    for layout in ["standard", "builtin"] {
        let (ok, out, err) = run(&["check", "data/partnerships.csv", "--layout", layout]);
        assert!(ok, "{layout}: {out}{err}");
        assert!(out.is_empty(), "{out}");
        assert!(err.contains(" rows good, 0 problems"), "{err}");
    }
}

#[test]
fn check_names_every_problem_by_line_and_field_in_line_order() {
    let file = "tests/fixtures/office_list_broken.csv";
    let (ok, out, err) = run(&["check", file]);
    assert!(!ok, "a broken file fails");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        vec![
            format!("{file}:3: lat/lon: Seoul (37.5665, 126.978) is not in Japan (JP) nor within 15 km of it"),
            format!("{file}:4: level: `town` is not `city` or `province`"),
            format!("{file}:4: kind: `twin` is not `sister` or `friendly`"),
            format!("{file}:5: established: `2010-02-30`: no such day"),
            format!("{file}:5: source: is empty: every row needs a source URL"),
            format!("{file}:6: country: `XQ` is not an ISO 3166-1 alpha-2 code"),
            format!("{file}:6: evidence: `rumour` is not one of official, partner-side, news, secondary"),
            format!("{file}:7: partner: duplicate of line 2: Qingdao – shimonoseki"),
        ]
    );
    assert!(err.contains("2 rows good, 8 problems in 5 lines"), "{err}");
}

#[test]
fn check_under_the_builtin_rules_wants_its_columns_and_codes() {
    // The office list names a country (`Japan`) and orders its columns freely: fine for the
    // page, not for the built-in file.
    let (ok, out, _) = run(&[
        "check",
        "tests/fixtures/two_ties.csv",
        "--layout",
        "builtin",
    ]);
    assert!(!ok);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        vec![
            "tests/fixtures/two_ties.csv:1: header: no `evidence` column (official, partner-side, news or secondary per row)",
            "tests/fixtures/two_ties.csv:3: country: `ZZ` is not an ISO 3166-1 alpha-2 code",
        ]
    );
    let (ok, out, _) = run(&[
        "check",
        "tests/fixtures/office_list_broken.csv",
        "--layout",
        "builtin",
    ]);
    assert!(!ok);
    assert!(
        out.starts_with(
            "tests/fixtures/office_list_broken.csv:1: header: column 1 must be `shandong_city`"
        ),
        "{out}"
    );
    let (ok, _, err) = run(&["check"]);
    assert!(!ok && err.contains("check needs a FILE"), "{err}");
    let (ok, _, err) = run(&["check", "no/such/file.csv"]);
    assert!(!ok && err.contains("no/such/file.csv"), "{err}");
}

/// A file in the system's temporary directory, unique to this test run.
fn temp_file(name: &str, bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!("fm-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).expect("write a temporary file");
    path.to_string_lossy().into_owned()
}

const IMPORT_HEADER: &str =
    "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source\n";

#[test]
fn kinds_and_levels_take_only_their_values() {
    for (flag, value, word) in [
        ("--kinds", "evil", "kind `evil`"),
        ("--kinds", "sisterly", "kind `sisterly`"),
        ("--kinds", "", "kind ``"),
        ("--levels", "town", "level `town`"),
        ("--levels", "city,county", "level `county`"),
    ] {
        let (ok, out, err) = run(&["export", "--format", "csv", flag, value]);
        assert!(!ok, "{flag} {value}");
        assert!(out.is_empty(), "nothing exported for {flag} {value}");
        assert!(err.contains(&format!("unknown {word}")), "{err}");
    }
    let (ok, out, err) = run(&["export", "--format", "csv", "--kinds", "friendly,sister"]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count() - 1, summary_for(""));
}

#[test]
fn years_must_be_in_order_and_in_range() {
    let (ok, _, err) = run(&[
        "export", "--format", "csv", "--from", "2020", "--to", "2000",
    ]);
    assert!(
        !ok && err.contains("--from 2020 is after --to 2000"),
        "{err}"
    );
    for args in [
        ["--from", "0"],
        ["--to", "65535"],
        ["--as-of", "1900"],
        ["--to", "-1"],
    ] {
        let (ok, _, err) = run(&["export", "--format", "csv", args[0], args[1]]);
        assert!(
            !ok && err.contains("needs a year from 1973 to"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn an_unusable_import_fails() {
    let latin1 = [
        IMPORT_HEADER.as_bytes(),
        b"Qingdao,x,K\xf6ln,y,DE,city,sister,,50.9,6.9,https://e.org/k\n",
    ]
    .concat();
    let bad_rows =
        format!("{IMPORT_HEADER}Qingdao,青岛市,A,甲,ZZ,city,sister,,1,1,https://e.org/a\n");
    for (name, bytes, says) in [
        (
            "latin1.csv",
            latin1,
            "latin1.csv:2: file: not UTF-8 (byte 0xF6 at column 12)",
        ),
        (
            "bad.csv",
            bad_rows.into_bytes(),
            "bad.csv: no row loaded, nothing to export",
        ),
        (
            "object.json",
            b"{\"a\": 1}".to_vec(),
            "expected an array of objects",
        ),
        ("broken.json", b"[{".to_vec(), "not valid JSON"),
    ] {
        let file = temp_file(name, &bytes);
        let (ok, out, err) = run(&["export", "--format", "csv", "--import", &file]);
        assert!(!ok, "{name}: {err}");
        assert!(out.is_empty(), "{name}");
        assert!(err.contains(says), "{name}: {err}");
        let _ = std::fs::remove_file(file);
    }
}

#[test]
fn a_json_file_imports_like_the_page() {
    let json = r#"[{"shandong_city": "Qingdao", "shandong_city_zh": "青岛市", "partner": "Shimonoseki",
      "partner_zh": "下关市", "country": "JP", "level": "city", "kind": "sister",
      "established": 1979, "lat": 33.9555, "lon": 130.9371, "source": "https://e.org/s"}, 7]"#;
    let file = temp_file("ties.json", json.as_bytes());
    let (ok, out, err) = run(&["export", "--format", "csv", "--import", &file]);
    let _ = std::fs::remove_file(&file);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        err.contains("ties.json:2: entry: is a number (7), not an object"),
        "{err}"
    );
}

#[test]
fn control_characters_from_files_are_escaped() {
    let row = "Qingdao,青岛市,\u{1b}[2J\u{1b}[31mevil\u{7},坏,\u{1b}]0;title\u{7},city,sister,,1,1,https://e.org/a\n";
    let good =
        "Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.9555,130.9371,https://e.org/s\n";
    let file = temp_file("esc.csv", format!("{IMPORT_HEADER}{row}{good}").as_bytes());
    let (ok, _, err) = run(&["export", "--format", "csv", "--import", &file]);
    let _ = std::fs::remove_file(&file);
    assert!(ok, "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(
        err.contains("`\\u{1b}]0;title\\u{7}` is not an ISO 3166-1 alpha-2 code"),
        "{err}"
    );
    let (ok, _, err) = run(&["export", "--format", "csv", "--cities", "\u{1b}[31mX"]);
    assert!(
        !ok && !err.contains('\u{1b}') && err.contains("\\u{1b}[31mX"),
        "{err:?}"
    );
}

#[test]
fn check_escapes_what_the_file_would_do_to_the_terminal() {
    // A country cell that would clear the screen, recolour it and reverse the text after it.
    let row = "Qingdao,青岛市,Evil\u{202e}lived,坏,\u{1b}[2J\u{1b}[31mXX\u{202e},city,sister,,1,1,https://e.org/a\n";
    let file = temp_file("esc-check.csv", format!("{IMPORT_HEADER}{row}").as_bytes());
    let (ok, out, err) = run(&["check", &file]);
    let _ = std::fs::remove_file(&file);
    assert!(!ok, "the row is bad");
    for text in [&out, &err] {
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text:?}"
        );
    }
    assert!(
        out.contains(
            ":2: country: `\\u{1b}[2J\\u{1b}[31mXX\\u{202e}` is not an ISO 3166-1 alpha-2 code"
        ),
        "{out}"
    );
}

/// `export` with these arguments fails with status 2 and this message (and the usage).
fn refused(args: &[&str], message: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_friendship-map"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}");
    assert!(err.starts_with(message), "{args:?}: {err}");
    assert!(err.contains("usage:"), "{args:?}");
}

#[test]
fn an_option_that_does_not_apply_is_an_error_that_names_it() {
    for (format, option, value) in [
        ("csv", "--query", "regions=europe"),
        ("csv", "--width", "800"),
        ("csv", "--lang", "en"),
        ("geojson", "--dpi", "96"),
        ("geojson", "--basemap", "land"),
        ("csv", "--review-number", "GS(2024)1234号"),
    ] {
        refused(
            &["export", "--format", format, option, value],
            &format!("friendship-map export: {option} applies to --format svg only"),
        );
    }
    refused(
        &["export", "--format", "csv", "--write", "x.csv"],
        "friendship-map export: --write applies to merge only",
    );
    refused(
        &["export", "--format", "csv", "--layout", "world-twin-cities"],
        "friendship-map export: --layout applies with --import only",
    );
    refused(
        &["check", "data/partnerships.csv", "--cities", "Jinan"],
        "friendship-map check: --cities applies to export only",
    );
    refused(
        &["check", "data/partnerships.csv", "--width", "800"],
        "friendship-map check: --width applies to export --format svg only",
    );
    refused(
        &["merge", "tests/fixtures/two_ties.csv", "--format", "csv"],
        "friendship-map merge: --format applies to export only",
    );
    refused(
        &["coverage", "--layout", "builtin"],
        "friendship-map coverage: --layout applies to export, check and merge only",
    );
}

#[test]
fn unknown_year_shows_undated_ties_under_a_year_filter_only() {
    let d = Dataset::builtin();
    let regions = shandong_friendship_map::data::builtin_regions();
    let count = |f: Filter| f.apply(&d, &regions).iter().filter(|s| **s).count();
    let as_of = Filter {
        years: Years::AsOf { year: 2013 },
        ..Filter::default()
    };
    let undated = d
        .ties
        .iter()
        .filter(|t| t.record.established.is_none())
        .count();
    assert!(undated > 0);
    let with_unknown = count(Filter {
        unknown_year: true,
        ..as_of.clone()
    });
    assert_eq!(with_unknown, count(as_of) + undated);
    let (ok, out, err) = run(&[
        "export",
        "--format",
        "csv",
        "--as-of",
        "2013",
        "--unknown-year",
    ]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count() - 1, with_unknown);
    refused(
        &["export", "--format", "csv", "--unknown-year"],
        "friendship-map export: --unknown-year applies under a year filter only",
    );
    refused(
        &[
            "export",
            "--format",
            "svg",
            "--query",
            "regions=europe",
            "--unknown-year",
        ],
        "friendship-map export: --unknown-year applies under a year filter only",
    );
    refused(
        &[
            "export",
            "--format",
            "csv",
            "--as-of",
            "2013",
            "--no-unknown-year",
        ],
        "friendship-map export: --no-unknown-year is no longer taken",
    );
}

/// The number of link paths in an SVG from `export --format svg` (800×400 px) with `args`.
fn svg_links(args: &[&str]) -> usize {
    let base = [
        "export", "--format", "svg", "--dpi", "96", "--width", "800", "--height", "400",
    ];
    let (ok, svg, err) = run(&[&base[..], args].concat());
    assert!(ok, "{args:?}: {err}");
    let doc = roxmltree::Document::parse(&svg).expect("well-formed");
    let in_links = |n: roxmltree::Node| {
        n.parent()
            .and_then(|p| p.attribute("class"))
            .is_some_and(|c| c.starts_with("links."))
    };
    doc.descendants()
        .filter(|n| n.has_tag_name("path") && in_links(*n))
        .count()
}

#[test]
fn svg_filter_flags_narrow_the_query() {
    let europe_sister = summary_for("regions=europe&kinds=sister");
    assert!(europe_sister > 0 && europe_sister < summary_for("regions=europe"));
    assert_eq!(
        svg_links(&["--query", "regions=europe", "--kinds", "sister"]),
        europe_sister
    );
    assert_eq!(
        svg_links(&["--query", "kinds=sister", "--regions", "europe"]),
        europe_sister
    );
    // Two lists of regions: ties in both (Europe's SCO members).
    let d = Dataset::builtin();
    let regions = shandong_friendship_map::data::builtin_regions();
    let region = |id: &str| {
        Filter {
            regions: vec![id.into()],
            ..Filter::default()
        }
        .apply(&d, &regions)
    };
    let both = region("europe")
        .iter()
        .zip(region("sco"))
        .filter(|(a, b)| **a && *b)
        .count();
    assert!(both > 0 && both < summary_for("regions=europe"));
    assert_eq!(
        svg_links(&["--query", "regions=europe", "--regions", "sco"]),
        both
    );
    // Years: the common ones.
    assert_eq!(
        svg_links(&["--query", "years=1990-2010", "--from", "2000"]),
        summary_for("years=2000-2010")
    );
    refused(
        &[
            "export",
            "--format",
            "svg",
            "--query",
            "kinds=friendly",
            "--kinds",
            "sister",
        ],
        "friendship-map export: the query's kinds and --kinds have no kind in common",
    );
}
