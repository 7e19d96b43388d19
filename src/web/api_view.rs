//! The handle's camera and basemap methods: reset, pan, zoom, projection, spin, presenter keys,
//! basemap style and files.

use super::basemap_json;
use super::frame_loop::restart_clock;
use super::handle::FriendshipMap;
use super::js::js_err;
use crate::basemap::Basemap;
use crate::gesture::ZOOM_STEP;
use crate::inset::InsetPlacement;
use crate::label::Rect;
use crate::map::{Lang, MapState};
use crate::projection::ProjectionKind;
use crate::scene::BasemapStyle;
use crate::Error;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl FriendshipMap {
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
    /// Presenter mode also scales the picture to the screen (see `style::picture_scale`).
    #[wasm_bindgen(js_name = setPresenting)]
    pub fn set_presenting(&self, on: bool) {
        self.host.borrow_mut().presenting = on;
        super::handle::resize(&self.host);
    }

    /// The language of the names on the map: `zh` (default) or `en`.
    #[wasm_bindgen(js_name = setLanguage)]
    pub fn set_language(&self, lang: &str) {
        let lang = if lang == "en" { Lang::En } else { Lang::Zh };
        self.update(|m| m.set_language(lang));
    }

    /// The boxes the page's own controls cover over the canvas, as `[x, y, width, height, …]`
    /// in CSS px relative to the canvas: no name is placed there and the close-up avoids them.
    #[wasm_bindgen(js_name = setReserved)]
    pub fn set_reserved(&self, boxes: &[f64]) {
        let rects = boxes
            .chunks_exact(4)
            .filter(|b| b.iter().all(|v| v.is_finite()))
            .map(|b| Rect::new(b[0], b[1], b[2], b[3]))
            .collect();
        self.update(|m| m.set_reserved(rects));
    }

    /// Where the Shandong close-up goes: `auto` (the corner where it hides least),
    /// `top-left`, `top-right`, `bottom-left`, `bottom-right`, or `none`. Returns false (and
    /// changes nothing) for another value.
    #[wasm_bindgen(js_name = setInset)]
    pub fn set_inset(&self, value: &str) -> bool {
        let Some(p) = InsetPlacement::parse(value) else {
            return false;
        };
        self.update(|m| m.set_inset(p));
        true
    }

    /// The picture's scale (1 on pages; larger in presenter mode on big screens).
    #[wasm_bindgen(js_name = pictureScale)]
    pub fn picture_scale(&self) -> f64 {
        self.read(MapState::picture_scale)
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
            .map_err(|e| js_err(&Error::Basemap(e).to_string()))?;
        self.update(|m| m.set_basemap(basemap));
        Ok(())
    }

    /// Loads the finer basemap (`basemap-50m.bin`, same format as the built-in one).
    #[wasm_bindgen(js_name = setDetailBasemap)]
    pub fn set_detail_basemap(&self, bytes: &[u8]) -> Result<(), JsValue> {
        let basemap = Basemap::decode(bytes).map_err(|e| js_err(&Error::from(e).to_string()))?;
        self.update(|m| m.set_detail_basemap(&basemap));
        Ok(())
    }

    /// Fits the view to the ties shown (flying there when view animation is on; on the globe,
    /// turning to them). Returns false when nothing is shown.
    #[wasm_bindgen(js_name = fitShown)]
    pub fn fit_shown(&self) -> bool {
        self.update(MapState::fit_shown)
    }

    /// Whether fits of the view fly there (off for reduced motion).
    #[wasm_bindgen(js_name = setViewAnimation)]
    pub fn set_view_animation(&self, on: bool) {
        self.host.borrow_mut().map.set_view_animation(on);
    }
}
