use leptos::prelude::*;

use super::dissent_row::DissentRow;
use crate::domain::{Dissent, Edit, ListEdit, ListKind, Scope};
use crate::ui::focus::focus_soon;
use crate::ui::state::{new_id, use_editor};
use crate::ui::widgets::{Guide, UndoNote, UndoNotice};

/// Divergent and dissenting views, kept as they were said rather than
/// smoothed into a consensus that did not exist.
#[component]
pub fn Dissents() -> impl IntoView {
    let editor = use_editor();
    let ids = Memo::new(move |_| {
        editor.read(Scope::List(ListKind::Dissent), |d| {
            d.meeting
                .dissent
                .iter()
                .map(|x| x.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let removed = UndoNote::new();
    let add = move |_| {
        let id = new_id();
        editor.edit(Edit::Dissent(ListEdit::Add(
            Dissent {
                id: id.clone(),
                ..Dissent::default()
            },
            None,
        )));
        focus_soon(format!("dissent-{id}-who"));
    };
    view! {
        <fieldset class="group" id="meeting-dissent">
            <legend>"Dissenting views"</legend>
            <Guide class="help" text="Where people see it differently, write each view down with whose it is. A disagreement on record is worth more than a consensus that was not there." />
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">"No dissenting views recorded."</p>
            </Show>
            <ul class="rows">
                <For
                    each=move || ids.get()
                    key=|id| id.clone()
                    children=move |id| view! { <DissentRow id=id removed=removed /> }
                />
            </ul>
            <UndoNotice note=removed />
            <button type="button" class="add" id="dissent-add" on:click=add>
                "Add a dissenting view"
            </button>
        </fieldset>
    }
}
