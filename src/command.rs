//! Everything a page asks of a map, as data: the one door in. Buttons, keys, the pointer, the
//! element's attributes, the URL and the JavaScript API all become [`Command`]s, applied by
//! [`crate::map::MapState::apply`]; a command the map cannot use is refused with an error that
//! names the field and the value, never applied as a silent empty map.

use crate::closeup::InsetPlacement;
use crate::data::{Evidence, Stage};
use crate::filter::Years;
use crate::label::Rect;
use crate::lang::Lang;
use crate::playback::PlayOptions;
use crate::projection::ProjectionKind;
use crate::scene::BasemapStyle;
use crate::search::Target;
use crate::url_state::{View, Warning};

/// A Shandong side (or an imported origin) by its index among the dataset's origins, or by its
/// English or Chinese name.
#[derive(Clone, Debug, PartialEq)]
pub enum CityRef {
    /// Index among the dataset's origins (the snapshot's `cities[].index`).
    Index(usize),
    /// English or Chinese name (`Qingdao`, `青岛市`, `Shandong` for the province).
    Name(String),
}

/// The fields of the filter to change; `None` keeps a field as it is. Lists replace the
/// filter's list (an empty list means "all").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilterPatch {
    /// Years shown.
    pub years: Option<Years>,
    /// Ties of unknown year shown (apart) under a year filter.
    pub unknown_year: Option<bool>,
    /// Region ids (`data/regions.csv`).
    pub regions: Option<Vec<String>>,
    /// Origins.
    pub cities: Option<Vec<CityRef>>,
    /// Sister ties shown.
    pub sister: Option<bool>,
    /// Friendly ties shown.
    pub friendly: Option<bool>,
    /// City-level partners shown.
    pub city_level: Option<bool>,
    /// Province-level partners shown.
    pub province_level: Option<bool>,
    /// Evidence levels shown.
    pub evidence: Option<Vec<Evidence>>,
    /// Stages shown (established, agreement, intent).
    pub stages: Option<Vec<Stage>>,
}

/// One thing a page asks of the map.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    // ---------- what is shown ----------
    /// Changes the fields of the filter given; leaves the timeline. Unknown regions, cities
    /// or levels are refused by name; each value is kept once.
    Filter(FilterPatch),
    /// Back to the default filter (everything shown); leaves the timeline.
    ResetFilter,
    /// Emphasises an origin's links, or clears the emphasis (`None`).
    Select(Option<CityRef>),
    /// Focuses a search result: a city is selected, a partner's or country's ties highlighted,
    /// and the view fitted to them.
    Focus(Target),
    /// Applies a URL query (short keys or the element's attribute names): filter, selection,
    /// projection and view. Bad values are skipped with warnings, never refused.
    Query(String),

    // ---------- the timeline ----------
    /// Plays the years (from the first, or on from a pause).
    Play,
    /// Pauses the timeline.
    Pause,
    /// Plays or pauses.
    TogglePlay,
    /// Leaves the timeline; the filter's years apply again.
    Stop,
    /// Steps the timeline by a number of years.
    Step(i32),
    /// Speed, looping and growth of the timeline.
    Playback(PlayOptions),

    // ---------- the camera ----------
    /// Moves the map by a screen offset, CSS px.
    Pan {
        /// Rightwards, CSS px.
        dx: f64,
        /// Downwards, CSS px.
        dy: f64,
    },
    /// Zooms by a factor keeping the point (`x`, `y`) CSS px fixed.
    ZoomAt {
        /// Scale factor.
        factor: f64,
        /// Anchor, CSS px.
        x: f64,
        /// Anchor, CSS px.
        y: f64,
    },
    /// Zooms by a factor about the centre.
    ZoomBy(f64),
    /// Back to the whole world, nothing selected.
    ResetView,
    /// Fits the view to the ties shown.
    FitShown,
    /// Moves the camera to a view (zoom and centre).
    View(View),
    /// Switches the projection.
    Projection(ProjectionKind),
    /// Whether fits of the view fly there (off for reduced motion).
    ViewAnimation(bool),

    // ---------- the pointer ----------
    /// The pointer hovers at (`x`, `y`) CSS px.
    Hover {
        /// CSS px.
        x: f64,
        /// CSS px.
        y: f64,
    },
    /// Nothing is hovered any more.
    ClearHover,
    /// A click (or tap) at (`x`, `y`) CSS px.
    Click {
        /// CSS px.
        x: f64,
        /// CSS px.
        y: f64,
    },
    /// Esc in presenter mode: the page leaves it (the map reports it).
    LeavePresentation,
    /// A key pressed: what it does depends on where and on the map's mode
    /// ([`crate::gesture::key_action`]).
    Key(KeyPress),

    // ---------- a story ----------
    /// Opens a story file's text ([`crate::story`]) on its first step; its problems are
    /// reported. Refused (the map unchanged) when no step can play.
    Story(String),
    /// Leaves the story; the map stays as its step left it.
    CloseStory,
    /// Goes to a step of the story (from 0; past the last goes to the last).
    StoryGo(usize),
    /// Steps the story by a number of steps.
    StoryStep(i32),
    /// Turns the story's automatic play on or off.
    StoryPlay(bool),

    // ---------- the page ----------
    /// The language of the names on the map.
    Language(Lang),
    /// Presenter mode: the picture scales with the screen and the globe turns by itself.
    Presenting(bool),
    /// The canvas's size, CSS px.
    Resize {
        /// CSS px.
        width: f64,
        /// CSS px.
        height: f64,
    },
    /// Where the Shandong close-up goes.
    Closeup(InsetPlacement),
    /// Boxes the page's own controls cover over the canvas (no name goes there).
    Reserved(Vec<Rect>),
    /// The basemap's style.
    Basemap(BasemapStyle),
    /// Whether the table of the ties shown is open (the snapshot then carries its rows).
    Table(bool),
}

/// A key as the DOM names it (`KeyboardEvent.key`), with where it was pressed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyPress {
    /// `KeyboardEvent.key`.
    pub name: String,
    /// Whether the map's canvas has the focus (the map's own keys apply only then).
    pub on_map: bool,
    /// Whether a text field, list or other control has the focus (it keeps its keys).
    pub in_field: bool,
}

/// What applying a command did, for the host to follow up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// The selected city changed.
    pub selection_changed: bool,
    /// The hover target changed (the tooltip follows).
    pub hover_changed: bool,
    /// The page should leave presenter mode.
    pub leave_presentation: bool,
    /// An animation started (playback, the globe's turn): its clock starts now.
    pub animation_started: bool,
    /// Values skipped (a URL query's bad values).
    pub warnings: Vec<Warning>,
    /// What a story file said that the map could not use.
    pub story_problems: Vec<crate::story::Problem>,
    /// A key did something (the page keeps it from the browser).
    pub key_used: bool,
}

impl CityRef {
    /// The origin's index in `dataset`; an error names an unknown name or index.
    pub fn resolve(&self, dataset: &crate::data::Dataset) -> Result<usize, crate::Error> {
        match self {
            CityRef::Index(i) if *i < dataset.origins.len() => Ok(*i),
            CityRef::Index(i) => Err(crate::Error::NotInData {
                what: "city",
                index: *i,
            }),
            CityRef::Name(n) => dataset
                .origin_index(n)
                .ok_or_else(|| crate::Error::value("cities", format!("no city `{n}`"))),
        }
    }
}

/// `items` with each value once, in first-seen order.
fn once<T: PartialEq>(items: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for x in items {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

impl FilterPatch {
    /// `filter` with this patch's fields, checked against the data and the regions: an unknown
    /// region id, city or a year outside `first..=last` is refused with its name.
    pub fn applied_to(
        &self,
        filter: &crate::filter::Filter,
        dataset: &crate::data::Dataset,
        regions: &[crate::data::Region],
        (first, last): (u16, u16),
    ) -> Result<crate::filter::Filter, crate::Error> {
        use crate::Error;
        let mut f = filter.clone();
        if let Some(y) = self.years {
            let ok = |v: u16| (first..=last).contains(&v);
            let valid = match y {
                Years::All => true,
                Years::Range { from, to } => ok(from) && ok(to) && from <= to,
                Years::AsOf { year } => ok(year),
            };
            if !valid {
                let asked = match y {
                    Years::All => String::new(),
                    Years::Range { from, to } => format!("{from}-{to}"),
                    Years::AsOf { year } => format!("{year}"),
                };
                let why = format!("`{asked}` is not within {first} to {last} (from not after to)");
                return Err(Error::value("years", why));
            }
            f.years = y;
        }
        if let Some(list) = &self.regions {
            if let Some(bad) = list.iter().find(|id| !regions.iter().any(|r| &r.id == *id)) {
                let ids: Vec<&str> = regions.iter().map(|r| r.id.as_str()).collect();
                let why = format!("unknown region `{bad}` (ids: {})", ids.join(", "));
                return Err(Error::value("regions", why));
            }
            f.regions = once(list.iter().cloned());
        }
        if let Some(list) = &self.cities {
            let found: Result<Vec<usize>, Error> =
                list.iter().map(|c| c.resolve(dataset)).collect();
            f.cities = once(found?);
        }
        if let Some(list) = &self.evidence {
            f.evidence = once(list.iter().copied());
        }
        if let Some(list) = &self.stages {
            f.stages = once(list.iter().copied());
        }
        let flags = [
            (self.unknown_year, &mut f.unknown_year),
            (self.sister, &mut f.sister),
            (self.friendly, &mut f.friendly),
            (self.city_level, &mut f.city_level),
            (self.province_level, &mut f.province_level),
        ];
        for (patch, field) in flags {
            if let Some(v) = patch {
                *field = v;
            }
        }
        Ok(f)
    }
}
