use leptos::prelude::*;

use crate::domain::Precision;
use crate::ui::state::use_editor;
use crate::ui::tz;

/// The timeline, large, for the room to walk through and correct together.
#[component]
pub fn TimelineReview() -> impl IntoView {
    let editor = use_editor();
    let rows = Memo::new(move |_| {
        editor.settled(|d| {
            let zone = d.context.time_zone.clone();
            d.timeline
                .iter()
                .map(|e| {
                    let time = match (e.time, e.precision) {
                        (Some(t), Precision::Exact) => {
                            tz::to_local_input(t, &zone).replace('T', " ")
                        }
                        (Some(t), Precision::Approximate) => {
                            format!("≈ {}", tz::to_local_input(t, &zone).replace('T', " "))
                        }
                        _ => "time unknown".to_string(),
                    };
                    (e.id.clone(), time, e.kind.label(), e.description.clone())
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="step timeline-review">
            <h2>"The timeline"</h2>
            <p class="big">"Walk through it together. Describe what happened at each point; hold explanations for later."</p>
            <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! { <p class="big">"No events recorded yet: build the timeline together now, in the document."</p> }>
                <ol class="review-list">
                    <For
                        each=move || rows.get()
                        key=|r| r.clone()
                        children=|(_, time, kind, text)| view! {
                            <li>
                                <span class="when">{time}</span>
                                <span class="kind">{kind}</span>
                                <span class="what">{text}</span>
                            </li>
                        }
                    />
                </ol>
            </Show>
        </div>
    }
}
