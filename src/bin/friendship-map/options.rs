//! Which options each command (and each export format) takes: an option given where it does
//! not apply is an error that names it and where it applies, never silently ignored.

/// Every option: its name, whether a value follows it, and where it applies (`export`: every
/// format; `svg`: `export --format svg`; `check`, `merge`: those commands).
const OPTIONS: [(&str, bool, &[&str]); 19] = [
    ("--format", true, &["export"]),
    ("--import", true, &["export"]),
    ("--layout", true, &["export", "check", "merge"]),
    ("--cities", true, &["export"]),
    ("--from", true, &["export"]),
    ("--to", true, &["export"]),
    ("--as-of", true, &["export"]),
    ("--regions", true, &["export"]),
    ("--kinds", true, &["export"]),
    ("--levels", true, &["export"]),
    ("--unknown-year", false, &["export"]),
    ("--width", true, &["svg"]),
    ("--height", true, &["svg"]),
    ("--dpi", true, &["svg"]),
    ("--lang", true, &["svg"]),
    ("--basemap", true, &["svg"]),
    ("--review-number", true, &["svg"]),
    ("--query", true, &["svg"]),
    ("--write", true, &["merge"]),
];

/// The value given to `option` in `args`, if any.
pub fn value_of<'a>(args: &'a [String], option: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == option)?;
    args.get(at + 1).map(String::as_str)
}

/// Checks that every option in `args` applies to `command` (and, for `export`, to `format`).
/// Arguments that are not options (files, values) are left to the command.
pub fn check_applies(command: &str, format: Option<&str>, args: &[String]) -> Result<(), String> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if !a.starts_with("--") {
            continue;
        }
        if a == "--no-unknown-year" {
            return Err(
                "--no-unknown-year is no longer taken: under a year filter, ties without \
                 a year are left out by default, and --unknown-year shows them"
                    .into(),
            );
        }
        let Some((_, takes_value, scope)) = OPTIONS.iter().find(|(name, ..)| name == a) else {
            return Err(format!("unknown option `{a}`"));
        };
        let svg = command == "export" && format == Some("svg") && scope.contains(&"svg");
        if !(scope.contains(&command) || svg) {
            return Err(match (*scope, command) {
                (["svg"], "export") => format!("{a} applies to --format svg only"),
                (["svg"], _) => format!("{a} applies to export --format svg only"),
                _ => format!("{a} applies to {} only", names(scope)),
            });
        }
        if *takes_value {
            it.next();
        }
    }
    Ok(())
}

/// `export`, `export and check`, `export, check and merge`.
fn names(scope: &[&str]) -> String {
    match scope {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_option_that_does_not_apply_is_named_with_where_it_applies() {
        let csv = |v: &[&str]| check_applies("export", Some("csv"), &args(v));
        assert_eq!(
            csv(&["--format", "csv", "--width", "800"]),
            Err("--width applies to --format svg only".into())
        );
        assert_eq!(
            csv(&["--query", "--width"]),
            Err("--query applies to --format svg only".into())
        );
        assert_eq!(csv(&["--format", "csv", "--cities", "Jinan"]), Ok(()));
        let svg = check_applies(
            "export",
            Some("svg"),
            &args(&["--query", "--width", "--lang", "en"]),
        );
        assert_eq!(svg, Ok(()), "a value is not an option");
        let check = check_applies("check", None, &args(&["f.csv", "--cities", "Jinan"]));
        assert_eq!(check, Err("--cities applies to export only".into()));
        let check = check_applies("check", None, &args(&["f.csv", "--lang", "en"]));
        assert_eq!(
            check,
            Err("--lang applies to export --format svg only".into())
        );
        let merge = check_applies("merge", None, &args(&["f.csv", "--layout", "standard"]));
        assert_eq!(merge, Ok(()));
        let export = check_applies("export", Some("csv"), &args(&["--write", "x.csv"]));
        assert_eq!(export, Err("--write applies to merge only".into()));
        let coverage = check_applies("coverage", None, &args(&["--layout", "builtin"]));
        assert_eq!(
            coverage,
            Err("--layout applies to export, check and merge only".into())
        );
        let unknown = check_applies("export", Some("csv"), &args(&["--colour", "red"]));
        assert_eq!(unknown, Err("unknown option `--colour`".into()));
    }
}
