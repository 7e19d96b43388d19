//! A story's handout: one HTML page holding every step, each its picture (an SVG drawn from the
//! step's frame on a fork of the map, text kept as text, titled for what the step shows), its
//! number and its sentence in the page's language and, when the story gives it apart, in the
//! other; a step per printed page. One file, because that is what an editor sends, prints to
//! PDF or opens in a word processor; the pictures stay vectors and the sentences stay
//! selectable text. It carries no script, and its own policy forbids any.

use crate::command::Command;
use crate::lang::Lang;
use crate::map::scope::title;
use crate::map::MapState;
use crate::number::short;
use crate::publication::Publication;
use crate::svg::{escaped, svg_element};

/// The page's styles: a step per printed page (A4 landscape), the picture across it.
const STYLE: &str = "body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', \
'Microsoft YaHei', sans-serif; color: #1f2933; max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 24px; }
section { break-after: page; margin: 0 0 40px; }
section:last-child { break-after: auto; }
svg { display: block; width: 100%; height: auto; border: 1px solid #d9e0e8; }
.n { color: #5f6b7a; font-size: 14px; margin: 0 0 6px; }
.caption { font-size: 20px; line-height: 1.5; margin: 10px 0 0; }
.other { color: #5f6b7a; font-size: 16px; }
.state { color: #5f6b7a; font-size: 11px; word-break: break-all; }
@page { size: A4 landscape; margin: 12mm; }";

fn push_text(out: &mut String, text: &str) {
    escaped(out, text);
}

/// The handout of the story shown on `map`, its pictures drawn as `p` (the page's overlay
/// texts; each picture titled for its step) in `lang`; `None` when no story is shown.
pub fn handout(map: &MapState, p: &Publication, lang: Lang) -> Option<String> {
    let story = map.story()?.story().clone();
    let mut fork = map.fork();
    let _ = fork.apply(Command::ViewAnimation(false));
    let (w, h) = p.css_size();
    fork.resize(w, h);
    let html_lang = if lang == Lang::Zh { "zh-CN" } else { "en" };
    let mut out = String::from("<!doctype html>\n<html lang=\"");
    out.push_str(html_lang);
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    push_text(&mut out, &story.title);
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("\n</style>\n</head>\n<body>\n");
    if !story.title.is_empty() {
        out.push_str("<h1>");
        push_text(&mut out, &story.title);
        out.push_str("</h1>\n");
    }
    let n = story.steps.len();
    for (i, step) in story.steps.iter().enumerate() {
        let _ = fork.apply(Command::StoryGo(i));
        let mut pic = p.clone();
        let t = title(&fork.scope());
        pic.texts.title = Some(if lang == Lang::Zh { t.zh } else { t.en });
        let frame = fork.publish(&pic);
        out.push_str(&format!("<section>\n<p class=\"n\">{} / {n}</p>\n", i + 1));
        let (width, height) = (short(p.width_px, 1), short(p.height_px, 1));
        out.push_str(&svg_element(
            &frame,
            &width,
            &height,
            &format!("s{}-", i + 1),
        ));
        let main = step.caption.of(lang);
        out.push_str(&format!("<p class=\"caption\" lang=\"{html_lang}\">"));
        push_text(&mut out, main);
        out.push_str("</p>\n");
        let other_lang = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
        let other = step.caption.of(other_lang);
        if other != main {
            let code = if other_lang == Lang::Zh {
                "zh-CN"
            } else {
                "en"
            };
            out.push_str(&format!("<p class=\"caption other\" lang=\"{code}\">"));
            push_text(&mut out, other);
            out.push_str("</p>\n");
        }
        out.push_str("<p class=\"state\">");
        push_text(&mut out, &step.state);
        out.push_str("</p>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    Some(out)
}
