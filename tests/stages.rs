//! Agreements and letters of intent in the built-in data (issue 23): shown by default, as the
//! province counts them, and treated apart by every class that touches them: the filter, the
//! URL, the statistics and the caption, the drawing and its legend, and the exports. Expected
//! counts are read from `data/partnerships.csv` here, not from the core.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
use shandong_friendship_map::command::{Command, FilterPatch};
use shandong_friendship_map::data::{Dataset, Stage};
use shandong_friendship_map::display_list::Item;
use shandong_friendship_map::export::{to_csv, to_geojson};
use shandong_friendship_map::label::WidthTable;
use shandong_friendship_map::lang::Lang;
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::overlay::overlay;
use shandong_friendship_map::poster::texts;
use shandong_friendship_map::publication::Publication;

/// The `stage` cell of every row of the data file, in file order.
fn stage_cells() -> Vec<String> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/partnerships.csv"
    ))
    .expect("data/partnerships.csv");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let at = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "stage")
        .expect("a stage column");
    reader
        .records()
        .map(|r| r.expect("row")[at].to_string())
        .collect()
}

fn count(stage: &str) -> usize {
    stage_cells().iter().filter(|c| *c == stage).count()
}

fn map() -> MapState {
    let basemap = Basemap::decode(BASEMAP_110M).expect("basemap");
    MapState::new(Dataset::builtin(), &basemap, 1200.0, 600.0)
}

fn only(m: &mut MapState, stages: Vec<Stage>) {
    let patch = FilterPatch {
        stages: Some(stages),
        ..FilterPatch::default()
    };
    m.apply(Command::Filter(patch)).expect("a valid filter");
}

#[test]
fn the_data_holds_every_stage_and_the_map_shows_them_all_by_default() {
    let (agreements, intents, ties) = (count("agreement"), count("intent"), count(""));
    assert!(agreements > 0 && intents > 0 && ties > 0);
    assert_eq!(
        agreements + intents + ties,
        stage_cells().len(),
        "no other value"
    );
    let m = map();
    assert!(m.filter().stages.is_empty(), "no stage filter by default");
    let s = m.stats();
    assert_eq!(s.ties, stage_cells().len(), "every stage shown");
    assert_eq!(
        (
            s.by_stage.established,
            s.by_stage.agreement,
            s.by_stage.intent
        ),
        (ties, agreements, intents),
        "counted apart"
    );
    assert_eq!(m.stages_drawn(), [Stage::Agreement, Stage::Intent]);
}

#[test]
fn the_filter_keeps_the_stages_asked_for_and_the_url_carries_them() {
    let mut m = map();
    only(&mut m, vec![Stage::Established]);
    assert_eq!(m.summary().ties, count(""));
    assert!(
        m.stages_drawn().is_empty(),
        "nothing drawn apart, nothing in the legend"
    );
    assert_eq!(m.query(), "stages=established");
    only(&mut m, vec![Stage::Intent, Stage::Agreement, Stage::Intent]);
    assert_eq!(m.summary().ties, count("intent") + count("agreement"));
    assert_eq!(
        m.filter().stages,
        [Stage::Intent, Stage::Agreement],
        "once each"
    );
    let q = m.query();
    let mut again = map();
    assert!(again.apply_query(&q).is_empty());
    assert_eq!(again.filter(), m.filter());
    // The element's attribute name reads the same.
    assert!(again.apply_query("stages=agreement").is_empty());
    assert_eq!(again.summary().ties, count("agreement"));
    let warnings = again.apply_query("stages=memorandum");
    assert_eq!(warnings.len(), 1, "an unknown stage is named, not applied");
}

#[test]
fn agreements_and_letters_of_intent_have_layers_of_their_own() {
    let m = map();
    let frame = m.frame();
    let layer = |name: &str| {
        frame.items.iter().find_map(|i| match i {
            Item::Draw(l) if l.name == name => Some(l.features.clone()),
            _ => None,
        })
    };
    let features = |name: &str| layer(name).map_or(0, |f| f.len());
    assert_eq!(features("links.agreement"), count("agreement"));
    assert_eq!(features("links.intent"), count("intent"));
    assert_eq!(
        features("links.sister") + features("links.friendly"),
        count(""),
        "the ties' layers hold the ties only"
    );
}

#[test]
fn the_caption_counts_them_apart_and_the_legend_names_them_when_drawn() {
    let mut m = map();
    m.step(1000); // the last step: every tie shown
    let c = m.caption().expect("in playback");
    assert_eq!(
        (c.stages.agreement, c.stages.intent),
        (count("agreement"), count("intent"))
    );
    m.stop();
    let legend = |m: &MapState| {
        let p = Publication {
            texts: texts(Lang::En, None),
            ..Publication::new(800.0, 500.0, 1.0, 8192.0).expect("size")
        };
        let names: Vec<&'static str> = m
            .publish(&p)
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Draw(l) if l.name.starts_with("overlay.key.") => Some(l.name),
                _ => None,
            })
            .collect();
        names
    };
    assert_eq!(
        legend(&m),
        [
            "overlay.key.sister",
            "overlay.key.friendly",
            "overlay.key.agreement",
            "overlay.key.intent"
        ]
    );
    only(&mut m, vec![Stage::Established]);
    assert_eq!(legend(&m), ["overlay.key.sister", "overlay.key.friendly"]);
    // Without the texts (a page that gives none), no entry either.
    let bare = overlay(&Default::default(), 800.0, 500.0, false, &WidthTable);
    assert!(!bare
        .iter()
        .any(|i| matches!(i, Item::Draw(l) if l.name == "overlay.key.intent")));
}

#[test]
fn exports_write_the_stage() {
    let d = Dataset::builtin();
    let all = vec![true; d.ties.len()];
    let csv = to_csv(&d, &all);
    let (again, errors) = Dataset::from_csv(&csv, u16::MAX);
    assert!(errors.is_empty(), "{errors:?}");
    let stages = |d: &Dataset| d.ties.iter().map(|t| t.record.stage).collect::<Vec<_>>();
    assert_eq!(
        stages(&again),
        stages(&d),
        "the CSV reads back to the same stages"
    );
    let geo = to_geojson(&d, &all);
    assert_eq!(geo.matches("\"stage\":\"intent\"").count(), count("intent"));
    assert_eq!(
        geo.matches("\"stage\":\"agreement\"").count(),
        count("agreement")
    );
    assert_eq!(geo.matches("\"stage\":\"established\"").count(), count(""));
}
