//! A user's data file handed over by the page: its options read, its bytes checked and parsed
//! by the core's importer (JSON through the browser's `JSON.parse`, its values kept with their
//! types), and, when the page has the 1:50m basemap, every partner placed in its country.

use super::js::{js_err, this_year};
use crate::data::Dataset;
use crate::import::{import_bytes, ImportReport, Preset};
use crate::json_entry::{JsonEntry, JsonValue};
use crate::validate::{check_placement, Placement};
use wasm_bindgen::{JsCast, JsValue};

/// How the page asks for an import.
pub struct ImportRequest {
    /// File name, for error messages.
    pub file: String,
    /// The file's layout.
    pub preset: Preset,
    /// Added to the data shown, instead of replacing it.
    pub add: bool,
}

impl ImportRequest {
    /// Reads `{file, preset, mode}` (every field optional); an unknown preset or mode is an
    /// error.
    pub fn from_js(options: &JsValue) -> Result<Self, JsValue> {
        let get = |k: &str| {
            js_sys::Reflect::get(options, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let file = Some(get("file"))
            .filter(|f| !f.is_empty())
            .unwrap_or_else(|| "data".into());
        let preset = Preset::from_name(&get("preset"))
            .ok_or_else(|| js_err(&format!("unknown preset `{}`", get("preset"))))?;
        let add = match get("mode").as_str() {
            "" | "replace" => false,
            "add" => true,
            m => return Err(js_err(&format!("unknown mode `{m}`"))),
        };
        Ok(Self { file, preset, add })
    }
}

/// The file's bytes: a `Uint8Array` or `ArrayBuffer`, or a string (taken as UTF-8).
pub fn bytes_of(data: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(text) = data.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(buffer) = data.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer).to_vec());
    }
    data.dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec)
        .ok_or_else(|| js_err("the data is not text, a Uint8Array or an ArrayBuffer"))
}

/// An import between its stages: the page yields to the browser between them, so that it can
/// show the import's progress and stay responsive.
pub struct Pending {
    /// The data being built.
    pub dataset: Dataset,
    /// Ties it held before the file (when adding to the data shown).
    before: usize,
    /// What the import did so far.
    pub report: ImportReport,
    request: ImportRequest,
}

/// First stage: reads and parses a file's bytes into `dataset` (see
/// [`crate::import::import_bytes`]).
pub fn parse(mut dataset: Dataset, bytes: &[u8], request: ImportRequest) -> Pending {
    let before = dataset.ties.len();
    let report = import_bytes(
        &mut dataset,
        bytes,
        &request.file,
        request.preset,
        this_year(),
        |text| {
            let parsed = js_sys::JSON::parse(text).map_err(|e| {
                let why = js_sys::Error::from(e).message();
                format!("not valid JSON ({})", String::from(why))
            })?;
            entries(&parsed)
        },
    );
    Pending {
        dataset,
        before,
        report,
        request,
    }
}

/// Second stage: with a placement, partners outside their country are left out and listed.
pub fn place(pending: &mut Pending, placement: Option<&Placement>) {
    if let Some(p) = placement {
        let report = std::mem::take(&mut pending.report);
        let (dataset, file) = (&mut pending.dataset, &pending.request.file);
        pending.report = check_placement(dataset, pending.before, report, file, p);
    }
}

/// The entries of a parsed JSON array, with their values' types.
fn entries(v: &JsValue) -> Result<Vec<JsonEntry>, String> {
    let arr: &js_sys::Array = v.dyn_ref().ok_or("expected an array of objects")?;
    Ok(arr
        .iter()
        .map(|item| match value(&item) {
            JsonValue::Object => {
                let fields = js_sys::Object::entries(item.unchecked_ref())
                    .iter()
                    .map(|pair| {
                        let pair: js_sys::Array = pair.unchecked_into();
                        (
                            pair.get(0).as_string().unwrap_or_default(),
                            value(&pair.get(1)),
                        )
                    })
                    .collect();
                JsonEntry::Object(fields)
            }
            other => JsonEntry::Other(other),
        })
        .collect())
}

/// A JSON value's type (and text, for strings and numbers).
fn value(v: &JsValue) -> JsonValue {
    if let Some(s) = v.as_string() {
        JsonValue::String(s)
    } else if v.as_f64().is_some() {
        // As JavaScript writes it: the shortest form that reads back the same.
        let n = js_sys::Number::unchecked_from_js_ref(v).to_string_with_radix(10);
        JsonValue::Number(n.map(String::from).unwrap_or_default())
    } else if let Some(b) = v.as_bool() {
        JsonValue::Bool(b)
    } else if js_sys::Array::is_array(v) {
        JsonValue::Array
    } else if v.is_object() {
        JsonValue::Object
    } else {
        JsonValue::Null
    }
}
