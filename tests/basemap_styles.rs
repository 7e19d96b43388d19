//! Basemap styles: land-only has no borders; China's worldview draws Taiwan as part of China.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::display_list::Recorder;
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::scene::BasemapStyle;
use shandong_friendship_map::LonLat;

fn layer_lines(map: &MapState, name: &'static str) -> usize {
    let mut rec = Recorder {
        only: vec![name],
        ..Recorder::default()
    };
    map.frame().replay(&mut rec);
    rec.lines.iter().filter(|l| l.starts_with("  ")).count()
}

#[test]
fn land_only_has_coastlines_and_no_borders() {
    let basemap = Basemap::decode(BASEMAP_110M).expect("basemap");
    let mut map = MapState::new(Dataset::default(), &basemap, 800.0, 400.0);
    assert!(layer_lines(&map, "borders") > 1000);
    let coast = layer_lines(&map, "coast");
    map.set_basemap_style(BasemapStyle::Land);
    assert_eq!(layer_lines(&map, "borders"), 0);
    assert_eq!(layer_lines(&map, "coast"), coast);
    assert_eq!(
        layer_lines(&map, "land.china"),
        0,
        "no country singled out either"
    );
}

#[test]
fn china_worldview_fills_taiwan_as_china() {
    let basemap = Basemap::decode(BASEMAP_110M).expect("basemap");
    let mut map = MapState::new(Dataset::default(), &basemap, 800.0, 400.0);
    let before = layer_lines(&map, "land.china");
    map.set_basemap_style(BasemapStyle::China);
    let after = layer_lines(&map, "land.china");
    let taiwan = basemap
        .countries
        .iter()
        .find(|c| c.numeric == 158)
        .expect("Taiwan in the data");
    assert!(basemap.contains(taiwan, LonLat::new(121.0, 23.7)));
    assert!(
        after > before,
        "Taiwan's rings join China's fill: {before} -> {after}"
    );
}

#[test]
fn an_office_basemap_from_polygons_replaces_the_builtin_one() {
    let square = vec![vec![vec![
        LonLat::new(100.0, 20.0),
        LonLat::new(130.0, 20.0),
        LonLat::new(130.0, 50.0),
        LonLat::new(100.0, 50.0),
        LonLat::new(100.0, 20.0),
    ]]];
    let office = Basemap::from_polygons(vec![(156, "China".into(), square)]);
    let mut map = MapState::new(
        Dataset::default(),
        &Basemap::decode(BASEMAP_110M).expect("b"),
        800.0,
        400.0,
    );
    map.set_basemap(office);
    // ("land" also matches "land.china": the other countries' land is the difference.)
    assert_eq!(
        layer_lines(&map, "land") - layer_lines(&map, "land.china"),
        0
    );
    assert!(layer_lines(&map, "land.china") >= 5);
    assert!(layer_lines(&map, "coast") >= 5);
}
