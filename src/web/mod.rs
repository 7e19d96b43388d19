//! The web layer (wasm32 only): the handle JavaScript holds, its frame loop, DOM input and the
//! canvas backend. Everything it draws and decides comes from the pure core; every sentence the
//! user reads comes from the page (JavaScript), fed with data.
//!
//! | part | file |
//! |---|---|
//! | the exported handle: construction, callbacks | [`handle`] |
//! | its camera and basemap methods | [`api_view`] |
//! | its data methods: selection, filter, search, import, timeline | [`api_data`] |
//! | its outputs: URL, records, snapshot, exports | [`api_output`] |
//! | publishing: attribute names, SVG and PNG with the overlay, the film | [`api_publish`], [`film`] |
//! | test and benchmark hooks | [`diagnostics`] |
//! | frame scheduling, change reports | [`frame_loop`] |
//! | pointer, wheel and key events | [`dom_input`] |
//! | state shared with the listeners | [`host`] |
//! | the canvas backend | [`canvas`] |
//! | the basemap and links kept as a picture for pans and zooms | [`picture`] |
//! | label widths from the canvas | [`text_metrics`] |
//! | a user's data file | [`import`] |
//! | filters and search targets from JS | [`from_js`] |
//! | an office's GeoJSON/TopoJSON basemap | [`basemap_json`] |

pub mod api_data;
pub mod api_output;
pub mod api_publish;
pub mod api_view;
pub mod basemap_json;
pub mod canvas;
pub mod diagnostics;
pub mod dom_input;
pub mod film;
pub mod frame_loop;
pub mod from_js;
pub mod handle;
pub mod host;
pub mod import;
pub mod js;
pub mod picture;
pub mod text_metrics;

pub use handle::FriendshipMap;
