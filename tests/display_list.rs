//! Recorded drawing commands of a small scene, compared with a committed golden file.
//! Regenerate (only on purpose, never in CI) with `UPDATE_GOLDEN=1 cargo test --test display_list`.
#![cfg(not(target_arch = "wasm32"))]

mod golden_file;
use golden_file::check;

use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::display_list::Recorder;
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::map::TooltipTarget;

// A test fixture, not data: two real pairs and one made-up partner whose link crosses the map's
// seam (30°W), to record the cut.
const SCENE: &str = "\
shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source
Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.9555,130.9371,https://example.org/fixture
Jinan,济南市,Sacramento,萨克拉门托市,US,city,sister,1984,38.5816,-121.4944,https://example.org/fixture
Weihai,威海市,Seam fixture,接缝测试,BR,city,friendly,,-8.05,-34.9,https://example.org/fixture
";

fn record(map: &MapState) -> String {
    let mut rec = Recorder {
        only: vec!["links", "markers", "outline"],
        ..Recorder::default()
    };
    map.frame().replay(&mut rec);
    rec.lines.join("\n") + "\n"
}

fn scene() -> MapState {
    let (data, errors) = Dataset::from_csv(SCENE, 2026);
    assert!(errors.is_empty(), "{errors:?}");
    MapState::new(data, &Basemap::default(), 400.0, 220.0)
}

#[test]
fn small_scene_whole_world() {
    let map = scene();
    let text = record(&map);
    // Sanity independent of the golden: both kinds drawn, the seam cut the fixture's link into
    // two subpaths, 3 partner markers and 3 city markers.
    assert!(text.contains("draw links.sister stroke=rgba(213,94,0,0.851) w=1"));
    assert!(text.contains("draw links.friendly stroke=rgba(0,114,178,0.749) w=1 dash=4,2.5"));
    let friendly: String = text
        .split("draw ")
        .find(|s| s.starts_with("links.friendly"))
        .unwrap_or_default()
        .to_string();
    assert_eq!(friendly.matches("  M ").count(), 2, "cut at the seam");
    let partners = text
        .split("draw markers.partner")
        .nth(1)
        .unwrap_or_default();
    let partner_markers = partners.split("draw ").next().unwrap_or_default();
    assert_eq!(partner_markers.matches("  O ").count(), 3);
    check("small_scene_whole_world", &text);
}

#[test]
fn small_scene_selected_zoomed() {
    let mut map = scene();
    map.zoom_at(4.0, 300.0, 90.0);
    map.pan(-20.0, 10.0);
    map.select_city(Some(2)); // Qingdao
    let text = record(&map);
    assert!(text.contains("draw links.selected"));
    assert!(text.contains("draw links.dimmed"));
    assert!(text.contains("draw markers.highlight"));
    check("small_scene_selected_zoomed", &text);
}

#[test]
fn hover_finds_a_known_partner_and_link() {
    let mut map = scene();
    let v = *map.viewport();
    let p = map
        .projector()
        .project(shandong_friendship_map::LonLat::new(-121.4944, 38.5816));
    let s = v.to_screen(p);
    let hit = map.hover_at(s[0] + 2.0, s[1] - 1.0);
    let tip = map.tooltip(hit.expect("a hit at Sacramento"));
    assert_eq!(tip.target, TooltipTarget::Partner);
    assert_eq!(tip.title_en, "Sacramento");
    assert_eq!(tip.ties[0].city_zh, "济南市");
    assert_eq!(tip.ties[0].established, "1984");
    assert_eq!(tip.ties[0].country_zh, "美国");
    // Far from everything: nothing.
    assert_eq!(map.hover_at(5.0, 5.0), None);
}

#[test]
fn the_detail_basemap_is_requested_once_and_used_when_zoomed_in() {
    let mut map = scene();
    assert!(!map.take_detail_request(), "not at the whole-world view");
    map.zoom_at(3.0, 200.0, 110.0);
    assert!(map.take_detail_request());
    assert!(!map.take_detail_request(), "only once");
    assert!(!map.showing_detail());
    let detail = Basemap::decode(
        &std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/basemap-50m.bin")).expect("50m"),
    )
    .expect("decodes");
    map.set_detail_basemap(&detail);
    assert!(map.showing_detail());
    let mut rec = Recorder {
        only: vec!["land"],
        ..Recorder::default()
    };
    map.frame().replay(&mut rec);
    assert!(
        rec.lines.len() > 50_000,
        "1:50m land drawn: {} lines",
        rec.lines.len()
    );
    map.reset_view();
    assert!(!map.showing_detail(), "the world view uses 1:110m again");
}

// ---------- the display list's own parts (moved from src/display_list.rs) ----------

use shandong_friendship_map::display_list::{Anchor, Label, Layer, Sink, Space, TextLayer};
use std::rc::Rc;

#[test]
fn anchors_map_to_canvas_alignment() {
    assert_eq!(Anchor::Left.text_align(), "left");
    assert_eq!(Anchor::Left.text_baseline(), "middle");
    assert_eq!(Anchor::BottomRight.text_align(), "right");
    assert_eq!(Anchor::BottomRight.text_baseline(), "bottom");
    assert_eq!(Anchor::Top.text_align(), "center");
    assert_eq!(Anchor::Top.text_baseline(), "top");
    assert_eq!(Anchor::TopLeft.fraction(), [0.0, 0.0]);
    assert_eq!(Anchor::Center.name(), "center");
}

#[test]
fn recorder_writes_one_line_per_label() {
    let layer = TextLayer {
        name: "labels.partner",
        style: shandong_friendship_map::style::label_partner(),
        labels: vec![Label {
            at: [10.04, -0.01],
            anchor: Anchor::BottomLeft,
            text: Rc::from("下关 \"Shimonoseki\""),
        }],
    };
    let mut rec = Recorder::default();
    rec.text(&layer);
    assert_eq!(
        rec.lines,
        [
            "text labels.partner font=400 12px fill=#222222 halo=rgba(255,255,255,0.902) w=2",
            "  T 10 0 bottom-left \"下关 \\\"Shimonoseki\\\"\"",
        ]
    );
    let mut only_links = Recorder {
        only: vec!["links"],
        ..Recorder::default()
    };
    only_links.text(&layer);
    assert!(only_links.lines.is_empty());
}

/// A layer of features notes where each starts, a feature cut in two pieces included.
#[test]
fn features_start_where_their_first_piece_does() {
    let style = shandong_friendship_map::style::link_sister();
    let mut layer = Layer::new("links.sister", 1, Space::World, style);
    layer.feature(&[vec![[0.0, 0.0], [1.0, 1.0]]]);
    layer.feature(&[
        vec![[2.0, 2.0], [3.0, 3.0], [4.0, 4.0]],
        vec![[5.0, 5.0], [6.0, 6.0]],
    ]);
    layer.feature(&[]);
    assert_eq!(layer.features, [0, 2, 7]);
    assert_eq!(layer.path.len(), 7);
}

/// Every tie shown is one feature of the link layers.
#[test]
fn link_layers_hold_one_feature_per_tie_shown() {
    let map = MapState::new(Dataset::builtin(), &Basemap::default(), 800.0, 400.0);
    let frame = map.frame();
    let features: usize = frame
        .items
        .iter()
        .filter_map(|i| match i {
            shandong_friendship_map::display_list::Item::Draw(l)
                if l.name.starts_with("links.") =>
            {
                Some(l.features.len())
            }
            _ => None,
        })
        .sum();
    assert_eq!(features, map.summary().ties);
}

/// The static items' identities (name, version): what a picture of them shows.
fn static_key(f: &shandong_friendship_map::display_list::Frame) -> Vec<(&'static str, u64)> {
    use shandong_friendship_map::display_list::Item;
    f.items[..f.static_items]
        .iter()
        .filter_map(|i| match i {
            Item::Draw(l) | Item::Clip(l) => Some((l.name, l.version)),
            _ => None,
        })
        .collect()
}

#[test]
fn markers_move_with_the_picture_of_a_pan_and_are_made_again_for_a_zoom() {
    let mut map = scene();
    let before = static_key(&map.frame());
    let version = |k: &[(&str, u64)], name: &str| {
        k.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .expect(name)
    };
    assert_ne!(version(&before, "markers.partner"), 0, "cacheable");
    assert_ne!(version(&before, "markers.city"), 0, "cacheable");
    map.pan(-30.0, 12.5);
    assert_eq!(static_key(&map.frame()), before, "a pan draws nothing anew");
    map.zoom_at(2.0, 200.0, 110.0);
    let zoomed = static_key(&map.frame());
    assert_ne!(
        version(&zoomed, "markers.partner"),
        version(&before, "markers.partner"),
        "radii in px are made again for the new scale"
    );
    map.select_city(Some(2));
    let selected = map.frame();
    let key = static_key(&selected);
    // The markers stay under what is drawn each frame (the emphasised marker, names).
    let names: Vec<&str> = selected.items[selected.static_items..]
        .iter()
        .filter_map(|i| match i {
            shandong_friendship_map::display_list::Item::Draw(l) => Some(l.name),
            _ => None,
        })
        .collect();
    assert!(key.iter().any(|(n, _)| *n == "markers.city"));
    assert!(!names.contains(&"markers.partner") && !names.contains(&"markers.city"));
}

#[test]
fn world_markers_change_version_exactly_when_they_change() {
    use shandong_friendship_map::scene::world_markers;
    use shandong_friendship_map::style;
    let pts = [[0.1, 0.2], [0.3, -0.4]];
    let v = |pts: &[[f64; 2]], r: f64, scale: f64| {
        world_markers("m", style::partner_marker(), pts.iter().copied(), r, scale).version
    };
    let a = v(&pts, 2.5, 200.0);
    assert_eq!(a, v(&pts, 2.5, 200.0));
    assert_ne!(a, 0);
    assert_ne!(a, v(&pts[..1], 2.5, 200.0), "a point fewer");
    assert_ne!(
        a,
        v(&[[0.1, 0.2], [0.3, -0.41]], 2.5, 200.0),
        "a point moved"
    );
    assert_ne!(a, v(&pts, 3.0, 200.0), "another radius");
    assert_ne!(a, v(&pts, 2.5, 250.0), "another scale");
    let none = world_markers("m", style::partner_marker(), pts.iter().copied(), 0.0, 1.0);
    assert!(none.path.is_empty(), "radius 0 draws nothing");
}
