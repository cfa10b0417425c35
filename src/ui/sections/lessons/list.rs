use leptos::prelude::*;

use super::entry::LessonEntry;
use super::{kind_prompt, kind_slug, kind_title};
use crate::domain::{Edit, Entry, LessonKind, ListEdit, ListKind, Scope};
use crate::ui::focus::focus_soon;
use crate::ui::memo::memo;
use crate::ui::state::{new_id, use_editor};
use crate::ui::widgets::keyed_ids;

/// One of the seven lessons lists: a heading, its prompt and its entries.
#[component]
pub fn LessonList(kind: LessonKind) -> impl IntoView {
    let editor = use_editor();
    let slug = kind_slug(kind);
    let ids = memo(move || {
        editor.read(Scope::List(ListKind::Lessons(kind)), |d| {
            kind.list(&d.lessons)
                .iter()
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        let id = new_id();
        editor.edit(Edit::Lesson(
            kind,
            ListEdit::Add(
                Entry {
                    id: id.clone(),
                    text: String::new(),
                    cites: Vec::new(),
                },
                None,
            ),
        ));
        focus_soon(format!("lesson-{slug}-{id}"));
    };
    // A list already written when the page opened keeps its prompt for
    // screen readers only: the entries say what the list is for.
    let written = memo(move || editor.as_opened(|d| !kind.list(&d.lessons).is_empty()));
    let heading = format!("lessons-{slug}-h");
    let prompt = format!("lessons-{slug}-prompt");
    view! {
        <div class="lesson-list" id=format!("lessons-{slug}")>
            // The add button sits on the heading's line: an empty list costs
            // that line (and its prompt), not a line more for the button.
            <div class="list-head">
                <h3 id=heading.clone()>{kind_title(kind)}</h3>
                <button
                    type="button"
                    class="add small"
                    id=format!("lessons-{slug}-add")
                    on:click=add
                >
                    {move || if ids.with(Vec::is_empty) { "Add an entry" } else { "Add another" }}
                    <span class="visually-hidden">{format!(" to “{}”", kind_title(kind))}</span>
                </button>
            </div>
            <p class="help" class:visually-hidden=move || written.get() id=prompt.clone()>{kind_prompt(kind)}</p>
            <ul class="entry-list" aria-labelledby=heading aria-describedby=prompt>
                {keyed_ids(ids, move |id| view! { <LessonEntry kind=kind id=id /> }.into_any())}
            </ul>
        </div>
    }
}
