//! The Shandong close-up: hit-testing, the corner choice, and a golden of its recorded items.
//! Regenerate the golden (only on purpose) with `UPDATE_GOLDEN=1 cargo test --test inset`.
#![cfg(not(target_arch = "wasm32"))]

mod golden_file;
use golden_file::check;

use shandong_friendship_map::closeup::{
    choose_corner, default_size, initial_bearing_deg, Closeup, CloseupOrigin, Corner,
    InsetPlacement, Stub,
};
use shandong_friendship_map::data::{Kind, SHANDONG_CITIES};
use shandong_friendship_map::display_list::{Frame, Item, Recorder};
use shandong_friendship_map::label::{Rect, WidthTable};
use shandong_friendship_map::viewport::Viewport;
use shandong_friendship_map::LonLat;
use std::rc::Rc;

/// A fixed scene (not the dataset, so data updates leave the golden alone): per origin a count
/// and a few partners, sister and friendly.
fn origins(lang_en: bool) -> Vec<CloseupOrigin> {
    const COUNTS: [u32; 17] = [42, 25, 80, 20, 9, 6, 44, 30, 12, 10, 40, 14, 16, 5, 4, 3, 0];
    let partners = [
        LonLat::new(130.9371, 33.9555),  // Shimonoseki
        LonLat::new(129.0756, 35.1796),  // Busan
        LonLat::new(-118.2437, 34.0522), // Los Angeles
        LonLat::new(2.3522, 48.8566),    // Paris
        LonLat::new(151.2093, -33.8688), // Sydney
        LonLat::new(37.6173, 55.7558),   // Moscow
    ];
    SHANDONG_CITIES
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let at = LonLat::new(c.lon, c.lat);
            let name = if lang_en {
                c.name.to_string()
            } else {
                c.name_zh.trim_end_matches('市').to_string()
            };
            let stubs = (0..COUNTS[i].min(6) as usize)
                .map(|j| Stub {
                    bearing_deg: initial_bearing_deg(at, partners[(i + j) % partners.len()]),
                    kind: if j % 3 == 2 {
                        Kind::Friendly
                    } else {
                        Kind::Sister
                    },
                })
                .collect();
            CloseupOrigin {
                index: i,
                at,
                name: Rc::from(name),
                count: COUNTS[i],
                province: i == 0,
                emphasised: i == 2, // Qingdao selected
                stubs,
            }
        })
        .collect()
}

fn record(inset: &Closeup, width: f64, height: f64) -> String {
    let frame = Frame {
        viewport: Viewport::fit(width, height, [-1.0, -1.0, 1.0, 1.0]),
        background: "#f7f9fb",
        items: inset.items().to_vec(),
        static_items: 0,
    };
    let mut rec = Recorder::default();
    frame.replay(&mut rec);
    rec.lines.join("\n") + "\n"
}

fn bottom_right_inset(lang_en: bool) -> Closeup {
    let view = [1280.0, 720.0];
    let size = default_size(view, 1.0).expect("room on a 1280x720 view");
    let rect = Corner::BottomRight.rect(view, size, 10.0);
    Closeup::new(rect, &origins(lang_en), &WidthTable, 1.0)
}

#[test]
fn each_city_marker_selects_its_city() {
    for lang_en in [false, true] {
        let inset = bottom_right_inset(lang_en);
        for o in origins(lang_en).iter().filter(|o| !o.province) {
            let p = inset.project(o.at);
            assert!(inset.contains(p), "{} inside the frame", o.name);
            // Jinan's seat is the province's too: the city marker wins at its centre.
            assert_eq!(inset.hit(p), Some(o.index), "{} at {p:?}", o.name);
        }
    }
}

#[test]
fn hits_outside_markers() {
    let inset = bottom_right_inset(false);
    let r = inset.rect;
    assert_eq!(
        inset.hit([r.min[0] - 1.0, r.min[1] + 10.0]),
        None,
        "outside the frame"
    );
    assert!(!inset.contains([r.min[0] - 1.0, r.min[1] + 10.0]));
    // The Yellow Sea south-east of Qingdao: in the frame, on no city.
    let sea = inset.project(LonLat::new(122.8, 34.4));
    assert!(inset.contains(sea));
    assert_eq!(inset.hit(sea), None);
    // The title (top-left) selects the province.
    assert_eq!(inset.hit([r.min[0] + 14.0, r.min[1] + 14.0]), Some(0));
}

#[test]
fn the_inset_draws_frame_coast_stubs_markers_and_labels() {
    let inset = bottom_right_inset(false);
    let text = record(&inset, 1280.0, 720.0);
    for layer in [
        "draw inset.frame",
        "clip inset.frame",
        "draw inset.land",
        "draw inset.coast",
        "draw inset.stubs.sister stroke=rgba(213,94,0,0.851) w=1",
        "draw inset.stubs.friendly stroke=rgba(0,114,178,0.749) w=1 dash=4,2.5",
        "draw inset.markers ",
        "draw inset.markers.none",
        "draw inset.markers.highlight",
        "text inset.title font=700 12px",
        "text inset.labels font=400 11px",
        "unclip",
    ] {
        assert!(text.contains(layer), "{layer}");
    }
    assert!(
        text.contains("\"山东省 42\""),
        "title with the province's count"
    );
    assert!(text.contains("\"青岛 80\""), "Qingdao named with its count");
    // 16 city markers: 14 with ties, 1 without (Heze), Qingdao emphasised.
    assert_eq!(text.matches("  O ").count(), 16);
    check("inset_bottom_right_zh", &text);
}

#[test]
fn the_english_inset_and_presenter_scale() {
    let view = [3840.0, 2160.0];
    let size = default_size(view, 2.0).expect("room");
    assert_eq!(size[0], 760.0, "380 px times 2");
    let rect = Corner::TopLeft.rect(view, size, 20.0);
    let inset = Closeup::new(rect, &origins(true), &WidthTable, 2.0);
    let text = record(&inset, view[0], view[1]);
    assert!(text.contains("text inset.labels font=400 22px"));
    assert!(text.contains("draw inset.stubs.friendly stroke=rgba(0,114,178,0.749) w=2 dash=8,5"));
    assert!(text.contains("\"Qingdao 80\""));
    for o in origins(true).iter().filter(|o| !o.province) {
        assert_eq!(inset.hit(inset.project(o.at)), Some(o.index));
    }
    check("inset_top_left_en_presenter", &text);
}

#[test]
fn small_views_get_no_inset() {
    assert_eq!(default_size([390.0, 844.0], 1.0), None, "a phone");
    let s = default_size([1100.0, 650.0], 1.0).expect("a laptop");
    assert_eq!(s[0], 330.0, "30 % of the width");
    assert!(s[1] > 150.0 && s[1] < 220.0, "{s:?}");
}

#[test]
fn the_corner_hiding_least_is_chosen() {
    let view = [1000.0, 600.0];
    let size = [200.0, 120.0];
    let dot = |x: f64, y: f64| Rect::new(x - 3.0, y - 3.0, 6.0, 6.0);
    // Markers in the bottom right and bottom left; the top right has one, the top left none.
    let shown = [
        dot(900.0, 550.0),
        dot(950.0, 520.0),
        dot(50.0, 550.0),
        dot(900.0, 50.0),
    ];
    let pick =
        |shown: &[Rect], reserved: &[Rect], p| choose_corner(view, size, 10.0, shown, reserved, p);
    let (c, r) = pick(&shown, &[], InsetPlacement::Auto).expect("a corner");
    assert_eq!(c, Corner::TopLeft);
    assert_eq!(r, Rect::new(10.0, 10.0, 200.0, 120.0));
    // Nothing shown: the preferred corner.
    assert_eq!(
        pick(&[], &[], InsetPlacement::Auto).map(|x| x.0),
        Some(Corner::BottomRight)
    );
    // A reserved box (the legend) rules out a corner before any count of markers; bottom left
    // and top right then tie at one marker each, and the preference takes the bottom left.
    let legend = [Rect::new(0.0, 0.0, 150.0, 100.0)];
    assert_eq!(
        pick(&shown, &legend, InsetPlacement::Auto).map(|x| x.0),
        Some(Corner::BottomLeft)
    );
    // The page's override, and none.
    let fixed = InsetPlacement::Corner(Corner::BottomLeft);
    assert_eq!(
        pick(&shown, &[], fixed).map(|x| x.0),
        Some(Corner::BottomLeft)
    );
    assert_eq!(pick(&shown, &[], InsetPlacement::Hidden), None);
    // No room: none.
    assert_eq!(
        choose_corner([150.0, 100.0], size, 10.0, &[], &[], InsetPlacement::Auto),
        None
    );
}

#[test]
fn bearings_point_the_right_way() {
    let qingdao = LonLat::new(120.3804, 36.0649);
    let east = initial_bearing_deg(qingdao, LonLat::new(130.9371, 33.9555));
    assert!(
        (95.0..110.0).contains(&east),
        "Shimonoseki lies east-south-east: {east}"
    );
    let la = initial_bearing_deg(qingdao, LonLat::new(-118.2437, 34.0522));
    assert!(
        (40.0..60.0).contains(&la),
        "Los Angeles: north-east over the Pacific: {la}"
    );
    let paris = initial_bearing_deg(qingdao, LonLat::new(2.3522, 48.8566));
    assert!(
        (300.0..340.0).contains(&paris),
        "Paris: north-west: {paris}"
    );
    // The inset item list ends the clip it opened.
    let inset = bottom_right_inset(false);
    assert!(matches!(inset.items().last(), Some(Item::Unclip)));
}
