//! Text parsers: the built-in format's CSV parser, imports in both layouts, JSON entries and the
//! URL query. Beyond "no panic": errors in line order, ties at lines of their own, exports that
//! import back to the same ties, queries that read back to the same state.

use shandong_friendship_map::data::{builtin_regions, Dataset, ImportOptions, Mapping, Region};
use shandong_friendship_map::export::to_csv;
use shandong_friendship_map::filter::{Filter, Years};
use shandong_friendship_map::import::{import_bytes, import_csv, ImportReport, Preset};
use shandong_friendship_map::json_entry::entries_from_json;
use shandong_friendship_map::url_state::{from_query, to_query};
use std::sync::OnceLock;

/// An empty dataset.
fn empty() -> Dataset {
    Dataset::default()
}

/// Errors in line order, ties at lines of their own, nothing beyond the file's end.
fn check_report(text: &[u8], d: &Dataset, r: &ImportReport) {
    let lines = text.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64 + 1;
    assert!(
        r.errors.windows(2).all(|w| w[0].line <= w[1].line),
        "errors out of order"
    );
    assert!(
        r.errors.iter().all(|e| e.line <= lines),
        "an error past the end"
    );
    assert_eq!(r.loaded, d.ties.len());
    if r.refused {
        assert_eq!((r.loaded, r.errors.len()), (0, 1));
    }
    let mut seen: Vec<u64> = d.ties.iter().map(|t| t.line).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), r.loaded, "two ties at one line");
}

/// The loaded ties export and import back to as many ties, without errors.
fn check_round_trip(d: &Dataset) {
    let text = to_csv(d, &vec![true; d.ties.len()]);
    let mut back = empty();
    let r = import_csv(&mut back, &text, "export.csv", Preset::Standard, 2026);
    assert!(
        r.errors.is_empty(),
        "export does not import back: {:?}\n{text}",
        r.errors
    );
    assert_eq!(back.ties.len(), d.ties.len());
    for (a, b) in d.ties.iter().zip(&back.ties) {
        assert_eq!(
            (a.from, a.to, &a.record.partner),
            (b.from, b.to, &b.record.partner)
        );
    }
}

/// The built-in format's strict parser (as `Dataset::from_csv`, on text decoded lossily).
pub fn csv_dataset(bytes: &[u8]) {
    let strict = ImportOptions {
        mapping: Mapping::strict(),
        country_names: false,
    };
    let text = String::from_utf8_lossy(bytes);
    let mut d = empty();
    let errors = d.add_csv(&text, 2026, &strict);
    assert!(
        errors.windows(2).all(|w| w[0].line <= w[1].line),
        "errors out of order"
    );
    assert!(d.ties.iter().all(|t| t.line >= 2));
}

fn import(bytes: &[u8], preset: Preset) {
    let mut d = empty();
    let r = import_bytes(&mut d, bytes, "f", preset, 2026, entries_from_json);
    check_report(bytes, &d, &r);
    if r.loaded > 0 {
        check_round_trip(&d);
    }
}

/// A file's bytes imported in the standard layout (CSV or JSON).
pub fn import_standard(bytes: &[u8]) {
    import(bytes, Preset::Standard);
}

/// A file's bytes imported in the world twin-towns layout.
pub fn import_world(bytes: &[u8]) {
    import(bytes, Preset::WorldTwinCities);
}

/// A JSON file (or anything) through the import, read with serde_json as the command line does.
pub fn json_entries(bytes: &[u8]) {
    let mut d = empty();
    let r = import_bytes(
        &mut d,
        bytes,
        "f.json",
        Preset::Standard,
        2026,
        entries_from_json,
    );
    assert!(r.errors.windows(2).all(|w| w[0].line <= w[1].line));
    if r.loaded > 0 {
        check_round_trip(&d);
    }
}

/// The built-in regions and dataset, read once.
pub fn url_context() -> &'static (Vec<Region>, Dataset) {
    static CONTEXT: OnceLock<(Vec<Region>, Dataset)> = OnceLock::new();
    CONTEXT.get_or_init(|| (builtin_regions(), Dataset::builtin()))
}

/// A URL query: what is read writes back to a query that reads as the same state, with no
/// warning.
pub fn url_query(bytes: &[u8]) {
    let (regions, dataset) = url_context();
    let query = String::from_utf8_lossy(bytes);
    let (state, _) = from_query(&query, regions, dataset, 2026);
    let again = to_query(&state, dataset);
    let (back, warnings) = from_query(&again, regions, dataset, 2026);
    assert!(warnings.is_empty(), "{again}: {warnings:?}");
    // `unknown` only matters with a year filter, and is written only then.
    let norm = |mut f: Filter| {
        if f.years == Years::All {
            f.unknown_year = false;
        }
        f
    };
    assert_eq!(norm(back.filter), norm(state.filter), "{again}");
    assert_eq!(
        (back.projection, back.selected),
        (state.projection, state.selected)
    );
    assert_eq!(back.view.is_some(), state.view.is_some(), "{again}");
}
