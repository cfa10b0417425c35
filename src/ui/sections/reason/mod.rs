//! Reason, the second of the three Rs: what happened from first signal to
//! resolution, told as a description, and the factors that contributed.

mod factor_row;
mod factors;
mod reorder;

use leptos::prelude::*;

use crate::domain::Field;
use crate::ui::focus::focus_now;
use crate::ui::state::use_editor;
use crate::ui::widgets::{dom_id, SectionFrame, TextField};

pub use factors::Factors;

#[component]
pub fn ReasonSection() -> impl IntoView {
    let detection_id = dom_id(Field::Detection.key());
    let detection_href = format!("#{detection_id}");
    let editor = use_editor();
    let narrative_blank = move || editor.as_opened(|d| Field::Narrative.get(d).trim().is_empty());
    view! {
        <SectionFrame slug="reason" title="Reason" guide="Everything from the first signal to the fix, in enough detail that someone who was not there can follow it.">
            // Open while the story is still to be written; once it is, the
            // rule is its title, one click from the full advice.
            <details class="callout" id="narrative-rule" open=narrative_blank>
                <summary class="callout-title">"Describe, don't explain"</summary>
                <p>
                    "Tell what people saw, knew and did at each moment, in the order it happened. Leave out the "
                    <em>"why"</em>
                    " and any judgement of what they ought to have done: the explanations belong in the contributing factors, once the whole story is on the table."
                </p>
            </details>
            <TextField
                field=Field::Narrative
                label="What happened"
                multiline=true
                help="The story of the incident, as it looked from inside it at the time."
            />
            <TextField
                field=Field::Resolution
                label="How it was resolved"
                multiline=true
                help="What stopped the impact, who did it, and what was left to clean up."
            />
            <p class="help cross-ref">
                "How the incident was detected is recorded under Context: "
                <a
                    href=detection_href
                    on:click=move |ev| {
                        ev.prevent_default();
                        focus_now(&detection_id);
                    }
                >
                    "go to “How it was detected”"
                </a>
                "."
            </p>
            <Factors />
        </SectionFrame>
    }
}
