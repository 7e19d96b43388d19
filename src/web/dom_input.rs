//! DOM input: pointer, wheel and key events are forwarded to the core's gestures
//! ([`crate::gesture`]) and the commands they yield are applied to the map. All map input,
//! keyboard included, has this one owner.

use super::effects::apply;
use super::host::Shared;
use crate::command::{Command, KeyPress};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    AddEventListenerOptions, Element, EventTarget, KeyboardEvent, MouseEvent, PointerEvent,
    WheelEvent,
};

/// A DOM event listener kept alive for the map's lifetime.
pub type Listener = Closure<dyn FnMut(JsValue)>;
type Handler = fn(&Shared, JsValue);

/// The event's position relative to the canvas, CSS px. Read as doubles: `clientX` is
/// fractional in browsers (web-sys exposes it as an integer, which would shift zoom anchors).
fn local_xy(canvas: &Element, e: &MouseEvent) -> (f64, f64) {
    let r = canvas.get_bounding_client_rect();
    let get = |k: &str, fallback: i32| {
        js_sys::Reflect::get(e, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(f64::from(fallback))
    };
    (
        get("clientX", e.client_x()) - r.left(),
        get("clientY", e.client_y()) - r.top(),
    )
}

/// Listens on the canvas for pointers and the wheel, and on `keys_on` (the root holding the
/// map: its shadow root or the document) for keys.
pub fn attach(rc: &Shared, keys_on: &EventTarget) -> Result<Vec<Listener>, JsValue> {
    let canvas: EventTarget = rc.borrow().canvas.clone().into();
    let mut out = Vec::new();
    let mut on = |target: &EventTarget, name: &str, passive: bool, f: Handler| {
        let weak: Weak<_> = Rc::downgrade(rc);
        let cb = Listener::new(move |e: JsValue| {
            if let Some(rc) = weak.upgrade() {
                f(&rc, e);
            }
        });
        let opts = AddEventListenerOptions::new();
        opts.set_passive(passive);
        let r = target.add_event_listener_with_callback_and_add_event_listener_options(
            name,
            cb.as_ref().unchecked_ref(),
            &opts,
        );
        out.push(cb);
        r
    };
    on(&canvas, "pointerdown", true, pointer_down)?;
    on(&canvas, "pointermove", true, pointer_move)?;
    on(&canvas, "pointerup", true, pointer_up)?;
    on(&canvas, "pointercancel", true, pointer_cancel)?;
    on(&canvas, "pointerleave", true, pointer_leave)?;
    on(&canvas, "wheel", false, wheel)?;
    on(keys_on, "keydown", false, key_down)?;
    Ok(out)
}

/// The pointer event and its position on the canvas.
fn pointer(rc: &Shared, e: JsValue) -> Option<(PointerEvent, f64, f64)> {
    let e = e.dyn_into::<PointerEvent>().ok()?;
    let (x, y) = local_xy(&rc.borrow().canvas, &e);
    Some((e, x, y))
}

fn pointer_down(rc: &Shared, e: JsValue) {
    if let Some((e, x, y)) = pointer(rc, e) {
        let mut host = rc.borrow_mut();
        let _ = host.canvas.set_pointer_capture(e.pointer_id());
        host.gestures.down(e.pointer_id(), x, y);
    }
}

fn pointer_move(rc: &Shared, e: JsValue) {
    if let Some((e, x, y)) = pointer(rc, e) {
        let actions = rc.borrow_mut().gestures.moved(e.pointer_id(), x, y);
        let _ = apply(rc, actions, (x, y));
    }
}

fn pointer_up(rc: &Shared, e: JsValue) {
    if let Some((e, x, y)) = pointer(rc, e) {
        let actions = rc.borrow_mut().gestures.up(e.pointer_id(), x, y);
        let _ = apply(rc, actions, (x, y));
    }
}

fn pointer_cancel(rc: &Shared, e: JsValue) {
    if let Ok(e) = e.dyn_into::<PointerEvent>() {
        rc.borrow_mut().gestures.cancel(e.pointer_id());
    }
}

fn pointer_leave(rc: &Shared, _e: JsValue) {
    let actions = rc.borrow_mut().gestures.leave();
    let _ = apply(rc, actions, (0.0, 0.0));
}

fn wheel(rc: &Shared, e: JsValue) {
    let Ok(e) = e.dyn_into::<WheelEvent>() else {
        return;
    };
    e.prevent_default();
    let (x, y) = local_xy(&rc.borrow().canvas, &e);
    let actions = rc
        .borrow_mut()
        .gestures
        .wheel(e.delta_y(), e.delta_mode(), x, y);
    let _ = apply(rc, actions, (x, y));
}

fn key_down(rc: &Shared, e: JsValue) {
    let Ok(e) = e.dyn_into::<KeyboardEvent>() else {
        return;
    };
    if e.default_prevented() || e.alt_key() || e.ctrl_key() || e.meta_key() {
        return;
    }
    let on_map = {
        let host = rc.borrow();
        let canvas: &JsValue = host.canvas.as_ref();
        e.target().is_some_and(|t| JsValue::from(t) == *canvas)
    };
    let press = KeyPress {
        name: e.key(),
        on_map,
        in_field: e.target().is_some_and(|t| is_field(&t)),
    };
    if let Ok(out) = apply(rc, vec![Command::Key(press)], (0.0, 0.0)) {
        if out.key_used {
            e.prevent_default();
        }
    }
}

/// Whether `target` keeps its keys: a text field, a list or an editable element.
fn is_field(target: &EventTarget) -> bool {
    let Some(el) = target.dyn_ref::<Element>() else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    let typed = el.get_attribute("type").unwrap_or_default();
    let text_input = tag == "input" && !matches!(typed.as_str(), "checkbox" | "radio" | "button");
    text_input
        || matches!(tag.as_str(), "textarea" | "select")
        || el
            .get_attribute("contenteditable")
            .is_some_and(|v| v != "false")
}
