//! Stories: a talk as a file of steps, each a state of the map (its own URL query, so any shared
//! link is a step), a sentence in Chinese and/or English and how long it stays on screen.
//!
//! ```json
//! {"title": "…", "steps": [{"state": "asof=1979&sel=Qingdao", "caption": {"zh": "…", "en": "…"},
//!   "duration": 8}]}
//! ```
//!
//! Read as the data import reads a file: every problem is named with its step's number (as in
//! the file, from 1) and field (`step 3: state: ignored URL parameter regions="atlantis"`,
//! `step 4: caption: missing`), and the other steps still play. A step without a usable state
//! or caption is left out; a value a step can do without (an ignored URL value, a bad
//! duration, an unknown field) is named and the step plays without it, as a link opens without
//! the values it skips. Captions are text only: control and bidirectional-override characters
//! are removed.

mod json;
mod read;

pub use json::{parse as parse_json, Json, JsonError};
pub use read::{read, Vocabulary};

/// The most steps a story has.
pub const MAX_STEPS: usize = 1000;
/// The longest caption, in characters, per language.
pub const MAX_CAPTION_CHARS: usize = 500;
/// The longest title, in characters (a longer one is cut).
pub const MAX_TITLE_CHARS: usize = 200;
/// The largest story file, bytes.
pub const MAX_STORY_BYTES: usize = 4 << 20;
/// How long a step stays when the file does not say, seconds.
pub const DEFAULT_DURATION_S: f64 = 8.0;
/// The shortest and longest a step may stay, seconds.
pub const DURATION_RANGE_S: (f64, f64) = (1.0, 600.0);

/// A step's sentence in both languages (one given is enough: the other falls back to it).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Caption {
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Caption {
    /// The sentence in `lang`.
    pub fn of(&self, lang: crate::lang::Lang) -> &str {
        match lang {
            crate::lang::Lang::Zh => &self.zh,
            crate::lang::Lang::En => &self.en,
        }
    }
}

/// One step of a story.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Step {
    /// The map's state as a URL query (short keys or the element's attribute names).
    pub state: String,
    /// The sentence on screen.
    pub caption: Caption,
    /// How long the step stays in automatic play and in a video, seconds.
    pub duration: f64,
}

/// A story that can be played: at least one step.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Story {
    /// The talk's title (may be empty).
    pub title: String,
    /// The steps that play, in order.
    pub steps: Vec<Step>,
}

/// Something a story file says that the map cannot use, and where.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The step's number in the file (from 1), or `None` for the file itself.
    pub step: Option<usize>,
    /// The field (`state`, `caption`, `caption.en`, `duration`, `title`, `steps`, …).
    pub field: String,
    /// Why.
    pub reason: String,
    /// Whether the step was left out (or, for the file, the story cannot play).
    pub fatal: bool,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(n) = self.step {
            write!(f, "step {n}: ")?;
        }
        write!(f, "{}: {}", self.field, self.reason)?;
        if self.fatal && self.step.is_some() {
            f.write_str(" (step left out)")?;
        }
        Ok(())
    }
}

/// A story file read: the story (unless nothing in it can play) and every problem, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    /// The steps that play, if any.
    pub story: Option<Story>,
    /// What could not be used, by step and field.
    pub problems: Vec<Problem>,
}

/// `text` as a caption may hold it: control characters and bidirectional overrides removed
/// (line breaks and tabs become spaces), trimmed.
pub fn clean_text(text: &str) -> String {
    let bidi = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let spaced: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .filter(|&c| !c.is_control() && !bidi(c))
        .collect();
    spaced.trim().to_string()
}
