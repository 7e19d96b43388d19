//! The map's state as a URL query string, and back. Parsing never fails: a bad or hostile value
//! is skipped and reported as a warning.

use crate::data::record::FIRST_YEAR;
use crate::data::{Origin, Region};
use crate::filter::{Filter, Years};

/// The part of the state that lives in the URL.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlState {
    /// Projection (`globe`, `equirectangular`), when not the default Natural Earth.
    pub projection: Option<String>,
    /// Filters.
    pub filter: Filter,
    /// Emphasised Shandong city.
    pub selected: Option<usize>,
    /// View: zoom (multiple of the fitted scale) and the geographic centre, degrees.
    pub view: Option<(f64, f64, f64)>,
}

fn decode(s: &str) -> String {
    // Percent-decoding (UTF-8, invalid sequences replaced), with `+` as space.
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Serialises the state; defaults are left out, so the plain map has an empty query.
pub fn to_query(state: &UrlState, origins: &[Origin]) -> String {
    let name = |c: usize| origins.get(c).map_or("", |o| o.name.as_str());
    let f = &state.filter;
    let mut parts: Vec<String> = Vec::new();
    match f.years {
        Years::All => {}
        Years::Range { from, to } => parts.push(format!("years={from}-{to}")),
        Years::AsOf { year } => parts.push(format!("asof={year}")),
    }
    if !f.unknown_year && f.years != Years::All {
        parts.push("unknown=0".into());
    }
    if !f.regions.is_empty() {
        parts.push(format!("regions={}", encode(&f.regions.join(","))));
    }
    if !f.cities.is_empty() {
        let names: Vec<&str> = f.cities.iter().map(|&c| name(c)).collect();
        parts.push(format!("cities={}", encode(&names.join(","))));
    }
    if f.sister != f.friendly {
        parts.push(format!(
            "kinds={}",
            if f.sister { "sister" } else { "friendly" }
        ));
    }
    if f.city_level != f.province_level {
        parts.push(format!(
            "levels={}",
            if f.city_level { "city" } else { "province" }
        ));
    }
    if let Some(p) = &state.projection {
        parts.push(format!("proj={}", encode(p)));
    }
    if let Some(c) = state.selected {
        parts.push(format!("sel={}", encode(name(c))));
    }
    if let Some((z, lon, lat)) = state.view {
        parts.push(format!(
            "view={},{},{}",
            crate::number::fixed(z, 2),
            crate::number::fixed(lon, 2),
            crate::number::fixed(lat, 2)
        ));
    }
    parts.join("&")
}

fn year(s: &str, last_year: u16) -> Option<u16> {
    let y: u16 = s.trim().parse().ok()?;
    (FIRST_YEAR..=last_year).contains(&y).then_some(y)
}

/// Parses a query string (with or without the leading `?`). Unknown keys are ignored silently
/// (they may belong to the host page); bad values of known keys are skipped with a warning.
pub fn from_query(
    query: &str,
    regions: &[Region],
    origins: &[Origin],
    last_year: u16,
) -> (UrlState, Vec<String>) {
    let city_index = |n: &str| origins.iter().position(|o| o.name == n || o.name_zh == n);
    let mut state = UrlState {
        projection: None,
        filter: Filter::default(),
        selected: None,
        view: None,
    };
    let mut warnings = Vec::new();
    let mut warn = |k: &str, v: &str| {
        let shown: String = v.chars().take(60).collect();
        warnings.push(format!("ignored URL parameter {k}={shown:?}"));
    };
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = decode(v);
        let f = &mut state.filter;
        match k {
            "years" => match v
                .split_once('-')
                .and_then(|(a, b)| Some((year(a, last_year)?, year(b, last_year)?)))
            {
                Some((a, b)) => {
                    f.years = Years::Range {
                        from: a.min(b),
                        to: a.max(b),
                    }
                }
                None => warn(k, &v),
            },
            "asof" => match year(&v, last_year) {
                Some(y) => f.years = Years::AsOf { year: y },
                None => warn(k, &v),
            },
            "unknown" => match v.as_str() {
                "0" => f.unknown_year = false,
                "1" => f.unknown_year = true,
                _ => warn(k, &v),
            },
            "regions" => {
                for id in v.split(',').filter(|s| !s.is_empty()) {
                    if regions.iter().any(|r| r.id == id) {
                        if !f.regions.iter().any(|r| r == id) {
                            f.regions.push(id.to_string());
                        }
                    } else {
                        warn(k, id);
                    }
                }
            }
            "cities" => {
                for name in v.split(',').filter(|s| !s.is_empty()) {
                    match city_index(name) {
                        Some(c) if !f.cities.contains(&c) => f.cities.push(c),
                        Some(_) => {}
                        None => warn(k, name),
                    }
                }
            }
            "kinds" => match v.as_str() {
                "sister" => (f.sister, f.friendly) = (true, false),
                "friendly" => (f.sister, f.friendly) = (false, true),
                "sister,friendly" | "friendly,sister" => (f.sister, f.friendly) = (true, true),
                _ => warn(k, &v),
            },
            "levels" => match v.as_str() {
                "city" => (f.city_level, f.province_level) = (true, false),
                "province" => (f.city_level, f.province_level) = (false, true),
                "city,province" | "province,city" => {
                    (f.city_level, f.province_level) = (true, true)
                }
                _ => warn(k, &v),
            },
            "proj" => match v.as_str() {
                "naturalearth" | "equirectangular" | "globe" => state.projection = Some(v.clone()),
                _ => warn(k, &v),
            },
            "sel" => match city_index(&v) {
                Some(c) => state.selected = Some(c),
                None => warn(k, &v),
            },
            "view" => {
                let nums: Vec<f64> = v
                    .split(',')
                    .filter_map(|x| crate::number::parse(x.trim()))
                    .collect();
                match nums[..] {
                    [z, lon, lat]
                        if z.is_finite()
                            && (0.5..=64.0).contains(&z)
                            && lon.is_finite()
                            && lon.abs() <= 180.0
                            && lat.is_finite()
                            && lat.abs() <= 90.0 =>
                    {
                        state.view = Some((z, lon, lat))
                    }
                    _ => warn(k, &v),
                }
            }
            _ => {}
        }
    }
    (state, warnings)
}
