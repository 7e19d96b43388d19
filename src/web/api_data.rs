//! The handle's data methods: selection, filter, search, import, the timeline.

use super::frame_loop::restart_clock;
use super::handle::FriendshipMap;
use super::js::{js_err, to_js};
use super::{from_js, import};
use crate::data::Dataset;
use crate::map::MapState;
use crate::playback::PlayOptions;
use crate::validate::{Placement, COAST_TOLERANCE_M};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl FriendshipMap {
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
        let f = from_js::filter(&filter).map_err(|e| js_err(&e.to_string()))?;
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
        let t = from_js::target(&target).map_err(|e| js_err(&e.to_string()))?;
        self.update(|m| m.choose(&t))
            .map_err(|e| js_err(&e.to_string()))
    }

    /// Loads a user's data file: `data` is its bytes (`Uint8Array` or `ArrayBuffer`) or its
    /// text; CSV, or JSON (an array of objects with the same columns). `options`: `{file:
    /// "name.csv", preset: "standard" | "world-twin-cities", mode: "replace" | "add"}`. Returns
    /// `{loaded, total, refused, errors: [{line, field, reason, text}]}`: the good rows load even
    /// when others are bad; a file past the limits, not UTF-8 or not CSV/JSON is refused
    /// (`refused`, one error) and the data shown stays as it was. When the page has loaded the
    /// 1:50m basemap, partners outside their country are left out and listed, as the
    /// `friendship-map check` command does. Throws only for wrong options.
    #[wasm_bindgen(js_name = importData)]
    pub fn import_data(&self, data: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        self.import_start(data, options)?;
        self.import_place();
        self.import_finish()
    }

    /// The first of an import's three stages (`importStart`, `importPlace`, `importFinish`;
    /// `importData` runs them in one go, a page yields to the browser between them to show
    /// progress): reads and parses the file. Returns the report so far (`loaded`: rows read;
    /// `refused`). Throws only for wrong options.
    #[wasm_bindgen(js_name = importStart)]
    pub fn import_start(&self, data: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let request = import::ImportRequest::from_js(&options)?;
        let bytes = import::bytes_of(&data)?;
        let dataset = if request.add {
            self.read(|m| m.dataset().clone())
        } else {
            Dataset::default()
        };
        let pending = import::parse(dataset, &bytes, request);
        let report = to_js(&pending.report);
        self.host.borrow_mut().import = Some(pending);
        report
    }

    /// An import's second stage: when the page has loaded the 1:50m basemap, partners outside
    /// their country are left out and listed. Does nothing when no import is under way.
    #[wasm_bindgen(js_name = importPlace)]
    pub fn import_place(&self) {
        let mut host = self.host.borrow_mut();
        let host = &mut *host;
        if let Some(pending) = host.import.as_mut() {
            let placement = host.map.detail_basemap().map(|basemap| Placement {
                basemap,
                tolerance_m: COAST_TOLERANCE_M,
            });
            import::place(pending, placement.as_ref());
        }
    }

    /// An import's last stage: shows the data read (unless the file was refused) and returns
    /// the report. Throws when no import is under way.
    #[wasm_bindgen(js_name = importFinish)]
    pub fn import_finish(&self) -> Result<JsValue, JsValue> {
        let pending = self.host.borrow_mut().import.take();
        let pending = pending.ok_or_else(|| js_err("no import is under way"))?;
        if !pending.report.refused {
            self.update(|m| m.set_dataset(pending.dataset));
        }
        to_js(&pending.report)
    }

    /// The import limits: `[bytes, rows]` (a larger file is refused before it is read).
    #[wasm_bindgen(js_name = importLimits)]
    pub fn import_limits(&self) -> Vec<f64> {
        use crate::input::{MAX_IMPORT_BYTES, MAX_IMPORT_ROWS};
        vec![MAX_IMPORT_BYTES as f64, MAX_IMPORT_ROWS as f64]
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
}
