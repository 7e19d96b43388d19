//! The language a map speaks: names on the map, the page's strings, the exports.

use serde::Serialize;

/// The language names are written in: Simplified Chinese (the default) or English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language of a `lang` value (`zh`, `en`, `en-GB`, …): English for anything starting
    /// with `en`, else Chinese, as the element's `lang` attribute reads.
    pub fn of(value: &str) -> Self {
        if value.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// A strict reading (`zh` or `en` only), for commands.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// `zh` or `en`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}
