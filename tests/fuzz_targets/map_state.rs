//! The map's state, driven through its one door (`apply(command)`: filters with unknown regions
//! and cities, selections, search focus, pointer, camera, timeline, page settings, URL queries)
//! and what is not a command (time passing, another dataset, frames), with awkward arguments
//! (NaN, infinities, indexes past the end). An input is one sequence of up to 48 steps decoded
//! from the bytes, so a mutation changes a step or an argument. No sequence may panic, the
//! camera stays finite, a refused command changes nothing, and the same steps on a fresh map
//! give the same snapshot and URL.

use super::choices::Choices;
use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::command::{CityRef, Command, FilterPatch, KeyPress};
use shandong_friendship_map::data::{builtin_regions, Dataset, Evidence, Stage};
use shandong_friendship_map::display_list::Recorder;
use shandong_friendship_map::filter::Years;
use shandong_friendship_map::import::{import_csv, Preset};
use shandong_friendship_map::label::Rect;
use shandong_friendship_map::lang::Lang;
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::projection::ProjectionKind;
use shandong_friendship_map::scene::BasemapStyle;
use shandong_friendship_map::search::Target;
use std::sync::OnceLock;

/// Datasets to switch between: empty, a few built-in ties, one with origins of its own, and the
/// whole built-in set.
pub fn datasets() -> &'static [Dataset] {
    static SETS: OnceLock<Vec<Dataset>> = OnceLock::new();
    SETS.get_or_init(|| {
        let builtin = Dataset::builtin();
        let mut few = Dataset::default();
        let rows: Vec<&str> = shandong_friendship_map::data::dataset::PARTNERSHIPS_CSV
            .lines()
            .take(6)
            .collect();
        import_csv(&mut few, &(rows.join("\n") + "\n"), "few", Preset::Standard, 2026);
        let mut own = Dataset::default();
        import_csv(
            &mut own,
            "shandong_city,shandong_city_zh,origin_lat,origin_lon,partner,partner_zh,country,level,kind,established,lat,lon,source\n\
             Berlin,柏林,52.52,13.405,Porto,波尔图,PT,city,sister,1994,41.15,-8.61,https://e.org/a\n\
             Berlin,柏林,52.52,13.405,Antipode,对跖,NZ,city,friendly,,-52.52,-166.595,https://e.org/b\n\
             Pole,极,90,0,Other pole,另一极,AQ,city,sister,2001,-90,0,https://e.org/c\n\
             Qingdao,青岛市,,,Same place,同地,CN,city,sister,1990,36.0649,120.3804,https://e.org/d\n",
            "own",
            Preset::Standard,
            2026,
        );
        vec![Dataset::default(), few, own, builtin]
    })
}

fn patch(c: &mut Choices, origins: usize) -> FilterPatch {
    let regions = builtin_regions();
    let some = |c: &mut Choices| c.below(3) > 0;
    FilterPatch {
        years: some(c).then(|| match c.below(3) {
            0 => Years::All,
            1 => Years::Range {
                from: c.year(),
                to: c.year(),
            },
            _ => Years::AsOf { year: c.year() },
        }),
        unknown_year: some(c).then(|| c.byte().is_multiple_of(2)),
        evidence: some(c).then(|| match c.below(3) {
            0 => Vec::new(),
            1 => vec![Evidence::Official, Evidence::News, Evidence::News],
            _ => vec![Evidence::Secondary],
        }),
        stages: some(c).then(|| match c.below(3) {
            0 => Vec::new(),
            1 => vec![Stage::Agreement, Stage::Intent, Stage::Intent],
            _ => vec![Stage::Established],
        }),
        // Unknown ids too: a command from JavaScript is not trusted, and is refused by name.
        regions: some(c).then(|| {
            (0..c.below(3))
                .map(|_| match c.below(4) {
                    0 => "atlantis".to_string(),
                    _ => regions[c.below(regions.len())].id.clone(),
                })
                .collect()
        }),
        // Indexes past the origins and unknown names too.
        cities: some(c).then(|| {
            (0..c.below(3))
                .map(|_| match c.below(4) {
                    0 => CityRef::Name(c.text()),
                    1 => CityRef::Name("青岛市".into()),
                    _ => CityRef::Index(c.below(origins + 3)),
                })
                .collect()
        }),
        sister: some(c).then(|| !c.byte().is_multiple_of(4)),
        friendly: some(c).then(|| !c.byte().is_multiple_of(4)),
        city_level: some(c).then(|| !c.byte().is_multiple_of(4)),
        province_level: some(c).then(|| !c.byte().is_multiple_of(4)),
    }
}

const QUERIES: [&str; 6] = [
    "years=2000-2020&cities=Qingdao&proj=globe&view=4,120,36",
    "asof=1990&kinds=friendly&sel=Berlin",
    "view=64,180,-90&proj=equirectangular&levels=province",
    "view=nan,1,1&years=9999-0&regions=%FF",
    "",
    "sel=Qingdao&proj=naturalearth&view=0.5,-180,90",
];

/// One step of a sequence: a command through the map's one door, or what is not a command
/// (time passing, another dataset shown, a frame drawn).
#[derive(Clone, Debug)]
pub enum Op {
    /// A command (refused ones included).
    Command(Command),
    /// Time passes, ms.
    Tick(f64),
    /// Another dataset is shown (an import).
    Dataset(usize),
    /// A frame is drawn.
    Frame,
}

fn pointer(c: &mut Choices, w: f64, h: f64) -> Command {
    let (x, y) = (c.float(w), c.float(h));
    match c.below(3) {
        0 => Command::Hover { x, y },
        1 => Command::Click { x, y },
        _ => Command::ClearHover,
    }
}

fn page(c: &mut Choices) -> Command {
    match c.below(5) {
        0 => Command::Language(if c.below(2) == 0 { Lang::Zh } else { Lang::En }),
        1 => Command::Presenting(c.below(2) == 0),
        2 => Command::Table(c.below(2) == 0),
        3 => Command::Reserved(vec![Rect::new(c.float(400.0), 0.0, c.float(400.0), 80.0)]),
        _ => Command::Basemap(match c.below(3) {
            0 => BasemapStyle::Countries,
            1 => BasemapStyle::Land,
            _ => BasemapStyle::China,
        }),
    }
}

fn focus(map: &MapState, c: &mut Choices) -> Command {
    let origins = map.dataset().origins.len();
    if c.below(2) == 0 {
        let hits = map.search(&c.text());
        if let Some(hit) = hits.get(c.below(hits.len() + 1)) {
            return Command::Focus(hit.target.clone());
        }
    }
    let n = map.dataset().ties.len();
    let ties = (0..c.below(4)).map(|_| c.below(n + 3)).collect();
    // Past the origins and ties too: a stale result is refused, never a panic.
    Command::Focus(match c.below(3) {
        0 => Target::Partner { ties },
        1 => Target::Country {
            code: "JP".into(),
            ties,
        },
        _ => Target::City {
            city: c.below(origins + 2),
        },
    })
}

/// Story files: good, half good, none good, not JSON.
const STORIES: [&str; 4] = [
    r#"{"title": "t", "steps": [{"state": "asof=1979&sel=Qingdao&view=4,125,35", "caption": "a", "duration": 1}, {"state": "regions=europe&proj=globe", "caption": {"en": "b"}}]}"#,
    r#"{"steps": [{"state": "cities=Jinan&foo=1", "caption": {"zh": "\u202e<b>"}}, {"caption": "x"}, 5]}"#,
    r#"{"steps": [{"state": "asof=2000"}]}"#,
    "{\"steps\": [",
];

/// A story command: opening one, stepping, playing, leaving, or a clicker's key.
fn story(c: &mut Choices) -> Command {
    match c.below(6) {
        0 => Command::Story(STORIES[c.below(STORIES.len())].to_string()),
        1 => Command::StoryGo(match c.byte() {
            0 => usize::MAX,
            b => usize::from(b % 4),
        }),
        2 => Command::StoryStep(i32::from(c.byte() as i8)),
        3 => Command::StoryPlay(c.below(2) == 0),
        4 => Command::CloseStory,
        _ => Command::Key(KeyPress {
            name: [
                "PageDown",
                "PageUp",
                "Home",
                "End",
                " ",
                "ArrowLeft",
                "Escape",
            ][c.below(7)]
            .into(),
            on_map: c.below(2) == 0,
            in_field: c.below(4) == 0,
        }),
    }
}

/// One step, chosen and given arguments by the input.
fn op(map: &MapState, c: &mut Choices) -> Op {
    let (w, h) = (map.viewport().width, map.viewport().height);
    let origins = map.dataset().origins.len();
    Op::Command(match c.below(21) {
        0 => Command::Filter(patch(c, origins)),
        1 => Command::Pan {
            dx: c.float(w),
            dy: c.float(h),
        },
        2 => Command::ZoomAt {
            factor: c.float(4.0),
            x: c.float(w),
            y: c.float(h),
        },
        3 => Command::Resize {
            width: c.float(2000.0),
            height: c.float(1200.0),
        },
        4 => pointer(c, w, h),
        5 => page(c),
        6 | 7 => focus(map, c),
        8 => Command::Play,
        9 => [Command::Pause, Command::TogglePlay, Command::ResetFilter][c.below(3)].clone(),
        10 => Command::Step(match c.byte() {
            0 => i32::MAX,
            1 => i32::MIN,
            b => i32::from(b as i8),
        }),
        11 => [Command::Stop, Command::FitShown, Command::ResetView][c.below(3)].clone(),
        12 => return Op::Tick(c.float(5000.0)),
        13 => Command::Projection(match c.below(3) {
            0 => ProjectionKind::NaturalEarth,
            1 => ProjectionKind::Globe,
            _ => ProjectionKind::Equirectangular,
        }),
        14 => Command::Query(QUERIES[c.below(QUERIES.len())].to_string()),
        15 => Command::Query(map.query()),
        16 => return Op::Dataset(c.below(3)),
        17 => Command::Select(match c.byte() {
            0 => None,
            1 => Some(CityRef::Index(usize::MAX)),
            2 => Some(CityRef::Name("Qingdao".into())),
            b => Some(CityRef::Index(usize::from(b) % (origins + 3))),
        }),
        18 => story(c),
        _ => return Op::Frame,
    })
}

/// Runs one step on `map`. Refused commands must leave the map as it was (checked by the
/// caller's replay).
pub fn run(map: &mut MapState, op: &Op) {
    match op {
        Op::Command(cmd) => {
            let before = refused_check(cmd).then(|| map.snapshot());
            if map.apply(cmd.clone()).is_err() {
                if let Some(before) = before {
                    assert_eq!(map.snapshot(), before, "a refused {cmd:?} changed the map");
                }
            }
        }
        Op::Tick(dt) => {
            let _ = map.tick(*dt);
        }
        Op::Dataset(i) => map.set_dataset(datasets()[*i].clone()),
        Op::Frame => {
            let mut rec = Recorder::default();
            map.frame().replay(&mut rec);
        }
    }
}

/// Commands that may be refused (checked: a refusal changes nothing).
fn refused_check(cmd: &Command) -> bool {
    matches!(
        cmd,
        Command::Filter(_)
            | Command::Select(_)
            | Command::Focus(_)
            | Command::Story(_)
            | Command::StoryGo(_)
            | Command::StoryStep(_)
            | Command::StoryPlay(_)
            | Command::CloseStory
    )
}

/// Runs one operation sequence on a map of the dataset `pick` chooses, over `basemap`; returns
/// the number of operations run. The same steps on a fresh map give the same snapshot and URL.
pub fn sequence(bytes: &[u8], basemap: &Basemap, pick: impl Fn(&mut Choices) -> usize) -> u64 {
    let mut c = Choices(bytes, 0);
    let data = datasets()[pick(&mut c)].clone();
    let fresh = || MapState::new(data.clone(), basemap, 1280.0, 720.0).with_year(2026);
    let mut map = fresh();
    let mut ops = Vec::new();
    for _ in 0..48 {
        if c.done() {
            break;
        }
        let o = op(&map, &mut c);
        run(&mut map, &o);
        ops.push(o);
        let v = map.frame().viewport;
        assert!(
            [v.scale, v.tx, v.ty].iter().all(|x| x.is_finite()),
            "the camera is no longer finite: {v:?}"
        );
    }
    let mut again = fresh();
    for o in &ops {
        run(&mut again, o);
    }
    assert_eq!(again.snapshot(), map.snapshot(), "the same steps: {ops:?}");
    assert_eq!(again.query(), map.query());
    ops.len() as u64
}

/// One sequence on any dataset (the built-in one for one input in eight), without a basemap.
pub fn map_state(bytes: &[u8]) {
    sequence(bytes, &Basemap::default(), |c| {
        if c.below(8) == 0 {
            3
        } else {
            c.below(3)
        }
    });
}
