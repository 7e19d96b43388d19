//! First sight (issue 21): the untouched world view of the built-in data names partners by
//! weight (10–20 at a desk's 1280×720, 3–6 on a phone 390 px wide), names South Korea and
//! Japan with their counts outside the Shandong cluster with leader lines, and counts what is
//! shown; no name overlaps another, a marker, a page box or the close-up. Read from the
//! frame's display list, as every sink (canvas, SVG, recorder) gets it.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::display_list::{Frame, Item, Layer, PathEl};
use shandong_friendship_map::label::{Rect, Segment, TextMeasure, WidthTable};
use shandong_friendship_map::map::{Lang, MapState};
use shandong_friendship_map::projection::Xy;

/// A view as the page shows it: the canvas's size (CSS px) and the boxes its controls cover
/// (the buttons, the legend, the credit line), as measured in Chromium in English (the wider).
struct View {
    name: &'static str,
    size: [f64; 2],
    reserved: Vec<Rect>,
    /// How many partner names by weight it should take.
    partners: std::ops::RangeInclusive<usize>,
}

fn views() -> Vec<View> {
    let page = |w: f64, h: f64| {
        vec![
            Rect::new(10.0, 10.0, 253.0, 30.2),
            Rect::new(10.0, h - 52.8, 246.9, 26.8),
            Rect::new(w - 137.7, h - 21.4, 131.7, 17.4),
        ]
    };
    vec![
        View {
            name: "1280×720 canvas",
            size: [1280.0, 720.0],
            reserved: Vec::new(),
            partners: 10..=20,
        },
        View {
            name: "the desk page at 1280×720 (980×655 of map beside the panel)",
            size: [980.0, 654.8],
            reserved: page(980.0, 654.8),
            partners: 10..=20,
        },
        View {
            name: "390×844 canvas",
            size: [390.0, 844.0],
            reserved: Vec::new(),
            partners: 3..=6,
        },
        View {
            name: "the phone page at 390×844 (390×346 of map)",
            size: [390.0, 346.25],
            reserved: page(390.0, 346.25),
            partners: 3..=6,
        },
    ]
}

fn map(view: &View, lang: Lang) -> MapState {
    let basemap = Basemap::decode(BASEMAP_110M).expect("basemap");
    let [w, h] = view.size;
    let mut m = MapState::new(Dataset::builtin(), &basemap, w, h);
    m.set_language(lang);
    m.set_reserved(view.reserved.clone());
    m
}

/// A placed name: its layer, text and em box (CSS px).
struct Name {
    layer: &'static str,
    text: String,
    rect: Rect,
}

/// The names on the map (the close-up's own are left out) with their boxes.
fn names(frame: &Frame) -> Vec<Name> {
    let mut out = Vec::new();
    for item in &frame.items {
        let Item::Text(t) = item else { continue };
        if !t.name.starts_with("labels.") {
            continue;
        }
        for l in &t.labels {
            let w = WidthTable.width_px(&l.text, t.style.font);
            let h = t.style.font.size_px;
            let [fx, fy] = l.anchor.fraction();
            let min = [l.at[0] - fx * w, l.at[1] - fy * h];
            out.push(Name {
                layer: t.name,
                text: l.text.to_string(),
                rect: Rect {
                    min,
                    max: [min[0] + w, min[1] + h],
                },
            });
        }
    }
    out
}

fn layer<'a>(frame: &'a Frame, name: &str) -> Option<&'a Layer> {
    frame.items.iter().find_map(|i| match i {
        Item::Draw(l) if l.name == name => Some(&**l),
        _ => None,
    })
}

/// The box around a layer's points.
fn extent(l: &Layer) -> Rect {
    let (mut lo, mut hi) = ([f64::MAX; 2], [f64::MIN; 2]);
    for e in &l.path {
        if let PathEl::MoveTo(p) | PathEl::LineTo(p) = e {
            lo = [lo[0].min(p[0]), lo[1].min(p[1])];
            hi = [hi[0].max(p[0]), hi[1].max(p[1])];
        }
    }
    Rect { min: lo, max: hi }
}

/// The leader lines, each as its two ends.
fn leaders(frame: &Frame) -> Vec<[Xy; 2]> {
    let Some(l) = layer(frame, "labels.leaders") else {
        return Vec::new();
    };
    l.path
        .windows(2)
        .filter_map(|w| match w {
            [PathEl::MoveTo(a), PathEl::LineTo(b)] => Some([*a, *b]),
            _ => None,
        })
        .collect()
}

/// The markers drawn on the map, as discs (centre, radius with the outline).
fn markers(frame: &Frame) -> Vec<(Xy, f64)> {
    let mut out = Vec::new();
    for item in &frame.items {
        let Item::Draw(l) = item else { continue };
        if !l.name.starts_with("markers.") {
            continue;
        }
        for e in &l.path {
            if let PathEl::Circle(at, r) = e {
                out.push((*at, r + l.style.width_px / 2.0));
            }
        }
    }
    out
}

/// Shown ties ending in the country of ISO code `code`.
fn shown_in(m: &MapState, code: &str) -> usize {
    let ties = &m.dataset().ties;
    (0..ties.len())
        .filter(|&i| m.shown()[i] && ties[i].record.country == code)
        .count()
}

/// Whether the names, the leader lines and the page's boxes keep clear of each other.
fn check_room(frame: &Frame, reserved: &[Rect]) -> Result<(), String> {
    let all = names(frame);
    let inset = layer(frame, "inset.frame").map(extent);
    let view = Rect::new(0.0, 0.0, frame.viewport.width, frame.viewport.height);
    let discs = markers(frame);
    for (i, a) in all.iter().enumerate() {
        if !view.encloses(&a.rect) {
            return Err(format!("{} leaves the view", a.text));
        }
        if let Some(b) = all[i + 1..].iter().find(|b| b.rect.overlaps(&a.rect)) {
            return Err(format!("{} overlaps {}", a.text, b.text));
        }
        if let Some(r) = reserved.iter().chain(&inset).find(|r| r.overlaps(&a.rect)) {
            return Err(format!("{} lies on {r:?}", a.text));
        }
        for &(at, radius_px) in &discs {
            let c = shandong_friendship_map::label::Circle { at, radius_px };
            if a.rect.overlaps_circle(&c) {
                return Err(format!("{} covers the marker at {at:?}", a.text));
            }
        }
    }
    for [p, q] in leaders(frame) {
        let line = Segment {
            a: p,
            b: q,
            half_width_px: 0.0,
        };
        // A line ends at its own name's box: it may touch that one (boxes shrunk by a hair, as
        // recomputing them from the anchor may pass its edge by rounding), and run through no
        // other.
        let through: Vec<&Name> = all
            .iter()
            .filter(|n| line.overlaps_rect(&n.rect.inflate(-0.01)))
            .collect();
        if let Some(n) = through.first() {
            return Err(format!("a leader line runs through {}", n.text));
        }
        if !all.iter().any(|n| n.rect.inflate(0.5).contains(q)) {
            return Err(format!("the leader line to {q:?} ends at no name"));
        }
    }
    Ok(())
}

#[test]
fn the_world_view_names_partners_by_weight_without_overlap() {
    for view in views() {
        for lang in [Lang::Zh, Lang::En] {
            let m = map(&view, lang);
            let frame = m.frame();
            let all = names(&frame);
            let partners: Vec<&str> = all
                .iter()
                .filter(|n| n.layer == "labels.partner")
                .map(|n| n.text.as_str())
                .collect();
            assert!(
                view.partners.contains(&partners.len()),
                "{} ({lang:?}): {} partner names {partners:?}",
                view.name,
                partners.len()
            );
            let han = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            for n in &all {
                assert_eq!(han(&n.text), lang == Lang::Zh, "{}: {}", view.name, n.text);
            }
            check_room(&frame, &view.reserved).unwrap_or_else(|e| panic!("{}: {e}", view.name));
        }
    }
}

#[test]
fn korea_and_japan_are_named_with_the_ties_shown_and_leader_lines() {
    for view in views() {
        for (lang, korea, japan) in [
            (Lang::Zh, "韩国", "日本"),
            (Lang::En, "South Korea", "Japan"),
        ] {
            let m = map(&view, lang);
            let frame = m.frame();
            let countries: Vec<String> = names(&frame)
                .into_iter()
                .filter(|n| n.layer == "labels.country")
                .map(|n| n.text)
                .collect();
            for (name, code) in [(korea, "KR"), (japan, "JP")] {
                let want = format!("{name} {}", shown_in(&m, code));
                assert!(
                    countries.contains(&want),
                    "{} ({lang:?}): {want} not in {countries:?}",
                    view.name
                );
            }
            let lines = leaders(&frame);
            assert!(lines.len() >= 2, "{}: {lines:?}", view.name);
        }
    }
}

#[test]
fn counts_follow_the_filter() {
    let view = &views()[0];
    let mut m = map(view, Lang::En);
    let korea_all = shown_in(&m, "KR");
    m.apply_query("kinds=sister");
    let korea_sister = shown_in(&m, "KR");
    assert!(korea_sister < korea_all, "{korea_sister} of {korea_all}");
    let frame = m.frame();
    let texts: Vec<String> = names(&frame).into_iter().map(|n| n.text).collect();
    assert!(
        texts.contains(&format!("South Korea {korea_sister}")),
        "{texts:?}"
    );
    check_room(&frame, &view.reserved).expect("room");
}

#[test]
fn a_region_filter_changes_the_names() {
    let view = &views()[0];
    let mut m = map(view, Lang::En);
    let world: Vec<String> = names(&m.frame()).into_iter().map(|n| n.text).collect();
    m.apply_query("regions=europe");
    let frame = m.frame();
    let europe = names(&frame);
    let texts: Vec<&str> = europe.iter().map(|n| n.text.as_str()).collect();
    assert_ne!(texts, world, "the names change");
    assert!(
        !texts
            .iter()
            .any(|t| t.starts_with("South Korea") || t.starts_with("Japan")),
        "{texts:?}"
    );
    // Every partner named is one of the ties shown, all of them in Europe.
    let ties = &m.dataset().ties;
    let regions = m.regions();
    let europe_region = regions.iter().find(|r| r.id == "europe").expect("europe");
    for n in europe.iter().filter(|n| n.layer == "labels.partner") {
        let tie = (0..ties.len())
            .find(|&i| m.shown()[i] && ties[i].record.partner == n.text)
            .unwrap_or_else(|| panic!("{} is not shown", n.text));
        let code = &ties[tie].record.country;
        let country = m.dataset().countries.get(code).expect("a known country");
        assert!(europe_region.contains(country), "{}: {code}", n.text);
    }
    assert!(
        europe.iter().any(|n| n.layer == "labels.partner"),
        "{texts:?}"
    );
    check_room(&frame, &view.reserved).expect("room");
}

#[test]
fn the_svg_export_draws_the_leader_lines() {
    let m = map(&views()[1], Lang::Zh);
    let frame = m.frame();
    assert!(!leaders(&frame).is_empty());
    let svg = shandong_friendship_map::svg::to_svg(&frame, "980", "655");
    assert!(svg.contains("labels.leaders"), "the SVG names the layer");
}
