//! The CSV-injection guard (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with
//! `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so exports prefix such cells with
//! a single quote (which spreadsheets take as "this is text" and do not show), and imports take
//! that prefix off again, so an export reads back unchanged.
//!
//! To keep the round trip lossless for text that itself starts with quotes before such a
//! character (`'=x`), the rule counts quotes: a cell of quotes followed by a trigger gets one more
//! quote on export and loses one on import. Numbers are written by the exporter as plain decimals
//! (`-8.72`), which no spreadsheet reads as a formula: those cells are left as they are.

use std::borrow::Cow;

/// Characters that make a spreadsheet read a cell as a formula when they come first.
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `cell`, after any leading single quotes, starts with a formula trigger and has at
/// least `quotes` leading quotes.
fn guarded(cell: &str, quotes: usize) -> bool {
    let rest = cell.trim_start_matches('\'');
    cell.len() - rest.len() >= quotes && rest.starts_with(FORMULA_TRIGGERS)
}

/// A text cell as exported: with one more leading `'` when it would start a formula.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if guarded(cell, 0) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as imported: without the quote [`neutralise`] added.
pub fn strip(cell: &str) -> &str {
    if guarded(cell, 1) {
        &cell[1..]
    } else {
        cell
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_are_prefixed_and_stripped() {
        for (cell, out) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1", "'+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("'=x", "''=x"),
            ("plain", "plain"),
            ("'quoted", "'quoted"),
            ("", ""),
            ("'", "'"),
            ("a=b", "a=b"),
        ] {
            assert_eq!(neutralise(cell), out, "{cell:?}");
            assert_eq!(strip(out), cell, "{out:?}");
        }
    }
}
