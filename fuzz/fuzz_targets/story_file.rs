//! `cargo fuzz` target `story_file`: see `tests/fuzz_targets/`.
#![no_main]

#[path = "../../tests/fuzz_targets/mod.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::story::story_file(data));
