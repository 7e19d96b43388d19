//! Where a country's name goes when the map is zoomed out far: inside its largest polygon, at
//! that polygon's centroid (area-weighted, on the plate carrée scaled by the cosine of the
//! latitude), rather than among its partners' markers.

use crate::basemap::Basemap;
use crate::lonlat::{wrap_lon, LonLat};
use std::collections::HashMap;

/// Area (in degrees², longitudes scaled by cos φ) and centroid of a ring; rings that cross the
/// antimeridian (Russia, Fiji) are unwrapped first.
fn area_and_centroid(ring: &[LonLat]) -> (f64, LonLat) {
    let crosses = ring.windows(2).any(|w| (w[1].lon - w[0].lon).abs() > 180.0);
    let lon = |p: &LonLat| {
        if crosses && p.lon < 0.0 {
            p.lon + 360.0
        } else {
            p.lon
        }
    };
    let mean_lat = ring.iter().map(|p| p.lat).sum::<f64>() / ring.len().max(1) as f64;
    let k = mean_lat.to_radians().cos().max(0.1);
    let (mut a2, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for (p, q) in ring.iter().zip(ring.iter().cycle().skip(1)) {
        let (x0, y0, x1, y1) = (lon(p) * k, p.lat, lon(q) * k, q.lat);
        let cross = x0 * y1 - x1 * y0;
        a2 += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
    }
    if a2.abs() < 1e-12 {
        return (0.0, ring.first().copied().unwrap_or(LonLat::new(0.0, 0.0)));
    }
    let c = LonLat::new(wrap_lon(cx / (3.0 * a2) / k), cy / (3.0 * a2));
    (a2.abs() / 2.0, c)
}

/// Per ISO numeric code, the centroid of the country's largest polygon's outer ring.
pub fn label_points(basemap: &Basemap) -> HashMap<u16, LonLat> {
    let mut out = HashMap::new();
    for c in &basemap.countries {
        let best = c
            .polygons
            .iter()
            .filter_map(|rings| rings.first())
            .map(|outer| area_and_centroid(&basemap.ring_points(outer)))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, at)) = best.filter(|(area, _)| *area > 0.0) {
            out.insert(c.numeric, at);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::BASEMAP_110M;

    #[test]
    fn names_go_inside_the_mainland() {
        let points = label_points(&Basemap::decode(BASEMAP_110M).expect("basemap"));
        let near = |code: u16, lon: f64, lat: f64, deg: f64| {
            let p = points[&code];
            assert!(
                (p.lon - lon).abs() < deg && (p.lat - lat).abs() < deg,
                "{code}: {p:?}"
            );
        };
        near(840, -99.0, 39.0, 6.0); // the United States: the lower 48, not Alaska
        near(643, 97.0, 62.0, 12.0); // Russia, across the antimeridian
        near(392, 137.0, 36.0, 4.0); // Japan: Honshu
        near(36, 134.0, -25.0, 5.0); // Australia
    }
}
