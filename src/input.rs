//! What an import accepts before anything is parsed: its size, its encoding and its format.
//!
//! # Limits
//! An import takes at most [`MAX_IMPORT_BYTES`] (16 MiB) and [`MAX_IMPORT_ROWS`] (50,000 rows,
//! about twice the world's 25,917 twin-town pairs). A tie costs about 2–3 KB of memory in the
//! core (measured natively: 1.9 KB for the world file's short links, 3.2 KB for Shandong's long
//! ones), more in a browser, so the limits keep a full import near 150 MB in the core. A file
//! past them is refused with a message before it is parsed, and nothing is loaded.
//!
//! # Encoding
//! Text must be UTF-8, with or without a byte-order mark. Anything else is refused with the line
//! and column of the first byte that is not UTF-8 (there is no fallback: guessing Latin-1 or GBK
//! would load wrong names without a word). UTF-16 (Excel's "Unicode text") is recognised by its
//! byte-order mark and named as such.
//!
//! # Format
//! A file whose first character (after the BOM and white space) is `[` is a JSON array of
//! objects; `{` is a JSON object, which is refused ("expected an array of objects"); anything
//! else is CSV.

use crate::data::record::lines::count_line_ends;

/// The largest file an import takes, in bytes (16 MiB).
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// The most rows an import takes: CSV records after the header, or JSON entries. For a CSV the
/// line ends are counted before parsing (a cell spanning lines counts once per line).
pub const MAX_IMPORT_ROWS: usize = 50_000;

/// Excel's name for the format to save in, for messages.
const SAVE_AS_UTF8: &str = "save it as UTF-8 (in Excel: \"CSV UTF-8\")";

/// Why a whole file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The line at fault, from 1; 0 for the file as a whole.
    pub line: u64,
    /// What is wrong, for a person.
    pub reason: String,
}

impl Refusal {
    fn whole(reason: String) -> Self {
        Self { line: 0, reason }
    }
}

/// An import's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values with a header line.
    Csv,
    /// A JSON array of objects.
    Json,
}

/// Refuses a file of `bytes` bytes past [`MAX_IMPORT_BYTES`].
pub fn check_size(bytes: usize) -> Result<(), Refusal> {
    if bytes <= MAX_IMPORT_BYTES {
        return Ok(());
    }
    Err(Refusal::whole(format!(
        "the file is {} MiB ({bytes} bytes); an import takes at most {} MiB: split it",
        crate::number::fixed(bytes as f64 / 1_048_576.0, 1),
        MAX_IMPORT_BYTES / 1_048_576
    )))
}

/// Refuses `rows` past [`MAX_IMPORT_ROWS`] (`what` names them: "lines", "entries").
pub fn check_rows(rows: usize, what: &str) -> Result<(), Refusal> {
    if rows <= MAX_IMPORT_ROWS {
        return Ok(());
    }
    Err(Refusal::whole(format!(
        "the file has {rows} {what}; an import takes at most {MAX_IMPORT_ROWS} rows: split it"
    )))
}

/// Refuses a CSV text with more lines than a header and [`MAX_IMPORT_ROWS`] rows, counting line
/// ends only (no parsing).
pub fn check_csv_rows(text: &str) -> Result<(), Refusal> {
    let lines = count_line_ends(text.as_bytes()) + usize::from(!text.ends_with(['\n', '\r']));
    check_rows(lines.saturating_sub(1), "lines after the header")
}

/// The text of a file: UTF-8 without its byte-order mark, or why not.
pub fn decode(bytes: &[u8]) -> Result<&str, Refusal> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Refusal::whole(format!(
            "the file is UTF-16 text; {SAVE_AS_UTF8}"
        )));
    }
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    std::str::from_utf8(body).map_err(|e| {
        let good = &body[..e.valid_up_to()];
        let line_start = good
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |i| i + 1);
        // The prefix is valid UTF-8: count its characters for the column.
        let column = std::str::from_utf8(&good[line_start..]).map_or(0, |s| s.chars().count()) + 1;
        Refusal {
            line: count_line_ends(good) as u64 + 1,
            reason: format!(
                "not UTF-8 (byte 0x{:02X} at column {column}); {SAVE_AS_UTF8}",
                body[e.valid_up_to()]
            ),
        }
    })
}

/// The format of a decoded text (see the module notes).
pub fn format_of(text: &str) -> Result<Format, Refusal> {
    match text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next()
    {
        Some('[') => Ok(Format::Json),
        Some('{') => Err(Refusal {
            line: 1,
            reason: "expected an array of objects (`[{...}, ...]`), found a JSON object".into(),
        }),
        _ => Ok(Format::Csv),
    }
}

/// Everything checked before parsing: the size, the encoding and the format.
pub fn read(bytes: &[u8]) -> Result<(&str, Format), Refusal> {
    check_size(bytes.len())?;
    let text = decode(bytes)?;
    let format = format_of(text)?;
    if format == Format::Csv {
        check_csv_rows(text)?;
    }
    Ok((text, format))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_bom() {
        assert_eq!(decode("a,b\n青岛".as_bytes()), Ok("a,b\n青岛"));
        assert_eq!(decode("\u{feff}a,b".as_bytes()), Ok("a,b"));
    }

    #[test]
    fn latin1_is_refused_at_its_line_and_column() {
        for end in ["\n", "\r\n", "\r"] {
            let bytes = [b"h,i".as_slice(), end.as_bytes(), b"K\xf6ln,\xe9"].concat();
            let e = decode(&bytes).expect_err("Latin-1");
            assert_eq!(e.line, 2, "{end:?}");
            assert!(
                e.reason.starts_with("not UTF-8 (byte 0xF6 at column 2)"),
                "{e:?}"
            );
        }
        let cut = &"青岛".as_bytes()[..4];
        assert!(decode(cut).is_err(), "a cut multi-byte character");
        let e = decode(b"\xff\xfea\x00").expect_err("UTF-16");
        assert!(e.reason.contains("UTF-16"));
    }

    #[test]
    fn formats() {
        assert_eq!(format_of(" [ {} ]"), Ok(Format::Json));
        assert_eq!(format_of("a,b\n"), Ok(Format::Csv));
        let e = format_of("\n {\"a\": 1}").expect_err("object");
        assert!(e.reason.starts_with("expected an array of objects"));
    }

    #[test]
    fn limits_are_checked_before_parsing() {
        assert!(check_size(MAX_IMPORT_BYTES).is_ok());
        let e = check_size(50 * 1024 * 1024).expect_err("50 MiB");
        assert!(e.reason.starts_with("the file is 50.0 MiB"), "{e:?}");
        let rows = |n: usize| "h\n".to_string() + &"x\n".repeat(n);
        assert!(check_csv_rows(&rows(MAX_IMPORT_ROWS)).is_ok());
        assert!(check_csv_rows(&rows(MAX_IMPORT_ROWS + 1)).is_err());
        assert!(check_csv_rows(&rows(MAX_IMPORT_ROWS).replace('\n', "\r\n")).is_ok());
    }
}
