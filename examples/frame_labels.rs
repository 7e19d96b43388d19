//! How many names a view places and what a frame with names costs natively:
//! `cargo run --release --example frame_labels`. Prints, for a world view and a Europe zoom of
//! the built-in data (1100×650 CSS px, the desk page's canvas), the names placed (on the map and
//! in the close-up) and the median time of `MapState::frame()` over 51 runs.

use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::display_list::Item;
use shandong_friendship_map::map::{Lang, MapState};
use std::time::Instant;

fn main() {
    let basemap = Basemap::decode(BASEMAP_110M).expect("basemap");
    for (name, query) in [
        ("world view", ""),
        ("Europe zoom", "view=4.00,12.00,50.00"),
        ("Qingdao selected, world", "sel=Qingdao"),
    ] {
        for lang in [Lang::Zh, Lang::En] {
            let mut m = MapState::new(Dataset::builtin(), &basemap, 1100.0, 650.0);
            m.set_language(lang);
            m.apply_query(query);
            let frame = m.frame();
            let count = |prefix: &str| -> usize {
                frame
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text(t) if t.name.starts_with(prefix) => Some(t.labels.len()),
                        _ => None,
                    })
                    .sum()
            };
            let mut times: Vec<f64> = (0..51)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(m.frame());
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            times.sort_by(f64::total_cmp);
            println!(
                "{name} ({lang:?}): {} names on the map, {} in the close-up; frame {:.2} ms (median)",
                count("labels."),
                count("inset."),
                times[25]
            );
        }
    }
}
