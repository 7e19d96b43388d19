//! The handle JavaScript holds: `new FriendshipMap(containerElement)`, its construction and its
//! callbacks. Its methods delegate to the pure map ([`crate::map::MapState`]) and schedule a
//! frame: camera and basemap in [`super::api_view`], data in [`super::api_data`], outputs in
//! [`super::api_output`], test and benchmark hooks in [`super::diagnostics`].

use super::canvas::CanvasSink;
use super::dom_input::{self, Listener};
use super::frame_loop::{self, request, FrameLoop};
use super::host::{Callbacks, Host, Shared};
use super::js::{css_size, js_err, window};
use super::text_metrics::CanvasMeasure;
use crate::basemap::{Basemap, BASEMAP_110M};
use crate::data::Dataset;
use crate::gesture::Gestures;
use crate::map::MapState;
use crate::Error;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

/// The map, as JavaScript sees it.
#[wasm_bindgen]
pub struct FriendshipMap {
    pub(super) host: Shared,
    _listeners: Vec<Listener>,
    _observer: web_sys::ResizeObserver,
}

pub(super) fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| js_err("no 2d context"))?
        .dyn_into()
        .map_err(JsValue::from)
}

/// Follows the container's size; in presenter mode the picture's scale follows it too.
pub(super) fn resize(rc: &Shared) {
    let mut host = rc.borrow_mut();
    let (w, h) = css_size(&host.container);
    host.map.resize(w, h);
    let k = crate::style::picture_scale(host.presenting, w, h);
    host.map.set_picture_scale(k);
    drop(host);
    // The backing store follows when the frame is painted, which also notices
    // devicePixelRatio changes.
    frame_loop::request_forced(rc);
}

impl FriendshipMap {
    /// Runs `f` on the map, then schedules a frame if it changed anything.
    pub(super) fn update<R>(&self, f: impl FnOnce(&mut MapState) -> R) -> R {
        let r = f(&mut self.host.borrow_mut().map);
        request(&self.host);
        r
    }

    /// Reads the map.
    pub(super) fn read<R>(&self, f: impl FnOnce(&MapState) -> R) -> R {
        f(&self.host.borrow().map)
    }
}

#[wasm_bindgen]
impl FriendshipMap {
    /// Creates the map inside `container` (an empty element sized by the page's CSS), with the
    /// built-in dataset and basemap. The canvas it adds is the map's; the page gives it its
    /// accessible name.
    #[wasm_bindgen(constructor)]
    pub fn new(container: HtmlElement) -> Result<FriendshipMap, JsValue> {
        let document = window()?.document().ok_or_else(|| js_err("no document"))?;
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        canvas.set_class_name("fm-canvas");
        canvas.set_attribute("role", "img")?;
        // Reachable by Tab: the map takes its keys itself (see `dom_input`).
        canvas.set_tab_index(0);
        container.append_child(&canvas)?;
        let basemap =
            Basemap::decode(BASEMAP_110M).map_err(|e| js_err(&Error::from(e).to_string()))?;
        let (w, h) = css_size(&container);
        let mut map = MapState::new(Dataset::builtin(), &basemap, w, h);
        if let Some(measure) = CanvasMeasure::new() {
            map.set_text_measure(Box::new(measure));
        }
        let host = Rc::new(RefCell::new(Host {
            map,
            container: container.clone(),
            sink: CanvasSink::new(context_2d(&canvas)?),
            canvas,
            gestures: Gestures::default(),
            presenting: false,
            frames: FrameLoop::default(),
            callbacks: Callbacks::default(),
            import: None,
        }));
        frame_loop::init(&host);
        let keys_on: web_sys::EventTarget = container.get_root_node().into();
        let mut listeners = dom_input::attach(&host, &keys_on)?;
        let weak = Rc::downgrade(&host);
        let on_resize = Listener::new(move |_| {
            if let Some(rc) = weak.upgrade() {
                resize(&rc);
            }
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
        observer.observe(&container);
        listeners.push(on_resize);
        resize(&host);
        Ok(FriendshipMap {
            host,
            _listeners: listeners,
            _observer: observer,
        })
    }

    // ---------- callbacks ----------

    /// Calls `callback(cityName | null)` when a click or key on the map changes the selection.
    #[wasm_bindgen(js_name = onSelect)]
    pub fn on_select(&self, callback: js_sys::Function) {
        self.host.borrow_mut().callbacks.select = Some(callback);
    }

    /// Calls `callback()` once, when the view first zooms in far enough to want the 1:50m
    /// basemap; the page then fetches it and hands it to `setDetailBasemap`.
    #[wasm_bindgen(js_name = onDetailNeeded)]
    pub fn on_detail_needed(&self, callback: js_sys::Function) {
        self.host.borrow_mut().callbacks.detail = Some(callback);
    }

    /// Calls `callback("data", snapshot)` after a painted frame in which what is shown changed
    /// (filters, playback step, selection, data), with everything the panels show (see
    /// `snapshot()`), and `callback("view")` after one in which only the camera moved.
    #[wasm_bindgen(js_name = onChange)]
    pub fn on_change(&self, callback: js_sys::Function) {
        self.host.borrow_mut().callbacks.change = Some(callback);
    }

    /// Calls `callback(tooltip | null, x, y)` when the hovered marker or link changes:
    /// `{target: "partner" | "link" | "city", title_zh, title_en, ties, count}` at (`x`, `y`)
    /// CSS px on the canvas. The page writes the tooltip.
    #[wasm_bindgen(js_name = onHover)]
    pub fn on_hover(&self, callback: js_sys::Function) {
        self.host.borrow_mut().callbacks.hover = Some(callback);
    }

    /// Calls `callback()` when Esc asks to leave presenter mode.
    #[wasm_bindgen(js_name = onLeavePresentation)]
    pub fn on_leave_presentation(&self, callback: js_sys::Function) {
        self.host.borrow_mut().callbacks.leave_presentation = Some(callback);
    }
}
