//! `friendship-map merge OFFICE_FILE [--layout L] [--write OUT]`: an office's list set against
//! the built-in data (new, matching, conflicting and missing rows), and the merged file.

use crate::options::check_applies;
use crate::{placement_basemap, Failure};
use shandong_friendship_map::data::record::current_year;
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::import::{import_bytes, Preset};
use shandong_friendship_map::input::{read, Format};
use shandong_friendship_map::json_entry::entries_from_json;
use shandong_friendship_map::merge::{compare, merged_csv, report_lines, Sheet};
use shandong_friendship_map::terminal::printable;
use shandong_friendship_map::validate::{
    builtin_options, check_csv, check_placement, Placement, COAST_TOLERANCE_M,
};
use std::process::ExitCode;

/// The built-in file as written, with its research columns (`notes`, `geonameid`), which the
/// merged file keeps.
const BUILTIN_CSV: &str = include_str!("../../../data/partnerships.csv");

/// What the report calls the built-in file.
const BUILTIN_FILE: &str = "data/partnerships.csv";

/// Runs the command on its arguments (those after `merge`): exit status 0 when the file reads
/// (conflicts or not), 1 when no row of it loads.
pub fn merge(args: &[String]) -> Result<ExitCode, Failure> {
    check_applies("merge", None, args)?;
    let (mut file, mut layout, mut out) = (None, "standard".to_string(), None);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--layout" => layout = it.next().ok_or("--layout needs a name")?.clone(),
            "--write" => out = Some(it.next().ok_or("--write needs a file")?.clone()),
            other if file.is_none() => file = Some(other.to_string()),
            other => return Err(format!("one file at a time (`{other}`)").into()),
        }
    }
    let file = file.ok_or("merge needs the office's FILE")?;
    let preset = Preset::from_name(&layout).ok_or(format!(
        "unknown layout `{layout}` (standard or world-twin-cities)"
    ))?;
    let bytes = std::fs::read(&file).map_err(|e| Failure::Data(format!("{file}: {e}")))?;
    let office = load(&bytes, &file, preset)?;
    let (builtin, errors) = Dataset::from_csv(BUILTIN_CSV, u16::MAX);
    if !errors.is_empty() {
        return Err(Failure::Data(format!(
            "{BUILTIN_FILE}: {}",
            errors[0].reason
        )));
    }
    let report = compare(&builtin, &office);
    for line in report_lines(&report, &builtin, &office, &file, BUILTIN_FILE) {
        println!("{}", printable(&line));
    }
    if let Some(out) = out {
        let sheet = match read(&bytes) {
            Ok((text, Format::Csv)) => Some(Sheet::read(text)),
            _ => None,
        };
        let merged = merged_csv(BUILTIN_CSV, &builtin, &office, &report, sheet.as_ref());
        write_checked(&merged, &out)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The office's rows as `import` and `check` read them: the layout's columns and values, then
/// each partner placed in its country. Bad rows are listed on stderr; none loading is a failure.
fn load(bytes: &[u8], file: &str, preset: Preset) -> Result<Dataset, Failure> {
    let mut office = Dataset::default();
    let year = current_year();
    let report = import_bytes(&mut office, bytes, file, preset, year, entries_from_json);
    let basemap = placement_basemap()?;
    let placement = Placement {
        basemap: &basemap,
        tolerance_m: COAST_TOLERANCE_M,
    };
    let report = check_placement(&mut office, 0, report, file, &placement);
    for e in &report.errors {
        eprintln!("{}", printable(&e.text));
    }
    if report.loaded == 0 {
        return Err(Failure::Data(format!(
            "{file}: no row loaded, nothing to merge"
        )));
    }
    let (n, errors) = (report.loaded, report.errors.len());
    eprintln!("{}: {n} rows loaded, {errors} errors", printable(file));
    Ok(office)
}

/// Writes the merged file once it passes `check --layout builtin` (it always should: a failure
/// here is the merge's fault, and nothing is written).
fn write_checked(merged: &str, out: &str) -> Result<(), Failure> {
    let basemap = placement_basemap()?;
    let placement = Placement {
        basemap: &basemap,
        tolerance_m: COAST_TOLERANCE_M,
    };
    let check = check_csv(
        merged,
        &builtin_options(),
        current_year(),
        Some(&placement),
        true,
    );
    if let Some(e) = check.errors.first() {
        return Err(Failure::Data(format!(
            "{out} not written: the merged rows fail the built-in checks ({})",
            e.display_in(out)
        )));
    }
    std::fs::write(out, merged).map_err(|e| Failure::Data(format!("{out}: {e}")))?;
    let out_name = printable(out);
    eprintln!(
        "{out_name}: {} rows written; they pass `friendship-map check {out_name} --layout builtin`",
        check.good
    );
    Ok(())
}
