//! `friendship-map check FILE [--layout L]`: every check the built-in data passes, problems in
//! line order, each printed with the file's control characters escaped.

use crate::options::check_applies;
use crate::{placement_basemap, Failure};
use shandong_friendship_map::data::record::current_year;
use shandong_friendship_map::import::Preset;
use shandong_friendship_map::terminal::printable;
use shandong_friendship_map::validate::{builtin_options, check_csv, Placement, COAST_TOLERANCE_M};
use std::process::ExitCode;

/// Runs the command on its arguments (those after `check`): exit status 0 when the file is
/// clean, 1 when it has problems.
pub fn check(args: &[String]) -> Result<ExitCode, Failure> {
    check_applies("check", None, args)?;
    let mut file = None;
    let mut layout = "standard".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--layout" => layout = it.next().ok_or("--layout needs a name")?.clone(),
            other if file.is_none() => file = Some(other.to_string()),
            other => return Err(format!("one file at a time (`{other}`)").into()),
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
    let basemap = placement_basemap()?;
    let placement = Placement {
        basemap: &basemap,
        tolerance_m: COAST_TOLERANCE_M,
    };
    let report = check_csv(&text, &options, current_year(), Some(&placement), builtin);
    for e in &report.errors {
        println!("{}", printable(&e.display_in(&file)));
    }
    let rows: std::collections::BTreeSet<u64> = report.errors.iter().map(|e| e.line).collect();
    eprintln!(
        "{}: {} rows good, {} problems in {} lines",
        printable(&file),
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
