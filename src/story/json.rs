//! A small strict JSON reader (RFC 8259) for story files: the page hands the file's text to the
//! core, which reads it here without serde (whose deserializer would bring core's float code
//! into the wasm) and without the browser, so every story check is tested natively. Numbers
//! are kept as their text and read by [`crate::number::parse`]; nesting is bounded.

/// How deep arrays and objects may nest (a story needs four levels).
const MAX_DEPTH: usize = 16;

/// A JSON value. Object members keep their order (and repeated keys, which the story reports).
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written in the file.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members, in order.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// What the value is, for messages: `null`, `true`, `a number`, `a string`, `a list`,
    /// `an object`.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(true) => "true",
            Json::Bool(false) => "false",
            Json::Number(_) => "a number",
            Json::String(_) => "text",
            Json::Array(_) => "a list",
            Json::Object(_) => "an object",
        }
    }

    /// The member `key` of an object (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Where the text stops being JSON: line and column (from 1, in characters), and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, in characters.
    pub column: usize,
    /// What was expected.
    pub reason: &'static str,
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.reason
        )
    }
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

/// Reads a whole JSON text (a byte-order mark and surrounding white space allowed).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = Reader { text, at: 0 };
    let v = r.value(0)?;
    r.space();
    if r.at < text.len() {
        return Err(r.error("nothing after the value"));
    }
    Ok(v)
}

impl Reader<'_> {
    fn error(&self, reason: &'static str) -> JsonError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError {
            line,
            column,
            reason,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        let found = self.text[self.at..].starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.space();
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("true") => Ok(Json::Bool(true)),
            _ if self.eat("false") => Ok(Json::Bool(false)),
            _ if self.eat("null") => Ok(Json::Null),
            None => Err(self.error("the text ends where a value is expected")),
            _ => Err(self.error("expected a value")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat("]") {
            return Ok(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.space();
            if self.eat("]") {
                return Ok(Json::Array(items));
            }
            if !self.eat(",") {
                return Err(self.error("expected `,` or `]`"));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut members = Vec::new();
        self.space();
        if self.eat("}") {
            return Ok(Json::Object(members));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in quotes"));
            }
            let key = self.string()?;
            self.space();
            if !self.eat(":") {
                return Err(self.error("expected `:`"));
            }
            members.push((key, self.value(depth + 1)?));
            self.space();
            if self.eat("}") {
                return Ok(Json::Object(members));
            }
            if !self.eat(",") {
                return Err(self.error("expected `,` or `}`"));
            }
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at > from
        };
        self.eat("-");
        let leading_zero = self.peek() == Some(b'0');
        let int_start = self.at;
        let mut ok = digits(self) && !(leading_zero && self.at - int_start > 1);
        if ok && self.eat(".") {
            ok = digits(self);
        }
        if ok && matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            ok = digits(self);
        }
        if !ok {
            // Said where the number starts.
            self.at = start;
            return Err(self.error("a malformed number"));
        }
        Ok(Json::Number(self.text[start..self.at].to_string()))
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let hex = self.text.get(self.at..self.at + 4).unwrap_or("");
        let v = u32::from_str_radix(hex, 16).ok().filter(|_| hex.len() == 4);
        let v = v.filter(|_| hex.bytes().all(|b| b.is_ascii_hexdigit()));
        let v = v.ok_or_else(|| self.error("expected four hex digits after \\u"))?;
        self.at += 4;
        Ok(v)
    }

    /// A `\u` escape (after `\u`), with a surrogate pair's second half; a lone surrogate
    /// becomes U+FFFD (as the browser's text does), never an error.
    fn unicode(&mut self) -> Result<char, JsonError> {
        let hi = self.hex4()?;
        if (0xd800..0xdc00).contains(&hi) && self.text[self.at..].starts_with("\\u") {
            let save = self.at;
            self.at += 2;
            let lo = self.hex4()?;
            if (0xdc00..0xe000).contains(&lo) {
                let c = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            self.at = save;
        }
        Ok(char::from_u32(hi).unwrap_or('\u{fffd}'))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            let Some(c) = rest.chars().next() else {
                return Err(self.error("a string is not closed"));
            };
            self.at += c.len_utf8();
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let e = self
                        .peek()
                        .ok_or_else(|| self.error("a string is not closed"))?;
                    self.at += 1;
                    out.push(match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode()?,
                        _ => {
                            self.at -= 2;
                            return Err(self.error("an unknown escape"));
                        }
                    });
                }
                c if (c as u32) < 0x20 => {
                    self.at -= c.len_utf8();
                    return Err(self.error("a control character inside a string"));
                }
                c => out.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(
            " {\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\\"\\u00e9\\ud83d\\ude00\"}\n",
        )
        .expect("json");
        assert_eq!(
            v.get("a"),
            Some(&Json::Array(vec![
                Json::Number("1".into()),
                Json::Number("-2.5e3".into()),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
            ]))
        );
        assert_eq!(v.get("b"), Some(&Json::String("x\"é😀".into())));
        assert_eq!(parse("\u{feff}[]"), Ok(Json::Array(vec![])));
        assert_eq!(parse("\"\\ud800\""), Ok(Json::String("\u{fffd}".into())));
    }

    #[test]
    fn says_where_the_text_stops_being_json() {
        let e = |t: &str| parse(t).expect_err(t).to_string();
        assert_eq!(
            e("{\n  \"a\": 1,\n  }"),
            "line 3, column 3: expected a key in quotes"
        );
        assert_eq!(e("[1 2]"), "line 1, column 4: expected `,` or `]`");
        assert_eq!(e("[1, 01]"), "line 1, column 5: a malformed number");
        assert_eq!(
            e("\"a\nb\""),
            "line 1, column 3: a control character inside a string"
        );
        assert_eq!(e("{} x"), "line 1, column 4: nothing after the value");
        assert_eq!(e("\"\\x\""), "line 1, column 2: an unknown escape");
        assert_eq!(
            e(""),
            "line 1, column 1: the text ends where a value is expected"
        );
        assert_eq!(e(&"[".repeat(40)), "line 1, column 18: nested too deeply");
        assert!(parse("\"\\u12\"").is_err());
        assert!(parse("-").is_err() && parse("1.").is_err() && parse("1e").is_err());
    }
}
