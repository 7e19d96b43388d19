//! How far a tie has come: the `stage` column. The province's published totals count, besides
//! established ties, the agreements, memoranda and letters of intent signed at its
//! friendship-cities weeks; this column tells them apart, so the map can count as the province
//! counts and still draw and count each stage apart.
//!
//! `build.rs` checks the column with this very code (the crate is its build dependency).

/// The stage of a tie, from the document its sources say was signed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// An established tie (a sister-city or friendly-cooperation agreement that sets it up, or
    /// a tie its governments count as set up). Written as an empty cell.
    #[default]
    Established,
    /// A signed agreement or memorandum on friendly exchange or cooperation that does not
    /// itself establish the tie.
    Agreement,
    /// A letter of intent (or a signed document whose type no source states).
    Intent,
}

/// Every stage with its name, the established first: the one name table (parsing, writing, the
/// filter, the URL and the lists a page offers all read it). In a CSV the established stage is
/// written as an empty cell, and its name is accepted too.
pub const STAGE_NAMES: [(Stage, &str); 3] = [
    (Stage::Established, "established"),
    (Stage::Agreement, "agreement"),
    (Stage::Intent, "intent"),
];

impl Stage {
    /// Every stage, the established first.
    pub const ALL: [Stage; 3] = [Stage::Established, Stage::Agreement, Stage::Intent];

    /// The name (`established`, `agreement`, `intent`), as the filter, the URL and the page
    /// write it.
    pub fn as_str(self) -> &'static str {
        crate::names::name_of(&STAGE_NAMES, &self)
    }

    /// The CSV cell: empty for an established tie, else the name.
    pub fn cell(self) -> &'static str {
        match self {
            Stage::Established => "",
            other => other.as_str(),
        }
    }

    /// The stage named `name` (exactly as written), if it is one.
    pub fn from_name(name: &str) -> Option<Self> {
        crate::names::value_of(&STAGE_NAMES, name)
    }

    /// The stage of a CSV cell: empty is an established tie.
    pub fn from_cell(cell: &str) -> Option<Self> {
        if cell.is_empty() {
            Some(Stage::Established)
        } else {
            Self::from_name(cell)
        }
    }

    /// Whether the tie is established (not an agreement or a letter of intent).
    pub fn is_established(self) -> bool {
        self == Stage::Established
    }

    /// Why a value is not a stage, for a row error.
    pub fn reason(value: &str) -> String {
        let names: Vec<&str> = STAGE_NAMES.iter().map(|(_, n)| *n).collect();
        format!(
            "`{value}` is not one of {} (empty: established)",
            names.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_cells_round_trip() {
        for s in Stage::ALL {
            assert_eq!(Stage::from_name(s.as_str()), Some(s));
            assert_eq!(Stage::from_cell(s.cell()), Some(s));
        }
        assert_eq!(Stage::Established.cell(), "");
        assert_eq!(Stage::from_cell(""), Some(Stage::Established));
        assert_eq!(Stage::from_cell("established"), Some(Stage::Established));
        assert_eq!(Stage::from_cell("Intent"), None);
        assert_eq!(Stage::from_name(""), None);
        assert!(!Stage::Intent.is_established() && Stage::default().is_established());
        assert_eq!(
            Stage::reason("mou"),
            "`mou` is not one of established, agreement, intent (empty: established)"
        );
    }
}
