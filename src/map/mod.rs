//! The map's state without any platform: a façade over the camera, the basemaps, what is shown,
//! the emphasis and the records the page reads. Input comes in as calls (or
//! [`crate::command::Command`]s), frames go out as display lists.
//!
//! | part | file |
//! |---|---|
//! | projection, viewport, spin | [`camera`] |
//! | basemaps and their level of detail | [`basemaps`] |
//! | filter, playback, shown ties, selected city | [`selection`] |
//! | hover and search focus | [`emphasis`] |
//! | origins sharing a marker | [`origins`] |
//! | frame composition | [`frame`] |
//! | records for the page, the tooltip, the snapshot | [`describe`], [`tooltip`], [`snapshot`] |

pub mod annotate;
mod apply;
pub mod basemaps;
pub mod camera;
pub mod closeup;
pub mod describe;
pub mod emphasis;
pub mod flight;
pub mod frame;
pub mod label_points;
pub mod origins;
pub mod selection;
pub mod snapshot;
pub mod tooltip;

mod page;
mod picture;
mod pointing;
mod records;
mod showing;
mod view;

pub use basemaps::DETAIL_ZOOM;
pub use camera::{CameraKey, DEFAULT_CENTER_LON, GLOBE_HOME};
pub use describe::{Caption, CityInfo, DataInfo, NewPartner, Summary, TieInfo};
pub use snapshot::Snapshot;
pub use tooltip::{Tooltip, TooltipTarget};

pub use annotate::Lang;
pub use page::Page;

use crate::basemap::Basemap;
use crate::data::{builtin_regions, Dataset, Region};
use crate::display_list::Layer;
use crate::projection::ProjectionKind;
use crate::scene::{link_layers, LinkGeometry, DENSE_LINKS};
use crate::stats::{stats, Stats};
use basemaps::Basemaps;
use camera::Camera;
use emphasis::Emphasis;
use origins::Markers;
use selection::Selection;
use std::rc::Rc;

/// The settled links as drawn, rebuilt when what is shown (or its emphasis) changes.
#[derive(Clone, Default)]
struct Drawn {
    links: Vec<Rc<Layer>>,
    /// Per origin, whether its marker is drawn.
    cities_shown: Vec<bool>,
    /// Thousands of links are shown.
    dense: bool,
}

/// The links of `ties` in the style of ties of unknown year.
fn unknown_layer(geometry: &LinkGeometry, ties: &[usize], version: u64) -> Layer {
    let mut layer = Layer::new(
        "links.unknown",
        version,
        crate::display_list::Space::World,
        crate::style::link_unknown(),
    );
    let mut buf = Vec::new();
    for &i in ties {
        crate::scene::add_tie(&mut layer, geometry, i, &mut buf);
    }
    layer
}

/// What belongs to one dataset and never changes with the view or the filter.
#[derive(Clone)]
struct Facts {
    /// Changes with every dataset shown (a version like the layers').
    version: u64,
    markers: Markers,
    /// Per tie, its country's slot for counting (`annotate::country_slots`).
    country_slots: Rc<[u16]>,
    /// Statistics of the whole dataset (the histogram's axis, the page's totals).
    all: Stats,
    data: DataInfo,
}

impl Facts {
    fn of(dataset: &Dataset, regions: &[Region], version: u64) -> Self {
        Self {
            version,
            markers: Markers::of(&dataset.origins),
            country_slots: annotate::country_slots(dataset),
            all: stats(dataset, &vec![true; dataset.ties.len()], regions),
            data: describe::data_info(dataset),
        }
    }
}

/// The whole state of one map.
#[derive(Clone)]
pub struct MapState {
    dataset: Rc<Dataset>,
    regions: Rc<Vec<Region>>,
    facts: Facts,
    camera: Camera,
    basemaps: Basemaps,
    geometry: Rc<LinkGeometry>,
    selection: Selection,
    emphasis: Emphasis,
    drawn: Drawn,
    /// What the page says about itself: language, scale, covered boxes, text widths.
    page: Page,
    /// Ties new in earlier playback steps that are still named, with how long (ms of
    /// playback) they have been.
    lingering: Vec<(usize, f64)>,
    /// Source of layer versions (a backend caches paths by name and version).
    version: u64,
    data_version: u64,
    dirty: bool,
}

impl MapState {
    /// A map of `dataset` over `basemap`, sized `width`×`height` CSS px, showing every tie.
    pub fn new(dataset: Dataset, basemap: &Basemap, width: f64, height: f64) -> Self {
        let regions = Rc::new(builtin_regions());
        let camera = Camera::new(ProjectionKind::NaturalEarth, width, height);
        let mut map = Self {
            facts: Facts::of(&dataset, &regions, 1),
            basemaps: Basemaps::new(basemap, camera.projector(), 1),
            geometry: Rc::new(LinkGeometry::build(&dataset, camera.projector())),
            selection: Selection::new(&dataset, &regions),
            dataset: Rc::new(dataset),
            regions,
            camera,
            emphasis: Emphasis::default(),
            drawn: Drawn::default(),
            page: Page::default(),
            lingering: Vec::new(),
            version: 1,
            data_version: 0,
            dirty: true,
        };
        map.refresh_links();
        map
    }

    fn next_version(&mut self) -> u64 {
        self.version += 1;
        self.version
    }

    /// Rebuilds the settled links and the city markers after what is shown changed.
    fn refresh_links(&mut self) {
        let v = self.next_version();
        self.data_version = v;
        let shown = self.selection.shown();
        self.drawn.dense = shown.iter().filter(|s| **s).count() > DENSE_LINKS;
        let k = self.page.scale;
        let mut settled = self.selection.settled();
        // Ties of unknown year shown under a year filter are drawn apart, grey and dotted.
        let apart = self.unknown_apart();
        for &i in &apart {
            settled[i] = false;
        }
        let mut links = link_layers(
            &self.dataset,
            &self.geometry,
            &settled,
            self.selection.selected_city(),
            self.drawn.dense,
            v,
        );
        if !apart.is_empty() {
            links.insert(0, Rc::new(unknown_layer(&self.geometry, &apart, v)));
        }
        self.drawn.links = links
            .into_iter()
            .map(|l| crate::style::scaled_layer(l, k))
            .collect();
        let mut cities = vec![false; self.dataset.origins.len()];
        for (t, shown) in self.dataset.ties.iter().zip(shown) {
            if *shown {
                // Origins at one place (the province at its capital, Jinan) share one marker.
                cities[self.facts.markers.marker(t.city)] = true;
            }
        }
        self.drawn.cities_shown = cities;
        self.dirty = true;
    }

    /// The shown ties of unknown year when a year filter shows them apart (not in playback,
    /// whose last step shows them as a step of their own).
    pub fn unknown_apart(&self) -> Vec<usize> {
        if self.selection.playback().is_some() || !self.selection.filter().shows_unknown_apart() {
            return Vec::new();
        }
        let shown = self.selection.shown();
        (0..shown.len())
            .filter(|&i| shown[i] && self.dataset.ties[i].record.established.is_none())
            .collect()
    }

    /// Re-projects everything after the projection or the globe's centre changed.
    fn reproject(&mut self) {
        let v = self.next_version();
        let k = self.page.scale;
        self.basemaps.reproject(self.camera.projector(), v, k);
        self.geometry = Rc::new(LinkGeometry::build(&self.dataset, self.camera.projector()));
        self.emphasis.reproject(&self.geometry, v, k);
        self.refresh_links();
    }

    /// A map of its own in the same state, sharing this one's data, basemaps and text widths
    /// (nothing is copied or fetched again): pictures that leave the page (exports, the video)
    /// are made on a fork, and the live map goes on undisturbed.
    pub fn fork(&self) -> MapState {
        self.clone()
    }

    /// Whether something changed since the last [`MapState::take_dirty`].
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }
}
