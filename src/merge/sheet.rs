//! A CSV's cells as written, by column name and line, so that a merge carries every column of
//! a row by name (the research columns `notes` and `geonameid`, and columns added later).

use crate::data::record::lines::Lines;

/// The header and the rows of a CSV, each row with the line it starts on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// Column names, trimmed (a byte-order mark taken off the first).
    pub header: Vec<String>,
    /// Each row's line (from 1, the header being line 1) and cells, as written.
    pub rows: Vec<(u64, Vec<String>)>,
}

impl Sheet {
    /// Reads `text` (rows that do not parse are left out: the import reports them).
    pub fn read(text: &str) -> Self {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let header = reader.headers().map_or_else(
            |_| Vec::new(),
            |h| {
                h.iter()
                    .map(|c| c.trim().trim_start_matches('\u{feff}').to_string())
                    .collect()
            },
        );
        let lines = Lines::new(text.as_bytes());
        let rows = reader
            .records()
            .filter_map(Result::ok)
            .map(|r| {
                let at = r.position().map_or(0, |p| p.byte());
                let line = lines.record_line(text.as_bytes(), at);
                (line, r.iter().map(str::to_string).collect())
            })
            .collect();
        Self { header, rows }
    }

    /// The cells of the row on `line` (rows are in line order).
    pub fn row(&self, line: u64) -> Option<&[String]> {
        let i = self.rows.binary_search_by_key(&line, |(l, _)| *l).ok()?;
        Some(self.rows[i].1.as_slice())
    }

    /// The cell of `column` in `cells` (a row of this sheet), as written.
    pub fn cell<'a>(&self, cells: &'a [String], column: &str) -> Option<&'a str> {
        let i = self.header.iter().position(|h| h == column)?;
        cells.get(i).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_by_name_and_line_whatever_the_line_ends() {
        let s = Sheet::read("\u{feff}a,b\r\n1,\"x\ny\"\r\n\r\n3,4\n");
        assert_eq!(s.header, ["a", "b"]);
        assert_eq!(s.rows.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [2, 5]);
        let row = s.row(5).expect("line 5");
        assert_eq!(s.cell(row, "b"), Some("4"));
        assert_eq!(s.cell(s.row(2).expect("line 2"), "b"), Some("x\ny"));
        assert_eq!(s.cell(row, "c"), None);
    }
}
