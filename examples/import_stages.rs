//! The world file's import, natively, split by stage as the page runs it (`importData`, then
//! the first frame's display list): for the benchmark's report, where the page itself shows
//! only the whole. Prints one JSON object per stage, `{"stage", "ms", "runs"}`, the median of
//! `RUNS` runs (the first run, cold, is left out).
//!
//! Usage: `cargo run --release --example import_stages [FILE]`
//! (FILE: `../shared/data/world_twin_cities.csv` by default).
use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::import::{import_bytes, Preset};
use shandong_friendship_map::link_geometry::LinkGeometry;
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::validate::{check_placement, Placement, COAST_TOLERANCE_M};
use std::time::Instant;

const RUNS: usize = 5;
/// The stages, in the page's order.
const STAGES: [&str; 5] = [
    "read and parse (UTF-8, CSV, countries, dates, limits)",
    "placement check (each partner in its country, 1:50m)",
    "densify and project the links (alone)",
    "show the dataset (densify, project, facts, filter, layers)",
    "first frame's display list (names, close-up)",
];

fn main() {
    let file = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/world_twin_cities.csv".into());
    let bytes = std::fs::read(&file).expect("the world file");
    let detail = Basemap::decode(&std::fs::read("data/basemap-50m.bin").expect("1:50m basemap"))
        .expect("decodes");
    let base = Basemap::decode(BASEMAP_110M).expect("decodes");
    let mut times: Vec<[f64; 5]> = (0..=RUNS).map(|_| run(&bytes, &detail, &base)).collect();
    times.remove(0);
    for (i, stage) in STAGES.iter().enumerate() {
        let mut ms: Vec<f64> = times.iter().map(|t| t[i]).collect();
        ms.sort_by(f64::total_cmp);
        println!(
            "{{\"stage\": \"{stage}\", \"ms\": {:.1}, \"runs\": {RUNS}}}",
            ms[ms.len() / 2]
        );
    }
}

/// One import, ms per stage.
fn run(bytes: &[u8], detail: &Basemap, base: &Basemap) -> [f64; 5] {
    let mut ms = [0.0; 5];
    let mut lap = |i: usize, t: Instant| ms[i] = t.elapsed().as_secs_f64() * 1e3;
    let mut map = MapState::new(Dataset::builtin(), base, 1280.0, 720.0);
    let mut dataset = Dataset::default();
    let t = Instant::now();
    let report = import_bytes(
        &mut dataset,
        bytes,
        "world_twin_cities.csv",
        Preset::WorldTwinCities,
        2026,
        |_| Err("not JSON".into()),
    );
    lap(0, t);
    let t = Instant::now();
    let placement = Placement {
        basemap: detail,
        tolerance_m: COAST_TOLERANCE_M,
    };
    let report = check_placement(&mut dataset, 0, report, "world_twin_cities.csv", &placement);
    lap(1, t);
    assert!(report.loaded > 20_000, "{} ties loaded", report.loaded);
    let t = Instant::now();
    let geometry = LinkGeometry::build(&dataset, map.projector());
    lap(2, t);
    drop(geometry);
    let t = Instant::now();
    map.set_dataset(dataset);
    lap(3, t);
    let t = Instant::now();
    let frame = map.frame();
    lap(4, t);
    assert!(!frame.items.is_empty());
    ms
}
