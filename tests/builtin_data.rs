//! Checks of the built-in dataset: it parses with no error, every row is sourced, and each
//! partner lies in its country on the Natural Earth basemap (or within a few km of its coast).
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::data::dataset::PARTNERSHIPS_CSV;
use shandong_friendship_map::data::record::current_year;
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::sphere::distance_m;
use shandong_friendship_map::LonLat;

/// How far outside its country's 1:50m polygon a partner may lie (coastal cities, islands).
const COAST_SLACK_M: f64 = 15_000.0;

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

fn near_boundary(map: &Basemap, rings: &[Vec<i32>], p: LonLat) -> bool {
    rings.iter().any(|ring| {
        map.ring_points(ring)
            .windows(2)
            .any(|w| segment_distance_m(p, w[0], w[1]) <= COAST_SLACK_M)
    })
}

/// Distance from `p` to a short segment, in a local equirectangular plane (fine for segments of
/// a few km).
fn segment_distance_m(p: LonLat, a: LonLat, b: LonLat) -> f64 {
    let k = p.lat.to_radians().cos();
    let to = |q: LonLat| [(q.lon - p.lon) * k, q.lat - p.lat];
    let (a, b) = (to(a), to(b));
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (-(a[0] * dx + a[1] * dy) / len2).clamp(0.0, 1.0)
    };
    let (x, y) = (a[0] + t * dx, a[1] + t * dy);
    distance_m(LonLat::new(0.0, 0.0), LonLat::new(x, y)).min(f64::MAX)
}

fn basemap_50m() -> Basemap {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/basemap-50m.bin"))
        .expect("data/basemap-50m.bin");
    Basemap::decode(&bytes).expect("decodes")
}

/// Rows whose partner is not in (or near) its country, and how many rows could be checked.
fn misplaced(d: &Dataset, map: &Basemap) -> (usize, Vec<String>) {
    let mut bad = Vec::new();
    let mut checked = 0;
    for t in &d.ties {
        let r = &t.record;
        let Some(country) = d.countries.get(&r.country) else {
            bad.push(format!(
                "data/partnerships.csv:{}: country: unknown `{}`",
                t.line, r.country
            ));
            continue;
        };
        let shapes: Vec<_> = map
            .countries
            .iter()
            .filter(|c| c.numeric == country.numeric && c.numeric != 0)
            .collect();
        if shapes.is_empty() {
            continue; // a country too small for the basemap
        }
        checked += 1;
        let p = LonLat::new(r.lon, r.lat);
        let ok = shapes.iter().any(|c| {
            map.contains(c, p) || c.polygons.iter().any(|rings| near_boundary(map, rings, p))
        });
        if !ok {
            bad.push(format!(
                "data/partnerships.csv:{}: lat/lon: {} ({}, {}) is not in {} ({})",
                t.line, r.partner, r.lat, r.lon, country.name_en, r.country
            ));
        }
    }
    (checked, bad)
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
