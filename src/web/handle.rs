//! The handle JavaScript holds: `new FriendshipMap(containerElement)`. Each method delegates to
//! the pure map ([`crate::map::MapState`]) and schedules a frame; test and benchmark hooks are
//! in [`super::diagnostics`].

use super::canvas::CanvasSink;
use super::dom_input::{self, Listener};
use super::frame_loop::{self, draw_now, request, restart_clock, FrameLoop};
use super::host::{Callbacks, Host, Shared};
use super::js::{css_size, js_err, this_year, to_js, window};
use super::{basemap_json, from_js, import};
use crate::basemap::{Basemap, BASEMAP_110M};
use crate::data::Dataset;
use crate::gesture::{Gestures, ZOOM_STEP};
use crate::map::MapState;
use crate::playback::PlayOptions;
use crate::projection::ProjectionKind;
use crate::scene::BasemapStyle;
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

fn context_2d(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsValue> {
    canvas
        .get_context("2d")?
        .ok_or_else(|| js_err("no 2d context"))?
        .dyn_into()
        .map_err(JsValue::from)
}

fn resize(rc: &Shared) {
    let mut host = rc.borrow_mut();
    let (w, h) = css_size(&host.container);
    host.map.resize(w, h);
    drop(host);
    // The backing store follows when the frame is painted, which also notices
    // devicePixelRatio changes.
    frame_loop::request_forced(rc);
}

impl FriendshipMap {
    /// Runs `f` on the map, then schedules a frame if it changed anything.
    fn update<R>(&self, f: impl FnOnce(&mut MapState) -> R) -> R {
        let r = f(&mut self.host.borrow_mut().map);
        request(&self.host);
        r
    }

    /// Reads the map.
    fn read<R>(&self, f: impl FnOnce(&MapState) -> R) -> R {
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
            Basemap::decode(BASEMAP_110M).map_err(|e| js_err(&format!("basemap: {}", e.0)))?;
        let (w, h) = css_size(&container);
        let host = Rc::new(RefCell::new(Host {
            map: MapState::new(Dataset::builtin(), &basemap, w, h),
            container: container.clone(),
            sink: CanvasSink::new(context_2d(&canvas)?),
            canvas,
            gestures: Gestures::default(),
            presenting: false,
            frames: FrameLoop::default(),
            callbacks: Callbacks::default(),
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

    // ---------- view ----------

    /// Back to the whole world, no city selected.
    #[wasm_bindgen(js_name = resetView)]
    pub fn reset_view(&self) {
        self.update(MapState::reset_view);
    }

    /// Moves the map by a screen offset (CSS px), as a drag would.
    #[wasm_bindgen(js_name = panBy)]
    pub fn pan_by(&self, dx: f64, dy: f64) {
        self.update(|m| m.pan(dx, dy));
    }

    /// Zooms by `factor` about the centre of the map.
    #[wasm_bindgen(js_name = zoomBy)]
    pub fn zoom_by(&self, factor: f64) {
        self.update(|m| m.zoom_by(factor));
    }

    /// Zooms in one step (as the + key does) about the centre.
    #[wasm_bindgen(js_name = zoomIn)]
    pub fn zoom_in(&self) {
        self.update(|m| m.zoom_by(ZOOM_STEP));
    }

    /// Zooms out one step (as the - key does) about the centre.
    #[wasm_bindgen(js_name = zoomOut)]
    pub fn zoom_out(&self) {
        self.update(|m| m.zoom_by(1.0 / ZOOM_STEP));
    }

    /// Projection: `naturalearth` (default), `equirectangular` or `globe` (centred on Shandong;
    /// drag turns it). Returns false for an unknown name.
    #[wasm_bindgen(js_name = setProjection)]
    pub fn set_projection(&self, name: &str) -> bool {
        let Some(kind) = ProjectionKind::from_name(name) else {
            return false;
        };
        self.update(|m| m.set_projection(kind));
        true
    }

    /// The projection's name.
    pub fn projection(&self) -> String {
        self.read(|m| m.projection().name().to_string())
    }

    /// Turns the globe slowly by itself (on the globe only).
    #[wasm_bindgen(js_name = setSpin)]
    pub fn set_spin(&self, on: bool) {
        self.host.borrow_mut().map.set_spin(on);
        restart_clock(&self.host);
    }

    /// Presenter mode: space plays or pauses and ←/→ step the years wherever the focus is in
    /// the map's page part; Esc calls the `onLeavePresentation` callback.
    #[wasm_bindgen(js_name = setPresenting)]
    pub fn set_presenting(&self, on: bool) {
        self.host.borrow_mut().presenting = on;
    }

    /// Basemap style: `countries` (default), `land` (coastlines only, no borders) or `china`
    /// (China's worldview as far as the data allows; see the README).
    #[wasm_bindgen(js_name = setBasemapStyle)]
    pub fn set_basemap_style(&self, style: &str) -> Result<(), JsValue> {
        let s = BasemapStyle::from_name(style)
            .ok_or_else(|| js_err(&format!("unknown basemap style `{style}`")))?;
        self.update(|m| m.set_basemap_style(s));
        Ok(())
    }

    /// Replaces the built-in basemap with an office's own: GeoJSON (Polygon / MultiPolygon
    /// features) or TopoJSON (the first object's polygons), as text. Throws with the reason
    /// when it cannot be read; the map keeps its basemap then.
    #[wasm_bindgen(js_name = loadBasemap)]
    pub fn load_basemap(&self, text: &str) -> Result<(), JsValue> {
        let parsed = js_sys::JSON::parse(text).map_err(|_| js_err("basemap: not valid JSON"))?;
        let basemap = basemap_json::basemap_from_json(&parsed)
            .map_err(|e| js_err(&format!("basemap: {e}")))?;
        self.update(|m| m.set_basemap(basemap));
        Ok(())
    }

    /// Loads the finer basemap (`basemap-50m.bin`, same format as the built-in one).
    #[wasm_bindgen(js_name = setDetailBasemap)]
    pub fn set_detail_basemap(&self, bytes: &[u8]) -> Result<(), JsValue> {
        let basemap = Basemap::decode(bytes).map_err(|e| js_err(&format!("basemap: {}", e.0)))?;
        self.update(|m| m.set_detail_basemap(&basemap));
        Ok(())
    }

    // ---------- what is shown ----------

    /// Emphasises one origin's links by its English or Chinese name (a built-in city,
    /// `Shandong` for the province's own ties, or an imported origin), or clears the selection
    /// with `null`. Returns false for an unknown name.
    #[wasm_bindgen(js_name = selectCity)]
    pub fn select_city(&self, name: Option<String>) -> bool {
        let city = match name.as_deref() {
            None | Some("") => None,
            Some(n) => match self.read(|m| m.city_named(n)) {
                Some(i) => Some(i),
                None => return false,
            },
        };
        self.update(|m| m.select_city(city));
        true
    }

    /// The selected city's English name, or `undefined`.
    #[wasm_bindgen(js_name = selectedCity)]
    pub fn selected_city(&self) -> Option<String> {
        self.read(|m| {
            m.selected_city()
                .map(|c| m.dataset().origins[c].name.clone())
        })
    }

    /// The filter: `{years: {mode: "all"} | {mode: "range", from, to} | {mode: "asof", year},
    /// unknown_year, regions: [id], cities: [index], sister, friendly, city_level,
    /// province_level}`.
    #[wasm_bindgen(js_name = getFilter)]
    pub fn get_filter(&self) -> Result<JsValue, JsValue> {
        self.read(|m| to_js(m.filter()))
    }

    /// Sets the filter (same shape as `getFilter()`); stops playback. Throws on a malformed
    /// object or an unknown city index, leaving the map as it was.
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(&self, filter: JsValue) -> Result<(), JsValue> {
        let f = from_js::filter(&filter).map_err(|e| js_err(&format!("filter: {e}")))?;
        let n = self.read(|m| m.dataset().origins.len());
        if let Some(bad) = f.cities.iter().find(|&&c| c >= n) {
            return Err(js_err(&format!("filter: no city {bad}")));
        }
        self.update(|m| m.set_filter(f));
        Ok(())
    }

    /// Shows everything again (the default filter); stops playback.
    #[wasm_bindgen(js_name = resetFilter)]
    pub fn reset_filter(&self) {
        self.update(|m| m.set_filter(crate::filter::Filter::default()));
    }

    /// Search results for a query: `[{label_zh, label_en, detail, target}]`.
    pub fn search(&self, query: &str) -> Result<JsValue, JsValue> {
        self.read(|m| to_js(&m.search(query)))
    }

    /// Chooses a search result's `target`: focuses and highlights it. Throws for a malformed
    /// target or one that does not fit the data shown (a result of older data).
    pub fn choose(&self, target: JsValue) -> Result<(), JsValue> {
        let t = from_js::target(&target).map_err(|e| js_err(&e))?;
        self.update(|m| m.choose(&t)).map_err(|e| js_err(&e))
    }

    /// Loads a user's data file: `text` is CSV, or JSON (an array of objects with the same
    /// columns). `options`: `{file: "name.csv", preset: "standard" | "world-twin-cities",
    /// mode: "replace" | "add"}`. Returns `{loaded, total, errors: [{line, field, reason,
    /// text}]}`; the good rows load even when others are bad. Throws only when the file is not
    /// CSV/JSON at all or the options are wrong, leaving the data shown as it was.
    #[wasm_bindgen(js_name = importData)]
    pub fn import_data(&self, text: &str, options: JsValue) -> Result<JsValue, JsValue> {
        let request = import::ImportRequest::from_js(&options)?;
        let mut dataset = if request.add {
            self.read(|m| m.dataset().clone())
        } else {
            Dataset::default()
        };
        let report = import::run(&mut dataset, text, &request)?;
        self.update(|m| m.set_dataset(dataset));
        to_js(&report)
    }

    /// Shows the built-in dataset again (after an import).
    #[wasm_bindgen(js_name = useBuiltinData)]
    pub fn use_builtin_data(&self) {
        self.update(|m| m.set_dataset(Dataset::builtin()));
    }

    // ---------- timeline ----------

    /// Plays the timeline (from the first year, or on from a pause).
    pub fn play(&self) {
        self.host.borrow_mut().map.play();
        restart_clock(&self.host);
    }

    /// Pauses the timeline.
    pub fn pause(&self) {
        self.update(MapState::pause);
    }

    /// Leaves the timeline; the filter's years apply again.
    pub fn stop(&self) {
        self.update(MapState::stop);
    }

    /// Steps the timeline by `delta` years.
    pub fn step(&self, delta: i32) {
        self.update(|m| m.step(delta as isize));
    }

    /// Playback speed (1 = 1.6 s a year), looping, and growth animation (off for reduced motion).
    #[wasm_bindgen(js_name = setPlaybackOptions)]
    pub fn set_playback_options(&self, speed: f64, looping: bool, animate: bool) {
        let options = PlayOptions {
            speed,
            looping,
            animate,
        };
        self.update(|m| m.set_playback_options(options));
    }

    // ---------- URL ----------

    /// The URL query string of the current filters, selection and view.
    pub fn query(&self) -> String {
        self.read(MapState::query)
    }

    /// Applies a URL query string (short keys, or the element's attribute names); returns
    /// warnings for ignored values (never throws).
    #[wasm_bindgen(js_name = applyQuery)]
    pub fn apply_query(&self, query: &str) -> Vec<String> {
        self.update(|m| m.apply_query(query, this_year()))
    }

    /// The keys of `query` that are not the map's (for a page whose whole query is the map's).
    #[wasm_bindgen(js_name = unknownKeys)]
    pub fn unknown_keys(&self, query: &str) -> Vec<String> {
        crate::url_state::unknown_keys(query)
    }

    // ---------- records ----------

    /// Everything the panels show, as `onChange` hands it over: `{version, stats, all, summary,
    /// caption, data, filter, selected, projection, rows}`.
    pub fn snapshot(&self) -> Result<JsValue, JsValue> {
        self.read(|m| to_js(&m.snapshot()))
    }

    /// Statistics of the ties shown (totals, per year, per continent, top countries, groupings).
    pub fn stats(&self) -> Result<JsValue, JsValue> {
        self.read(|m| to_js(&m.stats()))
    }

    /// Counts of the ties now shown: `{ties, partners, countries, cities}`.
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        self.read(|m| to_js(&m.summary()))
    }

    /// The playback caption (`{year, new, total, countries, new_partners: [{name_zh, name_en,
    /// city_zh, city_en}], index, steps, playing}`), or `null` outside playback.
    pub fn caption(&self) -> Result<JsValue, JsValue> {
        self.read(|m| m.caption().map_or(Ok(JsValue::NULL), |c| to_js(&c)))
    }

    /// About the data: `{as_of, rows, by_districts, published_total, published_as_of,
    /// published_countries}`.
    #[wasm_bindgen(js_name = dataInfo)]
    pub fn data_info(&self) -> Result<JsValue, JsValue> {
        self.read(|m| to_js(m.data_info()))
    }

    /// The regions to filter on: `[{id, kind, name_en, name_zh, members, as_of, sources}]`.
    pub fn regions(&self) -> Result<JsValue, JsValue> {
        self.read(|m| to_js(m.regions()))
    }

    /// The origins: `[{index, name, name_zh, ties, builtin}]`, province and cities first.
    pub fn cities(&self) -> Result<JsValue, JsValue> {
        self.read(|m| to_js(&m.cities()))
    }

    /// The ties shown, described (`[{index, partner, partner_zh, country, country_zh,
    /// country_code, city, city_zh, kind, level, established, signed_by, sources}]`).
    pub fn rows(&self) -> Result<JsValue, JsValue> {
        self.read(|m| to_js(&m.rows()))
    }

    // ---------- output ----------

    /// The ties shown as CSV (the data file's columns).
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> String {
        self.read(|m| crate::export::to_csv(m.dataset(), m.shown()))
    }

    /// The ties shown as GeoJSON (RFC 7946; antimeridian crossings as MultiLineStrings).
    #[wasm_bindgen(js_name = exportGeoJson)]
    pub fn export_geojson(&self) -> String {
        self.read(|m| crate::export::to_geojson(m.dataset(), m.shown()))
    }

    /// Paints the current view (same centre and zoom) into `canvas` at `width`×`height` pixels
    /// (16 to 8192 each), for a PNG export of any size.
    #[wasm_bindgen(js_name = renderTo)]
    pub fn render_to(
        &self,
        canvas: HtmlCanvasElement,
        width: u32,
        height: u32,
    ) -> Result<(), JsValue> {
        let (w, h) = (width.clamp(16, 8192), height.clamp(16, 8192));
        canvas.set_width(w);
        canvas.set_height(h);
        let mut sink = CanvasSink::new(context_2d(&canvas)?);
        let frame = self.read(|m| m.frame_sized(f64::from(w), f64::from(h)));
        frame.replay(&mut sink);
        Ok(())
    }

    /// Paints a frame now (frames are otherwise painted on the next animation frame, and only
    /// when something changed).
    pub fn render(&self) {
        draw_now(&self.host);
    }
}
