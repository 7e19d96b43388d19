//! The map's start, natively, split by stage as the page runs it (the handle's constructor,
//! then the first frame): for the benchmark's report, beside the in-page marks. Prints one
//! JSON object per stage, `{"stage", "ms", "runs"}`, the median of `RUNS` runs (the first run,
//! cold, is left out). In the page the same work takes several times longer: the wasm's first
//! run is its baseline compiler's code.
//!
//! Usage: `cargo run --release --example startup_stages`
use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::display_list::Item;
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::path_data::path_data;
use std::time::Instant;

const RUNS: usize = 9;
/// The stages, in the page's order.
const STAGES: [&str; 5] = [
    "decode the 1:110m basemap",
    "read the built-in data (CSV, countries, regions)",
    "the map's state (densify, project, statistics, layers)",
    "the first frame's display list (names, close-up) and path data",
    "the snapshot for the panels",
];

fn main() {
    let mut times: Vec<[f64; 5]> = (0..=RUNS).map(|_| run()).collect();
    times.remove(0);
    for (i, stage) in STAGES.iter().enumerate() {
        let mut ms: Vec<f64> = times.iter().map(|t| t[i]).collect();
        ms.sort_by(f64::total_cmp);
        println!(
            "{{\"stage\": \"{stage}\", \"ms\": {:.2}, \"runs\": {RUNS}}}",
            ms[ms.len() / 2]
        );
    }
}

/// One start, ms per stage.
fn run() -> [f64; 5] {
    let mut ms = [0.0; 5];
    let mut lap = |i: usize, t: Instant| ms[i] = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let basemap = Basemap::decode(BASEMAP_110M).expect("decodes");
    lap(0, t);
    let t = Instant::now();
    let dataset = Dataset::builtin();
    lap(1, t);
    let t = Instant::now();
    let map = MapState::new(dataset, &basemap, 1280.0, 720.0);
    lap(2, t);
    let t = Instant::now();
    let frame = map.frame();
    // What the canvas backend builds from it: one SVG path-data string per layer.
    for item in &frame.items {
        if let Item::Draw(l) | Item::Clip(l) = item {
            std::hint::black_box(path_data(&l.path));
        }
    }
    lap(3, t);
    let t = Instant::now();
    let s = map.snapshot();
    std::hint::black_box(&s);
    lap(4, t);
    ms
}
