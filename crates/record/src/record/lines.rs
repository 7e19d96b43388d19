//! Line numbers of byte offsets in a text, counting `\n`, `\r\n` and a lone `\r` each as one
//! line end, as the CSV reader does (its own line count lags after `\r\n` and ignores a lone `\r`).

/// The byte offsets where a text's lines start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// Finds the line starts of `text`.
    pub fn new(text: &[u8]) -> Self {
        let mut starts = vec![0];
        let mut i = 0;
        while i < text.len() {
            match text[i] {
                b'\r' if text.get(i + 1) == Some(&b'\n') => {
                    i += 1;
                    starts.push(i + 1);
                }
                b'\r' | b'\n' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Self { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: u64) -> u64 {
        self.starts.partition_point(|&s| s as u64 <= offset) as u64
    }

    /// The line where a CSV record starts, given the reader's position for it: that position is
    /// just past the previous record's first line-end byte, so it may point at the `\n` of a
    /// `\r\n` or at blank lines the reader skipped. Those are passed over here.
    pub fn record_line(&self, text: &[u8], offset: u64) -> u64 {
        let start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(text.len());
        let skipped = text[start..]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        self.line_of((start + skipped) as u64)
    }
}

/// How many line ends a text has (`\n`, `\r\n` or a lone `\r`), without building the table:
/// an upper bound on a CSV's records, cheap enough to check before parsing.
pub fn count_line_ends(text: &[u8]) -> usize {
    let mut n = 0;
    for (i, &b) in text.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && text.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_end_counts_once() {
        for text in ["a\nb\nc\n", "a\r\nb\r\nc\r\n", "a\rb\rc\r", "a\nb\r\nc"] {
            let lines = Lines::new(text.as_bytes());
            let c = text.find('c').expect("c") as u64;
            assert_eq!(lines.line_of(0), 1, "{text:?}");
            assert_eq!(lines.line_of(c), 3, "{text:?}");
            assert_eq!(
                count_line_ends(text.as_bytes()),
                2 + usize::from(!text.ends_with('c'))
            );
        }
    }
}
