//! JSON entries as an import reads them: the page parses the file with the browser's
//! `JSON.parse` and hands over each entry of the top-level array as a [`JsonEntry`] (natively,
//! [`entries_from_json`] does the same with `serde_json`). Values keep their JSON type, so a
//! wrong-typed value is reported with the type found, and an entry that is not an object is
//! reported while the good entries load.
//!
//! Rules for the values of columns that a field reads (other keys are ignored, whatever they
//! hold): a string is its text; a number is its text as JavaScript writes it (`-8.72`, `1979`);
//! `null` is the same as an absent key; `true`/`false`, arrays and objects are errors.

use crate::data::record::{parse_fields, Mapping, RowError};
use crate::data::record::{OPTIONAL_COLUMNS, ORIGIN_COLUMNS, REQUIRED_COLUMNS};
use crate::data::{Dataset, ImportOptions};

/// One JSON value of an entry.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonValue {
    /// A string.
    String(String),
    /// A number, as its text: the shortest form that reads back as the same double, as
    /// JavaScript's `String(n)` writes it (`-8.72`, `1979`, `1e+21`).
    Number(String),
    /// `true` or `false`.
    Bool(bool),
    /// `null`.
    Null,
    /// An array (its contents are not read).
    Array,
    /// An object (its contents are not read).
    Object,
}

impl JsonValue {
    /// What the value is, for messages: `a string`, `a number (5)`, `` `true` ``, `null`,
    /// `an array`, `an object`.
    pub fn describe(&self) -> String {
        match self {
            Self::String(_) => "a string".into(),
            Self::Number(n) => format!("a number ({n})"),
            Self::Bool(b) => format!("`{b}`"),
            Self::Null => "null".into(),
            Self::Array => "an array".into(),
            Self::Object => "an object".into(),
        }
    }
}

/// One entry of the top-level array.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonEntry {
    /// An object: its keys and values, in order.
    Object(Vec<(String, JsonValue)>),
    /// Anything else, with what it was (any value but [`JsonValue::Object`]).
    Other(JsonValue),
}

/// The fields a key is read by under a mapping (a key may feed several, e.g. `city1`).
fn fields_reading<'m>(
    key: &'m str,
    mapping: &'m Mapping,
) -> impl Iterator<Item = &'static str> + 'm {
    REQUIRED_COLUMNS
        .into_iter()
        .chain(OPTIONAL_COLUMNS)
        .chain(ORIGIN_COLUMNS)
        .filter(move |field| {
            let column = mapping
                .columns
                .iter()
                .find(|(f, _)| f == field)
                .map_or(*field, |(_, c)| c.as_str());
            column == key
        })
}

/// An object entry read into cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntryCells<'e> {
    /// `(column, text)` of the values that are text or numbers.
    pub cells: Vec<(&'e str, &'e str)>,
    /// One error per value of a type no field takes (such values are left out of `cells`).
    pub errors: Vec<RowError>,
    /// The fields that read a left-out value: the parser finds them empty, which the type
    /// error already explains.
    pub wrong_typed: Vec<&'static str>,
}

/// The cells of entry number `line`, or the error of an entry that is not an object.
pub fn entry_cells<'e>(
    entry: &'e JsonEntry,
    line: u64,
    mapping: &Mapping,
) -> Result<EntryCells<'e>, RowError> {
    let fields = match entry {
        JsonEntry::Object(fields) => fields,
        JsonEntry::Other(v) => {
            return Err(RowError {
                line,
                field: "entry".into(),
                reason: format!("is {}, not an object", v.describe()),
            })
        }
    };
    let mut out = EntryCells {
        cells: Vec::with_capacity(fields.len()),
        ..EntryCells::default()
    };
    for (key, value) in fields {
        match value {
            JsonValue::String(s) | JsonValue::Number(s) => out.cells.push((key, s)),
            JsonValue::Null => {}
            other => {
                let reading: Vec<&'static str> = fields_reading(key, mapping).collect();
                if let Some(field) = reading.first() {
                    out.errors.push(RowError {
                        line,
                        field: (*field).into(),
                        reason: format!("is {}: expected text or a number", other.describe()),
                    });
                }
                out.wrong_typed.extend(reading);
            }
        }
    }
    Ok(out)
}

/// The entries of a JSON text (with `serde_json`, for the command line and tests): the array's
/// entries, or why the text is not an array of objects. The page does the same with
/// `JSON.parse` (so this is not linked into the wasm).
pub fn entries_from_json(text: &str) -> Result<Vec<JsonEntry>, String> {
    use serde_json::Value;
    let value = |v: &Value| match v {
        Value::String(s) => JsonValue::String(s.clone()),
        // Integers without a fraction, others as Rust's shortest form: JavaScript's text for
        // every number in plain notation (`1979`, `-8.72`), and what reads back the same.
        Value::Number(n) => JsonValue::Number(match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, Some(f)) => f.to_string(),
            _ => n.to_string(),
        }),
        Value::Bool(b) => JsonValue::Bool(*b),
        Value::Null => JsonValue::Null,
        Value::Array(_) => JsonValue::Array,
        Value::Object(_) => JsonValue::Object,
    };
    let parsed: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON ({e})"))?;
    let Value::Array(items) = parsed else {
        return Err(format!(
            "expected an array of objects, found {}",
            value(&parsed).describe()
        ));
    };
    Ok(items
        .iter()
        .map(|item| match item {
            Value::Object(o) => {
                JsonEntry::Object(o.iter().map(|(k, v)| (k.clone(), value(v))).collect())
            }
            other => JsonEntry::Other(value(other)),
        })
        .collect())
}

/// Adds the good entries of a parsed JSON array to `dataset` (numbered from 1 in errors);
/// returns the bad entries' errors, in entry order. An entry that is not an object, or has a
/// value of the wrong type, is reported and skipped; the others load.
pub fn add_entries(
    dataset: &mut Dataset,
    items: &[JsonEntry],
    last_year: u16,
    options: &ImportOptions,
) -> Vec<RowError> {
    let mapping = Mapping {
        strict: false,
        ..options.mapping.clone()
    };
    let mut errors = Vec::new();
    let mut records = Vec::new();
    dataset.with_rules(last_year, options, |rules| {
        for (i, entry) in items.iter().enumerate() {
            let line = i as u64 + 1;
            let read = match entry_cells(entry, line, &mapping) {
                Ok(read) => read,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            match parse_fields(&read.cells, line, &mapping, rules) {
                Ok(r) if read.errors.is_empty() => records.push((line, r)),
                Ok(_) => errors.extend(read.errors),
                Err(found) => {
                    errors.extend(read.errors);
                    let explained = |e: &RowError| read.wrong_typed.contains(&e.field.as_str());
                    errors.extend(found.into_iter().filter(|e| !explained(e)));
                }
            }
        }
    });
    dataset.add_records_in_order(records, errors)
}
