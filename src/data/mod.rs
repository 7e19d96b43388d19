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
