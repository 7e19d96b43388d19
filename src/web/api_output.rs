//! The handle's outputs: the URL query, the records and the snapshot the page writes, exports
//! and painting.

use super::canvas::CanvasSink;
use super::frame_loop::draw_now;
use super::handle::context_2d;
use super::handle::FriendshipMap;
use super::js::{this_year, to_js};
use crate::map::MapState;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

#[wasm_bindgen]
impl FriendshipMap {
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
