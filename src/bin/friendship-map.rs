//! Command-line tools built from the same crate:
//!
//! - `friendship-map coverage` prints docs/DATA.md;
//! - `friendship-map export --format geojson|csv [filters]` prints the ties to stdout;
//! - `friendship-map export --format svg [--width 3508 --height 2480 --dpi 300] [filters]`
//!   prints the map as SVG (A4 landscape at 300 dpi by default; `--lang zh|en`,
//!   `--basemap countries|land|china`, `--review-number`, `--query` a share link's query);
//! - `friendship-map check FILE [--layout L]` runs the built-in data's checks on a file.
//!
//! Filters: `--cities Qingdao,Jinan` `--from 2000 --to 2025` or `--as-of 2013`,
//! `--regions Europe,sco` (ids or English names), `--kinds sister|friendly`,
//! `--levels city|province`, `--no-unknown-year`.

use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::coverage::{published_totals, report, PUBLISHED_TOTALS_CSV};
use shandong_friendship_map::data::record::{current_year, FIRST_YEAR};
use shandong_friendship_map::data::{builtin_regions, Dataset};
use shandong_friendship_map::export::{to_csv, to_geojson};
use shandong_friendship_map::filter::{Filter, Years};
use shandong_friendship_map::import::{import_bytes, Preset};
use shandong_friendship_map::json_entry::entries_from_json;
use shandong_friendship_map::poster::{poster, take_options, PosterOptions};
use shandong_friendship_map::terminal::printable;
use shandong_friendship_map::validate::{builtin_options, check_csv, Placement, COAST_TOLERANCE_M};
use std::process::ExitCode;

const USAGE: &str = "usage:
  friendship-map coverage                      print docs/DATA.md
  friendship-map check FILE [--layout standard|world-twin-cities|builtin]
                               check a CSV of ties as the map reads it (`builtin`: the built-in
                               file's stricter rules); prints FILE:LINE: field: reason per
                               problem, exits 1 when there is any
  friendship-map export --format geojson|csv   print the ties shown by the filters:
      --cities Qingdao,Jinan   --from 2000 --to 2025 | --as-of 2013
      --regions Europe,sco     --kinds sister|friendly   --levels city|province
      --no-unknown-year
      --import FILE [--layout standard|world-twin-cities]   use a CSV or JSON file of ties
                               instead of the built-in set (bad rows are reported on stderr;
                               a file of which no row loads exits with status 1)
  friendship-map export --format svg [filters]   print the map of the ties shown as SVG:
      --width 3508 --height 2480 --dpi 300   size in pixels at a resolution (A4 at 300 dpi)
      --lang zh|en   --basemap countries|land|china   --review-number 'GS(2024)1234号'
      --query 'years=2000-2020&view=2,10,50'   a share link's state (filters, selection, view)";

/// `export --format svg`: the map of the ties shown, with its legend, credit and review number.
fn export_svg(dataset: &Dataset, filter: Filter, o: &PosterOptions) -> ExitCode {
    let detail = Basemap::decode(BASEMAP_50M).ok();
    match poster(dataset.clone(), filter, detail.as_ref(), o) {
        Ok((svg, warnings)) => {
            for w in warnings {
                eprintln!("{w}");
            }
            print!("{svg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("friendship-map export: {e}");
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

/// Builds the filter from the export flags.
fn parse_filter(args: &[String], dataset: &Dataset) -> Result<(String, Filter), String> {
    let mut f = Filter::default();
    let mut format = None;
    let (mut from, mut to) = (None, None);
    let regions = builtin_regions();
    let mut it = args.iter();
    let last = current_year();
    let year = |v: Option<&String>, flag: &str| -> Result<u16, String> {
        v.and_then(|s| s.parse().ok())
            .filter(|y| (FIRST_YEAR..=last).contains(y))
            .ok_or(format!("{flag} needs a year from {FIRST_YEAR} to {last}"))
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => format = it.next().cloned(),
            "--from" => from = Some(year(it.next(), "--from")?),
            "--to" => to = Some(year(it.next(), "--to")?),
            "--as-of" => {
                f.years = Years::AsOf {
                    year: year(it.next(), "--as-of")?,
                }
            }
            "--no-unknown-year" => f.unknown_year = false,
            "--cities" => {
                for name in it.next().ok_or("--cities needs names")?.split(',') {
                    let i = dataset
                        .origin_index(name.trim())
                        .ok_or(format!("unknown city `{name}`"))?;
                    f.cities.push(i);
                }
            }
            "--regions" => {
                for name in it.next().ok_or("--regions needs names")?.split(',') {
                    let r = regions
                        .iter()
                        .find(|r| {
                            r.id == name.trim() || r.name_en.eq_ignore_ascii_case(name.trim())
                        })
                        .ok_or(format!("unknown region `{name}`"))?;
                    f.regions.push(r.id.clone());
                }
            }
            "--kinds" => {
                let v = it.next().ok_or("--kinds needs a value")?;
                (f.sister, f.friendly) = one_or_both(v, "kind", ["sister", "friendly"])?;
            }
            "--levels" => {
                let v = it.next().ok_or("--levels needs a value")?;
                (f.city_level, f.province_level) = one_or_both(v, "level", ["city", "province"])?;
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    if from.is_some() || to.is_some() {
        let (from, to) = (from.unwrap_or(FIRST_YEAR), to.unwrap_or(last));
        if from > to {
            return Err(format!("--from {from} is after --to {to}"));
        }
        f.years = Years::Range { from, to };
    }
    let format = format.ok_or("--format geojson|csv is required")?;
    Ok((format, f))
}

/// Which of two values a comma-separated list names (`sister`, `friendly,sister`, ...), as the
/// page's URL takes them; anything else is an error.
fn one_or_both(v: &str, what: &str, [a, b]: [&str; 2]) -> Result<(bool, bool), String> {
    let (mut has_a, mut has_b) = (false, false);
    for item in v.split(',').map(str::trim) {
        match item {
            _ if item == a => has_a = true,
            _ if item == b => has_b = true,
            _ => {
                return Err(format!(
                    "unknown {what} `{item}` ({a} or {b}, or both: {a},{b})"
                ))
            }
        }
    }
    Ok((has_a, has_b))
}

/// Why the export cannot run: a wrong command line (exit 2, with the usage), or data that gave
/// nothing to export (exit 1).
enum Failure {
    Usage(String),
    Data(String),
}

impl<T: Into<String>> From<T> for Failure {
    fn from(e: T) -> Self {
        Self::Usage(e.into())
    }
}

/// The dataset to export: the built-in one, or `--import FILE [--layout L]` (those flags are
/// taken out of the arguments returned). The file is read as the page reads it (size limits,
/// UTF-8, CSV or a JSON array); its errors go to stderr, and a file of which nothing loaded is a
/// failure.
fn load_dataset(args: &[String]) -> Result<(Dataset, Vec<String>), Failure> {
    let mut rest = Vec::new();
    let (mut file, mut layout) = (None, "standard".to_string());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--import" => file = Some(it.next().ok_or("--import needs a file")?.clone()),
            "--layout" => layout = it.next().ok_or("--layout needs a name")?.clone(),
            _ => rest.push(a.clone()),
        }
    }
    let Some(file) = file else {
        return Ok((Dataset::builtin(), rest));
    };
    let preset = Preset::from_name(&layout).ok_or(format!("unknown layout `{layout}`"))?;
    let bytes =
        std::fs::read(&file).map_err(|e| Failure::Data(format!("{}: {e}", printable(&file))))?;
    let mut dataset = Dataset::default();
    let year = current_year();
    let report = import_bytes(&mut dataset, &bytes, &file, preset, year, entries_from_json);
    for e in &report.errors {
        eprintln!("{}", printable(&e.text));
    }
    let file = printable(&file);
    if report.loaded == 0 {
        return Err(Failure::Data(format!(
            "{file}: no row loaded, nothing to export"
        )));
    }
    eprintln!(
        "{file}: {} rows loaded, {} errors",
        report.loaded,
        report.errors.len()
    );
    Ok((dataset, rest))
}

/// The 1:50m basemap the placement check uses (the tests use the same file).
const BASEMAP_50M: &[u8] = include_bytes!("../../data/basemap-50m.bin");

/// `check FILE [--layout L]`: every check the built-in data passes, problems in line order.
fn check(args: &[String]) -> Result<ExitCode, String> {
    let mut file = None;
    let mut layout = "standard".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--layout" => layout = it.next().ok_or("--layout needs a name")?.clone(),
            other if other.starts_with("--") => return Err(format!("unknown option `{other}`")),
            other if file.is_none() => file = Some(other.to_string()),
            other => return Err(format!("one file at a time (`{other}`)")),
        }
    }
    let file = file.ok_or("check needs a FILE")?;
    let (options, builtin) = if layout == "builtin" {
        (builtin_options(), true)
    } else {
        let preset = Preset::from_name(&layout).ok_or(format!("unknown layout `{layout}`"))?;
        (preset.options(), false)
    };
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
    let basemap = Basemap::decode(BASEMAP_50M).map_err(|e| format!("basemap: {}", e.0))?;
    let placement = Placement {
        basemap: &basemap,
        tolerance_m: COAST_TOLERANCE_M,
    };
    let report = check_csv(&text, &options, current_year(), Some(&placement), builtin);
    for e in &report.errors {
        println!("{}", e.display_in(&file));
    }
    let rows: std::collections::BTreeSet<u64> = report.errors.iter().map(|e| e.line).collect();
    eprintln!(
        "{file}: {} rows good, {} problems in {} lines",
        report.good,
        report.errors.len(),
        rows.len()
    );
    Ok(if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
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
        Some("check") => check(&args[1..]).unwrap_or_else(|e| {
            eprintln!("friendship-map check: {e}\n{USAGE}");
            ExitCode::from(2)
        }),
        Some("export") => {
            let (dataset, rest) = match load_dataset(&args[1..]) {
                Ok(d) => d,
                Err(Failure::Usage(e)) => {
                    eprintln!("friendship-map export: {}\n{USAGE}", printable(&e));
                    return ExitCode::from(2);
                }
                Err(Failure::Data(e)) => {
                    eprintln!("friendship-map export: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let (poster_options, rest) = match take_options(&rest) {
                Ok(o) => o,
                Err(e) => {
                    eprintln!("friendship-map export: {e}\n{USAGE}");
                    return ExitCode::from(2);
                }
            };
            match parse_filter(&rest, &dataset) {
                Ok((format, filter)) => {
                    let shown = filter.apply(&dataset, &builtin_regions());
                    match format.as_str() {
                        "geojson" => print!("{}", to_geojson(&dataset, &shown)),
                        "csv" => print!("{}", to_csv(&dataset, &shown)),
                        "svg" => return export_svg(&dataset, filter, &poster_options),
                        other => {
                            eprintln!(
                                "unknown format `{}` (geojson, csv or svg)",
                                printable(other)
                            );
                            return ExitCode::from(2);
                        }
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("friendship-map export: {}\n{USAGE}", printable(&e));
                    ExitCode::from(2)
                }
            }
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
