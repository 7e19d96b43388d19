//! Fuzzing the value parsers on stable Rust (the driver: `fuzz_common`; the targets:
//! `fuzz_targets/values.rs`): numbers against std's reading and fixed-point writing, and dates
//! against an independent oracle.
#![cfg(not(target_arch = "wasm32"))]

mod fuzz_common;
mod fuzz_targets;

use fuzz_common::fuzz;
use fuzz_targets::values;

fn corpus(items: &[&str]) -> Vec<Vec<u8>> {
    items.iter().map(|s| s.as_bytes().to_vec()).collect()
}

#[test]
fn numbers_against_std() {
    let c = corpus(&[
        "34.1833",
        "-104.6091",
        "0e400",
        "1.7976931348623157e308",
        "5e-324",
        "2.5E-3",
        "+7.",
        ".5",
        "1e22",
        "9007199254740993",
        "0.30000000000000004",
        "-0",
        "1e-400",
        "123456789012345678901234567890",
        "2.2250738585072011e-308",
    ]);
    fuzz("numbers", &c, 120_000, values::numbers);
}

#[test]
fn dates() {
    let c = corpus(&[
        "1979",
        "1979-10",
        "1979-10-03",
        "2024-02-29",
        "2023-02-29",
        "1972",
        "2026-12-31",
    ]);
    fuzz("dates", &c, 80_000, values::dates);
}
