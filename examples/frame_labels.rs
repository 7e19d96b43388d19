//! How many names a view places and what a frame with names costs natively:
//! `cargo run --release --example frame_labels [WORLD_FILE]`. Prints, for the built-in data
//! and (when the file is there) the world's 25,917 pairs imported
//! (`../shared/data/world_twin_cities.csv` by default), the names placed per layer and the
//! median and fastest time of `MapState::frame()` over 51 runs (the fastest is steadier on a
//! shared machine), for the untouched world view at 1280×720 CSS px, a phone (390×844) and a
//! Europe zoom at 1280×720.

use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::display_list::Item;
use shandong_friendship_map::import::{import_bytes, Preset};
use shandong_friendship_map::map::{Lang, MapState};
use std::collections::BTreeMap;
use std::time::Instant;

/// The views timed: name, canvas size (CSS px), URL query.
const VIEWS: [(&str, [f64; 2], &str); 3] = [
    ("world view 1280×720", [1280.0, 720.0], ""),
    ("phone 390×844", [390.0, 844.0], ""),
    (
        "Europe zoom 1280×720",
        [1280.0, 720.0],
        "view=4.00,12.00,50.00",
    ),
];

fn main() {
    let basemap = Basemap::decode(BASEMAP_110M).expect("basemap");
    let file = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/world_twin_cities.csv".into());
    let mut sets = vec![("built-in", Dataset::builtin())];
    match std::fs::read(&file) {
        Ok(bytes) => {
            let mut world = Dataset::default();
            let report = import_bytes(
                &mut world,
                &bytes,
                "world_twin_cities.csv",
                Preset::WorldTwinCities,
                2026,
                |_| Err("not JSON".into()),
            );
            println!("{file}: {} ties", report.loaded);
            sets.push(("world import", world));
        }
        Err(e) => println!("{file}: {e} (the world import is left out)"),
    }
    for (set, dataset) in sets {
        for (view, [w, h], query) in VIEWS {
            for lang in [Lang::Zh, Lang::En] {
                let mut m = MapState::new(Dataset::default(), &basemap, w, h);
                m.set_dataset(dataset.clone());
                m.set_language(lang);
                m.apply_query(query);
                report(&format!("{set}, {view} ({lang:?})"), &m);
            }
        }
    }
}

/// Prints the names of each text layer and the frame's median time.
fn report(title: &str, m: &MapState) {
    let frame = m.frame();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for item in &frame.items {
        if let Item::Text(t) = item {
            *counts.entry(t.name).or_default() += t.labels.len();
        }
    }
    let mut times: Vec<f64> = (0..51)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(m.frame());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "{title}: frame {:.2} ms median, {:.2} ms fastest; names {counts:?}",
        times[25], times[0]
    );
}
