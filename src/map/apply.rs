//! The one door in: a [`Command`] applied to a [`MapState`], checked first so that a command
//! the map cannot use changes nothing.

use super::MapState;
use crate::command::{Command, KeyPress, Outcome};
use crate::data::record::FIRST_YEAR;
use crate::gesture::{key_action, Key};
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
            // The timeline does not play under a story: the step's years hold.
            Command::Play | Command::TogglePlay | Command::Step(_) if self.story.is_some() => {}
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
            Command::Key(press) => out = self.press(&press)?,
            c @ (Command::Story(_)
            | Command::CloseStory
            | Command::StoryGo(_)
            | Command::StoryStep(_)
            | Command::StoryPlay(_)) => self.apply_story(c, &mut out)?,
            Command::Language(lang) => self.set_language(lang),
            Command::Presenting(on) => self.set_presenting(on),
            Command::Resize { width, height } => self.resize(width, height),
            Command::Closeup(placement) => self.set_inset(placement),
            Command::Reserved(boxes) => self.set_reserved(boxes),
            Command::Basemap(style) => self.set_basemap_style(style),
            Command::Table(open) => self.set_table(open),
        }
        out.hover_changed = self.hover() != hover;
        out.selection_changed = self.selected_city() != selected;
        out.animation_started = !playing && self.animating_by_itself();
        Ok(out)
    }

    /// A key: what it does here and now ([`key_action`]), applied.
    fn press(&mut self, press: &KeyPress) -> Result<Outcome, Error> {
        let key = Key {
            name: &press.name,
            on_map: press.on_map,
            in_field: press.in_field,
            presenting: self.presenting(),
            story: self.story.is_some(),
        };
        let Some(command) = key_action(key) else {
            return Ok(Outcome::default());
        };
        let mut out = self.apply(command)?;
        out.key_used = true;
        Ok(out)
    }

    /// A story command; refused when no story is open (or, opening one, when no step plays).
    fn apply_story(&mut self, command: Command, out: &mut Outcome) -> Result<(), Error> {
        if let Command::Story(text) = command {
            let read = self.read_story(&text);
            let Some(story) = read.story else {
                let first: Vec<String> = read
                    .problems
                    .iter()
                    .take(3)
                    .map(|p| p.to_string())
                    .collect();
                return Err(Error::value(
                    "story",
                    format!("cannot play: {}", first.join("; ")),
                ));
            };
            out.warnings = self.open_story(story);
            out.story_problems = read.problems;
            return Ok(());
        }
        if self.story.is_none() {
            return Err(Error::value("story", "no story is open"));
        }
        match command {
            Command::StoryGo(i) => out.warnings = self.story_go(i),
            Command::StoryStep(by) => out.warnings = self.story_step(by),
            Command::StoryPlay(on) => self.story_play(on),
            _ => self.close_story(),
        }
        Ok(())
    }

    /// Whether the map animates without input (playback playing, the globe turning, a story
    /// playing).
    fn animating_by_itself(&self) -> bool {
        let story = self.story_wake_ms().is_some();
        self.playback().is_some_and(|p| p.playing) || self.camera.spinning() || story
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
            all.key_used |= o.key_used;
            all.warnings.extend(o.warnings);
            all.story_problems.extend(o.story_problems);
        }
        Ok(all)
    }
}
