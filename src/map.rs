//! The map's state without any platform: data, projection, camera, selection, hover; turns
//! input (pan, zoom, pointer) into state changes and state into frames.

use crate::basemap::Basemap;
use crate::data::{builtin_regions, Dataset, Kind, Level, Region};
use crate::display_list::{Frame, Item, Layer};
use crate::filter::{Filter, Years};
use crate::globe::Globe;
use crate::hit::{hit_test, Hit};
use crate::playback::Playback;
use crate::projection::{Equirectangular, NaturalEarth1, Projector};
use crate::scene::{
    base_layers, link_layers, markers, partial_layer, tie_layer, ties_layer, BaseLayers,
    BasemapStyle, LinkGeometry,
};
use crate::search::{search, SearchHit, Target};
use crate::stats::{stats, Stats};
use crate::style;
use crate::url_state::{from_query, to_query, UrlState};
use crate::viewport::Viewport;
use serde::Serialize;
use std::rc::Rc;

/// Central meridian of the default view (degrees east): the Pacific side, so links from
/// Shandong to the Americas run across the Pacific as great circles do, and the map's seam
/// (30°W) falls in the Atlantic.
pub const DEFAULT_CENTER_LON: f64 = 150.0;

/// The globe's starting centre: Shandong (degrees).
pub const GLOBE_HOME: Globe = Globe {
    center_lon: 118.0,
    center_lat: 36.0,
};

/// Zoom (multiple of the fitted scale) from which the 1:50m basemap is drawn when loaded.
pub const DETAIL_ZOOM: f64 = 2.5;

/// With thousands of links, markers are drawn from this zoom on.
const DENSE_MARKER_ZOOM: f64 = 3.0;

/// Partner marker radius, CSS px.
const PARTNER_RADIUS_PX: f64 = 2.5;
/// Shandong city marker radius, CSS px.
const CITY_RADIUS_PX: f64 = 4.0;

/// One tie as the tooltip and the page describe it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct TieInfo {
    /// Partner, English.
    pub partner: String,
    /// Partner, Chinese.
    pub partner_zh: String,
    /// Country, English.
    pub country: String,
    /// Country, Chinese.
    pub country_zh: String,
    /// ISO alpha-2.
    pub country_code: String,
    /// Shandong side, English.
    pub city: String,
    /// Shandong side, Chinese.
    pub city_zh: String,
    /// `sister` or `friendly`.
    pub kind: &'static str,
    /// `city` or `province`.
    pub level: &'static str,
    /// `YYYY[-MM[-DD]]`, or empty when unknown.
    pub established: String,
    /// District or county that signed, if not the city itself.
    pub signed_by: String,
    /// Source URLs.
    pub sources: Vec<String>,
}

/// What a tooltip shows.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Tooltip {
    /// `partner`, `link` or `city`.
    pub target: &'static str,
    /// Heading, Chinese.
    pub title_zh: String,
    /// Heading, English.
    pub title_en: String,
    /// Ties described (for a city: its tie count only, in `count`).
    pub ties: Vec<TieInfo>,
    /// Number of shown ties concerned.
    pub count: usize,
}

/// A Shandong city for the page's list.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CityInfo {
    /// English name.
    pub name: String,
    /// Chinese name.
    pub name_zh: String,
    /// Ties in the dataset.
    pub ties: usize,
}

/// Counts of what is shown.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Ties shown.
    pub ties: usize,
    /// Distinct partners (name + country).
    pub partners: usize,
    /// Distinct partner countries.
    pub countries: usize,
    /// Shandong sides with at least one shown tie (the province counts as one).
    pub cities: usize,
}

/// The playback caption: the step's year and counts, and the new partners by name.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Caption {
    /// The year, or `None` for the "year unknown" step.
    pub year: Option<u16>,
    /// Ties new in this step.
    pub new: usize,
    /// Ties shown so far.
    pub total: usize,
    /// Countries shown so far.
    pub countries: usize,
    /// The new partners: (Chinese, English) with their Shandong side's Chinese name.
    pub new_partners: Vec<(String, String, String)>,
    /// Step index and count.
    pub index: usize,
    /// Number of steps.
    pub steps: usize,
    /// Whether it advances by itself.
    pub playing: bool,
}

/// Per origin, the origin whose marker stands for it: the last one at the same place.
fn markers_of(dataset: &Dataset) -> Vec<usize> {
    let origins = &dataset.origins;
    (0..origins.len())
        .map(|i| {
            (0..origins.len())
                .rev()
                .find(|&j| origins[j].lon == origins[i].lon && origins[j].lat == origins[i].lat)
                .unwrap_or(i)
        })
        .collect()
}

/// The whole state of one map.
pub struct MapState {
    dataset: Dataset,
    projector: Projector,
    viewport: Viewport,
    basemap: Basemap,
    detail_basemap: Option<Basemap>,
    basemap_style: BasemapStyle,
    base: BaseLayers,
    detail: Option<BaseLayers>,
    detail_requested: bool,
    geometry: LinkGeometry,
    regions: Vec<Region>,
    filter: Filter,
    playback: Option<Playback>,
    /// The globe turns by itself.
    spin: bool,
    /// Speed, looping, animate.
    play_options: (f64, bool, bool),
    /// Ties highlighted by a search result.
    focus: Vec<usize>,
    focus_layer: Option<Rc<Layer>>,
    shown: Vec<bool>,
    cities_shown: Vec<bool>,
    /// Per origin, the origin whose marker stands for it (the last one at the same place).
    marker_of: Vec<usize>,
    selected_city: Option<usize>,
    data_version: u64,
    hover: Option<Hit>,
    links: Vec<Rc<Layer>>,
    hover_layer: Option<Rc<Layer>>,
    version: u64,
    dirty: bool,
}

impl MapState {
    /// A map of `dataset` over `basemap`, sized `width`×`height` CSS px, showing every tie.
    pub fn new(dataset: Dataset, basemap: &Basemap, width: f64, height: f64) -> Self {
        let projector = Projector::new(Box::new(NaturalEarth1), DEFAULT_CENTER_LON);
        let base = base_layers(basemap, &projector, BasemapStyle::Countries, 1);
        let geometry = LinkGeometry::build(&dataset, &projector);
        let viewport = Viewport::fit(width, height, projector.bounds());
        let marker_of = markers_of(&dataset);
        let shown = vec![true; dataset.ties.len()];
        let mut map = Self {
            regions: builtin_regions(),
            filter: Filter::default(),
            playback: None,
            spin: false,
            play_options: (1.0, false, true),
            focus: Vec::new(),
            focus_layer: None,
            dataset,
            projector,
            viewport,
            basemap: basemap.clone(),
            detail_basemap: None,
            basemap_style: BasemapStyle::Countries,
            base,
            detail: None,
            detail_requested: false,
            geometry,
            shown,
            cities_shown: Vec::new(),
            marker_of,
            selected_city: None,
            data_version: 0,
            hover: None,
            links: Vec::new(),
            hover_layer: None,
            version: 1,
            dirty: true,
        };
        map.rebuild_links();
        map
    }

    fn next_version(&mut self) -> u64 {
        self.version += 1;
        self.version
    }

    /// Recomputes which ties are shown (filter, or the playback step) and the link layers.
    fn rebuild_links(&mut self) {
        self.shown = match &self.playback {
            None => self.filter.apply(&self.dataset, &self.regions),
            Some(p) => {
                let eligible = self.eligible_for_playback();
                self.dataset
                    .ties
                    .iter()
                    .zip(eligible)
                    .map(|(t, e)| e && p.shows(t.record.established.map(|d| d.year)))
                    .collect()
            }
        };
        let mut settled = self.shown.clone();
        if let Some(p) = &self.playback {
            if p.growth() < 1.0 {
                for &i in p.new_ties() {
                    settled[i] = false;
                }
            }
        }
        let v = self.next_version();
        self.data_version = v;
        self.links = link_layers(
            &self.dataset,
            &self.geometry,
            &settled,
            self.selected_city,
            v,
        );
        let mut cities = vec![false; self.dataset.origins.len()];
        for (t, shown) in self.dataset.ties.iter().zip(&self.shown) {
            if *shown {
                // Origins at one place (the province at its capital, Jinan) share one marker.
                cities[self.marker_of[t.city]] = true;
            }
        }
        self.cities_shown = cities;
        self.dirty = true;
    }

    /// Switches the projection: `naturalearth` (default), `equirectangular`, or `globe`
    /// (orthographic, centred on Shandong). The view is fitted anew. Returns false for an
    /// unknown name.
    pub fn set_projection(&mut self, name: &str) -> bool {
        self.projector = match name {
            "naturalearth" | "" => Projector::new(Box::new(NaturalEarth1), DEFAULT_CENTER_LON),
            "equirectangular" => Projector::new(Box::new(Equirectangular), DEFAULT_CENTER_LON),
            "globe" => Projector::globe(GLOBE_HOME),
            _ => return false,
        };
        self.viewport = Viewport::fit(
            self.viewport.width,
            self.viewport.height,
            self.projector.bounds(),
        );
        self.reproject();
        true
    }

    /// The projection's name.
    pub fn projection(&self) -> &'static str {
        self.projector.name()
    }

    /// Rebuilds everything projected (after the projection or the globe's centre changed).
    fn reproject(&mut self) {
        let v = self.next_version();
        self.base = base_layers(&self.basemap, &self.projector, self.basemap_style, v);
        self.detail = match (&self.detail_basemap, self.projector.as_globe()) {
            (Some(b), None) => Some(base_layers(b, &self.projector, self.basemap_style, v)),
            _ => None,
        };
        self.geometry = LinkGeometry::build(&self.dataset, &self.projector);
        self.hover = None;
        self.hover_layer = None;
        let focus = std::mem::take(&mut self.focus);
        self.set_focus(focus);
        self.rebuild_links();
    }

    /// Turns the globe by a screen drag (CSS px): the point under the pointer follows it.
    fn turn_globe(&mut self, dx: f64, dy: f64) {
        let Some(g) = self.projector.as_globe().copied() else {
            return;
        };
        let k = (1.0 / self.viewport.scale).to_degrees();
        let centre = Globe {
            center_lon: crate::lonlat::wrap_lon(g.center_lon - dx * k),
            center_lat: crate::number::clamp(g.center_lat + dy * k, -89.0, 89.0),
        };
        self.projector = Projector::globe(centre);
        self.reproject();
    }

    /// Whether the globe turns by itself.
    pub fn set_spin(&mut self, on: bool) {
        self.spin = on;
        self.dirty = true;
    }

    /// Whether the finer (1:50m) basemap should be fetched now: true once, when the view first
    /// zooms close to [`DETAIL_ZOOM`] and none is loaded.
    pub fn take_detail_request(&mut self) -> bool {
        let want = self.projector.as_globe().is_none()
            && self.detail.is_none()
            && !self.detail_requested
            && self.viewport.zoom() >= DETAIL_ZOOM * 0.8;
        self.detail_requested |= want;
        want
    }

    /// Uses `basemap` (the 1:50m one) from [`DETAIL_ZOOM`] on.
    pub fn set_detail_basemap(&mut self, basemap: &Basemap) {
        let v = self.next_version();
        self.detail = Some(base_layers(basemap, &self.projector, self.basemap_style, v));
        self.detail_basemap = Some(basemap.clone());
        self.dirty = true;
    }

    /// Draws the basemap in another style (land only, or China's worldview).
    pub fn set_basemap_style(&mut self, style: BasemapStyle) {
        if style == self.basemap_style {
            return;
        }
        self.basemap_style = style;
        let v = self.next_version();
        self.base = base_layers(&self.basemap, &self.projector, style, v);
        self.detail = self
            .detail_basemap
            .as_ref()
            .map(|b| base_layers(b, &self.projector, style, v));
        self.dirty = true;
    }

    /// Replaces the built-in basemap (an office's own approved one); the 1:50m detail is not
    /// used with it.
    pub fn set_basemap(&mut self, basemap: Basemap) {
        let v = self.next_version();
        self.base = base_layers(&basemap, &self.projector, self.basemap_style, v);
        self.basemap = basemap;
        self.detail = None;
        self.detail_basemap = None;
        self.detail_requested = true;
        self.dirty = true;
    }

    /// The shown ties, described.
    pub fn rows(&self) -> Vec<TieInfo> {
        (0..self.dataset.ties.len())
            .filter(|&i| self.shown[i])
            .map(|i| self.tie_info(i))
            .collect()
    }

    /// Whether the frame now uses the 1:50m basemap.
    pub fn showing_detail(&self) -> bool {
        self.detail.is_some() && self.viewport.zoom() >= DETAIL_ZOOM
    }

    /// Shows another dataset (an import): filters, selection and playback start afresh; the
    /// view stays.
    pub fn set_dataset(&mut self, dataset: Dataset) {
        self.geometry = LinkGeometry::build(&dataset, &self.projector);
        self.marker_of = markers_of(&dataset);
        self.dataset = dataset;
        self.playback = None;
        self.selected_city = None;
        self.hover = None;
        self.hover_layer = None;
        self.filter = Filter::default();
        self.set_focus(Vec::new());
        self.rebuild_links();
    }

    /// The user's filter without its years: what playback runs over.
    fn eligible_for_playback(&self) -> Vec<bool> {
        let f = Filter {
            years: Years::All,
            unknown_year: true,
            ..self.filter.clone()
        };
        f.apply(&self.dataset, &self.regions)
    }

    /// The current filter.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// Applies a filter: stops playback, keeps the view.
    pub fn set_filter(&mut self, filter: Filter) {
        self.playback = None;
        self.filter = filter;
        self.rebuild_links();
        self.set_focus(Vec::new());
    }

    /// The regions that can be filtered on.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// Which ties are shown now, index for index with the dataset.
    pub fn shown(&self) -> &[bool] {
        &self.shown
    }

    /// Statistics of the ties shown.
    pub fn stats(&self) -> Stats {
        stats(&self.dataset, &self.shown, &self.regions)
    }

    /// Search results for a query (Chinese or English).
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        search(&self.dataset, query, 12)
    }

    /// Chooses a search result: a city is selected; a partner's or country's ties are
    /// highlighted. The view moves to show them.
    pub fn choose(&mut self, target: &Target) {
        let ties: Vec<usize> = match target {
            Target::City { city } => {
                self.select_city(Some(*city));
                self.set_focus(Vec::new());
                (0..self.dataset.ties.len())
                    .filter(|&i| {
                        self.marker_of[self.dataset.ties[i].city] == self.marker_of[*city]
                            && self.shown[i]
                    })
                    .collect()
            }
            Target::Partner { ties } | Target::Country { ties, .. } => {
                self.select_city(None);
                let ties: Vec<usize> = ties
                    .iter()
                    .copied()
                    .filter(|&i| i < self.shown.len())
                    .collect();
                self.set_focus(ties.clone());
                ties
            }
        };
        let mut points = Vec::new();
        for &i in &ties {
            points.push(self.geometry.partner[i]);
            points.push(self.geometry.cities[self.dataset.ties[i].city]);
        }
        if !points.is_empty() {
            self.viewport.fit_points(&points);
            self.dirty = true;
        }
    }

    fn set_focus(&mut self, ties: Vec<usize>) {
        self.focus_layer = (!ties.is_empty()).then(|| {
            let v = self.next_version();
            Rc::new(ties_layer(&self.geometry, &ties, v))
        });
        self.focus = ties;
        self.dirty = true;
    }

    /// Ties highlighted by the last search choice.
    pub fn focus(&self) -> &[usize] {
        &self.focus
    }

    /// Starts (or resumes) playback over the current non-year filters; after the end, from the
    /// start again.
    pub fn play(&mut self) {
        let finished = self
            .playback
            .as_ref()
            .is_none_or(|p| p.index + 1 == p.steps.len() && p.growth() >= 1.0 && !p.playing);
        if finished {
            self.playback = Some(self.new_playback());
        }
        if let Some(p) = &mut self.playback {
            p.playing = true;
        }
        self.set_focus(Vec::new());
        self.rebuild_links();
    }

    /// Pauses playback (the step stays shown).
    pub fn pause(&mut self) {
        if let Some(p) = &mut self.playback {
            p.playing = false;
            self.dirty = true;
        }
    }

    /// Leaves playback: the filter's own years are shown again.
    pub fn stop(&mut self) {
        if self.playback.take().is_some() {
            self.rebuild_links();
        }
    }

    /// Steps the timeline by `delta` years (entering playback, paused, if needed).
    pub fn step(&mut self, delta: isize) {
        if self.playback.is_none() {
            self.playback = Some(self.new_playback());
            if delta < 0 {
                if let Some(p) = &mut self.playback {
                    let last = p.steps.len() - 1;
                    p.go_to(last);
                }
            }
        }
        if let Some(p) = &mut self.playback {
            p.playing = false;
            p.step_by(delta);
        }
        self.rebuild_links();
    }

    /// Playback options: speed multiplier, looping, and whether links grow (false for reduced
    /// motion). Kept for later playbacks too.
    pub fn set_playback_options(&mut self, speed: f64, looping: bool, animate: bool) {
        self.play_options = (crate::number::clamp(speed, 0.1, 20.0), looping, animate);
        if let Some(p) = &mut self.playback {
            (p.speed, p.looping, p.animate) = self.play_options;
        }
        self.dirty = true;
    }

    fn new_playback(&self) -> Playback {
        let mut p = Playback::new(&self.dataset, &self.eligible_for_playback());
        (p.speed, p.looping, p.animate) = self.play_options;
        p
    }

    /// The caption of the playback step, when in playback.
    pub fn caption(&self) -> Option<Caption> {
        let p = self.playback.as_ref()?;
        let s = self.stats();
        Some(Caption {
            year: p.step(),
            new: p.new_ties().len(),
            total: s.ties,
            countries: s.countries,
            new_partners: p
                .new_ties()
                .iter()
                .map(|&i| {
                    let t = &self.dataset.ties[i];
                    (
                        t.record.partner_zh.clone(),
                        t.record.partner.clone(),
                        self.dataset.origins[t.city].name_zh.clone(),
                    )
                })
                .collect(),
            index: p.index,
            steps: p.steps.len(),
            playing: p.playing,
        })
    }

    /// Changes whenever the set of shown ties or their drawing changes (not the view).
    pub fn data_version(&self) -> u64 {
        self.data_version
    }

    /// The playback state, if playing or paused in it.
    pub fn playback(&self) -> Option<&Playback> {
        self.playback.as_ref()
    }

    /// Advances animations by `dt_ms`; returns whether more frames are needed.
    pub fn tick(&mut self, dt_ms: f64) -> bool {
        let spinning = self.spin && self.projector.as_globe().is_some();
        if spinning {
            // A slow turn, 6° a second, the way the Earth turns (the view's centre moves west).
            let degrees = crate::number::clamp(dt_ms, 0.0, 100.0) * 0.006;
            self.turn_globe(degrees / (1.0 / self.viewport.scale).to_degrees(), 0.0);
        }
        let Some(p) = &mut self.playback else {
            return spinning;
        };
        let growing = p.animate && p.growth() < 1.0;
        let changed = p.advance(dt_ms);
        let still_growing = p.animate && p.growth() < 1.0;
        let animating = p.animating();
        if changed || growing != still_growing {
            self.rebuild_links();
        }
        if growing || changed || still_growing {
            self.dirty = true;
        }
        animating || spinning
    }

    /// The URL query of the current state (filters, selection, view); empty for the default.
    pub fn query(&self) -> String {
        let v = &self.viewport;
        let centre_xy = v.to_world([v.width / 2.0, v.height / 2.0]);
        let fitted = Viewport::fit(v.width, v.height, self.projector.bounds());
        let fitted_xy = fitted.to_world([v.width / 2.0, v.height / 2.0]);
        // The view goes in the URL only when it differs from the whole-world view (zoomed, or
        // moved by more than a pixel).
        let moved =
            (centre_xy[0] - fitted_xy[0]).hypot(centre_xy[1] - fitted_xy[1]) * v.scale > 1.0;
        let view = ((v.zoom() - 1.0).abs() > 0.01 || moved)
            .then(|| self.projector.invert(centre_xy))
            .flatten()
            .map(|c| (v.zoom(), c.lon, c.lat));
        to_query(
            &UrlState {
                projection: Some(self.projector.name().to_string()).filter(|p| p != "naturalearth"),
                filter: self.filter.clone(),
                selected: self.selected_city,
                view,
            },
            &self.dataset.origins,
        )
    }

    /// Applies a URL query; returns warnings for the values it ignored.
    pub fn apply_query(&mut self, query: &str, last_year: u16) -> Vec<String> {
        let (state, warnings) = from_query(query, &self.regions, &self.dataset.origins, last_year);
        let projection = state.projection.as_deref().unwrap_or("naturalearth");
        if projection != self.projector.name() {
            self.set_projection(projection);
        }
        self.set_filter(state.filter);
        self.select_city(state.selected);
        self.viewport = Viewport::fit(
            self.viewport.width,
            self.viewport.height,
            self.projector.bounds(),
        );
        if let Some((zoom, lon, lat)) = state.view {
            let p = self.projector.project(crate::lonlat::LonLat::new(lon, lat));
            self.viewport.set_view(zoom, p);
        }
        self.dirty = true;
        warnings
    }

    /// The dataset shown.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// What the URL's `view=` depends on: the viewport and, on the globe, its centre. Hosts
    /// compare it between frames to tell a moved camera from a redraw in place.
    pub fn camera(&self) -> (Viewport, Option<crate::globe::Globe>) {
        (self.viewport, self.projector.as_globe().copied())
    }

    /// The camera.
    pub fn viewport(&self) -> &Viewport {
        &self.viewport
    }

    /// The projection.
    pub fn projector(&self) -> &Projector {
        &self.projector
    }

    /// Whether something changed since the last [`MapState::take_dirty`].
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    /// A new canvas size (CSS px).
    pub fn resize(&mut self, width: f64, height: f64) {
        if (width, height) != (self.viewport.width, self.viewport.height) {
            self.viewport.resize(width, height);
            self.dirty = true;
        }
    }

    /// Drags the map by a screen offset (CSS px).
    pub fn pan(&mut self, dx: f64, dy: f64) {
        if self.projector.as_globe().is_some() {
            self.turn_globe(dx, dy);
        } else {
            self.viewport.pan(dx, dy);
        }
        self.dirty = true;
    }

    /// Zooms by `factor` keeping the point under (`x`, `y`) CSS px fixed.
    pub fn zoom_at(&mut self, factor: f64, x: f64, y: f64) {
        self.viewport.zoom_at(factor, [x, y]);
        self.dirty = true;
    }

    /// Back to the whole world, nothing selected.
    pub fn reset_view(&mut self) {
        if self.projector.as_globe().is_some_and(|g| *g != GLOBE_HOME) {
            self.projector = Projector::globe(GLOBE_HOME);
            self.reproject();
        }
        self.viewport = Viewport::fit(
            self.viewport.width,
            self.viewport.height,
            self.projector.bounds(),
        );
        self.select_city(None);
        self.dirty = true;
    }

    /// Updates the hover target for a pointer at (`x`, `y`) CSS px; returns it.
    pub fn hover_at(&mut self, x: f64, y: f64) -> Option<Hit> {
        let hit = hit_test(
            &self.geometry,
            &self.viewport,
            &self.shown,
            &self.cities_shown,
            [x, y],
        );
        self.set_hover(hit);
        hit
    }

    /// Sets or clears the hover target.
    pub fn set_hover(&mut self, hit: Option<Hit>) {
        if hit == self.hover {
            return;
        }
        self.hover = hit;
        self.hover_layer = match hit {
            Some(Hit::Link(i)) | Some(Hit::Partner(i)) => {
                let v = self.next_version();
                Some(Rc::new(tie_layer(&self.geometry, i, v)))
            }
            _ => None,
        };
        self.dirty = true;
    }

    /// The current hover target.
    pub fn hover(&self) -> Option<Hit> {
        self.hover
    }

    /// Handles a click at (`x`, `y`): a Shandong city toggles its selection, anything else
    /// clears it. Returns the selected city's English name.
    pub fn click_at(&mut self, x: f64, y: f64) -> Option<&str> {
        match self.hover_at(x, y) {
            Some(Hit::City(c)) if self.selected_city != Some(c) => self.select_city(Some(c)),
            Some(Hit::City(_)) | None => self.select_city(None),
            _ => {}
        }
        self.selected_city
            .map(|c| self.dataset.origins[c].name.as_str())
    }

    /// Emphasises one origin's links (index into the dataset's origins), or none.
    ///
    /// Selecting Jinan's marker selects Jinan's own ties; the province is selected by name.
    pub fn select_city(&mut self, city: Option<usize>) {
        let city = city.filter(|&c| c < self.dataset.origins.len());
        if city != self.selected_city {
            self.selected_city = city;
            self.rebuild_links();
        }
    }

    /// The selected city.
    pub fn selected_city(&self) -> Option<usize> {
        self.selected_city
    }

    /// Shandong sides with their tie counts, province first.
    pub fn cities(&self) -> Vec<CityInfo> {
        self.dataset
            .origins
            .iter()
            .enumerate()
            .map(|(i, c)| CityInfo {
                name: c.name.clone(),
                name_zh: c.name_zh.clone(),
                ties: self.dataset.ties.iter().filter(|t| t.city == i).count(),
            })
            .collect()
    }

    /// Counts of the ties now shown.
    pub fn summary(&self) -> Summary {
        let mut partners = std::collections::BTreeSet::new();
        let mut countries = std::collections::BTreeSet::new();
        let mut cities = std::collections::BTreeSet::new();
        let mut ties = 0;
        for (t, _) in self
            .dataset
            .ties
            .iter()
            .zip(&self.shown)
            .filter(|(_, s)| **s)
        {
            ties += 1;
            partners.insert((
                crate::case::fold(&t.record.partner),
                t.record.country.clone(),
            ));
            countries.insert(t.record.country.clone());
            cities.insert(t.city);
        }
        Summary {
            ties,
            partners: partners.len(),
            countries: countries.len(),
            cities: cities.len(),
        }
    }

    /// Describes one tie.
    pub fn tie_info(&self, i: usize) -> TieInfo {
        let t = &self.dataset.ties[i];
        let r = &t.record;
        let country = self.dataset.countries.get(&r.country);
        let city = &self.dataset.origins[t.city];
        TieInfo {
            partner: r.partner.clone(),
            partner_zh: r.partner_zh.clone(),
            country: country.map_or(r.country.clone(), |c| c.name_en.clone()),
            country_zh: country.map_or(r.country.clone(), |c| c.name_zh.clone()),
            country_code: r.country.clone(),
            city: city.name.clone(),
            city_zh: city.name_zh.clone(),
            kind: match r.kind {
                Kind::Sister => "sister",
                Kind::Friendly => "friendly",
            },
            level: match r.level {
                Level::City => "city",
                Level::Province => "province",
            },
            established: r.established.map(|d| d.to_string()).unwrap_or_default(),
            signed_by: r.signed_by.clone().unwrap_or_default(),
            sources: r.sources.clone(),
        }
    }

    /// What the tooltip shows for a hover target.
    pub fn tooltip(&self, hit: Hit) -> Tooltip {
        match hit {
            Hit::City(c) => {
                // Jinan's marker also stands for the province's own ties.
                let covers = |city: usize| self.marker_of[city] == self.marker_of[c];
                let count = self
                    .dataset
                    .ties
                    .iter()
                    .zip(&self.shown)
                    .filter(|(t, s)| **s && covers(t.city))
                    .count();
                let city = &self.dataset.origins[c];
                Tooltip {
                    target: "city",
                    title_zh: city.name_zh.clone(),
                    title_en: city.name.clone(),
                    ties: Vec::new(),
                    count,
                }
            }
            Hit::Partner(i) => {
                let here = self.geometry.partner[i];
                let ties: Vec<TieInfo> = (0..self.dataset.ties.len())
                    .filter(|&j| self.shown[j] && self.geometry.partner[j] == here)
                    .map(|j| self.tie_info(j))
                    .collect();
                let first = self.tie_info(i);
                Tooltip {
                    target: "partner",
                    title_zh: first.partner_zh,
                    title_en: first.partner,
                    count: ties.len(),
                    ties,
                }
            }
            Hit::Link(i) => {
                let info = self.tie_info(i);
                Tooltip {
                    target: "link",
                    title_zh: format!("{} – {}", info.city_zh, info.partner_zh),
                    title_en: format!("{} – {}", info.city, info.partner),
                    ties: vec![info],
                    count: 1,
                }
            }
        }
    }

    /// The frame to paint now.
    pub fn frame(&self) -> Frame {
        self.frame_in(self.viewport)
    }

    /// The current view painted at another size (CSS px), same centre and zoom: for exports.
    pub fn frame_sized(&self, width: f64, height: f64) -> Frame {
        let mut v = self.viewport;
        v.resize(width, height);
        self.frame_in(v)
    }

    fn frame_in(&self, viewport: Viewport) -> Frame {
        let b = match &self.detail {
            Some(d) if viewport.zoom() >= DETAIL_ZOOM => d,
            _ => &self.base,
        };
        let mut items = vec![
            Item::Draw(b.outline.clone()),
            Item::Draw(b.graticule.clone()),
            Item::Clip(b.outline.clone()),
            Item::Draw(b.land.clone()),
            Item::Draw(b.land_china.clone()),
            Item::Unclip,
            Item::Draw(b.coast.clone()),
            Item::Draw(b.borders.clone()),
        ];
        let static_items = items.len();
        items.extend(self.links.iter().cloned().map(Item::Draw));
        if let Some(f) = &self.focus_layer {
            items.push(Item::Draw(f.clone()));
        }
        if let Some(p) = &self.playback {
            let growth = p.growth();
            if !p.new_ties().is_empty() {
                // The step's new ties: growing from the Shandong end, emphasised all step long.
                let v = self.version + (growth * 1000.0) as u64;
                items.push(Item::Draw(Rc::new(partial_layer(
                    &self.geometry,
                    p.new_ties(),
                    growth,
                    v,
                ))));
            }
        }
        if let Some(h) = &self.hover_layer {
            items.push(Item::Draw(h.clone()));
        }
        let vp = &viewport;
        let dense = self.shown.iter().filter(|s| **s).count() > crate::scene::DENSE_LINKS;
        // Thousands of links: markers only once zoomed in (the links' ends show where partners
        // are, and tens of thousands of circles per frame would cost more than the links).
        let (partner_r, city_r) = match (dense, viewport.zoom() >= DENSE_MARKER_ZOOM) {
            (false, _) => (PARTNER_RADIUS_PX, CITY_RADIUS_PX),
            (true, true) => (1.2, 1.8),
            (true, false) => (0.0, 0.0),
        };
        let partners = self
            .geometry
            .partner
            .iter()
            .zip(&self.shown)
            .filter(|(_, s)| **s)
            .map(|(p, _)| *p);
        items.push(Item::Draw(Rc::new(markers(
            "markers.partner",
            style::partner_marker(),
            partners,
            partner_r,
            vp,
        ))));
        let cities = self
            .geometry
            .cities
            .iter()
            .zip(&self.cities_shown)
            .filter(|(_, s)| **s)
            .map(|(p, _)| *p);
        items.push(Item::Draw(Rc::new(markers(
            "markers.city",
            style::shandong_marker(),
            cities,
            city_r,
            vp,
        ))));
        let emphasised = match self.hover {
            Some(Hit::Partner(i)) => Some((self.geometry.partner[i], PARTNER_RADIUS_PX + 1.5)),
            Some(Hit::City(c)) => Some((self.geometry.cities[c], CITY_RADIUS_PX + 1.5)),
            _ => self
                .selected_city
                .map(|c| (self.geometry.cities[c], CITY_RADIUS_PX + 1.5)),
        };
        if let Some((p, r)) = emphasised {
            items.push(Item::Draw(Rc::new(markers(
                "markers.highlight",
                style::marker_highlight(),
                std::iter::once(p),
                r,
                vp,
            ))));
        }
        Frame {
            viewport,
            background: "#f7f9fb",
            items,
            static_items,
        }
    }
}
