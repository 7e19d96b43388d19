//! The map's state as a URL query string, and back. Parsing never fails: a bad or hostile value
//! is skipped and reported as a warning.

use crate::data::record::FIRST_YEAR;
use crate::data::{Dataset, Region};
use crate::filter::{Filter, Years};
use crate::projection::ProjectionKind;

mod attributes;
mod codec;
mod key;

pub use attributes::attributes;
use codec::{decode, encode};
pub use key::UrlKey;

/// A value the map skipped, by the URL key or field it came under: the page words it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// The key (`regions`, `years`, `sel`, …).
    pub key: String,
    /// The value skipped (at most 60 characters of it).
    pub value: String,
}

impl Warning {
    /// A skipped `value` under `key` (cut to 60 characters).
    pub fn new(key: &str, value: &str) -> Self {
        Self {
            key: key.to_string(),
            value: value.chars().take(60).collect(),
        }
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ignored URL parameter {}={:?}", self.key, self.value)
    }
}

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
    if f.unknown_year && f.years != Years::All {
        parts.push("unknown=1".into());
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
    if !f.evidence.is_empty() {
        let names: Vec<&str> = f.evidence.iter().map(|e| e.as_str()).collect();
        parts.push(format!("evidence={}", encode(&names.join(","))));
    }
    if !f.stages.is_empty() {
        let names: Vec<&str> = f.stages.iter().map(|s| s.as_str()).collect();
        parts.push(format!("stages={}", encode(&names.join(","))));
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

/// Which of two values a list names: `a`, `b`, or both (in either order).
fn one_or_both(v: &str, a: &str, b: &str) -> Option<(bool, bool)> {
    match v.split_once(',') {
        None if v == a => Some((true, false)),
        None if v == b => Some((false, true)),
        Some((x, y)) if (x, y) == (a, b) || (x, y) == (b, a) => Some((true, true)),
        _ => None,
    }
}

/// `zoom,lon,lat` within their ranges.
fn view(v: &str) -> Option<View> {
    let nums: Vec<f64> = v
        .split(',')
        .filter_map(|x| crate::number::parse(x.trim()))
        .collect();
    match nums[..] {
        [zoom, lon, lat]
            if (0.5..=64.0).contains(&zoom) && lon.abs() <= 180.0 && lat.abs() <= 90.0 =>
        {
            Some(View { zoom, lon, lat })
        }
        _ => None,
    }
}

/// Reads pairs into a state, collecting warnings.
struct Reader<'a> {
    regions: &'a [Region],
    dataset: &'a Dataset,
    last_year: u16,
    warnings: Vec<Warning>,
}

impl Reader<'_> {
    fn warn(&mut self, k: &str, v: &str) {
        self.warnings.push(Warning::new(k, v));
    }

    /// Applies one pair; a bad value (or list item) is skipped with a warning.
    fn apply(&mut self, state: &mut UrlState, key: UrlKey, k: &str, v: &str) {
        let last = self.last_year;
        let f = &mut state.filter;
        let ok = match key {
            UrlKey::Years => v
                .split_once('-')
                .and_then(|(a, b)| Some((year(a, last)?, year(b, last)?)))
                .map(|(a, b)| {
                    f.years = Years::Range {
                        from: a.min(b),
                        to: a.max(b),
                    }
                })
                .is_some(),
            UrlKey::AsOf => year(v, last)
                .map(|y| f.years = Years::AsOf { year: y })
                .is_some(),
            UrlKey::Unknown => one_or_both(v, "1", "0")
                .filter(|(a, b)| a != b)
                .map(|(yes, _)| f.unknown_year = yes)
                .is_some(),
            UrlKey::Regions | UrlKey::Cities | UrlKey::Evidence | UrlKey::Stages => {
                for item in v.split(',').filter(|s| !s.is_empty()) {
                    if !self.add_to_list(f, key, item) {
                        self.warn(k, item);
                    }
                }
                true
            }
            UrlKey::Kinds => one_or_both(v, "sister", "friendly")
                .map(|(a, b)| (f.sister, f.friendly) = (a, b))
                .is_some(),
            UrlKey::Levels => one_or_both(v, "city", "province")
                .map(|(a, b)| (f.city_level, f.province_level) = (a, b))
                .is_some(),
            UrlKey::Projection => ProjectionKind::from_name(v)
                .filter(|_| !v.is_empty())
                .map(|p| state.projection = Some(p))
                .is_some(),
            UrlKey::Selected => self
                .dataset
                .origin_index(v)
                .map(|c| state.selected = Some(c))
                .is_some(),
            UrlKey::View => view(v).map(|w| state.view = Some(w)).is_some(),
        };
        if !ok {
            self.warn(k, v);
        }
    }

    /// Adds a region id, a city name, an evidence level or a stage to the filter's list
    /// (once); false if unknown.
    fn add_to_list(&self, f: &mut Filter, key: UrlKey, item: &str) -> bool {
        if key == UrlKey::Stages {
            let stage = crate::data::Stage::from_name(item);
            if let Some(s) = stage.filter(|s| !f.stages.contains(s)) {
                f.stages.push(s);
            }
            return stage.is_some();
        }
        if key == UrlKey::Evidence {
            let level = crate::data::Evidence::from_name(item);
            if let Some(e) = level.filter(|e| !f.evidence.contains(e)) {
                f.evidence.push(e);
            }
            return level.is_some();
        }
        if key == UrlKey::Regions {
            let known = self.regions.iter().any(|r| r.id == item);
            if known && !f.regions.iter().any(|r| r == item) {
                f.regions.push(item.to_string());
            }
            return known;
        }
        match self.dataset.origin_index(item) {
            Some(c) if !f.cities.contains(&c) => f.cities.push(c),
            Some(_) => {}
            None => return false,
        }
        true
    }
}

/// Parses a query string (with or without the leading `?`), with short or long keys. Unknown
/// keys are skipped here (see [`unknown_keys`]); bad values of known keys are skipped with a
/// warning.
pub fn from_query(
    query: &str,
    regions: &[Region],
    dataset: &Dataset,
    last_year: u16,
) -> (UrlState, Vec<Warning>) {
    let mut state = UrlState {
        projection: None,
        filter: Filter::default(),
        selected: None,
        view: None,
    };
    let mut reader = Reader {
        regions,
        dataset,
        last_year,
        warnings: Vec::new(),
    };
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if let Some(key) = UrlKey::from_name(k) {
            reader.apply(&mut state, key, k, &decode(v));
        }
    }
    (state, reader.warnings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin_regions;

    fn parse(q: &str) -> (UrlState, Vec<Warning>) {
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
        let (s, w) = parse("years=2000-2020&unknown=1&regions=europe&cities=Jinan&kinds=sister&levels=city&evidence=official,news&stages=agreement,intent&proj=equirectangular&sel=Jinan&view=2.50,10.00,50.00");
        assert!(w.is_empty(), "{w:?}");
        let q = to_query(&s, &d);
        assert_eq!(q, "years=2000-2020&unknown=1&regions=europe&cities=Jinan&kinds=sister&levels=city&evidence=official,news&stages=agreement,intent&proj=equirectangular&sel=Jinan&view=2.50,10.00,50.00");
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
    fn an_unknown_stage_is_skipped_by_name() {
        let (s, w) = parse("stages=intent,mou,intent");
        assert_eq!(s.filter.stages, [crate::data::Stage::Intent]);
        assert_eq!(w, [Warning::new("stages", "mou")]);
    }

    #[test]
    fn every_name_is_accepted_once() {
        let names = UrlKey::all_names();
        assert_eq!(names.len(), 15);
        for n in names {
            assert!(UrlKey::from_name(n).is_some(), "{n}");
        }
        assert_eq!(UrlKey::AsOf.short(), "asof");
    }
}
