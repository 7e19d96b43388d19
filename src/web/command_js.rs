//! Commands read from the page's plain objects (`{type: "filter", regions: ["europe"]}`): the
//! core's [`Command`]s, and the few the web layer handles itself (a data file, an office's
//! basemap, the 1:50m basemap), which need the browser (`JSON.parse`) or bytes. Every field is
//! checked: a value of the wrong type is a `TypeError` that names it; a value the map does not
//! know (an unknown region, projection or style) is an `Error` that names it.

use super::fields::{index, short_text, Fields};
use super::js::{js_err, type_err};
use crate::closeup::InsetPlacement;
use crate::command::{CityRef, Command, FilterPatch, KeyPress};
use crate::data::{Evidence, Stage, STAGE_NAMES};
use crate::filter::Years;
use crate::label::Rect;
use crate::lang::Lang;
use crate::playback::PlayOptions;
use crate::projection::ProjectionKind;
use crate::scene::BasemapStyle;
use crate::search::Target;
use crate::url_state::View;
use wasm_bindgen::{JsCast, JsValue};

/// How far an import goes in one command (the page yields to the browser between stages to
/// show its progress).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportStage {
    /// All three stages at once.
    All,
    /// Read and parse the file.
    Start,
    /// Place the partners on the 1:50m basemap.
    Place,
    /// Show the data read.
    Finish,
}

/// A command as the page sends it.
pub enum PageCommand {
    /// One of the core's commands.
    Map(Command),
    /// A data file (its stages; the file with the first).
    Import {
        /// Which stage(s).
        stage: ImportStage,
        /// The file and its options (for `All` and `Start`).
        data: JsValue,
        /// `{file, preset, mode}`.
        options: JsValue,
    },
    /// The built-in data again.
    BuiltinData,
    /// An office's basemap (GeoJSON or TopoJSON text).
    LoadBasemap(String),
    /// The 1:50m basemap's bytes.
    DetailBasemap(Vec<u8>),
    /// The built-in rows' source URLs (`sources.txt`), fetched after the first frame.
    Sources(String),
}

/// A named value of a name table, or an `Error` listing the names.
fn named<T>(
    value: &str,
    field: &str,
    parse: impl Fn(&str) -> Option<T>,
    names: &str,
) -> Result<T, JsValue> {
    parse(value).ok_or_else(|| js_err(&format!("{field}: unknown value `{value}` ({names})")))
}

fn years(f: &Fields) -> Result<Option<Years>, JsValue> {
    if f.absent("years") {
        return Ok(None);
    }
    let raw = f.raw("years");
    let y = Fields::of(&raw, "dispatch(filter).years")?;
    let year = |k: &str| Ok::<_, JsValue>(y.whole(k, 65535.0)?.map(|v| v as u16));
    let mode = y.need_text("mode")?;
    Years::from_fields(&mode, year("from")?, year("to")?, year("year")?)
        .map(Some)
        .map_err(|e| js_err(&e.to_string()))
}

fn city(v: &JsValue) -> Option<CityRef> {
    index(v)
        .map(CityRef::Index)
        .or_else(|| short_text(v).map(CityRef::Name))
}

/// The stages of a filter command, each refused by name when it is not one.
fn stages(f: &Fields) -> Result<Option<Vec<Stage>>, JsValue> {
    let names: Vec<&str> = STAGE_NAMES.iter().map(|(_, n)| *n).collect();
    f.list("stages", "stage names", short_text)?
        .map(|list| {
            list.iter()
                .map(|n| named(n, "stages", Stage::from_name, &names.join(", ")))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()
}

fn filter(f: &Fields) -> Result<Command, JsValue> {
    let evidence = f.list("evidence", "evidence levels", short_text)?;
    let evidence = evidence
        .map(|names| {
            names
                .iter()
                .map(|n| {
                    named(
                        n,
                        "evidence",
                        Evidence::from_name,
                        "official, partner-side, news, secondary",
                    )
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    Ok(Command::Filter(FilterPatch {
        years: years(f)?,
        unknown_year: f.boolean("unknown_year")?,
        regions: f.list("regions", "region ids", short_text)?,
        cities: f.list("cities", "city names or indexes", city)?,
        sister: f.boolean("sister")?,
        friendly: f.boolean("friendly")?,
        city_level: f.boolean("city_level")?,
        province_level: f.boolean("province_level")?,
        evidence,
        stages: stages(f)?,
    }))
}

/// A story file's text (`text`), of at most [`crate::story::MAX_STORY_BYTES`].
fn story_text(f: &Fields) -> Result<String, JsValue> {
    let raw = f.raw("text");
    let js = raw
        .dyn_ref::<js_sys::JsString>()
        .ok_or_else(|| f.wrong("text", "a story file's text"))?;
    let max = crate::story::MAX_STORY_BYTES;
    // A UTF-16 unit is at least a byte of UTF-8: a text this long is too large as it stands.
    if js.length() as usize > max {
        return Err(js_err(&format!(
            "story: the file is larger than {max} bytes"
        )));
    }
    raw.as_string()
        .ok_or_else(|| f.wrong("text", "a story file's text"))
}

/// A search result's target, as `search()` writes it.
fn target(v: &JsValue) -> Result<Target, JsValue> {
    let t = Fields::of(v, "dispatch(focus).target")?;
    let ties = t.list("ties", "tie indexes", index)?;
    let city = t.whole("city", 1e9)?.map(|x| x as usize);
    Target::from_fields(&t.need_text("type")?, ties, t.text("code")?, city)
        .map_err(|e| js_err(&e.to_string()))
}

fn view(f: &Fields) -> Result<Command, JsValue> {
    Ok(Command::View(View {
        zoom: f.need_number("zoom")?,
        lon: f.need_number("lon")?,
        lat: f.need_number("lat")?,
    }))
}

fn reserved(f: &Fields) -> Result<Command, JsValue> {
    let numbers = f.list("boxes", "numbers", |v| v.as_f64().filter(|x| x.is_finite()))?;
    let boxes = numbers.unwrap_or_default();
    let rects = boxes
        .chunks_exact(4)
        .map(|b| Rect::new(b[0], b[1], b[2], b[3]));
    Ok(Command::Reserved(rects.collect()))
}

fn playback(f: &Fields) -> Result<Command, JsValue> {
    let d = PlayOptions::default();
    Ok(Command::Playback(PlayOptions {
        speed: f.number("speed")?.unwrap_or(d.speed),
        looping: f.boolean("loop")?.unwrap_or(d.looping),
        animate: f.boolean("animate")?.unwrap_or(d.animate),
    }))
}

fn import(f: &Fields, stage: ImportStage) -> PageCommand {
    PageCommand::Import {
        stage,
        data: f.raw("data"),
        options: f.raw("options"),
    }
}

/// A camera, pointer or page command of type `kind`, if it is one.
fn view_command(kind: &str, f: &Fields) -> Result<Option<Command>, JsValue> {
    let text = |k: &str| f.need_text(k);
    let xy = || Ok::<_, JsValue>((f.need_number("x")?, f.need_number("y")?));
    Ok(Some(match kind {
        "pan" => Command::Pan {
            dx: f.need_number("dx")?,
            dy: f.need_number("dy")?,
        },
        "zoom" => {
            let factor = f.need_number("factor")?;
            if factor <= 0.0 {
                return Err(f.wrong("factor", "a number above 0"));
            }
            match (f.number("x")?, f.number("y")?) {
                (Some(x), Some(y)) => Command::ZoomAt { factor, x, y },
                _ => Command::ZoomBy(factor),
            }
        }
        "zoomIn" => Command::ZoomBy(crate::gesture::ZOOM_STEP),
        "zoomOut" => Command::ZoomBy(1.0 / crate::gesture::ZOOM_STEP),
        "resetView" => Command::ResetView,
        "fit" => Command::FitShown,
        "view" => view(f)?,
        "projection" => Command::Projection(named(
            &text("name")?,
            "projection",
            ProjectionKind::from_name,
            "naturalearth, globe, equirectangular",
        )?),
        "viewAnimation" => Command::ViewAnimation(f.need_boolean("on")?),
        "hover" => {
            let (x, y) = xy()?;
            Command::Hover { x, y }
        }
        "clearHover" => Command::ClearHover,
        "click" => {
            let (x, y) = xy()?;
            Command::Click { x, y }
        }
        // A key pressed on the page outside the map (a presentation clicker's).
        "key" => Command::Key(KeyPress {
            name: short_text(&f.raw("key")).ok_or_else(|| f.wrong("key", "a key name"))?,
            on_map: false,
            in_field: false,
        }),
        "language" => Command::Language(named(
            &text("lang")?,
            "language",
            Lang::from_name,
            "zh, en",
        )?),
        "presenting" => Command::Presenting(f.need_boolean("on")?),
        "inset" => Command::Closeup(named(
            &text("placement")?,
            "inset",
            InsetPlacement::parse,
            "auto, none, top-left, top-right, bottom-left, bottom-right",
        )?),
        "reserved" => reserved(f)?,
        "basemap" => Command::Basemap(named(
            &text("style")?,
            "basemap",
            BasemapStyle::from_name,
            "countries, land, china",
        )?),
        "table" => Command::Table(f.need_boolean("open")?),
        _ => return Ok(None),
    }))
}

/// A command on what is shown or the timeline of type `kind`, if it is one.
fn data_command(kind: &str, f: &Fields) -> Result<Option<Command>, JsValue> {
    Ok(Some(match kind {
        "filter" => filter(f)?,
        "resetFilter" => Command::ResetFilter,
        "select" => {
            let c = f.raw("city");
            let none = c.is_null() || c.is_undefined() || c.as_string().as_deref() == Some("");
            let pick = || city(&c).ok_or_else(|| f.wrong("city", "a city name, an index or null"));
            Command::Select(if none { None } else { Some(pick()?) })
        }
        "focus" => Command::Focus(target(&f.raw("target"))?),
        "query" => Command::Query(f.need_text("query")?),
        "play" => Command::Play,
        "pause" => Command::Pause,
        "togglePlay" => Command::TogglePlay,
        "stop" => Command::Stop,
        "step" => Command::Step(f.number("by")?.unwrap_or(1.0).clamp(-1e4, 1e4) as i32),
        "playback" => playback(f)?,
        "story" => Command::Story(story_text(f)?),
        "closeStory" => Command::CloseStory,
        "storyGo" => Command::StoryGo(
            f.whole("step", 1e9)?
                .ok_or_else(|| f.wrong("step", "a whole number"))? as usize,
        ),
        "storyStep" => Command::StoryStep(f.number("by")?.unwrap_or(1.0).clamp(-1e4, 1e4) as i32),
        "storyPlay" => Command::StoryPlay(f.need_boolean("on")?),
        _ => return Ok(None),
    }))
}

/// A command the web layer runs itself (data files, basemaps) of type `kind`, if it is one.
fn page_command(kind: &str, f: &Fields) -> Result<Option<PageCommand>, JsValue> {
    Ok(Some(match kind {
        "import" => import(f, ImportStage::All),
        "importStart" => import(f, ImportStage::Start),
        "importPlace" => import(f, ImportStage::Place),
        "importFinish" => import(f, ImportStage::Finish),
        "builtinData" => PageCommand::BuiltinData,
        "sources" => {
            let t = f.raw("text");
            PageCommand::Sources(t.as_string().ok_or_else(|| f.wrong("text", "text"))?)
        }
        "loadBasemap" => {
            let t = f.raw("text");
            PageCommand::LoadBasemap(t.as_string().ok_or_else(|| f.wrong("text", "text"))?)
        }
        "detailBasemap" => {
            let b = f.raw("bytes");
            let bytes = b
                .dyn_ref::<js_sys::Uint8Array>()
                .map(js_sys::Uint8Array::to_vec)
                .ok_or_else(|| f.wrong("bytes", "a Uint8Array"))?;
            PageCommand::DetailBasemap(bytes)
        }
        _ => return Ok(None),
    }))
}

/// The command `v` (`{type, …}`).
pub fn command(v: &JsValue) -> Result<PageCommand, JsValue> {
    let f = Fields::of(v, "dispatch(command)")?;
    let kind = f.need_text("type")?;
    if let Some(c) = data_command(&kind, &f)?.or(view_command(&kind, &f)?) {
        return Ok(PageCommand::Map(c));
    }
    page_command(&kind, &f)?.ok_or_else(|| {
        let shown: String = kind.chars().take(60).collect();
        type_err(&format!(
            "dispatch(command): unknown command type `{shown}`"
        ))
    })
}
