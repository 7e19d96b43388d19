//! Exports of the ties shown: CSV in the data file's columns, and GeoJSON (RFC 7946) with each
//! great circle as a LineString, or a MultiLineString when it crosses the antimeridian.

use crate::antimeridian::split;
use crate::data::Dataset;

/// The properties every exported GeoJSON feature has, and no others.
pub const GEOJSON_PROPERTIES: [&str; 11] = [
    "shandong_city",
    "shandong_city_zh",
    "partner",
    "partner_zh",
    "country",
    "level",
    "kind",
    "established",
    "signed_by",
    "source",
    "distance_km",
];

/// The shown ties as CSV, in `data/partnerships.csv`'s columns (plus `signed_by`).
pub fn to_csv(dataset: &Dataset, shown: &[bool]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<&str> = crate::data::record::REQUIRED_COLUMNS.to_vec();
    header.push("signed_by");
    let _ = w.write_record(&header);
    for (t, _) in dataset.ties.iter().zip(shown).filter(|(_, s)| **s) {
        let r = &t.record;
        let origin = &dataset.origins[t.city];
        let _ = w.write_record([
            origin.name.as_str(),
            origin.name_zh.as_str(),
            &r.partner,
            &r.partner_zh,
            &r.country,
            r.level.as_str(),
            r.kind.as_str(),
            &r.established.map(|d| d.to_string()).unwrap_or_default(),
            &r.lat.to_string(),
            &r.lon.to_string(),
            &r.sources.join(" "),
            r.signed_by.as_deref().unwrap_or(""),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A JSON string literal.
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A coordinate rounded to 5 decimals (about 1 m), without trailing zeros.
fn num(v: f64) -> String {
    let r = (v * 1e5).round() / 1e5;
    if r == 0.0 {
        "0".into()
    } else {
        format!("{r}")
    }
}

/// The shown ties as a GeoJSON FeatureCollection (RFC 7946: WGS 84 lon/lat; lines that cross
/// the antimeridian are cut there into a MultiLineString, §3.1.9).
pub fn to_geojson(dataset: &Dataset, shown: &[bool]) -> String {
    let mut out = String::from("{\"type\":\"FeatureCollection\",\"features\":[");
    let mut first = true;
    for (t, _) in dataset.ties.iter().zip(shown).filter(|(_, s)| **s) {
        let r = &t.record;
        let origin = &dataset.origins[t.city];
        let pieces: Vec<Vec<crate::LonLat>> = if t.path.len() < 2 {
            vec![vec![t.from, t.to]]
        } else {
            split(&t.path)
        };
        let line = |piece: &[crate::LonLat]| {
            let pts: Vec<String> = piece
                .iter()
                .map(|p| format!("[{},{}]", num(p.lon), num(p.lat)))
                .collect();
            format!("[{}]", pts.join(","))
        };
        let geometry = if pieces.len() == 1 {
            format!(
                "{{\"type\":\"LineString\",\"coordinates\":{}}}",
                line(&pieces[0])
            )
        } else {
            let lines: Vec<String> = pieces.iter().map(|p| line(p)).collect();
            format!(
                "{{\"type\":\"MultiLineString\",\"coordinates\":[{}]}}",
                lines.join(",")
            )
        };
        let km = crate::sphere::distance_m(t.from, t.to) / 1000.0;
        let props = [
            json_str(&origin.name),
            json_str(&origin.name_zh),
            json_str(&r.partner),
            json_str(&r.partner_zh),
            json_str(&r.country),
            json_str(r.level.as_str()),
            json_str(r.kind.as_str()),
            r.established
                .map_or("null".into(), |d| json_str(&d.to_string())),
            r.signed_by.as_deref().map_or("null".into(), json_str),
            json_str(&r.sources.join(" ")),
            format!("{}", (km * 10.0).round() / 10.0),
        ];
        let props: Vec<String> = GEOJSON_PROPERTIES
            .iter()
            .zip(props)
            .map(|(k, v)| format!("{}:{v}", json_str(k)))
            .collect();
        if !first {
            out.push(',');
        }
        first = false;
        out.push_str(&format!(
            "{{\"type\":\"Feature\",\"geometry\":{geometry},\"properties\":{{{}}}}}",
            props.join(",")
        ));
    }
    out.push_str("]}\n");
    out
}
