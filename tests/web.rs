//! The web layer in a real browser (wasm-bindgen-test in headless Chromium): it creates a canvas
//! in its container and draws the map into it.
#![cfg(target_arch = "wasm32")]

use shandong_friendship_map::web::FriendshipMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn container(w: u32, h: u32) -> HtmlElement {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let div: HtmlElement = doc
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("element");
    let style = div.style();
    style
        .set_property("width", &format!("{w}px"))
        .expect("width");
    style
        .set_property("height", &format!("{h}px"))
        .expect("height");
    style
        .set_property("position", "relative")
        .expect("position");
    doc.body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    div
}

fn canvas_in(div: &HtmlElement) -> HtmlCanvasElement {
    div.query_selector("canvas")
        .expect("query")
        .expect("a canvas")
        .dyn_into()
        .expect("canvas")
}

fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("ctx")
        .expect("2d")
        .dyn_into()
        .expect("ctx type");
    ctx.get_image_data(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    )
    .expect("image data")
    .data()
    .0
}

#[wasm_bindgen_test]
fn draws_the_map_into_its_canvas() {
    let div = container(480, 260);
    let map = FriendshipMap::new(div.clone()).expect("map");
    map.render();
    let canvas = canvas_in(&div);
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    assert_eq!(canvas.width(), (480.0 * dpr).round() as u32);
    let px = pixels(&canvas);
    // Count pixels of the link colours (sister orange, friendly blue), land and ocean.
    let mut sister = 0;
    let mut ocean = 0;
    let mut land = 0;
    for p in px.chunks_exact(4) {
        let (r, g, b) = (i32::from(p[0]), i32::from(p[1]), i32::from(p[2]));
        if r > 180 && (60..=140).contains(&g) && b < 80 {
            sister += 1;
        }
        if (r, g, b) == (0xee, 0xf3, 0xf8) {
            ocean += 1;
        }
        if (r, g, b) == (0xdd, 0xd8, 0xcc) {
            land += 1;
        }
    }
    assert!(sister > 200, "sister-link pixels: {sister}");
    assert!(ocean > 10_000, "ocean pixels: {ocean}");
    assert!(land > 5_000, "land pixels: {land}");
    assert!(map.frames_drawn() >= 1);
    assert!(map.tie_count() > 0);
}

#[wasm_bindgen_test]
fn selecting_a_city_changes_the_drawing() {
    let div = container(480, 260);
    let map = FriendshipMap::new(div.clone()).expect("map");
    map.render();
    let canvas = canvas_in(&div);
    let before = pixels(&canvas);
    assert!(map.select_city(Some("Qingdao".into())));
    assert!(!map.select_city(Some("Atlantis".into())));
    map.render();
    let after = pixels(&canvas);
    let changed = before
        .chunks_exact(4)
        .zip(after.chunks_exact(4))
        .filter(|(a, b)| a != b)
        .count();
    assert!(changed > 500, "changed pixels: {changed}");
    assert_eq!(map.selected_city().as_deref(), Some("Qingdao"));
}

/// The filter and search targets handed over from JavaScript: what `getFilter()` and `search()`
/// return is taken back as it is, and a malformed object is refused with the field named,
/// leaving the map as it was.
#[wasm_bindgen_test]
fn filters_and_targets_from_javascript() {
    use wasm_bindgen::JsValue;
    let div = container(400, 300);
    let map = FriendshipMap::new(div).expect("map");
    let shown = |m: &FriendshipMap| {
        let s = m.summary().expect("summary");
        js_sys::Reflect::get(&s, &"ties".into())
            .expect("ties")
            .as_f64()
            .expect("a number")
    };
    let all = shown(&map);
    let f = map.get_filter().expect("filter");
    map.set_filter(f.clone()).expect("the map's own filter");
    assert_eq!(shown(&map), all);
    let years = js_sys::Object::new();
    for (k, v) in [
        ("mode", JsValue::from_str("range")),
        ("from", 1979.into()),
        ("to", 1985.into()),
    ] {
        js_sys::Reflect::set(&years, &k.into(), &v).expect("set");
    }
    js_sys::Reflect::set(&f, &"years".into(), &years).expect("set");
    map.set_filter(f.clone()).expect("a range");
    let early = shown(&map);
    assert!(early > 0.0 && early < all, "{early} of {all}");
    let bad = |key: &str, value: JsValue| {
        let g = js_sys::Object::assign(&js_sys::Object::new(), f.unchecked_ref());
        js_sys::Reflect::set(&g, &key.into(), &value).expect("set");
        let e = map.set_filter(g.into()).expect_err(key);
        let text = js_sys::Error::from(e)
            .message()
            .as_string()
            .unwrap_or_default();
        assert!(text.contains(key), "{key}: {text}");
        assert_eq!(shown(&map), early, "{key} changed the map");
    };
    bad("sister", JsValue::from_str("yes"));
    bad("cities", JsValue::from_f64(2.5));
    bad("regions", JsValue::from_f64(1.0));
    let hits = map.search("Shimonoseki").expect("search");
    let first = js_sys::Array::from(&hits).get(0);
    let target = js_sys::Reflect::get(&first, &"target".into()).expect("target");
    map.choose(target).expect("a search result's own target");
    assert!(map.choose(JsValue::from_str("Shimonoseki")).is_err());
}

/// One city index for built-in and imported origins: an origin that only an import brings
/// can be selected by name, as a URL can select it.
#[wasm_bindgen_test]
fn an_imported_origin_can_be_selected() {
    use wasm_bindgen::JsValue;
    let div = container(400, 300);
    let map = FriendshipMap::new(div).expect("map");
    let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source,origin_lat,origin_lon
Berlin,柏林,Beijing,北京,CN,city,sister,1994,39.9,116.4,https://a.example/1,52.52,13.40
";
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"mode".into(), &"add".into()).expect("set");
    map.import_data(JsValue::from_str(csv), JsValue::from(options))
        .expect("import");
    assert!(map.select_city(Some("Berlin".into())));
    assert_eq!(map.selected_city().as_deref(), Some("Berlin"));
    assert!(map.apply_query("sel=%E6%9F%8F%E6%9E%97").is_empty());
    assert_eq!(map.selected_city().as_deref(), Some("Berlin"));
    // A search result of data no longer shown is refused, and the map lives on.
    let target = js_sys::Object::new();
    js_sys::Reflect::set(&target, &"type".into(), &"city".into()).expect("set");
    js_sys::Reflect::set(&target, &"city".into(), &JsValue::from_f64(99.0)).expect("set");
    assert!(map.choose(target.into()).is_err());
    map.render();
    assert!(map.frames_drawn() >= 1);
}
