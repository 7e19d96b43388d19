//! The display list between geometry and canvas: layers of path elements grouped by style.
//!
//! World layers hold world-unit geometry and are built once per dataset/projection; each frame
//! pairs them with the current [`Viewport`]. Screen layers hold CSS-pixel geometry rebuilt per
//! frame (markers, highlights). Text layers hold screen-space labels. A [`Sink`] replays a
//! frame: the canvas is one sink, the [`Recorder`] (for tests) another.

use crate::projection::Xy;
use crate::style::{Style, TextStyle};
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
    /// A full circle at a point of the layer's space, radius in CSS px whatever the space (a
    /// world-space layer of circles is drawn for one scale: its version changes with it).
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

impl Space {
    /// CSS px per unit of this space under `viewport`.
    pub fn px_per_unit(self, viewport: &Viewport) -> f64 {
        match self {
            Space::World => viewport.scale,
            Space::Screen => 1.0,
        }
    }
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
    /// Where each feature's elements start in `path`, when the layer holds features a backend
    /// may keep apart (one SVG path per tie); empty for a layer that is one feature.
    pub features: Vec<usize>,
}

impl Layer {
    /// `layer` with its stroke widths and dashes scaled by `k` (the picture's scale, see
    /// [`crate::style::presenter_scale`]); the geometry is moved, not copied, when the layer is
    /// not shared.
    pub fn scaled(mut layer: Rc<Layer>, k: f64) -> Rc<Layer> {
        if k != 1.0 {
            let l = Rc::make_mut(&mut layer);
            l.style = l.style.scaled(k);
        }
        layer
    }

    /// An empty layer.
    pub fn new(name: &'static str, version: u64, space: Space, style: Style) -> Self {
        Self {
            name,
            version,
            space,
            style,
            path: Vec::new(),
            features: Vec::new(),
        }
    }

    /// Starts a feature (e.g. a tie's link, cut at the seam, follows as polylines), noting in
    /// `features` where it starts.
    pub fn begin_feature(&mut self) {
        self.features.push(self.path.len());
    }

    /// Appends one feature made of polylines.
    pub fn feature(&mut self, pieces: &[Vec<Xy>]) {
        self.begin_feature();
        for piece in pieces {
            self.polyline(piece);
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

/// Which point of a label's em box lies at its position: the part of the text closest to the
/// point it labels (as maplibre's `text-anchor`). `Left` puts the text's left edge, vertically
/// centred, at the position, so the text runs to the right of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// The box's centre.
    Center,
    /// The middle of its left edge.
    Left,
    /// The middle of its right edge.
    Right,
    /// The middle of its top edge.
    Top,
    /// The middle of its bottom edge.
    Bottom,
    /// Its top-left corner.
    TopLeft,
    /// Its top-right corner.
    TopRight,
    /// Its bottom-left corner.
    BottomLeft,
    /// Its bottom-right corner.
    BottomRight,
}

impl Anchor {
    /// The anchor's name as maplibre spells it (`left`, `top-right`, ...), for recordings.
    pub fn name(self) -> &'static str {
        match self {
            Self::Center => "center",
            Self::Left => "left",
            Self::Right => "right",
            Self::Top => "top",
            Self::Bottom => "bottom",
            Self::TopLeft => "top-left",
            Self::TopRight => "top-right",
            Self::BottomLeft => "bottom-left",
            Self::BottomRight => "bottom-right",
        }
    }

    /// Where the anchor lies in the box, as fractions of its width (0 left edge, 1 right) and
    /// height (0 top edge, 1 bottom).
    pub fn fraction(self) -> [f64; 2] {
        let x = match self {
            Self::Left | Self::TopLeft | Self::BottomLeft => 0.0,
            Self::Right | Self::TopRight | Self::BottomRight => 1.0,
            _ => 0.5,
        };
        let y = match self {
            Self::Top | Self::TopLeft | Self::TopRight => 0.0,
            Self::Bottom | Self::BottomLeft | Self::BottomRight => 1.0,
            _ => 0.5,
        };
        [x, y]
    }

    /// The canvas `textAlign` that puts this anchor at the drawing point.
    pub fn text_align(self) -> &'static str {
        match self.fraction()[0] {
            0.0 => "left",
            1.0 => "right",
            _ => "center",
        }
    }

    /// The canvas `textBaseline` that puts this anchor at the drawing point: the em box's top,
    /// middle or bottom (`top`, `middle` and `bottom` are em-square baselines in canvas).
    pub fn text_baseline(self) -> &'static str {
        match self.fraction()[1] {
            0.0 => "top",
            1.0 => "bottom",
            _ => "middle",
        }
    }
}

/// One label of a text layer.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    /// Where its anchor lies, CSS px (screen space, y down).
    pub at: Xy,
    /// Which point of the text's em box is at `at`.
    pub anchor: Anchor,
    /// The text, in the page's language.
    pub text: Rc<str>,
}

/// Screen-space labels of one style.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLayer {
    /// A stable name (`labels.partner`, `inset.labels`, ...), for tests.
    pub name: &'static str,
    /// Font, colour and halo.
    pub style: TextStyle,
    /// The labels, painted in order.
    pub labels: Vec<Label>,
}

/// One entry of a frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// Paint a layer.
    Draw(Rc<Layer>),
    /// Paint labels (always in screen space, above what came before).
    Text(Rc<TextLayer>),
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
    /// basemap and the settled links): a backend may keep them as a picture, move it while the
    /// map is dragged and scale it while it is zoomed.
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
    /// Paints a text layer (screen space: its positions are CSS px whatever the viewport).
    fn text(&mut self, layer: &TextLayer);
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
                Item::Text(t) => sink.text(t),
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
    fn wanted(&self, name: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|p| name.starts_with(p))
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
        if !self.wanted(layer.name) {
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
        if self.wanted(layer.name) {
            self.path(layer, viewport);
        }
    }
    fn unclip(&mut self) {
        self.lines.push("unclip".into());
    }
    /// `text NAME font=WEIGHT SIZEpx fill=… [halo=… w=…]`, then one `  T X Y ANCHOR "TEXT"`
    /// line per label.
    fn text(&mut self, layer: &TextLayer) {
        if !self.wanted(layer.name) {
            return;
        }
        let s = &layer.style;
        let mut head = format!(
            "text {} font={} {}px fill={}",
            layer.name,
            s.font.weight,
            px(s.font.size_px),
            s.fill.css()
        );
        if let Some(h) = s.halo {
            head += &format!(" halo={} w={}", h.css(), px(s.halo_px));
        }
        self.lines.push(head);
        for l in &layer.labels {
            self.lines.push(format!(
                "  T {} {} {} {:?}",
                px(l.at[0]),
                px(l.at[1]),
                l.anchor.name(),
                &*l.text
            ));
        }
    }
}
