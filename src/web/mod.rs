//! The web layer (wasm32 only): the handle JavaScript holds, its frame loop, DOM input and the
//! canvas backend. Everything it draws and decides comes from the pure core; every sentence the
//! user reads comes from the page (JavaScript), fed with data.
//!
//! | part | file |
//! |---|---|
//! | the exported handle: construction, the event, the snapshot, reads | [`handle`] |
//! | the one door in: commands | [`dispatch`], [`command_js`], [`fields`] |
//! | publishing: attribute names, exports, SVG and PNG with the overlay, the film | [`publish`], [`film`], [`publication_js`] |
//! | test and benchmark hooks (a class of their own) | [`diagnostics`] |
//! | frame scheduling, change reports | [`frame_loop`] |
//! | commands applied and their effects told to the page | [`effects`] |
//! | pointer, wheel and key events | [`dom_input`] |
//! | state shared with the listeners | [`host`] |
//! | the canvas backend | [`canvas`] |
//! | the backdrop: the basemap and links kept as an image for pans and zooms | [`backdrop`] |
//! | label widths from the canvas | [`text_metrics`] |
//! | a user's data file | [`import`] |
//! | an office's GeoJSON/TopoJSON basemap | [`basemap_json`] |

pub mod backdrop;
pub mod basemap_json;
pub mod canvas;
pub mod command_js;
pub mod diagnostics;
pub mod dispatch;
pub mod dom_input;
pub mod effects;
pub mod fields;
pub mod film;
pub mod frame_loop;
pub mod handle;
pub mod host;
pub mod import;
pub mod js;
pub mod publication_js;
pub mod publish;
pub mod text_metrics;

pub use handle::FriendshipMap;
