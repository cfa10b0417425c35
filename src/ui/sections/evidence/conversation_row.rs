use leptos::prelude::*;

use crate::domain::{Conversation, Edit, ListEdit};
use crate::ui::focus::focus_soon;
use crate::ui::state::use_editor;
use crate::ui::widgets::{RowDateTime, RowText, UndoNote};

/// One conversation: when, who, a link, and the pasted excerpt in a
/// monospace box so chat alignment and timestamps survive.
#[component]
pub fn ConversationRow(id: String, removed: UndoNote) -> impl IntoView {
    let editor = use_editor();
    let cid = id.clone();
    let conversation = Memo::new(move |_| {
        editor.doc.with(|d| {
            d.evidence
                .conversations
                .iter()
                .find(|c| c.id == cid)
                .cloned()
                .unwrap_or_default()
        })
    });
    let pid = id.clone();
    let index = Memo::new(move |_| {
        editor
            .doc
            .with(|d| d.evidence.conversations.iter().position(|c| c.id == pid))
            .unwrap_or(0)
    });
    let zone = Memo::new(move |_| editor.doc.with(|d| d.context.time_zone.clone()));
    let suffix = Signal::derive(move || format!(" of conversation {}", index.get() + 1));
    let update = move |f: &dyn Fn(&mut Conversation)| {
        let mut c = conversation.get_untracked();
        f(&mut c);
        editor.edit(Edit::Conversation(ListEdit::Update(c)));
    };
    let when = Memo::new(move |_| conversation.with(|c| c.when));
    let participants = Memo::new(move |_| conversation.with(|c| c.participants.clone()));
    let link = Memo::new(move |_| conversation.with(|c| c.link.clone()));
    let excerpt = Memo::new(move |_| conversation.with(|c| c.excerpt.clone()));
    let rid = id.clone();
    let remove = move |_| {
        let at = index.get_untracked();
        let neighbour = editor.doc.with_untracked(|d| {
            let list = &d.evidence.conversations;
            list.get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|p| list.get(p)))
                .map(|c| c.id.clone())
        });
        editor.edit(Edit::Conversation(ListEdit::Remove(rid.clone())));
        removed.removed(
            &editor,
            format!("Removed conversation {}.", at + 1),
            format!("conversation-{rid}-when"),
        );
        focus_soon(match neighbour {
            Some(n) => format!("conversation-{n}-when"),
            None => "conversation-add".to_string(),
        });
    };
    view! {
        <li class="row-item conversation">
            <RowDateTime
                id=format!("conversation-{id}-when")
                label="When"
                suffix=suffix
                value=when.into()
                zone=zone.into()
                on_change=Callback::new(move |v| update(&|c| c.when = v))
            />
            <RowText
                id=format!("conversation-{id}-participants")
                label="Who took part"
                suffix=suffix
                placeholder="Names or roles"
                value=participants.into()
                on_change=Callback::new(move |v: String| update(&|c| c.participants = v.clone()))
            />
            <div class="span-all">
                <RowText
                    id=format!("conversation-{id}-link")
                    label="Thread or recording"
                    suffix=suffix
                    input_type="url"
                    placeholder="https://"
                    value=link.into()
                    on_change=Callback::new(move |v: String| update(&|c| c.link = v.clone()))
                />
            </div>
            <div class="span-all">
                <RowText
                    id=format!("conversation-{id}-excerpt")
                    label="Excerpt"
                    suffix=suffix
                    multiline=true
                    class="mono"
                    placeholder="Paste the chat here"
                    value=excerpt.into()
                    on_change=Callback::new(move |v: String| update(&|c| c.excerpt = v.clone()))
                />
            </div>
            <button type="button" class="remove" on:click=remove>
                "Remove"
                <span class="visually-hidden">{move || format!(" conversation {}", index.get() + 1)}</span>
            </button>
        </li>
    }
}
