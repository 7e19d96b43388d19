//! Name tables: a small vocabulary's values paired with their spellings (the `level`, `kind`,
//! `evidence` and `stage` columns), read both ways by these two functions.

/// The spelling of `value` in `table` (empty if the table lacks it).
pub fn name_of<T: PartialEq>(table: &[(T, &'static str)], value: &T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| v == value)
        .map_or("", |(_, name)| name)
}

/// The value spelled exactly `name` in `table`, if there is one.
pub fn value_of<T: Copy>(table: &[(T, &str)], name: &str) -> Option<T> {
    table.iter().find(|(_, n)| *n == name).map(|(v, _)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways_and_not_found() {
        let t = [(1, "one"), (2, "two")];
        assert_eq!(name_of(&t, &2), "two");
        assert_eq!(name_of(&t, &3), "");
        assert_eq!(value_of(&t, "one"), Some(1));
        assert_eq!(value_of(&t, "One"), None);
    }
}
