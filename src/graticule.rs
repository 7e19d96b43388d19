//! The graticule: meridians and parallels every `step_deg`, in rotated (map-centred) lon/lat.

use crate::lonlat::{wrap_lon, LonLat};

/// Lines of the graticule as rotated lon/lat polylines (degrees), for a map centred on
/// `center_lon`. Meridians stop 10° short of the poles, where they would crowd together.
pub fn graticule_lines(center_lon: f64, step_deg: f64) -> Vec<Vec<LonLat>> {
    let mut lines = Vec::new();
    let n = (360.0 / step_deg).round() as i32;
    for i in 0..n {
        let lon = wrap_lon(-180.0 + f64::from(i) * step_deg - center_lon);
        if lon <= -180.0 {
            continue; // the seam itself is the outline
        }
        lines.push(
            (-80..=80)
                .map(|lat| LonLat::new(lon, f64::from(lat)))
                .collect(),
        );
    }
    let m = (90.0 / step_deg).floor() as i32;
    for j in -m..=m {
        let lat = f64::from(j) * step_deg;
        if lat.abs() >= 90.0 {
            continue;
        }
        lines.push(
            (-180..=180)
                .map(|lon| LonLat::new(f64::from(lon), lat))
                .collect(),
        );
    }
    lines
}
