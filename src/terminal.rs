//! Text made safe to print on a terminal: control characters (C0, DEL, C1: ANSI escape
//! sequences start with one) and the bidirectional-override characters that reorder what a
//! terminal shows are written as `\u{..}` escapes, so a file's content cannot recolour, move the
//! cursor or hide text in the command line's messages.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control or bidi-override character escaped as `\u{..}` (and `\` itself
/// written as `\\` when escapes are present, so the result is unambiguous).
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_act_on() {
        assert_eq!(printable("青岛 – Köln"), "青岛 – Köln");
        assert_eq!(printable("a\\b"), "a\\b");
        assert_eq!(
            printable("\u{1b}[31mred\u{1b}[0m"),
            "\\u{1b}[31mred\\u{1b}[0m"
        );
        assert_eq!(
            printable("x\ty\r\n\u{7f}\u{9b}"),
            "x\\u{9}y\\u{d}\\u{a}\\u{7f}\\u{9b}"
        );
        assert_eq!(printable("a\\\u{202e}b"), "a\\\\\\u{202e}b");
    }
}
