//! The Shandong close-up for a view: when the province's origins crowd into one spot, a box in
//! the corner that hides least shows them apart, with their names, counts and the directions of
//! their links ([`crate::closeup`]).

use super::annotate::{crowded, shandong_spots, Lang, Scene};
use crate::closeup::{choose_corner, default_size, initial_bearing_deg, Closeup, CloseupOrigin};
use crate::closeup::{InsetPlacement, Stub};
use crate::data::SHANDONG_CITIES;
use crate::label::Rect;
use std::rc::Rc;

/// Space kept between the close-up and the map's edge, CSS px (times the picture's scale).
const MARGIN_PX: f64 = 10.0;

/// An origin's name as the close-up writes it: short (`青岛`, not `青岛市`).
fn short_name(lang: Lang, zh: &str, en: &str) -> Rc<str> {
    match lang {
        Lang::Zh => Rc::from(zh.strip_suffix('市').unwrap_or(zh)),
        Lang::En => Rc::from(en),
    }
}

/// The close-up for the view, or `None` when the origins stand apart on the map, when the
/// page hides it, or when the view is too small to spare it. `markers` are the shown markers'
/// boxes (the corner covering fewest is chosen).
pub fn closeup(s: &Scene, placement: InsetPlacement, markers: &[Rect]) -> Option<Closeup> {
    let spots = shandong_spots(s);
    let on_screen = |p: &[f64; 2]| {
        (0.0..=s.viewport.width).contains(&p[0]) && (0.0..=s.viewport.height).contains(&p[1])
    };
    // Only while Shandong is on screen and its origins crowd together.
    if placement == InsetPlacement::Hidden
        || !crowded(&spots, s.scale)
        || !spots.iter().any(|(_, p)| on_screen(p))
    {
        return None;
    }
    let view = [s.viewport.width, s.viewport.height];
    let size = default_size(view, s.scale)?;
    let margin = MARGIN_PX * s.scale;
    let (_, rect) = choose_corner(view, size, margin, markers, s.reserved, placement)?;
    let origins: Vec<CloseupOrigin> = (0..SHANDONG_CITIES.len()).map(|c| origin(s, c)).collect();
    Some(Closeup::new(rect, &origins, s.measure, s.scale))
}

/// One Shandong origin with its shown ties' count and directions.
fn origin(s: &Scene, c: usize) -> CloseupOrigin {
    let o = &s.dataset.origins[c];
    let mut count = 0;
    let mut stubs = Vec::new();
    let mut emphasised = s.selected == Some(c);
    for (i, t) in s.dataset.ties.iter().enumerate() {
        if t.city != c || !s.shown[i] {
            continue;
        }
        count += 1;
        stubs.push(Stub {
            bearing_deg: initial_bearing_deg(t.from, t.to),
            kind: t.record.kind,
        });
        // The year's new ties show whose they are.
        emphasised |= s.new_ties.contains(&i);
    }
    CloseupOrigin {
        index: c,
        at: o.lonlat(),
        name: short_name(s.lang, &o.name_zh, &o.name),
        count,
        province: c == 0,
        emphasised,
        stubs,
    }
}
