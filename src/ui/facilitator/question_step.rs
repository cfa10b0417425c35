use leptos::prelude::*;

use crate::domain::{Edit, ListEdit, ListKind, QuestionState};
use crate::ui::memo::row;
use crate::ui::state::use_editor;

/// One question, with the scribe's answer field writing into the document.
#[component]
pub fn QuestionStep(id: String) -> impl IntoView {
    let editor = use_editor();
    let question = row(editor, ListKind::Questions, &id, |d| &d.questions);
    let update = move |answer: Option<String>, state: Option<QuestionState>| {
        let mut q = question.get_untracked();
        if let Some(a) = answer {
            q.write_answer(a);
        }
        if let Some(s) = state {
            q.state = s;
        }
        editor.edit(Edit::Question(ListEdit::Update(q)));
    };
    let field_id = format!("facilitator-answer-{id}");
    let states = [
        (QuestionState::Open, "Open"),
        (QuestionState::Answered, "Answered"),
        (QuestionState::NotApplicable, "Not applicable"),
    ];
    view! {
        <div class="step question">
            <p class="area">{move || question.with(|q| q.area.label())}</p>
            <h2>{move || question.with(|q| q.prompt.clone())}</h2>
            <label class="label" for=field_id.clone()>"Answer (scribe)"</label>
            <textarea
                id=field_id
                class="scribe"
                rows="6"
                prop:value=move || question.with(|q| q.answer.clone())
                on:input=move |ev| update(Some(event_target_value(&ev)), None)
            ></textarea>
            <div class="segmented" role="radiogroup" aria-label="State of this question">
                {states
                    .into_iter()
                    .map(|(s, label)| {
                        view! {
                            <button
                                type="button"
                                role="radio"
                                aria-checked=move || (question.with(|q| q.state) == s).to_string()
                                on:click=move |_| update(None, Some(s))
                            >
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}
