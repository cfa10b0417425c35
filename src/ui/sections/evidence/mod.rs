//! Evidence and notes: the raw material the write-up is built from, kept
//! beside it so later readers can check the story against the record.

mod conversation_row;
mod conversations;
mod materials;

use leptos::prelude::*;

use crate::domain::Field;
use crate::ui::widgets::{SectionFrame, TextField};

pub use conversations::Conversations;
pub use materials::Materials;

#[component]
pub fn EvidenceSection() -> impl IntoView {
    view! {
        <SectionFrame slug="evidence" title="Evidence and notes" guide="Conversations, notes and material gathered during and after the incident, so the story above can be checked against the record.">
            <Conversations />
            <div class="plain-group">
                <TextField
                    field=Field::Notes
                    label="Notes"
                    multiline=true
                    help="Anything worth keeping that has no other place yet. The box grows as you write."
                />
            </div>
            <Materials />
        </SectionFrame>
    }
}
