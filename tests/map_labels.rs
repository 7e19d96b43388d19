//! Names on the map's frames: over random views, filters, selections, languages and scales no
//! two labels overlap, none covers a marker, none leaves the view or enters the close-up, and
//! leader lines run through no name;
//! goldens of a world view, a Europe zoom, a selected city and a playback step; the close-up
//! selects the city clicked. Regenerate goldens (only on purpose) with
//! `UPDATE_GOLDEN=1 cargo test --test map_labels`.
#![cfg(not(target_arch = "wasm32"))]

mod golden_file;

use proptest::prelude::*;
use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::display_list::{Frame, Item, PathEl, Recorder};
use shandong_friendship_map::filter::Filter;
use shandong_friendship_map::label::{Circle, Rect, Segment, TextMeasure, WidthTable};
use shandong_friendship_map::map::{Lang, MapState};
use shandong_friendship_map::LonLat;

fn fixture() -> Dataset {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/labels.csv"
    ))
    .expect("fixture");
    let (d, errors) = Dataset::from_csv(&text, 2030);
    assert!(errors.is_empty(), "{errors:?}");
    d
}

fn map(w: f64, h: f64) -> MapState {
    MapState::new(fixture(), &Basemap::default(), w, h)
}

/// The em boxes of the frame's map labels (not the close-up's), and the close-up's frame.
fn label_boxes(frame: &Frame) -> (Vec<(String, Rect)>, Option<Rect>) {
    let mut boxes = Vec::new();
    let mut inset = None;
    for item in &frame.items {
        match item {
            Item::Text(t) if t.name.starts_with("labels.") => {
                for l in &t.labels {
                    let w = WidthTable.width_px(&l.text, t.style.font);
                    let h = t.style.font.size_px;
                    let [fx, fy] = l.anchor.fraction();
                    let min = [l.at[0] - fx * w, l.at[1] - fy * h];
                    boxes.push((
                        l.text.to_string(),
                        Rect {
                            min,
                            max: [min[0] + w, min[1] + h],
                        },
                    ));
                }
            }
            Item::Draw(l) if l.name == "inset.frame" => {
                let xs = l.path.iter().filter_map(|e| match e {
                    PathEl::MoveTo(p) | PathEl::LineTo(p) => Some(*p),
                    _ => None,
                });
                let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
                for p in xs {
                    lo = [lo[0].min(p[0]), lo[1].min(p[1])];
                    hi = [hi[0].max(p[0]), hi[1].max(p[1])];
                }
                inset = Some(Rect { min: lo, max: hi });
            }
            _ => {}
        }
    }
    (boxes, inset)
}

/// The map's markers (partners, Shandong cities, the emphasised one) as discs.
fn markers(frame: &Frame) -> Vec<Circle> {
    frame
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Draw(l) if l.name.starts_with("markers.") => Some(l),
            _ => None,
        })
        .flat_map(|l| {
            let rim = l.style.width_px / 2.0;
            l.path.iter().filter_map(move |e| match *e {
                PathEl::Circle(at, r) => Some(Circle {
                    at,
                    radius_px: r + rim,
                }),
                _ => None,
            })
        })
        .collect()
}

/// The leader lines' ends.
fn leader_lines(frame: &Frame) -> Vec<[[f64; 2]; 2]> {
    let layers = frame.items.iter().filter_map(|i| match i {
        Item::Draw(l) if l.name == "labels.leaders" => Some(l),
        _ => None,
    });
    layers
        .flat_map(|l| l.path.windows(2))
        .filter_map(|w| match w {
            [PathEl::MoveTo(a), PathEl::LineTo(b)] => Some([*a, *b]),
            _ => None,
        })
        .collect()
}

fn check(frame: &Frame) -> Result<usize, String> {
    let (boxes, inset) = label_boxes(frame);
    let discs = markers(frame);
    let v = &frame.viewport;
    let view = Rect {
        min: [0.0, 0.0],
        max: [v.width, v.height],
    };
    for (i, (a, ra)) in boxes.iter().enumerate() {
        if !view.encloses(ra) {
            return Err(format!("{a} leaves the view: {ra:?}"));
        }
        if inset.is_some_and(|r| r.overlaps(ra)) {
            return Err(format!("{a} lies on the close-up"));
        }
        if let Some(d) = discs.iter().find(|d| ra.overlaps_circle(d)) {
            return Err(format!("{a} covers a marker at {:?}", d.at));
        }
        if let Some((b, _)) = boxes[i + 1..].iter().find(|(_, rb)| ra.overlaps(rb)) {
            return Err(format!("{a} overlaps {b}"));
        }
    }
    // Leader lines run through no name and end at one.
    for [p, q] in leader_lines(frame) {
        let line = Segment {
            a: p,
            b: q,
            half_width_px: 0.0,
        };
        // (Boxes shrunk by a hair: a line ends on its own name's edge, which these boxes,
        // recomputed from the anchor, may pass by rounding.)
        if let Some((a, _)) = boxes
            .iter()
            .find(|(_, r)| line.overlaps_rect(&r.inflate(-0.01)))
        {
            return Err(format!("a leader line runs through {a}"));
        }
        if !boxes.iter().any(|(_, r)| r.inflate(0.5).contains(q)) {
            return Err(format!("the leader line to {q:?} ends at no name"));
        }
    }
    Ok(boxes.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn labels_never_overlap_each_other_markers_or_the_close_up(
        size in prop_oneof![Just((1100.0, 650.0)), Just((390.0, 350.0)), Just((3840.0, 2000.0))],
        zoom in 1.0..10.0f64,
        lon in -20.0..150.0f64,
        lat in 0.0..55.0f64,
        city in proptest::option::of(0..17usize),
        english in any::<bool>(),
        scale in prop_oneof![Just(1.0), Just(1.8), Just(3.6)],
        sister_only in any::<bool>(),
    ) {
        let mut m = map(size.0, size.1);
        m.set_language(if english { Lang::En } else { Lang::Zh });
        m.set_drawing_scale(scale);
        m.set_filter(Filter { friendly: !sister_only, ..Filter::default() });
        m.select_city(city);
        m.apply_query(&format!("view={zoom:.2},{lon:.2},{lat:.2}"));
        m.select_city(city);
        let placed = check(&m.frame());
        prop_assert!(placed.is_ok(), "{:?}", placed);
    }
}

#[test]
fn a_selected_citys_partners_are_named_first() {
    let mut m = map(1100.0, 650.0);
    m.select_city(Some(2)); // Qingdao
    let frame = m.frame();
    let qingdao: Vec<String> = m
        .dataset()
        .ties
        .iter()
        .filter(|t| t.city == 2)
        .map(|t| t.record.partner_zh.clone())
        .collect();
    let (boxes, _) = label_boxes(&frame);
    let named: Vec<&String> = boxes.iter().map(|(t, _)| t).collect();
    let mine = qingdao.iter().filter(|p| named.contains(p)).count();
    assert!(
        mine * 2 >= qingdao.len(),
        "{mine} of {}: {named:?}",
        qingdao.len()
    );
    check(&frame).expect("no collisions");
}

#[test]
fn the_close_up_selects_the_city_clicked_and_leaves_the_map_alone() {
    let mut m = map(1100.0, 650.0);
    let inset = m.inset().expect("a close-up at the world view");
    let weihai = inset.project(LonLat::new(122.1136, 37.5091));
    assert!(inset.contains(weihai));
    assert!(m.click_at(weihai[0], weihai[1]), "a click selects");
    assert_eq!(m.selected_city(), Some(10), "Weihai");
    assert!(m.click_at(weihai[0], weihai[1]), "again: deselects");
    assert_eq!(m.selected_city(), None);
    // Zoomed in on Shandong, its cities stand apart and are named on the map itself.
    m.apply_query("view=12.00,119.00,36.00");
    assert!(m.inset().is_none());
    let (boxes, _) = label_boxes(&m.frame());
    assert!(boxes.iter().any(|(t, _)| t == "青岛"), "{boxes:?}");
}

fn golden(name: &str, frame: &Frame) {
    let mut rec = Recorder {
        only: vec!["labels", "inset.title", "inset.labels"],
        ..Recorder::default()
    };
    frame.replay(&mut rec);
    golden_file::check(name, &(rec.lines.join("\n") + "\n"));
}

#[test]
fn goldens_of_named_views() {
    let mut m = map(1100.0, 650.0);
    golden("map_labels_world_zh", &m.frame());
    m.set_language(Lang::En);
    m.apply_query("view=4.00,12.00,50.00");
    golden("map_labels_europe_en", &m.frame());
    m.set_language(Lang::Zh);
    m.apply_query("sel=Qingdao");
    golden("map_labels_qingdao_selected", &m.frame());
    m.apply_query("");
    m.step(1); // the first year with a tie
    m.step(1);
    golden("map_labels_playback_step", &m.frame());
}
