//! A user's own data: CSV or JSON rows in the built-in columns (in any order, extra columns
//! ignored), or in another layout through a column mapping. Good rows load; every bad row is
//! reported with its line (or entry number), field and reason. A file past the limits, not
//! UTF-8, or neither CSV nor a JSON array is refused whole before parsing ([`crate::input`]).

use crate::data::record::Mapping;
use crate::data::{Dataset, ImportOptions, RowError};
use crate::input::{check_csv_rows, check_rows, check_size, read, Format, Refusal};
use crate::json_entry::JsonEntry;
use serde::Serialize;

/// A known layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// The built-in columns (any order; country codes or names).
    Standard,
    /// `city1,country1,lat1,lng1,city2,country2,lat2,lng2` (the world twin-towns file): city 1
    /// is the origin, city 2 the partner; no years or kinds, so every tie is `sister` at city
    /// level, sourced to the file's origin, with `secondary` evidence (scraped lists).
    WorldTwinCities,
}

/// Where the world twin-towns pairs come from (scraped from Wikipedia's twin-town lists).
pub const WORLD_TWIN_CITIES_SOURCE: &str = "https://github.com/Hekman/twincities";

impl Preset {
    /// A preset by name (`standard`, `world-twin-cities`).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "" | "standard" => Some(Self::Standard),
            "world-twin-cities" => Some(Self::WorldTwinCities),
            _ => None,
        }
    }

    /// The import options of this layout.
    pub fn options(self) -> ImportOptions {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        match self {
            Self::Standard => ImportOptions {
                mapping: Mapping::default(),
                country_names: true,
            },
            Self::WorldTwinCities => ImportOptions {
                mapping: Mapping {
                    columns: pairs(&[
                        ("shandong_city", "city1"),
                        ("shandong_city_zh", "city1"),
                        ("origin_lat", "lat1"),
                        ("origin_lon", "lng1"),
                        ("partner", "city2"),
                        ("partner_zh", "city2"),
                        ("country", "country2"),
                        ("lat", "lat2"),
                        ("lon", "lng2"),
                    ]),
                    defaults: pairs(&[
                        ("level", "city"),
                        ("kind", "sister"),
                        ("source", WORLD_TWIN_CITIES_SOURCE),
                        ("evidence", "secondary"),
                    ]),
                    ..Mapping::default()
                },
                country_names: true,
            },
        }
    }
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ImportReport {
    /// Rows loaded.
    pub loaded: usize,
    /// Rows in the dataset afterwards.
    pub total: usize,
    /// Every bad row, in file order.
    pub errors: Vec<ImportError>,
    /// Whether the whole file was refused before parsing (too large, not UTF-8, not CSV or an
    /// array of objects): `errors` then holds the one reason, and the dataset is unchanged.
    pub refused: bool,
}

/// One bad row.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ImportError {
    /// Line (CSV) or entry number (JSON), from 1; 0 when the whole file was refused.
    pub line: u64,
    /// Field at fault.
    pub field: String,
    /// Why.
    pub reason: String,
    /// `FILE:LINE: field: reason`.
    pub text: String,
}

/// The report of a file refused before parsing (nothing loaded).
fn refused(dataset: &Dataset, refusal: Refusal, file: &str) -> ImportReport {
    let text = if refusal.line == 0 {
        format!("{file}: {}", refusal.reason)
    } else {
        format!("{file}:{}: file: {}", refusal.line, refusal.reason)
    };
    ImportReport {
        loaded: 0,
        total: dataset.ties.len(),
        errors: vec![ImportError {
            line: refusal.line,
            field: "file".into(),
            reason: refusal.reason,
            text,
        }],
        refused: true,
    }
}

/// The report of an import that parsed: the rows loaded and every bad row's problem.
pub(crate) fn report(
    before: usize,
    dataset: &Dataset,
    errors: Vec<RowError>,
    file: &str,
) -> ImportReport {
    ImportReport {
        refused: false,
        loaded: dataset.ties.len() - before,
        total: dataset.ties.len(),
        errors: errors
            .into_iter()
            .map(|e| ImportError {
                text: e.display_in(file),
                line: e.line,
                field: e.field,
                reason: e.reason,
            })
            .collect(),
    }
}

/// Adds a CSV's good rows to `dataset`. A text past the import limits
/// ([`crate::input::MAX_IMPORT_BYTES`], [`crate::input::MAX_IMPORT_ROWS`]) is refused before
/// parsing.
pub fn import_csv(
    dataset: &mut Dataset,
    text: &str,
    file: &str,
    preset: Preset,
    last_year: u16,
) -> ImportReport {
    if let Err(r) = check_size(text.len()).and_then(|()| check_csv_rows(text)) {
        return refused(dataset, r, file);
    }
    let before = dataset.ties.len();
    let errors = dataset.add_csv(text, last_year, &preset.options());
    report(before, dataset, errors, file)
}

/// Adds the good entries of a parsed JSON array to `dataset` (see [`crate::json_entry`]). More
/// than [`crate::input::MAX_IMPORT_ROWS`] entries are refused.
pub fn import_objects(
    dataset: &mut Dataset,
    items: &[JsonEntry],
    file: &str,
    preset: Preset,
    last_year: u16,
) -> ImportReport {
    if let Err(r) = check_rows(items.len(), "entries") {
        return refused(dataset, r, file);
    }
    let before = dataset.ties.len();
    let errors = crate::json_entry::add_entries(dataset, items, last_year, &preset.options());
    report(before, dataset, errors, file)
}

/// Imports a file as read from disk, the same way in the page and on the command line: the
/// size, the encoding (UTF-8, with or without a BOM) and the format are checked first
/// ([`crate::input::read`]); then a CSV is parsed here, and a JSON array by `parse_json` (the
/// page's `JSON.parse`, natively [`crate::json_entry::entries_from_json`]), whose error refuses
/// the file.
pub fn import_bytes(
    dataset: &mut Dataset,
    bytes: &[u8],
    file: &str,
    preset: Preset,
    last_year: u16,
    parse_json: impl FnOnce(&str) -> Result<Vec<JsonEntry>, String>,
) -> ImportReport {
    match read(bytes) {
        Err(r) => refused(dataset, r, file),
        Ok((text, Format::Csv)) => import_csv(dataset, text, file, preset, last_year),
        Ok((text, Format::Json)) => match parse_json(text) {
            Ok(items) => import_objects(dataset, &items, file, preset, last_year),
            Err(reason) => refused(dataset, Refusal { line: 0, reason }, file),
        },
    }
}
