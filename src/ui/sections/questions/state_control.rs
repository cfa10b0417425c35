use leptos::prelude::*;

use crate::domain::QuestionState;

/// Open / answered / not applicable as a segmented control built on native
/// radio buttons: Tab reaches the group once, the arrow keys choose.
#[component]
pub fn StateControl(
    /// Prefix for the ids and the radio group's name.
    id: String,
    /// The question, for the group's accessible name.
    #[prop(into)]
    about: Signal<String>,
    value: Signal<QuestionState>,
    on_change: Callback<QuestionState>,
) -> impl IntoView {
    let name = format!("{id}-state");
    view! {
        <fieldset class="segmented" id=name.clone()>
            <legend class="visually-hidden">{move || format!("State of “{}”", about.get())}</legend>
            {QuestionState::ALL
                .iter()
                .map(|&state| {
                    let (slug, label) = (state.slug(), state.label());
                    let input_id = format!("{name}-{slug}");
                    view! {
                        // The radio covers its whole segment, so a click or a
                        // tap lands on the control itself.
                        <label class=format!("seg seg-{slug}")>
                            <input
                                type="radio"
                                id=input_id
                                name=name.clone()
                                value=slug
                                prop:checked=move || value.get() == state
                                on:change=move |_| on_change.run(state)
                            />
                            <span>{label}</span>
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
