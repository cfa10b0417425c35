use leptos::prelude::*;

use crate::domain::{Edit, Field, PostMortem, Scope};
use crate::ui::state::use_editor;
use crate::ui::widgets::{Entry, ListRow, RowDateTime, RowKind, RowText, UndoNote};

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
    let read = move || {
        row.item.with(|c| {
            let first = c
                .excerpt
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("")
                .to_string();
            let who = c.participants.trim().to_string();
            let when = c
                .when
                .map(|w| {
                    let z = zone.get();
                    let offset = crate::ui::tz::offset_minutes(&z, w).unwrap_or(0);
                    crate::domain::zone::format_at_offset(w, offset)
                })
                .unwrap_or_default();
            let empty = first.is_empty() && who.is_empty();
            // The excerpt's first line is the text; who took part goes beside
            // it, unless it is the only thing written.
            let (text, who) = if empty {
                ("Nothing pasted yet".to_string(), String::new())
            } else if first.is_empty() {
                (who, String::new())
            } else {
                (first, who)
            };
            let meta: Vec<String> = [when, who].into_iter().filter(|s| !s.is_empty()).collect();
            view! {
                <span class="read-number">{format!("{}.", row.index.get() + 1)}</span>
                <span class="read-text mono-line" class:read-empty=empty>{text}</span>
                <span class="read-meta">{meta.join(" · ")}</span>
            }
        })
    };
    let fields = move || {
        view! {
            <div class="row-item-fields">
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
            </div>
        }
    };
    view! {
        <li class="row-item conversation">
            <Entry prefix=row.entry_prefix() first=row.first_field() name=row.name() read=read>
                {fields()}
            </Entry>
        </li>
    }
}
