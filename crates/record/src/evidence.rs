//! How strongly a row is sourced: the `evidence` column, one level per row.
//!
//! `build.rs` checks the column with this very code (the crate is its build dependency).

/// The strongest kind of page a row cites for its pair (a row citing several takes the
/// strongest one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Evidence {
    /// A page of the Shandong side's own government: the province, the city, its foreign-affairs
    /// office, or another Chinese government body (a consulate, the city's English site).
    Official,
    /// A page of the partner's own government or of a body acting for it: the council, the
    /// prefecture or city, its sister-city committee, or the directories its governments keep
    /// (CLAIR in Japan, NEAR in North-East Asia).
    PartnerSide,
    /// A dated report in an identifiable news outlet (a newspaper, agency or broadcaster, in
    /// either language), or a press release of a city's information office.
    News,
    /// Only a re-post on an aggregator or mirror site, a Wikipedia list or one of its mirrors,
    /// or a blog: the original was not reached.
    Secondary,
}

/// Every level with its CSV spelling, strongest first: the one name table (parsing, writing
/// and the lists a page offers all read it).
pub const EVIDENCE_NAMES: [(Evidence, &str); 4] = [
    (Evidence::Official, "official"),
    (Evidence::PartnerSide, "partner-side"),
    (Evidence::News, "news"),
    (Evidence::Secondary, "secondary"),
];

impl Evidence {
    /// Every level, strongest first.
    pub const ALL: [Evidence; 4] = [
        Evidence::Official,
        Evidence::PartnerSide,
        Evidence::News,
        Evidence::Secondary,
    ];

    /// The CSV spelling (`official`, `partner-side`, `news`, `secondary`).
    pub fn as_str(self) -> &'static str {
        crate::names::name_of(&EVIDENCE_NAMES, &self)
    }

    /// The level written `name` (exactly as in the CSV), if it is one.
    pub fn from_name(name: &str) -> Option<Self> {
        crate::names::value_of(&EVIDENCE_NAMES, name)
    }

    /// Why a value is not a level, for a row error.
    pub fn reason(value: &str) -> String {
        let names: Vec<&str> = EVIDENCE_NAMES.iter().map(|(_, n)| *n).collect();
        if value.is_empty() {
            format!("is empty: one of {}", names.join(", "))
        } else {
            format!("`{value}` is not one of {}", names.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_order_strongest_first() {
        for e in Evidence::ALL {
            assert_eq!(Evidence::from_name(e.as_str()), Some(e));
        }
        assert_eq!(
            Evidence::from_name("partner-side"),
            Some(Evidence::PartnerSide)
        );
        assert_eq!(Evidence::from_name("Official"), None);
        assert_eq!(Evidence::from_name(""), None);
        assert!(Evidence::Official < Evidence::Secondary);
        assert_eq!(
            Evidence::reason("blog"),
            "`blog` is not one of official, partner-side, news, secondary"
        );
    }
}
