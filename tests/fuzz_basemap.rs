//! Fuzzing the basemap on stable Rust (the driver: `fuzz_common`; the targets:
//! `fuzz_targets/basemap.rs`): the binary decoder on small files and on the real 1:110m one,
//! mutated, and basemaps built from polygons and topologies through every projection and style.
#![cfg(not(target_arch = "wasm32"))]

mod fuzz_common;
mod fuzz_targets;

use fuzz_common::fuzz;
use fuzz_targets::basemap::{basemap_binary, basemap_shapes, encode_basemap};
use shandong_friendship_map::basemap::BASEMAP_110M;

#[test]
fn basemap_binary_decoder() {
    let square = vec![(0, 0), (1000, 0), (1000, 1000), (0, 1000), (0, 0)];
    let corpus = vec![
        encode_basemap(
            [0.01, 0.01, 100.0, 20.0],
            std::slice::from_ref(&square),
            &[0],
        ),
        encode_basemap(
            [0.36, 0.18, -180.0, -90.0],
            &[square.clone(), vec![(0, 0), (999, 999)]],
            &[0, -2],
        ),
        encode_basemap(
            [1.0, 1.0, 0.0, 0.0],
            &[vec![(i64::MAX / 2, 0), (i64::MIN / 2, 5)]],
            &[0],
        ),
        // A piece of the real file (the whole of it is 27 KB): its header and first arcs.
        BASEMAP_110M[..600].to_vec(),
    ];
    fuzz("basemap_binary", &corpus, 60_000, basemap_binary);
    // The whole real file, mutated (fewer runs: each decodes 27 KB).
    fuzz(
        "basemap_binary_110m",
        &[BASEMAP_110M.to_vec()],
        400,
        basemap_binary,
    );
}

#[test]
fn basemap_shapes_through_every_projection() {
    let corpus: Vec<Vec<u8>> = (0u8..8)
        .map(|i| {
            (0u8..64)
                .map(|j| i.wrapping_mul(31).wrapping_add(j.wrapping_mul(7)))
                .collect()
        })
        .collect();
    fuzz("basemap_shapes", &corpus, 3_000, basemap_shapes);
}
