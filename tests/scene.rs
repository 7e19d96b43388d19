//! Scene building: link layers by kind and selection, growing links, markers, basemap styles.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::display_list::PathEl;
use shandong_friendship_map::projection::{NaturalEarth1, Projector};
use shandong_friendship_map::scene::{
    base_layers, link_layers, markers, partial_layer, BasemapStyle, LinkGeometry,
};
use shandong_friendship_map::style;
use shandong_friendship_map::viewport::Viewport;

fn data() -> Dataset {
    let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source
Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.96,130.94,https://a.example/1
Jinan,济南市,Sacramento,萨克拉门托市,US,city,sister,1984,38.58,-121.49,https://a.example/2
Yantai,烟台市,Miskolc,米什科尔茨市,HU,city,friendly,,48.1,20.79,https://a.example/3
";
    Dataset::from_csv(csv, 2030).0
}

fn projector() -> Projector {
    Projector::new(Box::new(NaturalEarth1), 150.0)
}

fn moves(path: &[PathEl]) -> usize {
    path.iter()
        .filter(|e| matches!(e, PathEl::MoveTo(_)))
        .count()
}

#[test]
fn links_are_layered_by_kind_or_by_the_selected_city() {
    let d = data();
    let g = LinkGeometry::build(&d, &projector());
    let names = |l: &[std::rc::Rc<shandong_friendship_map::display_list::Layer>]| {
        l.iter().map(|l| l.name).collect::<Vec<_>>()
    };
    let plain = link_layers(&d, &g, &[true, true, true], None, false, 1);
    assert_eq!(names(&plain), ["links.friendly", "links.sister"]);
    let selected = link_layers(&d, &g, &[true, true, true], Some(2), false, 1);
    assert_eq!(names(&selected), ["links.dimmed", "links.selected"]);
    assert_eq!(moves(&selected[1].path), 1, "Qingdao's one link");
    let dense = link_layers(&d, &g, &[true, false, false], None, true, 1);
    assert_eq!(dense[0].style, style::dense(style::link_sister()));
    assert!(link_layers(&d, &g, &[false; 3], None, false, 1).is_empty());
}

/// Agreements and letters of intent are drawn apart from the ties, whatever their kind, and
/// their styles differ from the ties', from each other and from the unknown year's.
#[test]
fn agreements_and_letters_of_intent_are_drawn_apart() {
    let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source,stage
Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.96,130.94,https://a.example/1,
Jinan,济南市,Sacramento,萨克拉门托市,US,city,sister,1984,38.58,-121.49,https://a.example/2,agreement
Yantai,烟台市,Miskolc,米什科尔茨市,HU,city,friendly,,48.1,20.79,https://a.example/3,intent
Qingdao,青岛市,Miskolc,米什科尔茨市,HU,city,friendly,,48.1,20.79,https://a.example/4,intent
";
    let d = Dataset::from_csv(csv, 2030).0;
    let g = LinkGeometry::build(&d, &projector());
    let all = [true; 4];
    let plain = link_layers(&d, &g, &all, None, false, 1);
    let names: Vec<&str> = plain.iter().map(|l| l.name).collect();
    assert_eq!(names, ["links.intent", "links.agreement", "links.sister"]);
    assert_eq!(moves(&plain[0].path), 2, "both letters of intent");
    // A selected city's letter of intent keeps its style; the others' are dimmed.
    let qingdao = link_layers(&d, &g, &all, Some(2), false, 1);
    let names: Vec<&str> = qingdao.iter().map(|l| l.name).collect();
    assert_eq!(names, ["links.dimmed", "links.intent", "links.selected"]);
    assert_eq!(moves(&qingdao[1].path), 1, "Qingdao's own letter of intent");
    let styles = [
        style::link_sister(),
        style::link_friendly(),
        style::link_unknown(),
        style::link_agreement(),
        style::link_intent(),
    ];
    for (i, a) in styles.iter().enumerate() {
        for b in &styles[i + 1..] {
            assert!(
                (a.stroke, a.dash_px) != (b.stroke, b.dash_px),
                "{a:?} and {b:?} look alike"
            );
        }
    }
    for pending in [style::link_agreement(), style::link_intent()] {
        assert!(pending.width_px < style::link_sister().width_px, "thinner");
        assert_ne!(pending.stroke, style::link_unknown().stroke, "not grey");
    }
}

#[test]
fn growing_links_start_at_the_shandong_end() {
    let d = data();
    let g = LinkGeometry::build(&d, &projector());
    let none = partial_layer(&g, &[0], 0.0, 0);
    assert!(none.path.is_empty());
    let full = partial_layer(&g, &[0], 1.0, 0);
    let whole: usize = g.pieces(0).map(|p| p.len()).sum();
    assert_eq!(full.path.len(), whole);
    let half = partial_layer(&g, &[0], 0.5, 0);
    let PathEl::MoveTo(start) = half.path[0] else {
        panic!("starts with a move");
    };
    let first = g.pieces(0).next().expect("a piece").point(0);
    assert_eq!(start, first, "from Qingdao");
    assert!(half.path.len() < whole && half.path.len() > whole / 3);
}

#[test]
fn markers_outside_the_view_are_left_out() {
    let v = Viewport::fit(400.0, 200.0, projector().bounds());
    let inside = v.to_world([100.0, 100.0]);
    let outside = v.to_world([-50.0, 100.0]);
    let m = markers(
        "markers.partner",
        style::partner_marker(),
        [inside, outside].into_iter(),
        2.5,
        &v,
    );
    assert_eq!(m.path.len(), 1);
    let none = markers("m", style::partner_marker(), [inside].into_iter(), 0.0, &v);
    assert!(none.path.is_empty(), "radius 0 draws nothing");
}

#[test]
fn the_land_style_has_no_borders_and_the_china_style_takes_taiwan_in() {
    let b = Basemap::decode(BASEMAP_110M).expect("basemap");
    let p = projector();
    let countries = base_layers(&b, &p, BasemapStyle::Countries, 1);
    let land = base_layers(&b, &p, BasemapStyle::Land, 1);
    let china = base_layers(&b, &p, BasemapStyle::China, 1);
    assert!(!countries.borders.path.is_empty());
    assert!(land.borders.path.is_empty());
    assert!(china.land_china.path.len() > countries.land_china.path.len());
    assert_eq!(BasemapStyle::from_name("land"), Some(BasemapStyle::Land));
    assert_eq!(BasemapStyle::from_name("Land"), None);
}
