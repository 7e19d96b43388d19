//! Origins that share a place share one marker: the province's own ties start at its capital,
//! Jinan, and imported origins may repeat a position.

use crate::data::Origin;
use std::collections::HashMap;

/// Per origin, the origin whose marker stands for it (the last one at the same place).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Markers {
    of: Vec<usize>,
}

impl Markers {
    /// The markers of `origins`, in one pass (positions compared exactly).
    pub fn of(origins: &[Origin]) -> Self {
        let key = |o: &Origin| (o.lon.to_bits(), o.lat.to_bits());
        let mut last: HashMap<(u64, u64), usize> = HashMap::with_capacity(origins.len());
        for (i, o) in origins.iter().enumerate() {
            last.insert(key(o), i);
        }
        Self {
            of: origins.iter().map(|o| last[&key(o)]).collect(),
        }
    }

    /// The origin whose marker stands for origin `i` (itself when out of range).
    pub fn marker(&self, i: usize) -> usize {
        self.of.get(i).copied().unwrap_or(i)
    }

    /// Whether origins `a` and `b` share a marker.
    pub fn same(&self, a: usize, b: usize) -> bool {
        self.marker(a) == self.marker(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Dataset;

    #[test]
    fn the_province_shares_jinans_marker() {
        let d = Dataset::default();
        let m = Markers::of(&d.origins);
        assert_eq!(m.marker(0), 1, "Shandong is drawn at Jinan");
        assert!(m.same(0, 1) && !m.same(1, 2));
        assert_eq!(m.marker(2), 2);
        assert_eq!(m.marker(99), 99);
    }

    #[test]
    fn many_origins_are_indexed_in_linear_time() {
        let origins: Vec<Origin> = (0..50_000)
            .map(|i| Origin {
                name: format!("o{i}"),
                name_zh: String::new(),
                lon: f64::from(i % 360) - 180.0,
                lat: f64::from(i / 360) * 0.001,
            })
            .collect();
        let m = Markers::of(&origins);
        assert!((0..origins.len()).all(|i| m.marker(i) == i));
    }
}
