//! The web layer (wasm32 only): owns the canvas, the tooltip and the DOM events, and exports one
//! handle, [`FriendshipMap`], to JavaScript. Everything it draws comes from the pure core.

mod basemap_json;
mod canvas;
mod from_js;
mod tooltip;

use crate::basemap::{Basemap, BASEMAP_110M};
use crate::data::{city_index, Dataset};
use crate::map::MapState;
use canvas::CanvasSink;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    AddEventListenerOptions, CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement,
    PointerEvent, WheelEvent,
};

/// A DOM event listener kept alive for the map's lifetime.
type Listener = Closure<dyn FnMut(JsValue)>;
/// An event handler of the map's state.
type Handler = fn(&Rc<RefCell<Inner>>, JsValue);

/// One active pointer (mouse, pen or finger), CSS px relative to the canvas.
#[derive(Clone, Copy)]
struct Pointer {
    id: i32,
    x: f64,
    y: f64,
}

struct Inner {
    map: MapState,
    container: HtmlElement,
    canvas: HtmlCanvasElement,
    tooltip: HtmlElement,
    sink: CanvasSink,
    pointers: Vec<Pointer>,
    /// Path length (CSS px) moved since the last pointer went down: tells a click from a drag.
    moved: f64,
    frame_pending: bool,
    frames_drawn: u32,
    raf: Option<Closure<dyn FnMut()>>,
    /// Paints a sharp frame once a zoom gesture has rested (see `SHARP_AFTER_MS`).
    sharpen: Option<Closure<dyn FnMut()>>,
    sharpen_timer: Option<i32>,
    on_select: Option<js_sys::Function>,
    on_detail: Option<js_sys::Function>,
    on_change: Option<js_sys::Function>,
    /// `performance.now()` of the last painted frame, ms.
    last_frame_ms: Option<f64>,
    /// The data version the host was last told about.
    told_data_version: u64,
    /// The camera last reported to `on_change`.
    told_camera: Option<(crate::viewport::Viewport, Option<crate::globe::Globe>)>,
    /// `zh` or `en`, for tooltips.
    lang: tooltip::Lang,
}

/// The map, as JavaScript sees it: `new FriendshipMap(containerElement)`.
#[wasm_bindgen]
pub struct FriendshipMap {
    inner: Rc<RefCell<Inner>>,
    _listeners: Vec<Listener>,
    _observer: web_sys::ResizeObserver,
}

fn js_err(msg: &str) -> JsValue {
    js_sys::Error::new(msg).into()
}

fn window() -> Result<web_sys::Window, JsValue> {
    web_sys::window().ok_or_else(|| js_err("no window"))
}

#[wasm_bindgen]
impl FriendshipMap {
    /// Creates the map inside `container` (an empty element sized by the page's CSS), with the
    /// built-in dataset and basemap.
    #[wasm_bindgen(constructor)]
    pub fn new(container: HtmlElement) -> Result<FriendshipMap, JsValue> {
        let document = window()?.document().ok_or_else(|| js_err("no document"))?;
        let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
        canvas.set_class_name("fm-canvas");
        canvas.set_attribute("role", "img")?;
        canvas.set_attribute(
            "aria-label",
            "山东省国际友好城市地图 · Map of Shandong's international friendship cities",
        )?;
        let tooltip: HtmlElement = document.create_element("div")?.dyn_into()?;
        tooltip.set_class_name("fm-tooltip");
        tooltip.set_attribute("role", "tooltip")?;
        tooltip.set_hidden(true);
        container.append_child(&canvas)?;
        container.append_child(&tooltip)?;
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or_else(|| js_err("no 2d context"))?
            .dyn_into()?;
        let basemap =
            Basemap::decode(BASEMAP_110M).map_err(|e| js_err(&format!("basemap: {}", e.0)))?;
        let (w, h) = css_size(&container);
        let map = MapState::new(Dataset::builtin(), &basemap, w, h);
        let inner = Rc::new(RefCell::new(Inner {
            map,
            container: container.clone(),
            canvas: canvas.clone(),
            tooltip,
            sink: CanvasSink::new(ctx),
            pointers: Vec::new(),
            moved: 0.0,
            frame_pending: false,
            frames_drawn: 0,
            raf: None,
            sharpen: None,
            sharpen_timer: None,
            on_select: None,
            on_detail: None,
            on_change: None,
            last_frame_ms: None,
            told_data_version: 0,
            told_camera: None,
            lang: tooltip::Lang::Zh,
        }));
        let weak = Rc::downgrade(&inner);
        inner.borrow_mut().raf = Some(Closure::new(move || {
            if let Some(rc) = weak.upgrade() {
                // A frame drawn since by `render()` leaves nothing pending.
                let pending = rc.borrow().frame_pending;
                if pending {
                    draw_now(&rc);
                }
            }
        }));
        let weak = Rc::downgrade(&inner);
        inner.borrow_mut().sharpen = Some(Closure::new(move || {
            if let Some(rc) = weak.upgrade() {
                rc.borrow_mut().sharpen_timer = None;
                request_frame_forced(&rc);
            }
        }));
        let listeners = attach_events(&inner, &canvas)?;
        let weak = Rc::downgrade(&inner);
        let on_resize = Listener::new(move |_| {
            if let Some(rc) = weak.upgrade() {
                resize(&rc);
            }
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
        observer.observe(&container);
        let mut all = listeners;
        all.push(on_resize);
        resize(&inner);
        Ok(FriendshipMap {
            inner,
            _listeners: all,
            _observer: observer,
        })
    }

    /// Back to the whole world, no city selected.
    #[wasm_bindgen(js_name = resetView)]
    pub fn reset_view(&self) {
        self.inner.borrow_mut().map.reset_view();
        request_frame(&self.inner);
    }

    /// Emphasises one Shandong city's links (English or Chinese name; `Shandong` for the
    /// province's own ties), or clears the selection with `null`. Returns false for an unknown
    /// name.
    #[wasm_bindgen(js_name = selectCity)]
    pub fn select_city(&self, name: Option<String>) -> bool {
        let idx = match name.as_deref() {
            None | Some("") => None,
            Some(n) => match city_index(n) {
                Some(i) => Some(i),
                None => return false,
            },
        };
        self.inner.borrow_mut().map.select_city(idx);
        request_frame(&self.inner);
        true
    }

    /// The selected city's English name, or `undefined`.
    #[wasm_bindgen(js_name = selectedCity)]
    pub fn selected_city(&self) -> Option<String> {
        let inner = self.inner.borrow();
        inner
            .map
            .selected_city()
            .map(|c| inner.map.dataset().origins[c].name.clone())
    }

    /// Calls `callback(cityName | null)` when the selection changes by a click on the map.
    #[wasm_bindgen(js_name = onSelect)]
    pub fn on_select(&self, callback: js_sys::Function) {
        self.inner.borrow_mut().on_select = Some(callback);
    }

    /// Calls `callback()` once, when the view first zooms in far enough to want the 1:50m
    /// basemap; the page then fetches it and hands it to [`FriendshipMap::set_detail_basemap`].
    #[wasm_bindgen(js_name = onDetailNeeded)]
    pub fn on_detail_needed(&self, callback: js_sys::Function) {
        self.inner.borrow_mut().on_detail = Some(callback);
    }

    /// Loads the finer basemap (`basemap-50m.bin`, same format as the built-in one).
    #[wasm_bindgen(js_name = setDetailBasemap)]
    pub fn set_detail_basemap(&self, bytes: &[u8]) -> Result<(), JsValue> {
        let basemap = Basemap::decode(bytes).map_err(|e| js_err(&format!("basemap: {}", e.0)))?;
        self.inner.borrow_mut().map.set_detail_basemap(&basemap);
        request_frame(&self.inner);
        Ok(())
    }

    /// Whether the 1:50m basemap is drawn now.
    #[wasm_bindgen(js_name = showingDetail)]
    pub fn showing_detail(&self) -> bool {
        self.inner.borrow().map.showing_detail()
    }

    /// Calls `callback(what)` after each painted frame that changed something: `"data"` when the
    /// shown ties changed (filters, playback step, selection), `"view"` for pan and zoom.
    #[wasm_bindgen(js_name = onChange)]
    pub fn on_change(&self, callback: js_sys::Function) {
        self.inner.borrow_mut().on_change = Some(callback);
    }

    /// The filter: `{years: {mode: "all"} | {mode: "range", from, to} | {mode: "asof", year},
    /// unknown_year, regions: [id], cities: [index], sister, friendly, city_level,
    /// province_level}`.
    #[wasm_bindgen(js_name = getFilter)]
    pub fn get_filter(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.borrow().map.filter())
    }

    /// Sets the filter (same shape as `getFilter()`); stops playback. Throws on a malformed
    /// object, leaving the map as it was.
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(&self, filter: JsValue) -> Result<(), JsValue> {
        let f = from_js::filter(&filter).map_err(|e| js_err(&format!("filter: {e}")))?;
        let n = self.inner.borrow().map.dataset().origins.len();
        if let Some(bad) = f.cities.iter().find(|&&c| c >= n) {
            return Err(js_err(&format!("filter: no city {bad}")));
        }
        self.inner.borrow_mut().map.set_filter(f);
        request_frame(&self.inner);
        Ok(())
    }

    /// Statistics of the ties shown (totals, per year, per continent, top countries, groupings).
    pub fn stats(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().map.stats())
    }

    /// The regions to filter on: `[{id, kind, name_en, name_zh, members, as_of, sources}]`.
    pub fn regions(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.borrow().map.regions())
    }

    /// Search results for a query: `[{label_zh, label_en, detail, target}]`.
    pub fn search(&self, query: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().map.search(query))
    }

    /// Chooses a search result's `target`: focuses and highlights it.
    pub fn choose(&self, target: JsValue) -> Result<(), JsValue> {
        let t = from_js::target(&target).map_err(|e| js_err(&format!("target: {e}")))?;
        self.inner.borrow_mut().map.choose(&t);
        request_frame(&self.inner);
        Ok(())
    }

    /// Loads a user's data file: `text` is CSV, or JSON (an array of objects with the same
    /// columns). `options`: `{file: "name.csv", preset: "standard" | "world-twin-cities",
    /// mode: "replace" | "add"}`. Returns `{loaded, total, errors: [{line, field, reason,
    /// text}]}`; the good rows load even when others are bad. Throws only when the file is not
    /// CSV/JSON at all or the options are wrong.
    #[wasm_bindgen(js_name = importData)]
    pub fn import_data(&self, text: &str, options: JsValue) -> Result<JsValue, JsValue> {
        use crate::import::{import_csv, import_objects, Preset};
        let get = |k: &str| {
            js_sys::Reflect::get(&options, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let file = Some(get("file"))
            .filter(|f| !f.is_empty())
            .unwrap_or("data".into());
        let preset = Preset::from_name(&get("preset"))
            .ok_or_else(|| js_err(&format!("unknown preset `{}`", get("preset"))))?;
        let add = match get("mode").as_str() {
            "" | "replace" => false,
            "add" => true,
            m => return Err(js_err(&format!("unknown mode `{m}`"))),
        };
        let year = js_sys::Date::new_0().get_full_year() as u16;
        let mut dataset = if add {
            self.inner.borrow().map.dataset().clone()
        } else {
            crate::data::Dataset::default()
        };
        let trimmed = text.trim_start_matches('\u{feff}').trim_start();
        let report = if trimmed.starts_with('[') {
            let parsed = js_sys::JSON::parse(trimmed)
                .map_err(|_| js_err(&format!("{file}: not valid JSON")))?;
            let items = json_items(&parsed).map_err(|e| js_err(&format!("{file}: {e}")))?;
            import_objects(&mut dataset, &items, &file, preset, year)
        } else {
            import_csv(&mut dataset, text, &file, preset, year)
        };
        self.inner.borrow_mut().map.set_dataset(dataset);
        request_frame(&self.inner);
        to_js(&report)
    }

    /// Moves the map by a screen offset (CSS px), as a drag would (for keyboard control).
    #[wasm_bindgen(js_name = panBy)]
    pub fn pan_by(&self, dx: f64, dy: f64) {
        self.inner.borrow_mut().map.pan(dx, dy);
        request_frame(&self.inner);
    }

    /// Zooms by `factor` about the centre of the map (for keyboard and buttons).
    #[wasm_bindgen(js_name = zoomBy)]
    pub fn zoom_by(&self, factor: f64) {
        let mut inner = self.inner.borrow_mut();
        let v = *inner.map.viewport();
        inner.map.zoom_at(factor, v.width / 2.0, v.height / 2.0);
        drop(inner);
        request_frame(&self.inner);
    }

    /// Projection: `naturalearth` (default), `equirectangular` or `globe` (centred on Shandong;
    /// drag turns it). Returns false for an unknown name.
    #[wasm_bindgen(js_name = setProjection)]
    pub fn set_projection(&self, name: &str) -> bool {
        let ok = self.inner.borrow_mut().map.set_projection(name);
        request_frame(&self.inner);
        ok
    }

    /// The projection's name.
    pub fn projection(&self) -> String {
        self.inner.borrow().map.projection().to_string()
    }

    /// Turns the globe slowly by itself (on the globe only).
    #[wasm_bindgen(js_name = setSpin)]
    pub fn set_spin(&self, on: bool) {
        self.inner.borrow_mut().map.set_spin(on);
        self.inner.borrow_mut().last_frame_ms = None;
        request_frame_forced(&self.inner);
    }

    /// Tooltip language: `zh` (default) or `en`.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, lang: &str) {
        self.inner.borrow_mut().lang = if lang == "en" {
            tooltip::Lang::En
        } else {
            tooltip::Lang::Zh
        };
    }

    /// The ties shown, described (`[{partner, partner_zh, country, country_zh, country_code,
    /// city, city_zh, kind, level, established, signed_by, sources}]`), for the data table.
    pub fn rows(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().map.rows())
    }

    /// The ties shown as CSV (the data file's columns).
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> String {
        let inner = self.inner.borrow();
        crate::export::to_csv(inner.map.dataset(), inner.map.shown())
    }

    /// The ties shown as GeoJSON (RFC 7946; antimeridian crossings as MultiLineStrings).
    #[wasm_bindgen(js_name = exportGeoJson)]
    pub fn export_geojson(&self) -> String {
        let inner = self.inner.borrow();
        crate::export::to_geojson(inner.map.dataset(), inner.map.shown())
    }

    /// Paints the current view (same centre and zoom) into `canvas` at `width`×`height` pixels,
    /// for a PNG export of any size.
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
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")?
            .ok_or_else(|| js_err("no 2d context"))?
            .dyn_into()?;
        let mut sink = CanvasSink::new(ctx);
        let frame = self
            .inner
            .borrow()
            .map
            .frame_sized(f64::from(w), f64::from(h));
        frame.replay(&mut sink);
        Ok(())
    }

    /// Basemap style: `countries` (default), `land` (coastlines only, no borders) or `china`
    /// (China's worldview as far as the data allows; see the README).
    #[wasm_bindgen(js_name = setBasemapStyle)]
    pub fn set_basemap_style(&self, style: &str) -> Result<(), JsValue> {
        let s = crate::scene::BasemapStyle::from_name(style)
            .ok_or_else(|| js_err(&format!("unknown basemap style `{style}`")))?;
        self.inner.borrow_mut().map.set_basemap_style(s);
        request_frame(&self.inner);
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
        self.inner.borrow_mut().map.set_basemap(basemap);
        request_frame(&self.inner);
        Ok(())
    }

    /// Shows the built-in dataset again (after an import).
    #[wasm_bindgen(js_name = useBuiltinData)]
    pub fn use_builtin_data(&self) {
        self.inner
            .borrow_mut()
            .map
            .set_dataset(crate::data::Dataset::builtin());
        request_frame(&self.inner);
    }

    /// Plays the timeline (from the first year, or on from a pause).
    pub fn play(&self) {
        self.inner.borrow_mut().map.play();
        self.inner.borrow_mut().last_frame_ms = None;
        request_frame_forced(&self.inner);
    }

    /// Pauses the timeline.
    pub fn pause(&self) {
        self.inner.borrow_mut().map.pause();
        request_frame(&self.inner);
    }

    /// Leaves the timeline; the filter's years apply again.
    pub fn stop(&self) {
        self.inner.borrow_mut().map.stop();
        request_frame(&self.inner);
    }

    /// Steps the timeline by `delta` years.
    pub fn step(&self, delta: i32) {
        self.inner.borrow_mut().map.step(delta as isize);
        request_frame_forced(&self.inner);
    }

    /// Playback speed (1 = 1.6 s a year), looping, and growth animation (off for reduced motion).
    #[wasm_bindgen(js_name = setPlaybackOptions)]
    pub fn set_playback_options(&self, speed: f64, looping: bool, animate: bool) {
        self.inner
            .borrow_mut()
            .map
            .set_playback_options(speed, looping, animate);
        request_frame(&self.inner);
    }

    /// The playback caption (`{year, new, total, countries, new_partners, index, steps,
    /// playing}`), or `null` outside playback.
    pub fn caption(&self) -> Result<JsValue, JsValue> {
        match self.inner.borrow().map.caption() {
            Some(c) => to_js(&c),
            None => Ok(JsValue::NULL),
        }
    }

    /// The wasm linear memory's size in bytes (for soak tests: it must stay flat).
    #[wasm_bindgen(js_name = wasmMemoryBytes)]
    pub fn wasm_memory_bytes(&self) -> f64 {
        wasm_bindgen::memory()
            .dyn_into::<js_sys::WebAssembly::Memory>()
            .ok()
            .and_then(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
            .map_or(0.0, |b| f64::from(b.byte_length()))
    }

    /// Advances animations (playback, the globe's turn) by `ms` as if that much time had passed,
    /// then paints: for soak tests and benchmarks that cannot wait in real time.
    pub fn advance(&self, ms: f64) {
        {
            let mut inner = self.inner.borrow_mut();
            inner.map.tick(ms);
            inner.last_frame_ms = None;
        }
        draw_now(&self.inner);
    }

    /// Completed playback loops.
    pub fn loops(&self) -> f64 {
        self.inner
            .borrow()
            .map
            .playback()
            .map_or(0.0, |p| p.loops as f64)
    }

    /// The URL query string of the current filters, selection and view.
    pub fn query(&self) -> String {
        self.inner.borrow().map.query()
    }

    /// Applies a URL query string; returns warnings for ignored values (never throws).
    #[wasm_bindgen(js_name = applyQuery)]
    pub fn apply_query(&self, query: &str) -> Vec<String> {
        let year = js_sys::Date::new_0().get_full_year() as u16;
        let warnings = self.inner.borrow_mut().map.apply_query(query, year);
        request_frame(&self.inner);
        warnings
    }

    /// The Shandong sides: `[{name, name_zh, ties}]`, province first.
    pub fn cities(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().map.cities())
    }

    /// Counts of the ties now shown: `{ties, partners, countries, cities}`.
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.borrow().map.summary())
    }

    /// Frames painted since start (a frame is painted only when something changed).
    #[wasm_bindgen(js_name = framesDrawn)]
    pub fn frames_drawn(&self) -> u32 {
        self.inner.borrow().frames_drawn
    }

    /// The camera: `{zoom, scale, tx, ty, width, height}` (CSS px).
    pub fn view(&self) -> Result<JsValue, JsValue> {
        let inner = self.inner.borrow();
        let v = inner.map.viewport();
        let o = js_sys::Object::new();
        for (k, x) in [
            ("zoom", v.zoom()),
            ("scale", v.scale),
            ("tx", v.tx),
            ("ty", v.ty),
            ("width", v.width),
            ("height", v.height),
        ] {
            js_sys::Reflect::set(&o, &k.into(), &x.into())?;
        }
        Ok(o.into())
    }

    /// Where a geographic position is on the canvas now: `[x, y]` in CSS px.
    #[wasm_bindgen(js_name = screenPoint)]
    pub fn screen_point(&self, lon: f64, lat: f64) -> Vec<f64> {
        let inner = self.inner.borrow();
        let p = inner
            .map
            .projector()
            .project(crate::lonlat::LonLat::new(lon, lat));
        inner.map.viewport().to_screen(p).to_vec()
    }

    /// What a tooltip at (`x`, `y`) CSS px would describe (the tooltip object), or `null`.
    #[wasm_bindgen(js_name = describeAt)]
    pub fn describe_at(&self, x: f64, y: f64) -> Result<JsValue, JsValue> {
        let mut inner = self.inner.borrow_mut();
        let hit = inner.map.hover_at(x, y);
        let t = hit.map(|h| inner.map.tooltip(h));
        drop(inner);
        request_frame(&self.inner);
        match t {
            Some(t) => to_js(&t),
            None => Ok(JsValue::NULL),
        }
    }

    /// About the data: `{as_of, rows, by_districts, published_total, published_as_of,
    /// published_countries}` (rows of the government ties themselves; the published total is
    /// Shandong's all-level figure from `data/published_totals.csv`).
    #[wasm_bindgen(js_name = dataInfo)]
    pub fn data_info(&self) -> Result<JsValue, JsValue> {
        use crate::coverage::{per_city, published_totals, DATA_AS_OF, PUBLISHED_TOTALS_CSV};
        let inner = self.inner.borrow();
        let cov = per_city(inner.map.dataset());
        let totals = published_totals(PUBLISHED_TOTALS_CSV).map_err(|e| js_err(&e))?;
        let all = totals.iter().find(|t| t.shandong_city == "All");
        let o = js_sys::Object::new();
        let set = |k: &str, v: JsValue| js_sys::Reflect::set(&o, &k.into(), &v);
        set("as_of", DATA_AS_OF.trim().into())?;
        set(
            "rows",
            (cov.iter().map(|c| c.rows).sum::<usize>() as f64).into(),
        )?;
        set(
            "by_districts",
            (cov.iter().map(|c| c.signed_by_district).sum::<usize>() as f64).into(),
        )?;
        set(
            "published_total",
            all.and_then(|t| t.total)
                .map_or(JsValue::NULL, |n| n.into()),
        )?;
        set(
            "published_countries",
            all.and_then(|t| t.countries)
                .map_or(JsValue::NULL, |n| n.into()),
        )?;
        set(
            "published_as_of",
            all.map_or(JsValue::NULL, |t| t.as_of.as_str().into()),
        )?;
        Ok(o.into())
    }

    /// Paints a frame now (frames are otherwise painted on the next animation frame, and only
    /// when something changed).
    pub fn render(&self) {
        draw_now(&self.inner);
    }

    /// Rows in the dataset shown.
    #[wasm_bindgen(js_name = tieCount)]
    pub fn tie_count(&self) -> usize {
        self.inner.borrow().map.dataset().ties.len()
    }
}

/// A JSON array of objects as rows of `(key, value as text)`.
fn json_items(v: &JsValue) -> Result<Vec<Vec<(String, String)>>, String> {
    let arr: &js_sys::Array = v.dyn_ref().ok_or("expected an array of objects")?;
    let mut out = Vec::with_capacity(arr.length() as usize);
    for (i, item) in arr.iter().enumerate() {
        let obj: &js_sys::Object = item
            .dyn_ref()
            .filter(|_| !item.is_null() && !js_sys::Array::is_array(&item))
            .ok_or_else(|| format!("entry {} is not an object", i + 1))?;
        let mut row = Vec::new();
        for entry in js_sys::Object::entries(obj).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            let val = pair.get(1);
            // Numbers as JavaScript writes them (the shortest form that reads back the same).
            let text = val
                .as_string()
                .or_else(|| {
                    val.as_f64()?;
                    js_sys::Number::unchecked_from_js_ref(&val)
                        .to_string_with_radix(10)
                        .ok()
                        .map(String::from)
                })
                .unwrap_or_default();
            row.push((key, text));
        }
        out.push(row);
    }
    Ok(out)
}

fn to_js<T: serde::Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    serde_wasm_bindgen::to_value(v).map_err(|e| js_err(&e.to_string()))
}

fn css_size(el: &HtmlElement) -> (f64, f64) {
    let r = el.get_bounding_client_rect();
    (r.width().max(1.0), r.height().max(1.0))
}

fn resize(rc: &Rc<RefCell<Inner>>) {
    {
        let mut inner = rc.borrow_mut();
        let (w, h) = css_size(&inner.container);
        inner.map.resize(w, h);
    }
    // The backing store follows in draw_now, which also notices devicePixelRatio changes.
    rc.borrow_mut().frame_pending = false;
    request_frame_forced(rc);
}

fn request_frame(rc: &Rc<RefCell<Inner>>) {
    let dirty = rc.borrow_mut().map.take_dirty();
    if dirty {
        request_frame_forced(rc);
    }
}

fn request_frame_forced(rc: &Rc<RefCell<Inner>>) {
    let mut inner = rc.borrow_mut();
    if inner.frame_pending {
        return;
    }
    inner.frame_pending = true;
    if let (Ok(w), Some(cb)) = (window(), inner.raf.as_ref()) {
        let _ = w.request_animation_frame(cb.as_ref().unchecked_ref());
    }
}

fn now_ms() -> f64 {
    window()
        .ok()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// How long a zoom gesture must rest before the basemap is drawn sharp again, ms.
const SHARP_AFTER_MS: i32 = 120;

fn draw_now(rc: &Rc<RefCell<Inner>>) {
    let mut inner = rc.borrow_mut();
    inner.frame_pending = false;
    // Animations (playback) advance by the real time since the last frame.
    let now = now_ms();
    let dt = inner.last_frame_ms.map_or(0.0, |t| now - t);
    let animating = inner.map.tick(dt);
    inner.last_frame_ms = animating.then_some(now);
    inner.map.take_dirty();
    let dpr = window().map_or(1.0, |w| w.device_pixel_ratio()).max(0.5);
    let v = *inner.map.viewport();
    let (pw, ph) = (
        (v.width * dpr).round() as u32,
        (v.height * dpr).round() as u32,
    );
    if inner.canvas.width() != pw || inner.canvas.height() != ph {
        inner.canvas.set_width(pw);
        inner.canvas.set_height(ph);
    }
    inner.sink.dpr = dpr;
    let frame = inner.map.frame();
    inner.sink.paint(&frame);
    inner.sink.end_frame();
    inner.frames_drawn += 1;
    if inner.frames_drawn == 1 {
        // For host pages and the benchmark: when the first complete frame was drawn.
        if let Some(p) = window().ok().and_then(|w| w.performance()) {
            let _ = p.mark("friendship-map:first-frame");
        }
    }
    let detail = inner
        .map
        .take_detail_request()
        .then(|| inner.on_detail.clone())
        .flatten();
    let data_changed = inner.map.data_version() != inner.told_data_version;
    inner.told_data_version = inner.map.data_version();
    let camera = Some(inner.map.camera());
    let camera_moved = camera != inner.told_camera;
    inner.told_camera = camera;
    // Redraws in place (hover, a sharp frame after a zoom, a detailed basemap arriving) are
    // not changes: reporting them would keep postponing the host's URL update.
    let on_change = (data_changed || camera_moved)
        .then(|| inner.on_change.clone())
        .flatten();
    if inner.sink.wants_sharp_frame() {
        // Zooming showed the basemap scaled; draw it sharp when no zoom frame follows.
        let Inner {
            sharpen,
            sharpen_timer,
            ..
        } = &mut *inner;
        if let (Ok(w), Some(cb)) = (window(), sharpen.as_ref()) {
            if let Some(t) = sharpen_timer.take() {
                w.clear_timeout_with_handle(t);
            }
            *sharpen_timer = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    cb.as_ref().unchecked_ref(),
                    SHARP_AFTER_MS,
                )
                .ok();
        }
    }
    drop(inner);
    if animating {
        request_frame_forced(rc);
    }
    if let Some(cb) = detail {
        let _ = cb.call0(&JsValue::NULL);
    }
    if let Some(cb) = on_change {
        let what = if data_changed { "data" } else { "view" };
        let _ = cb.call1(&JsValue::NULL, &JsValue::from_str(what));
    }
}

/// The event's position relative to the canvas, CSS px. Read as doubles: `clientX` is
/// fractional in browsers (web-sys exposes it as an integer, which would shift zoom anchors).
fn local_xy(canvas: &Element, e: &web_sys::MouseEvent) -> (f64, f64) {
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

fn attach_events(
    rc: &Rc<RefCell<Inner>>,
    canvas: &HtmlCanvasElement,
) -> Result<Vec<Listener>, JsValue> {
    let mut out = Vec::new();
    let mut on = |name: &str, passive: bool, f: Handler| {
        let weak: Weak<RefCell<Inner>> = Rc::downgrade(rc);
        let cb = Listener::new(move |e: JsValue| {
            if let Some(rc) = weak.upgrade() {
                f(&rc, e);
            }
        });
        let opts = AddEventListenerOptions::new();
        opts.set_passive(passive);
        let r = canvas.add_event_listener_with_callback_and_add_event_listener_options(
            name,
            cb.as_ref().unchecked_ref(),
            &opts,
        );
        out.push(cb);
        r
    };
    on("pointerdown", true, pointer_down)?;
    on("pointermove", true, pointer_move)?;
    on("pointerup", true, pointer_up)?;
    on("pointercancel", true, pointer_cancel)?;
    on("pointerleave", true, pointer_leave)?;
    on("wheel", false, wheel)?;
    Ok(out)
}

fn pointer_down(rc: &Rc<RefCell<Inner>>, e: JsValue) {
    let Ok(e) = e.dyn_into::<PointerEvent>() else {
        return;
    };
    let mut inner = rc.borrow_mut();
    let (x, y) = local_xy(&inner.canvas, &e);
    let _ = inner.canvas.set_pointer_capture(e.pointer_id());
    inner.pointers.retain(|p| p.id != e.pointer_id());
    inner.pointers.push(Pointer {
        id: e.pointer_id(),
        x,
        y,
    });
    inner.moved = 0.0;
}

fn pointer_move(rc: &Rc<RefCell<Inner>>, e: JsValue) {
    let Ok(e) = e.dyn_into::<PointerEvent>() else {
        return;
    };
    let mut inner = rc.borrow_mut();
    let (x, y) = local_xy(&inner.canvas, &e);
    let id = e.pointer_id();
    let Some(k) = inner.pointers.iter().position(|p| p.id == id) else {
        // No button down: hover.
        let hit = inner.map.hover_at(x, y);
        let tip = hit.map(|h| inner.map.tooltip(h));
        tooltip::show(
            &inner.tooltip,
            &inner.container,
            tip.as_ref(),
            x,
            y,
            inner.lang,
        );
        drop(inner);
        request_frame(rc);
        return;
    };
    let before = inner.pointers.clone();
    inner.pointers[k].x = x;
    inner.pointers[k].y = y;
    let after = inner.pointers.clone();
    if after.len() >= 2 {
        // Pinch: zoom by the change of distance about the midpoint, pan by the midpoint's move.
        let (a0, b0, a1, b1) = (before[0], before[1], after[0], after[1]);
        let d0 = (a0.x - b0.x).hypot(a0.y - b0.y);
        let d1 = (a1.x - b1.x).hypot(a1.y - b1.y);
        let m0 = ((a0.x + b0.x) / 2.0, (a0.y + b0.y) / 2.0);
        let m1 = ((a1.x + b1.x) / 2.0, (a1.y + b1.y) / 2.0);
        inner.map.pan(m1.0 - m0.0, m1.1 - m0.1);
        if d0 > 1.0 && d1 > 1.0 {
            inner.map.zoom_at(d1 / d0, m1.0, m1.1);
        }
        inner.moved += 100.0;
    } else {
        let (dx, dy) = (x - before[k].x, y - before[k].y);
        inner.moved += dx.hypot(dy);
        if inner.moved > 3.0 {
            inner.map.pan(dx, dy);
            inner.map.set_hover(None);
            inner.tooltip.set_hidden(true);
        }
    }
    drop(inner);
    request_frame(rc);
}

fn pointer_up(rc: &Rc<RefCell<Inner>>, e: JsValue) {
    let Ok(e) = e.dyn_into::<PointerEvent>() else {
        return;
    };
    let mut inner = rc.borrow_mut();
    let (x, y) = local_xy(&inner.canvas, &e);
    let was_click = inner.pointers.len() == 1 && inner.moved <= 3.0;
    inner.pointers.retain(|p| p.id != e.pointer_id());
    let mut selected = None;
    if was_click {
        let before = inner.map.selected_city();
        inner.map.click_at(x, y);
        if inner.map.selected_city() != before {
            selected = Some(
                inner
                    .map
                    .selected_city()
                    .map(|c| inner.map.dataset().origins[c].name.clone()),
            );
        }
        let tip = inner.map.hover().map(|h| inner.map.tooltip(h));
        tooltip::show(
            &inner.tooltip,
            &inner.container,
            tip.as_ref(),
            x,
            y,
            inner.lang,
        );
    }
    let callback = inner.on_select.clone();
    drop(inner);
    if let (Some(sel), Some(cb)) = (selected, callback) {
        let name = sel.map_or(JsValue::NULL, |c| JsValue::from_str(&c));
        let _ = cb.call1(&JsValue::NULL, &name);
    }
    request_frame(rc);
}

fn pointer_cancel(rc: &Rc<RefCell<Inner>>, e: JsValue) {
    if let Ok(e) = e.dyn_into::<PointerEvent>() {
        rc.borrow_mut().pointers.retain(|p| p.id != e.pointer_id());
    }
}

fn pointer_leave(rc: &Rc<RefCell<Inner>>, _e: JsValue) {
    let mut inner = rc.borrow_mut();
    if inner.pointers.is_empty() {
        inner.map.set_hover(None);
        inner.tooltip.set_hidden(true);
    }
    drop(inner);
    request_frame(rc);
}

fn wheel(rc: &Rc<RefCell<Inner>>, e: JsValue) {
    let Ok(e) = e.dyn_into::<WheelEvent>() else {
        return;
    };
    e.prevent_default();
    let mut inner = rc.borrow_mut();
    let (x, y) = local_xy(&inner.canvas, &e);
    // deltaMode 1 = lines, 2 = pages; normalise to pixels.
    let unit = match e.delta_mode() {
        1 => 16.0,
        2 => 400.0,
        _ => 1.0,
    };
    let factor = (-e.delta_y() * unit * 0.002).exp();
    inner.map.zoom_at(factor, x, y);
    inner.map.set_hover(None);
    inner.tooltip.set_hidden(true);
    drop(inner);
    request_frame(rc);
}
