//! `friendship-map export`: the ties the filters show, as GeoJSON, CSV or an SVG map, from the
//! built-in data or an imported file.

use crate::options::{check_applies, value_of};
use crate::{Failure, BASEMAP_50M};
use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::data::record::{current_year, FIRST_YEAR};
use shandong_friendship_map::data::{builtin_regions, Dataset};
use shandong_friendship_map::export::{to_csv, to_geojson};
use shandong_friendship_map::filter::{Filter, Years};
use shandong_friendship_map::import::{import_bytes, Preset};
use shandong_friendship_map::json_entry::entries_from_json;
use shandong_friendship_map::narrow::{keep_regions, narrow};
use shandong_friendship_map::poster::{poster, take_options, PosterOptions};
use shandong_friendship_map::terminal::printable;
use shandong_friendship_map::url_state::from_query;
use std::process::ExitCode;

/// Runs the command on its arguments (those after `export`).
pub fn export(args: &[String]) -> Result<ExitCode, Failure> {
    let format = value_of(args, "--format").ok_or("--format geojson, csv or svg is required")?;
    if !matches!(format, "geojson" | "csv" | "svg") {
        return Err(format!("unknown format `{format}` (geojson, csv or svg)").into());
    }
    check_applies("export", Some(format), args)?;
    let (dataset, rest) = load_dataset(args)?;
    let (poster_options, rest) = take_options(&rest)?;
    let filter = parse_filter(&rest, &dataset)?;
    if format == "svg" {
        return export_svg(dataset, filter, &poster_options);
    }
    if filter.unknown_year && !filter.has_years() {
        return Err(
            "--unknown-year applies under a year filter only (--from, --to or --as-of)".into(),
        );
    }
    let shown = filter.apply(&dataset, &builtin_regions());
    match format {
        "geojson" => print!("{}", to_geojson(&dataset, &shown)),
        _ => print!("{}", to_csv(&dataset, &shown)),
    }
    Ok(ExitCode::SUCCESS)
}

/// `export --format svg`: the map of the ties shown, with its legend, credit and review number.
/// The flags' filter narrows the query's (a tie is drawn when it passes both).
fn export_svg(mut dataset: Dataset, flags: Filter, o: &PosterOptions) -> Result<ExitCode, Failure> {
    let regions = builtin_regions();
    let query = o.query.as_deref().map_or_else(Filter::default, |q| {
        from_query(q, &regions, &dataset, current_year()).0.filter
    });
    let narrowed = narrow(&query, &flags)?;
    if flags.unknown_year && !narrowed.filter.has_years() {
        return Err(
            "--unknown-year applies under a year filter only (--from, --to, --as-of or the query's years)"
                .into(),
        );
    }
    keep_regions(&mut dataset, &narrowed.regions_too, &regions);
    let detail = Basemap::decode(BASEMAP_50M).ok();
    let (svg, warnings) =
        poster(dataset, narrowed.filter, detail.as_ref(), o).map_err(Failure::Data)?;
    for w in warnings {
        eprintln!("{}", printable(&w));
    }
    print!("{svg}");
    Ok(ExitCode::SUCCESS)
}

/// Builds the filter from the filter flags (`--format` is taken and left).
fn parse_filter(args: &[String], dataset: &Dataset) -> Result<Filter, String> {
    let mut f = Filter::default();
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
            "--format" => _ = it.next(),
            "--from" => from = Some(year(it.next(), "--from")?),
            "--to" => to = Some(year(it.next(), "--to")?),
            "--as-of" => {
                f.years = Years::AsOf {
                    year: year(it.next(), "--as-of")?,
                }
            }
            "--unknown-year" => f.unknown_year = true,
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
    Ok(f)
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

/// The dataset to export: the built-in one, or `--import FILE [--layout L]` (those flags are
/// taken out of the arguments returned). The file is read as the page reads it (size limits,
/// UTF-8, CSV or a JSON array); its errors go to stderr, and a file of which nothing loaded is a
/// failure.
fn load_dataset(args: &[String]) -> Result<(Dataset, Vec<String>), Failure> {
    let mut rest = Vec::new();
    let (mut file, mut layout) = (None, None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--import" => file = Some(it.next().ok_or("--import needs a file")?.clone()),
            "--layout" => layout = Some(it.next().ok_or("--layout needs a name")?.clone()),
            _ => rest.push(a.clone()),
        }
    }
    let Some(file) = file else {
        if layout.is_some() {
            return Err("--layout applies with --import only".into());
        }
        return Ok((Dataset::builtin(), rest));
    };
    let layout = layout.unwrap_or_default();
    let preset = Preset::from_name(&layout).ok_or(format!("unknown layout `{layout}`"))?;
    let bytes = std::fs::read(&file).map_err(|e| Failure::Data(format!("{file}: {e}")))?;
    let mut dataset = Dataset::default();
    let year = current_year();
    let report = import_bytes(&mut dataset, &bytes, &file, preset, year, entries_from_json);
    for e in &report.errors {
        eprintln!("{}", printable(&e.text));
    }
    if report.loaded == 0 {
        return Err(Failure::Data(format!(
            "{file}: no row loaded, nothing to export"
        )));
    }
    eprintln!(
        "{}: {} rows loaded, {} errors",
        printable(&file),
        report.loaded,
        report.errors.len()
    );
    Ok((dataset, rest))
}
