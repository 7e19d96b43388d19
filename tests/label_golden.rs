//! Recorded labels of two views (a world view and a Europe zoom): Shandong cities and partners
//! named around their markers, compared with committed golden files. Regenerate (only on
//! purpose) with `UPDATE_GOLDEN=1 cargo test --test label_golden`.
#![cfg(not(target_arch = "wasm32"))]

mod golden_file;
use golden_file::check;

use shandong_friendship_map::data::SHANDONG_CITIES;
use shandong_friendship_map::display_list::{Frame, Item, Recorder};
use shandong_friendship_map::label::{
    place, text_layer, Candidate, Obstacles, Options, WidthTable,
};
use shandong_friendship_map::projection::{NaturalEarth1, Projector, Xy};
use shandong_friendship_map::scene::markers;
use shandong_friendship_map::style;
use shandong_friendship_map::viewport::Viewport;
use shandong_friendship_map::LonLat;
use std::rc::Rc;

/// Partners (a fixture, not the dataset): Chinese name, lon, lat, number of ties.
const PARTNERS: [(&str, f64, f64, u32); 24] = [
    ("下关", 130.9371, 33.9555, 3),
    ("釜山", 129.0756, 35.1796, 4),
    ("大阪", 135.5023, 34.6937, 2),
    ("首尔", 126.978, 37.5665, 5),
    ("仁川", 126.7052, 37.4563, 3),
    ("横滨", 139.638, 35.4437, 1),
    ("洛杉矶", -118.2437, 34.0522, 2),
    ("温哥华", -123.1207, 49.2827, 1),
    ("巴黎", 2.3522, 48.8566, 1),
    ("纽伦堡", 11.0767, 49.4521, 1),
    ("雷根斯堡", 12.1016, 49.0134, 1),
    ("慕尼黑", 11.582, 48.1351, 1),
    ("维也纳", 16.3738, 48.2082, 1),
    ("布拉格", 14.4378, 50.0755, 1),
    ("华沙", 21.0122, 52.2297, 1),
    ("罗兹", 19.4560, 51.7592, 1),
    ("莫斯科", 37.6173, 55.7558, 2),
    ("悉尼", 151.2093, -33.8688, 1),
    ("墨尔本", 144.9631, -37.8136, 1),
    ("圣保罗", -46.6333, -23.5505, 1),
    ("开普敦", 18.4241, -33.9249, 1),
    ("胡志明市", 106.6297, 10.8231, 1),
    ("曼谷", 100.5018, 13.7563, 1),
    ("新西伯利亚", 82.9346, 55.0084, 1),
];

struct View {
    viewport: Viewport,
    projector: Projector,
}

impl View {
    fn world(width: f64, height: f64) -> Self {
        let projector = Projector::new(Box::new(NaturalEarth1), 150.0);
        let viewport = Viewport::fit(width, height, projector.bounds());
        Self {
            viewport,
            projector,
        }
    }
    fn screen(&self, lon: f64, lat: f64) -> Xy {
        self.viewport
            .to_screen(self.projector.project(LonLat::new(lon, lat)))
    }
}

/// The Shandong side's candidates: each city when they lie apart, else (at world zooms, where
/// the 16 seats fall within a few pixels and the inset names them) one label for the province
/// around the whole cluster.
fn shandong_candidates(view: &View, font: shandong_friendship_map::style::Font) -> Vec<Candidate> {
    let seats: Vec<Xy> = SHANDONG_CITIES[1..]
        .iter()
        .map(|c| view.screen(c.lon, c.lat))
        .collect();
    let n = seats.len() as f64;
    let centre = [
        seats.iter().map(|p| p[0]).sum::<f64>() / n,
        seats.iter().map(|p| p[1]).sum::<f64>() / n,
    ];
    let extent = seats
        .iter()
        .map(|p| (p[0] - centre[0]).hypot(p[1] - centre[1]))
        .fold(0.0, f64::max);
    if extent > 40.0 {
        return SHANDONG_CITIES[1..]
            .iter()
            .zip(&seats)
            .enumerate()
            .map(|(i, (c, &at))| Candidate {
                at,
                radius_px: 4.0,
                text: Rc::from(c.name_zh.trim_end_matches('市')),
                font,
                priority: 1000.0 - i as f64, // the official order: Jinan, Qingdao, ...
                key: i as u64,
            })
            .collect();
    }
    vec![Candidate {
        at: centre,
        radius_px: extent + 4.0,
        text: Rc::from("山东"),
        font,
        priority: 1000.0,
        key: 0,
    }]
}

/// Markers and placed labels of the fixture's view, recorded.
fn record(view: &View) -> String {
    let v = &view.viewport;
    let world = |lon, lat| view.projector.project(LonLat::new(lon, lat));
    let partner_pts: Vec<Xy> = PARTNERS.iter().map(|p| world(p.1, p.2)).collect();
    let city_pts: Vec<Xy> = SHANDONG_CITIES[1..]
        .iter()
        .map(|c| world(c.lon, c.lat))
        .collect();
    let partner_layer = markers(
        "markers.partner",
        style::partner_marker(),
        partner_pts.iter().copied(),
        2.5,
        v,
    );
    let city_layer = markers(
        "markers.city",
        style::shandong_marker(),
        city_pts.iter().copied(),
        4.0,
        v,
    );
    let (city_style, partner_style) = (style::label_city(), style::label_partner());
    let mut candidates = shandong_candidates(view, city_style.font);
    let cities = candidates.len();
    candidates.extend(PARTNERS.iter().enumerate().map(|(i, p)| Candidate {
        at: view.screen(p.1, p.2),
        radius_px: 2.5,
        text: Rc::from(p.0),
        font: partner_style.font,
        priority: f64::from(p.3),
        key: 100 + i as u64,
    }));
    let placed = place(
        &candidates,
        &Obstacles::default(),
        [v.width, v.height],
        &WidthTable,
        &Options::default(),
    );
    let (city_labels, partner_labels): (Vec<_>, Vec<_>) =
        placed.iter().partition(|p| p.candidate < cities);
    let frame = Frame {
        viewport: *v,
        background: "#f7f9fb",
        items: vec![
            Item::Draw(Rc::new(partner_layer)),
            Item::Draw(Rc::new(city_layer)),
            Item::Text(Rc::new(text_layer(
                "labels.partner",
                partner_style,
                partner_labels,
            ))),
            Item::Text(Rc::new(text_layer("labels.city", city_style, city_labels))),
        ],
        static_items: 0,
    };
    let mut rec = Recorder::default();
    frame.replay(&mut rec);
    rec.lines.join("\n") + "\n"
}

/// The recorded labels of one text layer.
fn labels_of<'a>(text: &'a str, layer: &str) -> Vec<&'a str> {
    let head = format!("text {layer} ");
    let start = text
        .find(&head)
        .map(|i| i + head.len())
        .unwrap_or(text.len());
    text[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  T "))
        .collect()
}

#[test]
fn world_view_labels() {
    let text = record(&View::world(960.0, 540.0));
    // Shandong's 16 seats fall within a few pixels: the province is named once, around them.
    let cities = labels_of(&text, "labels.city");
    assert_eq!(cities.len(), 1, "{cities:?}");
    assert!(cities[0].ends_with("\"山东\""), "{cities:?}");
    let partners = labels_of(&text, "labels.partner");
    for far in ["洛杉矶", "悉尼", "圣保罗", "开普敦"] {
        assert!(
            partners.iter().any(|l| l.contains(far)),
            "{far} stands alone"
        );
    }
    assert!(text.contains(
        "text labels.partner font=400 12px fill=#222222 halo=rgba(255,255,255,0.902) w=2"
    ));
    check("labels_world_view", &text);
}

#[test]
fn europe_zoom_labels() {
    let mut view = View::world(960.0, 540.0);
    let munich = view.screen(11.582, 48.1351);
    view.viewport.zoom_at(6.0, munich);
    view.viewport.pan(480.0 - munich[0], 270.0 - munich[1]);
    let text = record(&view);
    assert!(text.contains("draw markers.partner"));
    let partners = labels_of(&text, "labels.partner");
    // Zoomed in, the central European partners all have room.
    for name in ["纽伦堡", "雷根斯堡", "慕尼黑", "维也纳", "布拉格"] {
        assert!(
            partners.iter().any(|l| l.contains(name)),
            "{name}: {partners:?}"
        );
    }
    assert!(
        labels_of(&text, "labels.city").is_empty(),
        "Shandong is off screen"
    );
    check("labels_europe_zoom", &text);
}
