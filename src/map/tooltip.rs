//! What the tooltip shows: the names and ties under the pointer (the page writes the
//! sentences, in its language).

use super::describe::{tie_info, TieInfo};
use super::origins::Markers;
use crate::data::Dataset;
use crate::hit::Hit;
use crate::scene::LinkGeometry;
use serde::Serialize;

/// What the pointer is over, for the tooltip.
#[derive(Clone, Copy, Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum TooltipTarget {
    /// A partner's marker: every shown tie ending there.
    Partner,
    /// One link.
    Link,
    /// A Shandong side's marker: its count of shown ties.
    City,
}

/// What a tooltip shows (the page writes the sentences).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Tooltip {
    /// What is described.
    pub target: TooltipTarget,
    /// Heading names, Chinese (for a link: both ends).
    pub title_zh: String,
    /// Heading names, English.
    pub title_en: String,
    /// Ties described (none for a city).
    pub ties: Vec<TieInfo>,
    /// Number of shown ties concerned.
    pub count: usize,
}

/// What the tooltip shows for a hover target.
pub fn tooltip(
    dataset: &Dataset,
    geometry: &LinkGeometry,
    shown: &[bool],
    markers: &Markers,
    hit: Hit,
) -> Tooltip {
    match hit {
        Hit::City(c) => {
            // Jinan's marker also stands for the province's own ties.
            let count = dataset
                .ties
                .iter()
                .zip(shown)
                .filter(|(t, s)| **s && markers.same(t.city, c))
                .count();
            let city = &dataset.origins[c];
            Tooltip {
                target: TooltipTarget::City,
                title_zh: city.name_zh.clone(),
                title_en: city.name.clone(),
                ties: Vec::new(),
                count,
            }
        }
        Hit::Partner(i) => {
            let here = geometry.partner[i];
            let ties: Vec<TieInfo> = (0..dataset.ties.len())
                .filter(|&j| shown[j] && geometry.partner[j] == here)
                .map(|j| tie_info(dataset, j))
                .collect();
            let r = &dataset.ties[i].record;
            Tooltip {
                target: TooltipTarget::Partner,
                title_zh: r.partner_zh.clone(),
                title_en: r.partner.clone(),
                count: ties.len(),
                ties,
            }
        }
        Hit::Link(i) => {
            let info = tie_info(dataset, i);
            Tooltip {
                target: TooltipTarget::Link,
                title_zh: format!("{} – {}", info.city_zh, info.partner_zh),
                title_en: format!("{} – {}", info.city, info.partner),
                ties: vec![info],
                count: 1,
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::projection::{NaturalEarth1, Projector};

    /// Three ties: the province's, and two to one partner from Jinan and Qingdao.
    pub(in crate::map) fn data() -> Dataset {
        let csv = "shandong_city,shandong_city_zh,partner,partner_zh,country,level,kind,established,lat,lon,source
Shandong,山东省,Yamaguchi Prefecture,山口县,JP,province,sister,1982-08-12,34.18,131.47,https://a.example/1
Jinan,济南市,Regensburg,雷根斯堡市,DE,city,friendly,,49.01,12.1,https://a.example/2 https://a.example/3
Qingdao,青岛市,Regensburg,雷根斯堡市,DE,city,sister,2000,49.01,12.1,https://a.example/4
";
        let (d, errors) = Dataset::from_csv(csv, 2030);
        assert!(errors.is_empty(), "{errors:?}");
        d
    }

    #[test]
    fn tooltips_gather_what_is_under_the_pointer() {
        let d = data();
        let g = LinkGeometry::build(&d, &Projector::new(Box::new(NaturalEarth1), 150.0));
        let m = Markers::of(&d.origins);
        let shown = [true, true, true];
        let partner = tooltip(&d, &g, &shown, &m, Hit::Partner(1));
        assert_eq!(partner.target, TooltipTarget::Partner);
        assert_eq!(partner.count, 2, "two Shandong cities tie to Regensburg");
        let link = tooltip(&d, &g, &shown, &m, Hit::Link(2));
        assert_eq!(link.title_zh, "青岛市 – 雷根斯堡市");
        // Jinan's marker stands for the province's ties too.
        let jinan = tooltip(&d, &g, &shown, &m, Hit::City(1));
        assert_eq!((jinan.target, jinan.count), (TooltipTarget::City, 2));
        let hidden = tooltip(&d, &g, &[false, true, true], &m, Hit::City(1));
        assert_eq!(hidden.count, 1);
    }
}
