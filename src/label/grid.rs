//! A uniform grid over the viewport for collision queries: each shape is listed in every cell
//! its bounding box touches, and a query tests only the shapes of the cells its box touches.
//!
//! Chosen over an R-tree (the `rstar` crate) by measurement, see `src/label/mod.rs`: labels
//! are inserted one by one between queries and all have about the same size, the case a grid
//! suits (maplibre-gl's `GridIndex` and mapnik's collision detector are grids too).

use super::candidate::{Circle, Rect};
use super::segment::Segment;

/// The side of a cell, CSS px: about two lines of label text, so a label box touches two to
/// six cells.
pub const CELL_PX: f64 = 32.0;

/// Rectangles, circles and segments by cell.
#[derive(Clone, Debug)]
pub struct Grid {
    cols: usize,
    rows: usize,
    /// The grid's width and height, CSS px (whole cells).
    extent: [f64; 2],
    /// Per cell, entries `4i + kind`: index `i` into `rects` (kind 0), `circles` (1) or
    /// `segments` (2).
    cells: Vec<Vec<u32>>,
    rects: Vec<Rect>,
    circles: Vec<Circle>,
    segments: Vec<Segment>,
}

const RECT: u32 = 0;
const CIRCLE: u32 = 1;
const SEGMENT: u32 = 2;

impl Grid {
    /// An empty grid over `[0, width] × [0, height]` (CSS px).
    pub fn new(width: f64, height: f64) -> Self {
        let count = |v: f64| (v / CELL_PX).ceil().clamp(1.0, 4096.0) as usize;
        let (cols, rows) = (count(width), count(height));
        Self {
            cols,
            rows,
            extent: [cols as f64 * CELL_PX, rows as f64 * CELL_PX],
            cells: vec![Vec::new(); cols * rows],
            rects: Vec::new(),
            circles: Vec::new(),
            segments: Vec::new(),
        }
    }

    /// The cells a box touches, as column and row ranges; `None` when it lies wholly outside.
    fn span(&self, r: &Rect) -> Option<([usize; 2], [usize; 2])> {
        if !(r.max[0] >= 0.0
            && r.max[1] >= 0.0
            && r.min[0] <= self.extent[0]
            && r.min[1] <= self.extent[1])
        {
            return None; // also rejects NaN
        }
        // `as` saturates (negative to 0), which is the floor for the non-negative rest; no
        // libm `floor` call on the hot path.
        let cell = |v: f64, n: usize| (((v * (1.0 / CELL_PX)) as u32) as usize).min(n - 1);
        Some((
            [cell(r.min[0], self.cols), cell(r.max[0], self.cols)],
            [cell(r.min[1], self.rows), cell(r.max[1], self.rows)],
        ))
    }

    fn insert(&mut self, bounds: &Rect, entry: u32) {
        if let Some(([c0, c1], [r0, r1])) = self.span(bounds) {
            for row in r0..=r1 {
                for col in c0..=c1 {
                    self.cells[row * self.cols + col].push(entry);
                }
            }
        }
    }

    /// Adds a rectangle (a placed label or a reserved box).
    pub fn insert_rect(&mut self, r: Rect) {
        let entry = 4 * self.rects.len() as u32 + RECT;
        self.rects.push(r);
        self.insert(&r, entry);
    }

    /// Adds a marker disc.
    pub fn insert_circle(&mut self, c: Circle) {
        let entry = 4 * self.circles.len() as u32 + CIRCLE;
        self.circles.push(c);
        self.insert(&c.bounds(), entry);
    }

    /// Adds a leader line.
    pub fn insert_segment(&mut self, s: Segment) {
        let entry = 4 * self.segments.len() as u32 + SEGMENT;
        self.segments.push(s);
        self.insert(&s.bounds(), entry);
    }

    /// The entries of the cells `bounds` touches (an entry may come more than once).
    fn near(&self, bounds: &Rect) -> impl Iterator<Item = u32> + '_ {
        let span = self.span(bounds);
        let ([c0, c1], [r0, r1]) = span.unwrap_or(([1, 0], [1, 0]));
        (r0..=r1).flat_map(move |row| {
            self.cells[row * self.cols + c0..=row * self.cols + c1]
                .iter()
                .flatten()
                .copied()
        })
    }

    /// Whether `r` overlaps any rectangle, circle or segment of the grid.
    pub fn collides(&self, r: &Rect) -> bool {
        self.near(r).any(|e| {
            let i = (e / 4) as usize;
            match e % 4 {
                RECT => self.rects[i].overlaps(r),
                CIRCLE => r.overlaps_circle(&self.circles[i]),
                _ => self.segments[i].overlaps_rect(r),
            }
        })
    }

    /// Whether a line may be drawn along `s`: it runs through no rectangle and crosses no
    /// other segment of the grid (it may pass over circles: a leader line ends among markers).
    pub fn line_is_clear(&self, s: &Segment) -> bool {
        !self.near(&s.bounds()).any(|e| {
            let i = (e / 4) as usize;
            match e % 4 {
                RECT => s.overlaps_rect(&self.rects[i]),
                CIRCLE => false,
                _ => s.crosses(&self.segments[i]),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_overlaps_across_cells() {
        let mut g = Grid::new(200.0, 100.0);
        g.insert_rect(Rect::new(30.0, 30.0, 40.0, 10.0));
        g.insert_circle(Circle {
            at: [150.0, 80.0],
            radius_px: 5.0,
        });
        assert!(
            g.collides(&Rect::new(65.0, 35.0, 10.0, 10.0)),
            "rect, across a cell edge"
        );
        assert!(
            !g.collides(&Rect::new(70.0, 30.0, 10.0, 10.0)),
            "touching only"
        );
        assert!(g.collides(&Rect::new(152.0, 82.0, 30.0, 30.0)), "circle");
        assert!(
            !g.collides(&Rect::new(155.0, 85.0, 30.0, 30.0)),
            "off the circle's rim"
        );
        assert!(
            !g.collides(&Rect::new(-50.0, -50.0, 10.0, 10.0)),
            "outside the grid"
        );
        assert!(!g.collides(&Rect::new(0.0, 0.0, f64::NAN, 1.0)));
    }

    #[test]
    fn segments_block_boxes_and_other_lines() {
        let mut g = Grid::new(200.0, 100.0);
        let line = |a, b| Segment {
            a,
            b,
            half_width_px: 1.0,
        };
        g.insert_segment(line([10.0, 10.0], [100.0, 60.0]));
        assert!(
            g.collides(&Rect::new(50.0, 30.0, 10.0, 10.0)),
            "on the line"
        );
        assert!(!g.collides(&Rect::new(10.0, 40.0, 10.0, 10.0)), "below it");
        g.insert_rect(Rect::new(150.0, 10.0, 20.0, 20.0));
        g.insert_circle(Circle {
            at: [150.0, 80.0],
            radius_px: 5.0,
        });
        assert!(
            !g.line_is_clear(&line([10.0, 60.0], [100.0, 10.0])),
            "crosses"
        );
        assert!(
            !g.line_is_clear(&line([140.0, 5.0], [180.0, 40.0])),
            "through a box"
        );
        assert!(
            g.line_is_clear(&line([140.0, 70.0], [160.0, 90.0])),
            "over a marker"
        );
        assert!(g.line_is_clear(&line([10.0, 90.0], [100.0, 90.0])));
    }

    #[test]
    fn shapes_partly_outside_are_kept() {
        let mut g = Grid::new(100.0, 100.0);
        g.insert_rect(Rect::new(-20.0, -20.0, 25.0, 25.0));
        assert!(g.collides(&Rect::new(0.0, 0.0, 2.0, 2.0)));
        g.insert_rect(Rect::new(500.0, 500.0, 5.0, 5.0)); // wholly outside: ignored
        assert!(!g.collides(&Rect::new(90.0, 90.0, 10.0, 10.0)));
    }
}
