//! The dataset: partnership records, the Shandong cities, countries, and links ready to draw.

pub mod countries;
pub mod dataset;
pub mod regions;
// The record format lives in its own crate (crates/record), shared with build.rs.
pub use shandong_record::{cities, evidence, record, stage};

pub use cities::{city_index, ShandongCity, SHANDONG_CITIES};
pub use countries::{Countries, Country};
pub use dataset::{Dataset, ImportOptions, Origin, Tie};
pub use evidence::{Evidence, EVIDENCE_NAMES};
pub use record::{Date, Kind, Level, Mapping, Record, RowError};
pub use regions::{builtin_regions, Region, RegionKind};
pub use stage::{Stage, STAGE_NAMES};

/// Three ties, one of each stage (established, agreement, intent), for the tests of the
/// filters and exports.
#[cfg(test)]
pub(crate) const THREE_STAGES_CSV: &str = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source,stage
Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.96,130.94,https://a.example/1,
Jinan,济南市,Bavaria,巴伐利亚州,DE,province,friendly,2004-05,48.14,11.58,https://a.example/2,agreement
Yantai,烟台市,Miskolc,米什科尔茨市,HU,city,sister,,48.1,20.79,https://a.example/3,intent
";
