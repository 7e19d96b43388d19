//! Filters, statistics, playback, search and URL state on the built-in data, checked against
//! counts computed here independently, straight from the CSV files.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::data::{city_index, Dataset};
use shandong_friendship_map::filter::{Filter, Years};
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::playback::PlayOptions;
use shandong_friendship_map::search::Target;
use std::collections::{BTreeSet, HashMap};

/// One row as read directly from data/partnerships.csv.
struct Row {
    city: String,
    partner: String,
    country: String,
    kind: String,
    level: String,
    year: Option<u16>,
}

fn read(path: &str) -> Vec<HashMap<String, String>> {
    let text =
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().expect("header").clone();
    r.records()
        .map(|rec| {
            let rec = rec.expect("row");
            headers
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn rows() -> Vec<Row> {
    read("data/partnerships.csv")
        .into_iter()
        .map(|m| Row {
            city: m["shandong_city"].clone(),
            partner: m["partner"].clone(),
            country: m["country"].clone(),
            kind: m["kind"].clone(),
            level: m["level"].clone(),
            year: m["established"].get(..4).and_then(|y| y.parse().ok()),
        })
        .collect()
}

fn continent_of() -> HashMap<String, String> {
    read("data/countries.csv")
        .into_iter()
        .map(|m| (m["alpha2"].clone(), m["continent"].clone()))
        .collect()
}

fn map() -> MapState {
    MapState::new(Dataset::builtin(), &Basemap::default(), 800.0, 400.0)
}

fn count(map: &mut MapState, f: Filter) -> usize {
    map.set_filter(f);
    map.summary().ties
}

#[test]
fn filter_counts_match_independent_counts() {
    let rows = rows();
    let continent = continent_of();
    let mut m = map();
    assert_eq!(count(&mut m, Filter::default()), rows.len());

    // "Qingdao's partners in Europe".
    let f = Filter {
        cities: vec![city_index("Qingdao").expect("Qingdao")],
        regions: vec!["europe".into()],
        ..Filter::default()
    };
    let want = rows
        .iter()
        .filter(|r| r.city == "Qingdao" && continent[&r.country] == "Europe")
        .count();
    assert!(want > 0);
    assert_eq!(count(&mut m, f), want);

    // "What did we sign since 2013" (known years only).
    let f = Filter {
        years: Years::Range {
            from: 2013,
            to: 2026,
        },
        unknown_year: false,
        ..Filter::default()
    };
    let want = rows
        .iter()
        .filter(|r| r.year.is_some_and(|y| y >= 2013))
        .count();
    assert_eq!(count(&mut m, f), want);

    // Sister ties with province-level partners in SCO countries.
    let sco = ["CN", "IN", "IR", "KZ", "KG", "PK", "RU", "TJ", "UZ", "BY"];
    let f = Filter {
        regions: vec!["sco".into()],
        friendly: false,
        city_level: false,
        ..Filter::default()
    };
    let want = rows
        .iter()
        .filter(|r| {
            sco.contains(&r.country.as_str()) && r.kind == "sister" && r.level == "province"
        })
        .count();
    assert_eq!(count(&mut m, f), want);

    // Several cities, friendly only, Asia or Africa.
    let f = Filter {
        cities: vec![
            city_index("Jinan").expect("c"),
            city_index("Weihai").expect("c"),
            city_index("Yantai").expect("c"),
        ],
        regions: vec!["asia".into(), "africa".into()],
        sister: false,
        ..Filter::default()
    };
    let want = rows
        .iter()
        .filter(|r| ["Jinan", "Weihai", "Yantai"].contains(&r.city.as_str()))
        .filter(|r| {
            r.kind == "friendly" && ["Asia", "Africa"].contains(&continent[&r.country].as_str())
        })
        .count();
    assert_eq!(count(&mut m, f), want);

    // Distinct partners and countries of everything.
    m.set_filter(Filter::default());
    let s = m.summary();
    let partners: BTreeSet<(String, String)> = rows
        .iter()
        .map(|r| (r.partner.to_lowercase(), r.country.clone()))
        .collect();
    let countries: BTreeSet<&str> = rows.iter().map(|r| r.country.as_str()).collect();
    assert_eq!((s.partners, s.countries), (partners.len(), countries.len()));
}

#[test]
fn unknown_years_are_counted_not_guessed() {
    let rows = rows();
    let unknown = rows.iter().filter(|r| r.year.is_none()).count();
    assert!(unknown > 0);
    let mut m = map();
    let st = m.stats();
    assert_eq!(st.unknown_year.sister + st.unknown_year.friendly, unknown);
    let by_year: usize = st.by_year.iter().map(|c| c.count.total()).sum();
    assert_eq!(by_year + unknown, rows.len());
    // In a year range the unknown ones follow their own switch.
    let with = count(
        &mut m,
        Filter {
            years: Years::Range {
                from: 1973,
                to: 2026,
            },
            unknown_year: true,
            ..Filter::default()
        },
    );
    let without = count(
        &mut m,
        Filter {
            years: Years::Range {
                from: 1973,
                to: 2026,
            },
            unknown_year: false,
            ..Filter::default()
        },
    );
    assert_eq!(with - without, unknown);
    assert_eq!(with, rows.len());
}

#[test]
fn as_of_and_range_agree_at_their_boundaries() {
    let rows = rows();
    let first = rows.iter().filter_map(|r| r.year).min().expect("years");
    let mut m = map();
    for y in [1979u16, 1990, 2000, 2013, 2019, 2024] {
        let a = count(
            &mut m,
            Filter {
                years: Years::AsOf { year: y },
                unknown_year: false,
                ..Filter::default()
            },
        );
        let b = count(
            &mut m,
            Filter {
                years: Years::Range { from: first, to: y },
                unknown_year: false,
                ..Filter::default()
            },
        );
        let c = count(
            &mut m,
            Filter {
                years: Years::Range { from: 1973, to: y },
                unknown_year: false,
                ..Filter::default()
            },
        );
        let want = rows
            .iter()
            .filter(|r| r.year.is_some_and(|x| x <= y))
            .count();
        assert_eq!((a, b, c), (want, want, want), "year {y}");
        // A one-year range is the difference of two as-of counts.
        let one = count(
            &mut m,
            Filter {
                years: Years::Range { from: y, to: y },
                unknown_year: false,
                ..Filter::default()
            },
        );
        let before = count(
            &mut m,
            Filter {
                years: Years::AsOf { year: y - 1 },
                unknown_year: false,
                ..Filter::default()
            },
        );
        assert_eq!(one, a - before, "year {y}");
    }
    assert_eq!(
        count(
            &mut m,
            Filter {
                years: Years::AsOf { year: 1979 },
                unknown_year: false,
                ..Filter::default()
            }
        ),
        1,
        "1979: Qingdao–Shimonoseki"
    );
}

#[test]
fn playback_runs_from_1979_to_the_unfiltered_total() {
    let rows = rows();
    let mut m = map();
    m.play();
    let c = m.caption().expect("in playback");
    assert_eq!((c.year, c.new, c.total, c.countries), (Some(1979), 1, 1, 1));
    assert_eq!(c.new_partners[0].name_en, "Shimonoseki");
    let mut last_total = 0;
    let mut guard = 0;
    while m.playback().is_some_and(|p| p.playing) {
        m.tick(100.0);
        let t = m.summary().ties;
        assert!(t >= last_total, "cumulative");
        last_total = t;
        guard += 1;
        assert!(guard < 100_000);
    }
    let c = m.caption().expect("still in playback");
    assert_eq!(c.year, None, "ends on the year-unknown step");
    assert_eq!(m.summary().ties, rows.len());
    // A manual filter change stops playback cleanly.
    m.play();
    m.set_filter(Filter {
        sister: false,
        ..Filter::default()
    });
    assert!(m.playback().is_none());
    assert_eq!(
        m.summary().ties,
        rows.iter().filter(|r| r.kind == "friendly").count()
    );
}

#[test]
fn playback_loops_and_steps() {
    let mut m = map();
    m.set_playback_options(PlayOptions {
        speed: 20.0,
        looping: true,
        animate: false,
    });
    m.play();
    for _ in 0..20_000 {
        m.tick(100.0);
        if m.playback().is_some_and(|p| p.loops >= 2) {
            break;
        }
    }
    assert!(m.playback().is_some_and(|p| p.loops >= 2 && p.playing));
    m.pause();
    m.step(1);
    m.step(-1);
    assert!(m.playback().is_some_and(|p| !p.playing));
}

#[test]
fn url_state_round_trips_and_ignores_hostile_values() {
    let mut m = map();
    let f = Filter {
        years: Years::Range {
            from: 2000,
            to: 2020,
        },
        unknown_year: false,
        regions: vec!["europe".into(), "sco".into()],
        cities: vec![2, 1],
        sister: true,
        friendly: false,
        city_level: true,
        province_level: true,
        evidence: Vec::new(),
        stages: vec![shandong_friendship_map::data::Stage::Established],
    };
    m.set_filter(f.clone());
    m.select_city(Some(2));
    m.zoom_at(3.0, 500.0, 150.0);
    let q = m.query();
    assert!(
        q.contains("years=2000-2020")
            && q.contains("regions=europe,sco")
            && q.contains("cities=Qingdao,Jinan"),
        "{q}"
    );
    let mut m2 = map();
    let warnings = m2.apply_query(&q);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(m2.filter(), &f);
    assert_eq!(m2.selected_city(), Some(2));
    assert!((m2.viewport().zoom() - 3.0).abs() < 0.01);
    assert_eq!(m2.query(), q);

    let hostile = "years=<script>alert(1)</script>&regions=europe,%3Cimg%20src%3Dx%3E&cities=Qingdao,'%20OR%201=1&kinds=all&view=NaN,1,2&asof=99999&sel=%E5%B1%B1&unknown=maybe&%ZZ=1&x=%";
    let mut m3 = map();
    let warnings = m3.apply_query(hostile);
    assert_eq!(warnings.len(), 8, "{warnings:#?}");
    assert_eq!(m3.filter().regions, vec!["europe".to_string()]);
    assert_eq!(m3.filter().cities, vec![2]);
    assert_eq!(m3.filter().years, Years::All);
    assert_eq!(map().query(), "");
    // A view panned at the whole-world zoom is kept too.
    let mut panned = map();
    panned.pan(-40.0, 0.0);
    let q = panned.query();
    assert!(q.starts_with("view=1.00,"), "{q}");
    let mut back = map();
    assert!(back.apply_query(&q).is_empty());
    assert!((back.viewport().tx - panned.viewport().tx).abs() < 1.0);
}

#[test]
fn search_finds_partners_countries_and_cities_in_both_languages() {
    let mut m = map();
    let hits = m.search("下关");
    assert!(hits.iter().any(|h| h.label_en == "Shimonoseki"), "{hits:?}");
    let hits = m.search("shimono");
    assert!(hits.iter().any(|h| h.label_zh == "下关市"));
    let hits = m.search("日本");
    let japan = hits
        .iter()
        .find(|h| matches!(&h.target, Target::Country { code, .. } if code == "JP"))
        .expect("Japan");
    let hits = m.search("青岛");
    assert!(matches!(hits[0].target, Target::City { city: 2 }));
    assert!(m.search("   ").is_empty());
    // Choosing a country highlights exactly its ties and moves the view.
    let before = *m.viewport();
    m.choose(&japan.target).expect("a fresh result");
    let n = match &japan.target {
        Target::Country { ties, .. } => ties.len(),
        _ => 0,
    };
    assert_eq!(m.focus().len(), n);
    assert_ne!(*m.viewport(), before);
}

/// The years as host pages write them (`{mode, from, to, year}`) read back through the fields
/// the page's command reader takes, and a year mode missing its field is refused with the
/// field named.
#[test]
fn years_round_trip_through_their_json_form() {
    let read = |json: &str| {
        let v: serde_json::Value = serde_json::from_str(json).expect(json);
        let year = |k: &str| {
            v.get(k)
                .and_then(serde_json::Value::as_u64)
                .map(|y| y as u16)
        };
        let mode = v
            .get("mode")
            .and_then(serde_json::Value::as_str)
            .unwrap_or("");
        Years::from_fields(mode, year("from"), year("to"), year("year"))
    };
    for years in [
        Years::All,
        Years::Range {
            from: 1979,
            to: 2000,
        },
        Years::AsOf { year: 2013 },
    ] {
        let json = serde_json::to_string(&years).expect("serialize");
        assert_eq!(read(&json), Ok(years), "{json}");
    }
    let e = read(r#"{"mode":"range","from":2000}"#).expect_err("range without `to`");
    assert!(e.to_string().contains("`to`"), "{e}");
    let e = read(r#"{"mode":"decade"}"#).expect_err("unknown mode");
    assert!(e.to_string().contains("decade"), "{e}");
}

/// Search targets read back from their JSON form (what the page hands to `choose`).
#[test]
fn search_targets_round_trip_through_their_json_form() {
    for target in [
        Target::Partner { ties: vec![1, 2] },
        Target::Country {
            code: "JP".into(),
            ties: vec![3],
        },
        Target::City { city: 4 },
    ] {
        let json = serde_json::to_string(&target).expect("serialize");
        let back: Target = serde_json::from_str(&json).expect(&json);
        assert_eq!(back, target, "{json}");
    }
    let e = serde_json::from_str::<Target>(r#"{"type":"country","ties":[1]}"#)
        .expect_err("country without code")
        .to_string();
    assert!(e.contains("`code`"), "{e}");
}

#[test]
fn evidence_mask_keeps_the_chosen_levels() {
    use shandong_friendship_map::data::{Dataset, Evidence};
    use shandong_friendship_map::filter::evidence_mask;
    let d = Dataset::builtin();
    let all = evidence_mask(&d, &[], false);
    assert!(all.iter().all(|b| *b), "every built-in row has a level");
    let strong = evidence_mask(&d, &[Evidence::Official, Evidence::PartnerSide], false);
    let want = d
        .ties
        .iter()
        .filter(|t| {
            matches!(
                t.record.evidence,
                Some(Evidence::Official | Evidence::PartnerSide)
            )
        })
        .count();
    assert_eq!(strong.iter().filter(|b| **b).count(), want);
    assert!(want > 0 && want < d.ties.len());
    let secondary = evidence_mask(&d, &[Evidence::Secondary], false);
    assert!(strong.iter().zip(&secondary).all(|(a, b)| !(*a && *b)));
    // Imported rows without the column pass only when asked.
    let (plain, _) = Dataset::from_csv(
        "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source\n\
         Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.9555,130.9371,https://e.org/x\n",
        2026,
    );
    assert_eq!(evidence_mask(&plain, &[Evidence::News], true), vec![true]);
    assert_eq!(evidence_mask(&plain, &[Evidence::News], false), vec![false]);
}

#[test]
fn year_filters_leave_out_unknown_years_unless_asked_and_count_them_apart() {
    use shandong_friendship_map::display_list::{Item, PathEl};
    let rows = rows();
    let unknown = rows.iter().filter(|r| r.year.is_none()).count();
    let by_1995 = rows
        .iter()
        .filter(|r| r.year.is_some_and(|y| y <= 1995))
        .count();
    assert!(unknown > 0 && by_1995 > 0);
    let mut m = map();
    let as_of = Filter {
        years: Years::AsOf { year: 1995 },
        ..Filter::default()
    };
    m.set_filter(as_of.clone());
    assert_eq!(
        m.summary().ties,
        by_1995,
        "unknown years left out by default"
    );
    assert_eq!(m.snapshot().unknown_apart, 0);
    m.set_filter(Filter {
        unknown_year: true,
        ..as_of
    });
    assert_eq!(m.summary().ties, by_1995 + unknown, "asked for: shown");
    assert_eq!(m.snapshot().unknown_apart, unknown, "and counted apart");
    let apart = m
        .frame()
        .items
        .iter()
        .find_map(|i| match i {
            Item::Draw(l) if l.name == "links.unknown" => Some(l.clone()),
            _ => None,
        })
        .expect("drawn apart");
    let links = apart
        .path
        .iter()
        .filter(|e| matches!(e, PathEl::MoveTo(_)))
        .count();
    assert!(links >= unknown, "{links} pieces for {unknown} ties");
    assert!(apart.style.dash_px.is_some(), "dotted");
    m.set_filter(Filter::default());
    assert_eq!(m.summary().ties, rows.len(), "no year filter: every tie");
    assert_eq!(m.snapshot().unknown_apart, 0);
}
