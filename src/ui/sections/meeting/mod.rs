//! Meeting aids: what the facilitator needs to run the review well, in the
//! order the meeting happens.

mod dates;
mod dissent_row;
mod opening;

use leptos::prelude::*;

use crate::domain::Field;
use crate::ui::widgets::{Help, RowGroup, SectionFrame, TextField};
use dissent_row::{DissentRow, DISSENT};

pub use dates::MeetingDates;
pub use opening::Opening;

#[component]
pub fn MeetingSection() -> impl IntoView {
    view! {
        <SectionFrame slug="meeting" title="Meeting aids" guide="For whoever runs the review: when and where to hold it, words to open with, and a place for the rounds at the start and the end.">
            <MeetingDates />
            <Opening />
            <TextField
                field=Field::CheckIn
                label="Check-in"
                multiline=true
                help="A quick round before starting: how is everyone, and what does each person hope to take away?"
            />
            // Kept as they were said rather than smoothed into a consensus
            // that did not exist.
            <RowGroup kind=&DISSENT id="meeting-dissent" legend="Dissenting views" field="who" add_label="Add a dissenting view"
                help=Help::Guide("Where people see it differently, write each view down with whose it is. A disagreement on record is worth more than a consensus that was not there.")
                empty="No dissenting views recorded."
                row=|id, removed| view! { <DissentRow id=id removed=removed /> }.into_any() />
            <TextField
                field=Field::CheckOut
                label="Check-out"
                multiline=true
                help="A closing round: how did the review feel, and is anything still unsaid?"
            />
        </SectionFrame>
    }
}
