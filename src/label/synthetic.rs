//! A synthetic label scene for benchmarks and tests: markers clustered as partner cities are on
//! a world view (Europe, Japan and Korea, North America), names in Chinese and English.

use super::candidate::Candidate;
use crate::style::Font;
use std::rc::Rc;

const NAMES: [&str; 12] = [
    "下关市",
    "Shimonoseki",
    "大阪府",
    "Nuremberg",
    "釜山广域市",
    "Łódź",
    "圣保罗",
    "Melbourne",
    "胡志明市",
    "Ho Chi Minh City",
    "汉堡",
    "Vladivostok",
];

/// `n` candidates in a `size_px` viewport (CSS px), from a fixed-seed generator: 70 % in four
/// clusters, the rest spread evenly; radius 2.5 px, 12 px text, priorities 0–9.
pub fn scene(n: usize, size_px: [f64; 2]) -> Vec<Candidate> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        // xorshift64*: enough for a reproducible spread.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    };
    let [w, h] = size_px;
    let clusters = [[0.2, 0.3], [0.45, 0.35], [0.75, 0.3], [0.5, 0.7]];
    (0..n)
        .map(|i| {
            let at = if next() < 0.7 {
                let c = clusters[(next() * 4.0) as usize % 4];
                // Sum of two uniforms: a peaked spread of ±8 % of the view.
                let dx = (next() + next() - 1.0) * 0.08;
                let dy = (next() + next() - 1.0) * 0.08;
                [(c[0] + dx) * w, (c[1] + dy) * h]
            } else {
                [next() * w, next() * h]
            };
            Candidate {
                at,
                radius_px: 2.5,
                text: Rc::from(NAMES[i % NAMES.len()]),
                font: Font {
                    size_px: 12.0,
                    weight: 400,
                },
                priority: (next() * 10.0).floor(),
                key: i as u64,
            }
        })
        .collect()
}
