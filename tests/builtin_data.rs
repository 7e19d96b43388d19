//! Checks of the built-in dataset: it parses with no error, every row is sourced, and each
//! partner lies in its country on the Natural Earth basemap (or within a few km of its coast).
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::data::dataset::PARTNERSHIPS_CSV;
use shandong_friendship_map::data::record::current_year;
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::validate::{self, Placement, COAST_TOLERANCE_M};

#[test]
fn builtin_csv_has_no_errors() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/partnerships.csv"
    ))
    .expect("data/partnerships.csv");
    let (d, errors) = Dataset::from_csv(&text, current_year());
    let shown: Vec<String> = errors
        .iter()
        .map(|e| e.display_in("data/partnerships.csv"))
        .collect();
    assert!(shown.is_empty(), "\n{}", shown.join("\n"));
    assert!(d.ties.len() >= 150, "{} rows", d.ties.len());
    assert!(d.ties.iter().all(|t| !t.record.sources.is_empty()));
    // Every row states its evidence level, and the level survives embedding.
    let missing: Vec<u64> = d
        .ties
        .iter()
        .filter(|t| t.record.evidence.is_none())
        .map(|t| t.line)
        .collect();
    assert!(missing.is_empty(), "rows without evidence: {missing:?}");
    assert!(Dataset::builtin()
        .ties
        .iter()
        .zip(&d.ties)
        .all(|(a, b)| a.record.evidence == b.record.evidence));
    // The embedded copy holds the same ties.
    assert_eq!(
        Dataset::from_csv(PARTNERSHIPS_CSV, current_year())
            .0
            .ties
            .len(),
        d.ties.len()
    );
    // The first tie of all: Qingdao–Shimonoseki, 1979.
    let first = d
        .ties
        .iter()
        .filter_map(|t| t.record.established.map(|e| (e, t)))
        .min_by_key(|(e, _)| *e)
        .map(|(_, t)| t)
        .expect("dated ties");
    assert_eq!(
        (
            first.record.shandong_city.as_str(),
            first.record.partner.as_str()
        ),
        ("Qingdao", "Shimonoseki")
    );
}

fn basemap_50m() -> Basemap {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/basemap-50m.bin"))
        .expect("data/basemap-50m.bin");
    Basemap::decode(&bytes).expect("decodes")
}

/// Rows whose partner is not in (or near) its country, as the validator words them, and how
/// many rows could be checked.
fn misplaced(d: &Dataset, map: &Basemap) -> (usize, Vec<String>) {
    let placement = Placement {
        basemap: map,
        tolerance_m: COAST_TOLERANCE_M,
    };
    let (checked, errors) = validate::misplaced(d, 0, &placement);
    let shown = errors
        .iter()
        .map(|e| e.display_in("data/partnerships.csv"))
        .collect();
    (checked, shown)
}

#[test]
fn partners_lie_in_their_country() {
    let map = basemap_50m();
    let d = Dataset::builtin();
    let (checked, bad) = misplaced(&d, &map);
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
    assert!(
        checked * 100 >= d.ties.len() * 95,
        "only {checked} of {} rows checked",
        d.ties.len()
    );
}

#[test]
fn the_country_check_catches_a_misplaced_partner() {
    let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source\n\
               Qingdao,青岛市,Shimonoseki,下关市,KR,city,sister,1979,33.9555,130.9371,https://e.org/x\n\
               Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.9555,130.9371,https://e.org/x\n";
    let (d, _) = Dataset::from_csv(csv, 2026);
    let (checked, bad) = misplaced(&d, &basemap_50m());
    assert_eq!(checked, 2);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].starts_with("data/partnerships.csv:2: lat/lon: Shimonoseki"));
}

#[test]
fn docs_data_md_is_up_to_date() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_friendship-map"))
        .arg("coverage")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs the coverage command");
    assert!(out.status.success());
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/DATA.md"))
        .unwrap_or_default();
    assert!(
        committed == String::from_utf8_lossy(&out.stdout),
        "docs/DATA.md is out of date: run `cargo run --quiet -- coverage > docs/DATA.md`"
    );
}

/// The page's first load carries the built-in rows without their source URLs and hands them
/// over after its first frame: lines that do not match the rows are refused.
#[test]
fn the_built_in_sources_handed_over_must_match_the_rows() {
    use shandong_friendship_map::data::dataset::set_builtin_sources;
    let e = set_builtin_sources("# one line\nhttps://example.org/a\n").expect_err("too few");
    assert!(e.to_string().contains("1 lines for"), "{e}");
    let rows = Dataset::builtin().ties.len();
    assert!(set_builtin_sources(&"not-a-url\n".repeat(rows)).is_err());
    // Natively the rows keep the sources they were read with.
    assert!(Dataset::builtin()
        .ties
        .iter()
        .all(|t| !t.record.sources.is_empty()));
}
