//! The one door in: `dispatch(command)` or `dispatch([command, …])`. The core's commands go to
//! the map ([`crate::map::MapState::apply`]); a data file and basemaps are read here first
//! (they need the browser or bytes), then handed to the map the same way.

use super::basemap_json;
use super::command_js::{command, ImportStage, PageCommand};
use super::effects::apply;
use super::handle::FriendshipMap;
use super::host::Shared;
use super::import;
use super::js::{js_err, to_js};
use crate::basemap::Basemap;
use crate::data::Dataset;
use crate::url_state::Warning;
use crate::validate::{Placement, COAST_TOLERANCE_M};
use crate::Error;
use wasm_bindgen::prelude::*;

/// What a dispatch gives back: the values skipped, an import's report, a story file's
/// problems, and whether a key did something.
#[derive(serde::Serialize, Default)]
struct Done {
    warnings: Vec<Warning>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<crate::import::ImportReport>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    problems: Vec<StoryProblem>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    handled: bool,
}

/// A story file's problem as the page shows it: its text (`step 3: caption: missing (step left
/// out)`) and its parts.
#[derive(serde::Serialize)]
struct StoryProblem {
    text: String,
    step: Option<usize>,
    field: String,
    fatal: bool,
}

impl From<crate::story::Problem> for StoryProblem {
    fn from(p: crate::story::Problem) -> Self {
        Self {
            text: p.to_string(),
            step: p.step,
            field: p.field,
            fatal: p.fatal,
        }
    }
}

fn refused(e: Error) -> JsValue {
    js_err(&e.to_string())
}

/// Runs an import's stage(s); returns the report so far.
fn import_stage(
    rc: &Shared,
    stage: ImportStage,
    data: &JsValue,
    options: &JsValue,
) -> Result<crate::import::ImportReport, JsValue> {
    if matches!(stage, ImportStage::All | ImportStage::Start) {
        let request = import::ImportRequest::from_js(options)?;
        let bytes = import::bytes_of(data)?;
        // An earlier import's data goes before the next is read (memory stays flat).
        rc.borrow_mut().import = None;
        let dataset = if request.add {
            rc.borrow().map.dataset().clone()
        } else {
            Dataset::default()
        };
        let pending = import::parse(dataset, &bytes, request);
        let report = pending.report.clone();
        rc.borrow_mut().import = Some(pending);
        if stage == ImportStage::Start {
            return Ok(report);
        }
    }
    if matches!(stage, ImportStage::All | ImportStage::Place) {
        let mut host = rc.borrow_mut();
        let host = &mut *host;
        let Some(pending) = host.import.as_mut() else {
            return Err(js_err("no import is under way"));
        };
        let placement = host.map.detail_basemap().map(|basemap| Placement {
            basemap,
            tolerance_m: COAST_TOLERANCE_M,
        });
        import::place(pending, placement.as_ref());
        if stage == ImportStage::Place {
            return Ok(pending.report.clone());
        }
    }
    let pending = rc.borrow_mut().import.take();
    let pending = pending.ok_or_else(|| js_err("no import is under way"))?;
    if !pending.report.refused {
        rc.borrow_mut().map.set_dataset(pending.dataset);
        super::frame_loop::request(rc);
    }
    Ok(pending.report)
}

/// Applies one page command.
fn run(rc: &Shared, c: PageCommand, done: &mut Done) -> Result<(), JsValue> {
    match c {
        PageCommand::Map(cmd) => {
            let out = apply(rc, vec![cmd], (0.0, 0.0)).map_err(refused)?;
            done.warnings.extend(out.warnings);
            done.problems
                .extend(out.story_problems.into_iter().map(StoryProblem::from));
            done.handled |= out.key_used;
        }
        PageCommand::Import {
            stage,
            data,
            options,
        } => done.report = Some(import_stage(rc, stage, &data, &options)?),
        PageCommand::BuiltinData => rc.borrow_mut().map.set_dataset(Dataset::builtin()),
        PageCommand::LoadBasemap(text) => {
            let parsed =
                js_sys::JSON::parse(&text).map_err(|_| js_err("basemap: not valid JSON"))?;
            let basemap =
                basemap_json::basemap_from_json(&parsed).map_err(|e| refused(Error::Basemap(e)))?;
            rc.borrow_mut().map.set_basemap(basemap);
        }
        PageCommand::Sources(text) => {
            crate::data::dataset::set_builtin_sources(&text).map_err(refused)?;
            rc.borrow_mut().map.fill_builtin_sources();
        }
        PageCommand::DetailBasemap(bytes) => {
            let basemap = Basemap::decode(&bytes).map_err(|e| refused(Error::from(e)))?;
            rc.borrow_mut().map.set_detail_basemap(&basemap);
        }
    }
    super::frame_loop::request(rc);
    Ok(())
}

#[wasm_bindgen]
impl FriendshipMap {
    /// What a story file's text would play and what the map cannot use, without opening it:
    /// its problems, `[{text, step, field, fatal}]` (for the page's story editor).
    #[wasm_bindgen(js_name = checkStory)]
    pub fn check_story(&self, text: JsValue) -> Result<JsValue, JsValue> {
        let text = text.as_string().ok_or_else(|| {
            let got = super::fields::kind_of(&text);
            js_sys::TypeError::new(&format!("checkStory(text) takes text, not {got}"))
        })?;
        let read = self.read(|m| m.read_story(&text));
        let problems: Vec<StoryProblem> =
            read.problems.into_iter().map(StoryProblem::from).collect();
        to_js(&problems)
    }

    /// The one door in: applies a command `{type, …}` or a list of them, in order (see the
    /// TypeScript declarations for every type). Returns `{warnings: [{key, value}], report?,
    /// problems?, handled?}`: the values a URL query skipped, an import's report, a story
    /// file's problems (`[{text, step, field, fatal}]`) and whether a `key` did something.
    /// Throws a `TypeError` for a value of the wrong type and an `Error` for a value the map
    /// does not know (an unknown region, city, projection…), naming the field; a list is
    /// checked whole before any of it applies.
    pub fn dispatch(&self, command_or_list: JsValue) -> Result<JsValue, JsValue> {
        let items: Vec<JsValue> = if js_sys::Array::is_array(&command_or_list) {
            js_sys::Array::from(&command_or_list).iter().collect()
        } else {
            vec![command_or_list]
        };
        let commands = items.iter().map(command).collect::<Result<Vec<_>, _>>()?;
        let mut done = Done::default();
        for c in commands {
            run(&self.host, c, &mut done)?;
        }
        to_js(&done)
    }
}
