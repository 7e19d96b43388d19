//! Reading the plain objects a page hands over, field by field, with errors that name the
//! method, the field and what it takes (a `TypeError` for a value of the wrong type). Read by
//! hand rather than through serde, whose deserializer would bring core's float formatting into
//! the wasm.

use super::js::type_err;
use wasm_bindgen::JsValue;

/// The largest text a field takes (a URL query, a name, a basemap file is passed apart).
const MAX_TEXT: usize = 65_536;
/// The longest list a field takes.
const MAX_LIST: usize = 100_000;

/// What kind of JavaScript value `v` is, for messages.
pub fn kind_of(v: &JsValue) -> &'static str {
    if v.is_undefined() {
        "undefined"
    } else if v.is_null() {
        "null"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.as_f64().is_some_and(f64::is_nan) {
        "NaN"
    } else if v.as_f64().is_some_and(f64::is_infinite) {
        "an infinite number"
    } else if v.as_f64().is_some() {
        "a number"
    } else if v.is_string() {
        "text"
    } else if js_sys::Array::is_array(v) {
        "a list"
    } else if v.is_function() {
        "a function"
    } else {
        "an object"
    }
}

/// The fields of one object argument: `at` names it in messages (`dispatch(command)`).
pub struct Fields<'a> {
    obj: &'a JsValue,
    at: String,
}

impl<'a> Fields<'a> {
    /// The object `v`, or a `TypeError` naming `at` when it is not a plain object.
    pub fn of(v: &'a JsValue, at: &str) -> Result<Self, JsValue> {
        if v.is_object() && !js_sys::Array::is_array(v) && !v.is_function() {
            Ok(Self {
                obj: v,
                at: at.to_string(),
            })
        } else {
            Err(type_err(&format!(
                "{at} takes an object, not {}",
                kind_of(v)
            )))
        }
    }

    /// The raw field (undefined when absent).
    pub fn raw(&self, key: &str) -> JsValue {
        js_sys::Reflect::get(self.obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    /// A `TypeError` for field `key`, which takes `what`.
    pub fn wrong(&self, key: &str, what: &str) -> JsValue {
        let got = kind_of(&self.raw(key));
        type_err(&format!("{}.{key} takes {what}, not {got}", self.at))
    }

    /// Whether the field is absent (undefined or null).
    pub fn absent(&self, key: &str) -> bool {
        let v = self.raw(key);
        v.is_undefined() || v.is_null()
    }

    /// An optional text field of at most 64 KiB.
    pub fn text(&self, key: &str) -> Result<Option<String>, JsValue> {
        if self.absent(key) {
            return Ok(None);
        }
        match self.raw(key).as_string() {
            Some(s) if s.len() <= MAX_TEXT => Ok(Some(s)),
            Some(_) => Err(type_err(&format!(
                "{}.{key} takes text of at most {MAX_TEXT} bytes",
                self.at
            ))),
            None => Err(self.wrong(key, "text")),
        }
    }

    /// A required text field.
    pub fn need_text(&self, key: &str) -> Result<String, JsValue> {
        self.text(key)?.ok_or_else(|| self.wrong(key, "text"))
    }

    /// An optional finite number.
    pub fn number(&self, key: &str) -> Result<Option<f64>, JsValue> {
        if self.absent(key) {
            return Ok(None);
        }
        match self.raw(key).as_f64() {
            Some(x) if x.is_finite() => Ok(Some(x)),
            _ => Err(self.wrong(key, "a finite number")),
        }
    }

    /// A required finite number.
    pub fn need_number(&self, key: &str) -> Result<f64, JsValue> {
        self.number(key)?
            .ok_or_else(|| self.wrong(key, "a finite number"))
    }

    /// An optional whole number from 0 to `max`.
    pub fn whole(&self, key: &str, max: f64) -> Result<Option<f64>, JsValue> {
        match self.number(key)? {
            Some(x) if x.fract() == 0.0 && (0.0..=max).contains(&x) => Ok(Some(x)),
            Some(_) => Err(self.wrong(key, "a whole number")),
            None => Ok(None),
        }
    }

    /// An optional boolean.
    pub fn boolean(&self, key: &str) -> Result<Option<bool>, JsValue> {
        if self.absent(key) {
            return Ok(None);
        }
        self.raw(key)
            .as_bool()
            .map(Some)
            .ok_or_else(|| self.wrong(key, "true or false"))
    }

    /// A required boolean.
    pub fn need_boolean(&self, key: &str) -> Result<bool, JsValue> {
        self.boolean(key)?
            .ok_or_else(|| self.wrong(key, "true or false"))
    }

    /// An optional list, each item read by `item` (`None`: the item is of the wrong type,
    /// described by `what`).
    pub fn list<T>(
        &self,
        key: &str,
        what: &str,
        item: impl Fn(&JsValue) -> Option<T>,
    ) -> Result<Option<Vec<T>>, JsValue> {
        if self.absent(key) {
            return Ok(None);
        }
        let v = self.raw(key);
        if !js_sys::Array::is_array(&v) {
            return Err(self.wrong(key, &format!("a list of {what}")));
        }
        let a = js_sys::Array::from(&v);
        if a.length() as usize > MAX_LIST {
            return Err(type_err(&format!(
                "{}.{key} takes at most {MAX_LIST} items",
                self.at
            )));
        }
        a.iter()
            .map(|x| {
                item(&x).ok_or_else(|| {
                    let got = kind_of(&x);
                    type_err(&format!(
                        "{}.{key} takes a list of {what}, not {got}",
                        self.at
                    ))
                })
            })
            .collect::<Result<Vec<T>, JsValue>>()
            .map(Some)
    }
}

/// A text argument of at most 64 KiB, or a `TypeError` naming `at`.
pub fn text_arg(v: &JsValue, at: &str) -> Result<String, JsValue> {
    match v.as_string() {
        Some(s) if s.len() <= MAX_TEXT => Ok(s),
        Some(_) => Err(type_err(&format!(
            "{at} takes text of at most {MAX_TEXT} bytes"
        ))),
        None => Err(type_err(&format!("{at} takes text, not {}", kind_of(v)))),
    }
}

/// A short text item of a list (at most 1 KiB).
pub fn short_text(v: &JsValue) -> Option<String> {
    v.as_string().filter(|s| s.len() <= 1024)
}

/// A whole number item of a list (an index).
pub fn index(v: &JsValue) -> Option<usize> {
    v.as_f64()
        .filter(|x| x.fract() == 0.0 && (0.0..=1e9).contains(x))
        .map(|x| x as usize)
}
