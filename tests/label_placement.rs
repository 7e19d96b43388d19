//! Label placement: invariants over random candidate sets and viewports (no overlap, no label
//! over a marker or reserved box, all inside the viewport, greedy maximality, determinism),
//! priority, known small cases, and the time a thousand candidates take.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use shandong_friendship_map::label::candidate::spot;
use shandong_friendship_map::label::{
    place, Candidate, Circle, Obstacles, Options, Placed, Position, Rect, TextMeasure, WidthTable,
};
use shandong_friendship_map::style::Font;
use std::rc::Rc;

const TEXTS: [&str; 10] = [
    "下关市",
    "Shimonoseki",
    "大阪",
    "Nuremberg",
    "부산광역시",
    "Łódź",
    "São Paulo",
    "墨尔本",
    "Ho Chi Minh City",
    "i",
];

fn font(size_px: f64) -> Font {
    Font {
        size_px,
        weight: if size_px > 13.0 { 700 } else { 400 },
    }
}

fn candidate(x: f64, y: f64, text: &str, priority: f64, key: u64) -> Candidate {
    Candidate {
        at: [x, y],
        radius_px: 3.0,
        text: Rc::from(text),
        font: font(12.0),
        priority,
        key,
    }
}

fn arb_candidate(w: f64, h: f64) -> impl Strategy<Value = Candidate> {
    (
        -20.0..w + 20.0,
        -20.0..h + 20.0,
        0.0..6.0f64,
        0..TEXTS.len(),
        8.0..20.0f64,
        0..5u8,
        0..1000u64,
    )
        .prop_map(|(x, y, r, t, size, p, key)| Candidate {
            at: [x, y],
            radius_px: r,
            text: Rc::from(TEXTS[t]),
            font: font(size),
            priority: f64::from(p),
            key,
        })
}

fn arb_scene() -> impl Strategy<Value = ([f64; 2], Vec<Candidate>, Vec<Circle>, Vec<Rect>)> {
    (60.0..900.0f64, 40.0..600.0f64).prop_flat_map(|(w, h)| {
        let circle = (0.0..w, 0.0..h, 0.5..8.0f64).prop_map(|(x, y, r)| Circle {
            at: [x, y],
            radius_px: r,
        });
        let rect = (-20.0..w, -20.0..h, 5.0..200.0f64, 5.0..120.0f64)
            .prop_map(|(x, y, rw, rh)| Rect::new(x, y, rw, rh));
        (
            Just([w, h]),
            prop::collection::vec(arb_candidate(w, h), 0..150),
            prop::collection::vec(circle, 0..60),
            prop::collection::vec(rect, 0..3),
        )
    })
}

/// Every marker a label must avoid: the obstacles' and the candidates' own.
fn all_circles(candidates: &[Candidate], circles: &[Circle]) -> Vec<Circle> {
    let own = candidates.iter().map(|c| Circle {
        at: c.at,
        radius_px: c.radius_px,
    });
    circles.iter().copied().chain(own).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn placed_labels_never_collide((size, candidates, circles, rects) in arb_scene()) {
        let options = Options::default();
        let obstacles = Obstacles { circles: &circles, rects: &rects };
        let placed = place(&candidates, &obstacles, size, &WidthTable, &options);
        let viewport = Rect::new(0.0, 0.0, size[0], size[1]);
        let markers = all_circles(&candidates, &circles);
        for (i, p) in placed.iter().enumerate() {
            prop_assert!(viewport.encloses(&p.rect), "{p:?} outside {size:?}");
            prop_assert!(viewport.inflate(-options.margin_px).encloses(&p.rect));
            for q in &placed[..i] {
                prop_assert!(!p.rect.overlaps(&q.rect), "{p:?} overlaps {q:?}");
                prop_assert!(p.candidate != q.candidate, "labelled twice");
            }
            for c in &markers {
                prop_assert!(!p.rect.overlaps_circle(c), "{p:?} covers {c:?}");
            }
            for r in &rects {
                prop_assert!(!p.rect.overlaps(r), "{p:?} covers reserved {r:?}");
            }
            prop_assert!(p.rect.contains(p.label.at), "anchor inside its box");
            prop_assert_eq!(&p.label.text, &candidates[p.candidate].text);
        }
    }

    #[test]
    fn whatever_is_left_out_had_no_room((size, candidates, circles, rects) in arb_scene()) {
        // Greedy maximality: a dropped candidate found every position outside the viewport or
        // blocked by a marker, a reserved box, or a label placed before it.
        let options = Options::default();
        let obstacles = Obstacles { circles: &circles, rects: &rects };
        let placed = place(&candidates, &obstacles, size, &WidthTable, &options);
        let markers = all_circles(&candidates, &circles);
        let inside = Rect::new(0.0, 0.0, size[0], size[1]).inflate(-options.margin_px);
        let viewport = Rect::new(0.0, 0.0, size[0], size[1]);
        let before = |c: &Candidate, p: &Placed| {
            let o = &candidates[p.candidate];
            o.priority > c.priority || (o.priority == c.priority && o.key <= c.key)
        };
        for (i, c) in candidates.iter().enumerate() {
            if placed.iter().any(|p| p.candidate == i) || !viewport.contains(c.at) {
                continue;
            }
            let em = [WidthTable.width_px(&c.text, c.font), c.font.size_px];
            for pos in Position::PREFERENCE {
                let s = spot(c.at, c.radius_px, em, pos, options.gap_px, options.padding_px);
                let blocked = !inside.encloses(&s.rect)
                    || markers.iter().any(|m| m.radius_px > 0.0 && s.rect.overlaps_circle(m))
                    || rects.iter().any(|r| s.rect.overlaps(r))
                    || placed.iter().any(|p| before(c, p) && p.rect.overlaps(&s.rect));
                prop_assert!(blocked, "candidate {i} could have gone {pos:?}");
            }
        }
    }

    #[test]
    fn placement_is_deterministic_and_independent_of_input_order(
        (size, mut candidates, circles, rects) in arb_scene(),
        seed in 0..1000usize,
    ) {
        // Distinct keys, so the order is fully decided by priority and key.
        for (i, c) in candidates.iter_mut().enumerate() {
            c.key = i as u64;
        }
        let obstacles = Obstacles { circles: &circles, rects: &rects };
        let options = Options::default();
        let a = place(&candidates, &obstacles, size, &WidthTable, &options);
        prop_assert_eq!(&a, &place(&candidates, &obstacles, size, &WidthTable, &options));
        let n = candidates.len().max(1);
        candidates.rotate_left(seed % n);
        let b = place(&candidates, &obstacles, size, &WidthTable, &options);
        let keyed = |v: &[Placed], cs: &[Candidate]| -> Vec<(u64, Position)> {
            v.iter().map(|p| (cs[p.candidate].key, p.position)).collect()
        };
        let original: Vec<Candidate> = {
            let mut c = candidates.clone();
            c.rotate_right(seed % n);
            c
        };
        prop_assert_eq!(keyed(&a, &original), keyed(&b, &candidates));
    }
}

#[test]
fn the_lower_priority_label_is_the_one_dropped() {
    // Two markers one above the other at the left end of a strip: one label fits, to the
    // right of both.
    let size = [120.0, 24.0];
    for (first, second) in [(2.0, 1.0), (1.0, 2.0)] {
        let cands = [
            candidate(10.0, 11.0, "Osaka", first, 0),
            candidate(10.0, 13.0, "Kobe", second, 1),
        ];
        let placed = place(
            &cands,
            &Obstacles::default(),
            size,
            &WidthTable,
            &Options::default(),
        );
        assert_eq!(placed.len(), 1, "{placed:?}");
        let winner = if first > second { 0 } else { 1 };
        assert_eq!(placed[0].candidate, winner);
        assert_eq!(placed[0].position, Position::Right);
    }
    // Equal priorities: the lower key wins, whatever the input order.
    let a = candidate(10.0, 11.0, "Osaka", 1.0, 7);
    let b = candidate(10.0, 13.0, "Kobe", 1.0, 3);
    for cands in [[a.clone(), b.clone()], [b, a]] {
        let placed = place(
            &cands,
            &Obstacles::default(),
            size,
            &WidthTable,
            &Options::default(),
        );
        assert_eq!(placed.len(), 1);
        assert_eq!(&*placed[0].label.text, "Kobe");
    }
}

#[test]
fn a_lone_label_takes_the_preferred_position() {
    let cands = [candidate(100.0, 100.0, "Osaka", 1.0, 0)];
    let placed = place(
        &cands,
        &Obstacles::default(),
        [300.0, 200.0],
        &WidthTable,
        &Options::default(),
    );
    assert_eq!(placed.len(), 1);
    assert_eq!(placed[0].position, Position::TopRight);
    assert_eq!(placed[0].label.anchor.name(), "bottom-left");
    let l = &placed[0].label;
    assert!(
        l.at[0] > 100.0 && l.at[1] < 100.0,
        "up and to the right: {l:?}"
    );
}

#[test]
fn labels_move_away_from_edges_and_markers() {
    let opts = Options::default();
    // Near the right edge: the label goes left.
    let cands = [candidate(290.0, 100.0, "Osaka", 1.0, 0)];
    let p = place(
        &cands,
        &Obstacles::default(),
        [300.0, 200.0],
        &WidthTable,
        &opts,
    );
    assert_eq!(p[0].position, Position::TopLeft);
    // Near the top-right corner: below and to the left.
    let cands = [candidate(290.0, 5.0, "Osaka", 1.0, 0)];
    let p = place(
        &cands,
        &Obstacles::default(),
        [300.0, 200.0],
        &WidthTable,
        &opts,
    );
    assert_eq!(p[0].position, Position::BottomLeft);
    // A reserved box over the whole right half: left.
    let reserved = [Rect::new(100.0, 0.0, 200.0, 200.0)];
    let obstacles = Obstacles {
        circles: &[],
        rects: &reserved,
    };
    let cands = [candidate(95.0, 100.0, "Osaka", 1.0, 0)];
    let p = place(&cands, &obstacles, [300.0, 200.0], &WidthTable, &opts);
    assert_eq!(p[0].position, Position::TopLeft);
    // A marker off the screen, or an empty text: no label.
    let cands = [
        candidate(-4.0, 100.0, "Osaka", 1.0, 0),
        candidate(50.0, 100.0, "", 1.0, 1),
    ];
    assert!(place(
        &cands,
        &Obstacles::default(),
        [300.0, 200.0],
        &WidthTable,
        &opts
    )
    .is_empty());
}

#[test]
fn a_crowd_keeps_the_most_important_names() {
    // 30 markers on one spot: one label per free position at most, the 8 highest first.
    let cands: Vec<Candidate> = (0..30)
        .map(|i| candidate(150.0, 100.0, "大阪", f64::from(i), i as u64))
        .collect();
    let placed = place(
        &cands,
        &Obstacles::default(),
        [300.0, 200.0],
        &WidthTable,
        &Options::default(),
    );
    assert!(!placed.is_empty() && placed.len() <= 8, "{}", placed.len());
    let kept: Vec<usize> = placed.iter().map(|p| p.candidate).collect();
    let best: Vec<usize> = (30 - placed.len()..30).rev().collect();
    assert_eq!(kept, best, "the highest priorities, in order");
}

#[test]
fn scaled_options_scale_every_spacing() {
    let o = Options::default().scaled(2.0);
    let d = Options::default();
    assert_eq!(o.gap_px, 2.0 * d.gap_px);
    assert_eq!(o.padding_px, 2.0 * d.padding_px);
    assert_eq!(o.margin_px, 2.0 * d.margin_px);
}

/// Reports (does not assert) how long placing a thousand candidates takes: a world-like scene
/// of 1,000 partners over 1280×720 with their markers as obstacles. `cargo run --release
/// --example label_bench` measures the same in release.
#[test]
fn time_a_thousand_candidates() {
    let cands = shandong_friendship_map::label::synthetic::scene(1000, [1280.0, 720.0]);
    let start = std::time::Instant::now();
    let placed = place(
        &cands,
        &Obstacles::default(),
        [1280.0, 720.0],
        &WidthTable,
        &Options::default(),
    );
    eprintln!(
        "placed {} of {} labels in {:?} (debug build)",
        placed.len(),
        cands.len(),
        start.elapsed()
    );
    assert!(!placed.is_empty());
}

/// A name is measured only when a box of its least possible width fits somewhere: that width is
/// never more than the width table's (the page's font) for any mix of scripts.
#[test]
fn the_least_width_is_never_more_than_a_measured_one() {
    use shandong_friendship_map::label::placer::least_width_px;
    use shandong_friendship_map::label::{TextMeasure, WidthTable};
    use shandong_friendship_map::style::Font;
    let samples = [
        "青岛市",
        "Shimonoseki",
        "illiilli",
        "下関市 Shimonoseki",
        "부산광역시",
        "Ｆｕｌｌ",
        "Iași",
        "1979",
        "WOMM",
        "l",
    ];
    for size_px in [10.0, 12.0, 24.0] {
        for weight in [400, 700] {
            let font = Font { size_px, weight };
            for t in samples {
                let least = least_width_px(t, size_px);
                let table = WidthTable.width_px(t, font);
                assert!(
                    least <= table + 1e-9,
                    "{t} at {size_px}/{weight}: {least} > {table}"
                );
            }
        }
    }
}
