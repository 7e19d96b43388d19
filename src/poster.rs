//! The command line's SVG (`friendship-map export --format svg`): the map of a filter as the
//! page draws it, with the page's legend, credit line and review number in Chinese or English
//! (a small string table of its own, the page's words), sized for print.

use crate::basemap::{Basemap, BASEMAP_110M};
use crate::data::record::current_year;
use crate::data::Dataset;
use crate::filter::Filter;
use crate::lang::Lang;
use crate::map::scope::title;
use crate::map::MapState;
use crate::overlay::OverlayTexts;
use crate::publication::Publication;
use crate::scene::BasemapStyle;

/// CSS pixels per inch: a picture of `w` CSS px prints `w / 96` inches wide, as browsers print.
pub const CSS_DPI: f64 = 96.0;

/// What the SVG shows and how large it is.
#[derive(Clone, Debug, PartialEq)]
pub struct PosterOptions {
    /// Width in device pixels at `dpi` (3508 for A4 landscape at 300 dpi).
    pub width_px: f64,
    /// Height in device pixels at `dpi` (2480 for A4 landscape at 300 dpi).
    pub height_px: f64,
    /// Dots per inch: the SVG's size is written in millimetres (`297mm`) and its picture is
    /// `width_px · 96 / dpi` CSS px wide; at 96 the size is written in pixels.
    pub dpi: f64,
    /// The language of the texts (Chinese by default).
    pub lang: Lang,
    /// The basemap's style.
    pub basemap: BasemapStyle,
    /// The map review number (审图号), shown at the lower left.
    pub review_number: Option<String>,
    /// A state query (the page's URL or share link: filters, selection, projection, view); its
    /// filter is narrowed by the filter flags ([`crate::narrow`]).
    pub query: Option<String>,
}

impl Default for PosterOptions {
    fn default() -> Self {
        Self {
            width_px: 3508.0,
            height_px: 2480.0,
            dpi: 300.0,
            lang: Lang::Zh,
            basemap: BasemapStyle::Countries,
            review_number: None,
            query: None,
        }
    }
}

/// The overlay's texts, as the page words them (`www/i18n.js`).
pub fn texts(lang: Lang, review_number: Option<&str>) -> OverlayTexts {
    let [sister, friendly, agreement, intent, credit, review] = if lang == Lang::En {
        [
            "sister city",
            "friendly cooperation",
            "agreement, memorandum",
            "letter of intent",
            "Basemap: Natural Earth",
            "Map review number: ",
        ]
    } else {
        [
            "友好城市",
            "友好合作关系城市",
            "合作协议、备忘录",
            "意向书",
            "底图：Natural Earth",
            "审图号：",
        ]
    };
    OverlayTexts {
        title: None,
        sister: sister.into(),
        friendly: friendly.into(),
        agreement: agreement.into(),
        intent: intent.into(),
        credit: credit.into(),
        review: review_number.map(|n| format!("{review}{n}")),
        caption: None,
        story: None,
    }
}

/// Takes the SVG's options out of the command's arguments (`--width`, `--height`, `--dpi`,
/// `--lang zh|en`, `--basemap countries|land|china`, `--review-number`, `--query`); returns
/// them with the other arguments.
pub fn take_options(args: &[String]) -> Result<(PosterOptions, Vec<String>), String> {
    let mut o = PosterOptions::default();
    let mut rest = Vec::new();
    let mut it = args.iter();
    let number = |v: Option<&String>, flag: &str, lo: f64, hi: f64| {
        v.and_then(|s| crate::number::parse(s))
            .filter(|x| (lo..=hi).contains(x))
            .ok_or(format!("{flag} needs a number from {lo} to {hi}"))
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--width" => o.width_px = number(it.next(), a, 16.0, 32768.0)?,
            "--height" => o.height_px = number(it.next(), a, 16.0, 32768.0)?,
            "--dpi" => o.dpi = number(it.next(), a, 24.0, 2400.0)?,
            "--lang" => {
                let v = it.next().map_or("", String::as_str);
                o.lang = Lang::from_name(v).ok_or("--lang needs zh or en")?;
            }
            "--basemap" => {
                let v = it.next().map_or("", String::as_str);
                o.basemap =
                    BasemapStyle::from_name(v).ok_or("--basemap needs countries, land or china")?;
            }
            "--review-number" => o.review_number = it.next().cloned(),
            "--query" => o.query = it.next().cloned(),
            _ => rest.push(a.clone()),
        }
    }
    Ok((o, rest))
}

/// The map of `dataset` under `filter` as an SVG document: the query (`o.query`) sets the
/// projection, the selected city and the view, and `filter` is what is shown (the command line
/// passes the query's filter narrowed by its flags, [`crate::narrow`]); `detail` is the 1:50m basemap, drawn from the zoom where the page draws
/// it. Returns the warnings of the query too.
pub fn poster(
    dataset: Dataset,
    filter: Filter,
    detail: Option<&Basemap>,
    o: &PosterOptions,
) -> Result<(String, Vec<String>), String> {
    let basemap = Basemap::decode(BASEMAP_110M).map_err(|e| e.0)?;
    let k = o.dpi / CSS_DPI;
    let (w, h) = (o.width_px / k, o.height_px / k);
    let mut map = MapState::new(dataset, &basemap, w, h).with_year(current_year());
    let warnings = o.query.as_deref().map_or_else(Vec::new, |q| {
        let w = map.apply_query(q);
        w.iter().map(ToString::to_string).collect()
    });
    map.set_filter(filter);
    map.set_basemap_style(o.basemap);
    if let Some(d) = detail {
        map.set_detail_basemap(d);
    }
    let publication = Publication {
        width_px: o.width_px,
        height_px: o.height_px,
        scale: k,
        presenting: false,
        texts: OverlayTexts {
            // Titled for what it shows: the province, or the cities of its filter.
            title: Some(match (title(&map.scope()), o.lang) {
                (t, Lang::Zh) => t.zh,
                (t, Lang::En) => t.en,
            }),
            ..texts(o.lang, o.review_number.as_deref())
        },
    };
    let frame = map.publish(&publication);
    let size = |px: f64| {
        if o.dpi == CSS_DPI {
            crate::number::short(px, 1)
        } else {
            format!("{}mm", crate::number::short(px / o.dpi * 25.4, 2))
        }
    };
    let svg = crate::svg::to_svg(&frame, &size(o.width_px), &size(o.height_px));
    Ok((svg, warnings))
}
