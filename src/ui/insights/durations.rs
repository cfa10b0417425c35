use leptos::prelude::*;

use crate::domain::insights::DurationPlot;

/// Durations over time: every incident a point (hollow when approximate),
/// the middle half shaded and the median drawn across.
#[component]
pub fn DurationSvg(
    id: &'static str,
    plot: DurationPlot,
    title: String,
    desc: String,
) -> impl IntoView {
    let [left, top, right, bottom] = plot.area;
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled = format!("{title_id} {desc_id}");
    view! {
        <svg
            id=id
            xmlns="http://www.w3.org/2000/svg"
            class="insight-chart"
            role="img"
            aria-labelledby=labelled
            viewBox=format!("0 0 {:.0} {:.0}", plot.width, plot.height)
        >
            <title id=title_id>{title}</title>
            <desc id=desc_id>{desc}</desc>
            {plot.quartiles.map(|(a, b)| view! {
                <rect class="quartiles" x=left y=a width=right - left height=(b - a).max(1.0)></rect>
            })}
            {plot
                .y_ticks
                .iter()
                .map(|t| view! {
                    <line class="grid" x1=left x2=right y1=t.pos y2=t.pos></line>
                    <text class="tick-label" x=left - 6.0 y=t.pos + 4.0 text-anchor="end">{t.label.clone()}</text>
                })
                .collect_view()}
            <line class="axis" x1=left x2=right y1=bottom y2=bottom></line>
            <line class="axis" x1=left x2=left y1=top y2=bottom></line>
            {plot
                .x_ticks
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let anchor = if plot.x_ticks.len() == 1 { "middle" } else if i == 0 { "start" } else { "end" };
                    view! { <text class="tick-label" x=t.pos y=bottom + 16.0 text-anchor=anchor>{t.label.clone()}</text> }
                })
                .collect_view()}
            {plot.median.map(|y| view! { <line class="median" x1=left x2=right y1=y y2=y></line> })}
            {plot
                .points
                .iter()
                .map(|p| view! {
                    <circle
                        class="pt"
                        class:approx=p.approximate
                        cx=p.cx
                        cy=p.cy
                        r="5"
                        tabindex="0"
                        role="img"
                        aria-label=p.label.clone()
                        data-postmortem=p.postmortem_id.clone()
                    >
                        <title>{p.label.clone()}</title>
                    </circle>
                })
                .collect_view()}
        </svg>
    }
}
