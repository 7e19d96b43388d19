//! Small helpers between Rust values and JavaScript: errors, serialisation, the window.

use wasm_bindgen::JsValue;
use web_sys::HtmlElement;

/// A JavaScript `Error` with `msg`.
pub fn js_err(msg: &str) -> JsValue {
    js_sys::Error::new(msg).into()
}

/// A Rust value as a plain JavaScript value (`None` as `null`).
pub fn to_js<T: serde::Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    let s = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    v.serialize(&s).map_err(|e| js_err(&e.to_string()))
}

/// A `performance` mark (`friendship-map:NAME`), for host pages and the benchmark's trace of
/// the start, split by stage.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("friendship-map:{name}"));
    }
}

/// The window.
pub fn window() -> Result<web_sys::Window, JsValue> {
    web_sys::window().ok_or_else(|| js_err("no window"))
}

/// `performance.now()`, ms.
pub fn now_ms() -> f64 {
    window()
        .ok()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The element's size in CSS px (at least 1×1).
pub fn element_size(el: &HtmlElement) -> (f64, f64) {
    let r = el.get_bounding_client_rect();
    (r.width().max(1.0), r.height().max(1.0))
}

/// This year, from the browser's clock (the latest year a date or a URL may name).
pub fn this_year() -> u16 {
    js_sys::Date::new_0().get_full_year() as u16
}

/// An event for the page: `{type: kind, …fields}`.
pub fn event(kind: &str, fields: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"type".into(), &JsValue::from_str(kind));
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// A JavaScript `TypeError` with `msg`: an argument of the wrong type.
pub fn type_err(msg: &str) -> JsValue {
    js_sys::TypeError::new(msg).into()
}

/// Calls `cb` with `args`, ignoring what a host page's callback throws.
pub fn call(cb: Option<js_sys::Function>, args: &[JsValue]) {
    let Some(cb) = cb else {
        return;
    };
    let _ = match args {
        [] => cb.call0(&JsValue::NULL),
        [a] => cb.call1(&JsValue::NULL, a),
        [a, b] => cb.call2(&JsValue::NULL, a, b),
        [a, b, c, ..] => cb.call3(&JsValue::NULL, a, b, c),
    };
}
