use leptos::prelude::*;

use crate::domain::{Conversation, Edit, Field, PostMortem, Scope};
use crate::ui::memo::memo;
use crate::ui::state::use_editor;
use crate::ui::widgets::{Entry, Line, ListRow, RowDateTime, RowKind, TextPart, UndoNote};

pub(super) static CONVERSATION: RowKind<crate::domain::Conversation> = RowKind {
    kind: crate::domain::ListKind::Conversations,
    noun: "conversation",
    prefix: "conversation",
    focus: "when",
    add: "conversation-add",
    list: |d: &PostMortem| &d.evidence.conversations,
    edit: Edit::Conversation,
};

static PARTICIPANTS: TextPart<Conversation> = TextPart::<Conversation>::new(
    "participants",
    "Who took part",
    |c| &c.participants,
    |c| &mut c.participants,
)
.placeholder("Names or roles");
static LINK: TextPart<Conversation> =
    TextPart::<Conversation>::new("link", "Thread or recording", |c| &c.link, |c| &mut c.link)
        .placeholder("https://")
        .url()
        .wide();
static EXCERPT: TextPart<Conversation> =
    TextPart::<Conversation>::new("excerpt", "Excerpt", |c| &c.excerpt, |c| &mut c.excerpt)
        .placeholder("Paste the chat here")
        .multiline()
        .mono();

/// One conversation: when, who, a link, and the pasted excerpt in a
/// monospace box so chat alignment and timestamps survive.
#[component]
pub fn ConversationRow(id: String, removed: UndoNote) -> impl IntoView {
    let editor = use_editor();
    let row = ListRow::new(&id, &CONVERSATION);
    let zone = memo(move || {
        editor.read(Scope::Field(Field::TimeZone), |d| {
            d.context.time_zone.clone()
        })
    });
    let when = memo(move || row.item.with(|c| c.when));
    let read = Signal::derive(move || {
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
            // The excerpt's first line is the text; when and who took part go
            // on the quieter line under it (a list of names is too long to sit
            // beside it), unless who took part is the only thing written.
            let (text, who) = if empty {
                (String::new(), String::new())
            } else if first.is_empty() {
                (who, String::new())
            } else {
                (first, who)
            };
            let meta: Vec<String> = [when, who].into_iter().filter(|s| !s.is_empty()).collect();
            Line {
                lead: format!("{}.", row.index.get() + 1),
                text,
                empty: "Nothing pasted yet",
                detail: meta.join(" · "),
                mono: true,
                ..Line::default()
            }
        })
    });
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
                    {row.text(&PARTICIPANTS, None)}
                    {row.text(&LINK, None)}
                    {row.text(&EXCERPT, None)}
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
