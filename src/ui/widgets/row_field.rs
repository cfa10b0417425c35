use leptos::prelude::*;

use chrono::{DateTime, Utc};

use super::text::grow;
use crate::ui::state::use_editor;
use crate::ui::tz;

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
) -> impl IntoView {
    let editor = use_editor();
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
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
            <select id=id.clone() on:change=move |ev| on_change.run(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let v2 = v.clone();
                        view! {
                            <option value=v prop:selected=move || value.get() == v2>
                                {l}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
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
    let note_id = format!("{id}-utc");
    view! {
        <div class="field">
            <RowLabel for_id=id.clone() text=label suffix=suffix />
            <input
                id=id.clone()
                type="datetime-local"
                aria-describedby=note_id.clone()
                prop:value=move || value.get().map(|t| tz::to_local_input(t, &zone.get())).unwrap_or_default()
                on:change=move |ev| {
                    let raw = event_target_value(&ev);
                    on_change.run(if raw.is_empty() { None } else { tz::from_local_input(&raw, &zone.get_untracked()) });
                }
            />
            <p class="help" id=note_id>
                {move || match value.get() {
                    Some(t) => format!("{} · {} UTC", tz::offset_label(&zone.get(), t), t.format("%Y-%m-%d %H:%M")),
                    None => zone.with(|z| if z.is_empty() { "In UTC".to_string() } else { format!("In {z}") }),
                }}
            </p>
        </div>
    }
}
