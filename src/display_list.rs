//! The display list between geometry and canvas: layers of path elements grouped by style.
//!
//! World layers hold world-unit geometry and are built once per dataset/projection; each frame
//! pairs them with the current [`Viewport`]. Screen layers hold CSS-pixel geometry rebuilt per
//! frame (markers, highlights). A [`Sink`] replays a frame: the canvas is one sink, the
//! [`Recorder`] (for tests) another.

use crate::projection::Xy;
use crate::style::Style;
use crate::viewport::Viewport;
use std::rc::Rc;

/// One drawing instruction of a path.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PathEl {
    /// Start a subpath.
    MoveTo(Xy),
    /// Straight segment to a point.
    LineTo(Xy),
    /// Close the current subpath.
    Close,
    /// A full circle at a point of the layer's space, radius in CSS px.
    Circle(Xy, f64),
}

/// Which coordinates a layer's points are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Space {
    /// World units, y north; the frame's viewport maps them to the screen.
    World,
    /// CSS pixels, y down.
    Screen,
}

/// Paths of one style.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    /// A stable name (`links.sister`, `markers.partner`, ...), for tests and caching.
    pub name: &'static str,
    /// Changes whenever the geometry changes, so backends may cache built paths.
    pub version: u64,
    /// Coordinate space of the points.
    pub space: Space,
    /// Paint.
    pub style: Style,
    /// Geometry.
    pub path: Vec<PathEl>,
}

impl Layer {
    /// An empty layer.
    pub fn new(name: &'static str, version: u64, space: Space, style: Style) -> Self {
        Self {
            name,
            version,
            space,
            style,
            path: Vec::new(),
        }
    }

    /// Appends a polyline (ignored when shorter than two points).
    pub fn polyline(&mut self, points: &[Xy]) {
        if points.len() < 2 {
            return;
        }
        self.path.push(PathEl::MoveTo(points[0]));
        self.path
            .extend(points[1..].iter().map(|&p| PathEl::LineTo(p)));
    }

    /// Appends a closed ring.
    pub fn ring(&mut self, points: &[Xy]) {
        if points.len() >= 3 {
            self.polyline(points);
            self.path.push(PathEl::Close);
        }
    }
}

/// One entry of a frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Paint a layer.
    Draw(Rc<Layer>),
    /// Restrict the following items to the inside of a layer's path (until [`Item::Unclip`]).
    Clip(Rc<Layer>),
    /// End the last clip.
    Unclip,
}

/// Everything to paint for one frame, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// The camera for world layers.
    pub viewport: Viewport,
    /// Background colour behind the map (CSS).
    pub background: &'static str,
    /// What to paint.
    pub items: Vec<Item>,
    /// How many of the first items depend only on the view's scale, not on its position (the
    /// basemap): a backend may keep them as a picture and move it while the map is dragged.
    pub static_items: usize,
}

/// A drawing backend that a frame is replayed into.
pub trait Sink {
    /// Clears the surface to a colour.
    fn clear(&mut self, background: &str, viewport: &Viewport);
    /// Paints one layer (its space decides how the viewport applies).
    fn draw(&mut self, layer: &Layer, viewport: &Viewport);
    /// Starts clipping to a layer's path.
    fn clip(&mut self, layer: &Layer, viewport: &Viewport);
    /// Ends the last clip.
    fn unclip(&mut self);
}

impl Frame {
    /// Replays the frame into a sink.
    pub fn replay(&self, sink: &mut dyn Sink) {
        sink.clear(self.background, &self.viewport);
        for item in &self.items {
            match item {
                Item::Draw(l) => sink.draw(l, &self.viewport),
                Item::Clip(l) => sink.clip(l, &self.viewport),
                Item::Unclip => sink.unclip(),
            }
        }
    }
}

/// A sink that writes one normalised text line per command, in screen pixels rounded to 0.1,
/// for golden tests.
#[derive(Default, Debug)]
pub struct Recorder {
    /// The recorded lines.
    pub lines: Vec<String>,
    /// Record only layers whose names start with one of these (all when empty).
    pub only: Vec<&'static str>,
}

fn px(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        "0".into() // no "-0"
    } else {
        format!("{r}")
    }
}

impl Recorder {
    fn wanted(&self, layer: &Layer) -> bool {
        self.only.is_empty() || self.only.iter().any(|p| layer.name.starts_with(p))
    }

    fn path(&mut self, layer: &Layer, viewport: &Viewport) {
        let map = |p: Xy| match layer.space {
            Space::World => viewport.to_screen(p),
            Space::Screen => p,
        };
        for el in &layer.path {
            let line = match *el {
                PathEl::MoveTo(p) => {
                    let s = map(p);
                    format!("  M {} {}", px(s[0]), px(s[1]))
                }
                PathEl::LineTo(p) => {
                    let s = map(p);
                    format!("  L {} {}", px(s[0]), px(s[1]))
                }
                PathEl::Close => "  Z".into(),
                PathEl::Circle(p, r) => {
                    let s = map(p);
                    format!("  O {} {} r{}", px(s[0]), px(s[1]), px(r))
                }
            };
            self.lines.push(line);
        }
    }
}

impl Sink for Recorder {
    fn clear(&mut self, background: &str, viewport: &Viewport) {
        self.lines.push(format!(
            "clear {background} {}x{}",
            px(viewport.width),
            px(viewport.height)
        ));
    }
    fn draw(&mut self, layer: &Layer, viewport: &Viewport) {
        if !self.wanted(layer) {
            return;
        }
        let s = &layer.style;
        let mut head = format!("draw {}", layer.name);
        if let Some(f) = s.fill {
            head += &format!(" fill={}", f.css());
        }
        if let Some(c) = s.stroke {
            head += &format!(" stroke={} w={}", c.css(), px(s.width_px));
        }
        if let Some([on, off]) = s.dash_px {
            head += &format!(" dash={},{}", px(on), px(off));
        }
        self.lines.push(head);
        self.path(layer, viewport);
    }
    fn clip(&mut self, layer: &Layer, viewport: &Viewport) {
        self.lines.push(format!("clip {}", layer.name));
        if self.wanted(layer) {
            self.path(layer, viewport);
        }
    }
    fn unclip(&mut self) {
        self.lines.push("unclip".into());
    }
}
