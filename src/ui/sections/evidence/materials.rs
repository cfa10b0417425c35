use leptos::prelude::*;

use crate::domain::{Edit, Link, ListKind, PostMortem};
use crate::ui::state::use_editor;
use crate::ui::widgets::{Guide, LinkRow, RowKind, UndoNote, UndoNotice};

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
                <For
                    each=move || ids.get()
                    key=|id| id.clone()
                    children=move |id| view! { <LinkRow id=id removed=removed kind=&MATERIAL numbered=true /> }
                />
            </ul>
            <UndoNotice note=removed />
            <button type="button" class="add" id="material-add" on:click=add>
                "Add material"
            </button>
        </fieldset>
    }
}
