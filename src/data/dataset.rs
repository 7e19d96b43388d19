//! The ties to draw: parsed records joined to their origin (a Shandong seat, or an imported
//! origin), densified once into great-circle polylines.

use super::cities::SHANDONG_CITIES;
use super::countries::Countries;
use super::record::{parse_csv_with, Mapping, Record, RowError, Rules};
use crate::lonlat::LonLat;
use crate::sphere::{great_circle, DensePath, MAX_STEP_DEG};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// The built-in partnerships: `data/partnerships.csv` as checked by `build.rs`, without its
/// research columns (`notes`, `geonameid`).
pub const PARTNERSHIPS_CSV: &str =
    include_str!(concat!(env!("OUT_DIR"), "/partnerships.compact.csv"));

/// The built-in rows as the page's first load carries them: without their source URLs, which
/// the page fetches after its first frame and hands over ([`set_builtin_sources`]).
#[cfg(target_arch = "wasm32")]
const BUILTIN_CSV: &str = include_str!(concat!(env!("OUT_DIR"), "/partnerships.view.csv"));
/// The built-in rows (natively, with their sources).
#[cfg(not(target_arch = "wasm32"))]
const BUILTIN_CSV: &str = PARTNERSHIPS_CSV;

/// The built-in rows' sources once handed over (see [`set_builtin_sources`]).
static BUILTIN_SOURCES: OnceLock<Vec<Vec<String>>> = OnceLock::new();

/// Takes the built-in rows' source URLs (`sources.txt`: a line per row of
/// `data/partnerships.csv`, in its order, URLs separated by spaces; lines starting with `#` are
/// comments): every built-in dataset made from now on has them. Refused when the lines do not
/// match the rows.
pub fn set_builtin_sources(text: &str) -> Result<(), crate::Error> {
    let lines: Vec<Vec<String>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect();
    let rows = Dataset::builtin().ties.len();
    if lines.len() != rows {
        let why = format!("{} lines for {rows} built-in rows", lines.len());
        return Err(crate::Error::value("sources", why));
    }
    if let Some(bad) = lines.iter().flatten().find(|u| !u.starts_with("http")) {
        let shown: String = bad.chars().take(60).collect();
        return Err(crate::Error::value(
            "sources",
            format!("`{shown}` is not a URL"),
        ));
    }
    let _ = BUILTIN_SOURCES.set(lines);
    Ok(())
}

/// Where links start: Shandong and its cities, or an imported origin.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Origin {
    /// English name (as written in `shandong_city`).
    pub name: String,
    /// Chinese name.
    pub name_zh: String,
    /// Longitude, degrees.
    pub lon: f64,
    /// Latitude, degrees.
    pub lat: f64,
}

impl Origin {
    /// The position.
    pub fn lonlat(&self) -> LonLat {
        LonLat::new(self.lon, self.lat)
    }
}

/// One partnership ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Tie {
    /// The row as written.
    pub record: Record,
    /// Line in its source file.
    pub line: u64,
    /// Index into the dataset's origins.
    pub city: usize,
    /// Where the link starts.
    pub from: LonLat,
    /// Where the link ends (the partner).
    pub to: LonLat,
    /// The great circle from `from` to `to`, longitudes in [-180, 180), densified by
    /// [`MAX_STEP_DEG`], kept compactly (points between the ends to about 1 m; see
    /// [`Tie::exact_path`] for the full-precision path).
    pub path: DensePath,
}

impl Tie {
    /// The great circle from `from` to `to` at full precision (computed afresh), as exports
    /// write it.
    pub fn exact_path(&self) -> Vec<LonLat> {
        great_circle(self.from, self.to, MAX_STEP_DEG)
    }
}

/// A set of ties plus the tables needed to describe them.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// All ties, in file order.
    pub ties: Vec<Tie>,
    /// Country names and continents: the built-in table, shared by every dataset (read once,
    /// so an empty dataset and a clone cost next to nothing).
    pub countries: Arc<Countries>,
    /// Origins: Shandong and its 16 cities first (in `SHANDONG_CITIES` order), then imported ones.
    /// Add to it through the import methods, which keep the name index up to date (an origin
    /// pushed here directly is still found, by a scan past the indexed ones).
    pub origins: Vec<Origin>,
    /// English and Chinese names of the first `indexed` origins to the first origin with that
    /// name: lookups are constant-time, so an import is linear in its distinct origins.
    origin_names: HashMap<String, usize>,
    /// How many origins `origin_names` covers.
    indexed: usize,
    /// The built-in data (whose sources may come apart).
    pub builtin: bool,
}

/// The built-in country table, read on first use.
fn builtin_countries() -> Arc<Countries> {
    static TABLE: OnceLock<Arc<Countries>> = OnceLock::new();
    TABLE.get_or_init(|| Arc::new(Countries::builtin())).clone()
}

impl Default for Dataset {
    fn default() -> Self {
        let mut d = Self {
            ties: Vec::new(),
            countries: builtin_countries(),
            origins: SHANDONG_CITIES
                .iter()
                .map(|c| Origin {
                    name: c.name.into(),
                    name_zh: c.name_zh.into(),
                    lon: c.lon,
                    lat: c.lat,
                })
                .collect(),
            origin_names: HashMap::new(),
            indexed: 0,
            builtin: false,
        };
        d.index_origins();
        d
    }
}

/// How an imported file is read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportOptions {
    /// Column mapping and defaults.
    pub mapping: Mapping,
    /// Accept country names (English or Chinese, as in `data/countries.csv`) besides codes.
    pub country_names: bool,
}

impl Dataset {
    /// Parses a partnerships CSV in the built-in layout. Returns the dataset of the good rows
    /// and the errors of the bad ones (each with its line and field); duplicates of an earlier
    /// pair are errors too. `last_year` is the latest year accepted for `established`.
    pub fn from_csv(text: &str, last_year: u16) -> (Self, Vec<RowError>) {
        let mut d = Self::default();
        let errors = d.add_csv(
            text,
            last_year,
            &ImportOptions {
                mapping: Mapping::strict(),
                country_names: false,
            },
        );
        (d, errors)
    }

    /// The dataset built into the binary (checked at build time by `build.rs`).
    pub fn builtin() -> Self {
        let mut d = Self::default();
        let options = ImportOptions {
            mapping: Mapping {
                sources_apart: cfg!(target_arch = "wasm32"),
                ..Mapping::strict()
            },
            country_names: false,
        };
        d.add_csv(BUILTIN_CSV, u16::MAX, &options);
        d.builtin = true;
        d.fill_builtin_sources();
        d
    }

    /// Gives a built-in dataset the sources handed over (see [`set_builtin_sources`]); false
    /// when it is not the built-in data or there are none yet.
    pub fn fill_builtin_sources(&mut self) -> bool {
        let Some(sources) = BUILTIN_SOURCES.get().filter(|_| self.builtin) else {
            return false;
        };
        for (t, s) in self.ties.iter_mut().zip(sources) {
            if t.record.sources.is_empty() {
                t.record.sources.clone_from(s);
            }
        }
        true
    }

    /// Adds the good rows of a CSV (in any layout the options map); returns the bad rows'
    /// errors.
    pub fn add_csv(
        &mut self,
        text: &str,
        last_year: u16,
        options: &ImportOptions,
    ) -> Vec<RowError> {
        let (records, errors) = self.with_rules(last_year, options, |rules| {
            parse_csv_with(text, rules, &options.mapping)
        });
        self.add_records_in_order(records, errors)
    }

    /// Runs `f` with the parsing rules of this dataset (its countries and known origins).
    pub(crate) fn with_rules<R>(
        &self,
        last_year: u16,
        options: &ImportOptions,
        f: impl FnOnce(&Rules) -> R,
    ) -> R {
        let code = |v: &str| country_code(&self.countries, v, options.country_names);
        let known = |v: &str| self.origins.iter().any(|o| o.name == v || o.name_zh == v);
        f(&Rules {
            country_code: &code,
            is_known_origin: &known,
            last_year,
        })
    }

    /// Adds good records; returns `errors` (in line order) with the duplicates found here
    /// merged in at their lines.
    pub(crate) fn add_records_in_order(
        &mut self,
        records: Vec<(u64, Record)>,
        errors: Vec<RowError>,
    ) -> Vec<RowError> {
        let mut duplicates = Vec::new();
        self.add_records(records, &mut duplicates);
        // Both lists are in line order (and a duplicate's line has no other error): merge them.
        let mut merged = Vec::with_capacity(errors.len() + duplicates.len());
        let mut duplicates = duplicates.into_iter().peekable();
        for e in errors {
            while let Some(d) = duplicates.next_if(|d| d.line < e.line) {
                merged.push(d);
            }
            merged.push(e);
        }
        merged.extend(duplicates);
        merged
    }

    fn add_records(&mut self, records: Vec<(u64, Record)>, errors: &mut Vec<RowError>) {
        let mut seen: HashMap<PairKey, u64> = self
            .ties
            .iter()
            .map(|t| (pair_key(t.city, &t.record), t.line))
            .collect();
        self.ties.reserve(records.len());
        for (line, record) in records {
            // The origin first: a row naming it in Chinese and one naming it in English are the
            // same origin. (A new origin is added here only for a row that cannot be a duplicate:
            // no earlier tie starts there.)
            let city = self.origin_for(&record);
            let key = pair_key(city, &record);
            if let Some(first) = seen.get(&key) {
                errors.push(RowError {
                    line,
                    field: "partner".into(),
                    reason: format!(
                        "duplicate of line {first}: {} – {}",
                        record.shandong_city, record.partner
                    ),
                });
                continue;
            }
            seen.insert(key, line);
            let from = self.origins[city].lonlat();
            let to = LonLat::new(record.lon, record.lat);
            self.ties.push(Tie {
                path: DensePath::new(&great_circle(from, to, MAX_STEP_DEG)),
                record,
                line,
                city,
                from,
                to,
            });
        }
    }

    /// The origin index of a record, adding the record's own origin if it is new.
    fn origin_for(&mut self, r: &Record) -> usize {
        if let Some(i) = self.origin_index(&r.shandong_city) {
            return i;
        }
        let (lat, lon) = r.origin.unwrap_or((0.0, 0.0));
        self.origins.push(Origin {
            name: r.shandong_city.clone(),
            name_zh: r.shandong_city_zh.clone(),
            lon,
            lat,
        });
        self.index_origins();
        self.origins.len() - 1
    }

    /// Adds the origins past the indexed ones to the name index (a name keeps its first origin).
    fn index_origins(&mut self) {
        for (i, o) in self.origins.iter().enumerate().skip(self.indexed) {
            for name in [&o.name, &o.name_zh] {
                self.origin_names.entry(name.clone()).or_insert(i);
            }
        }
        self.indexed = self.origins.len();
    }

    /// An origin by its English or Chinese name (the first with that name).
    pub fn origin_index(&self, name: &str) -> Option<usize> {
        let is = |o: &Origin| o.name == name || o.name_zh == name;
        match self.origin_names.get(name) {
            Some(&i) if self.origins.get(i).is_some_and(is) => Some(i),
            _ => {
                let start = self.indexed.min(self.origins.len());
                self.origins[start..].iter().position(is).map(|i| i + start)
            }
        }
    }
}

/// Origin index, partner (case-folded), country and signing body (case-folded).
type PairKey = (usize, String, String, String);

/// Same origin (by index, whichever of its names the row used), partner (case-insensitive),
/// country and signing body.
fn pair_key(city: usize, r: &Record) -> PairKey {
    (
        city,
        crate::case::fold(&r.partner),
        r.country.clone(),
        crate::case::fold(r.signed_by.as_deref().unwrap_or_default()),
    )
}

/// The alpha-2 code of a `country` value: a code, or (with `names`) a country's name.
fn country_code(countries: &Countries, v: &str, names: bool) -> Option<String> {
    if let Some(c) = countries.get(v) {
        return Some(c.alpha2.clone());
    }
    if !names {
        return None;
    }
    countries
        .get(&v.trim().to_ascii_uppercase())
        .map(|c| c.alpha2.as_str())
        .or_else(|| countries.code_of_name(v))
        .map(str::to_string)
}
