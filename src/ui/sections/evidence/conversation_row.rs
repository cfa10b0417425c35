use leptos::prelude::*;

use crate::domain::{Edit, Field, PostMortem, Scope};
use crate::ui::state::use_editor;
use crate::ui::widgets::{ListRow, RowDateTime, RowKind, RowText, UndoNote};

static CONVERSATION: RowKind<crate::domain::Conversation> = RowKind {
    kind: crate::domain::ListKind::Conversations,
    noun: "conversation",
    prefix: "conversation",
    focus: "when",
    add: "conversation-add",
    list: |d: &PostMortem| &d.evidence.conversations,
    edit: Edit::Conversation,
};

/// One conversation: when, who, a link, and the pasted excerpt in a
/// monospace box so chat alignment and timestamps survive.
#[component]
pub fn ConversationRow(id: String, removed: UndoNote) -> impl IntoView {
    let editor = use_editor();
    let row = ListRow::new(&id, &CONVERSATION);
    let zone = Memo::new(move |_| {
        editor.read(Scope::Field(Field::TimeZone), |d| {
            d.context.time_zone.clone()
        })
    });
    let when = Memo::new(move |_| row.item.with(|c| c.when));
    let participants = Memo::new(move |_| row.item.with(|c| c.participants.clone()));
    let link = Memo::new(move |_| row.item.with(|c| c.link.clone()));
    let excerpt = Memo::new(move |_| row.item.with(|c| c.excerpt.clone()));
    view! {
        <li class="row-item conversation">
            <RowDateTime
                id=row.dom_id("when")
                label="When"
                suffix=row.suffix
                value=when.into()
                zone=zone.into()
                on_change=Callback::new(move |v| row.update(&|c| c.when = v))
            />
            <RowText
                id=row.dom_id("participants")
                label="Who took part"
                suffix=row.suffix
                placeholder="Names or roles"
                value=participants.into()
                on_change=Callback::new(move |v: String| row.update(&|c| c.participants = v.clone()))
            />
            <div class="span-all">
                <RowText
                    id=row.dom_id("link")
                    label="Thread or recording"
                    suffix=row.suffix
                    input_type="url"
                    placeholder="https://"
                    value=link.into()
                    on_change=Callback::new(move |v: String| row.update(&|c| c.link = v.clone()))
                />
            </div>
            <div class="span-all">
                <RowText
                    id=row.dom_id("excerpt")
                    label="Excerpt"
                    suffix=row.suffix
                    multiline=true
                    class="mono"
                    placeholder="Paste the chat here"
                    value=excerpt.into()
                    on_change=Callback::new(move |v: String| row.update(&|c| c.excerpt = v.clone()))
                />
            </div>
            {row.remove_button(removed)}
        </li>
    }
}
