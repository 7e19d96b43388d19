//! Heap bytes per tie, measured natively with a counting allocator (requested bytes, without the
//! allocator's own overhead): the world's twin towns (`../shared/data/world_twin_cities.csv`,
//! or `builtin` for the built-in set) imported, then drawn by a `MapState` at 1280×720.
//!
//! Usage (from the repository): `cargo run --release --manifest-path tools/memprobe/Cargo.toml
//! --target-dir target/memprobe [FILE|builtin]`

use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::import::{import_csv, Preset};
use shandong_friendship_map::map::MapState;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new_size: usize) -> *mut u8 {
        if new_size >= l.size() {
            let now = LIVE.fetch_add(new_size - l.size(), Relaxed) + new_size - l.size();
            PEAK.fetch_max(now, Relaxed);
        } else {
            LIVE.fetch_sub(l.size() - new_size, Relaxed);
        }
        unsafe { System.realloc(p, l, new_size) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn mark() -> usize {
    PEAK.store(LIVE.load(Relaxed), Relaxed);
    LIVE.load(Relaxed)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or("../shared/data/world_twin_cities.csv".into());
    let text = if path == "builtin" {
        String::new()
    } else {
        std::fs::read_to_string(&path).expect("the world file")
    };
    let basemap = Basemap::decode(BASEMAP_110M).expect("basemap");
    let empty_start = mark();
    let empty = MapState::new(Dataset::default(), &basemap, 1280.0, 720.0);
    let fixed = LIVE.load(Relaxed) - empty_start;
    drop(empty);
    let empty_start = mark();
    let empty = Dataset::default();
    let empty_dataset = LIVE.load(Relaxed) - empty_start;
    drop(empty);
    let start = mark();
    let mut d = Dataset::default();
    if path == "builtin" {
        d = Dataset::builtin();
    } else {
        import_csv(&mut d, &text, &path, Preset::WorldTwinCities, 2026);
    }
    let ties = d.ties.len();
    let n = ties as f64;
    let (dataset, dataset_peak) = (
        LIVE.load(Relaxed) - start - empty_dataset,
        PEAK.load(Relaxed) - start - empty_dataset,
    );
    let points: usize = d.ties.iter().map(|t| t.path.len()).sum();
    let before_map = mark();
    let map = MapState::new(d, &basemap, 1280.0, 720.0);
    let (with_map, map_peak) = (
        LIVE.load(Relaxed) - start - fixed,
        PEAK.load(Relaxed) - start - fixed,
    );
    std::hint::black_box(&map);
    println!(
        "ties: {ties}   densified points: {points} ({:.1} per tie)",
        points as f64 / n
    );
    println!("dataset (records, origins, paths):  {:>8.0} B/tie live, {:>8.0} B/tie peak while importing", dataset as f64 / n, dataset_peak as f64 / n);
    println!("dataset + MapState (geometry, link layers; without the {fixed} B of an empty map): {:>8.0} B/tie live, {:>8.0} B/tie peak", with_map as f64 / n, map_peak as f64 / n);
}
