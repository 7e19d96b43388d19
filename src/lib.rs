//! The map of Shandong's international friendships: sister and friendly-cooperation cities of
//! Shandong province and its 16 cities, drawn as great-circle links on a world map.
//!
//! A pure core that builds and tests natively, and a thin `web` layer, compiled for wasm32
//! only, that owns the canvas and DOM input and exports one handle to JavaScript (`src/web/`:
//! its module page lists its parts). The core's modules, from the bottom up:
//!
//! | behaviour | module |
//! |---|---|
//! | positions, wrapping; numbers and case folding without std's tables | [`lonlat`], [`number`], [`case`] |
//! | great circles, cut at the antimeridian | [`sphere`], [`antimeridian`] |
//! | projections, the globe, the camera's transform | [`projection`], [`globe`], [`viewport`] |
//! | the dataset: rows, Shandong's cities, countries, regions | [`data`] |
//! | a user's own file (limits and encodings; JSON entries); exports; published totals and coverage | [`import`], [`input`], [`json_entry`], [`export`], [`totals`], [`coverage`] |
//! | an office's list set against the built-in data, and the merged file | [`merge`] |
//! | the basemap file; meridians and parallels | [`basemap`], [`graticule`] |
//! | partners placed in their countries (the import's check) | [`country_shapes`], [`validate`] |
//! | what the core refuses | [`error`] |
//! | colours and line styles; the display list; world layers; the links by kind and stage, projected once | [`style`], [`display_list`], [`scene`], [`link_layers`], [`link_geometry`] |
//! | names without overlap; the Shandong close-up | [`label`], [`closeup`] |
//! | a path as SVG path data (the canvas builds its paths from it) | [`path_data`] |
//! | pictures that leave the page: what is published, the overlay, SVG, the playback filmed | [`publication`], [`overlay`], [`svg`], [`film`], [`poster`] |
//! | filters, statistics, search, the timeline | [`filter`], [`stats`], [`search`], [`playback`] |
//! | stories: a talk's steps read and checked; its film is in [`film`], its handout in [`handout`] | [`story`], [`handout`] |
//! | a share link's filter narrowed by the command line's flags | [`narrow`] |
//! | the one door in: what a page asks of a map; the language it speaks | [`command`], [`lang`] |
//! | what is under the pointer; input events as commands | [`hit`], [`gesture`] |
//! | when the map is drawn sharp again after a gesture | [`rest`] |
//! | the state in a URL | [`url_state`] |
//! | the whole map: commands in, frames and records out | [`map`] |
//! | text from files made safe to print on a terminal (the command line) | [`terminal`] |
//! | the web layer (wasm32 only): the handle, its frame loop, DOM input, the canvas | `web` |

pub mod antimeridian;
pub mod basemap;
pub mod case;
pub mod closeup;
pub mod command;
pub mod country_shapes;
pub mod coverage;
pub mod data;
pub mod display_list;
pub mod error;
pub mod export;
pub mod film;
pub mod filter;
pub mod gesture;
pub mod globe;
pub mod graticule;
pub mod handout;
pub mod hit;
pub mod import;
pub mod input;
pub mod json_entry;
pub mod label;
pub mod lang;
pub mod link_geometry;
pub mod link_layers;
pub mod lonlat;
pub mod map;
pub mod merge;
pub mod narrow;
pub use shandong_record::number;
pub mod overlay;
pub mod path_data;
pub mod playback;
pub mod poster;
pub mod projection;
pub mod publication;
pub mod rest;
pub mod scene;
pub mod search;
pub mod sphere;
pub mod stats;
pub mod story;
pub mod style;
pub mod svg;
pub mod terminal;
pub mod totals;
pub mod url_state;
pub mod validate;
pub mod viewport;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use error::Error;
pub use lonlat::LonLat;
