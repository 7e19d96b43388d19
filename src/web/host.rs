//! The state the handle shares with its event listeners: the map, its canvas, the frame loop's
//! state and the host page's one event callback.

use super::canvas::CanvasSink;
use super::js::{call, event};
use crate::gesture::Gestures;
use crate::map::{CameraKey, MapState};
use crate::rest::Rest;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

/// The frame loop's state (its behaviour: [`super::frame_loop`]).
#[derive(Default)]
pub struct FrameLoop {
    /// A frame is requested and not painted yet.
    pub(super) pending: bool,
    /// An animation-frame callback is queued (at most one is: a frame painted directly by
    /// `render()` or `advance()` must not leave a second callback queued beside the loop's own,
    /// or an animation would paint twice per animation frame from then on).
    pub(super) queued: bool,
    /// Frames painted since start.
    pub drawn: u32,
    pub(super) raf: Option<Closure<dyn FnMut()>>,
    /// Whether a rest frame is due (see [`crate::rest`]).
    pub rest: Rest,
    /// Asks for the rest frame once a gesture has rested (see `REST_AFTER_MS`).
    pub(super) sharpen: Option<Closure<dyn FnMut()>>,
    pub(super) sharpen_timer: Option<i32>,
    /// Asks for a frame when a story's step has held for its time (no frames meanwhile).
    pub(super) wake: Option<Closure<dyn FnMut()>>,
    pub(super) wake_timer: Option<i32>,
    /// `performance.now()` of the last painted frame of an animation, ms.
    pub last_frame_ms: Option<f64>,
    /// The data version the page was last told about.
    pub(super) told_data_version: u64,
    /// The camera last reported.
    pub(super) told_camera: Option<CameraKey>,
}

impl FrameLoop {
    /// Whether a frame is requested and not painted yet.
    pub fn pending(&self) -> bool {
        self.pending
    }
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
