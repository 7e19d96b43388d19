//! World regions for filtering: continents, UN M49 sub-regions and groupings with a defined
//! membership (SCO, RCEP), from `data/regions.csv`; continent and sub-region membership comes
//! from `data/countries.csv`, grouping membership from the region's own member list.

use super::countries::Country;
use serde::Serialize;

/// The regions table as built into the crate.
pub const REGIONS_CSV: &str = include_str!("../../data/regions.csv");

/// What kind of region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RegionKind {
    /// A continent (countries.csv `continent`).
    Continent,
    /// A UN M49 sub-region (countries.csv `m49_subregion`).
    M49,
    /// A grouping with a listed membership.
    Grouping,
}

/// One region.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Region {
    /// Stable id used in URLs (`europe`, `eastern-asia`, `sco`).
    pub id: String,
    /// Kind.
    pub kind: RegionKind,
    /// English name (for continents and sub-regions, the name used in countries.csv).
    pub name_en: String,
    /// Chinese name.
    pub name_zh: String,
    /// Members (ISO alpha-2), for groupings.
    pub members: Vec<String>,
    /// When the membership list was true (`YYYY-MM`), for groupings.
    pub as_of: String,
    /// Source URLs.
    pub sources: Vec<String>,
}

impl Region {
    /// Whether a country belongs to this region.
    pub fn contains(&self, country: &Country) -> bool {
        match self.kind {
            RegionKind::Continent => country.continent == self.name_en,
            RegionKind::M49 => country.m49_subregion == self.name_en,
            RegionKind::Grouping => self.members.contains(&country.alpha2),
        }
    }
}

/// Parses `data/regions.csv` (columns `id,kind,name_en,name_zh,members,as_of,source`).
pub fn parse_regions(text: &str) -> Result<Vec<Region>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| format!("data/regions.csv: {e}"))?;
        let line = row.position().map_or(0, |p| p.line());
        let get = |i: usize| row.get(i).unwrap_or("").trim().to_string();
        let kind = match get(1).as_str() {
            "continent" => RegionKind::Continent,
            "m49" => RegionKind::M49,
            "grouping" => RegionKind::Grouping,
            k => {
                return Err(format!(
                    "data/regions.csv:{line}: kind: `{k}` is not continent, m49 or grouping"
                ))
            }
        };
        let split =
            |s: String| -> Vec<String> { s.split_whitespace().map(str::to_string).collect() };
        let region = Region {
            id: get(0),
            kind,
            name_en: get(2),
            name_zh: get(3),
            members: split(get(4)),
            as_of: get(5),
            sources: split(get(6)),
        };
        if region.kind == RegionKind::Grouping
            && (region.members.is_empty() || region.sources.is_empty())
        {
            return Err(format!(
                "data/regions.csv:{line}: a grouping needs members and a source"
            ));
        }
        out.push(region);
    }
    Ok(out)
}

/// The built-in regions.
pub fn builtin_regions() -> Vec<Region> {
    // Checked by a test; cannot fail for the committed file.
    parse_regions(REGIONS_CSV).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Countries;

    #[test]
    fn regions_cover_the_countries() {
        let regions = parse_regions(REGIONS_CSV).expect("parses");
        let countries = Countries::builtin();
        let get = |id: &str| regions.iter().find(|r| r.id == id).expect(id);
        let jp = countries.get("JP").expect("JP");
        assert!(
            get("asia").contains(jp)
                && get("eastern-asia").contains(jp)
                && get("rcep").contains(jp)
        );
        assert!(!get("sco").contains(jp));
        let by = countries.get("BY").expect("BY");
        assert!(
            get("sco").contains(by)
                && get("europe").contains(by)
                && get("eastern-europe").contains(by)
        );
        // Every M49 sub-region and continent named in regions.csv has at least one country, and
        // every grouping member is a known code.
        for r in &regions {
            match r.kind {
                RegionKind::Grouping => assert!(
                    r.members.iter().all(|m| countries.get(m).is_some()),
                    "{}",
                    r.id
                ),
                _ => assert!(countries.all().iter().any(|c| r.contains(c)), "{}", r.id),
            }
        }
        // Every country with an M49 sub-region finds its region in the table.
        for c in countries
            .all()
            .iter()
            .filter(|c| !c.m49_subregion.is_empty())
        {
            assert!(
                regions
                    .iter()
                    .any(|r| r.kind == RegionKind::M49 && r.contains(c)),
                "{}",
                c.alpha2
            );
        }
    }
}
