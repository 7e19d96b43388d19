//! The fields of one row, given as `(column, value)` cells (a CSV row or a JSON object): each
//! read from its mapped column, else from the mapping's default, and checked; every problem is
//! named with the line and field.

use super::date::parse_date;
use super::{column_of, default_of, err, Evidence, Kind, Level, Mapping, Record, RowError, Stage};
use super::{RowResult, Rules};

/// One row being read, with the problems found so far.
struct Row<'a> {
    cells: &'a [(&'a str, &'a str)],
    line: u64,
    mapping: &'a Mapping,
    errors: Vec<RowError>,
}

impl Row<'_> {
    /// A field's value, trimmed (empty when absent and without a default).
    fn field(&self, name: &str) -> String {
        let col = column_of(name, self.mapping);
        self.cells
            .iter()
            .find(|(c, _)| *c == col)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .or_else(|| default_of(name, self.mapping))
            .unwrap_or("")
            .to_string()
    }

    fn fail(&mut self, field: &str, reason: &str) {
        self.errors.push(err(self.line, field, reason));
    }

    /// A field that must not be empty.
    fn text(&mut self, name: &'static str) -> String {
        let v = self.field(name);
        if v.is_empty() {
            self.fail(name, "is empty");
        }
        v
    }

    /// A coordinate within ±`limit` degrees.
    fn coord(&mut self, v: &str, limit: f64, name: &str) -> Option<f64> {
        if v.is_empty() {
            self.fail(name, "is empty");
            return None;
        }
        match crate::number::parse(v) {
            Some(x) if x.is_finite() && x.abs() <= limit => Some(x),
            Some(_) => {
                let reason = format!("`{v}` is outside -{0}..{0} degrees", limit as i32);
                self.fail(name, &reason);
                None
            }
            None => {
                self.fail(name, &format!("`{v}` is not a number"));
                None
            }
        }
    }

    /// An imported tie's own origin, when it gives `origin_lat` and `origin_lon`.
    fn origin(&mut self) -> Option<(f64, f64)> {
        let (a, b) = (self.field("origin_lat"), self.field("origin_lon"));
        if a.is_empty() && b.is_empty() {
            return None;
        }
        let lat = self.coord(&a, 90.0, "origin_lat");
        let lon = self.coord(&b, 180.0, "origin_lon");
        lat.zip(lon)
    }

    /// A value of a small vocabulary (`level`, `kind`: their name tables).
    fn one_of<T: Copy>(&mut self, name: &str, values: [(T, &str); 2]) -> Option<T> {
        let v = self.field(name);
        let found = crate::names::value_of(&values, &v);
        if found.is_none() {
            let reason = format!("`{v}` is not `{}` or `{}`", values[0].1, values[1].1);
            self.fail(name, &reason);
        }
        found
    }

    /// The source URLs (one at least, each http or https).
    fn sources(&mut self) -> Vec<String> {
        let sources: Vec<String> = self
            .field("source")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if sources.is_empty() && !self.mapping.sources_apart {
            self.fail("source", "is empty: every row needs a source URL");
        }
        for s in &sources {
            if !(s.starts_with("https://") || s.starts_with("http://")) || s.len() < 12 {
                self.fail("source", &format!("`{s}` is not an http(s) URL"));
            }
        }
        sources
    }

    /// The `evidence` level. The built-in file (a strict mapping) fills it in every row; an
    /// import may leave cells empty (an export of mixed data writes the column with gaps) or
    /// lack the column: no level then.
    fn evidence(&mut self) -> Option<Evidence> {
        let value = self.field("evidence");
        let column = column_of("evidence", self.mapping);
        let has_column = self.cells.iter().any(|(c, _)| *c == column);
        if value.is_empty() && (!self.mapping.strict || !has_column) {
            return None;
        }
        let level = Evidence::from_name(&value);
        if level.is_none() {
            self.fail("evidence", &Evidence::reason(&value));
        }
        level
    }

    /// The `stage`: an empty cell (or no column) is an established tie.
    fn stage(&mut self) -> Stage {
        let value = self.field("stage");
        Stage::from_cell(&value).unwrap_or_else(|| {
            self.fail("stage", &Stage::reason(&value));
            Stage::Established
        })
    }
}

/// Parses one row given as `(column, value)` cells (a CSV row or a JSON object), reading each
/// field from its mapped column, else from the mapping's default.
pub fn parse_fields(
    cells: &[(&str, &str)],
    line: u64,
    mapping: &Mapping,
    rules: &Rules,
) -> RowResult {
    let mut row = Row {
        cells,
        line,
        mapping,
        errors: Vec::new(),
    };
    let shandong_city = row.text("shandong_city");
    let shandong_city_zh = row.text("shandong_city_zh");
    let partner = row.text("partner");
    let partner_zh = row.text("partner_zh");
    let country_value = row.text("country");
    let origin = row.origin();
    if !shandong_city.is_empty() && origin.is_none() && !(rules.is_known_origin)(&shandong_city) {
        let hint = if mapping.strict {
            ""
        } else {
            " (give origin_lat and origin_lon for another origin)"
        };
        let reason = format!("`{shandong_city}` is not Shandong or one of its 16 cities{hint}");
        row.fail("shandong_city", &reason);
    }
    let country = (rules.country_code)(&country_value);
    if !country_value.is_empty() && country.is_none() {
        let reason = format!("`{country_value}` is not an ISO 3166-1 alpha-2 code");
        row.fail("country", &reason);
    }
    let level = row.one_of("level", Level::NAMES);
    let kind = row.one_of("kind", Kind::NAMES);
    let established =
        parse_date(&row.field("established"), rules.last_year).unwrap_or_else(|reason| {
            row.fail("established", &reason);
            None
        });
    let lat = row.coord(&row.field("lat"), 90.0, "lat");
    let lon = row.coord(&row.field("lon"), 180.0, "lon");
    let sources = row.sources();
    let signed_by = Some(row.field("signed_by")).filter(|s| !s.is_empty());
    let notes = row.field("notes");
    let evidence = row.evidence();
    let stage = row.stage();
    if !row.errors.is_empty() {
        return Err(row.errors);
    }
    match (level, kind, lat, lon, country) {
        (Some(level), Some(kind), Some(lat), Some(lon), Some(country)) => Ok(Record {
            shandong_city,
            shandong_city_zh,
            partner,
            partner_zh,
            country,
            level,
            kind,
            established,
            lat,
            lon,
            sources,
            signed_by,
            notes,
            origin,
            evidence,
            stage,
        }),
        _ => Err(vec![err(line, "row", "incomplete")]),
    }
}
