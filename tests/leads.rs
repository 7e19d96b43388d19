//! Every lead of `../shared/data/partnership_leads.csv` is settled: either in the dataset (under the
//! partner name `data/research/round4_leads.md` gives, with a date when the lead was a date), or
//! named in that file with the reason it was kept out.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::data::record::current_year;
use shandong_friendship_map::data::Dataset;

/// One line of the leads table: Shandong side, lead partner, outcome, dataset partner or reason.
struct Settled {
    city: String,
    lead: String,
    outcome: String,
    detail: String,
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!("{path}: {e} (the shared data sits beside the repository)");
    })
}

/// The rows of the `## The 30 leads` table.
fn table(md: &str) -> Vec<Settled> {
    let section = md
        .split("## The 30 leads")
        .nth(1)
        .expect("a `## The 30 leads` section")
        .split("\n## ")
        .next()
        .unwrap_or("");
    section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Shandong side"))
        .map(|l| {
            let cells: Vec<&str> = l.trim().trim_matches('|').splitn(4, '|').collect();
            let cell = |i: usize| cells.get(i).map_or("", |c| c.trim()).to_string();
            Settled {
                city: cell(0),
                lead: cell(1),
                outcome: cell(2),
                detail: cell(3),
            }
        })
        .collect()
}

#[test]
fn every_lead_is_in_the_dataset_or_kept_out_with_a_reason() {
    let root = env!("CARGO_MANIFEST_DIR");
    let leads_csv = read(&format!("{root}/../shared/data/partnership_leads.csv"));
    let settled = table(&read(&format!("{root}/data/research/round4_leads.md")));
    let (dataset, errors) = Dataset::from_csv(
        &read(&format!("{root}/data/partnerships.csv")),
        current_year(),
    );
    assert!(errors.is_empty(), "{errors:?}");
    let mut reader = csv::Reader::from_reader(leads_csv.as_bytes());
    let mut problems = Vec::new();
    let mut count = 0;
    for lead in reader.records() {
        let lead = lead.expect("a leads row");
        count += 1;
        let (city, partner) = (&lead[0], &lead[1]);
        let Some(s) = settled.iter().find(|s| s.city == city && s.lead == partner) else {
            problems.push(format!("{city} – {partner}: not in round4_leads.md"));
            continue;
        };
        let tie = dataset
            .ties
            .iter()
            .find(|t| t.record.shandong_city == city && t.record.partner == s.detail);
        match (s.outcome.as_str(), tie) {
            ("added", Some(_)) => {}
            ("dated", Some(t)) if t.record.established.is_some() => {}
            ("dated", Some(_)) => {
                problems.push(format!("{city} – {partner}: still without a date"))
            }
            ("added" | "dated", None) => {
                problems.push(format!("{city} – {partner}: no dataset row `{}`", s.detail))
            }
            ("kept out", _) if s.detail.len() >= 40 => {}
            ("kept out", _) => problems.push(format!("{city} – {partner}: no reason given")),
            (other, _) => problems.push(format!("{city} – {partner}: unknown outcome `{other}`")),
        }
    }
    assert_eq!(count, 30, "the leads file changed");
    assert_eq!(settled.len(), count, "one table line per lead");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_table_reader_sees_each_outcome() {
    let md = "## The 30 leads\n\n| Shandong side | lead partner | outcome | x |\n|---|---|---|---|\n\
              | Jining | Passi | added | Passi |\n| Weifang | Waterford | kept out | which one, a b c |\n\n## Next\n| A | B | added | C |\n";
    let rows = table(md);
    assert_eq!(rows.len(), 2, "stops at the next section");
    assert_eq!(
        (
            rows[0].city.as_str(),
            rows[0].lead.as_str(),
            rows[0].outcome.as_str()
        ),
        ("Jining", "Passi", "added")
    );
    assert_eq!(rows[1].detail, "which one, a b c");
}
