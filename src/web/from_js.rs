//! Filters and search targets read from the plain objects the page hands over (the shapes that
//! `getFilter()` and `search()` return). Read field by field rather than through serde, whose
//! deserializer would bring core's float formatting (for its error messages) into the wasm.

use crate::filter::{Filter, Years};
use crate::search::Target;
use crate::Error;
use wasm_bindgen::JsValue;

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn object<'a>(v: &'a JsValue, what: &str) -> Result<&'a JsValue, String> {
    if v.is_object() && !js_sys::Array::is_array(v) {
        Ok(v)
    } else {
        Err(format!("{what} is not an object"))
    }
}

fn boolean(obj: &JsValue, key: &str) -> Result<bool, String> {
    get(obj, key)
        .as_bool()
        .ok_or_else(|| format!("`{key}` is not true or false"))
}

/// A whole number from 0 to `max`, or `None` when the field is absent.
fn whole(v: &JsValue, what: &str, max: u32) -> Result<Option<f64>, String> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    match v.as_f64() {
        Some(x) if x.fract() == 0.0 && (0.0..=f64::from(max)).contains(&x) => Ok(Some(x)),
        _ => Err(format!("`{what}` is not a whole number from 0 to {max}")),
    }
}

fn year(obj: &JsValue, key: &str) -> Result<Option<u16>, String> {
    Ok(whole(&get(obj, key), key, u32::from(u16::MAX))?.map(|x| x as u16))
}

fn list<T>(
    obj: &JsValue,
    key: &str,
    item: impl Fn(&JsValue) -> Option<T>,
) -> Result<Option<Vec<T>>, String> {
    let v = get(obj, key);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    if !js_sys::Array::is_array(&v) {
        return Err(format!("`{key}` is not a list"));
    }
    js_sys::Array::from(&v)
        .iter()
        .map(|x| item(&x).ok_or_else(|| format!("`{key}` has a bad entry")))
        .collect::<Result<Vec<T>, String>>()
        .map(Some)
}

fn required<T>(r: Result<Option<Vec<T>>, String>, key: &str) -> Result<Vec<T>, String> {
    r?.ok_or_else(|| format!("`{key}` is missing"))
}

fn index(v: &JsValue) -> Option<usize> {
    whole(v, "", 1_000_000_000)
        .ok()
        .flatten()
        .map(|x| x as usize)
}

/// The filter, as `getFilter()` writes it; every field is required.
pub fn filter(v: &JsValue) -> Result<Filter, Error> {
    fields(v).map_err(|reason| Error::value("filter", reason))
}

fn fields(v: &JsValue) -> Result<Filter, String> {
    let f = object(v, "the filter")?;
    let years = get(f, "years");
    let y = object(&years, "`years`")?;
    let mode = get(y, "mode")
        .as_string()
        .ok_or("`years.mode` is not text")?;
    Ok(Filter {
        years: Years::from_fields(&mode, year(y, "from")?, year(y, "to")?, year(y, "year")?)
            .map_err(|e| e.to_string())?,
        unknown_year: boolean(f, "unknown_year")?,
        regions: required(list(f, "regions", JsValue::as_string), "regions")?,
        cities: required(list(f, "cities", index), "cities")?,
        sister: boolean(f, "sister")?,
        friendly: boolean(f, "friendly")?,
        city_level: boolean(f, "city_level")?,
        province_level: boolean(f, "province_level")?,
        evidence: required(list(f, "evidence", JsValue::as_string), "evidence")?,
    })
}

/// A search result's target, as `search()` writes it.
pub fn target(v: &JsValue) -> Result<Target, Error> {
    let wrong = |reason| Error::value("target", reason);
    let t = object(v, "the target").map_err(wrong)?;
    let kind = get(t, "type")
        .as_string()
        .ok_or_else(|| wrong("`type` is not text".into()))?;
    Target::from_fields(
        &kind,
        list(t, "ties", index).map_err(wrong)?,
        get(t, "code").as_string(),
        whole(&get(t, "city"), "city", 1_000_000_000)
            .map_err(wrong)?
            .map(|x| x as usize),
    )
}
