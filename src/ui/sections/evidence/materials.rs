use leptos::prelude::*;

use crate::domain::{Edit, Link, ListKind, PostMortem};
use crate::ui::state::use_editor;
use crate::ui::widgets::Show;
use crate::ui::widgets::{keyed_ids, Guide, LinkRow, RowKind, UndoNote, UndoNotice};

static MATERIAL: RowKind<Link> = RowKind {
    kind: ListKind::Materials,
    noun: "material",
    prefix: "material",
    focus: "url",
    add: "material-add",
    list: |d: &PostMortem| &d.evidence.materials,
    edit: Edit::Material,
};

/// Graphs, log searches, documents: supporting material kept as links.
#[component]
pub fn Materials() -> impl IntoView {
    let editor = use_editor();
    let ids = MATERIAL.ids(editor);
    let removed = UndoNote::new();
    let add = move |_| MATERIAL.add_blank(editor, "url");
    view! {
        <fieldset class="group" id="evidence-materials">
            <legend>"Supporting material"</legend>
            <Guide class="help" text="Links to graphs, log searches and documents. Link to a saved snapshot where you can: live dashboards change." />
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">"No material linked yet."</p>
            </Show>
            <ul class="rows">
                {keyed_ids(ids, move |id| view! { <LinkRow id=id removed=removed kind=&MATERIAL numbered=true /> }.into_any())}
            </ul>
            <UndoNotice note=removed />
            <button type="button" class="add" id="material-add" on:click=add>
                "Add material"
            </button>
        </fieldset>
    }
}
