//! The web layer in a real browser (wasm-bindgen-test in headless Chromium): it creates a canvas
//! in its container and draws the map into it.
#![cfg(target_arch = "wasm32")]

use shandong_friendship_map::web::diagnostics::Diagnostics;
use shandong_friendship_map::web::FriendshipMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
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

/// A command as the page writes it (JSON text).
fn cmd(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect(json)
}

/// A field of the map's snapshot.
fn snapshot_field(map: &FriendshipMap, path: &[&str]) -> JsValue {
    let mut v = map.snapshot().expect("snapshot");
    for k in path {
        v = js_sys::Reflect::get(&v, &(*k).into()).expect(k);
    }
    v
}

fn message(e: JsValue) -> String {
    js_sys::Error::from(e)
        .message()
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn draws_the_map_into_its_canvas() {
    let div = container(480, 260);
    let map = FriendshipMap::new(div.clone().into()).expect("map");
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
    let d = Diagnostics::new(&map);
    assert!(d.frames_drawn() >= 1);
    assert!(d.tie_count() > 0);
}

#[wasm_bindgen_test]
fn selecting_a_city_changes_the_drawing() {
    let div = container(480, 260);
    let map = FriendshipMap::new(div.clone().into()).expect("map");
    map.render();
    let canvas = canvas_in(&div);
    let before = pixels(&canvas);
    map.dispatch(cmd(r#"{"type":"select","city":"Qingdao"}"#))
        .expect("a city");
    let e = map
        .dispatch(cmd(r#"{"type":"select","city":"Atlantis"}"#))
        .expect_err("no such city");
    assert!(message(e).contains("Atlantis"));
    map.render();
    let after = pixels(&canvas);
    let changed = before
        .chunks_exact(4)
        .zip(after.chunks_exact(4))
        .filter(|(a, b)| a != b)
        .count();
    assert!(changed > 500, "changed pixels: {changed}");
    assert_eq!(
        snapshot_field(&map, &["selected"]).as_string().as_deref(),
        Some("Qingdao")
    );
}

/// Filters and search targets handed over from JavaScript: the snapshot's own filter is taken
/// back as it is, and a malformed or unknown value is refused with the field named, leaving the
/// map as it was.
#[wasm_bindgen_test]
fn filters_and_targets_from_javascript() {
    let div = container(400, 300);
    let map = FriendshipMap::new(div.into()).expect("map");
    let shown = |m: &FriendshipMap| {
        snapshot_field(m, &["summary", "ties"])
            .as_f64()
            .expect("a number")
    };
    let all = shown(&map);
    let f = snapshot_field(&map, &["filter"]);
    js_sys::Reflect::set(&f, &"type".into(), &"filter".into()).expect("set");
    map.dispatch(f.clone()).expect("the map's own filter");
    assert_eq!(shown(&map), all);
    map.dispatch(cmd(
        r#"{"type":"filter","years":{"mode":"range","from":1979,"to":1985}}"#,
    ))
    .expect("a range");
    let early = shown(&map);
    assert!(early > 0.0 && early < all, "{early} of {all}");
    for (json, named) in [
        (r#"{"type":"filter","sister":"yes"}"#, "sister"),
        (r#"{"type":"filter","cities":[2.5]}"#, "cities"),
        (r#"{"type":"filter","regions":1}"#, "regions"),
        (
            r#"{"type":"filter","regions":["europe","atlantis"]}"#,
            "atlantis",
        ),
        (r#"{"type":"filter","evidence":["rumour"]}"#, "rumour"),
        (r#"{"type":"filter","stages":["memorandum"]}"#, "memorandum"),
        (r#"{"type":"filter","stages":"intent"}"#, "stages"),
        (r#"{"type":"filter","cities":["Gotham"]}"#, "Gotham"),
        (r#"{"type":"warp"}"#, "warp"),
    ] {
        let e = map.dispatch(cmd(json)).expect_err(json);
        let text = message(e);
        assert!(text.contains(named), "{json}: {text}");
        assert_eq!(shown(&map), early, "{json} changed the map");
    }
    let hits = map.search("Shimonoseki".into()).expect("search");
    let first = js_sys::Array::from(&hits).get(0);
    let target = js_sys::Reflect::get(&first, &"target".into()).expect("target");
    let focus = js_sys::Object::new();
    js_sys::Reflect::set(&focus, &"type".into(), &"focus".into()).expect("set");
    js_sys::Reflect::set(&focus, &"target".into(), &target).expect("set");
    map.dispatch(focus.into())
        .expect("a search result's own target");
    assert!(map
        .dispatch(cmd(r#"{"type":"focus","target":"Shimonoseki"}"#))
        .is_err());
}

/// One city index for built-in and imported origins: an origin that only an import brings
/// can be selected by name, as a URL can select it.
#[wasm_bindgen_test]
fn an_imported_origin_can_be_selected() {
    let div = container(400, 300);
    let map = FriendshipMap::new(div.into()).expect("map");
    let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source,origin_lat,origin_lon
Berlin,柏林,Beijing,北京,CN,city,sister,1994,39.9,116.4,https://a.example/1,52.52,13.40
";
    let import = cmd(r#"{"type":"import","options":{"mode":"add"}}"#);
    js_sys::Reflect::set(&import, &"data".into(), &JsValue::from_str(csv)).expect("set");
    map.dispatch(import).expect("import");
    map.dispatch(cmd(r#"{"type":"select","city":"Berlin"}"#))
        .expect("an imported origin");
    assert_eq!(
        snapshot_field(&map, &["selected"]).as_string().as_deref(),
        Some("Berlin")
    );
    let done = map
        .dispatch(cmd(r#"{"type":"query","query":"sel=%E6%9F%8F%E6%9E%97"}"#))
        .expect("query");
    let warnings = js_sys::Reflect::get(&done, &"warnings".into()).expect("warnings");
    assert_eq!(js_sys::Array::from(&warnings).length(), 0);
    assert_eq!(
        snapshot_field(&map, &["selected"]).as_string().as_deref(),
        Some("Berlin")
    );
    // A search result of data no longer shown is refused, and the map lives on.
    let stale = r#"{"type":"focus","target":{"type":"city","city":99}}"#;
    assert!(map.dispatch(cmd(stale)).is_err());
    map.render();
    assert!(Diagnostics::new(&map).frames_drawn() >= 1);
}

/// A story through the one door: opened with its problems named, stepped by a clicker's key,
/// refused whole when no step plays, checked without opening, read back, filmed and handed out.
#[wasm_bindgen_test]
fn a_story_from_javascript() {
    let div = container(400, 300);
    let map = FriendshipMap::new(div.into()).expect("map");
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).expect(k);
    let with_text = |kind: &str, text: &str| {
        let c = cmd(&format!(r#"{{"type":"{kind}"}}"#));
        js_sys::Reflect::set(&c, &"text".into(), &text.into()).expect("set");
        c
    };
    let text = r#"{"title":"t","steps":[{"state":"asof=1979&sel=Qingdao","caption":{"zh":"一"},"duration":1},{"state":"regions=atlantis","caption":"two"},{"caption":"x"}]}"#;
    let done = map.dispatch(with_text("story", text)).expect("opens");
    let problems = js_sys::Array::from(&get(&done, "problems"));
    assert_eq!(problems.length(), 2);
    let first = get(&problems.get(0), "text")
        .as_string()
        .unwrap_or_default();
    assert!(first.contains("atlantis"), "{first}");
    let step = |m: &FriendshipMap| snapshot_field(m, &["story", "step"]).as_f64();
    assert_eq!(step(&map), Some(0.0));
    assert_eq!(
        snapshot_field(&map, &["story", "caption", "en"])
            .as_string()
            .as_deref(),
        Some("一")
    );
    let done = map
        .dispatch(cmd(r#"{"type":"key","key":"PageDown"}"#))
        .expect("key");
    assert_eq!(get(&done, "handled").as_bool(), Some(true));
    assert_eq!(step(&map), Some(1.0));
    let done = map
        .dispatch(cmd(r#"{"type":"key","key":"x"}"#))
        .expect("key");
    assert!(get(&done, "handled").is_undefined());
    let e = map
        .dispatch(with_text("story", r#"{"steps":[]}"#))
        .expect_err("refused");
    assert!(message(e).contains("steps: none"));
    assert_eq!(step(&map), Some(1.0), "a refused story changes nothing");
    let checked = map.check_story(text.into()).expect("checks");
    assert_eq!(js_sys::Array::from(&checked).length(), 2);
    let story = map.story().expect("the story");
    assert_eq!(js_sys::Array::from(&get(&story, "steps")).length(), 2);
    // Filmed: 1 s, a 1.5 s flight, 8 s.
    let mut film = map
        .film(cmd(r#"{"width":320,"height":180,"story":true}"#))
        .expect("a film");
    assert_eq!(film.duration_ms(), 10_500.0);
    film.seek(3000.0.into()).expect("seek");
    assert_eq!(
        get(&film.story().expect("step"), "step").as_f64(),
        Some(1.0)
    );
    assert!(map
        .film(cmd(
            r#"{"width":320,"height":180,"story":true,"from":1990}"#
        ))
        .is_err());
    let html = map
        .publish(cmd(r#"{"format":"handout","width":320,"height":180}"#))
        .expect("a handout");
    assert_eq!(
        html.as_string()
            .unwrap_or_default()
            .matches("<section>")
            .count(),
        2
    );
    map.dispatch(cmd(r#"{"type":"closeStory"}"#))
        .expect("closes");
    assert!(snapshot_field(&map, &["story"]).is_null());
    assert!(map.dispatch(cmd(r#"{"type":"storyGo","step":0}"#)).is_err());
}
