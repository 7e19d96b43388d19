//! The close-up's display items: frame, land and coast, link stubs, markers, title and labels.

use super::{coast, Closeup, CloseupOrigin, PAD_PX, STUB_PX};
use crate::data::Kind;
use crate::display_list::{Anchor, Item, Label, Layer, PathEl, Space, TextLayer};
use crate::label::{place, text_layer, Candidate, Obstacles, Options, Rect, TextMeasure};
use crate::projection::Xy;
use crate::style;
use std::rc::Rc;

/// Marker radius for a count of shown ties, CSS px at scale 1: area grows with the count from
/// a 2.5 px dot, up to 10 px; cities with none shown get a small dot.
pub(super) fn radius_px(count: u32) -> f64 {
    if count == 0 {
        2.0
    } else {
        (6.25 + 0.4 * f64::from(count)).sqrt().min(7.5)
    }
}

fn screen_layer(name: &'static str, style: style::Style) -> Layer {
    Layer::new(name, 0, Space::Screen, style)
}

/// The name and count a city or the province is labelled with.
fn caption(o: &CloseupOrigin) -> Rc<str> {
    if o.count == 0 {
        o.name.clone()
    } else {
        Rc::from(format!("{} {}", o.name, o.count))
    }
}

impl Closeup {
    /// Fills `items`, `markers` and `boxes`.
    pub(super) fn build(&mut self, origins: &[CloseupOrigin], measure: &dyn TextMeasure) {
        let k = self.scale;
        let mut frame = screen_layer("inset.frame", style::inset_frame().scaled(k));
        let r = self.rect;
        frame.ring(&[r.min, [r.max[0], r.min[1]], r.max, [r.min[0], r.max[1]]]);
        let frame = Rc::new(frame);
        self.items.push(Item::Draw(frame.clone()));
        self.items.push(Item::Clip(frame));
        self.draw_land();
        let cities: Vec<&CloseupOrigin> = origins.iter().filter(|o| !o.province).collect();
        self.draw_stubs(&cities);
        self.draw_markers(&cities);
        let title = origins.iter().find(|o| o.province);
        let title_box = title.map(|o| self.draw_title(o, measure));
        self.draw_labels(&cities, title_box, measure);
        self.items.push(Item::Unclip);
    }

    fn draw_land(&mut self) {
        let k = self.scale;
        let mut land = screen_layer("inset.land", style::inset_land());
        let mut coastline = screen_layer("inset.coast", style::coast().scaled(k));
        for ring in coast::land() {
            let pts: Vec<Xy> = ring.iter().map(|p| self.project(*p)).collect();
            land.ring(&pts);
            // The coast is the ring less its stretches along the box's edge.
            let mut run: Vec<Xy> = Vec::new();
            for i in 0..ring.len() {
                let j = (i + 1) % ring.len();
                if coast::on_box_edge(ring[i], ring[j]) {
                    coastline.polyline(&run);
                    run.clear();
                    continue;
                }
                if run.is_empty() {
                    run.push(pts[i]);
                }
                run.push(pts[j]);
            }
            coastline.polyline(&run);
        }
        self.items.push(Item::Draw(Rc::new(land)));
        self.items.push(Item::Draw(Rc::new(coastline)));
    }

    fn draw_stubs(&mut self, cities: &[&CloseupOrigin]) {
        let k = self.scale;
        let mut sister = screen_layer("inset.stubs.sister", style::link_sister().scaled(k));
        let mut friendly = screen_layer("inset.stubs.friendly", style::link_friendly().scaled(k));
        for o in cities {
            let at = self.project(o.at);
            let reach = (radius_px(o.count) + STUB_PX) * k;
            // One stub per whole degree and kind (many partners lie the same way): a bit per
            // degree, sister then friendly.
            let mut seen = [0u64; 12];
            for s in &o.stubs {
                if !s.bearing_deg.is_finite() {
                    continue;
                }
                let deg = s.bearing_deg.rem_euclid(360.0).round() as usize % 360;
                let bit = deg + if s.kind == Kind::Sister { 0 } else { 360 };
                if seen[bit / 64] & (1 << (bit % 64)) != 0 {
                    continue;
                }
                seen[bit / 64] |= 1 << (bit % 64);
                let (sin, cos) = (deg as f64).to_radians().sin_cos();
                let end = [at[0] + reach * sin, at[1] - reach * cos];
                let target = if s.kind == Kind::Sister {
                    &mut sister
                } else {
                    &mut friendly
                };
                target.polyline(&[at, end]);
            }
        }
        self.items.push(Item::Draw(Rc::new(friendly)));
        self.items.push(Item::Draw(Rc::new(sister)));
    }

    fn draw_markers(&mut self, cities: &[&CloseupOrigin]) {
        let k = self.scale;
        let mut shown = screen_layer("inset.markers", style::shandong_marker().scaled(k));
        let mut none = screen_layer("inset.markers.none", style::partner_marker().scaled(k));
        let mut lit = screen_layer(
            "inset.markers.highlight",
            style::marker_highlight().scaled(k),
        );
        for o in cities {
            let at = self.project(o.at);
            let mut r = radius_px(o.count) * k;
            let target = if o.emphasised {
                r += 1.5 * k;
                &mut lit
            } else if o.count == 0 {
                &mut none
            } else {
                &mut shown
            };
            target.path.push(PathEl::Circle(at, r));
            self.markers.push((o.index, at, r));
        }
        for layer in [none, shown, lit] {
            if !layer.path.is_empty() {
                self.items.push(Item::Draw(Rc::new(layer)));
            }
        }
    }

    /// The province's name and count in the top-left corner; returns its box.
    fn draw_title(&mut self, o: &CloseupOrigin, measure: &dyn TextMeasure) -> Rect {
        let k = self.scale;
        let style = style::label_inset_title().scaled(k);
        let at = [
            self.rect.min[0] + 1.5 * PAD_PX * k,
            self.rect.min[1] + 1.5 * PAD_PX * k,
        ];
        let text = caption(o);
        let w = measure.width_px(&text, style.font);
        let pad = 0.5 * PAD_PX * k;
        let rect = Rect::new(at[0], at[1], w, style.font.size_px).inflate(pad);
        self.boxes.push((o.index, rect));
        let label = Label {
            at,
            anchor: Anchor::TopLeft,
            text,
        };
        self.items.push(Item::Text(Rc::new(TextLayer {
            name: "inset.title",
            style,
            labels: vec![label],
        })));
        rect
    }

    /// City names and counts, placed around the markers without overlap (local coordinates
    /// for the placement, whose viewport is the frame).
    fn draw_labels(
        &mut self,
        cities: &[&CloseupOrigin],
        title: Option<Rect>,
        measure: &dyn TextMeasure,
    ) {
        let k = self.scale;
        let style = style::label_inset().scaled(k);
        let o = self.rect.min;
        let local = |p: Xy| [p[0] - o[0], p[1] - o[1]];
        let candidates: Vec<Candidate> = cities
            .iter()
            .zip(&self.markers)
            .map(|(c, &(_, at, r))| Candidate {
                at: local(at),
                radius_px: r,
                text: caption(c),
                font: style.font,
                priority: f64::from(c.count) + if c.emphasised { 1e9 } else { 0.0 },
                key: c.index as u64,
            })
            .collect();
        let reserved: Vec<Rect> = title
            .iter()
            .map(|t| Rect {
                min: local(t.min),
                max: local(t.max),
            })
            .collect();
        let obstacles = Obstacles {
            circles: &[],
            rects: &reserved,
        };
        let size = [self.rect.width(), self.rect.height()];
        let options = Options {
            margin_px: 0.5 * PAD_PX,
            ..Options::default()
        }
        .scaled(k);
        let mut placed = place(&candidates, &obstacles, size, measure, &options);
        if placed.len() < candidates.len() {
            // Every city's name matters here: once more with the left-out ones first, kept if
            // that names more cities (the emphasised city stays first either way).
            let mut again = candidates.clone();
            for (i, c) in again.iter_mut().enumerate() {
                if !placed.iter().any(|p| p.candidate == i) {
                    c.priority += 1e6;
                }
            }
            let retry = place(&again, &obstacles, size, measure, &options);
            if retry.len() > placed.len() {
                placed = retry;
            }
        }
        for p in &mut placed {
            p.label.at = [p.label.at[0] + o[0], p.label.at[1] + o[1]];
            p.rect = Rect {
                min: [p.rect.min[0] + o[0], p.rect.min[1] + o[1]],
                max: [p.rect.max[0] + o[0], p.rect.max[1] + o[1]],
            };
            self.boxes.push((cities[p.candidate].index, p.rect));
        }
        self.items.push(Item::Text(Rc::new(text_layer(
            "inset.labels",
            style,
            &placed,
        ))));
    }
}
