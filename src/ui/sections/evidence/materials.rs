use leptos::prelude::*;

use crate::domain::{Edit, Link, ListEdit, ListKind, PostMortem, Scope};
use crate::ui::focus::focus_soon;
use crate::ui::state::{new_id, use_editor};
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
    let ids = Memo::new(move |_| {
        editor.read(Scope::List(ListKind::Materials), |d| {
            d.evidence
                .materials
                .iter()
                .map(|m| m.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let removed = UndoNote::new();
    let add = move |_| {
        let id = new_id();
        editor.edit(Edit::Material(ListEdit::Add(
            Link {
                id: id.clone(),
                ..Link::default()
            },
            None,
        )));
        focus_soon(format!("material-{id}-url"));
    };
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
