//! The keys of the map's state in a URL, with one name table: the short names written into URLs
//! and the element attributes' names, both read.

/// The keys of the state in a URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlKey {
    /// `years=2000-2020`: a range.
    Years,
    /// `as-of=2013`: cumulative.
    AsOf,
    /// `unknown=0|1`: ties without a known year, under a year filter.
    Unknown,
    /// `regions=europe,sco`.
    Regions,
    /// `cities=Qingdao,Jinan`.
    Cities,
    /// `kinds=sister|friendly`.
    Kinds,
    /// `levels=city|province`.
    Levels,
    /// `evidence=official,partner-side`: the evidence levels shown.
    Evidence,
    /// `stages=established,agreement`: the stages shown (established, agreement, intent).
    Stages,
    /// `projection=globe`.
    Projection,
    /// `selected=Qingdao`.
    Selected,
    /// `view=zoom,lon,lat`.
    View,
}

impl UrlKey {
    /// Every key: the name written into URLs (short), then the element attribute's name, which
    /// the iframe page's query accepts too (one vocabulary for editors).
    pub const NAMES: [(UrlKey, &'static str, &'static str); 12] = [
        (UrlKey::Years, "years", "years"),
        (UrlKey::AsOf, "asof", "as-of"),
        (UrlKey::Unknown, "unknown", "unknown"),
        (UrlKey::Regions, "regions", "regions"),
        (UrlKey::Cities, "cities", "cities"),
        (UrlKey::Kinds, "kinds", "kinds"),
        (UrlKey::Levels, "levels", "levels"),
        (UrlKey::Evidence, "evidence", "evidence"),
        (UrlKey::Stages, "stages", "stages"),
        (UrlKey::Projection, "proj", "projection"),
        (UrlKey::Selected, "sel", "selected"),
        (UrlKey::View, "view", "view"),
    ];

    /// The key for a name (short or long).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(_, short, long)| *short == name || *long == name)
            .map(|(k, _, _)| *k)
    }

    /// The name written into URLs.
    pub fn short(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(k, _, _)| *k == self)
            .map_or("", |(_, s, _)| s)
    }

    /// The element attribute's name (the iframe page's query key too).
    pub fn long(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(k, _, _)| *k == self)
            .map_or("", |(_, _, l)| l)
    }

    /// Every accepted name, short and long.
    pub fn all_names() -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Self::NAMES
            .iter()
            .flat_map(|(_, short, long)| [*short, *long])
            .collect();
        // Short and long names are equal for some keys, side by side.
        names.dedup();
        names
    }
}
