//! Fuzzing the map's state on stable Rust (the driver: `fuzz_common`; the target:
//! `fuzz_targets/map_state.rs`): random sequences of the façade's operations with awkward
//! arguments, on small datasets without a basemap and on the built-in one over the real basemap;
//! and the regression tests of what this fuzzer found.
#![cfg(not(target_arch = "wasm32"))]

mod fuzz_common;
mod fuzz_targets;

use fuzz_common::fuzz;
use fuzz_targets::map_state::sequence;
use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::playback::PlayOptions;
use shandong_friendship_map::search::Target;

/// Runs `count` operation sequences on maps of the datasets `pick` chooses, over `basemap`.
fn sequences(
    name: &str,
    count: u64,
    basemap: &Basemap,
    pick: impl Fn(&mut fuzz_targets::choices::Choices) -> usize + Copy,
) {
    let corpus: Vec<Vec<u8>> = (0u8..16)
        .map(|i| {
            (0u8..96)
                .map(|j| j.wrapping_mul(37).wrapping_add(i.wrapping_mul(11)))
                .collect()
        })
        .collect();
    let mut ops = 0u64;
    let runs = fuzz(name, &corpus, count, |bytes| {
        ops += sequence(bytes, basemap, pick);
    });
    eprintln!("fuzz {name}: {runs} sequences, {ops} operations");
}

/// Small datasets (empty, a few ties, origins of their own) without a basemap: many sequences.
#[test]
fn map_state_small_datasets() {
    sequences("map_state_small", 1_500, &Basemap::default(), |c| {
        c.below(3)
    });
}

/// The built-in dataset over the real 1:110m basemap: fewer, slower sequences.
#[test]
fn map_state_builtin_dataset() {
    let basemap = Basemap::decode(BASEMAP_110M).expect("basemap");
    sequences("map_state_builtin", 150, &basemap, |_| 3);
}

/// Issue 14, defect 1: a search result chosen after the data changed names an origin that is
/// gone; `choose` refuses it (it used to index past the end and trap).
#[test]
fn choose_with_a_stale_city_index() {
    let mut map = MapState::new(Dataset::builtin(), &Basemap::default(), 800.0, 400.0);
    let past = map.dataset().origins.len();
    assert!(map.choose(&Target::City { city: past }).is_err());
    assert!(map.choose(&Target::City { city: usize::MAX }).is_err());
    assert!(map
        .choose(&Target::Partner {
            ties: vec![usize::MAX]
        })
        .is_err());
    assert!(!map.frame().items.is_empty(), "the map lives on");
}

/// Found by this fuzzer: stepping the timeline by `isize::MAX` overflowed in
/// `Playback::step_by` (a panic in debug builds, a wrapped index in release ones).
#[test]
fn stepping_by_extreme_deltas() {
    let mut map = MapState::new(Dataset::builtin(), &Basemap::default(), 800.0, 400.0);
    for looping in [false, true] {
        map.set_playback_options(PlayOptions {
            speed: 1.0,
            looping,
            animate: true,
        });
        for delta in [isize::MAX, isize::MIN, isize::MAX, -1, 1, isize::MIN + 1] {
            map.step(delta);
        }
        map.stop();
    }
    map.step(isize::MAX);
    assert!(!map.frame().items.is_empty());
}

/// Found by this fuzzer: `resize(1725.5, inf)` made the camera infinite for good (see also
/// `Viewport`'s own test).
#[test]
fn resizing_to_sizes_that_are_not_numbers() {
    let mut map = MapState::new(Dataset::builtin(), &Basemap::default(), 800.0, 400.0);
    map.resize(1725.5, f64::INFINITY);
    map.resize(f64::NAN, 300.0);
    let v = map.frame().viewport;
    assert_eq!((v.width, v.height), (800.0, 400.0));
}
