//! The handle JavaScript holds: `new FriendshipMap(containerElement)`. One door in
//! (`dispatch(command)`, [`super::dispatch`]), one event out (`on(callback)`, with the
//! snapshot after each change of what is shown), and a few reads: the snapshot, the URL query,
//! search results. Publishing is in [`super::publish`]; test and benchmark hooks are another
//! class ([`super::diagnostics`]).

use super::canvas::CanvasSink;
use super::dom_input::{self, Listener};
use super::fields::{kind_of, text_arg};
use super::frame_loop;
use super::host::{FrameLoop, Host, Shared};
use super::js::{element_size, js_err, mark, this_year, to_js, type_err, window};
use super::text_metrics::CanvasMeasure;
use crate::basemap::{Basemap, BASEMAP_110M};
use crate::command::Command;
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

/// Follows the container's size (in presenter mode the picture's scale follows it too).
fn resize(rc: &Shared) {
    let (width, height) = element_size(&rc.borrow().container);
    let _ = rc.borrow_mut().map.apply(Command::Resize { width, height });
    // The backing store follows when the frame is painted, which also notices
    // devicePixelRatio changes.
    frame_loop::request_forced(rc);
}

impl FriendshipMap {
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
    pub fn new(container: JsValue) -> Result<FriendshipMap, JsValue> {
        let container: HtmlElement = container.dyn_into().map_err(|v| {
            type_err(&format!(
                "new FriendshipMap(container) takes an element, not {}",
                kind_of(&v)
            ))
        })?;
        let document = window()?.document().ok_or_else(|| js_err("no document"))?;
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        canvas.set_class_name("fm-canvas");
        canvas.set_attribute("role", "img")?;
        // Reachable by Tab: the map takes its keys itself (see `dom_input`).
        canvas.set_tab_index(0);
        container.append_child(&canvas)?;
        mark("constructor");
        let basemap =
            Basemap::decode(BASEMAP_110M).map_err(|e| js_err(&Error::from(e).to_string()))?;
        mark("basemap-decoded");
        let dataset = Dataset::builtin();
        mark("dataset-read");
        let (w, h) = element_size(&container);
        let mut map = MapState::new(dataset, &basemap, w, h).with_year(this_year());
        mark("state-built");
        if let Some(measure) = CanvasMeasure::new() {
            map.set_text_measure(Rc::new(measure));
        }
        let host = Rc::new(RefCell::new(Host {
            map,
            container: container.clone(),
            sink: CanvasSink::new(context_2d(&canvas)?),
            canvas,
            gestures: Gestures::default(),
            frames: FrameLoop::default(),
            events: None,
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

    /// Calls `callback(event)` for every event, `event.type` being: `data` after a painted
    /// frame in which what is shown changed (`event.snapshot`: everything the page shows);
    /// `view` after one in which only the camera moved (`event.query`: the URL state now); `select` when a click or key changed the
    /// selection (`event.city`: its English name or null); `hover` when the hovered marker or
    /// link changed (`event.tooltip` or null, at `event.x`, `event.y` CSS px); `detail` once,
    /// when the view first wants the 1:50m basemap (the page fetches it and dispatches
    /// `detailBasemap`); `leave` when Esc asks to leave presenter mode. `null` stops the events.
    pub fn on(&self, callback: JsValue) -> Result<(), JsValue> {
        let cb = match callback.dyn_into::<js_sys::Function>() {
            Ok(f) => Some(f),
            Err(v) if v.is_null() => None,
            Err(v) => {
                let got = kind_of(&v);
                return Err(type_err(&format!(
                    "on(callback) takes a function or null, not {got}"
                )));
            }
        };
        self.host.borrow_mut().events = cb;
        Ok(())
    }

    /// Everything the page shows now (as the `data` event carries it): `{version, dataset,
    /// stats, all, summary, caption, data, filter, selected, projection, language,
    /// presenting, spinning, cities, regions, table, rows, unknown_apart, stages_drawn}`.
    pub fn snapshot(&self) -> Result<JsValue, JsValue> {
        self.read(|m| to_js(&m.snapshot()))
    }

    /// The story shown as a story file reads it, `{title, steps: [{state, caption: {zh, en},
    /// duration}]}` (the steps that play, each caption in both languages), or null.
    pub fn story(&self) -> Result<JsValue, JsValue> {
        self.read(|m| m.story().map_or(Ok(JsValue::NULL), |s| to_js(s.story())))
    }

    /// The URL query string of the current filters, selection, projection and view.
    pub fn query(&self) -> String {
        self.read(MapState::query)
    }

    /// Search results for a query in Chinese or English: `[{label_zh, label_en, detail,
    /// target}]` (a `target` is dispatched as `{type: "focus", target}`).
    pub fn search(&self, query: JsValue) -> Result<JsValue, JsValue> {
        let q = text_arg(&query, "search(query)")?;
        self.read(|m| to_js(&m.search(&q)))
    }

    /// Paints a frame now (frames are otherwise painted on the next animation frame, and only
    /// when something changed).
    pub fn render(&self) {
        frame_loop::draw_now(&self.host);
    }
}

/// The keys of `query` that are not the map's (for a page whose whole query is the map's).
#[wasm_bindgen(js_name = unknownKeys)]
pub fn unknown_keys(query: JsValue) -> Result<Vec<String>, JsValue> {
    let q = text_arg(&query, "unknownKeys(query)")?;
    Ok(crate::url_state::unknown_keys(&q))
}
