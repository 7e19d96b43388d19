//! `cargo fuzz` target `map_state`: see `tests/fuzz_targets/`.
#![no_main]

#[path = "../../tests/fuzz_targets/mod.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::map_state::map_state(data));
