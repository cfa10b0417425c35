use leptos::prelude::*;

use crate::domain::{Edit, Field, Scope};
use crate::ui::memo::memo;
use crate::ui::state::use_editor;
use crate::ui::widgets::TextInput;

/// What happened and to whom, agreed in a sentence or two before the
/// timeline: the room corrects the wording here, in the document.
#[component]
pub fn ContextStep() -> impl IntoView {
    let fields = [
        (Field::Title, "Title", false),
        (Field::Summary, "What happened, in a sentence or two", true),
        (Field::ImpactDescription, "Who was affected, and how", true),
    ];
    view! {
        <div class="step context-step">
            <h2>"What happened"</h2>
            <p class="big">"Agree on the facts first: what broke, for whom, for how long. Why comes later."</p>
            {fields
                .into_iter()
                .map(|(field, label, long)| view! { <ContextField field=field label=label long=long /> })
                .collect_view()}
        </div>
    }
}

/// One context field, under its own element id: the editor behind the mode
/// keeps the usual one.
#[component]
fn ContextField(field: Field, label: &'static str, long: bool) -> impl IntoView {
    let editor = use_editor();
    let value = memo(move || editor.read(Scope::Field(field), |d| field.get(d).to_string()));
    let on_change = Callback::new(move |v: String| editor.edit(Edit::Text(field, v)));
    view! {
        <TextInput
            id=format!("facilitator-{}", field.key().replace('.', "-"))
            label=label.to_string()
            value=value.into()
            on_change=on_change
            multiline=long
        />
    }
}
