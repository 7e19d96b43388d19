//! The ties to draw: parsed records joined to their Shandong origin, densified once into
//! great-circle polylines.

use super::cities::{city_index, SHANDONG_CITIES};
use super::countries::Countries;
use super::record::{parse_csv, Record, RowError, Rules};
use crate::lonlat::LonLat;
use crate::sphere::{great_circle, MAX_STEP_DEG};

/// The built-in partnerships: `data/partnerships.csv` as checked by `build.rs`, without its
/// research columns (`notes`, `geonameid`).
pub const PARTNERSHIPS_CSV: &str =
    include_str!(concat!(env!("OUT_DIR"), "/partnerships.compact.csv"));

/// One partnership ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Tie {
    /// The row as written.
    pub record: Record,
    /// Line in its source file.
    pub line: u64,
    /// Index into [`SHANDONG_CITIES`].
    pub city: usize,
    /// Where the link starts (the Shandong seat).
    pub from: LonLat,
    /// Where the link ends (the partner).
    pub to: LonLat,
    /// The great circle from `from` to `to`, longitudes in [-180, 180), densified by
    /// [`MAX_STEP_DEG`].
    pub path: Vec<LonLat>,
}

/// A set of ties plus the tables needed to describe them.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// All ties, in file order.
    pub ties: Vec<Tie>,
    /// Country names and continents.
    pub countries: Countries,
}

impl Dataset {
    /// Parses a partnerships CSV. Returns the dataset of the good rows and the errors of the bad
    /// ones (each with its line and field); duplicates of an earlier pair are errors too.
    ///
    /// `last_year` is the latest year accepted for `established`.
    pub fn from_csv(text: &str, last_year: u16) -> (Self, Vec<RowError>) {
        let countries = Countries::builtin();
        let is_country = |c: &str| countries.get(c).is_some();
        let is_city = |c: &str| city_index(c).is_some();
        let rules = Rules {
            is_country: &is_country,
            is_shandong_city: &is_city,
            last_year,
        };
        let (records, mut errors) = parse_csv(text, &rules);
        let mut ties: Vec<Tie> = Vec::with_capacity(records.len());
        for (line, record) in records {
            let dup = ties.iter().find(|t| same_pair(&t.record, &record));
            if let Some(first) = dup {
                errors.push(RowError {
                    line,
                    field: "partner".into(),
                    reason: format!(
                        "duplicate of line {}: {} – {}",
                        first.line, record.shandong_city, record.partner
                    ),
                });
                continue;
            }
            let city = city_index(&record.shandong_city).unwrap_or(0);
            let origin = SHANDONG_CITIES[city];
            let from = LonLat::new(origin.lon, origin.lat);
            let to = LonLat::new(record.lon, record.lat);
            ties.push(Tie {
                path: great_circle(from, to, MAX_STEP_DEG),
                record,
                line,
                city,
                from,
                to,
            });
        }
        (Self { ties, countries }, errors)
    }

    /// The dataset built into the binary (checked at build time by `build.rs`).
    pub fn builtin() -> Self {
        Self::from_csv(PARTNERSHIPS_CSV, u16::MAX).0
    }
}

/// The same Shandong side, partner and signing body (case-insensitive names).
fn same_pair(a: &Record, b: &Record) -> bool {
    a.shandong_city == b.shandong_city
        && a.country == b.country
        && a.partner.eq_ignore_ascii_case(&b.partner)
        && a.signed_by == b.signed_by
}
