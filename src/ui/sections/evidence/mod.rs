//! Evidence and notes: the raw material the write-up is built from, kept
//! beside it so later readers can check the story against the record.

mod conversation_row;

use leptos::prelude::*;

use crate::domain::{Edit, Field, Link, ListKind, PostMortem};
use crate::ui::widgets::{Help, LinkRow, RowGroup, RowKind, SectionFrame, TextField};
use conversation_row::{ConversationRow, CONVERSATION};

static MATERIAL: RowKind<Link> = RowKind {
    kind: ListKind::Materials,
    noun: "material",
    prefix: "material",
    focus: "url",
    add: "material-add",
    list: |d: &PostMortem| &d.evidence.materials,
    edit: Edit::Material,
};

#[component]
pub fn EvidenceSection() -> impl IntoView {
    view! {
        <SectionFrame slug="evidence" title="Evidence and notes" guide="Conversations, notes and material gathered during and after the incident, so the story above can be checked against the record.">
            // The excerpt is what a conversation is added for; when and who
            // can follow.
            <RowGroup kind=&CONVERSATION id="evidence-conversations" legend="Conversations" field="excerpt" add_label="Add conversation"
                help=Help::UntilWritten("Paste chat excerpts as they were, or link to the thread or the call recording, with when it happened and who took part.")
                empty="No conversations recorded yet."
                row=|id, removed| view! { <ConversationRow id=id removed=removed /> }.into_any() />
            <div class="plain-group">
                <TextField
                    field=Field::Notes
                    label="Notes"
                    multiline=true
                    help="Anything worth keeping that has no other place yet. The box grows as you write."
                />
            </div>
            <RowGroup kind=&MATERIAL id="evidence-materials" legend="Supporting material" field="url" add_label="Add material"
                help=Help::Guide("Links to graphs, log searches and documents. Link to a saved snapshot where you can: live dashboards change.")
                empty="No material linked yet."
                row=|id, removed| view! { <LinkRow id=id removed=removed kind=&MATERIAL numbered=true /> }.into_any() />
        </SectionFrame>
    }
}
