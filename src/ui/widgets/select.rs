use leptos::prelude::*;

use crate::domain::Choice;

/// A select's options over every value of `C`, keyed by slug (see
/// `domain::choice`): what the page holds is what a file holds.
pub fn choice_options<C: Choice>() -> Vec<(String, String)> {
    C::ALL
        .iter()
        .map(|c| (c.slug().to_string(), c.label().to_string()))
        .collect()
}

/// The first option of a select whose value may be left unchosen.
pub const NOT_SET: &str = "Not set";

/// The same after a first option, `unset`, for no value: its value is the
/// empty slug, which no choice has.
pub fn optional_options<C: Choice>(unset: &str) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), unset.to_string())];
    options.extend(choice_options::<C>());
    options
}

/// A labelled `<select>` over a fixed list of options, each `(value, label)`.
#[component]
pub fn Select(
    id: String,
    #[prop(into)] label: String,
    options: Vec<(String, String)>,
    value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let label_class = if compact { "visually-hidden" } else { "label" };
    view! {
        <div class="field">
            <label class=label_class for=id.clone()>{label}</label>
            <SelectControl id=id options=options value=value on_change=on_change />
        </div>
    }
}

/// The `<select>` and its options, without a label: shared by `Select` and
/// the list-row field (`RowSelect`).
#[component]
pub(crate) fn SelectControl(
    id: String,
    options: Vec<(String, String)>,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
            {options
                .into_iter()
                .map(|(v, l)| {
                    let selected = v.clone();
                    view! {
                        <option value=v prop:selected=move || value.get() == selected>
                            {l}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
