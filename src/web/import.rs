//! A user's data file handed over by the page: its options read, JSON entries converted, and
//! the core's importer run.

use super::js::{js_err, this_year};
use crate::data::Dataset;
use crate::import::{import_csv, import_objects, ImportReport, Preset};
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

/// Imports `text` (CSV, or a JSON array of objects) into `dataset`.
pub fn run(
    dataset: &mut Dataset,
    text: &str,
    request: &ImportRequest,
) -> Result<ImportReport, JsValue> {
    let file = &request.file;
    let year = this_year();
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('[') {
        let parsed =
            js_sys::JSON::parse(trimmed).map_err(|_| js_err(&format!("{file}: not valid JSON")))?;
        let items = json_items(&parsed).map_err(|e| js_err(&format!("{file}: {e}")))?;
        Ok(import_objects(dataset, &items, file, request.preset, year))
    } else {
        Ok(import_csv(dataset, text, file, request.preset, year))
    }
}

/// A JSON array of objects as rows of `(key, value as text)`.
fn json_items(v: &JsValue) -> Result<Vec<Vec<(String, String)>>, String> {
    let arr: &js_sys::Array = v.dyn_ref().ok_or("expected an array of objects")?;
    let mut out = Vec::with_capacity(arr.length() as usize);
    for (i, item) in arr.iter().enumerate() {
        let obj: &js_sys::Object = item
            .dyn_ref()
            .filter(|_| !item.is_null() && !js_sys::Array::is_array(&item))
            .ok_or_else(|| format!("entry {} is not an object", i + 1))?;
        let mut row = Vec::new();
        for entry in js_sys::Object::entries(obj).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            let val = pair.get(1);
            // Numbers as JavaScript writes them (the shortest form that reads back the same).
            let text = val
                .as_string()
                .or_else(|| {
                    val.as_f64()?;
                    js_sys::Number::unchecked_from_js_ref(&val)
                        .to_string_with_radix(10)
                        .ok()
                        .map(String::from)
                })
                .unwrap_or_default();
            row.push((key, text));
        }
        out.push(row);
    }
    Ok(out)
}
