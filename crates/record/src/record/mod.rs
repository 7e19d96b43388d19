//! One row of a partnerships CSV: strict parsing, with errors that name the line and field.
//! `build.rs` checks `data/partnerships.csv` with this very code (this crate is its build
//! dependency too), and a malformed row stops the build.

use crate::evidence::Evidence;
use crate::stage::Stage;

// Line numbers counted here, not by the CSV reader (whose count lags after `\r\n`).
pub mod lines;

// The CSV-injection guard that exports add and this parser takes off.
pub mod formula;

// Dates, and the fields of one row.
pub mod date;
pub mod fields;

pub use date::{current_year, parse_date, Date};
pub use fields::parse_fields;

/// The columns every partnerships file starts with, in this order.
pub const REQUIRED_COLUMNS: [&str; 11] = [
    "shandong_city",
    "shandong_city_zh",
    "partner",
    "partner_zh",
    "country",
    "level",
    "kind",
    "established",
    "lat",
    "lon",
    "source",
];

/// Columns that may follow the required ones, in any order.
/// (`stage` came last, in round 5: files without it read as before, every tie established.)
pub const OPTIONAL_COLUMNS: [&str; 5] = ["signed_by", "notes", "geonameid", "evidence", "stage"];

/// Earliest year accepted for `established` (China's first sister-city tie was 1973).
pub const FIRST_YEAR: u16 = 1973;

/// Whether the partner is a city or a province/state/prefecture/county as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// A city, town or municipality.
    City,
    /// A province, state, prefecture, county or region as a whole.
    Province,
}

/// The kind of tie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// 友好城市 (sister / twin city, or sister province-state).
    Sister,
    /// 友好合作关系城市 / 友好交流 (friendly cooperation or friendship exchange).
    Friendly,
}

impl Level {
    /// Every level with its CSV spelling: the one name table (parsing and writing read it).
    pub const NAMES: [(Level, &'static str); 2] =
        [(Level::City, "city"), (Level::Province, "province")];

    /// The CSV spelling.
    pub fn as_str(self) -> &'static str {
        crate::names::name_of(&Self::NAMES, &self)
    }
}

impl Kind {
    /// Every kind with its CSV spelling: the one name table (parsing and writing read it).
    pub const NAMES: [(Kind, &'static str); 2] =
        [(Kind::Sister, "sister"), (Kind::Friendly, "friendly")];

    /// The CSV spelling.
    pub fn as_str(self) -> &'static str {
        crate::names::name_of(&Self::NAMES, &self)
    }
}

/// One partnership as written in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// English name of the Shandong side (`Shandong` for the province itself).
    pub shandong_city: String,
    /// Chinese name of the Shandong side.
    pub shandong_city_zh: String,
    /// English name of the partner.
    pub partner: String,
    /// Chinese name of the partner.
    pub partner_zh: String,
    /// ISO 3166-1 alpha-2 code of the partner's country.
    pub country: String,
    /// City or province-level partner.
    pub level: Level,
    /// Sister or friendly-cooperation tie.
    pub kind: Kind,
    /// When the tie was established, if a source gives it.
    pub established: Option<Date>,
    /// Partner latitude, degrees.
    pub lat: f64,
    /// Partner longitude, degrees.
    pub lon: f64,
    /// Source URLs where the pair was found.
    pub sources: Vec<String>,
    /// The district or county that signed, when not the municipal (or provincial) government.
    pub signed_by: Option<String>,
    /// Free-text notes (disagreements between sources and the like).
    pub notes: String,
    /// The origin's own position `(lat, lon)`, for imported ties that do not start at a
    /// Shandong seat.
    pub origin: Option<(f64, f64)>,
    /// How strongly the pair is sourced (`evidence` column); `None` when the file has no such
    /// column (the built-in file has it in every row).
    pub evidence: Option<Evidence>,
    /// How far the tie has come (`stage` column): established (an empty cell, or a file
    /// without the column), an agreement or memorandum that does not itself establish it, or
    /// a letter of intent.
    pub stage: Stage,
}

/// A problem with one field of one line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line number in the file.
    pub line: u64,
    /// The column at fault (or `row` / `header`).
    pub field: String,
    /// What is wrong, for a person.
    pub reason: String,
}

impl RowError {
    /// Formats the error as `FILE:LINE: field: reason`.
    pub fn display_in(&self, file: &str) -> String {
        format!("{file}:{}: {}: {}", self.line, self.field, self.reason)
    }
}

/// What the parser checks values against.
pub struct Rules<'a> {
    /// The ISO 3166-1 alpha-2 code of a `country` value, or `None` if it is not one. (The
    /// built-in file takes codes only; an import may also accept country names.)
    pub country_code: &'a dyn Fn(&str) -> Option<String>,
    /// Whether a `shandong_city` value is a known origin (Shandong or one of its 16 cities).
    /// An unknown origin is accepted only with `origin_lat` and `origin_lon`.
    pub is_known_origin: &'a dyn Fn(&str) -> bool,
    /// Latest year accepted for `established` (this year).
    pub last_year: u16,
}

/// Optional columns of an import: the origin's own coordinates, for ties that do not start in
/// Shandong (another province's list, or the world's twin towns).
pub const ORIGIN_COLUMNS: [&str; 2] = ["origin_lat", "origin_lon"];

/// How the columns of a file map onto the fields (for imports in other layouts).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mapping {
    /// `field -> column of the file` for fields whose column is named differently.
    pub columns: Vec<(String, String)>,
    /// `field -> value` for fields the file does not have (e.g. `kind` = `sister`).
    pub defaults: Vec<(String, String)>,
    /// Require the exact column order of the built-in file (and no unknown columns).
    pub strict: bool,
    /// The source URLs come apart (the page's first load of the built-in data, whose sources
    /// arrive after its first frame): an empty `source` cell is not an error.
    pub sources_apart: bool,
}

impl Mapping {
    /// The built-in file's rule: the required columns in order, then known optional ones.
    pub fn strict() -> Self {
        Self {
            strict: true,
            ..Self::default()
        }
    }
}

/// A parsed record, or what was wrong with its row.
pub type RowResult = Result<Record, Vec<RowError>>;

/// Parses a whole partnerships file. Returns every good record with its line number, and every
/// error; a row with errors contributes none of its fields, and no row is skipped silently.
pub fn parse_csv(text: &str, rules: &Rules) -> (Vec<(u64, Record)>, Vec<RowError>) {
    parse_csv_with(text, rules, &Mapping::strict())
}

/// [`parse_csv`] with a column mapping.
pub fn parse_csv_with(
    text: &str,
    rules: &Rules,
    mapping: &Mapping,
) -> (Vec<(u64, Record)>, Vec<RowError>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|s| s.trim().trim_start_matches('\u{feff}').to_string())
            .collect(),
        Err(e) => return (Vec::new(), vec![err(1, "header", &e.to_string())]),
    };
    if let Err(e) = check_header(&headers, mapping) {
        return (Vec::new(), vec![e]);
    }
    let mut records = Vec::new();
    let mut errors = Vec::new();
    let lines = lines::Lines::new(text.as_bytes());
    let line_of =
        |p: Option<&csv::Position>| p.map_or(0, |p| lines.record_line(text.as_bytes(), p.byte()));
    for result in reader.records() {
        match result {
            Ok(row) => {
                let line = line_of(row.position());
                if row.iter().all(|f| f.trim().is_empty()) {
                    continue; // a blank line carries nothing
                }
                if row.len() != headers.len() {
                    errors.push(err(
                        line,
                        "row",
                        &format!("has {} fields, the header has {}", row.len(), headers.len()),
                    ));
                    continue;
                }
                let cells: Vec<(&str, &str)> = headers
                    .iter()
                    .map(String::as_str)
                    .zip(row.iter().map(formula::strip))
                    .collect();
                match parse_fields(&cells, line, mapping, rules) {
                    Ok(r) => records.push((line, r)),
                    Err(mut es) => errors.append(&mut es),
                }
            }
            Err(e) => {
                let line = line_of(e.position());
                errors.push(err(line, "row", &e.to_string()));
            }
        }
    }
    (records, errors)
}

/// The column a field is read from under a mapping (its own name unless mapped).
fn column_of<'m>(field: &'m str, mapping: &'m Mapping) -> &'m str {
    mapping
        .columns
        .iter()
        .find(|(f, _)| f == field)
        .map_or(field, |(_, c)| c.as_str())
}

fn default_of<'m>(field: &str, mapping: &'m Mapping) -> Option<&'m str> {
    mapping
        .defaults
        .iter()
        .find(|(f, _)| f == field)
        .map(|(_, v)| v.as_str())
}

fn check_header(h: &[String], mapping: &Mapping) -> Result<(), RowError> {
    if mapping.strict {
        for (i, want) in REQUIRED_COLUMNS.iter().enumerate() {
            let got = h.get(i).map(String::as_str);
            if got != Some(*want) {
                return Err(err(
                    1,
                    "header",
                    &format!(
                        "column {} must be `{want}`, found `{}` (expected columns: {})",
                        i + 1,
                        got.unwrap_or(""),
                        REQUIRED_COLUMNS.join(",")
                    ),
                ));
            }
        }
        for name in h.iter().skip(REQUIRED_COLUMNS.len()) {
            if !OPTIONAL_COLUMNS.contains(&name.as_str()) {
                return Err(err(
                    1,
                    "header",
                    &format!(
                        "unknown column `{name}` (optional columns: {})",
                        OPTIONAL_COLUMNS.join(",")
                    ),
                ));
            }
        }
        return Ok(());
    }
    // `established` may be empty in any row, so a file may lack the column altogether.
    for field in REQUIRED_COLUMNS.into_iter().filter(|f| *f != "established") {
        let col = column_of(field, mapping);
        if !h.iter().any(|c| c == col) && default_of(field, mapping).is_none() {
            return Err(err(
                1,
                "header",
                &format!("no column `{col}` for `{field}`, and no default value for it"),
            ));
        }
    }
    Ok(())
}

fn err(line: u64, field: &str, reason: &str) -> RowError {
    RowError {
        line,
        field: field.to_string(),
        reason: reason.to_string(),
    }
}
