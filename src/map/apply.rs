//! The one door in: a [`Command`] applied to a [`MapState`], checked first so that a command
//! the map cannot use changes nothing.

use super::MapState;
use crate::command::{Command, Outcome};
use crate::data::record::FIRST_YEAR;
use crate::Error;

impl MapState {
    /// Applies a command; refuses one it cannot use (an unknown region, city or level, a year
    /// out of range, a stale search result), naming the field and the value, and then changes
    /// nothing.
    pub fn apply(&mut self, command: Command) -> Result<Outcome, Error> {
        let (hover, selected) = (self.hover(), self.selected_city());
        let playing = self.animating_by_itself();
        let mut out = Outcome::default();
        match command {
            Command::Filter(patch) => {
                let years = (FIRST_YEAR, self.page.this_year);
                let f = patch.applied_to(self.filter(), &self.dataset, &self.regions, years)?;
                self.set_filter(f);
            }
            Command::ResetFilter => self.set_filter(crate::filter::Filter::default()),
            Command::Select(city) => {
                let c = city
                    .as_ref()
                    .map(|c| c.resolve(&self.dataset))
                    .transpose()?;
                self.select_city(c);
            }
            Command::Focus(target) => self.choose(&target)?,
            Command::Query(q) => out.warnings = self.apply_query(&q),
            Command::Play => self.play(),
            Command::Pause => self.pause(),
            Command::TogglePlay => self.toggle_play(),
            Command::Stop => self.stop(),
            Command::Step(delta) => self.step(delta as isize),
            Command::Playback(options) => self.set_playback_options(options),
            Command::Pan { dx, dy } => self.pan(dx, dy),
            Command::ZoomAt { factor, x, y } => self.zoom_at(factor, x, y),
            Command::ZoomBy(factor) => self.zoom_by(factor),
            Command::ResetView => self.reset_view(),
            Command::FitShown => {
                self.fit_shown();
            }
            Command::View(view) => {
                self.camera.set_view(Some(view));
                self.dirty = true;
            }
            Command::Projection(kind) => self.set_projection(kind),
            Command::ViewAnimation(on) => self.camera.animate = on,
            Command::Hover { x, y } => {
                self.hover_at(x, y);
            }
            Command::ClearHover => self.set_hover(None),
            Command::Click { x, y } => {
                self.click_at(x, y);
            }
            Command::LeavePresentation => out.leave_presentation = true,
            Command::Language(lang) => self.set_language(lang),
            Command::Presenting(on) => self.set_presenting(on),
            Command::Resize { width, height } => self.resize(width, height),
            Command::Inset(placement) => self.set_inset(placement),
            Command::Reserved(boxes) => self.set_reserved(boxes),
            Command::Basemap(style) => self.set_basemap_style(style),
            Command::Table(open) => self.set_table(open),
        }
        out.hover_changed = self.hover() != hover;
        out.selection_changed = self.selected_city() != selected;
        out.animation_started = !playing && self.animating_by_itself();
        Ok(out)
    }

    /// Whether the map animates without input (playback playing, the globe turning).
    fn animating_by_itself(&self) -> bool {
        self.playback().is_some_and(|p| p.playing) || self.camera.spinning()
    }

    /// Applies a sequence of commands, stopping at the first refused one.
    pub fn apply_all(&mut self, commands: Vec<Command>) -> Result<Outcome, Error> {
        let mut all = Outcome::default();
        for c in commands {
            let o = self.apply(c)?;
            all.selection_changed |= o.selection_changed;
            all.hover_changed |= o.hover_changed;
            all.leave_presentation |= o.leave_presentation;
            all.animation_started |= o.animation_started;
            all.warnings.extend(o.warnings);
        }
        Ok(all)
    }
}
