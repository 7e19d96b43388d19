//! The map's state, driven through the façade the web layer uses (`new`, `set_filter`, `pan`,
//! `zoom_at`, `resize`, `hover_at`, `click_at`, `choose`, `search`, `play`, `pause`, `step`,
//! `stop`, `tick`, `set_projection`, `apply_query`, `query`, `set_dataset`, `select_city`,
//! `frame`) with awkward arguments (NaN, infinities, indexes past the end). An input is one
//! sequence of up to 48 operations decoded from the bytes, so a mutation changes an operation or
//! an argument. No sequence may panic, and the camera must stay finite.

use super::choices::Choices;
use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::data::{builtin_regions, Dataset};
use shandong_friendship_map::display_list::Recorder;
use shandong_friendship_map::filter::{Filter, Years};
use shandong_friendship_map::import::{import_csv, Preset};
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::projection::ProjectionKind;
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

fn filter(c: &mut Choices, origins: usize) -> Filter {
    let regions = builtin_regions();
    Filter {
        years: match c.below(3) {
            0 => Years::All,
            1 => Years::Range {
                from: c.year(),
                to: c.year(),
            },
            _ => Years::AsOf { year: c.year() },
        },
        unknown_year: c.byte().is_multiple_of(2),
        evidence: match c.below(3) {
            0 => Vec::new(),
            1 => vec!["official".to_string(), "news".to_string()],
            _ => vec!["secondary".to_string()],
        },
        regions: (0..c.below(3))
            .map(|_| match c.below(4) {
                0 => "atlantis".to_string(),
                _ => regions[c.below(regions.len())].id.clone(),
            })
            .collect(),
        // Indexes past the origins too: a filter set from JavaScript is not trusted.
        cities: (0..c.below(3)).map(|_| c.below(origins + 3)).collect(),
        sister: !c.byte().is_multiple_of(4),
        friendly: !c.byte().is_multiple_of(4),
        city_level: !c.byte().is_multiple_of(4),
        province_level: !c.byte().is_multiple_of(4),
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

/// One operation of the façade, chosen and given arguments by the input.
fn operate(map: &mut MapState, c: &mut Choices) {
    let (w, h) = (map.viewport().width, map.viewport().height);
    let origins = map.dataset().origins.len();
    match c.below(20) {
        0 => map.set_filter(filter(c, origins)),
        1 => map.pan(c.float(w), c.float(h)),
        2 => map.zoom_at(c.float(4.0), c.float(w), c.float(h)),
        3 => map.resize(c.float(2000.0), c.float(1200.0)),
        4 => {
            let _ = map.hover_at(c.float(w), c.float(h));
        }
        5 => {
            let _ = map.click_at(c.float(w), c.float(h));
        }
        6 => {
            let hits = map.search(&c.text());
            if let Some(hit) = hits.get(c.below(hits.len() + 1)) {
                let target = hit.target.clone();
                // A fresh result of this data: always accepted.
                assert!(map.choose(&target).is_ok(), "{target:?}");
            }
        }
        7 => {
            let n = map.dataset().ties.len();
            let ties = (0..c.below(4)).map(|_| c.below(n + 3)).collect();
            let target = match c.below(3) {
                0 => Target::Partner { ties },
                1 => Target::Country {
                    code: "JP".into(),
                    ties,
                },
                // Past the origins too: a stale result is refused, never a panic.
                _ => Target::City {
                    city: c.below(origins + 2),
                },
            };
            let _ = map.choose(&target);
        }
        8 => map.play(),
        9 => map.pause(),
        10 => map.step(match c.byte() {
            0 => isize::MAX,
            1 => isize::MIN,
            b => isize::from(b as i8),
        }),
        11 => map.stop(),
        12 => {
            let _ = map.tick(c.float(5000.0));
        }
        13 => {
            let names = ["naturalearth", "globe", "equirectangular", "mercator", ""];
            if let Some(kind) = ProjectionKind::from_name(names[c.below(names.len())]) {
                map.set_projection(kind);
            }
        }
        14 => {
            let q = QUERIES[c.below(QUERIES.len())];
            let _ = map.apply_query(q, c.year());
        }
        15 => {
            let q = map.query();
            let _ = map.apply_query(&q, 2026);
        }
        16 => map.set_dataset(datasets()[c.below(3)].clone()),
        17 => map.select_city(match c.byte() {
            0 => None,
            1 => Some(usize::MAX),
            b => Some(usize::from(b) % (origins + 3)),
        }),
        _ => {
            let mut rec = Recorder::default();
            map.frame().replay(&mut rec);
        }
    }
}

/// Runs one operation sequence on a map of the dataset `pick` chooses, over `basemap`; returns
/// the number of operations run.
pub fn sequence(bytes: &[u8], basemap: &Basemap, pick: impl Fn(&mut Choices) -> usize) -> u64 {
    let mut c = Choices(bytes, 0);
    let data = datasets()[pick(&mut c)].clone();
    let mut map = MapState::new(data, basemap, 1280.0, 720.0);
    let mut ops = 0;
    for _ in 0..48 {
        if c.done() {
            break;
        }
        operate(&mut map, &mut c);
        ops += 1;
        let v = map.frame().viewport;
        assert!(
            [v.scale, v.tx, v.ty].iter().all(|x| x.is_finite()),
            "the camera is no longer finite: {v:?}"
        );
    }
    ops
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
