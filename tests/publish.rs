//! Pictures that leave the page: the SVG (well-formed, one path per tie shown, text kept as
//! text, the overlay's legend, credit and review number), the command line's SVG for print,
//! the overlay's layout and the filmed playback's timing.
#![cfg(not(target_arch = "wasm32"))]

use roxmltree::{Document, Node};
use shandong_friendship_map::basemap::{Basemap, BASEMAP_110M};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::display_list::Item;
use shandong_friendship_map::film::Film;
use shandong_friendship_map::label::WidthTable;
use shandong_friendship_map::lang::Lang;
use shandong_friendship_map::map::MapState;
use shandong_friendship_map::overlay::{overlay, CaptionText};
use shandong_friendship_map::poster::texts;
use shandong_friendship_map::svg::to_svg;
use std::process::Command;

fn map(query: &str, w: f64, h: f64) -> MapState {
    let basemap = Basemap::decode(BASEMAP_110M).expect("basemap");
    let mut m = MapState::new(Dataset::builtin(), &basemap, w, h);
    assert!(m.apply_query(query).is_empty());
    m
}

/// What an SVG shows: link paths, texts, and the classes of the elements.
struct Parsed {
    links: usize,
    texts: Vec<String>,
    classes: Vec<String>,
}

fn parse(svg: &str) -> Parsed {
    let doc = Document::parse(svg).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert!(root.attribute("viewBox").is_some());
    let class = |n: Node| n.attribute("class").unwrap_or("").to_string();
    let links = root
        .descendants()
        .filter(|n| {
            n.has_tag_name("path") && n.parent().is_some_and(|p| class(p).starts_with("links."))
        })
        .inspect(|n| assert!(n.attribute("d").is_some_and(|d| d.starts_with('M'))))
        .count();
    let texts = root
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect();
    let classes = root
        .descendants()
        .map(class)
        .filter(|c| !c.is_empty())
        .collect();
    Parsed {
        links,
        texts,
        classes,
    }
}

#[test]
fn the_svg_has_one_path_per_tie_shown_and_the_overlay_as_text() {
    let m = map(
        "regions=europe&sel=Qingdao&view=1.50,20.00,40.00",
        1280.0,
        720.0,
    );
    let mut frame = m.frame_sized(1280.0, 720.0);
    let t = texts(Lang::En, Some("GS(2024)1234号"));
    frame
        .items
        .extend(overlay(&t, 1280.0, 720.0, false, &WidthTable));
    let svg = to_svg(&frame, "1280", "720");
    let p = parse(&svg);
    assert_eq!(p.links, m.summary().ties);
    assert!(m.summary().ties > 50, "a real count: {}", m.summary().ties);
    for want in [
        "sister city",
        "friendly cooperation",
        "Basemap: Natural Earth",
        "Map review number: GS(2024)1234号",
    ] {
        assert!(p.texts.iter().any(|t| t == want), "{want} in {:?}", p.texts);
    }
    // The basemap is clipped as on the canvas; dashes, halos and opacity are written.
    assert!(svg.contains("<clipPath id=\"clip1\">") && svg.contains("clip-path=\"url(#clip1)\""));
    assert!(
        svg.contains("stroke-dasharray=\"8,5\""),
        "the legend's friendly key is dashed"
    );
    assert!(
        p.classes.iter().any(|c| c == "links.selected")
            && p.classes.iter().any(|c| c == "links.dimmed")
    );
    assert!(p.classes.iter().any(|c| c == "borders"));
}

#[test]
fn the_overlay_fits_the_picture_and_follows_its_texts() {
    let mut t = texts(Lang::Zh, None);
    let items = overlay(&t, 800.0, 500.0, false, &WidthTable);
    let names: Vec<&str> = items
        .iter()
        .map(|i| match i {
            Item::Draw(l) => l.name,
            Item::Text(t) => t.name,
            _ => "",
        })
        .collect();
    assert!(
        !names.contains(&"overlay.review"),
        "no review number, no box: {names:?}"
    );
    assert!(names.contains(&"overlay.credit") && names.contains(&"overlay.legend"));
    t.review = Some("审图号：GS(2024)1234号".into());
    t.caption = Some(CaptionText {
        headline: "1979 · 新增 1 项 · 累计 1 项、1 个国家".into(),
        names: "青岛市–下关市、".repeat(40),
    });
    for item in overlay(&t, 800.0, 500.0, true, &WidthTable) {
        match item {
            Item::Draw(l) => {
                for el in &l.path {
                    if let shandong_friendship_map::display_list::PathEl::MoveTo([x, y])
                    | shandong_friendship_map::display_list::PathEl::LineTo([x, y]) = *el
                    {
                        assert!(
                            (0.0..=800.0).contains(&x) && (0.0..=500.0).contains(&y),
                            "{} at {x},{y}",
                            l.name
                        );
                    }
                }
            }
            Item::Text(layer) if layer.name == "overlay.caption.names" => {
                let text = &layer.labels[0].text;
                assert!(text.ends_with('…'), "long names are cut: {text}");
            }
            _ => {}
        }
    }
}

#[test]
fn the_command_line_svg_is_a4_at_300_dpi_and_validates() {
    let out = Command::new(env!("CARGO_BIN_EXE_friendship-map"))
        .args([
            "export", "--format", "svg", "--width", "3508", "--height", "2480",
        ])
        .args([
            "--cities",
            "Qingdao,Jinan",
            "--lang",
            "en",
            "--basemap",
            "land",
        ])
        .args(["--review-number", "GS(2024)0000号"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).expect("UTF-8");
    let doc = Document::parse(&svg).expect("well-formed");
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("297.01mm"));
    assert_eq!(root.attribute("height"), Some("209.97mm"));
    assert_eq!(root.attribute("viewBox"), Some("0 0 1122.6 793.6"));
    let p = parse(&svg);
    assert_eq!(
        p.links,
        map("cities=Qingdao,Jinan", 800.0, 400.0).summary().ties
    );
    assert!(p
        .texts
        .iter()
        .any(|t| t == "Map review number: GS(2024)0000号"));
    assert!(
        !p.classes.iter().any(|c| c == "borders"),
        "land only: no borders"
    );
    assert!(
        svg.contains("stroke-dasharray=\"4,2.5\""),
        "friendly links are dashed"
    );
    // A share link's query sets the state.
    let q = Command::new(env!("CARGO_BIN_EXE_friendship-map"))
        .args([
            "export",
            "--format",
            "svg",
            "--query",
            "as-of=1990&sel=Qingdao",
            "--dpi",
            "96",
        ])
        .args(["--width", "800", "--height", "400"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    let svg = String::from_utf8(q.stdout).expect("UTF-8");
    assert!(svg.contains("width=\"800\" height=\"400\" viewBox=\"0 0 800 400\""));
    assert_eq!(
        parse(&svg).links,
        map("as-of=1990", 800.0, 400.0).summary().ties
    );
    assert!(
        parse(&svg).texts.iter().any(|t| t == "友好城市"),
        "Chinese by default"
    );
}

/// Ties shown by `query` (no year filter) established in `year`, counted here from the rows
/// (not from the playback).
fn new_ties_in(query: &str, year: u16) -> usize {
    map(query, 800.0, 400.0)
        .rows()
        .iter()
        .filter(|r| r.established.get(..4) == Some(year.to_string().as_str()))
        .count()
}

#[test]
fn the_film_lasts_as_its_steps_and_crosses_them_exactly() {
    let query = "regions=europe";
    let film = Film::new(map(query, 640.0, 360.0), 1.0, Some(1985), Some(1987));
    // A year with new ties lasts the asked second, one without 0.35 of it.
    let want: f64 = (1985..=1987)
        .map(|y| {
            if new_ties_in(query, y) > 0 {
                1000.0
            } else {
                350.0
            }
        })
        .sum();
    assert!(
        (film.duration_ms() - want).abs() < 1e-6,
        "{} vs {want}",
        film.duration_ms()
    );
    let mut film = film;
    let year = |f: &Film| f.map().caption().and_then(|c| c.year);
    assert_eq!(year(&film), Some(1985));
    let first = if new_ties_in(query, 1985) > 0 {
        1000.0
    } else {
        350.0
    };
    // Frames at 30 fps: the step changes at the frame at or after its end, never later.
    let mut t = 0.0;
    while t < first {
        film.seek(t);
        assert_eq!(year(&film), Some(1985), "at {t} ms");
        t += 1000.0 / 30.0;
    }
    film.seek(t);
    assert_eq!(year(&film), Some(1986), "at {t} ms");
    film.seek(1e9);
    assert_eq!(
        year(&film),
        Some(1987),
        "the last step stays shown at the end"
    );
    assert!(film.time_ms() < film.duration_ms());
}
