//! A fuzzer's bytes read as a stream of choices, for targets that build structured input (zeros
//! once the bytes run out, so every input is a complete program).

/// The bytes and how many were read.
pub struct Choices<'a>(pub &'a [u8], pub usize);

impl Choices<'_> {
    /// The next byte.
    pub fn byte(&mut self) -> u8 {
        let b = self.0.get(self.1).copied().unwrap_or(0);
        self.1 += 1;
        b
    }
    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        usize::from(self.byte()) % n.max(1)
    }
    /// Whether every byte has been read.
    pub fn done(&self) -> bool {
        self.1 >= self.0.len()
    }
    /// A coordinate: mostly ordinary degrees, sometimes NaN, infinite, huge or at the limit.
    pub fn coord(&mut self, limit: f64) -> f64 {
        match self.byte() {
            0 => f64::NAN,
            1 => f64::INFINITY,
            2 => -1e308,
            3 => limit,
            4 => -limit,
            b => (f64::from(b) * 97.0 + f64::from(self.byte())) % (2.0 * limit) - limit,
        }
    }
    /// An argument: often ordinary (up to `typical`), sometimes NaN, infinite, zero, negative or
    /// huge.
    pub fn float(&mut self, typical: f64) -> f64 {
        match self.byte() {
            0 => f64::NAN,
            1 => f64::INFINITY,
            2 => f64::NEG_INFINITY,
            3 => 0.0,
            4 => -typical,
            5 => 1e300,
            6 => -1e-300,
            b => f64::from(b) / 255.0 * typical,
        }
    }
    /// A year, sometimes 0 or 65535.
    pub fn year(&mut self) -> u16 {
        match self.byte() {
            0 => 0,
            1 => u16::MAX,
            b => 1960 + u16::from(b % 80),
        }
    }
    /// A short text from words a search or a query might meet.
    pub fn text(&mut self) -> String {
        const WORDS: [&str; 12] = [
            "Qingdao", "青岛", "sister", "Japan", "jp", "Ber", "x", "", "%", "\u{1b}[", "Porto",
            "a",
        ];
        (0..self.below(3))
            .map(|_| WORDS[self.below(WORDS.len())])
            .collect()
    }
}
