//! The state the handle shares with its event listeners: the map, its canvas and the host
//! page's one event callback; and the one place commands are applied and their effects told.

use super::canvas::CanvasSink;
use super::frame_loop::{self, FrameLoop};
use super::js::{call, event, to_js};
use crate::command::{Command, Outcome};
use crate::gesture::Gestures;
use crate::map::MapState;
use crate::Error;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{HtmlCanvasElement, HtmlElement};

/// One map on the page.
pub struct Host {
    /// The pure map.
    pub map: MapState,
    /// The element the canvas sits in (its size is the map's).
    pub container: HtmlElement,
    /// The canvas (created and owned by the web layer).
    pub canvas: HtmlCanvasElement,
    /// Paints frames into the canvas.
    pub sink: CanvasSink,
    /// Pointers down.
    pub gestures: Gestures,
    /// Frame scheduling and change reporting.
    pub frames: FrameLoop,
    /// The host page's callback: `cb(event)` for every event (see `FriendshipMap.on`).
    pub events: Option<js_sys::Function>,
    /// An import between its stages.
    pub import: Option<super::import::Pending>,
}

/// The shared host.
pub type Shared = Rc<RefCell<Host>>;

/// Tells the page an event: `{type, …fields}`.
pub fn tell(rc: &Shared, kind: &str, fields: &[(&str, JsValue)]) {
    let cb = rc.borrow().events.clone();
    call(cb, &[event(kind, fields)]);
}

/// Applies commands to the map (stopping at the first one refused), then tells the page what
/// followed (tooltip, selection, leaving presenter mode) and schedules a frame. `at` is the
/// pointer, CSS px, for the tooltip.
pub fn apply(rc: &Shared, commands: Vec<Command>, at: (f64, f64)) -> Result<Outcome, Error> {
    if commands.is_empty() {
        return Ok(Outcome::default());
    }
    let result = rc.borrow_mut().map.apply_all(commands);
    let out = match &result {
        Ok(o) => o.clone(),
        Err(_) => Outcome::default(),
    };
    let (tooltip, selected) = {
        let host = rc.borrow();
        let m = &host.map;
        let tip = out.hover_changed.then(|| {
            m.hover()
                .map_or(Ok(JsValue::NULL), |h| to_js(&m.tooltip(h)))
        });
        let origins = &m.dataset().origins;
        let name = m
            .selected_city()
            .map(|c| JsValue::from_str(&origins[c].name));
        (
            tip,
            out.selection_changed.then(|| name.unwrap_or(JsValue::NULL)),
        )
    };
    if out.animation_started {
        frame_loop::restart_clock(rc);
    }
    frame_loop::request(rc);
    if let Some(Ok(tip)) = tooltip {
        let fields = [("tooltip", tip), ("x", at.0.into()), ("y", at.1.into())];
        tell(rc, "hover", &fields);
    }
    if let Some(city) = selected {
        tell(rc, "select", &[("city", city)]);
    }
    if out.leave_presentation {
        tell(rc, "leave", &[]);
    }
    result
}
