use leptos::prelude::*;

use super::keyed;
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

/// What a filter menu over an optional choice asks: anything, only entries
/// where nobody chose a value, or one value.
pub type ChoiceFilter<C> = Option<Option<C>>;

/// The option value for "nobody chose one": never a slug.
const NOT_CHOSEN: &str = "not-set";

/// Options of a filter menu over an optional choice: "Any" (the empty
/// value), every value (shown by `label`), then "Not set".
pub fn filter_options<C: Choice>(label: fn(C) -> &'static str) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), "Any".to_string())];
    options.extend(
        C::ALL
            .iter()
            .map(|c| (c.slug().to_string(), label(*c).to_string())),
    );
    options.push((NOT_CHOSEN.to_string(), NOT_SET.to_string()));
    options
}

/// The option value that stands for a filter (see `filter_options`).
pub fn filter_value<C: Choice>(filter: ChoiceFilter<C>) -> String {
    match filter {
        None => String::new(),
        Some(None) => NOT_CHOSEN.to_string(),
        Some(Some(c)) => c.slug().to_string(),
    }
}

/// The filter an option value stands for; an unknown value asks for anything.
pub fn filter_from_value<C: Choice>(value: &str) -> ChoiceFilter<C> {
    match value {
        NOT_CHOSEN => Some(None),
        slug => C::from_slug(slug).map(Some),
    }
}

/// A labelled `<select>` over a list of options, each `(value, label)`. The
/// list may change (the owners or tags a filter offers); the options are
/// keyed by value.
#[component]
pub fn Select(
    id: String,
    #[prop(into)] label: String,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] compact: bool,
    /// Extra classes beside `field` ("grow" takes the free width).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let label_class = if compact { "visually-hidden" } else { "label" };
    let class = if class.is_empty() {
        "field".to_string()
    } else {
        format!("field {class}")
    };
    view! {
        <div class=class>
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
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
            {keyed(options, |(v, _)| v.clone(), move |(v, l)| {
                let selected = v.clone();
                view! {
                    <option value=v prop:selected=move || value.with(|x| *x == selected)>
                        {l}
                    </option>
                }
                .into_any()
            })}
        </select>
    }
}
