//! The section of `docs/DATA.md` on how a foreign-affairs office completes its city's rows:
//! export, `check`, `merge`, `merge --write`, send or publish; with a worked example whose report
//! is computed here by the same code the command runs.

use crate::data::Dataset;
use crate::import::{import_csv, Preset};
use crate::merge::{change_note, compare, report_lines};

/// The worked example's office file (three of Jinan's rows as an office might write them).
const EXAMPLE_FILE: &str = "docs/examples/jinan-office.csv";

/// Its text.
const EXAMPLE_CSV: &str = include_str!("../../docs/examples/jinan-office.csv");

/// The section's Markdown; `builtin` is the built-in dataset the example is set against.
pub fn office_guide(builtin: &Dataset) -> String {
    let mut md = String::from(STEPS);
    md += &example(builtin);
    md
}

const STEPS: &str = "## How an office completes its city

A city's foreign-affairs office holds the list this file can only approximate. Five steps put it
on the map, with the command-line tool (`cargo run --release -- …` in a clone, or the built
`friendship-map`):

1. **Export the list to CSV.** One row per tie, saved from the spreadsheet as \"CSV UTF-8\",
   with a header naming the columns of `data/partnerships.csv` (`shandong_city`,
   `shandong_city_zh`, `partner`, `partner_zh`, `country`, `level`, `kind`, `established`,
   `lat`, `lon`, `source`; any order; a country as its ISO code or its name). The `source` may be
   the office's own page or document. A JSON array of the same objects works too.
2. **Check it:** `friendship-map check list.csv` prints every problem as
   `list.csv:LINE: field: reason` (exit status 1 while any remain), and nothing else when the
   list is clean.
3. **Compare it:** `friendship-map merge list.csv` sets each row against the built-in data. Two
   rows are the same pair when they start at the same Shandong side and name the same partner:
   the same English name (case, spaces and punctuation aside), else the same Chinese name, else a
   partner in the same country within 15 km. It prints the list's **NEW** pairs, the
   **MATCHING** ones, the **CONFLICTING** ones (each field that disagrees with both values: the
   date, kind, level, country, signing district, or positions more than 15 km apart; a date one
   side gives more fully is not a conflict) and the **MISSING** ones (built-in rows of the list's
   cities that the list lacks: ties to confirm, or that lapsed), then the counts. Rows that do
   not start in Shandong are listed apart and not merged.
4. **Merge it:** `friendship-map merge list.csv --write partnerships.csv` writes the built-in
   file with the list merged in, in its columns: each office row replaces the built-in row of
   its pair and is marked `evidence` `official`; the sources of both are kept; what it changed is
   noted first in `notes` (`office: …; earlier sources: …`); a date the office gives less fully,
   or positions within 15 km (with their GeoNames id), stay as they were; new pairs follow their
   city's rows; rows the list lacks are kept unchanged. The command checks the file before
   writing it, and `friendship-map check partnerships.csv --layout builtin` passes.
5. **Send or publish it:** send the merged file to the map's maintainers (it replaces
   `data/partnerships.csv`, and this page counts it), or publish it beside the page and point the
   map at it (`<friendship-map src=\"/data/partnerships.csv\">`).

";

/// The worked example: the file, the command and the report it prints.
fn example(builtin: &Dataset) -> String {
    let mut office = Dataset::default();
    let loaded = import_csv(
        &mut office,
        EXAMPLE_CSV,
        EXAMPLE_FILE,
        Preset::Standard,
        u16::MAX,
    );
    let report = compare(builtin, &office);
    let lines = report_lines(
        &report,
        builtin,
        &office,
        EXAMPLE_FILE,
        "data/partnerships.csv",
    );
    let mut md = format!(
        "### A worked example\n\n`{EXAMPLE_FILE}` holds {} of Jinan's rows as its office might write \
         them. They are the data's own rows, with Kharkiv written `Kharkov` and two dates that the \
         sources of the data's notes give: 2006-07-31, when the Jinan yearbook of 2006 says the \
         Kharkiv tie was approved, and May 1985, when the Sacramento agreement was formalised in \
         Jinan.\n\n```csv\n{EXAMPLE_CSV}```\n\n`friendship-map merge {EXAMPLE_FILE}` prints \
         (stderr adds `{EXAMPLE_FILE}: {} rows loaded, 0 errors`):\n\n```text\n{}\n```\n\n",
        loaded.loaded,
        loaded.loaded,
        lines.join("\n")
    );
    let notes: Vec<String> = (report.conflicting())
        .filter_map(|p| {
            Some((
                office.ties[p.office].record.partner.clone(),
                change_note(p)?,
            ))
        })
        .map(|(partner, note)| format!("- {partner}: `{note}`"))
        .collect();
    md += "With `--write`, the merged rows' `notes` begin with what the office changed:\n\n";
    md += &notes.join("\n");
    md + "\n"
}
