//! Exports of the ties shown: CSV in the data file's columns, and GeoJSON (RFC 7946) with each
//! great circle as a LineString, or a MultiLineString when it crosses the antimeridian.
//! Coordinates are written in the CSV so that they read back to the same double (8 decimals,
//! or more where needed), and to 5 decimals (about 1 m) in the GeoJSON; distances to 0.1 km.

use crate::antimeridian::split;
use crate::data::record::formula::neutralise;
use crate::data::{Dataset, Tie, SHANDONG_CITIES};

/// The properties every exported GeoJSON feature has, and no others.
pub const GEOJSON_PROPERTIES: [&str; 12] = [
    "shandong_city",
    "shandong_city_zh",
    "partner",
    "partner_zh",
    "country",
    "level",
    "kind",
    "established",
    "signed_by",
    "stage",
    "source",
    "distance_km",
];

/// The shown ties as CSV, in `data/partnerships.csv`'s columns, then `signed_by`, then
/// `evidence` when a shown tie has a level (empty for those without), `stage` when a shown tie
/// is an agreement or a letter of intent (empty for established ties, as the data file writes
/// them); then
/// `origin_lat` and `origin_lon` when a shown tie starts at an imported origin (not a Shandong
/// seat; empty for the others), and `notes` when a shown tie has notes. Such a file imports back
/// (standard layout) to the same ties.
///
/// Text cells that a spreadsheet would run as a formula get a leading `'`
/// ([`crate::data::record::formula`]; the importer takes it off). Coordinates are plain decimals,
/// never prefixed even when negative, written with 8 decimals or as many more as reading them
/// back to the same double takes.
pub fn to_csv(dataset: &Dataset, shown: &[bool]) -> String {
    let ties: Vec<&Tie> = dataset
        .ties
        .iter()
        .zip(shown)
        .filter(|(_, s)| **s)
        .map(|(t, _)| t)
        .collect();
    let imported = |t: &Tie| t.city >= SHANDONG_CITIES.len();
    let with_origin = ties.iter().any(|t| imported(t));
    let with_notes = ties.iter().any(|t| !t.record.notes.is_empty());
    let with_evidence = ties.iter().any(|t| t.record.evidence.is_some());
    let with_stage = ties.iter().any(|t| !t.record.stage.is_established());
    let mut header: Vec<&str> = crate::data::record::REQUIRED_COLUMNS.to_vec();
    header.push("signed_by");
    if with_evidence {
        header.push("evidence");
    }
    if with_stage {
        header.push("stage");
    }
    if with_origin {
        header.extend(crate::data::record::ORIGIN_COLUMNS);
    }
    if with_notes {
        header.push("notes");
    }
    let mut out = String::new();
    csv_line(&mut out, &header);
    let coord = |x: f64| crate::number::exact(x, 8);
    for t in ties {
        let r = &t.record;
        let origin = &dataset.origins[t.city];
        let mut cells: Vec<String> = [
            origin.name.as_str(),
            origin.name_zh.as_str(),
            &r.partner,
            &r.partner_zh,
            &r.country,
            r.level.as_str(),
            r.kind.as_str(),
        ]
        .iter()
        .map(|c| neutralise(c).into_owned())
        .collect();
        cells.push(r.established.map(|d| d.to_string()).unwrap_or_default());
        cells.push(coord(r.lat));
        cells.push(coord(r.lon));
        cells.push(neutralise(&r.sources.join(" ")).into_owned());
        cells.push(neutralise(r.signed_by.as_deref().unwrap_or("")).into_owned());
        if with_evidence {
            cells.push(r.evidence.map_or("", |e| e.as_str()).to_string());
        }
        if with_stage {
            cells.push(r.stage.cell().to_string());
        }
        if with_origin {
            let (lat, lon) = if imported(t) {
                (coord(origin.lat), coord(origin.lon))
            } else {
                Default::default()
            };
            cells.extend([lat, lon]);
        }
        if with_notes {
            cells.push(neutralise(&r.notes).into_owned());
        }
        let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        csv_line(&mut out, &cells);
    }
    out
}

/// Appends one CSV record (RFC 4180): fields with a comma, a quote or a line break are quoted,
/// quotes doubled; lines end with `\n`. (Written here rather than with `csv::Writer`, whose
/// numeric-field check links core's float parser into the wasm.)
pub(crate) fn csv_line(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push('\n');
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
    crate::number::short(v, 5)
}

/// The shown ties as a GeoJSON FeatureCollection (RFC 7946: WGS 84 lon/lat; lines that cross
/// the antimeridian are cut there into a MultiLineString, §3.1.9).
pub fn to_geojson(dataset: &Dataset, shown: &[bool]) -> String {
    let mut out = String::from("{\"type\":\"FeatureCollection\",\"features\":[");
    let mut first = true;
    for (t, _) in dataset.ties.iter().zip(shown).filter(|(_, s)| **s) {
        let r = &t.record;
        let origin = &dataset.origins[t.city];
        let path = t.exact_path();
        let pieces: Vec<Vec<crate::LonLat>> = if path.len() < 2 {
            vec![vec![t.from, t.to]]
        } else {
            split(&path)
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
            json_str(r.stage.as_str()),
            json_str(&r.sources.join(" ")),
            crate::number::short(km, 1),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Awkward fields survive a round trip through the `csv` crate's reader.
    #[test]
    fn csv_lines_read_back_field_for_field() {
        let fields = [
            "plain",
            "a, b",
            "say \"hi\"",
            "two\nlines",
            "cr\rhere",
            "",
            "青岛市",
        ];
        let mut text = String::new();
        csv_line(&mut text, &fields);
        csv_line(&mut text, &fields);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), 2);
        for row in rows {
            assert_eq!(row.iter().collect::<Vec<_>>(), fields);
        }
    }

    /// Agreements and letters of intent are exported apart: a `stage` column in the CSV (only
    /// when one is shown; empty for a tie), a `stage` property in every GeoJSON feature; the
    /// CSV reads back to the same stages.
    #[test]
    fn stages_are_exported_and_read_back() {
        let (d, errors) = Dataset::from_csv(crate::data::THREE_STAGES_CSV, 2030);
        assert!(errors.is_empty(), "{errors:?}");
        let text = to_csv(&d, &[true; 3]);
        assert!(text.starts_with(&format!(
            "{},signed_by,stage\n",
            crate::data::record::REQUIRED_COLUMNS.join(",")
        )));
        let (again, errors) = Dataset::from_csv(&text, 2030);
        assert!(errors.is_empty(), "{errors:?}");
        let stages = |d: &Dataset| d.ties.iter().map(|t| t.record.stage).collect::<Vec<_>>();
        assert_eq!(stages(&again), stages(&d));
        assert!(
            !to_csv(&d, &[true, false, false]).contains("stage"),
            "ties only"
        );
        let geo = to_geojson(&d, &[true; 3]);
        for stage in ["established", "agreement", "intent"] {
            assert!(geo.contains(&format!("\"stage\":\"{stage}\"")), "{stage}");
        }
    }

    /// The built-in data exported as CSV reads back as the same ties: names, years, and
    /// coordinates equal to the ones read from the data file.
    #[test]
    fn builtin_csv_reads_back() {
        let d = Dataset::builtin();
        let shown = vec![true; d.ties.len()];
        let text = to_csv(&d, &shown);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), d.ties.len());
        for (row, t) in rows.iter().zip(&d.ties) {
            assert_eq!(&row[2], t.record.partner);
            assert_eq!(
                row[8].parse::<f64>().ok(),
                Some(t.record.lat),
                "{}",
                &row[8]
            );
            assert_eq!(
                row[9].parse::<f64>().ok(),
                Some(t.record.lon),
                "{}",
                &row[9]
            );
        }
    }
}
