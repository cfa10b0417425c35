use leptos::prelude::*;

use super::Show;
use crate::domain::naming::first_sentence;

/// Guidance as one sentence, with the rest of it one click away: a writer
/// reads the first line once and should not scroll past the paragraph every
/// time after.
#[component]
pub fn Guide(
    text: &'static str,
    /// `lede` under a section heading, `help` under a group.
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let (first, rest) = first_sentence(text);
    let shown = RwSignal::new(false);
    let class = if class.is_empty() { "lede" } else { class };
    view! {
        <p class=format!("{class} guide") id=id>
            {first}
            {(!rest.is_empty()).then(|| view! {
                <Show
                    when=move || shown.get()
                    fallback=move || view! {
                        " "
                        <button
                            type="button"
                            class="link more"
                            aria-expanded="false"
                            on:click=move |_| shown.set(true)
                        >
                            "More"
                            <span class="visually-hidden">" about this"</span>
                        </button>
                    }
                >
                    " "
                    {rest}
                </Show>
            })}
        </p>
    }
}
