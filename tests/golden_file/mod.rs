//! Golden files: a recording compared with `tests/golden/NAME.txt`, written anew only on purpose
//! (`UPDATE_GOLDEN=1 cargo test`), never in CI.

/// Compares `got` with the golden file `name` (or writes it under `UPDATE_GOLDEN`); a
/// difference fails with the first line that differs.
pub fn check(name: &str, got: &str) {
    let path = format!("{}/tests/golden/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, got).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("golden file (UPDATE_GOLDEN=1 makes it)");
    if want != got {
        let first = want
            .lines()
            .zip(got.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(got.lines().count()));
        panic!(
            "{name}: differs from tests/golden/{name}.txt at line {}:\n want: {:?}\n  got: {:?}",
            first + 1,
            want.lines().nth(first),
            got.lines().nth(first)
        );
    }
}
