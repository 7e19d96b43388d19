//! Labels in a real browser (wasm-bindgen-test in headless Chromium): canvas widths agree with
//! the core's width table for the page's font, and the canvas sink paints text at its anchor.
#![cfg(target_arch = "wasm32")]

use shandong_friendship_map::display_list::{Anchor, Frame, Item, Label, TextLayer};
use shandong_friendship_map::label::{TextMeasure, WidthTable};
use shandong_friendship_map::style::{label_city, Font};
use shandong_friendship_map::viewport::Viewport;
use shandong_friendship_map::web::canvas::CanvasSink;
use shandong_friendship_map::web::text_metrics::CanvasMeasure;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

const REGULAR_12: Font = Font {
    size_px: 12.0,
    weight: 400,
};

#[wasm_bindgen_test]
fn canvas_widths_match_the_width_table_and_are_cached() {
    let m = CanvasMeasure::new().expect("a canvas");
    let zh = m.width_px("青岛市", REGULAR_12);
    assert!((zh - 36.0).abs() < 0.01, "1 em per ideograph: {zh}");
    for text in [
        "Shimonoseki",
        "São Paulo",
        "Łódź",
        "Ho Chi Minh City",
        "大阪 Osaka",
    ] {
        let (canvas, table) = (
            m.width_px(text, REGULAR_12),
            WidthTable.width_px(text, REGULAR_12),
        );
        assert!(
            (canvas - table).abs() <= 0.03 * table,
            "{text}: canvas {canvas}, table {table}"
        );
    }
    assert_eq!(m.len(), 6);
    m.width_px("Shimonoseki", REGULAR_12);
    assert_eq!(m.len(), 6, "measured once");
    let bold = Font {
        weight: 700,
        ..REGULAR_12
    };
    assert!(m.width_px("Shimonoseki", bold) > m.width_px("Shimonoseki", REGULAR_12));
    assert_eq!(m.len(), 7, "once per font");
}

fn canvas(w: u32, h: u32) -> (HtmlCanvasElement, CanvasRenderingContext2d) {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let c: HtmlCanvasElement = doc
        .create_element("canvas")
        .expect("canvas")
        .dyn_into()
        .expect("canvas");
    c.set_width(w);
    c.set_height(h);
    let ctx = c
        .get_context("2d")
        .expect("ctx")
        .expect("2d")
        .dyn_into()
        .expect("ctx type");
    (c, ctx)
}

/// Columns (x) holding pixels darker than the background, per row range.
fn inked_columns(ctx: &CanvasRenderingContext2d, w: u32, h: u32) -> Vec<u32> {
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .expect("pixels")
        .data()
        .0;
    (0..w)
        .filter(|&x| (0..h).any(|y| data[((y * w + x) * 4) as usize] < 160))
        .collect()
}

#[wasm_bindgen_test]
fn text_is_painted_at_its_anchor() {
    let (w, h) = (240u32, 40u32);
    for (anchor, x, inked) in [
        (Anchor::Left, 20.0, 20..130),
        (Anchor::Right, 220.0, 110..220),
    ] {
        let (_c, ctx) = canvas(w, h);
        let layer = TextLayer {
            name: "labels.test",
            style: label_city(),
            labels: vec![Label {
                at: [x, 20.0],
                anchor,
                text: Rc::from("青岛 Qingdao"),
            }],
        };
        let frame = Frame {
            viewport: Viewport::fit(f64::from(w), f64::from(h), [-1.0, -1.0, 1.0, 1.0]),
            background: "#ffffff",
            items: vec![Item::Text(Rc::new(layer))],
            static_items: 0,
        };
        let mut sink = CanvasSink::new(ctx.clone());
        sink.paint(&frame, false);
        let cols = inked_columns(&ctx, w, h);
        assert!(!cols.is_empty(), "{anchor:?}: text drawn");
        let (first, last) = (cols[0], cols[cols.len() - 1]);
        assert!(
            inked.contains(&first) && inked.contains(&last),
            "{anchor:?}: ink {first}..{last}"
        );
        // The glyphs start (or end) at the anchor, to within a pixel of side bearing.
        let edge = if anchor == Anchor::Left {
            first as f64 - x
        } else {
            x - last as f64 - 1.0
        };
        assert!((-1.0..=3.0).contains(&edge), "{anchor:?}: {edge}");
    }
}
