//! An office's own basemap from parsed GeoJSON or TopoJSON (walked with `js_sys`, no JSON crate).

use crate::basemap::Basemap;
use crate::lonlat::LonLat;
use wasm_bindgen::{JsCast, JsValue};

fn get(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn array(v: &JsValue) -> Option<js_sys::Array> {
    v.dyn_ref::<js_sys::Array>().cloned()
}

fn num(v: &JsValue) -> Option<f64> {
    v.as_f64().filter(|x| x.is_finite())
}

fn position(v: &JsValue) -> Option<LonLat> {
    let a = array(v)?;
    Some(LonLat::new(num(&a.get(0))?, num(&a.get(1))?))
}

fn ring(v: &JsValue) -> Result<Vec<LonLat>, String> {
    let a = array(v).ok_or("a ring is not an array")?;
    a.iter()
        .map(|p| position(&p).ok_or_else(|| "a position is not [lon, lat]".to_string()))
        .collect()
}

fn polygons(geometry: &JsValue) -> Result<Vec<Vec<Vec<LonLat>>>, String> {
    let coords = get(geometry, "coordinates");
    let rings_of = |p: &JsValue| -> Result<Vec<Vec<LonLat>>, String> {
        array(p)
            .ok_or("a polygon is not an array")?
            .iter()
            .map(|r| ring(&r))
            .collect()
    };
    match get(geometry, "type").as_string().as_deref() {
        Some("Polygon") => Ok(vec![rings_of(&coords)?]),
        Some("MultiPolygon") => array(&coords)
            .ok_or("MultiPolygon coordinates are not an array")?
            .iter()
            .map(|p| rings_of(&p))
            .collect(),
        _ => Ok(Vec::new()), // points and lines are not basemap land
    }
}

/// ISO numeric code from an `id` or properties (`iso_n3`, `ISO_N3`), 0 if none.
fn numeric_id(feature: &JsValue) -> u16 {
    let props = get(feature, "properties");
    [
        get(feature, "id"),
        get(&props, "iso_n3"),
        get(&props, "ISO_N3"),
    ]
    .iter()
    .find_map(|v| {
        v.as_string()
            .and_then(|s| s.parse().ok())
            .or_else(|| num(v).map(|n| n as u16))
    })
    .unwrap_or(0)
}

fn name(feature: &JsValue) -> String {
    let props = get(feature, "properties");
    ["name", "NAME", "name_zh"]
        .iter()
        .find_map(|k| get(&props, k).as_string())
        .unwrap_or_default()
}

/// Reads a GeoJSON FeatureCollection / Feature / geometry, or a TopoJSON Topology.
pub fn basemap_from_json(v: &JsValue) -> Result<Basemap, String> {
    match get(v, "type").as_string().as_deref() {
        Some("Topology") => topology(v),
        Some("FeatureCollection") => {
            let features = array(&get(v, "features")).ok_or("features is not an array")?;
            let mut countries = Vec::new();
            for f in features.iter() {
                countries.push((numeric_id(&f), name(&f), polygons(&get(&f, "geometry"))?));
            }
            finish(Basemap::from_polygons(countries))
        }
        Some("Feature") => finish(Basemap::from_polygons(vec![(
            numeric_id(v),
            name(v),
            polygons(&get(v, "geometry"))?,
        )])),
        Some("Polygon") | Some("MultiPolygon") => finish(Basemap::from_polygons(vec![(
            0,
            String::new(),
            polygons(v)?,
        )])),
        _ => Err(
            "expected GeoJSON (FeatureCollection, Feature, Polygon) or a TopoJSON Topology".into(),
        ),
    }
}

fn finish(b: Basemap) -> Result<Basemap, String> {
    if b.arcs.is_empty() {
        Err("no polygons found".into())
    } else {
        Ok(b)
    }
}

fn topology(v: &JsValue) -> Result<Basemap, String> {
    let transform = get(v, "transform");
    let pair = |k: &str| -> Option<(f64, f64)> {
        let a = array(&get(&transform, k))?;
        Some((num(&a.get(0))?, num(&a.get(1))?))
    };
    let quantized = pair("scale").zip(pair("translate"));
    let mut arcs = Vec::new();
    for arc in array(&get(v, "arcs")).ok_or("arcs is not an array")?.iter() {
        let pts = array(&arc).ok_or("an arc is not an array")?;
        let (mut x, mut y) = (0.0, 0.0);
        let mut out = Vec::with_capacity(pts.length() as usize);
        for p in pts.iter() {
            let a = array(&p).ok_or("an arc position is not an array")?;
            let (px, py) = (
                num(&a.get(0)).ok_or("bad arc position")?,
                num(&a.get(1)).ok_or("bad arc position")?,
            );
            out.push(match quantized {
                Some(((sx, sy), (tx, ty))) => {
                    x += px;
                    y += py;
                    LonLat::new(x * sx + tx, y * sy + ty)
                }
                None => LonLat::new(px, py),
            });
        }
        arcs.push(out);
    }
    let objects = get(v, "objects");
    let first = js_sys::Object::values(
        objects
            .dyn_ref::<js_sys::Object>()
            .ok_or("objects is not an object")?,
    )
    .get(0);
    let geometries =
        array(&get(&first, "geometries")).unwrap_or_else(|| js_sys::Array::of1(&first));
    let refs = |p: &JsValue| -> Vec<Vec<i32>> {
        array(p)
            .map(|rings| {
                rings
                    .iter()
                    .map(|r| {
                        array(&r)
                            .map(|a| a.iter().filter_map(|i| num(&i).map(|n| n as i32)).collect())
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut countries = Vec::new();
    for g in geometries.iter() {
        let arcs_v = get(&g, "arcs");
        let polys = match get(&g, "type").as_string().as_deref() {
            Some("Polygon") => vec![refs(&arcs_v)],
            Some("MultiPolygon") => array(&arcs_v)
                .map(|a| a.iter().map(|p| refs(&p)).collect())
                .unwrap_or_default(),
            _ => continue,
        };
        countries.push((numeric_id(&g), name(&g), polys));
    }
    finish(Basemap::from_topology(arcs, countries))
}
