//! The one place commands are applied: to the map, then the page is told what followed (the
//! tooltip, the selection, leaving presenter mode) and a frame is scheduled.

use super::frame_loop;
use super::host::{tell, Shared};
use super::js::to_js;
use crate::command::{Command, Outcome};
use crate::Error;
use wasm_bindgen::JsValue;

/// Applies commands to the map (stopping at the first one refused), then tells the page what
/// followed (tooltip, selection, leaving presenter mode) and schedules a frame. `at` is the
/// pointer, CSS px, for the tooltip.
pub fn apply(rc: &Shared, commands: Vec<Command>, at: (f64, f64)) -> Result<Outcome, Error> {
    if commands.is_empty() {
        return Ok(Outcome::default());
    }
    let result = rc.borrow_mut().map.apply_all(commands);
    let out = match &result {
        Ok(o) => o.clone(),
        Err(_) => Outcome::default(),
    };
    let (tooltip, selected) = {
        let host = rc.borrow();
        let m = &host.map;
        let tip = out.hover_changed.then(|| {
            m.hover()
                .map_or(Ok(JsValue::NULL), |h| to_js(&m.tooltip(h)))
        });
        let origins = &m.dataset().origins;
        let name = m
            .selected_city()
            .map(|c| JsValue::from_str(&origins[c].name));
        (
            tip,
            out.selection_changed.then(|| name.unwrap_or(JsValue::NULL)),
        )
    };
    if out.animation_started {
        frame_loop::restart_clock(rc);
    }
    frame_loop::request(rc);
    if let Some(Ok(tip)) = tooltip {
        let fields = [("tooltip", tip), ("x", at.0.into()), ("y", at.1.into())];
        tell(rc, "hover", &fields);
    }
    if let Some(city) = selected {
        tell(rc, "select", &[("city", city)]);
    }
    if out.leave_presentation {
        tell(rc, "leave", &[]);
    }
    result
}
