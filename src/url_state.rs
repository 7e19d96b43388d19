//! The map's state as a URL query string, and back. Parsing never fails: a bad or hostile value
//! is skipped and reported as a warning.

use crate::data::record::FIRST_YEAR;
use crate::data::{Dataset, Region};
use crate::filter::{Filter, Years};
use crate::projection::ProjectionKind;

/// A view: how far it is zoomed and where it looks.
///
/// # Units
/// `zoom` is a multiple of the scale at which the whole world fits; `lon`, `lat` are the
/// geographic centre in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Zoom, 0.5 to 64.
    pub zoom: f64,
    /// Centre longitude, degrees.
    pub lon: f64,
    /// Centre latitude, degrees.
    pub lat: f64,
}

/// The part of the state that lives in the URL.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlState {
    /// Projection, when not the default Natural Earth.
    pub projection: Option<ProjectionKind>,
    /// Filters.
    pub filter: Filter,
    /// Emphasised origin (index into the dataset's origins).
    pub selected: Option<usize>,
    /// The view, when not the whole world.
    pub view: Option<View>,
}

/// The keys of the state in a URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlKey {
    /// `years=2000-2020`: a range.
    Years,
    /// `as-of=2013`: cumulative.
    AsOf,
    /// `unknown=0|1`: ties without a known year, under a year filter.
    Unknown,
    /// `regions=europe,sco`.
    Regions,
    /// `cities=Qingdao,Jinan`.
    Cities,
    /// `kinds=sister|friendly`.
    Kinds,
    /// `levels=city|province`.
    Levels,
    /// `projection=globe`.
    Projection,
    /// `selected=Qingdao`.
    Selected,
    /// `view=zoom,lon,lat`.
    View,
}

impl UrlKey {
    /// Every key: the name written into URLs (short), then the element attribute's name, which
    /// the iframe page's query accepts too (one vocabulary for editors).
    pub const NAMES: [(UrlKey, &'static str, &'static str); 10] = [
        (UrlKey::Years, "years", "years"),
        (UrlKey::AsOf, "asof", "as-of"),
        (UrlKey::Unknown, "unknown", "unknown"),
        (UrlKey::Regions, "regions", "regions"),
        (UrlKey::Cities, "cities", "cities"),
        (UrlKey::Kinds, "kinds", "kinds"),
        (UrlKey::Levels, "levels", "levels"),
        (UrlKey::Projection, "proj", "projection"),
        (UrlKey::Selected, "sel", "selected"),
        (UrlKey::View, "view", "view"),
    ];

    /// The key for a name (short or long).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(_, short, long)| *short == name || *long == name)
            .map(|(k, _, _)| *k)
    }

    /// The name written into URLs.
    pub fn short(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(k, _, _)| *k == self)
            .map_or("", |(_, s, _)| s)
    }

    /// Every accepted name, short and long.
    pub fn all_names() -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Self::NAMES
            .iter()
            .flat_map(|(_, short, long)| [*short, *long])
            .collect();
        // Short and long names are equal for some keys, side by side.
        names.dedup();
        names
    }
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

/// Serialises the state (with the short keys); defaults are left out, so the plain map has an
/// empty query.
pub fn to_query(state: &UrlState, dataset: &Dataset) -> String {
    let name = |c: usize| dataset.origins.get(c).map_or("", |o| o.name.as_str());
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
    if let Some(p) = state.projection {
        parts.push(format!("proj={}", p.name()));
    }
    if let Some(c) = state.selected {
        parts.push(format!("sel={}", encode(name(c))));
    }
    if let Some(View { zoom, lon, lat }) = state.view {
        parts.push(format!(
            "view={},{},{}",
            crate::number::fixed(zoom, 2),
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

/// The keys of a query string that are not state keys (in the order met, each once): a page
/// whose whole query is the map's (the iframe page) reports them; on a host page they may
/// belong to the host.
pub fn unknown_keys(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for pair in query.trim_start_matches('?').split('&') {
        let key = decode(pair.split_once('=').map_or(pair, |(k, _)| k));
        if !key.is_empty() && UrlKey::from_name(&key).is_none() && !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

/// Parses a query string (with or without the leading `?`), with short or long keys. Unknown
/// keys are skipped here (see [`unknown_keys`]); bad values of known keys are skipped with a
/// warning.
pub fn from_query(
    query: &str,
    regions: &[Region],
    dataset: &Dataset,
    last_year: u16,
) -> (UrlState, Vec<String>) {
    let city_index = |n: &str| dataset.origin_index(n);
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
        let Some(key) = UrlKey::from_name(k) else {
            continue;
        };
        match key {
            UrlKey::Years => match v
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
            UrlKey::AsOf => match year(&v, last_year) {
                Some(y) => f.years = Years::AsOf { year: y },
                None => warn(k, &v),
            },
            UrlKey::Unknown => match v.as_str() {
                "0" => f.unknown_year = false,
                "1" => f.unknown_year = true,
                _ => warn(k, &v),
            },
            UrlKey::Regions => {
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
            UrlKey::Cities => {
                for name in v.split(',').filter(|s| !s.is_empty()) {
                    match city_index(name) {
                        Some(c) if !f.cities.contains(&c) => f.cities.push(c),
                        Some(_) => {}
                        None => warn(k, name),
                    }
                }
            }
            UrlKey::Kinds => match v.as_str() {
                "sister" => (f.sister, f.friendly) = (true, false),
                "friendly" => (f.sister, f.friendly) = (false, true),
                "sister,friendly" | "friendly,sister" => (f.sister, f.friendly) = (true, true),
                _ => warn(k, &v),
            },
            UrlKey::Levels => match v.as_str() {
                "city" => (f.city_level, f.province_level) = (true, false),
                "province" => (f.city_level, f.province_level) = (false, true),
                "city,province" | "province,city" => {
                    (f.city_level, f.province_level) = (true, true)
                }
                _ => warn(k, &v),
            },
            UrlKey::Projection => match ProjectionKind::from_name(&v) {
                Some(p) if !v.is_empty() => state.projection = Some(p),
                _ => warn(k, &v),
            },
            UrlKey::Selected => match city_index(&v) {
                Some(c) => state.selected = Some(c),
                None => warn(k, &v),
            },
            UrlKey::View => {
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
                        state.view = Some(View { zoom: z, lon, lat })
                    }
                    _ => warn(k, &v),
                }
            }
        }
    }
    (state, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin_regions;

    fn parse(q: &str) -> (UrlState, Vec<String>) {
        from_query(q, &builtin_regions(), &Dataset::default(), 2026)
    }

    #[test]
    fn long_and_short_keys_mean_the_same() {
        let (a, wa) = parse("asof=1995&sel=Qingdao&proj=globe");
        let (b, wb) = parse("as-of=1995&selected=%E9%9D%92%E5%B2%9B%E5%B8%82&projection=globe");
        assert!(wa.is_empty() && wb.is_empty(), "{wa:?} {wb:?}");
        assert_eq!(a, b);
        assert_eq!(a.filter.years, Years::AsOf { year: 1995 });
        assert_eq!(a.selected, Some(2));
        assert_eq!(a.projection, Some(ProjectionKind::Globe));
    }

    #[test]
    fn the_state_round_trips_with_short_keys() {
        let d = Dataset::default();
        let (s, w) = parse("years=2000-2020&unknown=0&regions=europe&cities=Jinan&kinds=sister&levels=city&proj=equirectangular&sel=Jinan&view=2.50,10.00,50.00");
        assert!(w.is_empty(), "{w:?}");
        let q = to_query(&s, &d);
        assert_eq!(q, "years=2000-2020&unknown=0&regions=europe&cities=Jinan&kinds=sister&levels=city&proj=equirectangular&sel=Jinan&view=2.50,10.00,50.00");
        assert_eq!(parse(&q).0, s);
    }

    #[test]
    fn bad_values_warn_and_unknown_keys_are_listed_apart() {
        let (s, w) = parse("proj=mercator&projection=&as-of=1900&foo=1&foo=2&x");
        assert_eq!(w.len(), 3, "{w:?}");
        assert_eq!(s.projection, None);
        assert_eq!(
            unknown_keys("proj=globe&foo=1&foo=2&x&as-of=2000"),
            ["foo", "x"]
        );
        assert!(unknown_keys("").is_empty());
    }

    #[test]
    fn every_name_is_accepted_once() {
        let names = UrlKey::all_names();
        assert_eq!(names.len(), 13);
        for n in names {
            assert!(UrlKey::from_name(n).is_some(), "{n}");
        }
        assert_eq!(UrlKey::AsOf.short(), "asof");
    }
}
