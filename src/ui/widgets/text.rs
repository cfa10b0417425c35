use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom_id;
use crate::domain::{Edit, Field, Scope};
use crate::ui::hints::FieldHints;
use crate::ui::memo::memo;
use crate::ui::state::use_editor;

/// A labelled text input or growing textarea.
#[component]
pub fn TextInput(
    /// Element id (also what the label points at).
    id: String,
    label: String,
    value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] multiline: bool,
    /// A one-line value shown wrapped (the title): a textarea that takes no
    /// line break, so a long value is read whole instead of cut at the edge.
    #[prop(optional)]
    wraps: bool,
    #[prop(optional, into)] help: MaybeProp<String>,
    #[prop(optional, into)] placeholder: MaybeProp<String>,
    #[prop(optional, into)] input_type: Option<String>,
    /// Id of a `<datalist>` with suggestions.
    #[prop(optional, into)]
    list: Option<String>,
    /// Key of this text for the blameless writing aid (`Field::key()` or a
    /// list entry's key from `domain::hints`); hints show under the field.
    #[prop(optional, into)]
    hint_key: MaybeProp<String>,
    /// Hide the label visually (still read by screen readers), for table-like rows.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let editor = use_editor();
    let help_id = format!("{id}-help");
    let help = help.get_untracked();
    let hint_key = hint_key.get_untracked();
    let placeholder = placeholder.get_untracked();
    let described = help.as_ref().map(|_| help_id.clone());
    let label_class = if compact { "visually-hidden" } else { "label" };
    // A field already written when the page opened reads as its text: the
    // guidance under its label is for a blank field and stays out of the
    // way (still the control's description for screen readers). Decided
    // once per opened document, so nothing moves while the author types or
    // leaves the field.
    let written = memo(move || {
        editor.as_opened(|_| ());
        value.with_untracked(|v| !v.trim().is_empty())
    });
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        // A pasted line break in a one-line value becomes a space.
        on_change.run(if wraps {
            v.replace(['\r', '\n'], " ")
        } else {
            v
        })
    };
    // Blur ends a typing burst: the next keystroke starts a new undo step.
    let on_blur = move |_| editor.seal();
    let control = if multiline || wraps {
        view! {
            <textarea
                id=id.clone()
                data-hint-key=hint_key.clone()
                class="grow"
                class:one-line=wraps
                rows=if wraps { "1" } else { "3" }
                aria-describedby=described.clone()
                placeholder=placeholder.clone()
                prop:value=move || value.get()
                on:input=move |ev| {
                    grow(&ev);
                    on_input(ev)
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if wraps && ev.key() == "Enter" {
                        ev.prevent_default();
                    }
                }
                on:blur=on_blur
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                data-hint-key=hint_key.clone()
                type=input_type.unwrap_or_else(|| "text".into())
                list=list
                aria-describedby=described.clone()
                placeholder=placeholder.clone()
                prop:value=move || value.get()
                on:input=on_input
                on:blur=on_blur
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:written=move || written.get()>
            <label class=label_class for=id.clone()>{label}</label>
            {help.map(|h| view! { <p class="help" id=help_id.clone()>{h}</p> })}
            {control}
            {hint_key.map(|k| view! { <FieldHints key=k text=value /> })}
        </div>
    }
}

/// Browsers without `field-sizing: content` get the height set by hand so a
/// textarea grows with its text instead of scrolling inside itself. Whether
/// the browser sizes fields itself is asked once per page: asking on every
/// keystroke went through `Reflect` each time, and the fallback's
/// `scrollHeight` read forces a layout, so it runs only where it is needed.
pub fn grow(ev: &leptos::ev::Event) {
    thread_local! {
        static SIZES_ITSELF: bool = browser_sizes_fields();
    }
    if SIZES_ITSELF.with(|s| *s) {
        return;
    }
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let style = web_sys::HtmlElement::style(&el);
    let _ = style.set_property("height", "auto");
    let _ = style.set_property("height", &format!("{}px", el.scroll_height() + 2));
}

fn browser_sizes_fields() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"CSS".into())
        .ok()
        .and_then(|css| {
            let f = js_sys::Reflect::get(&css, &"supports".into()).ok()?;
            let f: js_sys::Function = f.dyn_into().ok()?;
            f.call2(&css, &"field-sizing".into(), &"content".into())
                .ok()?
                .as_bool()
        })
        .unwrap_or(false)
}

/// A text field bound to one single-string field of the document.
#[component]
pub fn TextField(
    field: Field,
    #[prop(into)] label: String,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] wraps: bool,
    #[prop(optional, into)] help: MaybeProp<String>,
    #[prop(optional, into)] placeholder: MaybeProp<String>,
) -> impl IntoView {
    let editor = use_editor();
    let value = memo(move || editor.read(Scope::Field(field), |d| field.get(d).to_string()));
    let on_change = Callback::new(move |v: String| editor.edit(Edit::Text(field, v)));
    // The time zone is not prose; every other text field gets the writing aid.
    let hint_key = (field != Field::TimeZone).then(|| field.key().to_string());
    view! {
        <TextInput
            id=dom_id(field.key())
            hint_key=hint_key
            label=label
            value=value.into()
            on_change=on_change
            multiline=multiline
            wraps=wraps
            help=help
            placeholder=placeholder
        />
    }
}

/// A whole-number input; empty means "not known".
#[component]
pub fn NumberInput(
    id: String,
    #[prop(into)] label: String,
    value: Signal<Option<u64>>,
    on_change: Callback<Option<u64>>,
) -> impl IntoView {
    let invalid = RwSignal::new(false);
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label class="label" for=id.clone()>{label}</label>
            <input
                id=id.clone()
                type="text"
                inputmode="numeric"
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || value.get().map(|n| n.to_string()).unwrap_or_default()
                on:input=move |ev| {
                    let raw = event_target_value(&ev);
                    let cleaned: String = raw.chars().filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}')).collect();
                    if cleaned.is_empty() {
                        invalid.set(false);
                        on_change.run(None);
                    } else if let Ok(n) = cleaned.parse::<u64>() {
                        invalid.set(false);
                        on_change.run(Some(n));
                    } else {
                        // Keep what was typed on screen; store nothing wrong.
                        invalid.set(true);
                    }
                }
            />
            <p class="error" id=error_id role="status">
                {move || invalid.get().then_some("Enter a whole number, e.g. 12000.")}
            </p>
        </div>
    }
}
