//! Meeting aids: what the facilitator needs to run the review well, in the
//! order the meeting happens.

mod dates;
mod dissent;
mod dissent_row;
mod opening;

use leptos::prelude::*;

use crate::domain::Field;
use crate::ui::widgets::{Guide, TextField};

pub use dates::MeetingDates;
pub use dissent::Dissents;
pub use opening::Opening;

#[component]
pub fn MeetingSection() -> impl IntoView {
    view! {
        <section class="section" id="section-meeting" aria-labelledby="h-meeting">
            <header class="section-head">
                <h2 id="h-meeting" tabindex="-1">"Meeting aids"</h2>
                <Guide text="For whoever runs the review: when and where to hold it, words to open with, and a place for the rounds at the start and the end." />
            </header>
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
        </section>
    }
}
