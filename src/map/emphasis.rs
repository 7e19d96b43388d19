//! Emphasis that does not change what is shown: the hovered marker or link, and the ties a
//! search result points at.

use crate::display_list::Layer;
use crate::hit::Hit;
use crate::scene::{tie_layer, ties_layer, LinkGeometry};
use std::rc::Rc;

/// Hover and search focus, with their highlight layers.
#[derive(Clone, Default)]
pub struct Emphasis {
    hover: Option<Hit>,
    hover_layer: Option<Rc<Layer>>,
    focus: Vec<usize>,
    focus_layer: Option<Rc<Layer>>,
}

impl Emphasis {
    /// The hover target.
    pub fn hover(&self) -> Option<Hit> {
        self.hover
    }

    /// The hovered tie's highlight, if a link or partner is hovered.
    pub fn hover_layer(&self) -> Option<&Rc<Layer>> {
        self.hover_layer.as_ref()
    }

    /// Ties highlighted by the last search choice.
    pub fn focus(&self) -> &[usize] {
        &self.focus
    }

    /// Their highlight.
    pub fn focus_layer(&self) -> Option<&Rc<Layer>> {
        self.focus_layer.as_ref()
    }

    /// Sets or clears the hover target; returns whether it changed.
    pub fn set_hover(
        &mut self,
        hit: Option<Hit>,
        geometry: &LinkGeometry,
        version: u64,
        k: f64,
    ) -> bool {
        if hit == self.hover {
            return false;
        }
        self.hover = hit;
        self.hover_layer = match hit {
            Some(Hit::Link(i) | Hit::Partner(i)) if i < geometry.ties() => {
                Some(Layer::scaled(Rc::new(tie_layer(geometry, i, version)), k))
            }
            _ => None,
        };
        true
    }

    /// Highlights `ties` (indexes past the geometry are dropped), or nothing.
    pub fn set_focus(
        &mut self,
        mut ties: Vec<usize>,
        geometry: &LinkGeometry,
        version: u64,
        k: f64,
    ) {
        ties.retain(|&i| i < geometry.ties());
        self.focus_layer = (!ties.is_empty())
            .then(|| Layer::scaled(Rc::new(ties_layer(geometry, &ties, version)), k));
        self.focus = ties;
    }

    /// After the geometry was projected anew: the hover is dropped, the focus re-drawn.
    pub fn reproject(&mut self, geometry: &LinkGeometry, version: u64, k: f64) {
        self.hover = None;
        self.hover_layer = None;
        let focus = std::mem::take(&mut self.focus);
        self.set_focus(focus, geometry, version, k);
    }

    /// Drops everything (another dataset).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three ties from Qingdao (and one from Jinan) to different partners.
    fn geometry() -> LinkGeometry {
        let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source
Qingdao,青岛市,Shimonoseki,下关市,JP,city,sister,1979,33.96,130.94,https://a.example/1
Qingdao,青岛市,Nantes,南特市,FR,city,sister,2005,47.22,-1.55,https://a.example/2
Jinan,济南市,Regensburg,雷根斯堡市,DE,city,friendly,,49.01,12.1,https://a.example/3
";
        let (d, errors) = crate::data::Dataset::from_csv(csv, 2030);
        assert!(errors.is_empty(), "{errors:?}");
        let p =
            crate::projection::Projector::new(Box::new(crate::projection::NaturalEarth1), 150.0);
        LinkGeometry::build(&d, &p)
    }

    #[test]
    fn hovering_a_link_or_partner_highlights_its_tie() {
        let g = geometry();
        let mut e = Emphasis::default();
        assert!(e.set_hover(Some(Hit::Link(1)), &g, 5, 1.0));
        assert!(!e.set_hover(Some(Hit::Link(1)), &g, 6, 1.0), "unchanged");
        let hovered = e.hover_layer().expect("layer");
        assert_eq!(hovered.path, tie_layer(&g, 1, 5).path, "the tie's own link");
        assert!(e.set_hover(Some(Hit::City(0)), &g, 7, 1.0));
        assert!(e.hover_layer().is_none(), "a city has no link of its own");
    }

    #[test]
    fn focus_drops_unknown_ties_and_survives_reprojection() {
        let g = geometry();
        let mut e = Emphasis::default();
        e.set_focus(vec![0, 7], &g, 3, 1.0);
        assert_eq!(e.focus(), [0]);
        e.set_hover(Some(Hit::Partner(1)), &g, 4, 1.0);
        e.reproject(&g, 8, 2.0);
        assert_eq!(e.hover(), None);
        let f = e.focus_layer().expect("focus");
        assert_eq!(f.version, 8);
        assert_eq!(
            f.style.width_px,
            2.0 * crate::style::link_highlight().width_px
        );
        e.set_focus(Vec::new(), &g, 9, 1.0);
        assert!(e.focus_layer().is_none());
    }
}
