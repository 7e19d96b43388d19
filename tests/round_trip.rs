//! Every CSV export of what is shown imports back to the same ties: the built-in set, an
//! imported set with origins of its own, formula-looking text and long coordinates, and the
//! world's twin towns. Formula cells are neutralised on the way out and restored on the way in.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::export::to_csv;
use shandong_friendship_map::import::{import_csv, Preset};

/// Exports every tie, imports the file (standard layout) and checks tie for tie.
fn round_trip(d: &Dataset) -> String {
    let text = to_csv(d, &vec![true; d.ties.len()]);
    let mut back = Dataset::default();
    let r = import_csv(&mut back, &text, "export.csv", Preset::Standard, 2026);
    assert!(
        r.errors.is_empty(),
        "{:?}",
        &r.errors[..r.errors.len().min(5)]
    );
    assert_eq!(back.ties.len(), d.ties.len());
    for (a, b) in d.ties.iter().zip(&back.ties) {
        let (oa, ob) = (&d.origins[a.city], &back.origins[b.city]);
        let what = format!("{} – {}", oa.name, a.record.partner);
        assert_eq!(
            (&oa.name, &oa.name_zh, oa.lat.to_bits(), oa.lon.to_bits()),
            (&ob.name, &ob.name_zh, ob.lat.to_bits(), ob.lon.to_bits()),
            "origin of {what}"
        );
        let (ra, rb) = (&a.record, &b.record);
        assert_eq!(
            (&ra.partner, &ra.partner_zh, &ra.country, ra.level, ra.kind),
            (&rb.partner, &rb.partner_zh, &rb.country, rb.level, rb.kind),
            "{what}"
        );
        assert_eq!(
            (ra.established, ra.lat.to_bits(), ra.lon.to_bits()),
            (rb.established, rb.lat.to_bits(), rb.lon.to_bits()),
            "{what}"
        );
        assert_eq!(
            (&ra.sources, &ra.signed_by, &ra.notes),
            (&rb.sources, &rb.signed_by, &rb.notes),
            "{what}"
        );
        assert_eq!((a.from, a.to), (b.from, b.to), "{what}");
    }
    text
}

#[test]
fn the_builtin_set() {
    let d = Dataset::builtin();
    let text = round_trip(&d);
    assert!(
        !text.lines().next().unwrap_or("").contains("origin_lat"),
        "no origin columns when every tie starts in Shandong"
    );
    // The built-in format's strict parser reads it too.
    let (strict, errors) = Dataset::from_csv(&text, 2026);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(strict.ties.len(), d.ties.len());
}

#[test]
fn an_imported_set_with_its_own_origins_and_hostile_text() {
    let csv = "\
shandong_city,shandong_city_zh,origin_lat,origin_lon,partner,partner_zh,country,level,kind,established,lat,lon,source,signed_by,notes
Berlin,柏林,52.52,13.405,=HYPERLINK(\"http://evil.example\";\"x\"),坏,PT,city,sister,1994,-8.72,-9.1393,https://e.org/a,,=1+1
Berlin,柏林,52.52,13.405,-Town,减,PT,city,friendly,,41.1579,-8.6291,https://e.org/b,@district,
Qingdao,青岛市,,,+Plus,加,JP,province,sister,1979-10-03,33.95550000000123,130.9371,https://e.org/c https://e.org/d,\tTabbed,
Lisbon,里斯本,38.7223,-9.1393,''=Quoted,引,BR,city,sister,2001-02,-0.0001234,-34.9,https://e.org/e,,'plain
";
    let mut d = Dataset::default();
    let r = import_csv(&mut d, csv, "mine.csv", Preset::Standard, 2026);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    assert_eq!(d.ties.len(), 4);
    // The importer takes one guard quote off: `''=Quoted` is the text `'=Quoted`.
    assert_eq!(d.ties[3].record.partner, "'=Quoted");
    let text = round_trip(&d);
    for guarded in [
        ",\"'=HYPERLINK(\"\"http",
        ",'-Town,",
        ",'+Plus,",
        ",'@district,",
        ",''=Quoted,",
        ",'=1+1",
    ] {
        assert!(text.contains(guarded), "{guarded:?} in\n{text}");
    }
    for number in [
        ",-8.72,-9.1393,",
        ",33.95550000000123,",
        ",-0.0001234,-34.9,",
    ] {
        assert!(text.contains(number), "{number:?} in\n{text}");
    }
    let header = text.lines().next().unwrap_or("");
    assert!(
        header.ends_with(",signed_by,origin_lat,origin_lon,notes"),
        "{header}"
    );
}

#[test]
fn the_world_twin_towns() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/world_twin_cities.csv"
    );
    let text = std::fs::read_to_string(path).expect("the shared data sits beside the repository");
    let mut d = Dataset::default();
    let r = import_csv(&mut d, &text, "w.csv", Preset::WorldTwinCities, 2026);
    assert!(r.loaded > 24_000);
    round_trip(&d);
}

/// An origin written by its Chinese name in one row and its English name in another is one
/// origin: the same partner from both is a duplicate (the export writes both rows with the English
/// name, so two ties would not import back).
#[test]
fn an_origin_by_either_name_is_one_origin() {
    let csv = "\
shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source
Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.9555,130.9371,https://e.org/a
青岛市,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.9555,130.9371,https://e.org/b
";
    let mut d = Dataset::default();
    let r = import_csv(&mut d, csv, "mine.csv", Preset::Standard, 2026);
    let texts: Vec<&str> = r.errors.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        ["mine.csv:3: partner: duplicate of line 2: 青岛市 – Shimonoseki"]
    );
    round_trip(&d);
}
