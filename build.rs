//! Checks data/partnerships.csv with the crate's own parser before compiling it in: a malformed
//! row stops the build with `data/partnerships.csv:LINE: field: reason`.

#[allow(dead_code, missing_docs)]
#[path = "src/data/record.rs"]
mod record;

#[allow(dead_code, missing_docs)]
#[path = "src/data/cities.rs"]
mod cities;

fn main() {
    println!("cargo:rerun-if-changed=data/partnerships.csv");
    println!("cargo:rerun-if-changed=data/countries.csv");
    println!("cargo:rerun-if-changed=src/data/record.rs");
    println!("cargo:rerun-if-changed=src/data/cities.rs");
    let csv_text = std::fs::read_to_string("data/partnerships.csv")
        .unwrap_or_else(|e| panic!("data/partnerships.csv: {e}"));
    let countries = std::fs::read_to_string("data/countries.csv")
        .unwrap_or_else(|e| panic!("data/countries.csv: {e}"));
    let codes: Vec<String> = countries
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next().map(str::to_string))
        .collect();
    let is_country = |c: &str| codes.iter().any(|k| k == c);
    let is_city = |c: &str| cities::city_index(c).is_some();
    let rules = record::Rules {
        is_country: &is_country,
        is_shandong_city: &is_city,
        last_year: record::current_year(),
    };
    let (_, errors) = record::parse_csv(&csv_text, &rules);
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
