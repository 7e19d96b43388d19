//! Times label placement natively: `cargo run --release --example label_bench [N...]`.
//! Prints, per candidate count, the median of 51 runs of `label::place` over the synthetic
//! world-like scene (1280×720, every candidate's marker an obstacle).

use shandong_friendship_map::label::{place, synthetic, Obstacles, Options, WidthTable};
use std::time::Instant;

fn main() {
    let counts: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let counts = if counts.is_empty() {
        vec![100, 1000, 3000, 10000]
    } else {
        counts
    };
    let size = [1280.0, 720.0];
    for n in counts {
        let cands = synthetic::scene(n, size);
        let mut times = Vec::new();
        let mut placed = 0;
        for _ in 0..51 {
            let start = Instant::now();
            let p = place(
                &cands,
                &Obstacles::default(),
                size,
                &WidthTable,
                &Options::default(),
            );
            times.push(start.elapsed().as_secs_f64() * 1e3);
            placed = p.len();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{n:>6} candidates: {placed:>4} placed, median {:.3} ms (min {:.3}, max {:.3})",
            times[times.len() / 2],
            times[0],
            times[times.len() - 1]
        );
    }
}
