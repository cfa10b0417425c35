use leptos::prelude::*;

use super::conversation_row::{ConversationRow, CONVERSATION};
use crate::ui::memo::memo;
use crate::ui::state::use_editor;
use crate::ui::widgets::Show;
use crate::ui::widgets::{keyed_ids, UndoNote, UndoNotice};

/// Chat threads, calls and meetings held during and after the incident.
#[component]
pub fn Conversations() -> impl IntoView {
    let editor = use_editor();
    let ids = CONVERSATION.ids(editor);
    let removed = UndoNote::new();
    // The excerpt is what a conversation is added for; when and who can
    // follow.
    let add = move |_| CONVERSATION.add_blank(editor, "excerpt");
    let written = memo(move || editor.as_opened(|d| !d.evidence.conversations.is_empty()));
    view! {
        <fieldset class="group" id="evidence-conversations">
            <legend>"Conversations"</legend>
            <p class="help" class:visually-hidden=move || written.get()>
                "Paste chat excerpts as they were, or link to the thread or the call recording, with when it happened and who took part."
            </p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">"No conversations recorded yet."</p>
            </Show>
            <ul class="rows">
                {keyed_ids(ids, move |id| view! { <ConversationRow id=id removed=removed /> }.into_any())}
            </ul>
            <UndoNotice note=removed />
            <button type="button" class="add" id="conversation-add" on:click=add>
                "Add conversation"
            </button>
        </fieldset>
    }
}
