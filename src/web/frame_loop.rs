//! Frame scheduling: a frame is painted on the next animation frame, only when something
//! changed; animations keep asking for frames (a story's step holding still asks for one when
//! it has held for its time); a provisional frame (a moved or scaled picture)
//! is followed by exactly one sharp frame once the gesture rests ([`crate::rest`] decides); the
//! page hears of changes once per painted frame, with the snapshot of its panels when what is
//! shown changed.

use super::host::{tell, FrameLoop, Shared};
use super::js::{mark, now_ms, to_js, window};
use crate::rest::{Timer, REST_AFTER_MS};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Creates the loop's callbacks (they hold the host weakly).
pub fn init(rc: &Shared) {
    let weak = Rc::downgrade(rc);
    let raf = Closure::new(move || {
        if let Some(rc) = weak.upgrade() {
            // A frame drawn since by `render()` leaves nothing pending.
            let pending = {
                let mut host = rc.borrow_mut();
                host.frames.queued = false;
                host.frames.pending
            };
            if pending {
                draw_now(&rc);
            }
        }
    });
    let weak = Rc::downgrade(rc);
    let sharpen = Closure::new(move || {
        if let Some(rc) = weak.upgrade() {
            let due = {
                let mut host = rc.borrow_mut();
                host.frames.sharpen_timer = None;
                host.frames.rest.timer_fired()
            };
            if due {
                request_forced(&rc);
            }
        }
    });
    let weak = Rc::downgrade(rc);
    let wake = Closure::new(move || {
        if let Some(rc) = weak.upgrade() {
            rc.borrow_mut().frames.wake_timer = None;
            request_forced(&rc);
        }
    });
    let mut host = rc.borrow_mut();
    host.frames.raf = Some(raf);
    host.frames.sharpen = Some(sharpen);
    host.frames.wake = Some(wake);
}

/// Requests a frame if the map changed.
pub fn request(rc: &Shared) {
    let dirty = rc.borrow_mut().map.take_dirty();
    if dirty {
        request_forced(rc);
    }
}

/// Requests a frame.
pub fn request_forced(rc: &Shared) {
    let mut host = rc.borrow_mut();
    if host.frames.pending {
        return;
    }
    host.frames.pending = true;
    if host.frames.queued {
        return;
    }
    if let (Ok(w), Some(cb)) = (window(), host.frames.raf.as_ref()) {
        host.frames.queued = w
            .request_animation_frame(cb.as_ref().unchecked_ref())
            .is_ok();
    }
}

/// Restarts the animation clock (after playing or spinning starts: no jump).
pub fn restart_clock(rc: &Shared) {
    rc.borrow_mut().frames.last_frame_ms = None;
    request_forced(rc);
}

/// Paints a frame now.
pub fn draw_now(rc: &Shared) {
    let mut host = rc.borrow_mut();
    host.frames.pending = false;
    // Animations (playback, the globe's turn) advance by the real time since the last frame.
    let now = now_ms();
    let dt = host.frames.last_frame_ms.map_or(0.0, |t| now - t);
    let animating = host.map.tick(dt);
    // A story's step holding still draws nothing: the clock runs on, and a timer wakes the
    // loop for the next step.
    let wake = host.map.story_wake_ms().filter(|_| !animating);
    host.frames.last_frame_ms = (animating || wake.is_some()).then_some(now);
    wake_timer(&mut host.frames, wake);
    host.map.take_dirty();
    paint(&mut host);
    let detail = host.map.take_detail_request();
    let data_changed = host.map.data_version() != host.frames.told_data_version;
    host.frames.told_data_version = host.map.data_version();
    let camera = Some(host.map.camera());
    let camera_moved = camera != host.frames.told_camera;
    host.frames.told_camera = camera;
    // Redraws in place (hover, a sharp frame after a gesture, a detailed basemap arriving) are
    // not changes: reporting them would keep postponing the page's URL update.
    let listening = host.events.is_some();
    let snapshot = (data_changed && listening).then(|| to_js(&host.map.snapshot()));
    drop(host);
    if animating {
        request_forced(rc);
    }
    if detail {
        tell(rc, "detail", &[]);
    }
    match snapshot {
        Some(Ok(s)) => tell(rc, "data", &[("snapshot", s)]),
        _ if camera_moved => {
            let query = rc.borrow().map.query();
            tell(rc, "view", &[("query", query.into())]);
        }
        _ => {}
    }
}

/// Sizes the backing store to the canvas at the screen's pixel ratio and paints the frame.
fn paint(host: &mut super::host::Host) {
    let dpr = window().map_or(1.0, |w| w.device_pixel_ratio()).max(0.5);
    let v = *host.map.viewport();
    let (pw, ph) = (
        (v.width * dpr).round() as u32,
        (v.height * dpr).round() as u32,
    );
    if host.canvas.width() != pw || host.canvas.height() != ph {
        host.canvas.set_width(pw);
        host.canvas.set_height(ph);
    }
    host.sink.dpr = dpr;
    let frame = host.map.frame();
    if host.frames.drawn == 0 {
        mark("display-list");
    }
    let painted = host.sink.paint(&frame, host.frames.rest.resting());
    host.sink.end_frame();
    let timer = host.frames.rest.painted(painted);
    rest_timer(&mut host.frames, timer);
    host.frames.drawn += 1;
    if host.frames.drawn == 1 {
        // For host pages and the benchmark: when the first complete frame was drawn.
        mark("first-frame");
    }
}

/// Sets (or clears) the timer that wakes the loop after `ms`.
fn wake_timer(frames: &mut FrameLoop, ms: Option<f64>) {
    let Ok(w) = window() else {
        return;
    };
    if let Some(t) = frames.wake_timer.take() {
        w.clear_timeout_with_handle(t);
    }
    if let (Some(ms), Some(cb)) = (ms, frames.wake.as_ref()) {
        frames.wake_timer = w
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                cb.as_ref().unchecked_ref(),
                ms.ceil() as i32 + 1,
            )
            .ok();
    }
}

/// Restarts or stops the rest timer, as the scheduler decided after a painted frame.
fn rest_timer(frames: &mut FrameLoop, timer: Timer) {
    let Ok(w) = window() else {
        return;
    };
    if let Some(t) = frames.sharpen_timer.take() {
        w.clear_timeout_with_handle(t);
    }
    if let (Timer::Arm, Some(cb)) = (timer, frames.sharpen.as_ref()) {
        frames.sharpen_timer = w
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                cb.as_ref().unchecked_ref(),
                REST_AFTER_MS,
            )
            .ok();
    }
}
