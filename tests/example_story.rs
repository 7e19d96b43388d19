//! The example story (www/example-story.json, served beside the map) says only what the data
//! says: every step plays without a problem, and every number in its sentences is counted here
//! from the map at that step (ties, countries, ties per country, districts' ties) or read from
//! the published totals, in both languages.

use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::command::Command;
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::story::Step;
use shandong_friendship_map::totals::{latest, published_totals, PUBLISHED_TOTALS_CSV};

const EXAMPLE: &str = include_str!("../www/example-story.json");

fn map() -> MapState {
    MapState::new(Dataset::builtin(), &Basemap::default(), 1280.0, 720.0).with_year(2026)
}

/// The map at `step`, applied as its link.
fn at(step: &Step) -> MapState {
    let mut m = map();
    let out = m
        .apply(Command::Query(step.state.clone()))
        .expect("applies");
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    m
}

/// Ties shown in the country `code`.
fn in_country(m: &MapState, code: &str) -> usize {
    let stats = m.stats();
    stats
        .top_countries
        .iter()
        .find(|c| c.id == code)
        .map_or(0, |c| c.count.sister + c.count.friendly)
}

/// Both sentences of `step` say each of `numbers` (as written: `18`, `2025`).
fn says(step: &Step, numbers: &[usize]) {
    for n in numbers {
        let n = n.to_string();
        for text in [&step.caption.zh, &step.caption.en] {
            let words: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).collect();
            assert!(words.contains(&n.as_str()), "{n} not in {text}");
        }
    }
}

#[test]
fn every_step_plays_and_every_number_is_the_datas() {
    let read = map().read_story(EXAMPLE);
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let story = read.story.expect("plays");
    let s = &story.steps;
    assert_eq!(s.len(), 7);
    let d = Dataset::builtin();

    // 1. The earliest tie: Qingdao–Shimonoseki, 1979-10-03, alone as of 1979.
    let m = at(&s[0]);
    assert_eq!(m.summary().ties, 1);
    let first = d
        .ties
        .iter()
        .filter_map(|t| t.record.established.map(|e| (e, t)))
        .min_by_key(|(e, _)| *e);
    let (date, tie) = first.expect("dated ties");
    assert_eq!(date.to_string(), "1979-10-03");
    assert_eq!(
        (
            tie.record.shandong_city.as_str(),
            tie.record.partner.as_str()
        ),
        ("Qingdao", "Shimonoseki")
    );
    assert!(s[0].caption.zh.contains("下关市") && s[0].caption.en.contains("3 October 1979"));

    // 2. The 1980s.
    let m = at(&s[1]);
    let (ties, countries) = (m.summary().ties, m.summary().countries);
    says(
        &s[1],
        &[
            1980,
            ties,
            countries,
            in_country(&m, "JP"),
            in_country(&m, "US"),
        ],
    );
    assert_eq!(
        (ties, countries, in_country(&m, "JP"), in_country(&m, "US")),
        (18, 8, 7, 4)
    );

    // 3. The 1990s: Korea and Japan more than half.
    let m = at(&s[2]);
    let (kr, jp, ties) = (in_country(&m, "KR"), in_country(&m, "JP"), m.summary().ties);
    says(&s[2], &[1990, ties, kr, jp]);
    assert!(2 * (kr + jp) > ties);

    // 4. Qingdao: its ties here, its districts', and its latest published total.
    let m = at(&s[3]);
    let shown = &m.scope()[0];
    let districts = d
        .ties
        .iter()
        .filter(|t| t.record.shandong_city == "Qingdao" && t.record.signed_by.is_some())
        .count();
    let totals = published_totals(PUBLISHED_TOTALS_CSV).expect("totals");
    let q = latest(&totals, "Qingdao").expect("Qingdao's total");
    assert_eq!(q.as_of, "2025-07");
    let (total, countries) = (
        q.total.expect("total") as usize,
        q.countries.expect("countries") as usize,
    );
    says(&s[3], &[shown.shown, districts, 2025, total, countries]);
    assert_eq!(shown.published_total, Some(total as u32));

    // 5. Since 2013.
    let m = at(&s[4]);
    says(&s[4], &[2013, m.summary().ties, m.summary().countries]);

    // 6. 2025, and Almaty Region signed on 27 May at the week's opening (the row's own notes).
    let m = at(&s[5]);
    says(&s[5], &[2025, m.summary().ties, 27]);
    let almaty = d
        .ties
        .iter()
        .find(|t| t.record.partner == "Almaty Region")
        .expect("row");
    assert_eq!(
        almaty.record.established.expect("date").to_string(),
        "2025-05-27"
    );
    assert_eq!(almaty.record.shandong_city, "Shandong");
    // The notes live in the data file (the map carries it without them).
    let row = include_str!("../data/partnerships.csv")
        .lines()
        .find(|l| l.contains(",Almaty Region,"))
        .expect("the row");
    assert!(
        row.contains("at the opening of the 2025 Friendship Cities Week"),
        "{row}"
    );

    // 7. Today: everything, against the province's latest total (nearly half).
    let m = at(&s[6]);
    let all = latest(&totals, "All").expect("the province's total");
    let total = all.total.expect("total") as usize;
    says(
        &s[6],
        &[m.summary().ties, m.summary().countries, 2026, total],
    );
    assert_eq!(all.as_of, "2026-05");
    let ties = m.summary().ties;
    assert!(
        5 * ties > 2 * total && 2 * ties < total,
        "{ties} of {total}: nearly half"
    );
}
