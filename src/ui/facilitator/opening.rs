use leptos::prelude::*;

use crate::domain::meeting::{BIASES, OPENING};

/// The context read out before the review starts.
#[component]
pub fn Opening() -> impl IntoView {
    view! {
        <div class="step opening">
            <h2>"Before we start"</h2>
            {OPENING.iter().map(|(h, t)| view! { <h3>{*h}</h3> <p class="big">{*t}</p> }).collect_view()}
            <ul class="biases">
                {BIASES.iter().map(|(name, what)| view! { <li><strong>{*name}</strong>": " {*what}</li> }).collect_view()}
            </ul>
        </div>
    }
}
