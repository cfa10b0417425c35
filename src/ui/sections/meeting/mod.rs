//! Meeting aids: what the facilitator needs to run the review well, in the
//! order the meeting happens.

mod dates;
mod dissent;
mod dissent_row;
mod opening;

use leptos::prelude::*;

use crate::domain::Field;
use crate::ui::widgets::{SectionFrame, TextField};

pub use dates::MeetingDates;
pub use dissent::Dissents;
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
            <Dissents />
            <TextField
                field=Field::CheckOut
                label="Check-out"
                multiline=true
                help="A closing round: how did the review feel, and is anything still unsaid?"
            />
        </SectionFrame>
    }
}
