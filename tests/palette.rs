//! The colours live in `src/style.rs`; the page's CSS repeats a few of them (the legend, the
//! histogram, the background shown before the map draws). This keeps the copies equal.
#![cfg(not(target_arch = "wasm32"))]

use shandong_friendship_map::map::frame::BACKGROUND;
use shandong_friendship_map::style::{self, Rgba};

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path)
}

fn hex(c: Rgba) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The value of a CSS custom property in `css`.
fn var(css: &str, name: &str) -> String {
    let at = css.find(&format!("{name}:")).expect(name) + name.len() + 1;
    css[at..].split(';').next().unwrap_or("").trim().to_string()
}

#[test]
fn the_css_colours_are_the_maps() {
    let css = read("www/friendship-map.css");
    let stroke = |s: style::Style| hex(s.stroke.expect("stroked"));
    assert_eq!(var(&css, "--sister"), stroke(style::link_sister()));
    assert_eq!(var(&css, "--friendly"), stroke(style::link_friendly()));
    assert_eq!(var(&css, "--stage"), stroke(style::link_agreement()));
    assert_eq!(var(&css, "--stage"), stroke(style::link_intent()));
    assert_eq!(var(&css, "--accent"), stroke(style::link_highlight()));
    for (file, text) in [
        ("www/friendship-map.css", css.as_str()),
        ("www/page.css", &read("www/page.css")),
        ("scripts/build_single.py", &read("scripts/build_single.py")),
    ] {
        assert!(
            text.contains(&format!("background: {BACKGROUND}")),
            "{file} lacks the map's background {BACKGROUND}"
        );
    }
}
