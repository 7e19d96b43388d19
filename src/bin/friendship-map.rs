//! Command-line tools built from the same crate: `coverage` writes the Markdown of docs/DATA.md.
//!
//! Usage: `cargo run --quiet -- coverage > docs/DATA.md`

use shandong_friendship_map::coverage::{published_totals, report, PUBLISHED_TOTALS_CSV};
use shandong_friendship_map::data::Dataset;
use std::process::ExitCode;

fn unplaced() -> Vec<(String, String, String)> {
    let Ok(text) = std::fs::read_to_string("data/research/unplaced.csv") else {
        return Vec::new();
    };
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .map(|r| {
            let get = |i: usize| r.get(i).unwrap_or("").to_string();
            (get(0), get(2), get(4))
        })
        .collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("coverage") => match published_totals(PUBLISHED_TOTALS_CSV) {
            Ok(totals) => {
                print!("{}", report(&Dataset::builtin(), &totals, &unplaced()));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("usage: friendship-map coverage   (prints docs/DATA.md)");
            ExitCode::from(2)
        }
    }
}
