//! The dataset: partnership records, the Shandong cities, countries, and links ready to draw.

pub mod cities;
pub mod countries;
pub mod dataset;
pub mod evidence;
pub mod record;
pub mod regions;

pub use cities::{city_index, ShandongCity, SHANDONG_CITIES};
pub use countries::{Countries, Country};
pub use dataset::{Dataset, ImportOptions, Origin, Tie};
pub use evidence::{Evidence, EVIDENCE_NAMES};
pub use record::{Date, Kind, Level, Mapping, Record, RowError};
pub use regions::{builtin_regions, Region, RegionKind};
