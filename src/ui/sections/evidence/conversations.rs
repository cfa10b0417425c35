use leptos::prelude::*;

use super::conversation_row::{ConversationRow, CONVERSATION};
use crate::ui::widgets::{Help, RowGroup};

/// Chat threads, calls and meetings held during and after the incident.
#[component]
pub fn Conversations() -> impl IntoView {
    // The excerpt is what a conversation is added for; when and who can
    // follow.
    view! {
        <RowGroup
            kind=&CONVERSATION
            id="evidence-conversations"
            legend="Conversations"
            help=Help::UntilWritten("Paste chat excerpts as they were, or link to the thread or the call recording, with when it happened and who took part.")
            empty="No conversations recorded yet."
            field="excerpt"
            add_label="Add conversation"
            row=|id, removed| view! { <ConversationRow id=id removed=removed /> }.into_any()
        />
    }
}
