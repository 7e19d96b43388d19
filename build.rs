//! Checks data/partnerships.csv with the map's own record parser (the `shandong-record` crate)
//! before compiling it in: a malformed row stops the build with
//! `data/partnerships.csv:LINE: field: reason`.

use shandong_record::{cities, record};

fn main() {
    // The record format is a build dependency (crates/record): cargo rebuilds this script when
    // it changes. The data files are what it reads.
    println!("cargo:rerun-if-changed=data/partnerships.csv");
    println!("cargo:rerun-if-changed=data/countries.csv");
    let csv_text = std::fs::read_to_string("data/partnerships.csv")
        .unwrap_or_else(|e| panic!("data/partnerships.csv: {e}"));
    let countries = std::fs::read_to_string("data/countries.csv")
        .unwrap_or_else(|e| panic!("data/countries.csv: {e}"));
    let codes: Vec<String> = countries
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next().map(str::to_string))
        .collect();
    let country_code = |c: &str| codes.iter().find(|k| *k == c).cloned();
    let is_city = |c: &str| cities::city_index(c).is_some();
    let rules = record::Rules {
        country_code: &country_code,
        is_known_origin: &is_city,
        last_year: record::current_year(),
    };
    let (_, mut errors) = record::parse_csv(&csv_text, &rules);
    if !csv_text
        .lines()
        .next()
        .unwrap_or("")
        .split(',')
        .any(|c| c.trim() == "evidence")
    {
        // Imports may lack the column; the built-in file states every row's evidence level.
        errors.insert(
            0,
            record::RowError {
                line: 1,
                field: "header".into(),
                reason: "no `evidence` column (the built-in file gives every row's level)".into(),
            },
        );
    }
    write_compact(&csv_text);
    if !errors.is_empty() {
        let list: Vec<String> = errors
            .iter()
            .map(|e| e.display_in("data/partnerships.csv"))
            .collect();
        panic!(
            "\n{} bad row(s) in data/partnerships.csv:\n{}\n",
            errors.len(),
            list.join("\n")
        );
    }
}

/// Writes the rows without the research columns (`notes`, `geonameid`) for embedding: the notes
/// are for people reading the file, and would double the wasm's data. (`evidence` stays: the
/// page shows and filters on it.) A second copy for the page's first load leaves the source
/// URLs' cells empty: the page fetches them after its first frame (`dist/sources.txt`).
fn write_compact(text: &str) {
    write_rows(text, "partnerships.compact.csv", false);
    write_rows(text, "partnerships.view.csv", true);
}

fn write_rows(text: &str, name: &str, without_sources: bool) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().cloned().unwrap_or_default();
    let keep: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| !matches!(h.trim(), "notes" | "geonameid"))
        .map(|(i, _)| i)
        .collect();
    let mut out = csv::Writer::from_writer(Vec::new());
    let source = headers.iter().position(|h| h.trim() == "source");
    let pick = |r: &csv::StringRecord, header: bool| -> Vec<String> {
        keep.iter()
            .map(|&i| match r.get(i) {
                Some(_) if without_sources && !header && Some(i) == source => String::new(),
                v => v.unwrap_or("").to_string(),
            })
            .collect()
    };
    let _ = out.write_record(pick(&headers, true));
    for r in reader.records().flatten() {
        let _ = out.write_record(pick(&r, false));
    }
    let bytes = out.into_inner().unwrap_or_default();
    let dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    std::fs::write(format!("{dir}/{name}"), bytes)
        .unwrap_or_else(|e| panic!("writing the compact dataset: {e}"));
}
