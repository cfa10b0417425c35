use leptos::prelude::*;

use crate::domain::hints::answer_key;
use crate::ui::hints::FieldHints;
use crate::ui::memo::{memo, row};
use crate::ui::widgets::Show;

use super::area_slug;
use super::state_control::StateControl;
use crate::domain::{Area, Edit, ListEdit, ListKind, Question, QuestionState};
use crate::ui::focus::{focus_entry, focus_soon};
use crate::ui::state::use_editor;
use crate::ui::widgets::{grow, Entry, Line, UndoNote};

/// One checklist question: its prompt (the answer's label), the answer, and
/// its state.
#[component]
pub fn QuestionItem(id: String, area: Area, removed: UndoNote) -> impl IntoView {
    let editor = use_editor();
    let question = row(editor, ListKind::Questions, &id, |d| &d.questions);
    let prompt = memo(move || question.with(|q| q.prompt.clone()));
    let answer = memo(move || question.with(|q| q.answer.clone()));
    let state = memo(move || question.with(|q| q.state));
    let custom = memo(move || question.with(|q| q.custom));
    let answer_id = format!("question-{id}-answer");

    let on_input = move |ev: leptos::ev::Event| {
        grow(&ev);
        let text = event_target_value(&ev);
        let mut q = question.get_untracked();
        q.write_answer(text);
        editor.edit(Edit::Question(ListEdit::Update(q)));
    };
    let set_state = Callback::new(move |s: QuestionState| {
        let mut q: Question = question.get_untracked();
        q.state = s;
        // A state change is its own undo step, apart from the typing.
        editor.seal();
        editor.edit(Edit::Question(ListEdit::Update(q)));
        editor.seal();
    });

    let rid = id.clone();
    let remove = move |_| {
        let neighbour = editor.peek(|d| {
            let same: Vec<&Question> = d.questions.iter().filter(|q| q.area == area).collect();
            let at = same.iter().position(|q| q.id == rid)?;
            same.get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|p| same.get(p)))
                .map(|q| q.id.clone())
        });
        let text = prompt.get_untracked();
        editor.edit(Edit::Question(ListEdit::Remove(rid.clone())));
        removed.removed(
            &editor,
            format!("Removed “{text}”"),
            format!("question-{rid}-answer"),
        );
        match neighbour {
            Some(n) => focus_entry(format!("question-{n}-read"), format!("question-{n}-answer")),
            None => focus_soon(format!("area-{}-new", area_slug(area))),
        }
    };

    let item_class = move || match state.get() {
        QuestionState::Open => "question",
        QuestionState::Answered => "question answered",
        QuestionState::NotApplicable => "question na",
    };
    let read = Signal::derive(move || {
        question.with(|q| Line {
            text: q.prompt.clone(),
            detail: q.answer.trim().to_string(),
            meta: match q.state {
                QuestionState::Open => "Open",
                QuestionState::Answered => "Answered",
                QuestionState::NotApplicable => "Not applicable",
            }
            .to_string(),
            ..Line::default()
        })
    });
    let aside = {
        let key = answer_key(&id);
        move || view! { <FieldHints key=key.clone() text=answer.into() /> }
    };
    let fields = {
        let id = id.clone();
        move || {
            let (id, answer_id, remove) = (id.clone(), answer_id.clone(), remove.clone());
            view! {
                <div class="question-head">
                    <label class="question-prompt" for=answer_id.clone()>
                        {move || prompt.get()}
                    </label>
                    <Show when=move || custom.get()>
                        <span class="badge muted">"Added"</span>
                    </Show>
                </div>
                <textarea
                    id=answer_id.clone()
                    data-hint-key=answer_key(&id)
                    class="grow"
                    rows="2"
                    placeholder="Answer, or a note of who will find out"
                    prop:value=move || answer.get()
                    on:input=on_input
                    on:blur=move |_| editor.seal()
                ></textarea>
                <FieldHints key=answer_key(&id) text=answer.into() />
                <div class="question-foot">
                    <StateControl
                        id=format!("question-{id}")
                        about=prompt
                        value=state.into()
                        on_change=set_state
                    />
                    <button type="button" class="remove" on:click=remove>
                        "Remove"
                        <span class="visually-hidden">{move || format!(" question “{}”", prompt.get())}</span>
                    </button>
                </div>
            }
        }
    };
    view! {
        <li class=item_class id=format!("question-{id}")>
            <Entry
                prefix=format!("question-{id}")
                key=format!("questions.{id}")
                first=format!("question-{id}-answer")
                name=Signal::derive(move || format!("question “{}”", prompt.get()))
                read=read
                aside=aside
            >
                {fields.clone()()}
            </Entry>
        </li>
    }
}
