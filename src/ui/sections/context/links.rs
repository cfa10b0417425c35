use leptos::prelude::*;

use crate::domain::{Edit, Link, ListEdit, ListKind, PostMortem, Scope};
use crate::ui::focus::focus_soon;
use crate::ui::state::{new_id, use_editor};
use crate::ui::widgets::{LinkRow, RowKind, UndoNote, UndoNotice};

static LINK: RowKind<Link> = RowKind {
    kind: ListKind::Links,
    noun: "link",
    prefix: "link",
    focus: "url",
    add: "link-add",
    list: |d: &PostMortem| &d.context.links,
    edit: Edit::Link,
};

/// Tickets, chat channels, dashboards, logs, merge requests, CI runs.
#[component]
pub fn Links() -> impl IntoView {
    let editor = use_editor();
    let ids = Memo::new(move |_| {
        editor.read(Scope::List(ListKind::Links), |d| {
            d.context
                .links
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let removed = UndoNote::new();
    let add = move |_| {
        let id = new_id();
        editor.edit(Edit::Link(ListEdit::Add(
            Link {
                id: id.clone(),
                ..Link::default()
            },
            None,
        )));
        focus_soon(format!("link-{id}-url"));
    };
    view! {
        <fieldset class="group" id="context-links">
            <legend>"Links"</legend>
            <Show when=move || ids.with(|i| i.is_empty())>
                <p class="empty">"No links yet: tickets, the chat channel, dashboards, logs, merge requests."</p>
            </Show>
            <ul class="rows">
                <For
                    each=move || ids.get()
                    key=|id| id.clone()
                    children=move |id| view! { <LinkRow id=id removed=removed kind=&LINK /> }
                />
            </ul>
            <UndoNotice note=removed />
            <button type="button" class="add" id="link-add" on:click=add>
                "Add link"
            </button>
        </fieldset>
    }
}
