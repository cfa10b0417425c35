//! The few SVG shapes every Insights chart is made of. Each is built in one
//! place and type-erased, so the charts share their rendering code instead
//! of compiling a copy per chart.

use leptos::prelude::*;

pub fn line(class: &'static str, x1: f64, y1: f64, x2: f64, y2: f64) -> AnyView {
    view! { <line class=class x1=x1 y1=y1 x2=x2 y2=y2></line> }.into_any()
}

pub fn text(class: &'static str, x: f64, y: f64, anchor: &'static str, body: String) -> AnyView {
    view! { <text class=class x=x y=y text-anchor=anchor>{body}</text> }.into_any()
}

/// A shape that takes focus and says its value (`label`), so the chart can
/// be read mark by mark from the keyboard.
pub enum Mark {
    Rect { x: f64, y: f64, w: f64, h: f64 },
    Dot { cx: f64, cy: f64 },
}

pub fn mark(shape: Mark, class: String, label: String) -> AnyView {
    let title = label.clone();
    match shape {
        Mark::Rect { x, y, w, h } => view! {
            <rect class=class x=x y=y width=w height=h tabindex="0" role="img" aria-label=label>
                <title>{title}</title>
            </rect>
        }
        .into_any(),
        Mark::Dot { cx, cy } => view! {
            <circle class=class cx=cx cy=cy r="5" tabindex="0" role="img" aria-label=label>
                <title>{title}</title>
            </circle>
        }
        .into_any(),
    }
}

/// The drawing itself, named by its title and described by its desc.
pub fn frame(
    id: &'static str,
    size: (f64, f64),
    title: String,
    desc: String,
    body: Vec<AnyView>,
) -> AnyView {
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled = format!("{title_id} {desc_id}");
    view! {
        <svg
            id=id
            xmlns="http://www.w3.org/2000/svg"
            class="insight-chart"
            role="img"
            aria-labelledby=labelled
            viewBox=format!("0 0 {:.0} {:.0}", size.0, size.1)
        >
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            {body}
        </svg>
    }
    .into_any()
}
