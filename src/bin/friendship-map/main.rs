//! Command-line tools built from the same crate:
//!
//! - `friendship-map coverage` prints docs/DATA.md;
//! - `friendship-map export --format geojson|csv [filters]` prints the ties to stdout;
//! - `friendship-map export --format svg [--width 3508 --height 2480 --dpi 300] [filters]`
//!   prints the map as SVG (A4 landscape at 300 dpi by default; `--lang zh|en`,
//!   `--basemap countries|land|china`, `--review-number`, `--query` a share link's query, which
//!   the filter flags narrow);
//! - `friendship-map check FILE [--layout L]` runs the built-in data's checks on a file;
//! - `friendship-map merge FILE [--layout L] [--write OUT]` sets an office's list against the
//!   built-in data and writes the merged file.
//!
//! Filters: `--cities Qingdao,Jinan` `--from 2000 --to 2025` or `--as-of 2013`,
//! `--regions Europe,sco` (ids or English names), `--kinds sister|friendly`,
//! `--levels city|province`, `--unknown-year`. An option that does not apply to the command or
//! format given is an error (exit status 2), never ignored.

mod check;
mod export;
mod merge;
mod options;

use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::coverage::{published_totals, report, PUBLISHED_TOTALS_CSV};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::terminal::printable;
use std::process::ExitCode;

const USAGE: &str = "usage:
  friendship-map coverage                      print docs/DATA.md
  friendship-map check FILE [--layout standard|world-twin-cities|builtin]
                               check a CSV of ties as the map reads it (`builtin`: the built-in
                               file's stricter rules); prints FILE:LINE: field: reason per
                               problem, exits 1 when there is any
  friendship-map merge FILE [--layout standard|world-twin-cities] [--write OUT]
                               set an office's list (CSV or JSON) against the built-in data:
                               prints its NEW, MATCHING, CONFLICTING and MISSING rows; --write
                               writes the built-in file with the office's rows merged in
                               (exits 1 when no row of FILE loads)
  friendship-map export --format geojson|csv   print the ties shown by the filters:
      --cities Qingdao,Jinan   --from 2000 --to 2025 | --as-of 2013
      --regions Europe,sco     --kinds sister|friendly   --levels city|province
      --unknown-year           under a year filter, also the ties without a known year
      --import FILE [--layout standard|world-twin-cities]   use a CSV or JSON file of ties
                               instead of the built-in set (bad rows are reported on stderr;
                               a file of which no row loads exits with status 1)
  friendship-map export --format svg [filters]   print the map of the ties shown as SVG:
      --width 3508 --height 2480 --dpi 300   size in pixels at a resolution (A4 at 300 dpi)
      --lang zh|en   --basemap countries|land|china   --review-number 'GS(2024)1234号'
      --query 'years=2000-2020&view=2,10,50'   a share link's state (filters, selection,
                               view); the filter flags narrow its filter
  An option given where it does not apply (e.g. --width without --format svg) is an error.";

/// The 1:50m basemap the placement check uses (the tests use the same file).
const BASEMAP_50M: &[u8] = include_bytes!("../../../data/basemap-50m.bin");

/// The basemap partners are placed on (`check`, `merge`).
fn placement_basemap() -> Result<Basemap, Failure> {
    Basemap::decode(BASEMAP_50M).map_err(|e| Failure::Data(format!("basemap: {}", e.0)))
}

/// Why a command cannot run: a wrong command line (exit 2, with the usage), or data that gave
/// nothing to work on (exit 1).
enum Failure {
    Usage(String),
    Data(String),
}

impl<T: Into<String>> From<T> for Failure {
    fn from(e: T) -> Self {
        Self::Usage(e.into())
    }
}

/// The exit status of a command, its failure printed (escaped) on stderr.
fn finish(command: &str, result: Result<ExitCode, Failure>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(Failure::Usage(e)) => {
            eprintln!("friendship-map {command}: {}\n{USAGE}", printable(&e));
            ExitCode::from(2)
        }
        Err(Failure::Data(e)) => {
            eprintln!("friendship-map {command}: {}", printable(&e));
            ExitCode::FAILURE
        }
    }
}

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

/// `coverage`: prints docs/DATA.md (it takes no arguments).
fn coverage(args: &[String]) -> Result<ExitCode, Failure> {
    options::check_applies("coverage", None, args)?;
    if let Some(a) = args.first() {
        return Err(format!("coverage takes no arguments (`{a}`)").into());
    }
    let totals = published_totals(PUBLISHED_TOTALS_CSV).map_err(Failure::Data)?;
    print!("{}", report(&Dataset::builtin(), &totals, &unplaced()));
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or_default();
    match args.first().map(String::as_str) {
        Some("coverage") => finish("coverage", coverage(rest)),
        Some("check") => finish("check", check::check(rest)),
        Some("export") => finish("export", export::export(rest)),
        Some("merge") => finish("merge", merge::merge(rest)),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
