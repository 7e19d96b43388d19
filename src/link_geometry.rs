//! Projected geometry of the ties, built once per dataset and projection: every tie's great
//! circle projected and cut at the seam, kept in one flat buffer of `f32` world units.
//!
//! `f32` is enough: world units span about ±3, where an `f32` step is 2.4e-7, or 0.005 px at the
//! deepest zoom on a 4K canvas. A tie costs 8 bytes a point plus 4 per piece and per tie (it was
//! 16 a point plus a vector per piece and per tie).

use crate::data::Dataset;
use crate::lonlat::LonLat;
use crate::projection::{Projector, Xy};

/// Projected geometry of the ties.
#[derive(Clone, Debug, Default)]
pub struct LinkGeometry {
    /// Every piece's points, piece after piece, tie after tie.
    points: Vec<[f32; 2]>,
    /// Per piece, the end of its points in `points`.
    piece_ends: Vec<u32>,
    /// Per tie, the end of its pieces in `piece_ends`.
    tie_ends: Vec<u32>,
    /// Per tie, the partner's projected position.
    pub partner: Vec<Xy>,
    /// Per origin (index into the dataset's origins), its projected position.
    pub cities: Vec<Xy>,
}

/// One piece of a tie's link: a polyline in world units.
#[derive(Clone, Copy, Debug)]
pub struct Piece<'a>(&'a [[f32; 2]]);

impl<'a> Piece<'a> {
    /// The number of points.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the piece has no points.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Point `i` (world units); the origin for an index past the end.
    pub fn point(&self, i: usize) -> Xy {
        self.0
            .get(i)
            .map_or([0.0, 0.0], |&[x, y]| [f64::from(x), f64::from(y)])
    }

    /// The points (world units).
    pub fn points(&self) -> impl Iterator<Item = Xy> + 'a {
        self.0.iter().map(|&[x, y]| [f64::from(x), f64::from(y)])
    }

    /// Writes the points into `out`, replacing its contents.
    pub fn write_to(&self, out: &mut Vec<Xy>) {
        out.clear();
        out.extend(self.points());
    }
}

impl LinkGeometry {
    /// Projects every tie's path.
    pub fn build(dataset: &Dataset, projector: &Projector) -> Self {
        let mut g = Self {
            partner: dataset
                .ties
                .iter()
                .map(|t| projector.project(t.to))
                .collect(),
            cities: dataset
                .origins
                .iter()
                .map(|o| projector.project(o.lonlat()))
                .collect(),
            tie_ends: Vec::with_capacity(dataset.ties.len()),
            ..Self::default()
        };
        let mut path: Vec<LonLat> = Vec::new();
        for t in &dataset.ties {
            t.path.write_to(&mut path);
            for piece in projector.project_line(&path) {
                g.points
                    .extend(piece.iter().map(|&[x, y]| [x as f32, y as f32]));
                g.piece_ends.push(index(g.points.len()));
            }
            g.tie_ends.push(index(g.piece_ends.len()));
        }
        g.points.shrink_to_fit();
        g.piece_ends.shrink_to_fit();
        g
    }

    /// How many ties.
    pub fn ties(&self) -> usize {
        self.tie_ends.len()
    }

    /// Tie `tie`'s link, projected and cut at the seam (none for a tie out of range).
    pub fn pieces(&self, tie: usize) -> impl Iterator<Item = Piece<'_>> + '_ {
        let end = self.tie_ends.get(tie).map_or(0, |&e| e as usize);
        let start = match tie.checked_sub(1) {
            Some(prev) => self.tie_ends.get(prev).map_or(end, |&e| e as usize),
            None => 0,
        };
        (start..end).map(move |p| {
            let to = self.piece_ends[p] as usize;
            let from = p.checked_sub(1).map_or(0, |q| self.piece_ends[q] as usize);
            Piece(&self.points[from..to])
        })
    }
}

/// An index into the flat buffers. The import limits keep them far below `u32::MAX` (at most
/// 181 points a tie).
fn index(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::NaturalEarth1;

    /// The compact pieces are the projected paths to within f32's precision, tie for tie.
    #[test]
    fn pieces_follow_the_projected_paths() {
        let d = Dataset::builtin();
        let projector = Projector::new(Box::new(NaturalEarth1), 150.0);
        let g = LinkGeometry::build(&d, &projector);
        assert_eq!(g.ties(), d.ties.len());
        let mut cut = 0;
        for (i, t) in d.ties.iter().enumerate() {
            let want = projector.project_line(&t.path.to_vec());
            let got: Vec<Piece> = g.pieces(i).collect();
            assert_eq!(got.len(), want.len(), "tie {i}");
            cut += usize::from(want.len() > 1);
            for (p, w) in got.iter().zip(&want) {
                assert_eq!(p.len(), w.len());
                for (a, b) in p.points().zip(w) {
                    assert!((a[0] - b[0]).abs() < 1e-6 && (a[1] - b[1]).abs() < 1e-6);
                }
            }
        }
        assert!(cut > 0, "some links are cut at the seam");
        assert_eq!(g.pieces(d.ties.len()).count(), 0, "no pieces out of range");
    }
}
