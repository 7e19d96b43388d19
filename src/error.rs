//! The core's one error type: what a caller can be refused, with a message that names the place
//! (file, line, field) or the value.

use crate::basemap::DecodeError;
use crate::data::RowError;
use std::fmt;

/// Everything the core refuses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// A row of a data file: shown as `file:line: field: reason`.
    Row {
        /// The file's name.
        file: String,
        /// What is wrong where.
        error: RowError,
    },
    /// A basemap that cannot be read.
    Basemap(String),
    /// A value handed in (a filter, a search target, an option) that does not fit.
    Value {
        /// What the value is (`filter`, `target`, ...).
        what: &'static str,
        /// Why it does not fit.
        reason: String,
    },
    /// An index into data that is not shown (a search result or filter of other data).
    NotInData {
        /// What the index counts (`city`, `tie`).
        what: &'static str,
        /// The index.
        index: usize,
    },
}

impl Error {
    /// A value that does not fit.
    pub fn value(what: &'static str, reason: impl Into<String>) -> Self {
        Self::Value {
            what,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Row { file, error } => f.write_str(&error.display_in(file)),
            Error::Basemap(reason) => write!(f, "basemap: {reason}"),
            Error::Value { what, reason } => write!(f, "{what}: {reason}"),
            Error::NotInData { what, index } => {
                write!(f, "no {what} {index} in the data shown")
            }
        }
    }
}

impl std::error::Error for Error {}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Basemap(e.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_place() {
        let row = Error::Row {
            file: "x.csv".into(),
            error: RowError {
                line: 3,
                field: "country".into(),
                reason: "`XX` is not a code".into(),
            },
        };
        assert_eq!(row.to_string(), "x.csv:3: country: `XX` is not a code");
        assert_eq!(
            Error::value("target", "`type` is not text").to_string(),
            "target: `type` is not text"
        );
        let stale = Error::NotInData {
            what: "city",
            index: 17,
        };
        assert_eq!(stale.to_string(), "no city 17 in the data shown");
        assert_eq!(
            Error::from(DecodeError("truncated".into())).to_string(),
            "basemap: truncated"
        );
    }
}
