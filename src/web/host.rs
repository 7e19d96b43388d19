//! The state the handle shares with its event listeners: the map, its canvas and the host
//! page's callbacks.

use super::canvas::CanvasSink;
use super::frame_loop::FrameLoop;
use super::js::{call, to_js};
use crate::gesture::{Action, Gestures};
use crate::map::MapState;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{HtmlCanvasElement, HtmlElement};

/// The host page's callbacks.
#[derive(Default)]
pub struct Callbacks {
    /// `(cityName | null)` after a click changed the selection.
    pub select: Option<js_sys::Function>,
    /// `()` once, when the 1:50m basemap is wanted.
    pub detail: Option<js_sys::Function>,
    /// `("data", snapshot)` or `("view")` after a painted frame that changed something.
    pub change: Option<js_sys::Function>,
    /// `(tooltip | null, x, y)` when the hover target changes.
    pub hover: Option<js_sys::Function>,
    /// `()` when a key asks to leave presenter mode.
    pub leave_presentation: Option<js_sys::Function>,
}

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
    /// Whether the page is in presenter mode (space and ←/→ drive the timeline).
    pub presenting: bool,
    /// Frame scheduling and change reporting.
    pub frames: FrameLoop,
    /// The host page's callbacks.
    pub callbacks: Callbacks,
    /// An import between its stages.
    pub import: Option<super::import::Pending>,
}

/// The shared host.
pub type Shared = Rc<RefCell<Host>>;

/// Applies input actions to the map, then tells the page what followed (tooltip, selection,
/// leaving presenter mode) and schedules a frame. `at` is the pointer, CSS px, for the tooltip.
pub fn apply(rc: &Shared, actions: &[Action], at: (f64, f64)) {
    if actions.is_empty() {
        return;
    }
    let mut host = rc.borrow_mut();
    let mut tooltip = None;
    let mut selected = None;
    let mut leave = false;
    for &a in actions {
        let out = host.map.apply(a);
        if out.hover_changed {
            let tip = host.map.hover().map(|h| host.map.tooltip(h));
            tooltip = Some(tip.map_or(Ok(JsValue::NULL), |t| to_js(&t)));
        }
        if out.selection_changed {
            let name = host.map.selected_city().map(|c| {
                let origins = &host.map.dataset().origins;
                JsValue::from_str(&origins[c].name)
            });
            selected = Some(name.unwrap_or(JsValue::NULL));
        }
        leave |= out.leave_presentation;
    }
    let callbacks = (
        host.callbacks.hover.clone(),
        host.callbacks.select.clone(),
        host.callbacks.leave_presentation.clone(),
    );
    drop(host);
    super::frame_loop::request(rc);
    if let Some(Ok(tip)) = tooltip {
        call(callbacks.0, &[tip, at.0.into(), at.1.into()]);
    }
    if let Some(name) = selected {
        call(callbacks.1, &[name]);
    }
    if leave {
        call(callbacks.2, &[]);
    }
}
