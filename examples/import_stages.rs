//! Times the world file's import natively, by stage.
use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::import::Preset;
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::validate::{misplaced, Placement, COAST_TOLERANCE_M};
use std::time::Instant;

fn main() {
    let text = std::fs::read_to_string("../shared/data/world_twin_cities.csv").unwrap();
    let detail = Basemap::decode(&std::fs::read("data/basemap-50m.bin").unwrap()).unwrap();
    let t = Instant::now();
    let mut d = Dataset::default();
    let errs = d.add_csv(&text, 2026, &Preset::WorldTwinCities.options());
    println!("add_csv {:.0} ms, {} ties, {} errors, {} origins", t.elapsed().as_secs_f64()*1e3, d.ties.len(), errs.len(), d.origins.len());
    let t = Instant::now();
    let (n, bad) = misplaced(&d, 0, &Placement { basemap: &detail, tolerance_m: COAST_TOLERANCE_M });
    println!("misplaced {:.0} ms, {} checked, {} bad", t.elapsed().as_secs_f64()*1e3, n, bad.len());
    parts(&d);
    let base = Basemap::decode(shandong_friendship_map::basemap::BASEMAP_110M).unwrap();
    let mut m = MapState::new(Dataset::builtin(), &base, 1280.0, 720.0);
    let t = Instant::now();
    m.set_dataset(d);
    println!("set_dataset {:.0} ms", t.elapsed().as_secs_f64()*1e3);
    let t = Instant::now();
    let f = m.frame();
    println!("frame {:.0} ms, {} items", t.elapsed().as_secs_f64()*1e3, f.items.len());
}

#[allow(dead_code)]
fn parts(d: &Dataset) {
    use shandong_friendship_map::link_geometry::LinkGeometry;
    use shandong_friendship_map::projection::{NaturalEarth1, Projector};
    let regions = shandong_friendship_map::data::builtin_regions();
    let p = Projector::new(Box::new(NaturalEarth1), 150.0);
    let t = Instant::now();
    let g = LinkGeometry::build(d, &p);
    println!("  geometry {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let shown = vec![true; d.ties.len()];
    let _ = shandong_friendship_map::stats::stats(d, &shown, &regions);
    println!("  stats {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let _ = shandong_friendship_map::map::origins::Markers::of(&d.origins);
    println!("  markers {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let _ = shandong_friendship_map::filter::Filter::default().apply(d, &regions);
    println!("  filter {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let _ = shandong_friendship_map::map::describe::data_info(d);
    println!("  data_info {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let _ = shandong_friendship_map::scene::link_layers(d, &g, &shown, None, true, 3);
    println!("  link_layers {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
}
