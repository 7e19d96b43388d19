//! The camera: which projection, where it looks (the viewport), and the globe's slow turn.

use super::flight::{Flight, FLIGHT_MS};
use crate::globe::Globe;
use crate::lonlat::{wrap_lon, LonLat};
use crate::number::clamp;
use crate::projection::{Equirectangular, NaturalEarth1, ProjectionKind, Projector, Xy};
use crate::url_state::View;
use crate::viewport::Viewport;

/// Central meridian of the flat maps (degrees east): the Pacific side, so links from Shandong
/// to the Americas run across the Pacific as great circles do, and the map's seam (30°W) falls
/// in the Atlantic.
pub const DEFAULT_CENTER_LON: f64 = 150.0;

/// The globe's starting centre: Shandong (degrees).
pub const GLOBE_HOME: Globe = Globe {
    center_lon: 118.0,
    center_lat: 36.0,
};

/// How fast the globe turns by itself, degrees per millisecond (6° a second).
const SPIN_DEG_PER_MS: f64 = 0.006;

/// The longest time step a spin frame takes, ms (a background tab must not jump).
const SPIN_MAX_STEP_MS: f64 = 100.0;

/// What a host compares between frames to tell a moved camera from a redraw in place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CameraKey {
    /// The screen transform.
    pub viewport: Viewport,
    /// The globe's centre, on the globe.
    pub globe: Option<Globe>,
}

/// Projection, viewport, spin and the flight under way.
#[derive(Clone)]
pub struct Camera {
    projector: Projector,
    viewport: Viewport,
    spin: bool,
    flight: Option<Flight>,
    /// Fits fly (off by default, and for reduced motion: they jump).
    pub animate: bool,
}

fn projector_of(kind: ProjectionKind) -> Projector {
    match kind {
        ProjectionKind::NaturalEarth => Projector::new(Box::new(NaturalEarth1), DEFAULT_CENTER_LON),
        ProjectionKind::Equirectangular => {
            Projector::new(Box::new(Equirectangular), DEFAULT_CENTER_LON)
        }
        ProjectionKind::Globe => Projector::globe(GLOBE_HOME),
    }
}

impl Camera {
    /// The whole world in `kind`, on a canvas of `width`×`height` CSS px.
    pub fn new(kind: ProjectionKind, width: f64, height: f64) -> Self {
        let projector = projector_of(kind);
        let viewport = Viewport::fit(width, height, projector.bounds());
        Self {
            projector,
            viewport,
            spin: false,
            flight: None,
            animate: false,
        }
    }

    /// The projection.
    pub fn projector(&self) -> &Projector {
        &self.projector
    }

    /// The screen transform.
    pub fn viewport(&self) -> &Viewport {
        &self.viewport
    }

    /// Which projection.
    pub fn kind(&self) -> ProjectionKind {
        self.projector.kind()
    }

    /// Whether this is the globe.
    pub fn is_globe(&self) -> bool {
        self.projector.as_globe().is_some()
    }

    /// The change-detection key.
    pub fn key(&self) -> CameraKey {
        CameraKey {
            viewport: self.viewport,
            globe: self.projector.as_globe().copied(),
        }
    }

    /// Switches the projection and fits the whole world.
    pub fn set_projection(&mut self, kind: ProjectionKind) {
        self.projector = projector_of(kind);
        self.fit_world();
    }

    /// Shows the whole world (the zoom goes back to 1).
    pub fn fit_world(&mut self) {
        self.flight = None;
        let v = &self.viewport;
        self.viewport = Viewport::fit(v.width, v.height, self.projector.bounds());
    }

    /// Back home: the whole world and, on the globe, Shandong at the centre. Returns whether
    /// the projection itself changed (the globe turned), so projected geometry must be rebuilt.
    pub fn reset(&mut self) -> bool {
        let turned = self.projector.as_globe().is_some_and(|g| *g != GLOBE_HOME);
        if turned {
            self.projector = Projector::globe(GLOBE_HOME);
        }
        self.fit_world();
        turned
    }

    /// Drags the map by a screen offset (CSS px); on the globe the point under the pointer
    /// follows it. Returns whether the projection changed (the globe turned).
    pub fn pan(&mut self, dx: f64, dy: f64) -> bool {
        self.flight = None;
        match self.projector.as_globe().copied() {
            Some(g) => {
                let k = (1.0 / self.viewport.scale).to_degrees();
                self.projector = Projector::globe(Globe {
                    center_lon: wrap_lon(g.center_lon - dx * k),
                    center_lat: clamp(g.center_lat + dy * k, -89.0, 89.0),
                });
                true
            }
            None => {
                self.viewport.pan(dx, dy);
                false
            }
        }
    }

    /// Zooms by `factor` keeping the point under (`x`, `y`) CSS px fixed.
    pub fn zoom_at(&mut self, factor: f64, x: f64, y: f64) {
        self.flight = None;
        self.viewport.zoom_at(factor, [x, y]);
    }

    /// A new canvas size (CSS px); returns whether it changed.
    pub fn resize(&mut self, width: f64, height: f64) -> bool {
        let changed = (width, height) != (self.viewport.width, self.viewport.height);
        if changed {
            self.viewport.resize(width, height);
        }
        changed
    }

    /// Whether the globe turns by itself.
    pub fn set_spin(&mut self, on: bool) {
        self.spin = on;
    }

    /// Whether the camera is spinning now (spin on, and on the globe).
    pub fn spinning(&self) -> bool {
        self.spin && self.is_globe()
    }

    /// Whether a flight or the spin needs frames.
    pub fn moving(&self) -> bool {
        self.flight.is_some() || self.spinning()
    }

    /// Advances the flight under way by `dt_ms`; returns whether the view moved.
    pub fn fly(&mut self, dt_ms: f64) -> bool {
        let Some(f) = &mut self.flight else {
            return false;
        };
        let (view, done) = f.advance(clamp(dt_ms, 0.0, SPIN_MAX_STEP_MS));
        self.viewport = view;
        if done {
            self.flight = None;
        }
        true
    }

    /// Advances the spin by `dt_ms`; returns whether the globe turned.
    pub fn tick(&mut self, dt_ms: f64) -> bool {
        if !self.spinning() {
            return false;
        }
        // The view's centre moves west, the way the Earth turns.
        let degrees = clamp(dt_ms, 0.0, SPIN_MAX_STEP_MS) * SPIN_DEG_PER_MS;
        self.pan(degrees / (1.0 / self.viewport.scale).to_degrees(), 0.0)
    }

    /// Shows all `points` (world units; non-finite ones, off the globe's visible side, are left
    /// out) with a margin: flying there when animating, else at once. On the globe, which
    /// shows a whole hemisphere, the globe turns to the points' centre instead.
    pub fn fit_points(&mut self, points: &[Xy]) {
        let points: Vec<Xy> = points
            .iter()
            .copied()
            .filter(|p| p[0].is_finite() && p[1].is_finite())
            .collect();
        if points.is_empty() {
            return;
        }
        let mut to = self.viewport;
        to.fit_points(&points);
        if self.animate && to != self.viewport {
            self.flight = Some(Flight::new(self.viewport, to, FLIGHT_MS));
        } else {
            self.viewport = to;
        }
    }

    /// Reaches the view just set by a flight of `duration_ms` from `from` (a viewport of the
    /// same projection and size), when fits fly and the view moved; returns whether it flies.
    pub fn fly_from(&mut self, from: Viewport, duration_ms: f64) -> bool {
        let same_size = (from.width, from.height) == (self.viewport.width, self.viewport.height);
        if !self.animate || !same_size || from == self.viewport {
            return false;
        }
        self.flight = Some(Flight::new(from, self.viewport, duration_ms));
        self.viewport = from;
        true
    }

    /// Turns the globe to the centre of `positions` (their mean direction), at the whole
    /// globe's zoom. Returns whether it turned (projected geometry must then be rebuilt).
    pub fn turn_to(&mut self, positions: &[LonLat]) -> bool {
        if !self.is_globe() || positions.is_empty() {
            return false;
        }
        let mut sum = [0.0; 3];
        for p in positions {
            let v = p.to_unit_vector();
            sum = [sum[0] + v[0], sum[1] + v[1], sum[2] + v[2]];
        }
        if sum.iter().all(|c| c.abs() < 1e-9) {
            return false;
        }
        let c = LonLat::from_vector(sum);
        self.projector = Projector::globe(Globe {
            center_lon: c.lon,
            center_lat: clamp(c.lat, -89.0, 89.0),
        });
        self.fit_world();
        true
    }

    /// The view as the URL writes it, or `None` for the whole-world view (not zoomed, and not
    /// moved by more than a pixel).
    pub fn view(&self) -> Option<View> {
        let v = &self.viewport;
        let centre = [v.width / 2.0, v.height / 2.0];
        let centre_xy = v.to_world(centre);
        let fitted = Viewport::fit(v.width, v.height, self.projector.bounds());
        let fitted_xy = fitted.to_world(centre);
        let moved =
            (centre_xy[0] - fitted_xy[0]).hypot(centre_xy[1] - fitted_xy[1]) * v.scale > 1.0;
        if (v.zoom() - 1.0).abs() <= 0.01 && !moved {
            return None;
        }
        let c = self.projector.invert(centre_xy)?;
        Some(View {
            zoom: v.zoom(),
            lon: c.lon,
            lat: c.lat,
        })
    }

    /// Fits the world, then applies a view from the URL (if any).
    pub fn set_view(&mut self, view: Option<View>) {
        self.fit_world();
        if let Some(View { zoom, lon, lat }) = view {
            let p = self.projector.project(LonLat::new(lon, lat));
            self.viewport.set_view(zoom, p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_world_has_no_view() {
        let c = Camera::new(ProjectionKind::NaturalEarth, 800.0, 400.0);
        assert_eq!(c.view(), None);
    }

    #[test]
    fn a_view_round_trips() {
        let mut c = Camera::new(ProjectionKind::NaturalEarth, 800.0, 400.0);
        c.set_view(Some(View {
            zoom: 3.0,
            lon: 10.0,
            lat: 50.0,
        }));
        let v = c.view().expect("zoomed");
        assert!((v.zoom - 3.0).abs() < 1e-9);
        assert!(
            (v.lon - 10.0).abs() < 1e-6 && (v.lat - 50.0).abs() < 1e-6,
            "{v:?}"
        );
        // A pan of one pixel at zoom 1 is not a view; ten pixels are.
        let mut c = Camera::new(ProjectionKind::NaturalEarth, 800.0, 400.0);
        c.zoom_at(4.0, 400.0, 200.0);
        c.zoom_at(0.25, 400.0, 200.0);
        assert_eq!(c.view(), None);
        c.pan(10.0, 0.0);
        assert!(c.view().is_some());
    }

    #[test]
    fn the_globe_turns_under_a_drag_and_resets_home() {
        let mut c = Camera::new(ProjectionKind::Globe, 600.0, 600.0);
        assert!(c.pan(50.0, 0.0), "a drag turns the globe");
        let g = *c.projector().as_globe().expect("globe");
        assert!(
            g.center_lon < GLOBE_HOME.center_lon,
            "dragging right brings the west in"
        );
        assert!(c.reset());
        assert_eq!(c.projector().as_globe(), Some(&GLOBE_HOME));
        assert!(!c.reset(), "already home");
    }

    #[test]
    fn spin_turns_only_the_globe() {
        let mut flat = Camera::new(ProjectionKind::NaturalEarth, 600.0, 400.0);
        flat.set_spin(true);
        assert!(!flat.tick(16.0));
        let mut globe = Camera::new(ProjectionKind::Globe, 600.0, 600.0);
        assert!(!globe.tick(16.0), "spin is off");
        globe.set_spin(true);
        assert!(globe.tick(1000.0));
        let g = globe.projector().as_globe().expect("globe");
        // At most 100 ms count: 0.6°.
        assert!(
            (GLOBE_HOME.center_lon - g.center_lon - 0.6).abs() < 1e-9,
            "{g:?}"
        );
    }

    #[test]
    fn a_fit_flies_there_and_user_input_ends_the_flight() {
        let mut c = Camera::new(ProjectionKind::NaturalEarth, 800.0, 400.0);
        c.animate = true;
        let europe = [
            c.projector().project(LonLat::new(-10.0, 36.0)),
            c.projector().project(LonLat::new(30.0, 60.0)),
        ];
        c.fit_points(&europe);
        assert!(c.moving());
        let start = *c.viewport();
        assert!(c.fly(super::super::flight::FLIGHT_MS / 2.0));
        let mid = *c.viewport();
        assert!(mid.scale > start.scale);
        while c.fly(16.0) {}
        assert!(!c.moving());
        let end = *c.viewport();
        assert!(end.scale > mid.scale);
        let mut jump = Camera::new(ProjectionKind::NaturalEarth, 800.0, 400.0);
        jump.fit_points(&europe);
        assert!(!jump.moving());
        assert_eq!(*jump.viewport(), end, "the flight ends where a jump lands");
        c.fit_world();
        c.fit_points(&europe);
        c.pan(5.0, 0.0);
        assert!(!c.moving(), "a drag ends the flight");
    }

    #[test]
    fn the_globe_turns_to_what_is_shown() {
        let mut g = Camera::new(ProjectionKind::Globe, 600.0, 600.0);
        assert!(g.turn_to(&[LonLat::new(10.0, 50.0), LonLat::new(20.0, 50.0)]));
        let c = g.projector().as_globe().expect("globe");
        assert!(
            (c.center_lon - 15.0).abs() < 0.1 && c.center_lat > 50.0,
            "{c:?}"
        );
        let mut flat = Camera::new(ProjectionKind::NaturalEarth, 600.0, 400.0);
        assert!(!flat.turn_to(&[LonLat::new(10.0, 50.0)]));
    }

    #[test]
    fn resize_reports_changes_only() {
        let mut c = Camera::new(ProjectionKind::NaturalEarth, 600.0, 400.0);
        assert!(!c.resize(600.0, 400.0));
        assert!(c.resize(390.0, 500.0));
        assert_eq!(c.viewport().width, 390.0);
    }
}
