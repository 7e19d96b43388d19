//! A small fuzzing driver that runs on stable Rust inside `cargo test`: seeded random and
//! mutational inputs, every panic caught and reported with the input and the seed that
//! reproduces it (also saved under `target/fuzz-findings/`).
//!
//! The bounded run in `cargo test` uses fixed seeds and fixed counts. `scripts/fuzz.sh` runs the
//! same targets longer: `FUZZ_SCALE` multiplies every count, `FUZZ_SEED` changes the seeds. The
//! targets themselves live in `fuzz_targets`, shared with the `cargo fuzz` targets in `fuzz/`.
#![allow(dead_code)]

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// A xorshift64* generator: fast, seedable, good enough to pick mutations.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value; 0 is remapped).
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// A number in `0..n` (0 for n = 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    /// True with probability 1/n.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
    /// One of the items.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// A float that is often awkward: NaN, infinities, zeros, huge, tiny, or ordinary.
    pub fn float(&mut self) -> f64 {
        match self.below(12) {
            0 => f64::NAN,
            1 => f64::INFINITY,
            2 => f64::NEG_INFINITY,
            3 => 0.0,
            4 => -0.0,
            5 => f64::MAX,
            6 => f64::MIN_POSITIVE / 3.0,
            7 => f64::from_bits(self.next()),
            _ => (self.next() % 4_000_001) as f64 / 1000.0 - 2000.0,
        }
    }
}

/// How many times the bounded counts are run (`FUZZ_SCALE`, default 1).
pub fn scale() -> u64 {
    std::env::var("FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

/// The seed of a target: fixed (from its name) unless `FUZZ_SEED` is set.
pub fn seed(name: &str) -> u64 {
    let base: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    name.bytes().fold(base, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Tokens that parsers of this crate treat specially, spliced in by [`mutate`].
pub const TOKENS: [&str; 28] = [
    ",",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "-",
    "+",
    "e",
    "E",
    ".",
    "0",
    "9",
    "99999999999999999999",
    "1e400",
    "-0",
    "'=",
    "=",
    "@",
    "\t",
    "[",
    "{",
    "}",
    "]",
    "null",
    "\u{1b}[31m",
    "青岛",
];

/// A mutation of `input`: bit flips, random bytes, tokens spliced in, ranges deleted or
/// repeated, truncation, or a splice with another corpus entry.
pub fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, rng.next() as u8),
            2 | 3 => {
                let t = rng.pick(&TOKENS).as_bytes();
                out.splice(at..at, t.iter().copied());
            }
            4 if !out.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            5 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + 1 + rng.below(32)).min(out.len());
                let piece = out[start..end].to_vec();
                out.splice(at..at, piece);
            }
            6 => out.truncate(at),
            _ => {
                let other = rng.pick(corpus);
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    out.truncate(at);
                    out.extend_from_slice(&other[from..]);
                }
            }
        }
    }
    out
}

/// Runs `target` on `count × FUZZ_SCALE` inputs: mostly mutations of corpus entries, some
/// corpus entries as they are, some random bytes. Every panic is caught; the test fails at the
/// end with each failing input (escaped) and the seed. Returns the number of inputs run.
pub fn fuzz(name: &str, corpus: &[Vec<u8>], count: u64, mut target: impl FnMut(&[u8])) -> u64 {
    write_corpus(name, corpus);
    let seed = seed(name);
    let mut rng = Rng::new(seed);
    let total = count * scale();
    let start = Instant::now();
    let mut findings: Vec<String> = Vec::new();
    let mut queue: Vec<Vec<u8>> = corpus.to_vec();
    for i in 0..total {
        let input = match rng.below(10) {
            0 => rng.pick(corpus).clone(),
            1 => (0..rng.below(64)).map(|_| rng.next() as u8).collect(),
            _ => {
                let base = rng.pick(&queue).clone();
                mutate(&mut rng, &base, corpus)
            }
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| target(&input)));
        if let Err(e) = outcome {
            let msg = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            save(name, &input);
            findings.push(format!(
                "input {i}: {msg}\n    {:?}",
                String::from_utf8_lossy(&input)
            ));
            if findings.len() >= 5 {
                break;
            }
        } else if rng.one_in(50) && queue.len() < 256 {
            // Keep some inputs to mutate further (a crude stand-in for coverage feedback).
            queue.push(input);
        }
    }
    report(name, seed, total, start, &findings);
    total
}

/// Prints the run's summary and fails with the findings.
pub fn report(name: &str, seed: u64, total: u64, start: Instant, findings: &[String]) {
    eprintln!(
        "fuzz {name}: {total} inputs in {:.1} s (seed {seed}), {} finding(s)",
        start.elapsed().as_secs_f64(),
        findings.len()
    );
    assert!(
        findings.is_empty(),
        "fuzz {name} (seed {seed}, FUZZ_SEED to reproduce):\n{}",
        findings.join("\n")
    );
}

/// With `FUZZ_WRITE_CORPUS=DIR`, writes the seed inputs to `DIR/NAME/` (for `cargo fuzz`, which
/// `scripts/fuzz.sh --cargo-fuzz` starts from them).
fn write_corpus(name: &str, corpus: &[Vec<u8>]) {
    let Some(dir) = std::env::var_os("FUZZ_WRITE_CORPUS") else {
        return;
    };
    let dir = std::path::Path::new(&dir).join(name);
    let _ = std::fs::create_dir_all(&dir);
    for (i, input) in corpus.iter().enumerate() {
        let _ = std::fs::write(dir.join(format!("seed-{i:03}")), input);
    }
}

/// Saves a failing input under `target/fuzz-findings/`.
fn save(name: &str, input: &[u8]) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/fuzz-findings");
    let _ = std::fs::create_dir_all(dir);
    let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let _ = std::fs::write(format!("{dir}/{name}-{hash:016x}.bin"), input);
}
