//! Stories: the file read and checked (every problem named by step and field, the other steps
//! playing), a step applied exactly as the same link, keys, automatic play, the film and the
//! handout.

use shandong_friendship_map::basemap::Basemap;
use shandong_friendship_map::command::{Command, KeyPress};
use shandong_friendship_map::data::Dataset;
use shandong_friendship_map::film::{Reel, StoryFilm};
use shandong_friendship_map::lang::Lang;
use shandong_friendship_map::map::flight::STORY_FLIGHT_MS;
use shandong_friendship_map::map::{MapState, Snapshot};
use shandong_friendship_map::publication::Publication;
use shandong_friendship_map::story::{Read, MAX_CAPTION_CHARS, MAX_STEPS};

fn map() -> MapState {
    MapState::new(Dataset::builtin(), &Basemap::default(), 800.0, 400.0).with_year(2026)
}

fn read(text: &str) -> Read {
    map().read_story(text)
}

fn problems(r: &Read) -> Vec<String> {
    r.problems.iter().map(|p| p.to_string()).collect()
}

const THREE: &str = r#"{"title": "Shandong", "steps": [
  {"state": "asof=1979&sel=Qingdao&view=4,125,35", "caption": {"zh": "1979年：青岛与下关", "en": "1979: Qingdao and Shimonoseki"}, "duration": 5},
  {"state": "years=1990-1999&regions=eastern-asia", "caption": {"en": "The 1990s: Japan and Korea"}},
  {"state": "cities=Qingdao&sel=Qingdao&proj=globe", "caption": "青岛"}
]}"#;

#[test]
fn a_valid_story_reads_whole_and_captions_fall_back() {
    let r = read(THREE);
    assert!(r.problems.is_empty(), "{:?}", problems(&r));
    let s = r.story.expect("story");
    assert_eq!(s.title, "Shandong");
    assert_eq!(s.steps.len(), 3);
    assert_eq!(s.steps[0].duration, 5.0);
    assert_eq!(s.steps[1].duration, 8.0, "the default");
    assert_eq!(
        s.steps[1].caption.zh, "The 1990s: Japan and Korea",
        "zh falls back to en"
    );
    assert_eq!(s.steps[2].caption.en, "青岛", "a plain caption is both");
    // A whole share link is a step: its query is the state.
    let link = r#"{"steps": [{"state": "https://example.org/map/embed.html?regions=europe#x", "caption": "x"}]}"#;
    let r = read(link);
    assert_eq!(r.story.expect("story").steps[0].state, "regions=europe");
}

#[test]
fn missing_and_wrong_fields_are_named_and_the_rest_plays() {
    let text = r#"{"title": 5, "extra": 1, "steps": [
      {"state": "asof=2000", "caption": {"zh": "一"}},
      {"caption": {"zh": "二"}},
      {"state": "asof=2001"},
      {"state": "asof=2002", "caption": {"zh": ""}},
      {"state": 7, "caption": {"en": 3}},
      "step",
      {"state": "asof=2003", "caption": {"zh": "六", "fr": "six"}, "duration": 0, "note": "x"}
    ]}"#;
    let r = read(text);
    assert_eq!(
        problems(&r),
        [
            "extra: unknown field (title, steps)",
            "title: takes text, not a number (left out)",
            "step 2: state: missing (step left out)",
            "step 3: caption: missing (step left out)",
            "step 4: caption: empty (step left out)",
            "step 5: state: takes text (a URL query), not a number (step left out)",
            "step 5: caption.en: takes text, not a number (step left out)",
            "step 6: step: takes an object, not text (step left out)",
            "step 7: note: unknown field (state, caption, duration)",
            "step 7: caption: unknown language `fr` (zh, en)",
            "step 7: duration: takes seconds from 1 to 600, not `0` (8 used)",
        ]
    );
    let s = r.story.expect("two steps play");
    assert_eq!(s.steps.len(), 2);
    assert_eq!(s.steps[1].state, "asof=2003");
}

#[test]
fn a_states_unknown_keys_and_values_are_named_and_the_step_plays() {
    let text = r#"{"steps": [{"state": "regions=atlantis,europe&foo=1&lang=en&asof=1800&sel=Qingdao", "caption": "x"}]}"#;
    let r = read(text);
    assert_eq!(
        problems(&r),
        [
            "step 1: state: `foo` is not part of the map's state (ignored)",
            "step 1: state: `lang` is not part of the map's state (ignored)",
            "step 1: state: ignored URL parameter regions=\"atlantis\"",
            "step 1: state: ignored URL parameter asof=\"1800\"",
        ]
    );
    assert!(r.problems.iter().all(|p| !p.fatal));
    assert_eq!(r.story.expect("plays").steps.len(), 1);
}

#[test]
fn files_that_cannot_play_are_refused_with_the_reason() {
    let cases = [
        (
            "{\"steps\": []}",
            "steps: none: a story has at least one step",
        ),
        (
            "[1]",
            "file: expected an object {\"title\", \"steps\"}, found a list",
        ),
        (
            "{\"title\": \"x\"}",
            "steps: takes a list of steps, not nothing",
        ),
        (
            "{\"steps\": [",
            "file: not valid JSON (line 1, column 12: the text ends where a value is expected)",
        ),
        (
            "{\"steps\": [{\"state\": \"\"}]}",
            "steps: no step can be played",
        ),
    ];
    for (text, last) in cases {
        let r = read(text);
        assert!(r.story.is_none(), "{text}");
        assert_eq!(
            problems(&r).last().map(String::as_str),
            Some(last),
            "{text}"
        );
    }
    let mut m = map();
    let before = m.snapshot();
    let e = m
        .apply(Command::Story("{\"steps\": []}".into()))
        .expect_err("refused");
    assert_eq!(
        e.to_string(),
        "story: cannot play: steps: none: a story has at least one step"
    );
    assert_eq!(m.snapshot(), before, "a refused story changes nothing");
    assert!(m.apply(Command::StoryGo(1)).is_err(), "no story is open");
}

fn steps(n: usize) -> String {
    let one = r#"{"state": "asof=2000", "caption": {"zh": "步", "en": "step"}, "duration": 1}"#;
    format!("{{\"steps\": [{}]}}", vec![one; n].join(","))
}

#[test]
fn a_thousand_steps_play_and_one_more_is_refused() {
    let r = read(&steps(MAX_STEPS));
    assert!(r.problems.is_empty());
    assert_eq!(r.story.expect("plays").steps.len(), MAX_STEPS);
    let r = read(&steps(MAX_STEPS + 1));
    assert!(r.story.is_none());
    assert_eq!(problems(&r), ["steps: 1001 steps, at most 1000"]);
}

#[test]
fn hostile_captions_are_text_without_controls_and_long_ones_are_refused() {
    let text = r#"{"title": "<b>\u001b[31m</b>", "steps": [
      {"state": "", "caption": {"en": "<script>alert(1)</script>\u202e\u0007 evil\n\"line\"", "zh": "&amp;"}},
      {"state": "", "caption": {"en": "LONG"}}
    ]}"#
    .replace("LONG", &"x".repeat(MAX_CAPTION_CHARS + 1));
    let r = read(&text);
    assert_eq!(
        problems(&r),
        ["step 2: caption.en: 501 characters, at most 500 (step left out)"]
    );
    let s = r.story.expect("one step plays");
    assert_eq!(s.title, "<b>[31m</b>");
    assert_eq!(
        s.steps[0].caption.en,
        "<script>alert(1)</script> evil \"line\""
    );
    assert_eq!(
        s.steps[0].caption.zh, "&amp;",
        "text stays text: nothing is decoded"
    );
    // The handout writes it as text.
    let mut m = map();
    m.apply(Command::Story(text)).expect("opens");
    let html = shandong_friendship_map::handout::handout(&m, &picture(), Lang::En).expect("story");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&amp;amp;"));
    assert!(!html.contains("<script") && !html.contains("<b>"));
    assert!(html.contains("default-src 'none'"));
}

/// The snapshot without what differs between any two maps in the same state: versions, the
/// story.
fn state_of(m: &MapState) -> (Snapshot, String) {
    let mut s = m.snapshot();
    s.version = 0;
    s.story = None;
    (s, m.query())
}

#[test]
fn a_step_applies_exactly_as_the_same_link_on_a_fresh_map() {
    let mut m = map();
    let mut out = m.apply(Command::Story(THREE.into())).expect("opens");
    assert!(out.story_problems.is_empty());
    let steps = m.story().expect("open").story().steps.clone();
    // In any order, after anything: the step is its link.
    for (i, extra) in [
        (2, Some(Command::Pan { dx: 40.0, dy: 9.0 })),
        (0, None),
        (1, Some(Command::ResetFilter)),
        (2, None),
        (1, None),
    ] {
        if let Some(c) = extra {
            m.apply(c).expect("applies");
        }
        out = m.apply(Command::StoryGo(i)).expect("goes");
        let mut fresh = map();
        let link = fresh
            .apply(Command::Query(steps[i].state.clone()))
            .expect("applies");
        assert_eq!(out.warnings, link.warnings);
        assert_eq!(state_of(&m), state_of(&fresh), "step {i}");
        assert_eq!(m.story_info().expect("open").step, i);
    }
}

#[test]
fn keys_step_the_story_and_the_timeline_does_not_play_under_it() {
    let mut m = map();
    m.apply(Command::Story(THREE.into())).expect("opens");
    let key = |name: &str| {
        Command::Key(KeyPress {
            name: name.into(),
            on_map: false,
            in_field: false,
        })
    };
    let step = |m: &MapState| m.story_info().expect("open").step;
    assert!(m.apply(key("PageDown")).expect("key").key_used);
    assert_eq!(step(&m), 1);
    m.apply(key("End")).expect("key");
    assert_eq!(step(&m), 2);
    m.apply(key("PageDown")).expect("key");
    assert_eq!(step(&m), 2, "the last step stays");
    m.apply(key("Home")).expect("key");
    assert_eq!(step(&m), 0);
    assert!(
        !m.apply(key(" ")).expect("key").key_used,
        "space is the page's outside presenter mode"
    );
    m.apply(Command::Presenting(true)).expect("presents");
    assert!(!m.spinning(), "the step's view holds");
    m.apply(key(" ")).expect("key");
    m.apply(key("ArrowRight")).expect("key");
    assert_eq!(step(&m), 2);
    m.apply(key("ArrowLeft")).expect("key");
    assert_eq!(step(&m), 1);
    m.apply(Command::Play).expect("no-op");
    assert!(
        m.playback().is_none(),
        "the timeline does not play under a story"
    );
    m.apply(Command::CloseStory).expect("closes");
    assert!(m.story_info().is_none());
    m.apply(Command::Play).expect("plays");
    assert!(m.playback().is_some());
}

#[test]
fn automatic_play_holds_each_step_for_its_duration_with_the_flight_before() {
    let mut m = map();
    m.apply(Command::ViewAnimation(true)).expect("flights");
    m.apply(Command::Story(THREE.into())).expect("opens");
    m.apply(Command::StoryPlay(true)).expect("plays");
    let step = |m: &MapState| m.story_info().expect("open").step;
    let mut t = 0.0;
    let mut changes = Vec::new();
    let playing = |m: &MapState| m.story_info().expect("open").playing;
    while t < 30_000.0 && playing(&m) {
        // Frames are needed only while flying; the host sleeps out the rest of a step.
        let flying = m.tick(50.0);
        let wake = m.story_wake_ms();
        assert!(
            flying || wake.is_some_and(|ms| ms > 0.0) || !playing(&m),
            "at {t} ms"
        );
        t += 50.0;
        if changes.last().map(|&(s, _)| s) != Some(step(&m)) {
            changes.push((step(&m), t));
        }
    }
    // Step 1 holds 5 s, step 2 flies 1.5 s then holds 8 s, step 3 (another projection: a
    // pause instead of a flight) 1.5 s + 8 s; then the talk ends on its last step.
    assert_eq!(
        changes,
        [
            (0, 50.0),
            (1, 5000.0),
            (2, 5000.0 + STORY_FLIGHT_MS + 8000.0)
        ]
    );
    assert!(!m.story_info().expect("open").playing);
    assert_eq!(step(&m), 2);
    assert!(
        (t - (5000.0 + 2.0 * (STORY_FLIGHT_MS + 8000.0))).abs() <= 50.0,
        "{t}"
    );
}

fn picture() -> Publication {
    Publication::new(640.0, 360.0, 1.0, 8192.0).expect("size")
}

#[test]
fn the_film_of_a_story_lasts_its_steps_and_flights_and_shows_each_step() {
    let mut m = map();
    m.apply(Command::Story(THREE.into())).expect("opens");
    m.resize(640.0, 360.0);
    let mut film = StoryFilm::new(m.fork()).expect("a story");
    let want = 5000.0 + 8000.0 + 8000.0 + 2.0 * STORY_FLIGHT_MS;
    assert_eq!(film.duration_ms(), want);
    let steps = m.story().expect("open").story().steps.clone();
    for (t, step) in [
        (0.0, 0),
        (4999.0, 0),
        (5001.0, 1),
        (6600.0, 1),
        (14_600.0, 2),
        (want, 2),
    ] {
        film.seek(t);
        assert_eq!(film.step(), step, "at {t} ms");
    }
    // Held, a step's picture is its link's (the flight over).
    let mut film = StoryFilm::new(m.fork()).expect("a story");
    film.seek(5000.0 + STORY_FLIGHT_MS + 100.0);
    let mut fresh = map();
    fresh.resize(640.0, 360.0);
    fresh
        .apply(Command::Query(steps[1].state.clone()))
        .expect("applies");
    assert_eq!(film.map().query(), fresh.query());
    assert_eq!(
        m.story_info().expect("open").step,
        0,
        "the live map is untouched"
    );
}

#[test]
fn the_handout_has_every_step_with_its_picture_and_sentences() {
    let mut m = map();
    m.apply(Command::Story(THREE.into())).expect("opens");
    let html = shandong_friendship_map::handout::handout(&m, &picture(), Lang::Zh).expect("story");
    assert_eq!(html.matches("<section>").count(), 3);
    assert_eq!(html.matches("<svg ").count(), 3);
    for n in ["1 / 3", "2 / 3", "3 / 3"] {
        assert!(html.contains(n), "{n}");
    }
    assert!(html.contains("1979年：青岛与下关") && html.contains("1979: Qingdao and Shimonoseki"));
    // Each picture's ids are its own.
    assert!(html.contains("id=\"s1-clip1\"") && html.contains("id=\"s3-clip1\""));
    assert!(html.contains("<title>Shandong</title>") && html.contains("lang=\"zh-CN\""));
    assert!(m.story_info().expect("open").step == 0, "made on a fork");
}

#[test]
fn a_published_picture_carries_the_steps_caption_when_asked() {
    use shandong_friendship_map::display_list::Item;
    use shandong_friendship_map::overlay::StoryCaptionText;
    let m = map();
    let mut p = picture();
    p.texts.story = Some(StoryCaptionText {
        sentence: "1979: Qingdao and Shimonoseki, the first tie of Shandong with a city abroad"
            .into(),
        count: "1 / 7".into(),
    });
    let frame = m.publish(&p);
    let names: Vec<&str> = frame
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some(t.name),
            _ => None,
        })
        .collect();
    assert!(
        names.contains(&"overlay.story") && names.contains(&"overlay.story.count"),
        "{names:?}"
    );
}
