use leptos::prelude::*;

use super::use_timeline;
use crate::domain::durations::{Durations, Span};
use crate::domain::EventKind;
use crate::ui::memo::memo;
use crate::ui::widgets::Show;

/// The durations at the top of the section, and every inconsistency the
/// timeline shows, each with a way to the events concerned.
#[component]
pub fn DurationsSummary() -> impl IntoView {
    let tl = use_timeline();
    let warnings = memo(move || {
        tl.durations.with(|d| {
            d.warnings
                .iter()
                .map(|w| (w.message(), w.event_ids.first().cloned()))
                .collect::<Vec<_>>()
        })
    });
    // With no events every duration is unknown: a table of dashes is
    // scaffolding, not information, so it waits for the first event.
    let empty = memo(move || tl.order.with(Vec::is_empty));
    view! {
        <Show when=move || !empty.get()>
        <div class="durations" role="region" aria-labelledby="timeline-durations-h">
            // Each figure is named ("Time to detect"), so the heading is for
            // screen readers, which list the region by it.
            <h3 id="timeline-durations-h" class="visually-hidden">"Durations"</h3>
            {move || view! { <DurationsTable durations=tl.durations.get() /> }}
            <Show when=move || !warnings.with(Vec::is_empty)>
                <ul class="timeline-warnings" aria-label="Timeline warnings">
                    {move || {
                        warnings
                            .get()
                            .into_iter()
                            .map(|(message, first)| {
                                let go = first.map(|id| {
                                    let n = tl.order.with(|o| o.iter().position(|x| *x == id)).map(|p| p + 1);
                                    n.map(|n| {
                                        view! {
                                            <button type="button" class="link" on:click=move |_| tl.reveal(&id, "time")>
                                                {format!("Show event {n}")}
                                            </button>
                                        }
                                    })
                                });
                                view! { <li><span>{message}</span> " " {go}</li> }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </div>
        </Show>
    }
}

/// Time to detect, acknowledge, mitigate, resolve and the total impact. Also
/// used by the printed report.
#[component]
pub fn DurationsTable(durations: Durations) -> impl IntoView {
    let approximate = durations.rows().iter().any(|(_, s)| s.is_approximate());
    let to_mitigation = durations.impact_end == Some(EventKind::Mitigated);
    let rows = durations
        .rows()
        .into_iter()
        .map(|(label, span)| {
            let why = match span {
                Span::Unavailable(u) => Some(u.reason()),
                _ => None,
            };
            view! {
                <div>
                    <dt>{label}</dt>
                    <dd>
                        <span class="figure">{span.label()}</span>
                        {why.map(|w| view! { <span class="why">{format!(" ({w})")}</span> })}
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        // Five figures side by side, each under its name: they are read
        // together, and a column of five rows cost five lines.
        <dl class="durations-list">{rows}</dl>
        {(approximate || to_mitigation).then(|| view! {
            <p class="help durations-notes">
                {approximate.then_some("≈ marks a figure built on an approximate time. ")}
                {to_mitigation.then_some("No resolution is recorded yet, so the total impact runs to the mitigation.")}
            </p>
        })}
    }
}
