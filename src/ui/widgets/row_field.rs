use leptos::prelude::*;

use chrono::{DateTime, Utc};

use super::datetime::DateTimeControl;
use super::select::SelectControl;
use super::text::grow;
use crate::ui::hints::FieldHints;
use crate::ui::state::use_editor;

/// A label for a control inside a list row: a short visible word
/// ("Description") plus a visually hidden suffix (" of factor 2") so every
/// control on the page has a unique accessible name.
#[component]
pub fn RowLabel(
    for_id: String,
    text: &'static str,
    #[prop(into)] suffix: Signal<String>,
) -> impl IntoView {
    view! {
        <label class="label" for=for_id>
            {text}
            <span class="visually-hidden">{move || suffix.get()}</span>
        </label>
    }
}

/// A text input or growing textarea inside a list row.
#[component]
pub fn RowText(
    id: String,
    label: &'static str,
    #[prop(into)] suffix: Signal<String>,
    value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] multiline: bool,
    /// Extra class on the control (e.g. `mono` for pasted chat).
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] input_type: &'static str,
    /// Key for the blameless writing aid (see `domain::hints`).
    #[prop(optional, into)]
    hint_key: MaybeProp<String>,
) -> impl IntoView {
    let editor = use_editor();
    let hint_key = hint_key.get_untracked();
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                data-hint-key=hint_key.clone()
                class=format!("grow {class}")
                rows="2"
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| {
                    grow(&ev);
                    on_change.run(event_target_value(&ev));
                }
                on:blur=move |_| editor.seal()
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                data-hint-key=hint_key.clone()
                class=class
                type=if input_type.is_empty() { "text" } else { input_type }
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
                on:blur=move |_| editor.seal()
            />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <RowLabel for_id=id.clone() text=label suffix=suffix />
            {control}
            {hint_key.map(|k| view! { <FieldHints key=k text=value /> })}
        </div>
    }
}

/// A `<select>` inside a list row, over `(value, label)` options.
#[component]
pub fn RowSelect(
    id: String,
    label: &'static str,
    #[prop(into)] suffix: Signal<String>,
    options: Vec<(String, String)>,
    value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <RowLabel for_id=id.clone() text=label suffix=suffix />
            <SelectControl id=id options=options value=value on_change=on_change />
        </div>
    }
}

/// A date and time inside a list row, entered in the document's time zone,
/// stored in UTC, with the UTC time shown underneath.
#[component]
pub fn RowDateTime(
    id: String,
    label: &'static str,
    #[prop(into)] suffix: Signal<String>,
    value: Signal<Option<DateTime<Utc>>>,
    zone: Signal<String>,
    on_change: Callback<Option<DateTime<Utc>>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <RowLabel for_id=id.clone() text=label suffix=suffix />
            <DateTimeControl id=id value=value zone=zone on_change=on_change />
        </div>
    }
}
