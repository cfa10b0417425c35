use leptos::prelude::*;

/// A reminder of the bias most likely to creep into this part of the
/// document, collapsed to one line until opened.
#[component]
pub fn BiasNote(reminder: Option<(&'static str, &'static str)>) -> impl IntoView {
    reminder.map(|(title, text)| {
        view! {
            <details class="bias-note">
                <summary>"Watch for " {title}</summary>
                <p>{text}</p>
            </details>
        }
    })
}
