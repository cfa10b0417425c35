use leptos::prelude::*;

use crate::domain::{Edit, Link, ListKind, PostMortem};
use crate::ui::state::use_editor;
use crate::ui::widgets::Show;
use crate::ui::widgets::{keyed_ids, LinkRow, RowKind, UndoNote, UndoNotice};

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
    let ids = LINK.ids(editor);
    let removed = UndoNote::new();
    let add = move |_| LINK.add_blank(editor, "url");
    view! {
        <fieldset class="group" id="context-links">
            <legend>"Links"</legend>
            <Show when=move || ids.with(|i| i.is_empty())>
                <p class="empty">"No links yet: tickets, the chat channel, dashboards, logs, merge requests."</p>
            </Show>
            <ul class="rows">
                {keyed_ids(ids, move |id| view! { <LinkRow id=id removed=removed kind=&LINK /> }.into_any())}
            </ul>
            <UndoNotice note=removed />
            <button type="button" class="add" id="link-add" on:click=add>
                "Add link"
            </button>
        </fieldset>
    }
}
