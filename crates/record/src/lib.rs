//! The partnerships file's record format, shared by the map (`shandong-friendship-map`) and its
//! build script, which checks `data/partnerships.csv` with this very code before compiling it
//! in: a malformed row stops the build with `data/partnerships.csv:LINE: field: reason`.
//!
//! | part | module |
//! |---|---|
//! | one row: columns, fields, dates, line numbers, the formula guard | [`record`] |
//! | how strongly a row is sourced | [`evidence`] |
//! | how far a tie has come (established, agreement, letter of intent) | [`stage`] |
//! | the province and its 16 cities | [`cities`] |
//! | name tables read both ways (value ↔ spelling) | [`names`] |
//! | decimal numbers read and written exactly (without core's float code) | [`number`] |

pub mod cities;
pub mod evidence;
pub mod names;
pub mod number;
pub mod record;
pub mod stage;
