//! A story file read and checked: the file's JSON, then each step's state (against the data
//! and regions, as a link is read), caption and duration, every problem named.

use super::json::{parse as parse_json, Json};
use super::{clean_text, Caption, Problem, Read, Step, Story};
use super::{DEFAULT_DURATION_S, DURATION_RANGE_S, MAX_CAPTION_CHARS, MAX_STEPS};
use super::{MAX_STORY_BYTES, MAX_TITLE_CHARS};
use crate::data::{Dataset, Region};
use crate::url_state::{from_query, unknown_keys};

/// What a step's state is checked against: the data's cities, the regions, the last year.
pub struct Vocabulary<'a> {
    /// The regions.
    pub regions: &'a [Region],
    /// The data (its Shandong sides).
    pub dataset: &'a Dataset,
    /// The last year a state may name.
    pub last_year: u16,
}

/// Collects the problems of one step (or of the file, `step` `None`).
struct Problems<'a> {
    out: &'a mut Vec<Problem>,
    step: Option<usize>,
}

impl Problems<'_> {
    fn add(&mut self, field: &str, reason: impl Into<String>, fatal: bool) {
        self.out.push(Problem {
            step: self.step,
            field: field.to_string(),
            reason: reason.into(),
            fatal,
        });
    }
}

/// The query of a state: a query string, or a whole link (its part after `?`, without `#…`).
fn query_of(state: &str) -> &str {
    let q = state.split_once('?').map_or(state, |(_, q)| q);
    q.split_once('#').map_or(q, |(q, _)| q).trim()
}

fn state(v: Option<&Json>, words: &Vocabulary<'_>, p: &mut Problems<'_>) -> Option<String> {
    let text = match v {
        Some(Json::String(s)) => s,
        None | Some(Json::Null) => {
            p.add("state", "missing", true);
            return None;
        }
        Some(other) => {
            p.add(
                "state",
                format!("takes text (a URL query), not {}", other.kind()),
                true,
            );
            return None;
        }
    };
    let q = query_of(text);
    if q.len() > 8192 {
        p.add("state", format!("{} bytes, at most 8192", q.len()), true);
        return None;
    }
    for k in unknown_keys(q) {
        let k = crate::terminal::printable(&k)
            .chars()
            .take(60)
            .collect::<String>();
        p.add(
            "state",
            format!("`{k}` is not part of the map's state (ignored)"),
            false,
        );
    }
    let (_, warnings) = from_query(q, words.regions, words.dataset, words.last_year);
    for w in warnings {
        // As `Warning` displays it, quoted by hand: the wasm carries no `Debug` formatting.
        let value = crate::terminal::printable(&w.value).replace('"', "\\\"");
        p.add(
            "state",
            format!("ignored URL parameter {}=\"{value}\"", w.key),
            false,
        );
    }
    Some(q.to_string())
}

/// One language's sentence: text of at most [`MAX_CAPTION_CHARS`] characters.
fn sentence(v: &Json, field: &str, p: &mut Problems<'_>) -> Result<String, ()> {
    match v {
        Json::Null => Ok(String::new()),
        Json::String(s) => {
            let s = clean_text(s);
            let n = s.chars().count();
            if n > MAX_CAPTION_CHARS {
                p.add(
                    field,
                    format!("{n} characters, at most {MAX_CAPTION_CHARS}"),
                    true,
                );
                return Err(());
            }
            Ok(s)
        }
        other => {
            p.add(field, format!("takes text, not {}", other.kind()), true);
            Err(())
        }
    }
}

fn caption(v: Option<&Json>, p: &mut Problems<'_>) -> Option<Caption> {
    let (zh, en) = match v {
        None | Some(Json::Null) => {
            p.add("caption", "missing", true);
            return None;
        }
        Some(s @ Json::String(_)) => {
            let one = sentence(s, "caption", p).ok()?;
            (one.clone(), one)
        }
        Some(Json::Object(members)) => {
            for (k, _) in members.iter().filter(|(k, _)| k != "zh" && k != "en") {
                let k = crate::terminal::printable(k)
                    .chars()
                    .take(40)
                    .collect::<String>();
                p.add("caption", format!("unknown language `{k}` (zh, en)"), false);
            }
            let get = |k: &str| members.iter().find(|(m, _)| m == k).map(|(_, v)| v);
            let zh = get("zh").map_or(Ok(String::new()), |v| sentence(v, "caption.zh", p));
            let en = get("en").map_or(Ok(String::new()), |v| sentence(v, "caption.en", p));
            (zh.ok()?, en.ok()?)
        }
        Some(other) => {
            let why = format!(
                "takes {{\"zh\": …, \"en\": …}} or text, not {}",
                other.kind()
            );
            p.add("caption", why, true);
            return None;
        }
    };
    if zh.is_empty() && en.is_empty() {
        p.add("caption", "empty", true);
        return None;
    }
    let fall = |a: String, b: &str| if a.is_empty() { b.to_string() } else { a };
    Some(Caption {
        zh: fall(zh.clone(), &en),
        en: fall(en, &zh),
    })
}

fn duration(v: Option<&Json>, p: &mut Problems<'_>) -> f64 {
    let (lo, hi) = DURATION_RANGE_S;
    let seconds = match v {
        None | Some(Json::Null) => return DEFAULT_DURATION_S,
        Some(Json::Number(n)) => crate::number::parse(n),
        Some(_) => None,
    };
    match seconds {
        Some(s) if (lo..=hi).contains(&s) => s,
        _ => {
            let got = match v {
                Some(Json::Number(n)) => format!("`{}`", n.chars().take(24).collect::<String>()),
                other => other.map_or("nothing", Json::kind).to_string(),
            };
            // Numbers written by the crate's own writer (the wasm carries no float formatting).
            let n = |v: f64| crate::number::short(v, 0);
            let (lo, hi, d) = (n(lo), n(hi), n(DEFAULT_DURATION_S));
            let why = format!("takes seconds from {lo} to {hi}, not {got} ({d} used)");
            p.add("duration", why, false);
            DEFAULT_DURATION_S
        }
    }
}

fn step(v: &Json, words: &Vocabulary<'_>, p: &mut Problems<'_>) -> Option<Step> {
    let Json::Object(members) = v else {
        p.add("step", format!("takes an object, not {}", v.kind()), true);
        return None;
    };
    for (k, _) in members {
        if !matches!(k.as_str(), "state" | "caption" | "duration") {
            let k = crate::terminal::printable(k)
                .chars()
                .take(40)
                .collect::<String>();
            p.add(&k, "unknown field (state, caption, duration)", false);
        }
    }
    let state = state(v.get("state"), words, p);
    let caption = caption(v.get("caption"), p);
    let duration = duration(v.get("duration"), p);
    Some(Step {
        state: state?,
        caption: caption?,
        duration,
    })
}

fn title(v: Option<&Json>, p: &mut Problems<'_>) -> String {
    match v {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => {
            let s = clean_text(s);
            if s.chars().count() > MAX_TITLE_CHARS {
                p.add(
                    "title",
                    format!("cut to {MAX_TITLE_CHARS} characters"),
                    false,
                );
            }
            s.chars().take(MAX_TITLE_CHARS).collect()
        }
        Some(other) => {
            p.add(
                "title",
                format!("takes text, not {} (left out)", other.kind()),
                false,
            );
            String::new()
        }
    }
}

/// Reads a story file's text: the steps that play and every problem, by step and field. The
/// story is `None` when the file cannot be read (not JSON, not an object, no `steps` list,
/// more than [`MAX_STEPS`] steps, larger than [`MAX_STORY_BYTES`]) or none of its steps plays.
pub fn read(text: &str, words: &Vocabulary<'_>) -> Read {
    let mut problems = Vec::new();
    let mut file = Problems {
        out: &mut problems,
        step: None,
    };
    let fail = |p: Vec<Problem>| Read {
        story: None,
        problems: p,
    };
    if text.len() > MAX_STORY_BYTES {
        let why = format!("{} bytes, at most {MAX_STORY_BYTES}", text.len());
        file.add("file", why, true);
        return fail(problems);
    }
    let root = match parse_json(text) {
        Ok(root @ Json::Object(_)) => root,
        Ok(other) => {
            let why = format!(
                "expected an object {{\"title\", \"steps\"}}, found {}",
                other.kind()
            );
            file.add("file", why, true);
            return fail(problems);
        }
        Err(e) => {
            file.add("file", format!("not valid JSON ({e})"), true);
            return fail(problems);
        }
    };
    if let Json::Object(members) = &root {
        for (k, _) in members.iter().filter(|(k, _)| k != "title" && k != "steps") {
            let k = crate::terminal::printable(k)
                .chars()
                .take(40)
                .collect::<String>();
            file.add(&k, "unknown field (title, steps)", false);
        }
    }
    let title = title(root.get("title"), &mut file);
    let items = match root.get("steps") {
        Some(Json::Array(items)) if items.is_empty() => {
            file.add("steps", "none: a story has at least one step", true);
            return fail(problems);
        }
        Some(Json::Array(items)) if items.len() > MAX_STEPS => {
            let why = format!("{} steps, at most {MAX_STEPS}", items.len());
            file.add("steps", why, true);
            return fail(problems);
        }
        Some(Json::Array(items)) => items,
        other => {
            let found = other.map_or("nothing", Json::kind);
            file.add("steps", format!("takes a list of steps, not {found}"), true);
            return fail(problems);
        }
    };
    let mut steps = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let mut p = Problems {
            out: &mut problems,
            step: Some(i + 1),
        };
        steps.extend(step(item, words, &mut p));
    }
    if steps.is_empty() {
        let mut file = Problems {
            out: &mut problems,
            step: None,
        };
        file.add("steps", "no step can be played", true);
        return fail(problems);
    }
    Read {
        story: Some(Story { title, steps }),
        problems,
    }
}
