//! Lower-casing for search and duplicate keys, without the standard library's Unicode case
//! tables (about 15 KB of the gzipped wasm).
//!
//! Covers the scripts that partner names are written in here: ASCII, Latin-1, Latin
//! Extended-A, basic Greek capitals and Cyrillic. Other characters, Chinese among them (which
//! has no case), are left as they are. Within those ranges the result is `char::to_lowercase`'s
//! (checked by this module's tests), except `İ` (U+0130), which folds to a plain `i`.

/// `s` with its letters in lower case (see the module notes for the ranges covered).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// One character in lower case (see the module notes).
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A => u + 0x20,                                        // A–Z
        0xC0..=0xDE if u != 0xD7 => u + 0x20,                           // À–Þ, not ×
        0x130 => 0x69,                                                  // İ → i
        0x100..=0x137 | 0x14A..=0x177 if u.is_multiple_of(2) => u + 1,  // Ā ā … Ķ ķ, Ŋ ŋ … Ŷ ŷ
        0x139..=0x148 | 0x179..=0x17E if !u.is_multiple_of(2) => u + 1, // Ĺ ĺ … Ň ň, Ź ź … Ž ž
        0x178 => 0xFF,                                                  // Ÿ → ÿ
        0x391..=0x3A1 | 0x3A3..=0x3A9 => u + 0x20,                      // Α–Ω
        0x400..=0x40F => u + 0x50,                                      // Ѐ–Џ
        0x410..=0x42F => u + 0x20,                                      // А–Я
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ranges the module claims, compared with the standard library's full tables.
    #[test]
    fn agrees_with_std_in_the_covered_ranges() {
        let covered = (0x20..0x180).chain(0x391..0x3AA).chain(0x400..0x460);
        for u in covered {
            let Some(c) = char::from_u32(u) else { continue };
            if c == 'İ' {
                continue;
            }
            let std: String = c.to_lowercase().collect();
            assert_eq!(fold_char(c).to_string(), std, "U+{u:04X} {c}");
        }
        assert_eq!(fold_char('İ'), 'i');
    }

    #[test]
    fn names_fold_like_std() {
        for name in [
            "Saint-Étienne",
            "ŁÓDŹ",
            "ÖREBRO",
            "ΑΘΗΝΑ",
            "ВЛАДИВОСТОК",
            "Shimonoseki",
            "青岛市 Qingdao",
        ] {
            assert_eq!(fold(name), name.to_lowercase(), "{name}");
        }
    }

    #[test]
    fn leaves_other_characters() {
        for c in ['青', '岛', 'ß', '→', 'ǅ', 'Ա', '1', ' '] {
            assert_eq!(fold_char(c), c, "{c}");
        }
    }
}
