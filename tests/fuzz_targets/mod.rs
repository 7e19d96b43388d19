//! The fuzz targets' bodies: each takes the fuzzer's bytes and panics when a promise of the code
//! under test is broken. Shared by the stable driver inside `cargo test` (`tests/fuzz_*.rs`, with
//! `fuzz_common`) and the `cargo fuzz` targets (`fuzz/fuzz_targets/*.rs`, nightly).
#![allow(dead_code)]

pub mod basemap;
pub mod choices;
pub mod map_state;
pub mod story;
pub mod text;
pub mod values;
