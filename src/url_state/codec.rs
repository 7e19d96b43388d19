//! Percent-encoding of URL query values.

/// Percent-decoding (UTF-8, invalid sequences replaced), with `+` as space.
pub fn decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encoding of everything but unreserved characters and `,`.
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_tolerates_broken_escapes() {
        for s in ["青岛市", "Tai'an", "a b,c", "100%", "<script>"] {
            assert_eq!(decode(&encode(s)), s);
        }
        assert_eq!(encode("a b,c"), "a%20b,c");
        assert_eq!(decode("a+b%2"), "a b%2");
        assert_eq!(decode("%ZZ%e5%b1%b1"), "%ZZ山");
        assert_eq!(decode("%ff"), "\u{fffd}");
    }
}
