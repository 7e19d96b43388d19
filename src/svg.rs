//! The SVG backend: a [`Sink`] that writes a frame as a standalone SVG document, for print and
//! vector editors. It replays the same display list as the canvas, so the picture matches the
//! PNG export: the basemap with its clip, links with their dashes (one `<path>` per tie, from
//! the layers' [`Layer::features`]), markers, and text kept as `<text>` in the page's font
//! stack with its halo behind it (`paint-order="stroke"`). Colours are written as `#rrggbb`
//! with a separate opacity, which every editor reads. Numbers are written in tenths of a CSS
//! pixel with integer code only (see `crate::number`).

use crate::display_list::{Frame, Layer, PathEl, Sink, Space, TextLayer};
use crate::projection::Xy;
use crate::style::{Rgba, Style, FONT_FAMILY};
use crate::viewport::Viewport;

/// Where the alphabetic baseline lies below the top of the em box, in em: Noto Sans CJK SC's
/// em box (ascent 0.88, descent 0.12), which canvas uses for `textBaseline` top, middle and
/// bottom (measured with `measureText` in Chromium 156). An SVG label is written on its
/// alphabetic baseline, which every renderer places alike.
pub const EM_ASCENT: f64 = 0.88;

/// Writes frames as SVG elements (see [`to_svg`] for a whole document).
#[derive(Default)]
pub struct SvgSink {
    /// The elements written so far.
    pub out: String,
    clips: usize,
    open: usize,
    /// Put before every id (`clip1`), so several pictures can share one page.
    pub id_prefix: String,
}

/// Appends `v` rounded to tenths (`12.3`, `-4`, `0`).
fn num(out: &mut String, v: f64) {
    let t = (v * 10.0).round();
    let t = if t.is_finite() && t.abs() < 9.0e15 {
        t as i64
    } else {
        0
    };
    if t < 0 {
        out.push('-');
    }
    let a = t.unsigned_abs();
    out.push_str(&(a / 10).to_string());
    if a % 10 != 0 {
        out.push('.');
        out.push(char::from(b'0' + (a % 10) as u8));
    }
}

/// Appends `text` with XML's (and HTML's) special characters escaped.
pub fn escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

/// Appends ` NAME="#rrggbb"` and, when not opaque, ` NAME-opacity="0.851"`.
fn paint(out: &mut String, name: &str, c: Option<Rgba>) {
    let Some(c) = c else {
        out.push_str(&format!(" {name}=\"none\""));
        return;
    };
    out.push_str(&format!(" {name}=\"#{:02x}{:02x}{:02x}\"", c.0, c.1, c.2));
    if c.3 != 255 {
        let alpha = crate::number::short(f64::from(c.3) / 255.0, 3);
        out.push_str(&format!(" {name}-opacity=\"{alpha}\""));
    }
}

/// Appends a number attribute: ` NAME="V"`.
fn attr(out: &mut String, name: &str, v: f64) {
    out.push_str(&format!(" {name}=\""));
    num(out, v);
    out.push('"');
}

impl SvgSink {
    /// The path data of `els` (points mapped to CSS px by `map`).
    fn data(&mut self, els: &[PathEl], map: &dyn Fn(Xy) -> Xy) {
        let out = &mut self.out;
        let point = |out: &mut String, p: Xy| {
            num(out, p[0]);
            out.push(' ');
            num(out, p[1]);
        };
        for el in els {
            match *el {
                PathEl::MoveTo(p) => {
                    out.push('M');
                    point(out, map(p));
                }
                PathEl::LineTo(p) => {
                    out.push('L');
                    point(out, map(p));
                }
                PathEl::Close => out.push('Z'),
                PathEl::Circle(p, r) => {
                    let [x, y] = map(p);
                    for (i, at) in [[x + r, y], [x - r, y], [x + r, y]].into_iter().enumerate() {
                        if i == 0 {
                            out.push('M');
                        } else {
                            out.push('A');
                            num(out, r);
                            out.push(' ');
                            num(out, r);
                            out.push_str(" 0 1 0 ");
                        }
                        point(out, at);
                    }
                    out.push('Z');
                }
            }
        }
    }

    /// ` fill=… stroke=… stroke-width=… stroke-dasharray=…` of a style.
    fn style(&mut self, s: &Style) {
        paint(&mut self.out, "fill", s.fill);
        paint(&mut self.out, "stroke", s.stroke);
        if s.stroke.is_some() {
            attr(&mut self.out, "stroke-width", s.width_px);
            if let Some([on, off]) = s.dash_px {
                self.out.push_str(" stroke-dasharray=\"");
                num(&mut self.out, on);
                self.out.push(',');
                num(&mut self.out, off);
                self.out.push('"');
            }
        }
    }
}

fn mapper(layer: &Layer, viewport: &Viewport) -> impl Fn(Xy) -> Xy {
    let (space, v) = (layer.space, *viewport);
    move |p| match space {
        Space::World => v.to_screen(p),
        Space::Screen => p,
    }
}

impl Sink for SvgSink {
    fn clear(&mut self, background: &str, v: &Viewport) {
        self.out.push_str("<rect");
        attr(&mut self.out, "width", v.width);
        attr(&mut self.out, "height", v.height);
        self.out.push_str(&format!(" fill=\"{background}\"/>\n"));
    }

    /// One `<path>` per layer, or a group with one `<path>` per feature (a tie's link).
    fn draw(&mut self, layer: &Layer, viewport: &Viewport) {
        if layer.path.is_empty() {
            return;
        }
        let map = mapper(layer, viewport);
        let tag = if layer.features.is_empty() {
            "<path"
        } else {
            "<g"
        };
        self.out
            .push_str(&format!("{tag} class=\"{}\"", layer.name));
        self.style(&layer.style);
        if layer.features.is_empty() {
            self.out.push_str(" d=\"");
            self.data(&layer.path, &map);
            self.out.push_str("\"/>\n");
            return;
        }
        self.out.push_str(">\n");
        let ends = layer.features[1..]
            .iter()
            .copied()
            .chain([layer.path.len()]);
        for (&start, end) in layer.features.iter().zip(ends) {
            if start < end {
                self.out.push_str("<path d=\"");
                self.data(&layer.path[start..end], &map);
                self.out.push_str("\"/>\n");
            }
        }
        self.out.push_str("</g>\n");
    }

    fn clip(&mut self, layer: &Layer, viewport: &Viewport) {
        self.clips += 1;
        self.open += 1;
        let id = format!("{}clip{}", self.id_prefix, self.clips);
        self.out
            .push_str(&format!("<clipPath id=\"{id}\"><path d=\""));
        self.data(&layer.path, &mapper(layer, viewport));
        self.out
            .push_str(&format!("\"/></clipPath>\n<g clip-path=\"url(#{id})\">\n"));
    }

    fn unclip(&mut self) {
        if self.open > 0 {
            self.open -= 1;
            self.out.push_str("</g>\n");
        }
    }

    /// A group with the layer's font and paint, one `<text>` per label on its alphabetic
    /// baseline (see [`EM_ASCENT`]).
    fn text(&mut self, layer: &TextLayer) {
        if layer.labels.is_empty() {
            return;
        }
        let s = &layer.style;
        let out = &mut self.out;
        out.push_str(&format!(
            "<g class=\"{}\" font-family='{FONT_FAMILY}' font-weight=\"{}\"",
            layer.name, s.font.weight
        ));
        attr(out, "font-size", s.font.size_px);
        paint(out, "fill", Some(s.fill));
        if let Some(halo) = s.halo.filter(|_| s.halo_px > 0.0) {
            paint(out, "stroke", Some(halo));
            attr(out, "stroke-width", 2.0 * s.halo_px);
            out.push_str(" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        }
        out.push_str(">\n");
        for l in &layer.labels {
            let fy = l.anchor.fraction()[1];
            let anchor = match l.anchor.text_align() {
                "left" => "start",
                "right" => "end",
                _ => "middle",
            };
            out.push_str("<text");
            attr(out, "x", l.at[0]);
            attr(out, "y", l.at[1] + (EM_ASCENT - fy) * s.font.size_px);
            out.push_str(&format!(" text-anchor=\"{anchor}\">"));
            escaped(out, &l.text);
            out.push_str("</text>\n");
        }
        out.push_str("</g>\n");
    }
}

/// A frame as a standalone SVG document. Its `viewBox` is the frame's size in CSS px;
/// `width` and `height` are the document's size as written (`3508`, or with a unit: `297mm`),
/// so a picture of 1123×794 CSS px may be printed on A4 at 300 dpi with every line and font
/// as a browser would print them.
pub fn to_svg(frame: &Frame, width: &str, height: &str) -> String {
    let svg = svg_element(frame, width, height, "");
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}")
}

/// A frame as an `<svg>` element, for a page holding several (its ids start with
/// `id_prefix`); see [`to_svg`].
pub fn svg_element(frame: &Frame, width: &str, height: &str, id_prefix: &str) -> String {
    let v = &frame.viewport;
    let mut sink = SvgSink {
        id_prefix: id_prefix.to_string(),
        ..SvgSink::default()
    };
    sink.out
        .push_str("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    sink.out.push_str(&format!(
        " width=\"{width}\" height=\"{height}\" viewBox=\"0 0 "
    ));
    num(&mut sink.out, v.width);
    sink.out.push(' ');
    num(&mut sink.out, v.height);
    sink.out
        .push_str("\">\n<g stroke-linejoin=\"round\" stroke-linecap=\"round\">\n");
    frame.replay(&mut sink);
    while sink.open > 0 {
        sink.unclip();
    }
    sink.out.push_str("</g>\n</svg>\n");
    sink.out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_in_tenths() {
        let mut s = String::new();
        for v in [12.34, -4.0, 0.0, -0.04, 0.05, 1e20, f64::NAN, -12.35] {
            num(&mut s, v);
            s.push(' ');
        }
        assert_eq!(s, "12.3 -4 0 0 0.1 0 0 -12.4 ");
    }

    #[test]
    fn text_is_escaped_and_colours_carry_their_opacity() {
        let mut s = String::new();
        escaped(&mut s, "Tai'an <&> \"x\"");
        assert_eq!(s, "Tai&apos;an &lt;&amp;&gt; &quot;x&quot;");
        let mut p = String::new();
        paint(&mut p, "stroke", Some(Rgba(0xd5, 0x5e, 0x00, 217)));
        paint(&mut p, "fill", None);
        assert_eq!(
            p,
            " stroke=\"#d55e00\" stroke-opacity=\"0.851\" fill=\"none\""
        );
    }
}
