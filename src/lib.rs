//! The map of Shandong's international friendships: sister and friendly-cooperation cities of
//! Shandong province and its 16 cities, drawn as great-circle links on a world map.
//!
//! A pure core (data, geodesy, projection, camera, scene, hit-testing, display list) that builds
//! and tests natively, and a thin `web` layer, compiled for wasm32 only, that owns the canvas
//! and the DOM events and exports one handle to JavaScript.

pub mod antimeridian;
pub mod basemap;
pub mod case;
pub mod coverage;
pub mod data;
pub mod display_list;
pub mod export;
pub mod filter;
pub mod globe;
pub mod graticule;
pub mod hit;
pub mod import;
pub mod input;
pub mod json_entry;
pub mod link_geometry;
pub mod lonlat;
pub mod map;
pub mod number;
pub mod playback;
pub mod projection;
pub mod scene;
pub mod search;
pub mod sphere;
pub mod stats;
pub mod style;
pub mod terminal;
pub mod url_state;
pub mod viewport;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use lonlat::LonLat;
