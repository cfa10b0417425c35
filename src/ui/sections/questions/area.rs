use leptos::prelude::*;

use super::area_slug;
use super::question::QuestionItem;
use crate::domain::{Area, Edit, ListEdit, ListKind, Question, QuestionState, Scope};
use crate::ui::focus::focus_soon;
use crate::ui::memo::memo;
use crate::ui::state::{new_id, use_editor};
use crate::ui::widgets::Show;
use crate::ui::widgets::{keyed_ids, UndoNote};

/// The questions of one area, how many are settled, and a way to add one.
#[component]
pub fn AreaGroup(area: Area, removed: UndoNote) -> impl IntoView {
    let editor = use_editor();
    let slug = area_slug(area);
    let ids = memo(move || {
        editor.read(Scope::List(ListKind::Questions), |d| {
            d.questions
                .iter()
                .filter(|q| q.area == area)
                .map(|q| q.id.clone())
                .collect::<Vec<_>>()
        })
    });
    // Not applicable counts as settled: the question was considered.
    let progress = memo(move || {
        editor.track(Scope::List(ListKind::Questions));
        editor.read(Scope::Rows(ListKind::Questions), |d| {
            let mut done = 0;
            let mut total = 0;
            for q in d.questions.iter().filter(|q| q.area == area) {
                total += 1;
                if q.state != QuestionState::Open {
                    done += 1;
                }
            }
            (done, total)
        })
    });
    let draft = RwSignal::new(String::new());
    // The field for a new question opens on request: a checklist being read
    // costs a line per question, not an empty input per area.
    let adding = RwSignal::new(false);
    let open_add = move |_| {
        adding.set(true);
        focus_soon(format!("area-{slug}-new"));
    };
    let add = move || {
        let prompt = draft.get_untracked().trim().to_string();
        if prompt.is_empty() {
            focus_soon(format!("area-{slug}-new"));
            return;
        }
        // After the last question of this area, so the flat list stays grouped.
        let at = editor.peek(|d| {
            d.questions
                .iter()
                .rposition(|q| q.area == area)
                .map(|i| i + 1)
        });
        let id = new_id();
        editor.edit(Edit::Question(ListEdit::Add(
            Question {
                id: id.clone(),
                area,
                prompt,
                custom: true,
                ..Question::default()
            },
            at,
        )));
        editor.seal();
        draft.set(String::new());
        adding.set(false);
        focus_soon(format!("question-{id}-answer"));
    };
    let heading = format!("area-{slug}-h");
    let labelled_by = heading.clone();
    view! {
        <section class="area" id=format!("area-{slug}") aria-labelledby=labelled_by>
            <div class="area-head">
                <h3 id=heading>{area.label()}</h3>
                <p class="progress-text" id=format!("area-{slug}-progress")>
                    {move || {
                        let (done, total) = progress.get();
                        format!("{done} of {total} answered")
                    }}
                </p>
                <button
                    type="button"
                    class="add small"
                    id=format!("area-{slug}-add")
                    aria-expanded=move || adding.get().to_string()
                    on:click=open_add
                >
                    "Add a question"
                    <span class="visually-hidden">{format!(" to {}", area.label())}</span>
                </button>
            </div>
            <progress
                class="area-progress"
                aria-hidden="true"
                max=move || progress.get().1.max(1)
                value=move || progress.get().0
            ></progress>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">"No questions in this area."</p>
            </Show>
            <ol class="questions">
                {keyed_ids(ids, move |id| view! { <QuestionItem id=id area=area removed=removed /> }.into_any())}
            </ol>
            <Show when=move || adding.get()>
            <form
                class="add-question"
                on:submit=move |ev| {
                    ev.prevent_default();
                    add();
                }
            >
                <div class="field">
                    <label class="visually-hidden" for=format!("area-{slug}-new")>
                        {format!("Add a question to {}", area.label())}
                    </label>
                    <div class="inline-add">
                        <input
                            id=format!("area-{slug}-new")
                            type="text"
                            placeholder=format!("Add a question to {}, e.g. How did we decide to roll back?", area.label())
                            prop:value=move || draft.get()
                            on:input=move |ev| draft.set(event_target_value(&ev))
                            on:keydown=move |ev| {
                                if ev.key() == "Escape" {
                                    adding.set(false);
                                    focus_soon(format!("area-{slug}-add"));
                                }
                            }
                            on:blur=move |_| {
                                if draft.get_untracked().trim().is_empty() {
                                    adding.set(false);
                                }
                            }
                        />
                        <button type="submit" class="add">
                            "Add"
                            <span class="visually-hidden">{format!(" question to {}", area.label())}</span>
                        </button>
                    </div>
                </div>
            </form>
            </Show>
        </section>
    }
}
