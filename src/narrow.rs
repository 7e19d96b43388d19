//! A filter narrowed by another: the command line's filter flags over a share link's query, so
//! that `--query 'regions=europe' --kinds sister` draws Europe's sister ties (a tie is drawn when
//! it passes both).

use crate::data::record::FIRST_YEAR;
use crate::data::{Dataset, Region};
use crate::filter::{Filter, Years};

/// The narrowed filter, and the regions a tie must also lie in when both filters name regions
/// (a tie in one of the first list's regions and in one of the second's is not one list of
/// regions: [`keep_regions`] takes the others out of the dataset).
#[derive(Clone, Debug, PartialEq)]
pub struct Narrowed {
    /// What both filters let through, where one filter can say it.
    pub filter: Filter,
    /// Region ids a tie must also lie in (empty: no further condition).
    pub regions_too: Vec<String>,
}

/// `base` (a query's filter) narrowed by `by` (the flags' filter): years, cities, kinds, levels,
/// evidence levels, stages and regions must pass both. Ties without a year are shown when either asks
/// for them (`unknown=1` or `--unknown-year`). An error names the flag whose values leave
/// nothing in common with the query's (a filter with no city or no year cannot be written).
pub fn narrow(base: &Filter, by: &Filter) -> Result<Narrowed, String> {
    let years = common_years(base.years, by.years).ok_or_else(|| {
        format!(
            "the query's years ({}) and --from/--to/--as-of ({}) have no year in common",
            describe(base.years),
            describe(by.years)
        )
    })?;
    let cities = common(&base.cities, &by.cities)
        .ok_or("the query's cities and --cities have no city in common")?;
    let evidence = common(&base.evidence, &by.evidence)
        .ok_or("the query's evidence levels and the flags' have none in common")?;
    let stages = common(&base.stages, &by.stages)
        .ok_or("the query's stages and the flags' have none in common")?;
    let both = |a: bool, b: bool| a && b;
    let (sister, friendly) = (
        both(base.sister, by.sister),
        both(base.friendly, by.friendly),
    );
    if !(sister || friendly) && (base.sister || base.friendly) && (by.sister || by.friendly) {
        return Err("the query's kinds and --kinds have no kind in common".into());
    }
    let (city_level, province_level) = (
        both(base.city_level, by.city_level),
        both(base.province_level, by.province_level),
    );
    let levels = |f: &Filter| f.city_level || f.province_level;
    if !(city_level || province_level) && levels(base) && levels(by) {
        return Err("the query's levels and --levels have no level in common".into());
    }
    let (regions, regions_too) = match (base.regions.is_empty(), by.regions.is_empty()) {
        (true, _) => (by.regions.clone(), Vec::new()),
        (false, true) => (base.regions.clone(), Vec::new()),
        (false, false) if same_set(&base.regions, &by.regions) => {
            (base.regions.clone(), Vec::new())
        }
        (false, false) => (base.regions.clone(), by.regions.clone()),
    };
    Ok(Narrowed {
        filter: Filter {
            years,
            unknown_year: base.unknown_year || by.unknown_year,
            regions,
            cities,
            sister,
            friendly,
            city_level,
            province_level,
            evidence,
            stages,
        },
        regions_too,
    })
}

/// Takes out of `dataset` the ties whose partner's country lies in none of the regions `ids`
/// (nothing when `ids` is empty). Origins stay, so origin indices keep their meaning.
pub fn keep_regions(dataset: &mut Dataset, ids: &[String], regions: &[Region]) {
    if ids.is_empty() {
        return;
    }
    let keep = Filter {
        regions: ids.to_vec(),
        ..Filter::default()
    }
    .apply(dataset, regions);
    let mut i = 0;
    dataset.ties.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// The years both allow, or `None` when they share none.
fn common_years(a: Years, b: Years) -> Option<Years> {
    let bounds = |y: Years| match y {
        Years::All => None,
        Years::Range { from, to } => Some((from, to)),
        Years::AsOf { year } => Some((FIRST_YEAR, year)),
    };
    match (a, b) {
        (Years::All, y) | (y, Years::All) => Some(y),
        (Years::AsOf { year: x }, Years::AsOf { year: y }) => Some(Years::AsOf { year: x.min(y) }),
        _ => {
            let ((f1, t1), (f2, t2)) = (bounds(a)?, bounds(b)?);
            let (from, to) = (f1.max(f2), t1.min(t2));
            (from <= to).then_some(Years::Range { from, to })
        }
    }
}

fn describe(y: Years) -> String {
    match y {
        Years::All => "all".into(),
        Years::Range { from, to } => format!("{from}-{to}"),
        Years::AsOf { year } => format!("as of {year}"),
    }
}

/// The items of both lists, where an empty list means "all" (in `a`'s order); `None` when both
/// name items and share none.
fn common<T: Clone + PartialEq>(a: &[T], b: &[T]) -> Option<Vec<T>> {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => Some(b.to_vec()),
        (_, true) => Some(a.to_vec()),
        _ => {
            let both: Vec<T> = a.iter().filter(|x| b.contains(x)).cloned().collect();
            (!both.is_empty()).then_some(both)
        }
    }
}

fn same_set(a: &[String], b: &[String]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::builtin_regions;

    fn with(f: impl FnOnce(&mut Filter)) -> Filter {
        let mut filter = Filter::default();
        f(&mut filter);
        filter
    }

    #[test]
    fn years_are_intersected() {
        let range = |from, to| Years::Range { from, to };
        assert_eq!(
            common_years(Years::All, range(1990, 2000)),
            Some(range(1990, 2000))
        );
        let as_of = |year| Years::AsOf { year };
        assert_eq!(common_years(as_of(1995), as_of(1990)), Some(as_of(1990)));
        assert_eq!(
            common_years(as_of(1995), range(1990, 2000)),
            Some(range(1990, 1995))
        );
        assert_eq!(
            common_years(range(1980, 1990), range(1985, 2000)),
            Some(range(1985, 1990))
        );
        assert_eq!(common_years(range(1980, 1990), range(1991, 2000)), None);
        assert_eq!(common_years(as_of(1980), range(1981, 2000)), None);
    }

    #[test]
    fn a_flag_narrows_the_query_and_never_replaces_it() {
        let query = with(|f| f.regions = vec!["europe".into()]);
        let flags = with(|f| f.friendly = false);
        let n = narrow(&query, &flags).expect("narrows");
        assert_eq!(n.filter.regions, ["europe"]);
        assert!(n.filter.sister && !n.filter.friendly);
        assert!(n.regions_too.is_empty());
        // Cities: the common ones; none in common is an error, not "all".
        let query = with(|f| f.cities = vec![1, 2]);
        let n = narrow(&query, &with(|f| f.cities = vec![2, 3])).expect("one in common");
        assert_eq!(n.filter.cities, [2]);
        let e = narrow(&query, &with(|f| f.cities = vec![5])).expect_err("none in common");
        assert!(e.contains("no city in common"), "{e}");
        let e = narrow(&with(|f| f.sister = false), &with(|f| f.friendly = false)).expect_err("");
        assert!(e.contains("no kind in common"), "{e}");
        let years = with(|f| {
            f.years = Years::Range {
                from: 1990,
                to: 2000,
            }
        });
        let e = narrow(&years, &with(|f| f.years = Years::AsOf { year: 1985 })).expect_err("");
        assert_eq!(
            e,
            "the query's years (1990-2000) and --from/--to/--as-of (as of 1985) have no year in common"
        );
        // Unknown years are shown when either asks.
        let n = narrow(&years, &with(|f| f.unknown_year = true)).expect("narrows");
        assert!(n.filter.unknown_year && n.filter.has_years());
    }

    #[test]
    fn two_lists_of_regions_keep_the_ties_in_both() {
        let mut d = Dataset::builtin();
        let regions = builtin_regions();
        let query = with(|f| f.regions = vec!["europe".into()]);
        let n = narrow(&query, &with(|f| f.regions = vec!["sco".into()])).expect("narrows");
        assert_eq!(n.regions_too, ["sco"]);
        keep_regions(&mut d, &n.regions_too, &regions);
        let shown = n.filter.apply(&d, &regions);
        let countries: std::collections::BTreeSet<&str> = d
            .ties
            .iter()
            .zip(&shown)
            .filter(|(_, s)| **s)
            .map(|(t, _)| t.record.country.as_str())
            .collect();
        // Russia and Belarus are the SCO members in Europe that Shandong has ties with.
        assert!(
            countries.contains("RU") && countries.contains("BY"),
            "{countries:?}"
        );
        assert!(
            !countries.contains("DE") && !countries.contains("KZ"),
            "{countries:?}"
        );
    }
}
