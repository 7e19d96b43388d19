//! Story files: the JSON reader agrees with serde_json on what is JSON and what it holds, and a
//! story read keeps its promises (at least one step and at most the limit, captions within
//! their length in both languages with no control or bidi characters, a step left out for
//! every fatal problem of a step).

use super::text::url_context;
use serde_json::Value;
use shandong_friendship_map::story::{parse_json, read, Json, Vocabulary};
use shandong_friendship_map::story::{MAX_CAPTION_CHARS, MAX_STEPS};

/// A value read here as serde_json holds it (objects keep the last of repeated keys).
fn as_serde(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        // Out of serde_json's range (`1e400`, which JSON allows): compared only when it reads.
        Json::Number(n) => serde_json::from_str(n).unwrap_or(Value::Null),
        Json::String(s) => Value::String(s.clone()),
        Json::Array(items) => Value::Array(items.iter().map(as_serde).collect()),
        Json::Object(members) => {
            let mut m = serde_json::Map::new();
            for (k, v) in members {
                m.insert(k.clone(), as_serde(v));
            }
            Value::Object(m)
        }
    }
}

fn depth(v: &Value) -> usize {
    match v {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(m) => 1 + m.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// The reader and serde_json agree (apart from what this reader allows on purpose: a lone
/// surrogate escape as U+FFFD, numbers beyond a double's range as JSON and `JSON.parse` do;
/// and what it refuses: nesting deeper than 16).
fn json_agrees(text: &str) {
    let ours = parse_json(text);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let theirs: Result<Value, _> = serde_json::from_str(text);
    let escapes = text.contains("\\u");
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert_eq!(&as_serde(a), b, "{text:?}"),
        (Ok(_), Err(e)) => {
            let range = e.to_string().contains("number out of range");
            assert!(
                escapes || range,
                "we read {text:?}, serde_json does not: {e}"
            );
        }
        (Err(e), Ok(b)) => assert!(depth(b) > 16, "serde_json reads {text:?}, we do not: {e}"),
        (Err(_), Err(_)) => {}
    }
}

/// The story body.
pub fn story_file(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    json_agrees(&text);
    let (regions, dataset) = url_context();
    let words = Vocabulary {
        regions,
        dataset,
        last_year: 2026,
    };
    let r = read(&text, &words);
    let Some(story) = &r.story else {
        assert!(
            r.problems.iter().any(|p| p.fatal),
            "refused without a reason"
        );
        return;
    };
    assert!((1..=MAX_STEPS).contains(&story.steps.len()));
    let bad =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    for s in &story.steps {
        for c in [&s.caption.zh, &s.caption.en] {
            assert!(
                !c.is_empty() && c.chars().count() <= MAX_CAPTION_CHARS,
                "{c:?}"
            );
            assert!(!c.chars().any(bad), "{c:?}");
        }
        assert!((1.0..=600.0).contains(&s.duration));
    }
    let mut left_out: Vec<usize> = r
        .problems
        .iter()
        .filter(|p| p.fatal)
        .filter_map(|p| p.step)
        .collect();
    left_out.dedup();
    if let Ok(Json::Object(_)) = parse_json(&text) {
        let items = parse_json(&text).ok().and_then(|j| match j.get("steps") {
            Some(Json::Array(a)) => Some(a.len()),
            _ => None,
        });
        assert_eq!(
            items,
            Some(story.steps.len() + left_out.len()),
            "{:?}",
            r.problems
        );
    }
}
