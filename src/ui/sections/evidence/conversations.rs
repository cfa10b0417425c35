use leptos::prelude::*;

use super::conversation_row::ConversationRow;
use crate::domain::{Conversation, Edit, ListEdit, ListKind, Scope};
use crate::ui::focus::focus_soon;
use crate::ui::state::{new_id, use_editor};
use crate::ui::widgets::{UndoNote, UndoNotice};

/// Chat threads, calls and meetings held during and after the incident.
#[component]
pub fn Conversations() -> impl IntoView {
    let editor = use_editor();
    let ids = Memo::new(move |_| {
        editor.read(Scope::List(ListKind::Conversations), |d| {
            d.evidence
                .conversations
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let removed = UndoNote::new();
    let add = move |_| {
        let id = new_id();
        editor.edit(Edit::Conversation(ListEdit::Add(
            Conversation {
                id: id.clone(),
                ..Conversation::default()
            },
            None,
        )));
        // The excerpt is what a conversation is added for; when and who
        // can follow.
        focus_soon(format!("conversation-{id}-excerpt"));
    };
    view! {
        <fieldset class="group" id="evidence-conversations">
            <legend>"Conversations"</legend>
            <p class="help">
                "Paste chat excerpts as they were, or link to the thread or the call recording, with when it happened and who took part."
            </p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">"No conversations recorded yet."</p>
            </Show>
            <ul class="rows">
                <For
                    each=move || ids.get()
                    key=|id| id.clone()
                    children=move |id| view! { <ConversationRow id=id removed=removed /> }
                />
            </ul>
            <UndoNotice note=removed />
            <button type="button" class="add" id="conversation-add" on:click=add>
                "Add conversation"
            </button>
        </fieldset>
    }
}
