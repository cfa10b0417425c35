use leptos::prelude::*;

use super::dissent_row::{DissentRow, DISSENT};
use crate::ui::state::use_editor;
use crate::ui::widgets::Show;
use crate::ui::widgets::{keyed_ids, Guide, UndoNote, UndoNotice};

/// Divergent and dissenting views, kept as they were said rather than
/// smoothed into a consensus that did not exist.
#[component]
pub fn Dissents() -> impl IntoView {
    let editor = use_editor();
    let ids = DISSENT.ids(editor);
    let removed = UndoNote::new();
    let add = move |_| DISSENT.add_blank(editor, "who");
    view! {
        <fieldset class="group" id="meeting-dissent">
            <legend>"Dissenting views"</legend>
            <Guide class="help" text="Where people see it differently, write each view down with whose it is. A disagreement on record is worth more than a consensus that was not there." />
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">"No dissenting views recorded."</p>
            </Show>
            <ul class="rows">
                {keyed_ids(ids, move |id| view! { <DissentRow id=id removed=removed /> }.into_any())}
            </ul>
            <UndoNotice note=removed />
            <button type="button" class="add" id="dissent-add" on:click=add>
                "Add a dissenting view"
            </button>
        </fieldset>
    }
}
