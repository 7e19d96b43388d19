//! Input as data: pointer, wheel and key events in, [`Command`]s out. The web layer forwards
//! DOM events here unchanged; the map applies the commands through its one door
//! ([`crate::map::MapState::apply`]). No platform names, so every gesture is tested natively.

use crate::command::Command;

/// Keyboard pan step, CSS px.
pub const KEY_PAN_PX: f64 = 60.0;
/// Zoom factor of one keyboard or button step.
pub const ZOOM_STEP: f64 = 1.5;
/// A pointer that moves less than this (CSS px, path length) between down and up clicks.
pub const CLICK_SLOP_PX: f64 = 3.0;
/// Wheel zoom: the scale changes by `exp(-delta_px * WHEEL_ZOOM_PER_PX)`.
const WHEEL_ZOOM_PER_PX: f64 = 0.002;
/// `WheelEvent.deltaMode` 1 (lines) and 2 (pages) in pixels.
const WHEEL_LINE_PX: f64 = 16.0;
const WHEEL_PAGE_PX: f64 = 400.0;

/// A key as the DOM names it (`KeyboardEvent.key`), with where it was pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key<'a> {
    /// `KeyboardEvent.key`.
    pub name: &'a str,
    /// Whether the map's canvas has the focus (map keys apply only then).
    pub on_map: bool,
    /// Whether a text field or list has the focus (it keeps its keys; Esc still leaves
    /// presenter mode).
    pub in_field: bool,
    /// Whether the page is in presenter mode (space and ←/→ drive the timeline anywhere).
    pub presenting: bool,
    /// Whether a story is shown (the keys of presentation clickers step it).
    pub story: bool,
}

/// One active pointer (mouse, pen or finger), CSS px relative to the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Pointer {
    id: i32,
    x: f64,
    y: f64,
}

/// The state of the pointers: which are down, and whether the gesture is still a click.
#[derive(Clone, Debug, Default)]
pub struct Gestures {
    pointers: Vec<Pointer>,
    /// Path length moved since the first pointer went down, CSS px.
    moved: f64,
    /// Two pointers were down during this gesture (a pinch is never a click).
    pinched: bool,
}

impl Gestures {
    /// Whether a pointer is down.
    pub fn active(&self) -> bool {
        !self.pointers.is_empty()
    }

    /// A pointer went down at (`x`, `y`).
    pub fn down(&mut self, id: i32, x: f64, y: f64) {
        if self.pointers.is_empty() {
            self.moved = 0.0;
            self.pinched = false;
        }
        self.pointers.retain(|p| p.id != id);
        self.pointers.push(Pointer { id, x, y });
        self.pinched |= self.pointers.len() > 1;
    }

    /// A pointer moved to (`x`, `y`): a hover (no button down), a drag (one pointer, past the
    /// click slop) or a pinch (two pointers: zoom about the midpoint and pan by its move).
    pub fn moved(&mut self, id: i32, x: f64, y: f64) -> Vec<Command> {
        let Some(k) = self.pointers.iter().position(|p| p.id == id) else {
            return vec![Command::Hover { x, y }];
        };
        let before = self.pointers[k];
        self.pointers[k] = Pointer { id, x, y };
        if self.pointers.len() >= 2 {
            let other = self.pointers[if k == 0 { 1 } else { 0 }];
            let mid = |p: Pointer| ((p.x + other.x) / 2.0, (p.y + other.y) / 2.0);
            let (m0, m1) = (mid(before), mid(self.pointers[k]));
            let d0 = (before.x - other.x).hypot(before.y - other.y);
            let d1 = (x - other.x).hypot(y - other.y);
            let mut out = vec![Command::Pan {
                dx: m1.0 - m0.0,
                dy: m1.1 - m0.1,
            }];
            if d0 > 1.0 && d1 > 1.0 {
                out.push(Command::ZoomAt {
                    factor: d1 / d0,
                    x: m1.0,
                    y: m1.1,
                });
            }
            return out;
        }
        let (dx, dy) = (x - before.x, y - before.y);
        self.moved += dx.hypot(dy);
        if self.moved > CLICK_SLOP_PX {
            vec![Command::Pan { dx, dy }, Command::ClearHover]
        } else {
            Vec::new()
        }
    }

    /// A pointer went up at (`x`, `y`): a click when it was the only one and barely moved.
    pub fn up(&mut self, id: i32, x: f64, y: f64) -> Vec<Command> {
        let known = self.pointers.iter().any(|p| p.id == id);
        let click =
            known && self.pointers.len() == 1 && !self.pinched && self.moved <= CLICK_SLOP_PX;
        self.pointers.retain(|p| p.id != id);
        if click {
            vec![Command::Click { x, y }]
        } else {
            Vec::new()
        }
    }

    /// A pointer was cancelled (the browser took the gesture over).
    pub fn cancel(&mut self, id: i32) {
        self.pointers.retain(|p| p.id != id);
    }

    /// The pointer left the map: the hover ends, unless a drag goes on.
    pub fn leave(&mut self) -> Vec<Command> {
        if self.pointers.is_empty() {
            vec![Command::ClearHover]
        } else {
            Vec::new()
        }
    }

    /// A wheel turned over (`x`, `y`): `delta_y` in `delta_mode` units (0 pixels, 1 lines,
    /// 2 pages, as `WheelEvent` gives them). Zooms in for negative deltas.
    pub fn wheel(&mut self, delta_y: f64, delta_mode: u32, x: f64, y: f64) -> Vec<Command> {
        let unit = match delta_mode {
            1 => WHEEL_LINE_PX,
            2 => WHEEL_PAGE_PX,
            _ => 1.0,
        };
        let factor = (-delta_y * unit * WHEEL_ZOOM_PER_PX).exp();
        if !factor.is_finite() || factor <= 0.0 {
            return Vec::new();
        }
        vec![Command::ZoomAt { factor, x, y }, Command::ClearHover]
    }
}

/// A story's keys: those presentation clickers send (PageDown/PageUp, and in presenter mode
/// →/← and space) step it, Home and End go to its first and last step.
fn story_key(key: &Key<'_>) -> Option<Command> {
    match key.name {
        "PageDown" => Some(Command::StoryStep(1)),
        "PageUp" => Some(Command::StoryStep(-1)),
        "Home" => Some(Command::StoryGo(0)),
        "End" => Some(Command::StoryGo(usize::MAX)),
        " " | "ArrowRight" if key.presenting => Some(Command::StoryStep(1)),
        "ArrowLeft" if key.presenting => Some(Command::StoryStep(-1)),
        _ => None,
    }
}

/// What a key does, if anything: on the map, arrows pan, `+`/`-` zoom and `0` resets; in
/// presenter mode, anywhere, space plays or pauses, ←/→ step a year and Esc leaves; under a
/// story, the keys of presentation clickers step the story instead (see `story_key`). A text
/// field or list keeps its keys.
pub fn key_action(key: Key<'_>) -> Option<Command> {
    if key.in_field {
        let leave = key.presenting && key.name == "Escape";
        return leave.then_some(Command::LeavePresentation);
    }
    if key.story {
        if let Some(c) = story_key(&key) {
            return Some(c);
        }
    }
    if key.presenting {
        match key.name {
            " " => return Some(Command::TogglePlay),
            "ArrowLeft" => return Some(Command::Step(-1)),
            "ArrowRight" => return Some(Command::Step(1)),
            "Escape" => return Some(Command::LeavePresentation),
            _ => {}
        }
    }
    if !key.on_map {
        return None;
    }
    let pan = |dx, dy| Some(Command::Pan { dx, dy });
    match key.name {
        "ArrowLeft" => pan(KEY_PAN_PX, 0.0),
        "ArrowRight" => pan(-KEY_PAN_PX, 0.0),
        "ArrowUp" => pan(0.0, KEY_PAN_PX),
        "ArrowDown" => pan(0.0, -KEY_PAN_PX),
        "+" | "=" => Some(Command::ZoomBy(ZOOM_STEP)),
        "-" => Some(Command::ZoomBy(1.0 / ZOOM_STEP)),
        "0" => Some(Command::ResetView),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_still_press_is_a_click_and_a_drag_is_not() {
        let mut g = Gestures::default();
        g.down(1, 10.0, 10.0);
        assert_eq!(g.moved(1, 11.0, 11.0), vec![], "within the slop");
        assert_eq!(
            g.up(1, 11.0, 11.0),
            vec![Command::Click { x: 11.0, y: 11.0 }]
        );
        g.down(1, 10.0, 10.0);
        let a = g.moved(1, 20.0, 10.0);
        assert_eq!(a[0], Command::Pan { dx: 10.0, dy: 0.0 });
        assert_eq!(a[1], Command::ClearHover);
        assert_eq!(g.up(1, 20.0, 10.0), vec![]);
    }

    #[test]
    fn moving_without_a_button_hovers() {
        let mut g = Gestures::default();
        assert_eq!(
            g.moved(7, 3.0, 4.0),
            vec![Command::Hover { x: 3.0, y: 4.0 }]
        );
        assert_eq!(g.leave(), vec![Command::ClearHover]);
        g.down(7, 3.0, 4.0);
        assert_eq!(g.leave(), vec![], "a drag goes on outside the map");
    }

    #[test]
    fn a_pinch_zooms_about_its_midpoint_and_is_never_a_click() {
        let mut g = Gestures::default();
        g.down(1, 100.0, 100.0);
        g.down(2, 200.0, 100.0);
        let a = g.moved(2, 300.0, 100.0);
        assert_eq!(a[0], Command::Pan { dx: 50.0, dy: 0.0 });
        assert_eq!(
            a[1],
            Command::ZoomAt {
                factor: 2.0,
                x: 200.0,
                y: 100.0
            }
        );
        assert_eq!(g.up(2, 300.0, 100.0), vec![]);
        assert_eq!(g.up(1, 100.0, 100.0), vec![], "the last finger of a pinch");
        assert!(!g.active());
    }

    #[test]
    fn wheel_deltas_are_normalised_to_pixels() {
        let mut g = Gestures::default();
        let zoom = |a: &[Command]| match a[0] {
            Command::ZoomAt { factor, .. } => factor,
            _ => f64::NAN,
        };
        let px = zoom(&g.wheel(-100.0, 0, 0.0, 0.0));
        let lines = zoom(&g.wheel(-100.0 / WHEEL_LINE_PX, 1, 0.0, 0.0));
        assert!((px - 0.2f64.exp()).abs() < 1e-12);
        assert!((px - lines).abs() < 1e-12);
        assert!(zoom(&g.wheel(100.0, 2, 0.0, 0.0)) < 1.0);
        assert!(g.wheel(f64::INFINITY, 0, 0.0, 0.0).is_empty());
    }

    #[test]
    fn keys_on_the_map_and_in_presenter_mode() {
        let k = |name, on_map, presenting| {
            key_action(Key {
                name,
                on_map,
                in_field: false,
                presenting,
                story: false,
            })
        };
        assert_eq!(
            k("ArrowLeft", true, false),
            Some(Command::Pan {
                dx: KEY_PAN_PX,
                dy: 0.0
            })
        );
        assert_eq!(k("ArrowLeft", false, false), None, "not on the map");
        assert_eq!(k("ArrowLeft", true, true), Some(Command::Step(-1)));
        assert_eq!(k(" ", false, true), Some(Command::TogglePlay));
        assert_eq!(k(" ", true, false), None);
        assert_eq!(k("Escape", false, true), Some(Command::LeavePresentation));
        assert_eq!(k("=", true, false), Some(Command::ZoomBy(ZOOM_STEP)));
        assert_eq!(k("0", true, true), Some(Command::ResetView));
        assert_eq!(k("x", true, true), None);
        assert_eq!(
            k("PageDown", false, true),
            None,
            "no story: the page scrolls"
        );
    }

    #[test]
    fn under_a_story_the_clicker_keys_step_it() {
        let k = |name, on_map, in_field, presenting| {
            key_action(Key {
                name,
                on_map,
                in_field,
                presenting,
                story: true,
            })
        };
        assert_eq!(
            k("PageDown", false, false, false),
            Some(Command::StoryStep(1))
        );
        assert_eq!(
            k("PageUp", true, false, false),
            Some(Command::StoryStep(-1))
        );
        assert_eq!(k("Home", false, false, true), Some(Command::StoryGo(0)));
        assert_eq!(
            k("End", false, false, true),
            Some(Command::StoryGo(usize::MAX))
        );
        assert_eq!(k(" ", false, false, true), Some(Command::StoryStep(1)));
        assert_eq!(
            k("ArrowRight", true, false, true),
            Some(Command::StoryStep(1))
        );
        assert_eq!(
            k("ArrowLeft", false, false, true),
            Some(Command::StoryStep(-1))
        );
        // Outside presenter mode the arrows still pan the map, and space is the page's.
        assert_eq!(
            k("ArrowLeft", true, false, false),
            Some(Command::Pan {
                dx: KEY_PAN_PX,
                dy: 0.0
            })
        );
        assert_eq!(k(" ", false, false, false), None);
        // A text field keeps its keys; Esc still leaves presenter mode.
        assert_eq!(k("Home", false, true, true), None);
        assert_eq!(
            k("Escape", false, true, true),
            Some(Command::LeavePresentation)
        );
    }
}
