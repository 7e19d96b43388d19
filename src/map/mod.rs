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
//! | a story: its step shown and automatic play | [`story`] |
//! | records for the page, the tooltip, the snapshot; facts about the data | [`describe`], [`tooltip`], [`snapshot`], [`data_info`] |

pub mod annotate;
mod apply;
pub mod basemaps;
pub mod camera;
pub mod closeup;
pub mod data_info;
pub mod describe;
pub mod emphasis;
pub mod flight;
pub mod frame;
pub mod label_points;
pub mod origins;
pub mod scope;
pub mod selection;
pub mod snapshot;
pub mod story;
pub mod tooltip;

mod page;
mod pointing;
mod records;
mod showing;
mod view;
mod view_frame;

pub use basemaps::DETAIL_ZOOM;
pub use camera::{CameraKey, DEFAULT_CENTER_LON, GLOBE_HOME};
pub use data_info::{DataInfo, SideCoverage};
pub use describe::{Caption, CityInfo, NewPartner, Summary, TieInfo};
pub use snapshot::Snapshot;
pub use tooltip::{Tooltip, TooltipTarget};

pub use annotate::Lang;
pub use page::Page;

use crate::basemap::Basemap;
use crate::data::{builtin_regions, Dataset, Region, Stage};
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
    /// What only the page's panels read: made when they first ask, after the first frame.
    records: std::cell::OnceCell<Rc<FactRecords>>,
}

/// The facts the panels read (not the picture).
struct FactRecords {
    /// Statistics of the whole dataset (the histogram's axis, the page's totals).
    all: Stats,
    data: DataInfo,
    /// Each origin's latest published total (see [`scope::latest_totals`]).
    totals: Vec<Option<(u32, String)>>,
}

impl Facts {
    fn of(dataset: &Dataset, version: u64) -> Self {
        Self {
            version,
            markers: Markers::of(&dataset.origins),
            country_slots: annotate::country_slots(dataset),
            records: std::cell::OnceCell::new(),
        }
    }
}

impl MapState {
    /// The facts the panels read, made once per dataset when first asked.
    fn fact_records(&self) -> &FactRecords {
        self.facts.records.get_or_init(|| {
            let d = &self.dataset;
            Rc::new(FactRecords {
                all: stats(d, &vec![true; d.ties.len()], &self.regions),
                data: data_info::data_info(d),
                totals: scope::latest_totals(d),
            })
        })
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
    /// The story shown, if any.
    story: Option<story::Showing>,
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
            facts: Facts::of(&dataset, 1),
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
            story: None,
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
            .map(|l| crate::display_list::Layer::scaled(l, k))
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

    /// The stages other than established whose links are drawn in their own style now (shown,
    /// and not drawn apart as of unknown year), in [`Stage::ALL`] order: the legend names them.
    pub fn stages_drawn(&self) -> Vec<Stage> {
        let apart = self.unknown_apart();
        let shown = self.selection.shown();
        Stage::ALL
            .into_iter()
            .filter(|s| !s.is_established())
            .filter(|&s| {
                self.dataset.ties.iter().enumerate().any(|(i, t)| {
                    shown[i] && t.record.stage == s && apart.binary_search(&i).is_err()
                })
            })
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
