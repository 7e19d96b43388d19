//! The checks a partnerships file passes, in one place: the built-in file's tests, the
//! `friendship-map check` command and the page's import all call these.
//!
//! Parsing checks every field (columns, names, ISO codes, levels, kinds, dates, coordinates,
//! sources, evidence) and refuses a second row for the same pair; this module adds the
//! placement check (each partner inside its country's polygons on a basemap, or within a
//! coast tolerance of them) and puts every problem in line order.

use crate::basemap::Basemap;
use crate::country_shapes::CountryShapes;
use crate::data::record::{Mapping, RowError};
use crate::data::{Dataset, ImportOptions};
use crate::import::{ImportError, ImportReport};
use crate::sphere::distance_m;
use crate::LonLat;

/// How far outside its country's polygons a partner may lie on the 1:50m basemap, metres
/// (coastal cities and small islands the generalised coast leaves out).
///
/// Place on the 1:50m basemap (`data/basemap-50m.bin`): the 1:110m one the wasm embeds has no
/// Jeju, Chios, Azores or Efate at all, so partners there fail at any tolerance.
pub const COAST_TOLERANCE_M: f64 = 15_000.0;

/// A basemap to place partners on, and the slack allowed outside its coasts.
#[derive(Clone, Copy, Debug)]
pub struct Placement<'a> {
    /// Country polygons (ISO 3166-1 numeric ids).
    pub basemap: &'a Basemap,
    /// Largest distance outside the country's polygons accepted, metres.
    pub tolerance_m: f64,
}

/// What a whole-file check found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CheckReport {
    /// Rows that passed every check.
    pub good: usize,
    /// Of the rows that parsed, those whose country the basemap has (so placement was checked).
    pub placed: usize,
    /// Every problem, in line order (a row may have several).
    pub errors: Vec<RowError>,
}

/// The rules of the built-in file (`data/partnerships.csv`): the columns in their order,
/// country codes only, and an `evidence` level in every row.
pub fn builtin_options() -> ImportOptions {
    ImportOptions {
        mapping: Mapping::strict(),
        country_names: false,
    }
}

/// Checks a whole CSV as `options` read it, then places its partners (when `placement` is
/// given). With `require_evidence`, a header without an `evidence` column is an error (the
/// built-in file's rule). `last_year` is the latest year accepted for `established`.
pub fn check_csv(
    text: &str,
    options: &ImportOptions,
    last_year: u16,
    placement: Option<&Placement>,
    require_evidence: bool,
) -> CheckReport {
    let mut dataset = Dataset::default();
    let mut errors = dataset.add_csv(text, last_year, options);
    if require_evidence && !header_has(text, "evidence") {
        errors.push(RowError {
            line: 1,
            field: "header".into(),
            reason: "no `evidence` column (official, partner-side, news or secondary per row)"
                .into(),
        });
    }
    let (placed, misplaced) = match placement {
        Some(p) => misplaced(&dataset, 0, p),
        None => (0, Vec::new()),
    };
    let bad_lines: Vec<u64> = misplaced.iter().map(|e| e.line).collect();
    errors.extend(misplaced);
    errors.sort_by_key(|e| e.line);
    CheckReport {
        good: dataset
            .ties
            .iter()
            .filter(|t| !bad_lines.contains(&t.line))
            .count(),
        placed,
        errors,
    }
}

fn header_has(text: &str, column: &str) -> bool {
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    reader.headers().is_ok_and(|h| {
        h.iter()
            .any(|c| c.trim().trim_start_matches('\u{feff}') == column)
    })
}

/// Places the partners of `dataset.ties[first..]`: returns how many could be checked (their
/// country is on the basemap; tiny countries are not) and an error for each partner that lies
/// outside its country by more than the tolerance (field `lat/lon`).
pub fn misplaced(dataset: &Dataset, first: usize, placement: &Placement) -> (usize, Vec<RowError>) {
    let shapes = CountryShapes::new(placement.basemap);
    let mut checked = 0;
    let mut errors = Vec::new();
    for t in dataset.ties.iter().skip(first) {
        let r = &t.record;
        let Some(country) = dataset.countries.get(&r.country) else {
            continue; // the parser has already refused an unknown code
        };
        let p = LonLat::new(r.lon, r.lat);
        let tolerance = placement.tolerance_m;
        let Some(inside) = shapes.holds(country.numeric, p, tolerance, segment_distance_m) else {
            continue; // not on the basemap (tiny countries are not)
        };
        checked += 1;
        if !inside {
            errors.push(RowError {
                line: t.line,
                field: "lat/lon".into(),
                reason: format!(
                    "{} ({}, {}) is not in {} ({}) nor within {} km of it",
                    r.partner,
                    crate::number::short(r.lat, 6),
                    crate::number::short(r.lon, 6),
                    country.name_en,
                    r.country,
                    crate::number::short(placement.tolerance_m / 1000.0, 1)
                ),
            });
        }
    }
    (checked, errors)
}

/// The page's import with every check: imports the CSV as [`crate::import::import_csv`] does
/// (rows with bad fields, and repeated pairs, are not loaded), then takes out the ties whose
/// partner lies outside its country on `placement`'s basemap. The report lists every problem
/// in line order as `FILE:LINE: field: reason`.
pub fn import_csv_checked(
    dataset: &mut Dataset,
    text: &str,
    file: &str,
    options: &ImportOptions,
    last_year: u16,
    placement: &Placement,
) -> ImportReport {
    let before = dataset.ties.len();
    let errors = dataset.add_csv(text, last_year, options);
    finish_import(dataset, before, errors, file, placement)
}

fn finish_import(
    dataset: &mut Dataset,
    before: usize,
    errors: Vec<RowError>,
    file: &str,
    placement: &Placement,
) -> ImportReport {
    let report = crate::import::report(before, dataset, errors, file);
    check_placement(dataset, before, report, file, placement)
}

/// Takes out of `dataset` the ties imported after `before` whose partner lies outside its
/// country on `placement`'s basemap, and adds their problems to `report`, in line order (an
/// import that was refused is returned as it is).
pub fn check_placement(
    dataset: &mut Dataset,
    before: usize,
    mut report: ImportReport,
    file: &str,
    placement: &Placement,
) -> ImportReport {
    if report.refused {
        return report;
    }
    let (_, misplaced) = misplaced(dataset, before, placement);
    if misplaced.is_empty() {
        return report;
    }
    // In line order, as the ties are.
    let lines: Vec<u64> = misplaced.iter().map(|e| e.line).collect();
    let mut index = 0;
    dataset.ties.retain(|t| {
        index += 1;
        index <= before || lines.binary_search(&t.line).is_err()
    });
    report
        .errors
        .extend(misplaced.into_iter().map(|e| ImportError {
            text: e.display_in(file),
            line: e.line,
            field: e.field,
            reason: e.reason,
        }));
    report.errors.sort_by_key(|e| e.line);
    report.loaded = dataset.ties.len() - before;
    report.total = dataset.ties.len();
    report
}

/// Distance from `p` to the segment `a`–`b`, metres, in a local equirectangular plane around
/// `p` (exact enough for the short segments of a basemap's rings).
pub(crate) fn segment_distance_m(p: LonLat, a: LonLat, b: LonLat) -> f64 {
    let k = p.lat.to_radians().cos();
    let to = |q: LonLat| [(q.lon - p.lon) * k, q.lat - p.lat];
    let (a, b) = (to(a), to(b));
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (-(a[0] * dx + a[1] * dy) / len2).clamp(0.0, 1.0)
    };
    distance_m(
        LonLat::new(0.0, 0.0),
        LonLat::new(a[0] + t * dx, a[1] + t * dy),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_distance_known_values() {
        // One degree of latitude is about 111.2 km on the mean sphere.
        let d = segment_distance_m(
            LonLat::new(0.0, 1.0),
            LonLat::new(-1.0, 0.0),
            LonLat::new(1.0, 0.0),
        );
        assert!((d - 111_195.0).abs() < 10.0, "{d}");
        // Beyond the segment's end: the distance to the end point.
        let d = segment_distance_m(
            LonLat::new(3.0, 0.0),
            LonLat::new(0.0, 0.0),
            LonLat::new(1.0, 0.0),
        );
        assert!((d - 2.0 * 111_195.0).abs() < 20.0, "{d}");
    }
}
