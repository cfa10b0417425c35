use leptos::prelude::*;

use crate::domain::insights::BarChart;

/// A bar chart drawn from its geometry. Each bar takes focus and says its
/// value, so the chart can be read bar by bar from the keyboard.
#[component]
pub fn BarSvg(
    id: &'static str,
    chart: BarChart,
    title: String,
    desc: String,
    /// Row names on the left (a ranking) rather than months below.
    #[prop(optional)]
    horizontal: bool,
) -> impl IntoView {
    let [left, top, right, bottom] = chart.area;
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled = format!("{title_id} {desc_id}");
    let ticks = if horizontal {
        chart
            .y_ticks
            .iter()
            .map(|t| {
                view! { <text class="tick-label" x=left - 8.0 y=t.pos + 4.0 text-anchor="end">{t.label.clone()}</text> }
                    .into_any()
            })
            .collect_view()
    } else {
        chart
            .y_ticks
            .iter()
            .map(|t| {
                view! {
                    <line class="grid" x1=left x2=right y1=t.pos y2=t.pos></line>
                    <text class="tick-label" x=left - 6.0 y=t.pos + 4.0 text-anchor="end">{t.label.clone()}</text>
                }
                .into_any()
            })
            .collect_view()
    };
    let months = chart
        .x_ticks
        .iter()
        .map(|t| {
            view! { <text class="tick-label" x=t.pos y=bottom + 16.0 text-anchor="middle">{t.label.clone()}</text> }
        })
        .collect_view();
    let values = horizontal.then(|| {
        chart
            .bars
            .iter()
            .map(|b| view! { <text class="value-label" x=b.x + b.w + 6.0 y=b.y + b.h / 2.0 + 4.0>{b.value}</text> })
            .collect_view()
    });
    let bars = chart
        .bars
        .iter()
        .map(|b| {
            view! {
                <rect
                    class=format!("bar {}", b.class)
                    x=b.x
                    y=b.y
                    width=b.w
                    height=b.h
                    tabindex="0"
                    role="img"
                    aria-label=b.label.clone()
                >
                    <title>{b.label.clone()}</title>
                </rect>
            }
        })
        .collect_view();
    view! {
        <svg
            id=id
            xmlns="http://www.w3.org/2000/svg"
            class="insight-chart"
            role="img"
            aria-labelledby=labelled
            viewBox=format!("0 0 {:.0} {:.0}", chart.width, chart.height)
        >
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            {ticks}
            {(!horizontal).then(|| view! { <line class="axis" x1=left x2=right y1=bottom y2=bottom></line> })}
            {horizontal.then(|| view! { <line class="axis" x1=left x2=left y1=top y2=bottom></line> })}
            {months}
            {bars}
            {values}
        </svg>
    }
}
