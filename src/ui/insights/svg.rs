//! The few SVG shapes every Insights chart is made of, as static markup
//! (`ui::tree`): one function per shape, shared by every chart.

use crate::ui::tree::{s, Node};

pub fn line(class: &'static str, x1: f64, y1: f64, x2: f64, y2: f64) -> Node {
    s("line")
        .at("class", class)
        .num("x1", x1)
        .num("y1", y1)
        .num("x2", x2)
        .num("y2", y2)
        .into()
}

pub fn text(class: &'static str, x: f64, y: f64, anchor: &'static str, body: String) -> Node {
    s("text")
        .at("class", class)
        .num("x", x)
        .num("y", y)
        .at("text-anchor", anchor)
        .text(body)
        .into()
}

/// A shape that takes focus and says its value (`label`), so the chart can
/// be read mark by mark from the keyboard.
pub enum Mark {
    Rect { x: f64, y: f64, w: f64, h: f64 },
    Dot { cx: f64, cy: f64 },
}

pub fn mark(shape: Mark, class: String, label: String) -> Node {
    let el = match shape {
        Mark::Rect { x, y, w, h } => s("rect")
            .num("x", x)
            .num("y", y)
            .num("width", w)
            .num("height", h),
        Mark::Dot { cx, cy } => s("circle").num("cx", cx).num("cy", cy).at("r", "5"),
    };
    el.at("class", class)
        .at("tabindex", "0")
        .at("role", "img")
        .at("aria-label", label.clone())
        .kid(s("title").text(label))
        .into()
}

/// The drawing itself, named by its title and described by its desc.
pub fn frame(
    id: &'static str,
    size: (f64, f64),
    title: String,
    desc: String,
    body: Vec<Node>,
) -> Node {
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    s("svg")
        .at("id", id)
        .at("xmlns", "http://www.w3.org/2000/svg")
        .at("class", "insight-chart")
        .at("role", "img")
        .at("aria-labelledby", format!("{title_id} {desc_id}"))
        .at("viewBox", format!("0 0 {:.0} {:.0}", size.0, size.1))
        .kid(s("title").at("id", title_id).text(title))
        .kid(s("desc").at("id", desc_id).text(desc))
        .kids(body)
        .into()
}
